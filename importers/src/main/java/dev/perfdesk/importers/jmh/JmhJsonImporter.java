package dev.perfdesk.importers.jmh;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.HdrHistogram.Histogram;

import com.fasterxml.jackson.databind.JsonNode;

import dev.perfdesk.core.bench.BenchUnits;
import dev.perfdesk.core.bench.Benchmark;
import dev.perfdesk.core.bench.BenchmarkRun;
import dev.perfdesk.core.bench.Distribution;
import dev.perfdesk.core.progress.ProgressMonitor;
import dev.perfdesk.core.spi.ImportSink;
import dev.perfdesk.core.stats.ScoreSummary;
import dev.perfdesk.importers.json.JsonDocument;
import dev.perfdesk.importers.json.JsonShape;
import dev.perfdesk.importers.spi.ImportException;
import dev.perfdesk.importers.spi.ImportSource;
import dev.perfdesk.importers.spi.Importer;

/**
 * Reads JMH's JSON result file ({@code -rf json}): one benchmark per result and metric, in every mode (thrpt,
 * avgt, sample, ss), with its parameters, the score and its 99.9% error, the per-iteration {@code rawData} as raw
 * samples, sample mode's {@code rawDataHistogram} as an HdrHistogram (value and count pairs are recorded with their
 * counts, never expanded), {@code scorePercentiles} as reported percentiles, and secondary metrics such as
 * {@code gc.alloc.rate.norm}. JMH writes non-finite numbers as the strings "NaN", "+INF" and "-INF"; they are read
 * as numbers.
 *
 * <p>Sample mode's percentile pseudo-metrics ({@code p0.50}, ...) are left out: they repeat the primary metric's
 * distribution, which is kept whole.
 */
public final class JmhJsonImporter implements Importer {
    public static final String FORMAT = "jmh-json";
    private static final Pattern PERCENTILE_METRIC = Pattern.compile("p[01]\\.\\d+");
    private static final String[] ENVIRONMENT = {"jmhVersion", "jvm", "jdkVersion", "vmName", "vmVersion"};
    private static final String[] ATTRIBUTES = {"threads", "forks", "warmupIterations", "warmupTime",
        "warmupBatchSize", "measurementIterations", "measurementTime", "measurementBatchSize"};

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public String description() {
        return "JMH JSON (-rf json)";
    }

    @Override
    public int detect(byte[] head) {
        JsonShape shape = JsonShape.of(head, 2);
        if (shape.isJson() && shape.rootIsArray() && shape.has("/[]/benchmark")
                && (shape.has("/[]/primaryMetric") || shape.has("/[]/jmhVersion") || shape.has("/[]/mode"))) {
            return 95;
        }
        return 0;
    }

    @Override
    public void read(ImportSource source, ImportSink sink, ProgressMonitor monitor)
            throws IOException, ImportException {
        JsonDocument doc = JsonDocument.read(source, "a JMH result file");
        if (!doc.root().isArray()) {
            throw doc.error("", "expected a JSON array of JMH results, found " + JsonDocument.describe(doc.root()));
        }
        if (doc.root().isEmpty()) {
            throw doc.error("", "the JSON array is empty: there are no JMH results");
        }
        Map<String, String> environment = new LinkedHashMap<>();
        List<Benchmark> benchmarks = new ArrayList<>();
        for (int i = 0; i < doc.root().size(); i++) {
            monitor.checkCancelled();
            String at = "/" + i;
            JsonNode result = doc.object(at, "a JMH result object");
            if (i == 0) {
                for (String key : ENVIRONMENT) {
                    JsonNode v = result.path(key);
                    if (v.isValueNode() && !v.isNull()) {
                        environment.put(key, v.asText());
                    }
                }
                JsonNode args = result.path("jvmArgs");
                if (args.isArray() && !args.isEmpty()) {
                    List<String> list = new ArrayList<>();
                    args.forEach(a -> list.add(a.asText()));
                    environment.put("jvmArgs", String.join(" ", list));
                }
            }
            String name = doc.text(at + "/benchmark");
            String mode = doc.text(at + "/mode");
            Map<String, String> params = JsonDocument.strings(result.path("params"));
            Map<String, String> attributes = new LinkedHashMap<>();
            for (String key : ATTRIBUTES) {
                JsonNode v = result.path(key);
                if (v.isValueNode() && !v.isNull()) {
                    attributes.put(key, v.asText());
                }
            }
            int iterations = Math.max(1, result.path("measurementIterations").asInt(1))
                    * Math.max(1, result.path("forks").asInt(1));
            doc.object(at + "/primaryMetric", "a 'primaryMetric' object");
            benchmarks.add(metric(doc, at + "/primaryMetric", name, mode, Benchmark.PRIMARY, params, attributes,
                    iterations, !mode.equals("thrpt"), true));
            JsonNode secondary = result.path("secondaryMetrics");
            if (secondary.isObject()) {
                for (Iterator<String> it = secondary.fieldNames(); it.hasNext(); ) {
                    String metric = it.next();
                    if (mode.equals("sample") && PERCENTILE_METRIC.matcher(metric).matches()) {
                        continue;
                    }
                    String pointer = at + "/secondaryMetrics/" + metric.replace("~", "~0").replace("/", "~1");
                    doc.object(pointer, "a metric object");
                    String unit = doc.text(pointer + "/scoreUnit", "");
                    boolean lower = metric.startsWith("gc.") || !BenchUnits.isThroughput(unit);
                    benchmarks.add(metric(doc, pointer, name, mode, metric, params, attributes, iterations, lower,
                            false));
                }
            }
        }
        sink.addRun(new BenchmarkRun(source.fileName(), "JMH", FORMAT, null, environment, "", "", Map.of(),
                benchmarks));
    }

