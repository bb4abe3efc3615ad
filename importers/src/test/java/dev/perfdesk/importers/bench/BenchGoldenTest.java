package dev.perfdesk.importers.bench;

import static dev.perfdesk.importers.bench.BenchFiles.find;
import static dev.perfdesk.importers.bench.BenchFiles.importRun;
import static dev.perfdesk.importers.bench.BenchFiles.sample;
import static dev.perfdesk.importers.bench.BenchFiles.testdata;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.perfdesk.core.bench.Benchmark;
import dev.perfdesk.core.bench.BenchmarkRun;
import dev.perfdesk.core.bench.BenchmarkStatus;
import dev.perfdesk.importers.spi.ImportSource;
import dev.perfdesk.importers.Importers;

/**
 * Golden tests on real files of every benchmark format: values and units as the tools printed them (the console
 * output recorded next to each file, or the tool's own JSON), checked after detection by content.
 */
class BenchGoldenTest {
    static final String PB = "dev.perfdesk.benchmarks.PercentileBenchmark.";

    static Stream<Arguments> everyFile() throws Exception {
        return Stream.concat(BenchFiles.all().stream(), Stream.of(testdata("formats/jmh-openjdk-golden.json"),
                testdata("hdr/jHiccup-2.0.6.logV1.hlog"), testdata("hdr/jHiccup-2.0.7S.logV2.hlog"),
                testdata("formats/wrk2-readme-latency-output.txt"))
                .map(Path::toAbsolutePath)).map(p -> Arguments.of(p.getFileName().toString(), p));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyFile")
    void everySampleFileIsDetectedByContentAndImports(String name, Path file) throws Exception {
        String format = Importers.detect(ImportSource.of(file)).format();
        BenchmarkRun run = importRun(file, format);
        assertFalse(run.benchmarks().isEmpty(), name);
        assertEquals(name, run.name());
    }

    @Test
    void jmhFromOurOwnBenchmarksModuleInEveryMode() throws Exception {
        BenchmarkRun run = importRun(sample("jmh", "jmh-percentile.json"), "jmh-json");
        assertEquals("1.37", run.environment().get("jmhVersion"));
        assertEquals("17.0.15", run.environment().get("jdkVersion"));
        // console: PercentileBenchmark.sortRawSamples  10000  avgt  3  1073.869 ± 2161.720  us/op
        Benchmark avgt = find(run, PB + "sortRawSamples{size=10000}", "avgt", Benchmark.PRIMARY);
        assertEquals("us/op", avgt.unit());
        assertEquals(1073.869, avgt.score().score(), 0.0005);
        assertEquals(2161.720, avgt.score().error(), 0.0005);
        assertEquals(0.999, avgt.score().confidence());
        assertEquals(3, avgt.samples().length);
        assertTrue(avgt.lowerIsBetter());
        Benchmark thrpt = find(run, PB + "sortRawSamples{size=10000}", "thrpt", Benchmark.PRIMARY);
        assertEquals("ops/us", thrpt.unit());
        assertFalse(thrpt.lowerIsBetter(), "throughput: higher is better");
        // console: ...sortRawSamples:gc.alloc.rate.norm  10000  sample  3  80132.037 ± 402.907  B/op
        Benchmark norm = find(run, PB + "sortRawSamples{size=10000}", "sample", "gc.alloc.rate.norm");
        assertEquals("B/op", norm.unit());
        assertEquals(80132.037, norm.score().score(), 0.0005);
        assertEquals(402.907, norm.score().error(), 0.0005);
        // console: ...:gc.count  10000  ss  3  ≈ 0  counts; its error is JMH's string "NaN"
        Benchmark count = find(run, PB + "sortRawSamples{size=10000}", "ss", "gc.count");
        assertEquals(0.0, count.score().score());
        assertTrue(Double.isNaN(count.score().error()));
        // console: sortRawSamples  10000  sample  3938  763.234 ± 40.515  us/op, p0.50 604.160, p0.99 4674.437
        Benchmark sample = find(run, PB + "sortRawSamples{size=10000}", "sample", Benchmark.PRIMARY);
        assertEquals(3938, sample.count());
        assertEquals(3938, sample.distribution().totalCount(), "counts recorded, not expanded into samples");
        assertEquals(0, sample.samples().length);
        assertEquals(763.234, sample.score().score(), 0.0005);
        assertEquals(604.160, sample.statistics().get("p50"), 0.0005);
        assertEquals(4674.437, sample.statistics().get("p99"), 0.001);
        assertEquals(604.160, sample.percentile(50), 604.160 * 1e-3);
        assertEquals(544.768, sample.distribution().min(), 544.768 * 1e-3);
        assertEquals(14712.832, sample.distribution().max(), 14712.832 * 1e-3);
        assertTrue(run.benchmarks().stream().noneMatch(b -> b.metric().matches("p[01]\\..*")),
                "sample mode's percentile pseudo-metrics are not benchmarks");
        assertEquals(16 * 4 + 8 + 4, run.benchmarks().size(), "16 results: primary, gc.alloc.rate(.norm), gc.count, "
                + "gc.time (ss: no gc.time)");
    }

    @Test
    void jmhGoldenFileFromOpenJdkKeepsParamsInOrderWithQuotes() throws Exception {
        BenchmarkRun run = importRun(testdata("formats/jmh-openjdk-golden.json"), "jmh-json");
        Benchmark b = run.benchmarks().get(0);
        assertEquals("benchmark_0", b.name());
        assertEquals(List.of("param0", "param1", "param2", "param3", "param4"), List.copyOf(b.params().keySet()));
        assertEquals("\"value4\"", b.params().get("param4"));
        assertEquals(528.8571428571429, b.score().score());
        assertEquals(278.1419529743147, b.score().error());
        assertEquals(14, b.samples().length, "rawData of 7 forks, flattened");
        assertEquals("ops/ms", b.unit());
    }

    @Test
    void hyperfineFromDebianWithEveryRunsTimeAndParameters() throws Exception {
        BenchmarkRun run = importRun(sample("hyperfine", "hyperfine-sleep.json"), "hyperfine-json");
        Benchmark fast = run.benchmarks().get(0);
        assertEquals("sleep 0.01", fast.name());
        assertEquals("s", fast.unit());
        assertEquals(10, fast.samples().length);
        // console: Time (mean ± σ): 15.3 ms ± 11.3 ms; Range (min … max): 9.5 ms … 46.6 ms; 10 runs
        assertEquals(0.0153, fast.statistics().get("mean"), 0.00005);
        assertEquals(0.0113, fast.statistics().get("stddev"), 0.00005);
        assertEquals(0.0095, fast.statistics().get("min"), 0.00005);
        assertEquals(0.0466, fast.statistics().get("max"), 0.00005);
        assertEquals(0.0466, fast.percentile(100), 0.00005);
        BenchmarkRun params = importRun(sample("hyperfine", "hyperfine-params.json"), "hyperfine-json");
        assertEquals(Map.of("delay", "0.015"), params.benchmarks().get(1).params());
        BenchmarkRun failing = importRun(sample("hyperfine", "hyperfine-ignore-failure.json"), "hyperfine-json");
        assertEquals(BenchmarkStatus.FAILED, failing.benchmarks().get(0).status());
        assertEquals("3 3 3", failing.benchmarks().get(0).attributes().get("exit codes"));
    }

    @Test
    void googleBenchmarkWithRepetitionsAggregatesCountersAndAnError() throws Exception {
        BenchmarkRun run = importRun(sample("gbench", "gbench-sort.json"), "gbench-json");
        assertEquals("2", run.environment().get("num_cpus"));
        assertEquals(Instant.parse("2026-11-21T08:01:53Z"), run.startTime());
        // console: BM_Sort/4096/repeats:3  67.0 us  44.1 us  1573, then _mean 73.9 us, _stddev 11.6 us
        Benchmark sort = find(run, "BM_Sort/4096/repeats:3", "", Benchmark.PRIMARY);
        assertEquals("us", sort.unit());
        assertEquals(3, sort.samples().length);
        assertEquals(67.0, sort.samples()[0], 0.05);
        assertEquals(73.9, sort.statistics().get("mean"), 0.05);
        assertEquals(11.6, sort.statistics().get("stddev"), 0.05);
        assertEquals("1573", sort.attributes().get("iterations"));
        assertEquals(44.1, find(run, "BM_Sort/4096/repeats:3", "", "cpu_time").samples()[0], 0.05);
        // console: items_per_second=92.7968M/s
        Benchmark items = find(run, "BM_Sort/4096/repeats:3", "", "items_per_second");
        assertEquals(92.7968e6, items.samples()[0], 50);
        assertFalse(items.lowerIsBetter());
        assertEquals(4096, find(run, "BM_Sort/4096/repeats:3", "", "elements").samples()[0]);
        Benchmark copy = find(run, "BM_Copy/1024", "", Benchmark.PRIMARY);
        assertEquals("ns", copy.unit());
        assertEquals("memcpy-like", copy.attributes().get("label"));
        Benchmark error = find(run, "BM_NeedsNetwork", "", Benchmark.PRIMARY);
        assertEquals(BenchmarkStatus.FAILED, error.status());
        assertEquals("no network in the sandbox", error.statusMessage());
        assertFalse(error.hasSamples());
    }

    @Test
    void googleBenchmarkSharedInputsKeepTheirTimeUnits() throws Exception {
        BenchmarkRun run = importRun(testdata("gbench/test1_run1.json"), "gbench-json");
        Benchmark b = find(run, "BM_SameTimes", "", Benchmark.PRIMARY);
        assertEquals("ns", b.unit());
        assertArrayEquals(new double[] {10}, b.samples());
    }

    @Test
    void pytestBenchmarkWithSavedDataAndStatsOnly() throws Exception {
        BenchmarkRun run = importRun(sample("pytestbench", "pytest-benchmark-data.json"), "pytest-benchmark-json");
        assertEquals("unversioned", run.commit());
        Benchmark sorted = run.benchmarks().stream().filter(b -> b.name().endsWith("test_sorted")).findFirst()
                .orElseThrow();
        assertEquals("s", sorted.unit());
        assertEquals(12, sorted.samples().length, "rounds=12, saved with data");
        assertEquals(12, sorted.count());
        assertEquals(sorted.statistics().get("min"), sorted.percentile(0));
        assertEquals(sorted.statistics().get("max"), sorted.percentile(100));
        Benchmark fib = run.benchmarks().stream().filter(b -> b.name().endsWith("test_fib[200]")).findFirst()
                .orElseThrow();
        assertEquals(Map.of("n", "200"), fib.params());
        BenchmarkRun old = importRun(sample("pytestbench", "pytest-benchmark-2.5-stats-only.json"),
                "pytest-benchmark-json");
        Benchmark x = old.benchmarks().get(0);
        assertEquals("tests/test_normal.py::test_xfast_parametrized[0]", x.name());
        assertEquals(9710, x.count());
        assertFalse(x.hasSamples());
        assertEquals(2.61205074138546e-07, x.statistics().get("mean"));
        assertEquals("5b78858eb718649a31fb93d8dc96ca2cee41a4cd", old.commit());
        assertEquals(Instant.parse("2015-08-15T00:04:18.687119Z"), old.startTime());
        assertEquals("minibox", old.environment().get("node"));
    }

    @Test
    void k6SummaryExportWithSubMetricsAndChecks() throws Exception {
        BenchmarkRun run = importRun(sample("k6", "k6-summary-export.json"), "k6-summary-json");
        Benchmark d = find(run, "http_req_duration", "", Benchmark.PRIMARY);
        assertEquals("ms", d.unit());
        assertEquals(24.93815632, d.statistics().get("avg"));
        assertEquals(52.47360675, d.statistics().get("p95"));
        assertEquals("false", d.attributes().get("threshold p(95)<500"));
        Benchmark expected = find(run, "http_req_duration{expected_response=true}", "", Benchmark.PRIMARY);
        assertEquals(21.4540385, expected.statistics().get("med"));
        Benchmark reqs = find(run, "http_reqs", "", Benchmark.PRIMARY);
        assertEquals(1200, reqs.count());
        assertFalse(reqs.lowerIsBetter());
        assertEquals("1192 passes, 8 fails", run.tags().get("check status is 200"));
    }

    @Test
    void k6JsonLinesKeepEveryDurationPointWithTimeAndTags() throws Exception {
        BenchmarkRun run = importRun(sample("k6", "k6-out-json-http.ndjson"), "k6-ndjson");
        Benchmark d = find(run, "http_req_duration", "", Benchmark.PRIMARY);
        assertEquals("ms", d.unit());
        assertEquals(40, d.points().size());
        assertEquals(Instant.parse("2024-05-14T07:31:10.474354Z"),
                Instant.ofEpochSecond(0, d.points().timeNanos(0)));
        assertEquals("503", d.points().tags(17).get("status"));
        assertEquals("GET", d.points().tags(0).get("method"));
        assertEquals(40, d.distribution().totalCount());
        assertEquals(1.357091, d.statistics().get("min"));
        assertNull(find(run, "http_reqs", "", Benchmark.PRIMARY).points(), "counters keep totals only");
        assertEquals(40.0, find(run, "http_reqs", "", Benchmark.PRIMARY).statistics().get("count"));
        BenchmarkRun example = importRun(testdata("formats/k6-out-json-example.ndjson"), "k6-ndjson");
        assertEquals(4.0, find(example, "my_metric1", "", Benchmark.PRIMARY).statistics().get("value"));
        assertEquals(8.0, find(example, "my_metric2", "", Benchmark.PRIMARY).statistics().get("count"));
    }

    @Test
    void jmeterJtlByHeaderNamesWithQuotedFields() throws Exception {
        BenchmarkRun run = importRun(sample("jtl", "jmeter-results.jtl"), "jmeter-jtl-csv");
        Benchmark get = find(run, "GET /", "", Benchmark.PRIMARY);
        assertEquals("ms", get.unit());
        assertEquals(12, get.samples().length);
        assertEquals(19, get.samples()[0]);
        assertEquals(Instant.ofEpochMilli(1715678470123L), Instant.ofEpochSecond(0, get.points().timeNanos(0)));
        assertEquals(Map.of("responseCode", "200", "success", "true"), get.points().tags(0));
        assertEquals(1.0, get.statistics().get("errors"));
        Benchmark login = find(run, "POST /login", "", Benchmark.PRIMARY);
        assertEquals(1.0, login.statistics().get("errors"), "the quoted multi-line failure message is one sample");
        assertEquals(12, login.count());
        assertEquals(12, find(run, "POST /login", "", "Latency").samples().length);
    }

    /**
     * A real JMeter 5.6.3 run (see {@code record.sh}): per label, the counts, errors, mean and percentiles Perfdesk
     * shows agree with a plain reading of the CSV's {@code label}, {@code elapsed} and {@code success} columns, and
     * the totals agree with JMeter's own console summary.
     */
    @Test
    void realJmeterJtlAgreesWithAPlainReadingOfItsCsv() throws Exception {
        Path file = sample("jtl", "jmeter-5.6.3-results.jtl");
        BenchmarkRun run = importRun(file, "jmeter-jtl-csv");
        Map<String, List<long[]>> reference = referenceRows(file);
        assertEquals(List.of("GET /", "GET /slow"), List.copyOf(reference.keySet()));
        long start = reference.values().stream().flatMap(List::stream).mapToLong(r -> r[0]).min().orElseThrow();
        assertEquals(Instant.ofEpochMilli(start), run.startTime(), "the earliest timeStamp");
        long total = 0;
        long errors = 0;
        long max = 0;
        long min = Long.MAX_VALUE;
        for (Map.Entry<String, List<long[]>> e : reference.entrySet()) {
            String label = e.getKey();
            List<long[]> rows = e.getValue();
            long[] elapsed = rows.stream().mapToLong(r -> r[1]).toArray();
            long failed = rows.stream().filter(r -> r[2] == 0).count();
            Benchmark b = find(run, label, "", Benchmark.PRIMARY);
            assertEquals(rows.size(), b.count(), label);
            assertEquals(rows.size(), b.distribution().totalCount(), label);
            assertEquals((double) failed, b.statistics().get("errors"), label);
            assertEquals((double) failed / rows.size(), b.statistics().get("error rate"), 1e-12, label);
            double mean = (double) LongStream.of(elapsed).sum() / elapsed.length;
            assertEquals(mean, b.sampleSummary().mean(), 1e-9, label);
            assertEquals(mean, b.distribution().mean(), 1e-9, label);
            long[] sorted = elapsed.clone();
            Arrays.sort(sorted);
            for (double p : new double[] {1, 25, 50, 90, 95, 99, 100}) {
                int rank = (int) Math.ceil(p / 100 * sorted.length);
                double nearestRank = sorted[Math.max(rank, 1) - 1];
                double pos = p / 100 * (sorted.length - 1);
                int lo = (int) Math.floor(pos);
                double interpolated = sorted[lo] + (sorted[Math.min(lo + 1, sorted.length - 1)] - sorted[lo])
                        * (pos - lo);
                assertEquals(interpolated, b.percentile(p), 1e-9, label + " p" + p + " of the raw samples");
                assertEquals(nearestRank, b.distribution().percentile(p), label + " p" + p + " from the histogram");
            }
            assertEquals(rows.size(), find(run, label, "", "Latency").samples().length, label);
            assertEquals(rows.size(), find(run, label, "", "Connect").samples().length, label);
            total += rows.size();
            errors += failed;
            max = Math.max(max, sorted[sorted.length - 1]);
            min = Math.min(min, sorted[0]);
        }
        // JMeter printed: summary =    227 in 00:00:20 =   11.4/s Avg:    53 Min:     1 Max:   163 Err:    39 (17.18%)
        assertEquals(227, total);
        assertEquals(39, errors);
        assertEquals(1, min);
        assertEquals(163, max);
        Benchmark slow = find(run, "GET /slow", "", Benchmark.PRIMARY);
        assertTrue(slow.points().tags(0).containsKey("responseCode"));
        assertTrue(IntStream.range(0, (int) slow.count()).anyMatch(i -> slow.points().tags(i).get("responseCode")
                .equals("500")), "the server's 500s keep their code");
    }

    /**
     * The reference: label to rows of (timeStamp, elapsed, success 1/0), read with a regular expression over the
     * leading columns of JMeter's default layout, which hold no quotes or commas, unlike {@code failureMessage}.
     */
    private static Map<String, List<long[]>> referenceRows(Path file) throws Exception {
        List<String> lines = Files.readAllLines(file);
        assertEquals("timeStamp,elapsed,label,responseCode,responseMessage,threadName,dataType,success,failureMessage,"
                + "bytes,sentBytes,grpThreads,allThreads,URL,Latency,IdleTime,Connect", lines.get(0));
        Pattern row = Pattern.compile("^(\\d+),(\\d+),([^,\"]+),\\d+,[^,\"]*,[^,\"]*,text,(true|false),.*");
        Map<String, List<long[]>> out = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            Matcher m = row.matcher(line);
            assertTrue(m.matches(), line);
            out.computeIfAbsent(m.group(3), k -> new ArrayList<>()).add(new long[] {Long.parseLong(m.group(1)),
                Long.parseLong(m.group(2)), m.group(4).equals("true") ? 1 : 0});
        }
        return out;
    }

