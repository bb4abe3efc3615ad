package dev.perfdesk.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Two real Locust runs recorded by {@code sample-data/bench/locust/record.sh}, the second against the same server
 * made deliberately slower (15 ms of sleep and 3 ms of CPU per request), each imported with the Prometheus scrape
 * of that server process attached ({@code import ... --attach}), compared as {@code perfdesk compare} writes it in
 * Markdown and HTML, byte for byte against the goldens under {@code src/test/resources/report/}: the latency table
 * from Locust's reported percentiles, and the Resources table with CPU % and memory of both runs. No server is
 * started here; the test reads the recorded files. Run with {@code -Dperfdesk.updateGolden=true} to rewrite the
 * goldens after an intended change, then review the diff.
 */
class LocustComparisonGoldenTest {
    @TempDir
    Path dir;

    private static Path sample(String name) {
        return Path.of(System.getProperty("perfdesk.sampledata", "../sample-data"), "bench", "locust", name);
    }

    private String importBoth() {
        String db = dir.resolve("s.db").toString();
        for (String run : new String[] {"fast", "slow"}) {
            CliRunner.Result imported = CliRunner.run("import", "--db", db, sample(run + "_stats.csv").toString(),
                    "--attach", sample("prometheus/" + run + ".cpu.prom.json").toString(),
                    "--attach", sample("prometheus/" + run + ".memory.prom.json").toString());
            assertEquals(0, imported.exitCode(), imported.err());
        }
        return db;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"markdown, locust-fast-vs-slow.md", "html, locust-fast-vs-slow.html"})
    void writesTheGoldenComparisonOfTwoLocustRunsWithTheirResources(String format, String golden) throws Exception {
        String db = importBoth();
        CliRunner.Result r = CliRunner.run("compare", "--db", db, "r1", "r2", "--format", format);
        assertTrue(r.exitCode() <= 1, r.err());
        assertTrue(r.out().contains("Resources"), r.out());
        Path file = Path.of("src", "test", "resources", "report", golden);
        if (Boolean.getBoolean("perfdesk.updateGolden")) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, r.out(), StandardCharsets.UTF_8);
        }
        assertEquals(Files.readString(file, StandardCharsets.UTF_8), r.out(), golden);
    }

    @Test
    void aPrometheusErrorBodyIsRefusedInOneLineAndNothingIsImported() {
        String db = dir.resolve("e.db").toString();
        Path error = sample("prometheus/error.bad_query.prom.json");
        CliRunner.Result r = CliRunner.run("import", "--db", db, sample("fast_stats.csv").toString(),
                "--attach", error.toString());
        assertEquals(1, r.exitCode());
        assertEquals(error + ": Prometheus answered with an error (bad_data): 1:9: parse error: missing unit "
                + "character in duration", r.err().strip());
        CliRunner.Result list = CliRunner.run("list", "--db", db);
        assertTrue(!list.out().contains("fast_stats.csv"), "store unchanged: " + list.out());
    }
}
