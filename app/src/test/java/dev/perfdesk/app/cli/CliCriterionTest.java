package dev.perfdesk.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Criterion.rs's {@code target/criterion} folder through the command line: a folder is one run (one line), its
 * benchmarks compare between two recorded runs, and Criterion's own change against its saved baseline is shown
 * beside Perfdesk's verdict, in {@code show} and in the comparison's notes. Perfdesk's change of the medians equals
 * the median change Criterion reported, as both are the ratio of the two runs' medians of time per iteration.
 */
class CliCriterionTest {
    @TempDir
    Path dir;

    private static Path recorded(String run) {
        return Path.of(System.getProperty("perfdesk.testdata", "../testdata"), "criterion", "recorded", run,
                "criterion");
    }

    @Test
    void aCriterionFolderIsOneRunAndShowsCriterionsOwnEstimates() {
        String db = dir.resolve("s.db").toString();
        CliRunner.Result r = CliRunner.run("import", "--db", db, recorded("run2").toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("r1\tcriterion\n", r.out());
        CliRunner.Result again = CliRunner.run("import", "--db", db, recorded("run2").toString());
        assertEquals("r1\tcriterion\n", again.out());
        assertTrue(again.err().contains("already in the store"), again.err());
        CliRunner.Result show = CliRunner.run("show", "--db", db, "r1");
        assertEquals(0, show.exitCode(), show.err());
        assertTrue(show.out().contains("Reported by Criterion.rs itself (point [lower upper], 95% confidence"),
                show.out());
        // cargo-bench.run2.txt: Bytes/sum change: time: [-8.5654% -7.5624% -6.4892%]
        assertTrue(show.out().contains("    change against its saved baseline (change/estimates.json): mean -7.56% "
                + "[-8.57% -6.49%]"), show.out());
        CliRunner.Result json = CliRunner.run("show", "--db", db, "r1", "--format", "json");
        assertTrue(json.out().replaceAll("\\s+", "").contains("\"name\":\"mean\",\"change\":true,"
                + "\"point\":-0.07562"), json.out());
    }

    @Test
    void comparingTwoRecordedRunsShowsCriterionsChangeBesidePerfdesksVerdict() throws Exception {
        String db = dir.resolve("s.db").toString();
        CliRunner.Result r = CliRunner.run("compare", "--db", db, recorded("run1").toString(),
                recorded("run2").toString(), "--format", "json");
        assertTrue(r.exitCode() <= 1, r.err());
        JsonNode report = new ObjectMapper().readTree(r.out());
        int checked = 0;
        for (JsonNode b : report.path("benchmarks")) {
            String name = b.path("name").asText();
            JsonNode change = new ObjectMapper().readTree(recorded("run2").resolve(name).resolve("change")
                    .resolve("estimates.json").toFile());
            assertEquals(change.at("/median/point_estimate").asDouble(), b.path("change").asDouble(), 1e-12, name);
            checked++;
        }
        assertEquals(4, checked);
        boolean noted = false;
        for (JsonNode g : report.path("noteGroups")) {
            if (g.path("kind").asText().equals("tool-reported")) {
                noted = true;
                assertEquals(4, g.path("items").size());
                assertTrue(g.path("items").toString().contains("Bytes/sum: mean -7.56% [-8.57% -6.49%]"),
                        g.toString());
            }
        }
        assertTrue(noted, r.out());
        CliRunner.Result text = CliRunner.run("compare", "--db", db, "r1", "r2");
        assertTrue(text.out().contains("- Changes Criterion.rs itself reported against its own baseline (beside "
                + "Perfdesk's verdict, not part of it): Bytes/sum: mean -7.56% [-8.57% -6.49%]"), text.out());
        assertTrue(text.out().contains(String.format(Locale.ROOT, "(against its saved baseline "
                + "(change/estimates.json); Perfdesk: ▼ improved -8.16%%)")), text.out());
    }

    @Test
    void aBadCriterionFolderLeavesTheStoreUnchanged() throws Exception {
        String db = dir.resolve("s.db").toString();
        assertEquals(0, CliRunner.run("import", "--db", db, recorded("run1").toString()).exitCode());
        String before = CliRunner.run("list", "--db", db).out();
        Path bench = Files.createDirectories(dir.resolve("criterion").resolve("g").resolve("new"));
        Files.writeString(bench.resolve("sample.json"), "{\"iters\":[1.0],\n\"times\":[NaN]}");
        Files.writeString(bench.resolve("estimates.json"), "{\"mean\":{\"point_estimate\":1.0}}");
        CliRunner.Result r = CliRunner.run("import", "--db", db, dir.resolve("criterion").toString());
        assertEquals(1, r.exitCode());
        assertEquals("", r.out());
        assertEquals(1, r.errLines().length, r.err());
        assertTrue(r.err().startsWith(bench.resolve("sample.json") + ":2: a measured time must be a finite number"),
                r.err());
        assertEquals(before, CliRunner.run("list", "--db", db).out());
    }
}
