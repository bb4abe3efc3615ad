package dev.perfdesk.importers.gbench;

import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import dev.perfdesk.core.bench.BenchUnits;
import dev.perfdesk.core.bench.Benchmark;
import dev.perfdesk.core.bench.BenchmarkRun;
import dev.perfdesk.core.bench.BenchmarkStatus;
import dev.perfdesk.core.progress.ProgressMonitor;
import dev.perfdesk.core.spi.ImportSink;
import dev.perfdesk.importers.json.JsonDocument;
import dev.perfdesk.importers.json.JsonShape;
import dev.perfdesk.importers.spi.ImportException;
import dev.perfdesk.importers.spi.ImportSource;
import dev.perfdesk.importers.spi.Importer;

/**
 * Reads Google Benchmark's JSON output ({@code --benchmark_format=json} or {@code --benchmark_out}). Entries are
 * grouped by {@code run_name}: each group gives a benchmark for {@code real_time} (the primary metric), one for
 * {@code cpu_time}, and one per counter ({@code items_per_second}, user counters). The repetitions' values
 * ({@code run_type} "iteration") are the raw samples; aggregates ({@code _mean}, {@code _median}, {@code _stddev},
 * {@code _cv}) are reported statistics. An entry of {@code run_type} "aggregate" without an {@code aggregate_name}
 * names no statistic, so it is a measurement like a repetition, as compare.py takes it; so is an aggregate named as
 * its own run (no {@code run_name}, or one equal to its {@code name}), since it is a statistic of no other entry, and a
 * percentage one ({@code aggregate_unit} "percentage") is read in {@code %}, times 100 as Google Benchmark prints it.
 * Such samples are listed in the attribute {@link Benchmark#AGGREGATE_SAMPLES}. Entries with a {@code family_index}
 * are read in the order compare.py's command line sorts them into, so repetitions pair by {@code repetition_index}.
 * Times are in the entry's {@code time_unit}. Errors
 * ({@code error_occurred}) and skipped benchmarks ({@code skipped}) are kept with their messages.
 */
public final class GoogleBenchmarkImporter implements Importer {
    public static final String FORMAT = "gbench-json";
    private static final Set<String> STANDARD = Set.of("name", "family_index", "per_family_instance_index",
            "run_name", "run_type", "repetitions", "repetition_index", "threads", "iterations", "real_time",
            "cpu_time", "time_unit", "aggregate_name", "aggregate_unit", "label", "error_occurred", "error_message",
            "skipped", "skip_message", "big_o", "rms", "real_coefficient", "cpu_coefficient", "complexity_n");

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public String description() {
        return "Google Benchmark JSON";
    }

    @Override
    public int detect(byte[] head) {
        JsonShape shape = JsonShape.of(head, 3);
        if (!shape.isJson() || shape.rootIsArray()) {
            return 0;
        }
        boolean context = shape.has("/context") && (shape.has("/context/num_cpus")
                || shape.has("/context/library_build_type") || shape.has("/context/mhz_per_cpu"));
        boolean entries = shape.has("/benchmarks/[]/time_unit") || shape.has("/benchmarks/[]/real_time")
                || shape.has("/benchmarks/[]/run_type");
        if (context && (shape.has("/benchmarks") || entries)) {
            return 90;
        }
        return entries && !shape.has("/machine_info") ? 70 : 0;
    }

    /** One benchmark's entries while they are collected. */
    private static final class Group {
        final String name;
        final String unit;
        final Map<String, List<Double>> samples = new LinkedHashMap<>();
        final Map<String, Map<String, Double>> aggregates = new LinkedHashMap<>();
        /** Per metric, the indexes in {@link #samples} of values from entries of run_type "aggregate". */
        final Map<String, List<Integer>> aggregateSamples = new LinkedHashMap<>();
        final Map<String, String> attributes = new LinkedHashMap<>();
        BenchmarkStatus status = BenchmarkStatus.OK;
        String message = "";
        long repetitions = -1;