    @Test
    void wrkFromALocalServer() throws Exception {
        BenchmarkRun run = importRun(sample("wrk", "wrk-latency.txt"), "wrk-latency");
        assertEquals("wrk", run.tool());
        assertEquals("http://127.0.0.1:8765/", run.tags().get("url"));
        assertEquals("10", run.tags().get("connections"));
        Benchmark latency = find(run, "latency", "", Benchmark.PRIMARY);
        assertEquals("ms", latency.unit());
        assertEquals(7.90, latency.statistics().get("avg"));
        assertEquals(12.31, latency.statistics().get("stdev"));
        assertEquals(214.35, latency.statistics().get("max"));
        assertEquals(5.57, latency.statistics().get("p50"));
        assertEquals(59.90, latency.statistics().get("p99"));
        assertEquals(2763, latency.count());
        Benchmark perThread = find(run, "requests per thread", "", Benchmark.PRIMARY);
        assertEquals(462.53, perThread.statistics().get("avg"));
        Benchmark requests = find(run, "requests", "", Benchmark.PRIMARY);
        assertEquals(919.01, requests.statistics().get("rate"));
        assertEquals("req/s", requests.unit());
    }

    @Test
    void wrk2DetailedSpectrumBecomesAHistogramAgreeingWithItsPercentiles() throws Exception {
        BenchmarkRun run = importRun(sample("wrk", "wrk2-readme-latency.txt"), "wrk-latency");
        assertEquals("wrk2", run.tool());
        Benchmark latency = find(run, "latency", "", Benchmark.PRIMARY);
        assertEquals(6.60, latency.statistics().get("avg"));
        assertEquals(1.04e3, find(run, "requests per thread", "", Benchmark.PRIMARY).statistics().get("avg"));
        assertNotNull(latency.distribution());
        assertEquals(39500, latency.distribution().totalCount());
        // wrk2 printed: 50.000% 6.67ms, 90.000% 9.14ms, 99.000% 11.18ms, 99.900% 12.30ms
        assertEquals(6.67, latency.statistics().get("p50"));
        double[][] printed = {{50, 6.671}, {90, 9.143}, {99, 11.207}, {99.9, 12.311}, {100, 12.503}};
        for (double[] p : printed) {
            assertEquals(p[1], latency.percentile(p[0]), p[1] * 1e-3, "p" + p[0]);
        }
    }

    @Test
    void hdrLogsReadWithHdrHistogramsReaderPerTag() throws Exception {
        BenchmarkRun run = importRun(sample("hdr", "tagged-Log.logV2.hlog"), "hdr-log");
        assertEquals(2, run.benchmarks().size());
        Benchmark untagged = run.benchmarks().get(0);
        Benchmark tagged = run.benchmarks().get(1);
        assertEquals(Map.of(), untagged.params());
        assertEquals(Map.of("tag", "A"), tagged.params());
        assertEquals(untagged.distribution().histogram(), tagged.distribution().histogram(),
                "the file repeats every interval with Tag=A");
        assertEquals(21, untagged.intervals().size());
        assertEquals("21", untagged.attributes().get("intervals"));
        assertEquals(2.769, untagged.intervals().histogram(0).getMaxValue() / 1e6, 2.769 * 0.01,
                "the first interval's max, as Interval_Max says, to the log's two significant digits");
        assertEquals(Instant.parse("2015-09-09T15:24:39.474Z"), run.startTime());
        assertEquals("ms", untagged.unit());
    }
}
