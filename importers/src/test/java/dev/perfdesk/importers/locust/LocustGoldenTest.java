package dev.perfdesk.importers.locust;

import static dev.perfdesk.importers.bench.BenchFiles.importRun;
import static dev.perfdesk.importers.bench.BenchFiles.sample;
import static dev.perfdesk.importers.bench.BenchFiles.testdata;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.perfdesk.core.bench.Benchmark;
import dev.perfdesk.core.bench.BenchmarkFigures;
import dev.perfdesk.core.bench.BenchmarkRun;
import dev.perfdesk.core.bench.TimeSeries;

/**
 * Locust runs recorded here ({@code sample-data/bench/locust/record.sh}, Debian's python3-locust 2.12.1) against
 * Locust's own console summary printed at the end of the same run ({@code NAME.stdout.txt}): every endpoint's
 * requests, failures, average, min, max, median, req/s and failures/s, and every percentile column, formatted as
 * Locust formats them, from {@link BenchmarkFigures}.
 */
class LocustGoldenTest {
    private static final double[] CONSOLE_PERCENTILES = {50, 66, 75, 80, 90, 95, 98, 99, 99.9, 99.99, 100};
    private static final Pattern STATS = Pattern.compile(
            "^(.*?)\\s+(\\d+)\\s+(\\d+)\\((\\d+\\.\\d\\d)%\\)\\s*\\|\\s*(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s*\\|"
                    + "\\s*(\\d+\\.\\d\\d)\\s+(\\d+\\.\\d\\d)\\s*$");