        Group(String name, String unit) {
            this.name = name;
            this.unit = unit;
        }
    }

    @Override
    public void read(ImportSource source, ImportSink sink, ProgressMonitor monitor)
            throws IOException, ImportException {
        JsonDocument doc = JsonDocument.read(source, "a Google Benchmark JSON file");
        if (!doc.root().isObject()) {
            throw doc.error("", "expected a Google Benchmark JSON object with 'context' and 'benchmarks', found "
                    + JsonDocument.describe(doc.root()));
        }
        JsonNode entries = doc.array("/benchmarks", "an array 'benchmarks' of Google Benchmark results");
        if (entries.isEmpty()) {
            throw doc.error("/benchmarks", "the 'benchmarks' array is empty: there are no benchmarks");
        }
        Map<String, String> environment = new LinkedHashMap<>();
        JsonNode context = doc.root().path("context");
        Instant start = null;
        if (context.isObject()) {
            environment.putAll(JsonDocument.strings(context));
            String date = context.path("date").asText("");
            try {
                start = date.isEmpty() ? null : OffsetDateTime.parse(date).toInstant();
            } catch (DateTimeParseException e) {
                start = null;
            }
        }
        Map<String, Group> groups = new LinkedHashMap<>();
        for (int i : order(entries)) {
            monitor.checkCancelled();
            String at = "/benchmarks/" + i;
            JsonNode e = doc.object(at, "a benchmark entry object");
            String name = doc.text(at + "/name");
            String runName = e.path("run_name").asText(name);
            String type = e.path("run_type").asText("iteration");
            String aggregate = e.path("aggregate_name").asText("");
            // an aggregate named as its own run (no run_name, or one equal to its name) is no statistic of another
            // entry's repetitions: it is the value of its name, which compare.py compares
            boolean ownValue = type.equals("aggregate") && !aggregate.isEmpty() && runName.equals(name);
            boolean statistic = type.equals("aggregate") && !aggregate.isEmpty() && !ownValue;
            boolean percent = ownValue && e.path("aggregate_unit").asText("").equals("percentage");
            String unit = percent ? "%" : doc.text(at + "/time_unit", "ns");
            Group g = groups.computeIfAbsent(runName, k -> new Group(k, unit));
            if (g.unit.equals("%") != percent && (ownValue || !statistic)) {
                throw doc.error(at, "'" + name + "' mixes values in percent (aggregate_unit \"percentage\") with "
                        + "times");
            }
            if (e.path("repetitions").isNumber()) {
                g.repetitions = e.path("repetitions").asLong();
            }
            if (e.path("error_occurred").asBoolean(false)) {
                g.status = BenchmarkStatus.FAILED;
                g.message = e.path("error_message").asText("");
                continue;
            }
            JsonNode skipped = e.path("skipped");
            if (skipped.asBoolean(false) || (skipped.isTextual() && !skipped.asText().equals("NotSkipped"))) {
                g.status = BenchmarkStatus.SKIPPED;
                g.message = e.path("skip_message").asText("");
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = e.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                String key = f.getKey();
                boolean time = key.equals("real_time") || key.equals("cpu_time");
                if (!time && (STANDARD.contains(key) || !f.getValue().isNumber() && !f.getValue().isTextual())) {
                    continue;
                }
                double v = doc.number(at + "/" + key);
                if (time && (!(v >= 0) || Double.isInfinite(v))) {
                    throw doc.error(at + "/" + key, "'" + key + "' must be a finite number >= 0, found "
                            + JsonDocument.describe(f.getValue()));
                }
                if (statistic) {
                    g.aggregates.computeIfAbsent(key, k -> new LinkedHashMap<>()).put(aggregate, v);
                } else {
                    List<Double> values = g.samples.computeIfAbsent(key, k -> new ArrayList<>());
                    if (type.equals("aggregate")) {
                        g.aggregateSamples.computeIfAbsent(key, k -> new ArrayList<>()).add(values.size());
                    }
                    // Google Benchmark prints a percentage aggregate (a cv) as its value times 100 with "%"
                    values.add(percent && time ? v * 100 : v);
                }
            }
            if (!statistic) {
                for (String key : new String[] {"iterations", "threads", "label"}) {
                    JsonNode v = e.path(key);
                    if (v.isValueNode() && !v.isNull() && !v.asText().isEmpty()) {
                        g.attributes.putIfAbsent(key, v.asText());
                    }
                }
            }
        }
        List<Benchmark> benchmarks = new ArrayList<>();
        for (Group g : groups.values()) {
            if (g.samples.isEmpty() && g.aggregates.isEmpty()) {
                benchmarks.add(base(g, "real_time", g.unit, true).build());
                continue;
            }
            List<String> metrics = new ArrayList<>(g.samples.keySet());
            for (String key : g.aggregates.keySet()) {
                if (!metrics.contains(key)) {
                    metrics.add(key);
                }
            }
            for (String key : metrics) {
                boolean time = key.equals("real_time") || key.equals("cpu_time");
                String unit = time ? g.unit : key.endsWith("_per_second") ? "/s" : "";
                boolean lower = time || !key.endsWith("_per_second");
                Benchmark.Builder b = base(g, key, unit, lower);
                List<Double> values = g.samples.get(key);
                if (values != null) {
                    b.samples(values.stream().mapToDouble(Double::doubleValue).toArray());
                }
                List<Integer> fromAggregates = g.aggregateSamples.get(key);
                if (fromAggregates != null) {
                    b.attribute(Benchmark.AGGREGATE_SAMPLES, fromAggregates.stream().map(String::valueOf)
                            .collect(java.util.stream.Collectors.joining(",")));
                }
                Map<String, Double> aggregates = g.aggregates.get(key);
                if (aggregates != null) {
                    aggregates.forEach(b::statistic);
                    if (values == null && g.repetitions > 0) {
                        b.count(g.repetitions);
                    }
                }
                benchmarks.add(b.build());
            }
        }
        sink.addRun(new BenchmarkRun(source.fileName(), "Google Benchmark", FORMAT, start, environment, "", "",
                Map.of(), benchmarks));
    }

