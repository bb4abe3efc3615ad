package dev.perfdesk.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * ghz, grpc_bench, kube-burner and SPEC CPU 2017 files through the command line: each detected by its content and
 * imported with one line per run created, compared (SPEC's higher ratios better, kube-burner's latencies against a
 * target as the CI gate), joining a benchmark's history, and bad input refused in one line with the store unchanged.
 */
class CliLoadAndSuiteFormatsTest {
    @TempDir
    Path dir;
    String db;

    static Path testdata(String relative) {
        return Path.of(System.getProperty("perfdesk.testdata", "../testdata"), relative).toAbsolutePath()
                .normalize();
    }

    @BeforeEach
    void store() {
        db = dir.resolve("store.db").toString();
    }

    @Test
    void everyFileImportsByContentWithOneLinePerRun() {
        List<Path> files = List.of(CliBenchTest.sample("ghz", "ghz-docs-pretty.json"),
                CliBenchTest.sample("ghz", "ghz-summary-tonic.txt"),
                testdata("spec-cpu2017/CPU2017.001.intrate.refrate.csv"),
                testdata("spec-cpu2017/CPU2017.002.intrate.refrate.txt"),
                testdata("kube-burner/podLatencyQuantilesMeasurement-cluster-density-v2.json"),
                testdata("kube-burner/jobSummary.json"),
                testdata("grpc_bench/canonical-results.txt"),
                testdata("grpc_bench/pajamax-grpc_bench.md"));
        String[] args = new String[files.size() + 3];
        args[0] = "import";
        args[1] = "--db";
        args[2] = db;
        for (int i = 0; i < files.size(); i++) {
            args[i + 3] = files.get(i).toString();
        }
        CliRunner.Result r = CliRunner.run(args);
        assertEquals(0, r.exitCode(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(7 + 12, lines.size(), "the pajamax page holds 12 grpc_bench runs: " + r.out());
        assertEquals("r1\tghz-docs-pretty.json", lines.get(0));
        assertEquals("r3\tCPU2017.001.intrate.refrate.csv", lines.get(2));
        assertEquals("r8\tpajamax-grpc_bench.md C=1 S=1", lines.get(7));
        assertEquals("r19\tpajamax-grpc_bench.md C=100 S=100000", lines.get(18));
        String list = CliRunner.run("list", "--db", db).out();
        for (String format : new String[] {"ghz-json", "ghz-summary", "spec-cpu2017-csv", "spec-cpu2017-txt",
            "kube-burner-json", "grpc-bench-table"}) {
            assertTrue(list.contains(format), format + " in " + list);
        }
        CliRunner.Result show = CliRunner.run("show", "--db", db, "r3");
        assertEquals(0, show.exitCode(), show.err());
        assertTrue(show.out().lines().anyMatch(l -> l.startsWith("SPECrate2017_int_base ")), show.out());
        assertTrue(!show.out().contains("Relative speed"), "SPEC's programs are not alternatives: " + show.out());
        CliRunner.Result grpc = CliRunner.run("show", "--db", db, "r7");
        assertTrue(grpc.out().contains("rust_pajamax ran 2.46 times faster than rust_tonic_mt"), grpc.out());
    }

    @Test
    void aKubeBurnerCollectedMetricsFolderImportsAsOneRun() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("collected-metrics-c4558ba8"));
        for (String name : new String[] {"jobSummary.json", "podLatencyMeasurement-cluster-density-v2.json",
            "podLatencyQuantilesMeasurement-cluster-density-v2.json"}) {
            Files.copy(testdata("kube-burner/" + name), folder.resolve(name));
        }
        CliRunner.Result r = CliRunner.run("import", "--db", db, folder.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("r1\tcollected-metrics-c4558ba8\n", r.out());
    }

    @Test
    void twoSpecSystemsCompareWithHigherRatiosBetter() {
        Path a = testdata("spec-cpu2017/CPU2017.001.intrate.refrate.csv");
        Path b = testdata("spec-cpu2017/CPU2017.002.intrate.refrate.csv");
        CliRunner.Result r = CliRunner.run("compare", "--db", db, a.toString(), b.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("geomean +34.84%"), r.out());
        assertTrue(r.out().contains(": 11 primary metrics compared: 0 regressions"), r.out());
        assertTrue(!r.out().contains("▲"), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("500\\.perlbench_r\\{tuning=base\\}\\s+1\\.964 ratio "
                + "\\(n=3\\)\\s+2\\.629 ratio \\(n=2\\)\\s+\\+33\\.88%.*")), r.out());
        CliRunner.Result back = CliRunner.run("compare", "--db", db, "r2", "r1", "--format", "md");
        assertEquals(0, back.exitCode(), back.err());
        assertTrue(back.out().contains("geomean -25.84%"), back.out());
    }

