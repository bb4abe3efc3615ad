package dev.perfdesk.importers.k6;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import dev.perfdesk.core.bench.Benchmark;
import dev.perfdesk.core.bench.BenchmarkRun;
import dev.perfdesk.core.progress.ProgressMonitor;
import dev.perfdesk.core.spi.ImportSink;
import dev.perfdesk.importers.json.JsonDocument;
import dev.perfdesk.importers.json.JsonShape;
import dev.perfdesk.importers.spi.ImportException;
import dev.perfdesk.importers.spi.ImportSource;
import dev.perfdesk.importers.spi.Importer;

/**
 * Reads k6's end-of-test summary: the {@code --summary-export} file (each metric an object of statistics) and the
 * JSON of {@code handleSummary} (each metric with {@code type}, {@code contains} and {@code values}). One benchmark
 * per metric or sub-metric ({@code http_req_duration{expected_response:true}} gives parameters
 * {@code expected_response=true}); trend statistics keep k6's names ({@code avg}, {@code med}, ...) except
 * percentiles, which become {@code p90}, {@code p95}. Times are in milliseconds, as k6 writes them. Checks of the
 * root group become tags of the run. {@code http_req_duration} (without sub-metric tags) is the run's
 * {@link Benchmark#HEADLINE}, so the run opens on it.
 */
public final class K6SummaryImporter implements Importer {
    public static final String FORMAT = "k6-summary-json";

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public String description() {
        return "k6 summary JSON (--summary-export)";
    }

    @Override
    public int detect(byte[] head) {
        JsonShape shape = JsonShape.of(head, 3);
        if (!shape.isJson() || shape.rootIsArray() || !shape.has("/metrics")) {
            return 0;
        }
        if (shape.has("/root_group") || shape.has("/metrics/http_reqs") || shape.has("/metrics/iterations")
                || shape.has("/metrics/vus") || shape.has("/metrics/http_req_duration")) {
            return 90;
        }
        return 0;
    }

    @Override
    public void read(ImportSource source, ImportSink sink, ProgressMonitor monitor)
            throws IOException, ImportException {
        JsonDocument doc = JsonDocument.read(source, "a k6 summary file");
        if (!doc.root().isObject()) {
            throw doc.error("", "expected a k6 summary object with 'metrics', found "
                    + JsonDocument.describe(doc.root()));
        }
        JsonNode metrics = doc.object("/metrics", "an object 'metrics' of k6 metrics");
        if (metrics.isEmpty()) {
            throw doc.error("/metrics", "the 'metrics' object is empty: there are no metrics");
        }
        List<Benchmark> benchmarks = new ArrayList<>();
        for (Iterator<String> it = metrics.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            String at = "/metrics/" + key.replace("~", "~0").replace("/", "~1");
            JsonNode metric = doc.object(at, "a metric object");
            String values = at;
            String type = metric.path("type").asText("");
            String contains = metric.path("contains").asText("");
            if (metric.path("values").isObject()) {
                values = at + "/values";
            }
            K6Metrics.Name name = K6Metrics.Name.parse(key);
            if (type.isEmpty()) {
                type = K6Metrics.typeOf(doc.root().at(values));
            }
            if (contains.isEmpty()) {
                contains = K6Metrics.containsOf(name.metric(), type);
            }
            // A counter's headline is its rate (k6 prints "data_received: 13 MB 456 kB/s"), so that is its unit.
            String unit = K6Metrics.unit(type, contains);
            boolean counter = type.equals("counter");
            Benchmark.Builder b = Benchmark.builder(name.metric()).params(name.tags())
                    .unit(counter ? unit + "/s" : unit)
                    .lowerIsBetter(K6Metrics.lowerIsBetter(name.metric(), type));
            b.attribute("type", type);
            if (name.metric().equals("http_req_duration") && name.tags().isEmpty()) {
                // k6's request latency, the metric its summary and thresholds are about
                b.attribute(Benchmark.HEADLINE, "true");
            }
            JsonNode stats = doc.root().at(values);
            for (Iterator<String> s = stats.fieldNames(); s.hasNext(); ) {
                String stat = s.next();
                if (stat.equals("thresholds") || stat.equals("type") || stat.equals("contains")) {
                    continue;
                }
                double v = doc.number(values + "/" + stat);
                if ("time".equals(contains) && (!(v >= 0) || Double.isInfinite(v))) {
                    throw doc.error(values + "/" + stat, "a time statistic must be a finite number >= 0, found " + v);
                }
                double percentile = K6Metrics.percentileOf(stat);
                if (!Double.isNaN(percentile) && !Benchmark.isPercentile(percentile)) {
                    throw doc.error(values + "/" + stat, "'" + stat + "' names no percentile from 0 to 100");
                }
                if (!Double.isNaN(percentile)) {
                    b.reportedPercentile(percentile, v);
                } else if (counter && stat.equals("count") && "data".equals(contains)) {
                    // bytes counted, in B: a total, not a number of measurements
                    b.statistic("total", v);
                } else {
                    b.statistic(stat, v);
                }
                if (stat.equals("count") && !"trend".equals(type) && !"data".equals(contains)) {
                    b.count((long) v);
                }
            }
            JsonNode thresholds = metric.path("thresholds");
            if (thresholds.isObject()) {
                JsonDocument.strings(thresholds).forEach((k, v) -> b.attribute("threshold " + k, v));
            }
            benchmarks.add(b.build());
        }
        Map<String, String> tags = new LinkedHashMap<>();
        JsonNode checks = doc.root().path("root_group").path("checks");
        if (checks.isObject() || checks.isArray()) {
            for (JsonNode check : checks) {
                if (check.has("name")) {
                    tags.put("check " + check.path("name").asText(), check.path("passes").asLong() + " passes, "
                            + check.path("fails").asLong() + " fails");
                }
            }
        }
        sink.addRun(new BenchmarkRun(source.fileName(), "k6", FORMAT, null, Map.of(), "", "", tags, benchmarks));
    }
}
