package dev.perfdesk.importers.gatling;

import static dev.perfdesk.importers.bench.BenchFiles.find;
import static dev.perfdesk.importers.bench.BenchFiles.importRun;
import static dev.perfdesk.importers.bench.BenchFiles.sample;
import static dev.perfdesk.importers.bench.BenchFiles.testdata;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.perfdesk.core.bench.Benchmark;
import dev.perfdesk.core.bench.BenchmarkFigures;
import dev.perfdesk.core.bench.BenchmarkRun;
import dev.perfdesk.core.series.RunHistory;

/**
 * Gatling runs recorded here ({@code sample-data/bench/gatling/record.sh}, Gatling's Maven plugin 4.21.12 with
 * Gatling 3.12.0, 3.13.4, 3.13.5 and 3.15.1 against a local server) read from their {@code simulation.log}, text
 * and binary, against what Gatling printed in its console summary at the end of the same run ({@code
 * NAME.stdout.txt}: request count with OK and KO, min, max, mean, std deviation, the four percentiles, mean
 * requests/sec and the response-time ranges), and, per request and group, against the report's own statistics of
 * the same run ({@code reports/NAME/stats.json} or {@code stats.js}) read by {@link GatlingStatsImporter}. Every
 * value comes from {@link BenchmarkFigures} and is rounded as Gatling rounds it.
 */
class GatlingGoldenTest {
    private static final Pattern OLD_ROW = Pattern.compile("^> (.+?)\\s+(\\S+) \\(OK=(\\S+)\\s+KO=(\\S+)\\s*\\)$");
    private static final Pattern NEW_ROW = Pattern.compile("^> (.+?)\\s+\\|\\s+(\\S+) \\|\\s+(\\S+) \\|\\s+(\\S+)$");
    private static final Pattern RANGE = Pattern.compile("^> (?:OK: )?(t < 800 ms|800 ms <= t < 1200 ms|t >= 1200 ms"
            + "|failed|KO)\\s+(\\d+)\\s+\\(.*\\)$");

    /** Gatling's console summary: Global Information's total column by row label, and the ranges. */
    static Map<String, String> console(Path file) throws Exception {
        Map<String, String> out = new LinkedHashMap<>();
        boolean global = false;
        for (String line : Files.readAllLines(file)) {
            if (line.startsWith("---- Global Information")) {
                global = true;
                continue;
            }
            if (!global) {
                continue;
            }
            if (line.startsWith("---- Errors")) {
                break;
            }
            Matcher r = RANGE.matcher(line);
            if (r.matches()) {
                out.put(r.group(1).equals("KO") ? "failed" : r.group(1), r.group(2));
                continue;
            }
            Matcher m = OLD_ROW.matcher(line);
            if (!m.matches()) {
                m = NEW_ROW.matcher(line);
            }
            if (m.matches()) {
                String label = m.group(1).replace(" (ms)", "").replace(" (rps)", "")
                        .replace("response time std deviation", "std deviation")
                        .replace("mean throughput", "mean requests/sec");
                out.put(label, m.group(2));
                if (label.equals("request count")) {
                    out.put("OK", m.group(3));
                    out.put("KO", m.group(4));
                }
            }
        }
        return out;
    }

    /** The same numbers, from Perfdesk's figures of a benchmark, formatted as Gatling formats them. */
    static Map<String, String> ours(Benchmark latency, Benchmark rps) {
        BenchmarkFigures f = latency.figures();
        Map<String, String> out = new LinkedHashMap<>();
        out.put("request count", Long.toString(f.n()));
        out.put("OK", whole(latency.statistics().get("OK")));
        out.put("KO", whole(latency.statistics().get("KO")));
        double[] sorted = f.sortedSamples();
        out.put("min response time", whole(sorted.length > 0 ? sorted[0] : latency.statistics().get("min")));
        out.put("max response time", whole(sorted.length > 0 ? sorted[sorted.length - 1]
                : latency.statistics().get("max")));
        out.put("mean response time", whole(Math.round(f.mean())));
        out.put("response time 50th percentile", whole(f.percentile(50)));
        out.put("response time 75th percentile", whole(f.percentile(75)));
        out.put("response time 95th percentile", whole(f.percentile(95)));
        out.put("response time 99th percentile", whole(f.percentile(99)));
        double rate = rps.figures().centre();
        out.put("mean requests/sec", rate == Math.rint(rate) ? whole(rate)
                : String.format(Locale.ROOT, "%.1f", rate));
        for (String range : new String[] {"t < 800 ms", "800 ms <= t < 1200 ms", "t >= 1200 ms", "failed"}) {
            out.put(range, whole(latency.statistics().get(range)));
        }
        return out;
    }

