package dev.perfdesk.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Labels on the command line: import --label, list --where, show, and perfdesk ci's usage, baseline and output. */
class CliLabelsTest {
    @TempDir
    Path dir;

    private String db() {
        return dir.resolve("store.db").toString();
    }

    @Test
    void importedRunsCarryTheirLabelsAndListFiltersOnThem() throws Exception {
        List<Path> aws = SimulatedRuns.writeAll(dir.resolve("aws"), 0, 3, 99);
        List<Path> gcp = SimulatedRuns.writeAll(dir.resolve("gcp"), 1, 2, 99);
        CliRunner.Result a = CliRunner.run("import", "--db", db(), "--label", "platform=aws-m6i", "--label",
                "branch=main", aws.get(0).toString(), aws.get(1).toString(), aws.get(2).toString());
        assertEquals(0, a.exitCode(), a.err());
        CliRunner.Result g = CliRunner.run("import", "--db", db(), "--label", "platform=gcp-n2",
                gcp.get(0).toString(), gcp.get(1).toString());
        assertEquals(0, g.exitCode(), g.err());

        CliRunner.Result all = CliRunner.run("list", "--db", db());
        assertEquals(6, all.out().lines().count(), all.out());
        CliRunner.Result filtered = CliRunner.run("list", "--db", db(), "--where", "platform=aws-m6i");
        assertEquals(0, filtered.exitCode(), filtered.err());
        assertEquals(4, filtered.out().lines().count(), "header and three runs: " + filtered.out());
        assertTrue(filtered.out().lines().skip(1).allMatch(l -> l.contains("platform=aws-m6i")
                && l.contains("branch=main") && l.contains("jdkVersion=17.0.15")), filtered.out());
        CliRunner.Result both = CliRunner.run("list", "--db", db(), "--where", "platform=aws-m6i", "--where",
                "branch=dev");
        assertEquals(0, both.exitCode());
        assertEquals("", both.out(), "no run is on both");
        assertTrue(both.err().contains("no run or profile"), both.err());

        CliRunner.Result show = CliRunner.run("show", "r1", "--db", db());
        assertTrue(show.out().contains("Test configuration (labels):"), show.out());
        assertTrue(show.out().lines().anyMatch(l -> l.matches("\\s+platform\\s+aws-m6i")), show.out());
        CliRunner.Result json = CliRunner.run("show", "r1", "--db", db(), "--format", "json");
        assertTrue(json.out().contains("\"platform\" : \"aws-m6i\""), json.out());

        CliRunner.Result again = CliRunner.run("import", "--db", db(), "--label", "platform=other",
                aws.get(0).toString());
        assertEquals(0, again.exitCode());
        assertTrue(again.err().contains("its labels are unchanged"), again.err());
        assertEquals(4, CliRunner.run("list", "--db", db(), "--where", "platform=aws-m6i").out().lines().count());
    }

    @Test
    void profilesTakeTheLabelsToo() throws Exception {
        Path perf = dir.resolve("cpu.txt");
        Files.writeString(perf, "app 100/101 [000] 12.000001: 1000000 cpu-clock:\n"
                + "\t4005d0 work (/usr/bin/app)\n\t400600 main (/usr/bin/app)\n\n");
        CliRunner.Result r = CliRunner.run("import", "--db", db(), "--label", "platform=aws-m6i", "--label",
                "commit=abc123", perf.toString());
        assertEquals(0, r.exitCode(), r.err());
        CliRunner.Result list = CliRunner.run("list", "--db", db(), "--where", "commit=abc123");
        assertEquals(2, list.out().lines().count(), list.out());
        assertTrue(list.out().lines().skip(1).allMatch(l -> l.startsWith("profile")
                && l.endsWith("  commit=abc123 platform=aws-m6i")), list.out());
    }

