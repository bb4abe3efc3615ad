package dev.perfdesk.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Gatling runs from the command line: a text and a binary simulation.log import as runs (one line per run), and
 * {@code compare} of the recorded run against the same simulation on the deliberately slower server finds the
 * requests slower with a significance test on their raw response times.
 */
class CliGatlingTest {
    @TempDir
    Path dir;
    String db;

    @BeforeEach
    void setUp() {
        db = dir.resolve("store.db").toString();
    }

    @Test
    void importsBothLayoutsAndComparesWithSignificance() throws Exception {
        CliRunner.Result r = CliRunner.run("import", "--db", db,
                CliBenchTest.sample("gatling", "gatling-3.12.0.simulation.log").toString(),
                CliBenchTest.sample("gatling", "gatling-3.13.5.simulation.log").toString(),
                CliBenchTest.sample("gatling", "gatling-3.13.5-slow.simulation.log").toString());
        assertEquals(0, r.exitCode(), r.err());
        List<String> lines = r.out().lines().filter(l -> !l.isBlank()).toList();
        assertEquals(3, lines.size(), r.out());
        CliRunner.Result c = CliRunner.run("compare", "--db", db, "r2", "r3", "--format", "json");
        JsonNode json = new ObjectMapper().readTree(c.out());
        assertEquals("FAIL", json.path("verdict").asText(), c.out());
        boolean found = false;
        for (JsonNode b : json.path("benchmarks")) {
            if (b.path("name").asText().equals("pages / api / item")) {
                found = true;
                assertEquals("REGRESSION", b.path("verdict").asText(), b.toString());
                assertTrue(b.path("pValue").asDouble() < 0.001, b.toString());
            }
        }
        assertTrue(found, c.out());
        CliRunner.Result text = CliRunner.run("compare", "--db", db, "r2", "r3");
        System.out.println(text.out());
        assertEquals(1, text.exitCode(), text.out());
        assertTrue(text.out().contains("All Requests"), text.out());
    }

    @Test
    void aReportFolderImportsAsOneRunFromItsLogElseFromItsStatistics() throws Exception {
        Path report = dir.resolve("perfdesksimulation-20261202195930000");
        Path js = java.nio.file.Files.createDirectories(report.resolve("js"));
        Path recorded = CliBenchTest.sample("gatling", "reports/gatling-3.13.4");
        for (String f : new String[] {"stats.json", "global_stats.json", "stats.js", "assertions.xml"}) {
            java.nio.file.Files.copy(recorded.resolve(f), js.resolve(f));
        }
        java.nio.file.Files.writeString(report.resolve("index.html"), "<html><body>report</body></html>\n");
        java.nio.file.Files.copy(CliBenchTest.sample("gatling", "gatling-3.13.4.simulation.log"),
                report.resolve("simulation.log"));
        CliRunner.Result r = CliRunner.run("import", "--db", db, dir.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(List.of("r1\tperfdesksimulation-20261202195930000/simulation.log"),
                r.out().lines().filter(l -> !l.isBlank()).toList(), r.out());
        java.nio.file.Files.delete(report.resolve("simulation.log"));
        CliRunner.Result again = CliRunner.run("import", "--db", db, dir.toString());
        assertEquals(0, again.exitCode(), again.err());
        assertEquals(List.of("r2\tperfdesksimulation-20261202195930000/js/stats.json"),
                again.out().lines().filter(l -> !l.isBlank()).toList(), again.out());
    }
}
