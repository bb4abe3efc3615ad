package dev.perfdesk.importers.kubeburner;

import static dev.perfdesk.importers.bench.BenchFiles.importRun;
import static dev.perfdesk.importers.bench.BenchFiles.testdata;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.perfdesk.core.bench.Benchmark;
import dev.perfdesk.core.bench.BenchmarkFigures;
import dev.perfdesk.core.bench.BenchmarkRun;
import dev.perfdesk.core.bench.RelativeSpeed;
import dev.perfdesk.core.report.RunComparison;
import dev.perfdesk.core.stats.ComparisonOptions;

/**
 * kube-burner's measurement documents, built from its documented layout ({@code testdata/kube-burner/
 * make-documents.py}: no real kube-burner output could be recorded here), read back as kube-burner reports them:
 * each quantiles document's numbers through {@link BenchmarkFigures}, formatted into the line kube-burner logs for
 * it ({@code "%s: %v 99th: %v ms max: %v ms avg: %v ms"} in {@code base_measurement.go}, the service latency's
 * {@code "serviceLatency: %s: %s 99th: %d ms max: %d ms avg: %d ms"} with nanoseconds divided by 1e6), against the
 * same line formatted from the document itself.
 */
class KubeBurnerGoldenTest {
    static Path file(String name) {
        return testdata("kube-burner/" + name);
    }