    @Test
    void badLabelsAreUsageErrorsAndTheStoreIsUnchanged() throws Exception {
        Path file = SimulatedRuns.write(dir, 0, 1, 99);
        for (String bad : List.of("platform", "=x", "a b=c")) {
            CliRunner.Result r = CliRunner.run("import", "--db", db(), "--label", bad, file.toString());
            assertEquals(2, r.exitCode(), bad);
            assertEquals(1, r.errLines().length, r.err());
            assertTrue(r.err().startsWith("perfdesk import: --label"), r.err());
        }
        assertFalse(Files.exists(dir.resolve("store.db")), "nothing was opened");
        CliRunner.Result where = CliRunner.run("list", "--db", db(), "--where", "nolabel");
        assertEquals(2, where.exitCode());
        // outside a CI job (this test's environment has none of the four systems' variables, or says so)
        if (dev.perfdesk.core.bench.RunLabels.ci(System.getenv()) == null) {
            CliRunner.Result ci = CliRunner.run("import", "--db", db(), "--ci-labels", file.toString());
            assertEquals(2, ci.exitCode());
            assertTrue(ci.err().contains("no CI job found"), ci.err());
        }
    }

    @Test
    void ciLabelsComeFromTheEnvironmentAndGivenLabelsWin() {
        Map<String, String> env = Map.of("GITLAB_CI", "true", "CI_COMMIT_SHA", "abc", "CI_COMMIT_REF_NAME", "main",
                "CI_JOB_URL", "https://gitlab.example/j/1", "CI_JOB_NAME", "perf");
        assertEquals(Map.of("commit", "abc", "branch", "dev", "build", "https://gitlab.example/j/1", "job", "perf",
                "platform", "x"), ImportCommand.givenLabels(List.of("branch=dev", "platform=x"), true, env));
    }

    @Test
    void ciComparesWithTheBaselineAndWritesTheSummary() throws Exception {
        Path before = SimulatedRuns.write(dir.resolve("a"), 0, 1, 2);
        CliRunner.Result base = CliRunner.run("import", "--db", db(), "--label", "platform=aws-m6i",
                before.toString());
        assertEquals(0, base.exitCode(), base.err());
        Path slower = SimulatedRuns.write(dir.resolve("b"), 0, 2, 2);
        Path summary = dir.resolve("summary.md");
        CliRunner.Result ci = CliRunner.run("ci", slower.toString(), "--db", db(), "--label", "platform=aws-m6i",
                "--label", "commit=def456", "--baseline", "r1", "--output", summary.toString());
        assertEquals(1, ci.exitCode(), "12% slower than the baseline: " + ci.out() + ci.err());
        assertTrue(ci.out().contains("## Perfdesk: FAIL"), ci.out());
        assertTrue(ci.out().contains("### Against the baseline build-001.json (r1)"), ci.out());
        assertTrue(ci.out().contains("\n##### Test configuration\n"), "the report's headings sit two levels down");
        assertTrue(ci.out().contains("| commit | \\- | def456 |"), "labels in the test configuration: " + ci.out());
        assertTrue(ci.out().contains("The comparison with the baseline fails the gate."), ci.out());
        assertTrue(ci.out().contains("2 runs in its series"), ci.out());
        assertEquals(ci.out(), Files.readString(summary));

        CliRunner.Result same = CliRunner.run("ci", slower.toString(), "--db", db(), "--label", "platform=aws-m6i",
                "--baseline", "r2", "--threshold", "15%");
        assertEquals(0, same.exitCode(), same.out() + same.err());
        assertTrue(same.err().contains("already in the store"), same.err());
    }

    @Test
    void ciUsageErrorsExitTwo() throws Exception {
        Path file = SimulatedRuns.write(dir, 0, 1, 99);
        for (String[] args : List.of(new String[] {"--baseline", "12"}, new String[] {"--baseline", "rx"},
                new String[] {"--threshold", "5"}, new String[] {"--label", "x"}, new String[] {"--window", "1"},
                new String[] {"--baseline", "r99"})) {
            String[] all = new String[args.length + 3];
            all[0] = "ci";
            all[1] = file.toString();
            System.arraycopy(args, 0, all, 2, args.length);
            all[all.length - 1] = "--db=" + db();
            CliRunner.Result r = CliRunner.run(all);
            assertEquals(2, r.exitCode(), String.join(" ", args) + ": " + r.err());
            assertTrue(r.err().startsWith("perfdesk ci: "), r.err());
        }
        CliRunner.Result missing = CliRunner.run("ci", dir.resolve("none.json").toString(), "--db", db());
        assertEquals(1, missing.exitCode());
        assertTrue(missing.err().contains("no such file"), missing.err());
    }
}
