package dev.perfdesk.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Profiles attached to runs from the command line, on the real files of {@code testdata/attach/record.sh}: two
 * hyperfine runs of {@code work.c} (the candidate 2x slower, from a per-byte validation) with a perf profile of each.
 * {@code import --attach} and {@code import --run} link them in one transaction; {@code show} lists them; and
 * {@code compare r1 r2} includes the profile diff, byte for byte against the goldens under
 * {@code src/test/resources/report/} (rewrite with {@code -Dperfdesk.updateGolden=true}, then review the diff).
 */
class CliAttachTest {
    @TempDir
    Path dir;

    static Path data(String name) {
        return Path.of(System.getProperty("perfdesk.testdata", "../testdata"), "attach", name);
    }

    private String importBoth() {
        String db = dir.resolve("s.db").toString();
        for (String v : new String[] {"v1", "v2"}) {
            CliRunner.Result r = CliRunner.run("import", "--db", db, data("work-" + v + ".hyperfine.json").toString(),
                    "--attach", data("work-" + v + ".perf.txt").toString());
            assertEquals(0, r.exitCode(), r.err());
        }
        return db;
    }

    @Test
    void importAttachLinksTheProfileAndShowListsItBothWays() {
        String db = dir.resolve("s.db").toString();
        CliRunner.Result r = CliRunner.run("import", "--db", db, data("work-v1.hyperfine.json").toString(),
                "--attach", data("work-v1.perf.txt").toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("r1\twork-v1.hyperfine.json\n1\twork-v1.perf.txt · cpu-clock\n", r.out());
        assertTrue(r.err().contains("attached profile 1 to r1"), r.err());
        CliRunner.Result run = CliRunner.run("show", "--db", db, "r1");
        assertTrue(run.out().contains("Profiles attached (perfdesk show ID):\n  1      work-v1.perf.txt · cpu-clock  "
                + "(perf-script, cpu-clock, "), run.out());
        CliRunner.Result profile = CliRunner.run("show", "--db", db, "1");
        assertTrue(profile.out().contains("  attached to    r1 work-v1.hyperfine.json\n"), profile.out());
        CliRunner.Result json = CliRunner.run("show", "--db", db, "r1", "--format", "json");
        assertFalse(json.out().contains("Profiles attached"), "JSON stays JSON");
        CliRunner.Result again = CliRunner.run("import", "--db", db, data("work-v1.hyperfine.json").toString(),
                "--attach", data("work-v1.perf.txt").toString());
        assertEquals(0, again.exitCode(), again.err());
        assertEquals("r1\twork-v1.hyperfine.json\n1\twork-v1.perf.txt · cpu-clock\n", again.out(),
                "nothing copied twice");
    }

    @Test
    void theRunsLabelsFlowToTheProfilesAttachedLater() {
        String db = dir.resolve("l.db").toString();
        assertEquals(0, CliRunner.run("import", "--db", db, data("work-v1.hyperfine.json").toString(),
                "--label", "platform=aws-m6i", "--label", "branch=main").exitCode());
        CliRunner.Result r = CliRunner.run("import", "--db", db, data("work-v1.perf.txt").toString(), "--run", "r1",
                "--label", "branch=feature");
        assertEquals(0, r.exitCode(), r.err());
        String listed = CliRunner.run("list", "--db", db, "--where", "platform=aws-m6i").out();
        assertTrue(listed.contains("work-v1.perf.txt") && listed.contains("work-v1.hyperfine.json"), listed);
        String own = CliRunner.run("list", "--db", db, "--where", "branch=feature").out();
        assertTrue(own.contains("work-v1.perf.txt") && !own.contains("work-v1.hyperfine.json"),
                "the profile keeps the label it was given: " + own);
    }

    @Test
    void ciAttachesTheProfilesRecordedWithTheRun() {
        String db = dir.resolve("ci.db").toString();
        CliRunner.Result r = CliRunner.run("ci", "--db", db, data("work-v1.hyperfine.json").toString(),
                "--label", "platform=aws-m6i", "--attach", data("work-v1.perf.txt").toString());
        assertEquals(0, r.exitCode(), r.err());
        String shown = CliRunner.run("show", "--db", db, "r1").out();
        assertTrue(shown.contains("Profiles attached") && shown.contains("work-v1.perf.txt"), shown);
        assertTrue(CliRunner.run("list", "--db", db, "--where", "platform=aws-m6i").out()
                .contains("work-v1.perf.txt"), "the run's labels reach the attached profile");
    }

    @Test
    void importWithRunAttachesTheFilesProfilesToAStoredRun() {
        String db = importBoth();
        CliRunner.Result r = CliRunner.run("import", "--db", db, data("work-v2.perf.txt").toString(), "--run", "r1");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("2\twork-v2.perf.txt · cpu-clock\n", r.out(), "the stored profile is found, not copied");
        assertTrue(r.err().contains("attached profile 2 to r1"), r.err());
        String shown = CliRunner.run("show", "--db", db, "r1").out();
        assertTrue(shown.contains("  1      work-v1.perf.txt") && shown.contains("  2      work-v2.perf.txt"), shown);
        CliRunner.Result none = CliRunner.run("import", "--db", db, data("work.c").toString(), "--run", "r9");
        assertEquals(1, none.exitCode());
        assertTrue(none.err().contains("cannot be attached to run r9: there is no such run"), none.err());
    }

    @Test
    void aFailedAttachmentLeavesTheStoreUnchanged() throws Exception {
        String db = dir.resolve("f.db").toString();
        Path garbage = dir.resolve("garbage.bin");
        Files.write(garbage, new byte[] {0, 1, 2, (byte) 0xff, 7, 0, 0, 3});
        CliRunner.Result r = CliRunner.run("import", "--db", db, data("work-v1.hyperfine.json").toString(),
                "--attach", data("work-v1.perf.txt").toString(), "--attach", garbage.toString());
        assertEquals(1, r.exitCode());
        assertTrue(r.err().startsWith(garbage.toString()), r.err());
        CliRunner.Result bench = CliRunner.run("import", "--db", db, data("work-v1.hyperfine.json").toString(),
                "--attach", data("work-v2.hyperfine.json").toString());
        assertEquals(1, bench.exitCode());
        assertTrue(bench.err().contains("work-v2.hyperfine.json: is a benchmark result, not a profile"), bench.err());
        CliRunner.Result noRun = CliRunner.run("import", "--db", db, data("work-v1.perf.txt").toString(),
                "--attach", data("work-v2.perf.txt").toString());
        assertEquals(1, noRun.exitCode());
        assertTrue(noRun.err().contains("holds no benchmark run to attach work-v2.perf.txt to"), noRun.err());
        assertEquals("", CliRunner.run("list", "--db", db).out().replaceAll("(?m)^ID.*\n", "").strip(),
                "store unchanged");
    }

    @Test
    void theJsonReportCarriesTheProfileDiffToo() {
        String db = importBoth();
        CliRunner.Result r = CliRunner.run("compare", "--db", db, "r1", "r2", "--format", "json", "--top", "3");
        assertEquals(1, r.exitCode(), r.err());
        String json = r.out();
        int profiles = json.indexOf("\"profiles\": [");
        assertTrue(profiles > 0, json);
        String tail = json.substring(profiles);
        assertTrue(tail.contains("\"baseline\": \"work-v1.perf.txt · cpu-clock (1)\""), tail);
        assertTrue(tail.contains("\"name\": \"validate_byte\""), tail);
        // the sums of the cpu-clock periods in the perf script (awk over its sample blocks): every sample of v1, and
        // the samples of v2 whose stack holds validate_byte (always its leaf)
        assertTrue(tail.contains("\"baselineTotal\": 336673344,"), tail);
        assertTrue(tail.contains("\"candidateSelf\": 446893784,"), tail);
        CliRunner.Result plain = CliRunner.run("compare", "--db", db, "r1", "r2", "--format", "json", "--top", "3");
        assertEquals(json, plain.out(), "the same report twice");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"markdown, work-v1-vs-v2-profiles.md", "html, work-v1-vs-v2-profiles.html",
        "text, work-v1-vs-v2-profiles.txt"})
    void theComparisonOfTwoRunsIncludesTheirProfileDiff(String format, String golden) throws Exception {
        String db = importBoth();
        CliRunner.Result r = CliRunner.run("compare", "--db", db, "r1", "r2", "--format", format, "--top", "8");
        assertEquals(1, r.exitCode(), "the candidate is 2x slower: " + r.err());
        assertTrue(r.out().contains("validate_byte"), r.out());
        Path file = Path.of("src", "test", "resources", "report", golden);
        if (Boolean.getBoolean("perfdesk.updateGolden")) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, r.out(), StandardCharsets.UTF_8);
        }
        assertEquals(Files.readString(file, StandardCharsets.UTF_8), r.out(), golden);
    }
}
