package dev.perfdesk.importers.kubeburner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

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
 * Reads the measurement documents kube-burner's local indexer writes (a JSON array per file, such as
 * {@code podLatencyQuantilesMeasurement-<job>.json}, {@code svcLatencyQuantilesMeasurement-<job>.json},
 * {@code podLatencyMeasurement-<job>.json} and {@code jobSummary.json}), in the layout of kube-burner's
 * {@code metrics.LatencyQuantiles}, {@code podMetric}, {@code serviceLatency} and {@code burner.JobSummary}:
 * <ul>
 *   <li>a quantiles document ({@code metricName} ending in {@code QuantilesMeasurement}) becomes a benchmark per
 *       condition ({@code quantileName}: {@code Ready}, {@code PodScheduled}, ...) and job, with kube-burner's
 *       {@code P50}, {@code P95}, {@code P99} as reported percentiles and {@code min}, {@code max}, {@code avg};
 *       in milliseconds, except service latencies, which kube-burner keeps in nanoseconds ({@code time.Duration});
 *       a negative value (kube-burner writes one when an event was missed) marks the condition failed;</li>
 *   <li>per-object documents ({@code podLatencyMeasurement}, {@code svcLatencyMeasurement}, ...) become raw samples
 *       per condition and job: every {@code ...Latency} field (and a service's {@code ready} and
 *       {@code ipAssigned});</li>
 *   <li>a {@code jobSummary} becomes a benchmark per job with its elapsed time in seconds, failed when
 *       {@code passed} is false; its version and the metadata merged into it are the run's environment.</li>
 * </ul>
 * A folder of them ({@code collected-metrics-<uuid>}, the local indexer's {@code metricsDirectory}) imports as one
 * run, its Prometheus-profile metric files listed in the run's tags and not read. Unknown keys are ignored and
 * missing optional ones tolerated, as kube-burner added fields over its versions
 * ({@code min}, {@code containersStartedLatency}); the capitalised {@code Max}/{@code Avg} of older versions are read.
 */
public final class KubeBurnerImporter implements Importer {
    public static final String FORMAT = "kube-burner-json";
    /** The parameter naming the measurement ({@code podLatency}, {@code svcLatency}, {@code jobSummary}). */
    public static final String MEASUREMENT = "measurement";
    /** The parameter naming the job. */
    public static final String JOB = "job";
    private static final String WHAT = "a kube-burner measurement file (a JSON array of documents with "
            + "'metricName')";
    private static final Map<String, String> POD_CONDITIONS = Map.of("schedulingLatency", "PodScheduled",
            "initializedLatency", "Initialized", "containersReadyLatency", "ContainersReady", "podReadyLatency",
            "Ready", "readyToStartContainersLatency", "PodReadyToStartContainers", "containersStartedLatency",
            "ContainersStarted");
    private static final Set<String> SUMMARY_KEYS = Set.of("timestamp", "endTimestamp", "churnStartTimestamp",
            "churnEndTimestamp", "elapsedTime", "uuid", "incrementalLoadUUID", "metricName", "jobConfig", "version",
            "passed", "executionErrors", "jobName");

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public String description() {
        return "kube-burner measurements (local indexer JSON: latency quantiles, per-object latencies, jobSummary)";
    }

    @Override
    public int detect(byte[] head) {
        JsonShape shape = JsonShape.of(head, 2);
        if (!shape.isJson() || !shape.rootIsArray() || !shape.has("/[]/metricName")) {
            return 0;
        }
        boolean kind = shape.has("/[]/quantileName") || shape.has("/[]/jobConfig") || shape.has("/[]/elapsedTime")
                || shape.paths().stream().anyMatch(p -> p.startsWith("/[]/") && p.endsWith("Latency"))
                || shape.has("/[]/ready");
        return kind && shape.has("/[]/uuid") ? 90 : 0;
    }

    /** The values of one condition of one measurement and job. */
    private static final class Condition {
        final Benchmark.Builder builder;
        final List<Double> samples = new ArrayList<>();
        boolean negative;

        Condition(Benchmark.Builder builder) {
            this.builder = builder;
        }
    }

    /**
     * A folder written by kube-burner's local indexer ({@code collected-metrics-<uuid>}): it holds
     * {@code jobSummary.json} or a {@code <measurement>-<job>.json} file, and only JSON files.
     */
    @Override
    public int detectFolder(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (Stream<Path> list = Files.list(folder)) {
            List<String> names = list.filter(Files::isRegularFile).map(p -> p.getFileName().toString())
                    .filter(n -> !n.startsWith(".")).toList();
            boolean kubeBurner = names.stream().anyMatch(n -> n.equals("jobSummary.json")
                    || n.matches("[a-zA-Z]+(Quantiles)?Measurement-.+\\.json"));
            return kubeBurner && names.stream().allMatch(n -> n.endsWith(".json")) ? 90 : 0;
        }
    }

    /** What the documents of one file or folder add up to. */
    private static final class Collected {
        final Map<String, Condition> conditions = new LinkedHashMap<>();
        final Map<String, String> environment = new LinkedHashMap<>();
        final Map<String, String> tags = new LinkedHashMap<>();
        Instant start;
    }

    @Override
    public void read(ImportSource source, ImportSink sink, ProgressMonitor monitor)
            throws IOException, ImportException {
        Collected all = new Collected();
        if (source.isFolder()) {
            List<Path> files;
            try (Stream<Path> list = Files.list(source.path())) {
                files = list.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().endsWith(".json"))
                        .filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
            }
            List<String> skipped = new ArrayList<>();
            for (Path file : files) {
                JsonDocument doc = JsonDocument.read(ImportSource.of(file), WHAT);
                if (isPrometheusMetrics(doc)) {
                    // a metrics profile's results are series over time, not measurements: listed, not read
                    skipped.add(file.getFileName().toString());
                    continue;
                }
                collect(doc, all, monitor);
            }
            if (!skipped.isEmpty()) {
                all.tags.put("not read (Prometheus-profile metrics)", String.join(", ", skipped));
            }
        } else {
            collect(JsonDocument.read(source, WHAT), all, monitor);
        }
        List<Benchmark> benchmarks = new ArrayList<>();
        for (Condition c : all.conditions.values()) {
            if (!c.samples.isEmpty()) {
                c.builder.samples(c.samples.stream().mapToDouble(Double::doubleValue).toArray());
            }
            if (c.negative) {
                c.builder.status(BenchmarkStatus.FAILED, "a negative latency: kube-burner missed an event");
            }
            benchmarks.add(c.builder.build());
        }
        if (benchmarks.isEmpty()) {
            throw ImportException.whole(source.path(), "the documents hold no latency or job summary");
        }
        sink.addRun(new BenchmarkRun(source.fileName(), "kube-burner", FORMAT, all.start, all.environment, "", "",
                all.tags, benchmarks));
    }

    private static boolean isPrometheusMetrics(JsonDocument doc) {
        JsonNode first = doc.root().path(0);
        String metric = first.path("metricName").asText("");
        return first.isObject() && !metric.isEmpty() && !metric.endsWith("Measurement")
                && !metric.equals("jobSummary") && first.has("query");
    }

    private static void collect(JsonDocument doc, Collected all, ProgressMonitor monitor) throws ImportException {
        monitor.checkCancelled();
        JsonNode root = doc.root();
        if (!root.isArray()) {
            throw doc.error("", "expected " + WHAT + ", found " + JsonDocument.describe(root));
        }
        if (root.isEmpty()) {
            throw doc.error("", "the array is empty: kube-burner indexed no documents");
        }
        for (int i = 0; i < root.size(); i++) {
            String at = "/" + i;
            JsonNode d = doc.object(at, "a kube-burner document object with 'metricName'");
            String metric = doc.text(at + "/metricName");
            String uuid = doc.text(at + "/uuid", "");
            if (!uuid.isEmpty()) {
                all.tags.putIfAbsent("uuid", uuid);
            }
            String time = doc.text(at + "/timestamp", "");
            if (!time.isEmpty()) {
                Instant t = instant(doc, at + "/timestamp", time);
                all.start = all.start == null || t.isBefore(all.start) ? t : all.start;
            }
            String job = doc.text(at + "/jobName", "");
            if (metric.endsWith("QuantilesMeasurement")) {
                quantiles(doc, at, d, metric, job, all.conditions);
            } else if (metric.equals("jobSummary")) {
                summary(doc, at, d, all.conditions, all.environment, all.tags);
            } else if (metric.endsWith("Measurement")) {
                perObject(doc, at, d, metric, job, all.conditions);
            } else {
                throw doc.error(at + "/metricName", "'" + metric + "' is a Prometheus-profile metric, which this "
                        + "importer does not read; import a measurement file (podLatencyQuantilesMeasurement-JOB"
                        + ".json), jobSummary.json or the whole collected-metrics folder");
            }
            if ((i & 0xFFF) == 0) {
                monitor.checkCancelled();
            }
        }
    }

    private static String base(String metric) {
        return metric.replaceAll("(Quantiles)?Measurement$", "");
    }

    private static String unitOf(String measurement) {
        return measurement.equals("svcLatency") ? "ns" : "ms";
    }

    private static Condition condition(Map<String, Condition> all, String measurement, String job, String name) {
        return all.computeIfAbsent(measurement + "\u0000" + job + "\u0000" + name, k -> {
            Benchmark.Builder b = Benchmark.builder(name).param(MEASUREMENT, measurement).unit(unitOf(measurement))
                    .lowerIsBetter(true);
            if (!job.isEmpty()) {
                b.param(JOB, job);
            }
            return new Condition(b);
        });
    }

    private static void quantiles(JsonDocument doc, String at, JsonNode d, String metric, String job,
                                  Map<String, Condition> all) throws ImportException {
        String name = doc.text(at + "/quantileName");
        Condition c = condition(all, base(metric), job, name);
        String[][] fields = {{"P50", "p50"}, {"P95", "p95"}, {"P99", "p99"}, {"min", "min"}, {"max", "max"},
            {"Max", "max"}, {"avg", "mean"}, {"Avg", "mean"}};
        boolean any = false;
        for (String[] f : fields) {
            JsonNode v = d.path(f[0]);
            if (v.isMissingNode() || v.isNull()) {
                continue;
            }
            double value = finite(doc, at + "/" + f[0]);
            c.negative |= value < 0;
            c.builder.statistic(f[1], value);
            any = true;
        }
        if (!any) {
            throw doc.error(at, "the quantiles document of '" + name + "' has none of P50, P95, P99, max, avg");
        }
    }

    private static void perObject(JsonDocument doc, String at, JsonNode d, String metric, String job,
                                  Map<String, Condition> all) throws ImportException {
        String measurement = base(metric);
        boolean found = false;
        for (Iterator<String> it = d.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            String name;
            if (POD_CONDITIONS.containsKey(key) && measurement.equals("podLatency")) {
                name = POD_CONDITIONS.get(key);
            } else if (measurement.equals("svcLatency") && key.equals("ready")) {
                name = "Ready";
            } else if (measurement.equals("svcLatency") && key.equals("ipAssigned")) {
                name = "IPAssigned";
            } else if (key.endsWith("Latency") && d.get(key).isNumber()) {
                name = Character.toUpperCase(key.charAt(0)) + key.substring(1, key.length() - "Latency".length());
            } else {
                continue;
            }
            double value = finite(doc, at + "/" + key);
            Condition c = condition(all, measurement, job, name);
            c.negative |= value < 0;
            c.samples.add(value);
            found = true;
        }
        if (!found) {
            throw doc.error(at, "the " + metric + " document has no latency field");
        }
    }

    private static void summary(JsonDocument doc, String at, JsonNode d, Map<String, Condition> all,
                                Map<String, String> environment, Map<String, String> tags) throws ImportException {
        String job = doc.text(at + "/jobConfig/name", doc.text(at + "/jobName", "job"));
        double elapsed = finite(doc, at + "/elapsedTime");
        if (elapsed < 0) {
            throw doc.error(at + "/elapsedTime", "'elapsedTime' must be a finite number >= 0, found " + elapsed);
        }
        Benchmark.Builder b = Benchmark.builder(job).param(MEASUREMENT, "jobSummary").unit("s")
                .lowerIsBetter(true).statistic("value", elapsed).attribute("what", "elapsed time of the job");
        JsonNode config = d.path("jobConfig");
        for (String key : new String[] {"jobType", "jobIterations", "qps", "burst", "namespace",
            "iterationsPerNamespace", "churnPercent"}) {
            JsonNode v = config.path(key);
            if (v.isValueNode() && !v.isNull()) {
                b.attribute(key, v.asText());
            }
        }
        JsonNode passed = d.path("passed");
        if (passed.isBoolean() && !passed.asBoolean()) {
            String errors = doc.text(at + "/executionErrors", "");
            b.status(BenchmarkStatus.FAILED, errors.isEmpty() ? "kube-burner reports the job did not pass" : errors);
        }
        all.put("jobSummary\u0000" + job + "\u0000" + all.size(), new Condition(b));
        String version = doc.text(at + "/version", "");
        if (!version.isEmpty()) {
            environment.put("kube-burner version", version);
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = d.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!SUMMARY_KEYS.contains(e.getKey()) && e.getValue().isValueNode() && !e.getValue().isNull()) {
                environment.put(e.getKey(), e.getValue().asText());
            }
        }
        String end = doc.text(at + "/endTimestamp", "");
        if (!end.isEmpty()) {
            tags.put("end " + job, instant(doc, at + "/endTimestamp", end).toString());
        }
    }

    private static double finite(JsonDocument doc, String pointer) throws ImportException {
        double v = doc.number(pointer);
        if (!Double.isFinite(v)) {
            throw doc.error(pointer, "'" + pointer.substring(pointer.lastIndexOf('/') + 1) + "' must be a finite "
                    + "number, found " + JsonDocument.describe(doc.root().at(pointer)));
        }
        return v;
    }

    private static Instant instant(JsonDocument doc, String pointer, String text) throws ImportException {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw doc.error(pointer, "expected an RFC 3339 time, found '" + text + "'");
        }
    }
}
