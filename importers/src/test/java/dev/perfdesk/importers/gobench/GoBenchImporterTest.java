package dev.perfdesk.importers.gobench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.perfdesk.core.bench.Benchmark;
import dev.perfdesk.core.bench.BenchmarkRun;
import dev.perfdesk.core.bench.BenchmarkStatus;
import dev.perfdesk.core.series.RunHistory;
import dev.perfdesk.importers.bench.BenchFiles;

/**
 * The Go benchmark importer on runs recorded here by {@code sample-data/bench/go/record.sh} (go1.19.8, text and
 * {@code -json}): every value as {@code go test} printed it, each unit its own metric, sub-benchmarks, the
 * GOMAXPROCS suffix as a parameter and the configuration lines as the environment.
 */
class GoBenchImporterTest {
    @TempDir
    Path dir;

    private static Benchmark find(BenchmarkRun run, String name, String metric) {
        return run.benchmarks().stream().filter(b -> b.name().equals(name) && b.metric().equals(metric)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " " + metric + " in " + run.benchmarks()));
    }

    @Test
    void readsEveryValueOfTheRecordedTextRun() throws Exception {
        BenchmarkRun run = BenchFiles.importRun(BenchFiles.sample("go", "gobench-count5-benchmem.txt"), "go-bench");
        assertEquals("go test -bench", run.tool());
        assertEquals(Map.of("goos", "linux", "goarch", "amd64", "pkg", "example.com/gobench",
                "cpu", "Intel(R) Xeon(R) Processor"), run.environment());
        assertEquals(List.of("goos", "goarch", "pkg", "cpu"), List.copyOf(run.environment().keySet()));
        // BenchmarkFib20-2  8889  27900 ns/op  0 B/op  0 allocs/op, five times
        Benchmark fib = find(run, "Fib20", Benchmark.PRIMARY);
        assertEquals(Map.of("gomaxprocs", "2"), fib.params());
        assertEquals("ns/op", fib.unit());
        assertTrue(fib.lowerIsBetter());
        assertArrayEquals(new double[] {27900, 27874, 29316, 28265, 27235}, fib.samples());
        assertEquals("8889, 9123, 8631, 8946, 8731", fib.attributes().get("iterations"));
        assertEquals(27900, fib.figures().centre());
        assertArrayEquals(new double[] {0, 0, 0, 0, 0}, find(run, "Fib20", "B/op").samples());
        assertEquals("allocs/op", find(run, "Fib20", "allocs/op").unit());
        // sub-benchmarks keep their path
        assertArrayEquals(new double[] {970828, 959420, 902091, 871955, 932046},
                find(run, "SortInts/size=10000", Benchmark.PRIMARY).samples());
        assertArrayEquals(new double[] {81944, 81944, 81944, 81944, 81944},
                find(run, "SortInts/size=10000", "B/op").samples());
        // b.SetBytes gives MB/s (higher is better), b.ReportMetric a custom unit
        Benchmark mbs = find(run, "Builder", "MB/s");
        assertArrayEquals(new double[] {721.54, 689.93, 719.58, 996.93, 1013.15}, mbs.samples());
        assertEquals(false, mbs.lowerIsBetter());
        assertArrayEquals(new double[] {64, 64, 64, 64, 64}, find(run, "Builder", "writes/op").samples());
        assertEquals(14, run.benchmarks().size());
        assertEquals(List.of("primary", "MB/s", "writes/op", "B/op", "allocs/op"), run.benchmarks().stream()
                .filter(b -> b.name().equals("Builder")).map(Benchmark::metric).toList());
    }

    @Test
    void theJsonStreamJoinsSplitResultLines() throws Exception {
        BenchmarkRun run = BenchFiles.importRun(BenchFiles.sample("go", "gobench-json.jsonl"), "go-bench");
        // "BenchmarkFib20-2      \t" then "    8793\t     27044 ns/op..." in two output events
        assertArrayEquals(new double[] {28115, 27165, 27044, 26023, 26280},
                find(run, "Fib20", Benchmark.PRIMARY).samples());
        assertEquals(14, run.benchmarks().size());
        assertEquals("example.com/gobench", run.environment().get("pkg"));
        assertEquals("2026-12-02T17:12:07.469790120Z", run.startTime().toString());
    }

    @Test
    void theSharedRecordingOfTheDossierReadsTheSame() throws Exception {
        BenchmarkRun run = BenchFiles.importRun(BenchFiles.testdata("gobench/gobench.count5.benchmem.txt"),
                "go-bench");
        // BenchmarkBuilder-2  296263  911.8 ns/op  1123.02 MB/s ...
        assertEquals(911.8, find(run, "Builder", Benchmark.PRIMARY).samples()[4]);
        BenchmarkRun json = BenchFiles.importRun(BenchFiles.testdata("gobench/gobench.test2json.jsonl"), "go-bench");
        assertArrayEquals(new double[] {36965, 34627}, find(json, "Fib20", Benchmark.PRIMARY).samples());
    }

    @Test
    void varyingConfigurationBecomesParametersAndFailuresAreKept() throws Exception {
        Path file = Files.writeString(dir.resolve("two-packages.txt"), String.join("\n",
                "goos: linux", "pkg: example.com/a", "BenchmarkX-4   10   100 ns/op", "BenchmarkX-4   10   110 ns/op",
                "pkg: example.com/b", "BenchmarkX-4   10   300 ns/op", "BenchmarkX   10   50 ns/op",
                "--- FAIL: BenchmarkBoom/sub=1", "    f_test.go:6: boom", "--- FAIL: BenchmarkBoom",
                "commit: abc123", "BenchmarkY 1 2 ns/op", "FAIL", ""), StandardCharsets.UTF_8);
        BenchmarkRun run = BenchFiles.importRun(file, "go-bench");
        assertEquals("linux", run.environment().get("goos"));
        assertTrue(!run.environment().containsKey("pkg"));
        List<String> names = run.benchmarks().stream().map(Benchmark::displayName).toList();
        assertEquals(List.of("X{pkg=example.com/a, gomaxprocs=4}", "X{pkg=example.com/b, gomaxprocs=4}",
                "X{pkg=example.com/b}", "Y{pkg=example.com/b, commit=abc123}", "Boom/sub=1"), names);
        assertArrayEquals(new double[] {100, 110}, run.benchmarks().get(0).samples());
        Benchmark boom = run.benchmarks().get(4);
        assertEquals(BenchmarkStatus.FAILED, boom.status());
        assertEquals(0, boom.samples().length);
    }

    @Test
    void unitMetadataAndFilesWithoutNsPerOp() throws Exception {
        BenchmarkRun run = BenchFiles.importRun(BenchFiles.testdata("benchstat/zero.txt"), "go-bench");
        Benchmark a = find(run, "Imperceptible", Benchmark.PRIMARY);
        assertEquals("a-bytes", a.unit());
        assertEquals("exact", a.attributes().get("assume"));
        assertEquals("before", a.params().get("note"));
    }

    @Test
    void twoRecordedRunsJoinTheHistoryPerBenchmarkAndMetric() throws Exception {
        BenchmarkRun text = BenchFiles.importRun(BenchFiles.sample("go", "gobench-count5-benchmem.txt"), "go-bench");
        BenchmarkRun json = BenchFiles.importRun(BenchFiles.sample("go", "gobench-json.jsonl"), "go-bench");
        List<RunHistory.RunSeries> history = RunHistory.of(List.of(
                new RunHistory.IdentifiedRun("r1", text, Instant.parse("2026-12-02T17:00:00Z")),
                new RunHistory.IdentifiedRun("r2", json, Instant.parse("2026-12-02T17:10:00Z"))));
        // 4 benchmarks: Fib20 and SortInts x2 with ns/op, B/op, allocs/op; Builder with five metrics
        assertEquals(14, history.size());
        RunHistory.RunSeries fib = history.stream().filter(h -> h.benchmark().startsWith("Fib20")
                && h.metric().equals(RunHistory.SCORE)).findFirst().orElseThrow(() -> new AssertionError(history.toString()));
        assertEquals(2, fib.set().size());
        assertEquals("ns/op", fib.unit());
        assertArrayEquals(new double[] {27900, 27044}, fib.set().values(fib.metric()));
    }
}
