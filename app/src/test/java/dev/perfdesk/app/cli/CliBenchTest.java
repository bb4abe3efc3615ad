package dev.perfdesk.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Benchmark runs from the command line: import, list with kinds, show as text, JSON and CSV, delete, bad input. */
class CliBenchTest {
    @TempDir
    Path dir;
    String db;

    /** The project's sample-data folder; found from the module folder, since UI tests change the property. */
    static Path sample(String tool, String name) {
        return Path.of("..", "sample-data", "bench", tool, name).toAbsolutePath().normalize();
    }

    @BeforeEach
    void store() {
        db = dir.resolve("store.db").toString();
    }

    @Test
    void importPrintsRunIdsWithAnRAndListShowsKinds() {
        CliRunner.Result r = CliRunner.run("import", "--db", db, sample("hyperfine", "hyperfine-sleep.json").toString(),
                sample("wrk", "wrk-latency.txt").toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("r1\thyperfine-sleep.json\nr2\twrk-latency.txt\n", r.out());
        String list = CliRunner.run("list", "--db", db).out();
        assertTrue(list.startsWith("KIND"), list);
        assertTrue(list.lines().anyMatch(l -> l.startsWith("run        r1 ") && l.contains("hyperfine-json")
                && l.contains("2 benchmarks") && l.endsWith("hyperfine-sleep.json")), list);
        CliRunner.Result again = CliRunner.run("import", "--db", db,
                sample("hyperfine", "hyperfine-sleep.json").toString());
        assertEquals("r1\thyperfine-sleep.json\n", again.out());
        assertTrue(again.err().contains("already in the store"), again.err());
    }

    @Test
    void showPrintsTheBenchmarkTableAsText() {
        CliRunner.run("import", "--db", db, sample("hyperfine", "hyperfine-params.json").toString());
        CliRunner.Result r = CliRunner.run("show", "--db", db, "r1");
        assertEquals(0, r.exitCode(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals("Run r1: hyperfine-params.json", lines.get(0));
        String row = lines.stream().filter(l -> l.startsWith("sleep 0.005")).findFirst().orElseThrow();
        // numpy on the file's five times: median 0.00546447 s, IQR 0.00230421, p90 0.00782715, p99 0.00789349
        assertTrue(row.matches("sleep 0\\.005\\s+delay=0\\.005\\s+primary\\s+0\\.00546447\\s+IQR 0\\.00230421 "
                + "\\(median, IQR\\)\\s+s\\s+5\\s+0\\.00546447\\s+0\\.00782715\\s+0\\.00789349\\s+ok"), row);
    }

    @Test
    void showPrintsJmhScoresAndSampleModePercentilesAsJson() throws Exception {
        CliRunner.run("import", "--db", db, sample("jmh", "jmh-percentile.json").toString());
        CliRunner.Result r = CliRunner.run("show", "--db", db, "r1", "--format", "json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals("r1", json.path("id").asText());
        assertEquals("JMH", json.path("tool").asText());
        JsonNode sample = null;
        for (JsonNode b : json.path("benchmarks")) {
            if (b.path("benchmark").asText().endsWith("sortRawSamples") && b.path("mode").asText().equals("sample")
                    && b.path("params").path("size").asText().equals("10000") && b.path("metric").asText()
                    .equals("primary")) {
                sample = b;
            }
        }
        assertTrue(sample != null, r.out());
        assertEquals(763.2341615033005, sample.path("value").asDouble(), 1e-9);
        assertEquals(40.51499949367585, sample.path("spread").asDouble(), 1e-9);
        assertEquals("score ± 99.9% CI", sample.path("spread_kind").asText());
        assertEquals("us/op", sample.path("unit").asText());
        assertEquals(3938, sample.path("n").asLong());
        // JMH printed p0.50 = 604.160 and p0.99 = 4674.437 us/op; the histogram agrees to its 3 digits
        assertEquals(604.160, sample.path("p50").asDouble(), 604.160 * 1e-3);
        assertEquals(4674.437, sample.path("p99").asDouble(), 4674.437 * 2e-3);
    }

    @Test
    void showPrintsCsvWithAHeader() {
        CliRunner.run("import", "--db", db, sample("gbench", "gbench-sort.json").toString());
        CliRunner.Result r = CliRunner.run("show", "--db", db, "r1", "--format", "csv");
        assertEquals(0, r.exitCode(), r.err());
        String[] lines = r.out().split("\n");
        assertEquals(String.join(",", RunTable.COLUMNS), lines[0]);
        assertTrue(Arrays.stream(lines).anyMatch(l -> l.startsWith("BM_NeedsNetwork,,,primary,,,,ns,,,,,")
                && l.endsWith("failed: no network in the sandbox")), r.out());
    }

    @Test
    void deleteRemovesARunAndShowThenFails() {
        CliRunner.run("import", "--db", db, sample("wrk", "wrk-latency.txt").toString());
        assertEquals("deleted r1\twrk-latency.txt\n", CliRunner.run("delete", "--db", db, "r1").out());
        CliRunner.Result r = CliRunner.run("show", "--db", db, "r1");
        assertEquals(1, r.exitCode());
        assertEquals(1, r.errLines().length, r.err());
        assertEquals(2, CliRunner.run("show", "--db", db, "x1").exitCode(), "a malformed id is a usage error");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
            truncated JMH JSON,   jmh.json,       '[{"benchmark": "a.B.c", "mode": "avgt", "primaryMetric": {"score": 1.5,', ':1: the JSON ends early'
            JMH wrong schema,     jmh2.json,      '[{"benchmark": "a.B.c", "mode": "avgt", "primaryMetric": {"score": "fast", "scoreUnit": "ns/op"}}]', ':1: expected a number'
            empty hyperfine,      hf.json,        '{"results": []}', 'the ''results'' array is empty'
            negative hyperfine,   hf2.json,       '{"results": [{"command": "x", "times": [0.1, -0.2]}]}', ':1: ''1'' must be a finite number >= 0'
            """)
    void badInputGivesOneLineAndLeavesTheStoreUnchanged(String what, String name, String content, String message)
            throws Exception {
        CliRunner.run("import", "--db", db, sample("hyperfine", "hyperfine-sleep.json").toString());
        String before = CliRunner.run("list", "--db", db).out();
        Path file = Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
        String format = name.startsWith("jmh") ? "jmh-json" : "hyperfine-json";
        CliRunner.Result r = CliRunner.run("import", "--db", db, "--format", format, file.toString());
        assertEquals(1, r.exitCode(), r.err());
        assertEquals("", r.out());
        assertEquals(1, r.errLines().length, r.err());
        assertTrue(r.err().startsWith(file.toString()), r.err());
        assertTrue(r.err().contains(message), r.err());
        assertEquals(before, CliRunner.run("list", "--db", db).out(), "the store is unchanged");
    }
}