    /**
     * Gatling's t-digest picks at random (an unseeded {@code java.util.Random}) among equally near centroids, so the
     * same log can print different percentiles: on {@code gatling-3.15.1} its p99 is 40 or 42 about equally often.
     * Each percentile Gatling printed, and Perfdesk's, must be one of the values Gatling's rule gives for some seed.
     */
    private static void checkPercentiles(Benchmark fromLog, Map<String, String> gatling, Map<String, String> ours) {
        double[] samples = fromLog.samples();
        for (int p : new int[] {50, 75, 95, 99}) {
            String key = "response time " + p + "th percentile";
            java.util.Set<String> possible = new java.util.TreeSet<>();
            for (long seed = 0; seed < 300; seed++) {
                com.tdunning.math.stats.AVLTreeDigest d = new com.tdunning.math.stats.AVLTreeDigest(100.0);
                try {
                    java.lang.reflect.Field gen = com.tdunning.math.stats.AVLTreeDigest.class.getDeclaredField("gen");
                    gen.setAccessible(true);
                    ((java.util.Random) gen.get(d)).setSeed(seed);
                } catch (ReflectiveOperationException e) {
                    throw new AssertionError(e);
                }
                for (double v : samples) {
                    d.add(v);
                }
                possible.add(whole(Math.round(d.quantile(p / 100.0))));
            }
            assertTrue(possible.contains(gatling.get(key)), fromLog.name() + " " + key + ": Gatling printed "
                    + gatling.get(key) + ", its rule gives " + possible);
            assertTrue(possible.contains(ours.get(key)), fromLog.name() + " " + key + ": ours " + ours.get(key)
                    + ", Gatling's rule gives " + possible);
        }
    }

    private static void dropPercentiles(Map<String, String> values) {
        values.keySet().removeIf(k -> k.endsWith("percentile"));
    }