    @Test
    void aKubeBurnerLatencyTargetGatesTheCandidate() {
        Path before = testdata("kube-burner/podLatencyQuantilesMeasurement-cluster-density-v2.json");
        Path after = testdata("kube-burner/podLatencyQuantilesMeasurement-cluster-density-v2.candidate.json");
        CliRunner.Result pass = CliRunner.run("compare", "--db", db, before.toString(), after.toString(),
                "--target", "Ready@p99=5000ms");
        assertEquals(0, pass.exitCode(), pass.out() + pass.err());
        CliRunner.Result fail = CliRunner.run("compare", "--db", db, "r1", "r2", "--target", "Ready@p99=4000ms");
        assertEquals(1, fail.exitCode(), fail.out() + fail.err());
        assertTrue(fail.out().startsWith("Benchmark comparison: podLatencyQuantilesMeasurement-cluster-density-v2"
                + ".json (r1) vs"), fail.out());
        assertTrue(fail.out().contains("FAIL"), fail.out());
    }

    @Test
    void specRunsJoinABenchmarksHistory() {
        CliRunner.run("import", "--db", db, testdata("spec-cpu2017/CPU2017.001.intrate.refrate.csv").toString(),
                testdata("spec-cpu2017/CPU2017.002.intrate.refrate.csv").toString());
        CliRunner.Result r = CliRunner.run("changepoints", "--db", db, "500.perlbench_r{tuning=base}",
                "--metric", "score");
        assertTrue(r.exitCode() == 0 || r.exitCode() == 1, r.err());
        assertTrue(r.out().contains("2 runs"), r.out());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '~', quoteCharacter = '`', textBlock = """
            ghz-json ~ bad.json ~ {"count": 2, "total": 10, "average": NaN, "fastest": 4, "slowest": 6, "latencyDistribution": []} ~ :1: 'average' must be a finite number >= 0
            ghz-summary ~ bad.txt ~ Summary:\\n  Count:\\t2\\n  Total:\\tfast\\n ~ :3: expected a time such as '0.96 ms'
            spec-cpu2017-csv ~ bad.csv ~ "Full Results Table"\\nBenchmark,"Base # Copies","Base Run Time","Base Rate","Base Selected","Base Status"\\n500.perlbench_r,2,Infinity,1.9,1,S ~ :3: 'Base Run Time' must be a finite number >= 0
            kube-burner-json ~ bad.json ~ [{"metricName": "podLatencyQuantilesMeasurement", "uuid": "u", "quantileName": "Ready", "P99": "Infinity"}] ~ :1: 'P99' must be a finite number
            grpc-bench-table ~ bad.txt ~ | name | req/s | avg. latency | 90 % in | 95 % in | 99 % in | avg. cpu | avg. memory |\\n| a | 1 | 2 ms | 3 ms | 4 ms | 5 ms | NaN% | 1 MiB | ~ :2: 'avg. cpu' must be a finite percentage
            """)
    void badInputGivesOneLineAndLeavesTheStoreUnchanged(String format, String name, String content, String message)
            throws Exception {
        CliRunner.run("import", "--db", db, CliBenchTest.sample("ghz", "ghz-summary-tonic.txt").toString());
        String before = CliRunner.run("list", "--db", db).out();
        Path file = Files.writeString(dir.resolve(name), content.replace("\\n", "\n").replace("\\t", "\t"),
                StandardCharsets.UTF_8);
        CliRunner.Result r = CliRunner.run("import", "--db", db, file.toString());
        assertEquals(1, r.exitCode(), r.err());
        assertEquals("", r.out());
        assertEquals(1, r.errLines().length, r.err());
        assertTrue(r.err().startsWith(file.toString()), r.err());
        assertTrue(r.err().contains(message), r.err());
        assertEquals(before, CliRunner.run("list", "--db", db).out(), "the store is unchanged");
        CliRunner.Result forced = CliRunner.run("import", "--db", db, "--format", format, file.toString());
        assertEquals(1, forced.exitCode(), forced.err());
        assertTrue(forced.err().contains(message), forced.err());
    }
}