    /**
     * The entries' indexes in the order compare.py's command line puts them in ({@code util.sort_benchmark_results}:
     * by family, by instance, repetitions before aggregates, by repetition index) when the entries carry a
     * {@code family_index} (Google Benchmark 1.6 on); the file's order otherwise, as compare.py's report functions
     * take them. The sort is stable, so it only moves entries a parallel or merged run wrote out of order.
     */
    private static List<Integer> order(JsonNode entries) {
        List<Integer> order = new ArrayList<>();
        boolean indexed = false;
        for (int i = 0; i < entries.size(); i++) {
            order.add(i);
            indexed |= entries.get(i).path("family_index").isNumber();
        }
        if (indexed) {
            order.sort(java.util.Comparator.<Integer>comparingLong(i -> index(entries.get(i), "family_index"))
                    .thenComparingLong(i -> index(entries.get(i), "per_family_instance_index"))
                    .thenComparingInt(i -> entries.get(i).path("run_type").asText("").equals("aggregate") ? 1 : 0)
                    .thenComparingLong(i -> index(entries.get(i), "repetition_index")));
        }
        return order;
    }

    private static long index(JsonNode entry, String field) {
        JsonNode v = entry.path(field);
        return v.isNumber() ? v.asLong() : -1;
    }

    private static Benchmark.Builder base(Group g, String key, String unit, boolean lowerIsBetter) {
        Benchmark.Builder b = Benchmark.builder(g.name).unit(unit)
                .metric(key.equals("real_time") ? Benchmark.PRIMARY : key)
                .lowerIsBetter(BenchUnits.isTime(unit) || lowerIsBetter);
        g.attributes.forEach(b::attribute);
        if (g.status != BenchmarkStatus.OK) {
            b.status(g.status, g.message);
        }
        return b;
    }
}
