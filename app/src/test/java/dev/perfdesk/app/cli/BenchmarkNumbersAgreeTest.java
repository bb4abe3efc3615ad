package dev.perfdesk.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.perfdesk.core.bench.BenchmarkRun;
import dev.perfdesk.store.Store;
import dev.perfdesk.viewers.bench.RunTableRow;

/**
 * One number, one place: for every sample run, the run table the window shows ({@link RunTableRow}, in the recorded
 * unit), {@code perfdesk show --format json} and the JSON report of {@code perfdesk compare} give the same centre,
 * spread, n and p50/p90/p99 for every benchmark row.
 */
class BenchmarkNumbersAgreeTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    static Stream<String> sampleRuns() {
        return Stream.of(
                "sample-data/bench/jmh/jmh-percentile.json",
                "testdata/formats/jmh-openjdk-golden.json",
                "sample-data/bench/hyperfine/hyperfine-params.json",
                "sample-data/bench/hyperfine/hyperfine-sleep.json",
                "sample-data/bench/hyperfine/hyperfine-ignore-failure.json",
                "sample-data/bench/k6/k6-summary-export.json",
                "sample-data/bench/k6/k6-out-json-http.ndjson",
                "sample-data/bench/k6/k6-out-json-example.ndjson",
                "sample-data/bench/jtl/jmeter-5.6.3-results.jtl",
                "sample-data/bench/jtl/jmeter-results.jtl",
                "sample-data/bench/wrk/wrk-latency.txt",
                "sample-data/bench/wrk/wrk2-readme-latency.txt",
                "sample-data/bench/hdr/tagged-Log.logV2.hlog",
                "testdata/hdr/jHiccup-2.0.7S.logV2.hlog",
                "sample-data/bench/pytestbench/pytest-benchmark-data.json",
                "sample-data/bench/pytestbench/pytest-benchmark-2.5-stats-only.json",
                "sample-data/bench/gbench/gbench-sort.json",
                "testdata/gbench/test3_run0.json");
    }

    private static Path repo(String relative) {
        Path sampleData = Path.of(System.getProperty("perfdesk.sampledata", "../sample-data"));
        return sampleData.getParent().resolve(relative);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sampleRuns")
    void runTableShowAndReportAgreeOnEveryRow(String file) throws Exception {
        String db = dir.resolve("store.db").toString();
        CliRunner.Result imported = CliRunner.run("import", "--db", db, repo(file).toString());
        assertEquals(0, imported.exitCode(), imported.err());

        BenchmarkRun run;
        try (Store s = Store.open(Path.of(db))) {
            run = s.loadRun(1);
        }
        List<RunTableRow> table = RunTableRow.of(run, false);

        CliRunner.Result show = CliRunner.run("show", "--db", db, "r1", "--format", "json");
        assertEquals(0, show.exitCode(), show.err());
        List<JsonNode> shown = new ArrayList<>();
        JSON.readTree(show.out()).path("benchmarks").forEach(shown::add);

        CliRunner.Result compared = CliRunner.run("compare", "--db", db, "r1", "r1", "--format", "json");
        assertTrue(compared.exitCode() <= 1, compared.err());
        JsonNode report = JSON.readTree(compared.out());
        List<JsonNode> reported = new ArrayList<>();
        report.path("candidate").path("benchmarks").forEach(reported::add);

        assertEquals(table.size(), shown.size(), "rows in show");
        assertEquals(table.size(), reported.size(), "rows in the report");
        assertTrue(table.size() > 0, file);
        for (int i = 0; i < table.size(); i++) {
            RunTableRow row = table.get(i);
            JsonNode s = shown.get(i);
            JsonNode r = reported.get(i);
            String label = file + " row " + i + " " + row.benchmark();
            assertEquals(row.benchmark().name(), s.path("benchmark").asText(), label);
            assertEquals(row.benchmark().name(), r.path("benchmark").asText(), label);
            assertEquals(row.unit(), s.path("unit").asText(), label);
            assertEquals(row.unit(), r.path("unit").asText(), label);
            same(row.value(), s.path("value"), label + " centre in show");
            same(row.value(), r.path("centre"), label + " centre in the report");
            same(row.spread(), s.path("spread"), label + " spread in show");
            same(row.spread(), r.path("spread"), label + " spread in the report");
            assertEquals(row.n(), s.path("n").isNull() ? -1 : s.path("n").asLong(), label + " n in show");
            assertEquals(row.n(), r.path("n").asLong(), label + " n in the report");
            same(row.p50(), s.path("p50"), label + " p50 in show");
            same(row.p90(), s.path("p90"), label + " p90 in show");
            same(row.p99(), s.path("p99"), label + " p99 in show");
            same(row.p50(), r.path("p50"), label + " p50 in the report");
            same(row.p90(), r.path("p90"), label + " p90 in the report");
            same(row.p99(), r.path("p99"), label + " p99 in the report");
            assertTrue(s.path("spread_kind").asText().equals(r.path("description").asText()), label);
        }
        // the comparison of the run with itself: each compared row's centres are the run table's
        for (JsonNode c : report.path("benchmarks")) {
            RunTableRow row = table.stream().filter(t -> t.benchmark().key().name().equals(c.path("name").asText())
                    && t.unit().equals(c.path("unit").asText())
                    && JSON.valueToTree(new java.util.TreeMap<>(t.benchmark().params())).equals(c.path("params")))
                    .findFirst().orElseThrow(() -> new AssertionError(file + ": no table row for " + c));
            same(row.value(), c.path("baseline").path("centre"), file + " " + row.benchmark() + " compared centre");
            same(row.value(), c.path("candidate").path("centre"), file + " " + row.benchmark() + " compared centre");
        }
    }

    /** NaN in the table is null in JSON; numbers agree to the last bit (JSON prints doubles exactly). */
    private static void same(double expected, JsonNode actual, String label) {
        if (Double.isNaN(expected)) {
            assertTrue(actual.isNull() || actual.isMissingNode(), label + ": expected no value, got " + actual);
        } else {
            assertTrue(actual.isNumber(), label + ": expected " + expected + ", got " + actual);
            assertEquals(expected, actual.asDouble(), 0.0, label);
        }
    }
}