    private static Benchmark metric(JsonDocument doc, String at, String name, String mode, String metric,
                                    Map<String, String> params, Map<String, String> attributes, int iterations,
                                    boolean lowerIsBetter, boolean primary) throws ImportException {
        String unit = doc.text(at + "/scoreUnit");
        double score = doc.number(at + "/score");
        if (primary && score < 0) {
            throw doc.error(at + "/score", "a " + mode + " score cannot be negative: " + score);
        }
        double error = doc.number(at + "/scoreError", Double.NaN);
        Benchmark.Builder b = Benchmark.builder(name).params(params).mode(mode).metric(metric).unit(unit)
                .lowerIsBetter(lowerIsBetter);
        attributes.forEach(b::attribute);
        JsonNode raw = doc.root().at(at + "/rawData");
        int n = 0;
        if (raw.isArray()) {
            List<Double> values = new ArrayList<>();
            for (int f = 0; f < raw.size(); f++) {
                JsonNode fork = doc.array(at + "/rawData/" + f, "an array of iteration scores of one fork");
                for (int k = 0; k < fork.size(); k++) {
                    String p = at + "/rawData/" + f + "/" + k;
                    double v = doc.number(p);
                    if (primary && v < 0) {
                        throw doc.error(p, "an iteration score cannot be negative: " + v);
                    }
                    values.add(v);
                }
            }
            b.samples(values.stream().mapToDouble(Double::doubleValue).toArray());
            n = values.size();
        }
        JsonNode histogram = doc.root().at(at + "/rawDataHistogram");
        if (histogram.isArray()) {
            Distribution d = distribution(doc, at + "/rawDataHistogram", unit);
            b.distribution(d);
            n = (int) Math.min(Integer.MAX_VALUE, d.totalCount());
        }
        JsonNode percentiles = doc.root().at(at + "/scorePercentiles");
        if (percentiles.isObject()) {
            for (Iterator<String> it = percentiles.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                double p;
                try {
                    p = Double.parseDouble(key);
                } catch (NumberFormatException e) {
                    p = Double.NaN;
                }
                if (!Benchmark.isPercentile(p)) {
                    throw doc.error(at + "/scorePercentiles", "expected percentiles from 0 to 100 such as \"99.9\" "
                            + "as keys, found \"" + key + "\"");
                }
                b.reportedPercentile(p, doc.number(at + "/scorePercentiles/" + key));
            }
        }
        int count = n > 0 ? n : iterations;
        b.score(new ScoreSummary(score, error, ScoreSummary.JMH_CONFIDENCE, count));
        b.count(count);
        return b.build();
    }

    /** Sample mode's histogram: per fork, per iteration, [value, count] pairs. */
    private static Distribution distribution(JsonDocument doc, String at, String unit) throws ImportException {
        double secondsPer = BenchUnits.secondsPer(unit.contains("/") ? unit.substring(0, unit.indexOf('/')) : unit);
        double scale = Double.isNaN(secondsPer) ? 1000 : Math.max(1, secondsPer / 1e-9);
        Histogram h = new Histogram(Distribution.SIGNIFICANT_DIGITS);
        JsonNode forks = doc.root().at(at);
        for (int f = 0; f < forks.size(); f++) {
            JsonNode iterations = doc.array(at + "/" + f, "an array of iterations of one fork");
            for (int i = 0; i < iterations.size(); i++) {
                JsonNode pairs = doc.array(at + "/" + f + "/" + i, "an array of [value, count] pairs");
                for (int k = 0; k < pairs.size(); k++) {
                    String p = at + "/" + f + "/" + i + "/" + k;
                    JsonNode pair = pairs.get(k);
                    if (!pair.isArray() || pair.size() != 2) {
                        throw doc.error(p, "expected a [value, count] pair, found " + JsonDocument.describe(pair));
                    }
                    double value = doc.number(p + "/0");
                    double count = doc.number(p + "/1");
                    if (!(value >= 0) || Double.isInfinite(value)) {
                        throw doc.error(p + "/0", "a sampled time must be a finite number >= 0, found " + value);
                    }
                    if (!(count >= 0) || count != Math.rint(count) || Double.isInfinite(count)) {
                        throw doc.error(p + "/1", "a count must be a whole number >= 0, found " + count);
                    }
                    h.recordValueWithCount(Distribution.toRecorded(value, scale), (long) count);
                }
            }
        }
        return new Distribution(h, unit, scale);
    }
}