    static Benchmark find(BenchmarkRun run, String name, String measurement) {
        return run.benchmarks().stream().filter(b -> b.name().equals(name)
                && measurement.equals(b.params().get(KubeBurnerImporter.MEASUREMENT))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " of " + measurement));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"podLatencyQuantilesMeasurement-cluster-density-v2.json",
        "podLatencyQuantilesMeasurement-cluster-density-v2.candidate.json",
        "svcLatencyQuantilesMeasurement-cluster-density-v2.json"})
    void everyConditionReadsAsKubeBurnerLogsIt(String name) throws Exception {
        BenchmarkRun run = importRun(file(name), KubeBurnerImporter.FORMAT);
        assertEquals("kube-burner", run.tool());
        assertEquals("c4558ba8-1e29-4660-9b31-02b9f01c29bf", run.tags().get("uuid"));
        List<String> fromFile = new ArrayList<>();
        List<String> fromRun = new ArrayList<>();
        for (JsonNode d : new ObjectMapper().readTree(file(name).toFile())) {
            boolean svc = d.get("metricName").asText().startsWith("svc");
            String measurement = svc ? "svcLatency" : "podLatency";
            String q = d.get("quantileName").asText();
            fromFile.add(line(svc, d.get("jobName").asText(), q, d.get("P99").asLong(), d.get("max").asLong(),
                    d.get("avg").asLong()));
            Benchmark b = find(run, q, measurement);
            BenchmarkFigures f = b.figures();
            assertEquals(svc ? "ns" : "ms", b.unit());
            assertEquals(BenchmarkFigures.Source.REPORTED, f.percentileSource());
            assertEquals(BenchmarkFigures.Centre.REPORTED_MEDIAN, f.centreKind());
            assertEquals(d.get("P50").asDouble(), f.centre());
            assertEquals(d.get("P95").asDouble(), f.percentile(95));
            assertEquals(d.get("min").asDouble(), b.statistics().get("min"));
            assertTrue(f.hasLatencyDistribution());
            fromRun.add(line(svc, b.params().get(KubeBurnerImporter.JOB), b.name(), (long) f.percentile(99),
                    (long) (double) b.statistics().get("max"), (long) f.mean()));
        }
        assertEquals(fromFile, fromRun);
        assertFalse(RelativeSpeed.comparesAlternatives(run), "conditions of one job are not alternatives");
    }

    private static String line(boolean svc, String job, String quantile, long p99, long max, long avg) {
        if (svc) {
            return String.format(Locale.ROOT, "serviceLatency: %s: %s 99th: %d ms max: %d ms avg: %d ms", job,
                    quantile, p99 / 1_000_000, max / 1_000_000, avg / 1_000_000);
        }
        return String.format(Locale.ROOT, "%s: %s 99th: %d ms max: %d ms avg: %d ms", job, quantile, p99, max, avg);
    }

    @Test
    void perPodDocumentsAreRawSamplesPerCondition() throws Exception {
        Path path = file("podLatencyMeasurement-cluster-density-v2.json");
        BenchmarkRun run = importRun(path, KubeBurnerImporter.FORMAT);
        JsonNode docs = new ObjectMapper().readTree(path.toFile());
        Benchmark ready = find(run, "Ready", "podLatency");
        assertEquals(docs.size(), ready.figures().n());
        assertEquals(BenchmarkFigures.Source.SAMPLES, ready.figures().percentileSource());
        double[] expected = new double[docs.size()];
        for (int i = 0; i < expected.length; i++) {
            expected[i] = docs.get(i).get("podReadyLatency").asDouble();
        }
        org.junit.jupiter.api.Assertions.assertArrayEquals(expected, ready.samples());
        assertEquals(6, run.benchmarks().size(), "the six pod conditions");
        assertEquals("cluster-density-v2", ready.params().get(KubeBurnerImporter.JOB));
    }

    @Test
    void theJobSummaryIsTheElapsedTimeWithTheClusterAsEnvironment() throws Exception {
        BenchmarkRun run = importRun(file("jobSummary.json"), KubeBurnerImporter.FORMAT);
        Benchmark job = find(run, "cluster-density-v2", "jobSummary");
        assertEquals(48.0, job.figures().centre());
        assertEquals("s", job.unit());
        assertEquals("20", job.attributes().get("qps"));
        assertEquals("create", job.attributes().get("jobType"));
        assertEquals("v1.10.0@4c9c3f43db83", run.environment().get("kube-burner version"));
        assertEquals("v1.28.3", run.environment().get("k8sVersion"));
        assertEquals("6", run.environment().get("totalNodes"));
        assertEquals("2023-08-29T00:17:27.942960538Z", run.startTime().toString());
    }

    @Test
    void aCollectedMetricsFolderIsOneRun(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path folder = java.nio.file.Files.createDirectories(dir.resolve("collected-metrics-c4558ba8"));
        for (String name : new String[] {"jobSummary.json", "podLatencyMeasurement-cluster-density-v2.json",
            "podLatencyQuantilesMeasurement-cluster-density-v2.json",
            "svcLatencyQuantilesMeasurement-cluster-density-v2.json"}) {
            java.nio.file.Files.copy(file(name), folder.resolve(name));
        }
        // a metrics profile's result, in the layout of docs/observability/metrics.md
        java.nio.file.Files.writeString(folder.resolve("prometheusRSS.json"), "[{\"timestamp\": "
                + "\"2023-11-19T00:42:26Z\", \"labels\": {\"pod\": \"prometheus-k8s-0\"}, \"value\": 1.2e9, "
                + "\"uuid\": \"c4558ba8-1e29-4660-9b31-02b9f01c29bf\", \"query\": \"process_resident_memory_bytes\", "
                + "\"metricName\": \"prometheusRSS\"}]");
        dev.perfdesk.importers.spi.Importer importer = dev.perfdesk.importers.Importers.detectFolder(folder);
        assertEquals(KubeBurnerImporter.FORMAT, importer.format());
        dev.perfdesk.core.spi.CollectingSink sink = new dev.perfdesk.core.spi.CollectingSink();
        importer.read(dev.perfdesk.importers.spi.ImportSource.ofFolder(folder), sink,
                dev.perfdesk.core.progress.ProgressMonitor.NONE);
        assertEquals(1, sink.runs().size());
        BenchmarkRun run = sink.runs().get(0);
        assertEquals("collected-metrics-c4558ba8", run.name());
        Benchmark ready = find(run, "Ready", "podLatency");
        assertEquals(24, ready.figures().n(), "the per-pod latencies are its samples");
        assertEquals(3774, ready.statistics().get("p99"), "kube-burner's quantile is kept as reported");
        assertEquals("ns", find(run, "LoadBalancer", "svcLatency").unit());
        assertEquals(48.0, find(run, "cluster-density-v2", "jobSummary").figures().centre());
        assertEquals("v1.28.3", run.environment().get("k8sVersion"));
        assertEquals("prometheusRSS.json", run.tags().get("not read (Prometheus-profile metrics)"));
        assertEquals(6 + 2 + 1, run.benchmarks().size());
    }

    @Test
    void aSlowerJobComparesAsSlower() throws Exception {
        BenchmarkRun before = importRun(file("podLatencyQuantilesMeasurement-cluster-density-v2.json"),
                KubeBurnerImporter.FORMAT);
        BenchmarkRun after = importRun(file("podLatencyQuantilesMeasurement-cluster-density-v2.candidate.json"),
                KubeBurnerImporter.FORMAT);
        RunComparison c = RunComparison.compare(before, after, ComparisonOptions.DEFAULTS);
        // quantiles alone are no input to a significance test: the conditions compare as latency percentiles
        assertEquals(6, c.latency().size());
        dev.perfdesk.core.report.LatencyRow ready = c.latency().stream().filter(r -> r.key().name().equals("Ready"))
                .findFirst().orElseThrow();
        assertEquals(2897, ready.percentiles().get(0).baseline());
        assertEquals(3620, ready.percentiles().get(0).candidate());
        assertEquals(3620.0 / 2897 - 1, ready.percentiles().get(0).change(), 1e-12);
        assertEquals(4720, ready.percentiles().get(2).candidate(), "p99");
        assertEquals(6, c.notCompared().size(), c.notCompared().toString());
    }
}