    private static String whole(double v) {
        return Long.toString(Math.round(v));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"gatling-3.12.0", "gatling-3.13.4", "gatling-3.13.5", "gatling-3.13.5-slow",
        "gatling-3.15.1"})
    void theLogReadsAsGatlingsConsoleSummary(String name) throws Exception {
        BenchmarkRun run = importRun(sample("gatling", name + ".simulation.log"), GatlingLogImporter.FORMAT);
        assertEquals("Gatling", run.tool());
        assertEquals(name.replace("gatling-", "").replace("-slow", ""), run.environment().get("Gatling version"));
        assertEquals("perfdesk.PerfdeskSimulation", run.tags().get("simulation"));
        // the binary log lists the scenarios in the run record; the text log names them as users start
        assertTrue(List.of("Browse, Poll", "Poll, Browse").contains(run.tags().get("scenarios")),
                run.tags().get("scenarios"));
        Map<String, String> console = console(sample("gatling", name + ".stdout.txt"));
        assertEquals(16, console.size(), "rows read from the console: " + console);
        Benchmark all = find(run, GatlingRun.ALL_REQUESTS, "", Benchmark.PRIMARY);
        Map<String, String> ours = ours(all, find(run, GatlingRun.ALL_REQUESTS, "", GatlingRun.RPS));
        console.remove("std deviation");
        if (!name.equals("gatling-3.12.0")) {
            // Gatling 3.12 computed its percentiles with t-digest 3.1; 3.13 and later (and Perfdesk) with 3.3
            checkPercentiles(all, console, ours);
        }
        dropPercentiles(console);
        dropPercentiles(ours);
        ours.keySet().retainAll(console.keySet());
        assertEquals(console, ours);
        assertTrue(all.figures().hasLatencyDistribution());
        assertEquals(340, all.points().size(), "every request's start time, for latency over time");
        assertEquals("80 × " + (name.equals("gatling-3.15.1") ? "status.find.is(200), found 404"
                : "status.find.is(200), but actually found 404"), run.tags().get("KO 1"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"gatling-3.12.0", "gatling-3.13.4", "gatling-3.13.5", "gatling-3.13.5-slow"})
    void everyRequestAndGroupReadsAsTheReportOfTheSameRun(String name) throws Exception {
        BenchmarkRun log = importRun(sample("gatling", name + ".simulation.log"), GatlingLogImporter.FORMAT);
        Path dir = sample("gatling", "reports/" + name);
        Path stats = Files.exists(dir.resolve("stats.json")) ? dir.resolve("stats.json") : dir.resolve("stats.js");
        BenchmarkRun report = importRun(stats, GatlingStatsImporter.FORMAT);
        List<String> names = new ArrayList<>();
        for (Benchmark b : report.benchmarks()) {
            if (!b.metric().equals(Benchmark.PRIMARY)) {
                continue;
            }
            names.add(b.name());
            Benchmark fromLog = find(log, b.name(), "", Benchmark.PRIMARY);
            Map<String, String> expected = ours(b, find(report, b.name(), "", GatlingRun.RPS));
            expected.put("mean response time", whole(b.statistics().get("mean")));
            Map<String, String> actual = ours(fromLog, find(log, b.name(), "", GatlingRun.RPS));
            if (!name.equals("gatling-3.12.0")) {
                checkPercentiles(fromLog, expected, actual);
            }
            dropPercentiles(expected);
            dropPercentiles(actual);
            assertEquals(expected, actual, b.name());
        }
        assertEquals(List.of("All Requests", "pages", "pages / api", "pages / api / item", "pages / home", "home",
                "missing"), names);
        if (Files.exists(dir.resolve("global_stats.json"))) {
            // the report's global_stats.json: the All Requests statistics alone, the same numbers
            BenchmarkRun global = importRun(dir.resolve("global_stats.json"), GatlingStatsImporter.FORMAT);
            assertEquals(2, global.benchmarks().size());
            assertEquals(ours(find(report, GatlingRun.ALL_REQUESTS, "", Benchmark.PRIMARY),
                    find(report, GatlingRun.ALL_REQUESTS, "", GatlingRun.RPS)),
                    ours(find(global, GatlingRun.ALL_REQUESTS, "", Benchmark.PRIMARY),
                            find(global, GatlingRun.ALL_REQUESTS, "", GatlingRun.RPS)));
        }
        assertNotNull(find(log, "pages / api", "", Benchmark.PRIMARY).attributes().get("group values"));
    }

    /**
     * The format dossier's own recordings ({@code testdata/gatling}, another simulation recorded with the same
     * plugin): the log against its console's Global Information, and every request and group against the report.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"gatling-3.12.0", "gatling-3.13.4", "gatling-3.13.5"})
    void theDossiersRecordingsReadAsTheirConsoleAndReport(String name) throws Exception {
        Path dir = testdata("gatling/" + name);
        BenchmarkRun log = importRun(dir.resolve("simulation.log"), GatlingLogImporter.FORMAT);
        assertEquals("perf.LoopbackSimulation", log.tags().get("simulation"));
        boolean digest31 = name.equals("gatling-3.12.0");
        Map<String, String> console = console(dir.resolve("console.txt"));
        console.remove("std deviation");
        Benchmark all = find(log, GatlingRun.ALL_REQUESTS, "", Benchmark.PRIMARY);
        Map<String, String> ours = ours(all, find(log, GatlingRun.ALL_REQUESTS, "", GatlingRun.RPS));
        if (!digest31) {
            checkPercentiles(all, console, ours);
        }
        dropPercentiles(console);
        dropPercentiles(ours);
        ours.keySet().retainAll(console.keySet());
        assertEquals(console, ours);
        Path stats = Files.exists(dir.resolve("stats.json")) ? dir.resolve("stats.json") : dir.resolve("stats.js");
        BenchmarkRun report = importRun(stats, GatlingStatsImporter.FORMAT);
        List<String> names = new ArrayList<>();
        for (Benchmark b : report.benchmarks()) {
            if (!b.metric().equals(Benchmark.PRIMARY)) {
                continue;
            }
            names.add(b.name());
            Benchmark fromLog = find(log, b.name(), "", Benchmark.PRIMARY);
            Map<String, String> expected = ours(b, find(report, b.name(), "", GatlingRun.RPS));
            expected.put("mean response time", whole(b.statistics().get("mean")));
            Map<String, String> actual = ours(fromLog, find(log, b.name(), "", GatlingRun.RPS));
            if (!digest31) {
                checkPercentiles(fromLog, expected, actual);
            }
            dropPercentiles(expected);
            dropPercentiles(actual);
            assertEquals(expected, actual, b.name());
        }
        assertEquals(List.of("All Requests", "pages", "pages / index", "pages / big", "index", "missing"), names);
    }

    @Test
    void runsJoinTheHistoryInTheOrderTheyRan() throws Exception {
        List<RunHistory.IdentifiedRun> runs = new ArrayList<>();
        int i = 0;
        for (String name : new String[] {"gatling-3.13.5-slow", "gatling-3.12.0", "gatling-3.13.5"}) {
            BenchmarkRun run = importRun(sample("gatling", name + ".simulation.log"), GatlingLogImporter.FORMAT);
            runs.add(new RunHistory.IdentifiedRun("r" + (++i), run, java.time.Instant.EPOCH));
        }
        List<RunHistory.RunSeries> item = RunHistory.ofBenchmark(RunHistory.of(runs), "pages / api / item");
        assertEquals(2, item.size(), "latency and requests/s: " + item);
        RunHistory.RunSeries latency = item.stream().filter(s -> s.unit().equals("ms")).findFirst().orElseThrow();
        assertEquals(3, latency.set().size());
        double[] medians = latency.set().values(latency.metric());
        // by start time: 3.12.0, then 3.13.5, then the slow server
        assertEquals(find(runs.get(1).run(), "pages / api / item", "", Benchmark.PRIMARY).figures().centre(),
                medians[0]);
        assertTrue(medians[2] > medians[1] * 5, Arrays.toString(medians));
    }
}
