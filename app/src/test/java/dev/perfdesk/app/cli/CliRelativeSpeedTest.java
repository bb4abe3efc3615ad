package dev.perfdesk.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code perfdesk show rN}: the relative speeds under the table, against hyperfine's own printed summary. */
class CliRelativeSpeedTest {
    @TempDir
    Path dir;
    String db;

    @BeforeEach
    void store() {
        db = dir.resolve("store.db").toString();
    }

    /**
     * The summary hyperfine printed for the run (its console output, kept in a Markdown note so that the app's
     * sample import leaves it alone), as our sentences word it: {@code 'sleep 0.01' ran} and
     * {@code 2.30 ± 1.53 times faster than 'sleep 0.02'} become {@code sleep 0.01 ran 2.30 ± 1.53 times faster than
     * sleep 0.02}.
     */
    static List<String> hyperfineSummary(Path console) throws Exception {
        List<String> lines = Files.readAllLines(console, StandardCharsets.UTF_8);
        int at = lines.indexOf("Summary");
        String reference = lines.get(at + 1).trim().replaceAll("^'(.*)' ran$", "$1");
        List<String> out = new ArrayList<>();
        for (String line : lines.subList(at + 2, lines.size())) {
            if (line.isBlank() || line.startsWith("```")) {
                break;
            }
            out.add(reference + " ran " + line.trim().replaceAll("'(.*)'$", "$1"));
        }
        return out;
    }

    @Test
    void showPrintsTheRatiosHyperfinePrintedForTheSameRun() throws Exception {
        Path json = CliBenchTest.sample("hyperfine", "hyperfine-relative.json");
        List<String> expected = hyperfineSummary(CliBenchTest.sample("hyperfine", "hyperfine-relative.md"));
        assertEquals(List.of("sleep 0.01 ran 2.30 ± 1.53 times faster than sleep 0.02",
                "sleep 0.01 ran 3.02 ± 1.51 times faster than sleep 0.03"), expected);
        CliRunner.run("import", "--db", db, json.toString());
        CliRunner.Result r = CliRunner.run("show", "--db", db, "r1");
        assertEquals(0, r.exitCode(), r.err());
        List<String> lines = r.out().lines().toList();
        int at = lines.indexOf("Relative speed (ratio of means ± standard deviation propagated from both, as "
                + "hyperfine computes it):");
        assertTrue(at > 0, r.out());
        assertEquals(expected, lines.subList(at + 1, at + 1 + expected.size()).stream().map(String::trim).toList());
        assertEquals(at + 1 + expected.size(), lines.size(), "nothing is left out of the comparison: " + r.out());
    }

    @Test
    void jsonGivesEveryRatioWithItsReferenceAndBasis() throws Exception {
        CliRunner.run("import", "--db", db, CliBenchTest.sample("hyperfine", "hyperfine-relative.json").toString());
        CliRunner.Result r = CliRunner.run("show", "--db", db, "r1", "--format", "json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode speed = new ObjectMapper().readTree(r.out()).path("relative_speed");
        assertEquals("sleep 0.01", speed.path("reference").asText());
        assertTrue(speed.path("basis").asText().startsWith("ratio of means"), speed.toString());
        assertEquals("s", speed.path("unit").asText());
        JsonNode compared = speed.path("compared");
        assertEquals(3, compared.size());
        assertEquals("reference", compared.get(0).path("relation").asText());
        // hyperfine's JSON means: 0.0336790472 / 0.0146117354
        assertEquals(0.0336790472 / 0.014611735399999999, compared.get(1).path("ratio").asDouble(), 1e-12);
        assertEquals("slower", compared.get(1).path("relation").asText());
        assertEquals("sleep 0.01 ran 3.02 ± 1.51 times faster than sleep 0.03",
                compared.get(2).path("sentence").asText());
    }

    @Test
    void aChosenReferenceRunsSlowerThanTheFasterCommands() {
        CliRunner.run("import", "--db", db, CliBenchTest.sample("hyperfine", "hyperfine-relative.json").toString());
        CliRunner.Result r = CliRunner.run("show", "--db", db, "r1", "--reference", "sleep 0.02");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("  sleep 0.02 ran 2.30 ± 1.53 times slower than sleep 0.01\n"), r.out());
        assertTrue(r.out().contains("  sleep 0.02 ran 1.31 ± 0.75 times faster than sleep 0.03\n"), r.out());
        CliRunner.Result none = CliRunner.run("show", "--db", db, "r1", "--reference", "sleep 9");
        assertEquals(1, none.exitCode());
        assertEquals("no benchmark named 'sleep 9' in the run", none.err().trim());
    }

    @Test
    void aJmhRunComparesOneUnitAndSaysWhatItLeftOut() {
        CliRunner.run("import", "--db", db,
                CliBenchTest.sample("jmh", "perfdesk-benchmarks-baseline.json").toString());
        CliRunner.Result r = CliRunner.run("show", "--db", db, "r1", "--reference",
                "dev.perfdesk.benchmarks.PercentileBenchmark.sortRawSamples{size=1000} avgt");
        assertEquals(0, r.exitCode(), r.err());
        String out = r.out();
        assertTrue(out.contains("  dev.perfdesk.benchmarks.PercentileBenchmark.sortRawSamples{size=1000} ran "),
                out);
        assertTrue(out.contains("Not compared, as only benchmarks of one metric, mode, unit and direction are "
                + "(primary, avgt, µs/op, lower is better):"), out);
        assertTrue(out.contains("    2 benchmarks: mode sample, not avgt"), out);
        assertTrue(out.contains("    4 benchmarks: unit ops/µs, higher is better, not µs/op, lower is better"), out);
        assertTrue(out.lines().anyMatch(l -> l.matches("    \\d+ of other metrics \\(gc\\.alloc\\.rate, .*")), out);
    }
}