    /** A row of Locust's console tables: the endpoint as Perfdesk names it, and the numbers as printed. */
    record ConsoleRow(String endpoint, List<String> values) {
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"fast", "slow"})
    void everyEndpointReadsAsLocustPrintedIt(String name) throws Exception {
        BenchmarkRun run = importRun(sample("locust", name + "_stats.csv"), LocustImporter.FORMAT);
        assertEquals("Locust", run.tool());
        assertEquals(name + "_stats.csv", run.name());
        List<String> console = Files.readAllLines(sample("locust", name + ".stdout.txt"));
        List<ConsoleRow> stats = statsTable(console);
        List<ConsoleRow> percentiles = percentileTable(console);
        assertEquals(5, stats.size(), "four endpoints and Aggregated");
        assertEquals(stats.size(), percentiles.size());
        for (ConsoleRow row : stats) {
            Benchmark latency = find(run, row.endpoint(), Benchmark.PRIMARY);
            Benchmark rps = find(run, row.endpoint(), LocustImporter.RPS);
            BenchmarkFigures f = latency.figures();
            assertEquals("ms", latency.unit());
            assertEquals(BenchmarkFigures.Centre.REPORTED_MEDIAN, f.centreKind());
            assertEquals(BenchmarkFigures.Source.REPORTED, f.percentileSource());
            long requests = f.n();
            double failures = latency.statistics().get("failures");
            List<String> printed = List.of(Long.toString(requests), Long.toString((long) failures),
                    String.format(Locale.ROOT, "%.2f", requests == 0 ? 0 : failures / requests * 100),
                    Long.toString((long) f.mean()), Long.toString((long) (double) latency.statistics().get("min")),
                    Long.toString((long) (double) latency.statistics().get("max")),
                    Long.toString((long) f.centre()),
                    String.format(Locale.ROOT, "%.2f", rps.figures().centre()),
                    String.format(Locale.ROOT, "%.2f", rps.statistics().get("failures/s")));
            assertEquals(row.values(), printed, row.endpoint());
            assertEquals("req/s", rps.unit());
            assertFalse(rps.lowerIsBetter());
        }
        for (ConsoleRow row : percentiles) {
            BenchmarkFigures f = find(run, row.endpoint(), Benchmark.PRIMARY).figures();
            List<String> printed = new ArrayList<>();
            for (double p : CONSOLE_PERCENTILES) {
                printed.add(Long.toString((long) f.percentile(p)));
            }
            printed.add(Long.toString(f.n()));
            assertEquals(row.values(), printed, row.endpoint() + " percentiles");
        }
        assertEquals("true", find(run, "Aggregated", Benchmark.PRIMARY).attributes().get(LocustImporter.AGGREGATE));
    }

    @Test
    void failuresAreListedAsLocustsErrorReportHasThem() throws Exception {
        BenchmarkRun run = importRun(sample("locust", "fast_stats.csv"), LocustImporter.FORMAT);
        // console: "203                GET /does-not-exist: HTTPError('404 Client Error: Not Found for url: ...')"
        String error = "HTTPError('404 Client Error: Not Found for url: http://127.0.0.1:18090/does-not-exist')";
        assertEquals("203 × GET /does-not-exist: " + error, run.tags().get("failure 1"));
        assertEquals("203", find(run, "GET /does-not-exist", Benchmark.PRIMARY).attributes().get("failure " + error));
        assertFalse(run.tags().keySet().stream().anyMatch(k -> k.startsWith("exception")), "no exceptions");
    }

    @Test
    void theHistoryBecomesLatencyAndRequestRateOverTime() throws Exception {
        BenchmarkRun run = importRun(sample("locust", "slow_stats.csv"), LocustImporter.FORMAT);
        List<String> lines = Files.readAllLines(sample("locust", "slow_stats_history.csv"));
        String[] first = lines.get(1).split(",", -1);
        assertEquals(Long.parseLong(first[0]), run.startTime().getEpochSecond());
        TimeSeries p95 = series(run, "p95", "Aggregated");
        TimeSeries rate = series(run, LocustImporter.RPS, "Aggregated");
        assertEquals("ms", p95.unit());
        assertEquals("req/s", rate.unit());
        assertEquals(TimeSeries.LOCUST_HISTORY, p95.source());
        long aggregatedRows = lines.stream().filter(l -> l.contains(",,Aggregated,")).count();
        assertEquals(aggregatedRows, p95.size());
        // the first row is written before any request: N/A percentiles are NaN, gaps in the chart
        assertTrue(Double.isNaN(p95.value(0)), "N/A before the first request");
        String[] last = lines.get(lines.size() - 1).split(",", -1);
        assertEquals(",Aggregated", last[2] + "," + last[3]);
        assertEquals(Double.parseDouble(last[4]), rate.value(rate.size() - 1));
        assertEquals(Double.parseDouble(last[11]), p95.value(p95.size() - 1));
        assertEquals(Long.parseLong(last[0]) * 1_000_000_000L, p95.timeNanos(p95.size() - 1));
        TimeSeries perEndpoint = series(run, "p99", "GET /api/items?id=[id]");
        assertTrue(perEndpoint.size() > 15, "--csv-full-history writes every endpoint each second");
        assertNotNull(run.tags().get("history percentiles"));
        TimeSeries users = run.series().stream().filter(t -> t.name().equals("users")).findFirst().orElseThrow();
        assertEquals(10, users.asBenchmark().figures().percentile(100));
    }

    @Test
    void theSharedRecordingReadsAsItsCsvHasIt() throws Exception {
        // Locust 2.12.1 rewrote _stats.csv once a second and never after the last second, so this file (recorded
        // without the rest at the end that record.sh adds) holds 1818 requests where the console printed 1880
        // (PROVENANCE.txt); the percentiles agree with the console where no request of the last second moved them
        Path stats = testdata("locust/run_stats.csv");
        BenchmarkRun run = importRun(stats, LocustImporter.FORMAT);
        Benchmark big = find(run, "GET /big.txt", Benchmark.PRIMARY);
        assertEquals(383, big.figures().n());
        assertEquals(3.2452742584871164, big.figures().mean());
        assertEquals(2, big.figures().centre());
        assertEquals(10, big.figures().percentile(99));
        assertEquals(40, big.figures().percentile(100));
        assertEquals(15.963309771060205, find(run, "GET /big.txt", LocustImporter.RPS).figures().centre());
        Benchmark all = find(run, "Aggregated", Benchmark.PRIMARY);
        assertEquals(1818, all.figures().n());
        assertEquals(228, all.statistics().get("failures"));
        assertEquals(28, all.figures().percentile(99.9));
        long rows = Files.readAllLines(stats.resolveSibling("run_stats_history.csv")).stream()
                .filter(l -> l.contains(",,Aggregated,")).count();
        assertEquals(rows, series(run, "p50", "Aggregated").size());
        assertTrue(run.tags().get("failure 1").startsWith("228 × GET /does-not-exist: HTTPError('404"));
    }

    private static Benchmark find(BenchmarkRun run, String name, String metric) {
        return run.benchmarks().stream().filter(b -> b.name().equals(name) && b.metric().equals(metric)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " " + metric + " in " + run.benchmarks()));
    }

    private static TimeSeries series(BenchmarkRun run, String name, String endpoint) {
        return run.series().stream().filter(t -> t.name().equals(name)
                        && endpoint.equals(t.labels().get(LocustHistory.ENDPOINT))).findFirst()
                .orElseThrow(() -> new AssertionError("no series " + name + " of " + endpoint));
    }

    /** The first console table: {@code Type Name # reqs # fails | Avg Min Max Med | req/s failures/s}. */
    static List<ConsoleRow> statsTable(List<String> console) {
        List<ConsoleRow> rows = new ArrayList<>();
        for (String line : tableAfter(console, "Type     Name ", "# reqs      # fails")) {
            Matcher m = STATS.matcher(line.substring(9));
            assertTrue(m.matches(), line);
            List<String> values = new ArrayList<>();
            for (int g = 2; g <= 10; g++) {
                values.add(m.group(g));
            }
            rows.add(new ConsoleRow(LocustImporter.endpoint(line.substring(0, 8).strip(), m.group(1).strip()),
                    values));
        }
        return rows;
    }

    /** The second console table: {@code Type Name 50% 66% ... 100% # reqs}. */
    static List<ConsoleRow> percentileTable(List<String> console) {
        List<ConsoleRow> rows = new ArrayList<>();
        for (String line : tableAfter(console, "Type     Name ", "50%    66%")) {
            String[] parts = line.substring(9).strip().split("\\s+");
            int k = CONSOLE_PERCENTILES.length + 1;
            String name = String.join(" ", java.util.Arrays.copyOf(parts, parts.length - k));
            rows.add(new ConsoleRow(LocustImporter.endpoint(line.substring(0, 8).strip(), name),
                    List.of(parts).subList(parts.length - k, parts.length)));
        }
        return rows;
    }

    private static List<String> tableAfter(List<String> console, String start, String marker) {
        int i = 0;
        while (!(console.get(i).startsWith(start) && console.get(i).contains(marker))) {
            i++;
        }
        List<String> out = new ArrayList<>();
        for (i += 1; i < console.size() && !console.get(i).isBlank(); i++) {
            if (!console.get(i).startsWith("--------|")) {
                out.add(console.get(i));
            }
        }
        return out;
    }
}
