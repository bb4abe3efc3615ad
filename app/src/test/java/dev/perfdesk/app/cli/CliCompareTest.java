package dev.perfdesk.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import java.util.stream.DoubleStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code perfdesk compare}, the CI gate: verdicts, exit codes, formats, files imported on the fly, --save. */
class CliCompareTest {
    @TempDir
    Path dir;
    String db;

    @BeforeEach
    void store() {
        db = dir.resolve("store.db").toString();
    }

    /** A hyperfine JSON file of two commands with {@code n} run times each, around 20 ms and 5 ms times a factor. */
    Path hyperfine(String name, int n, double factor, long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        StringBuilder sb = new StringBuilder("{\"results\": [");
        String[] commands = {"./parse input.json", "./render page.html"};
        double[] centres = {0.020, 0.005};
        for (int c = 0; c < commands.length; c++) {
            double centre = centres[c] * factor;
            String times = DoubleStream.generate(() -> centre * (1 + 0.02 * (random.nextDouble() - 0.5))).limit(n)
                    .mapToObj(v -> String.format(Locale.ROOT, "%.9f", v)).collect(Collectors.joining(", "));
            sb.append(c == 0 ? "" : ", ").append("{\"command\": \"").append(commands[c])
                    .append("\", \"mean\": ").append(centre).append(", \"times\": [").append(times).append("]}");
        }
        Path file = dir.resolve(name);
        Files.writeString(file, sb.append("]}\n").toString(), StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void allMetricsCountsSecondaryJmhMetricsOnlyWhenAsked() throws Exception {
        Path jmh = CliBenchTest.sample("jmh", "jmh-percentile.json");
        CliRunner.Result primary = CliRunner.run("compare", "--db", db, jmh.toString(), jmh.toString());
        assertEquals(0, primary.exitCode(), primary.err());
        assertTrue(primary.out().contains(": 16 primary metrics compared"), primary.out());
        assertTrue(primary.out().contains("Secondary metrics (not counted"), primary.out());
        CliRunner.Result all = CliRunner.run("compare", "--db", db, "r1", "r1", "--all-metrics");
        assertEquals(0, all.exitCode(), all.err());
        assertTrue(all.out().contains(" benchmarks compared"), all.out());
        assertTrue(!all.out().contains("Secondary metrics"), all.out());
    }

    @Test
    void aRunComparedWithItselfIsNoChangeEverywhereAndExitsZero() throws Exception {
        CliRunner.run("import", "--db", db, CliBenchTest.sample("hyperfine", "hyperfine-sleep.json").toString());
        CliRunner.Result r = CliRunner.run("compare", "--db", db, "r1", "r1");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("PASS: 2 benchmarks compared: 0 regressions, 0 improved, 0 within noise, 2 ~"),
                r.out());
        List<String> rows = r.out().lines().filter(l -> l.startsWith("sleep ") && l.contains(" U exact "))
                .toList();
        assertEquals(2, rows.size(), r.out());
        for (String row : rows) {
            assertTrue(row.endsWith("  ~"), row);
            assertTrue(row.contains(" 0.00% "), row);
        }
        JsonNode json = new ObjectMapper().readTree(CliRunner.run("compare", "--db", db, "r1", "r1", "--format",
                "json").out());
        assertEquals("PASS", json.path("verdict").asText());
        for (JsonNode b : json.path("benchmarks")) {
            assertEquals("NO_CHANGE", b.path("verdict").asText());
            assertEquals(1.0, b.path("pValue").asDouble());
        }
        assertEquals(1.0, json.path("geometricMean").asDouble());
    }

    @Test
    void aTenPercentSlowdownWithTwentySamplesIsARegressionAndExitsOne() throws Exception {
        Path before = hyperfine("before.json", 20, 1.0, 1);
        Path after = hyperfine("after.json", 20, 1.10, 2);
        CliRunner.Result r = CliRunner.run("compare", "--db", db, before.toString(), after.toString(), "--format",
                "md");
        assertEquals(1, r.exitCode(), r.err());
        assertTrue(r.out().contains("**FAIL**: 2 benchmarks compared: 2 regressions"), r.out());
        String parse = r.out().lines().filter(l -> l.startsWith("| ./parse input.json |")).findFirst().orElseThrow();
        assertTrue(parse.endsWith("| <0.001 | 20+20 | ▲ regression |"), parse);
        double change = Double.parseDouble(parse.split("\\|")[4].strip().replace("%", ""));
        assertTrue(change > 8 && change < 12, "about +10%: " + parse);
        assertEquals("", r.err());
    }

    @Test
    void aSmallerSlowdownThanTheThresholdIsWithinNoiseAndPasses() throws Exception {
        Path before = hyperfine("before.json", 20, 1.0, 1);
        Path after = hyperfine("after.json", 20, 1.10, 2);
        CliRunner.Result r = CliRunner.run("compare", "--db", db, before.toString(), after.toString(),
                "--threshold", "15%");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().startsWith("Benchmark comparison: before.json (r1) vs after.json (r2)\nPASS WITH WARNING"),
                r.out());
        assertTrue(r.out().contains("Regression within noise (significant but smaller than 15%)"), r.out());
    }

    @Test
    void filesAreImportedOnTheFlyAndADuplicateResolvesToItsRun() throws Exception {
        Path before = hyperfine("before.json", 20, 1.0, 1);
        Path after = hyperfine("after.json", 20, 1.0, 2);
        assertEquals(0, CliRunner.run("compare", "--db", db, before.toString(), after.toString()).exitCode());
        String list = CliRunner.run("list", "--db", db).out();
        assertTrue(list.lines().anyMatch(l -> l.startsWith("run        r1 ") && l.endsWith("before.json")), list);
        assertTrue(list.lines().anyMatch(l -> l.startsWith("run        r2 ") && l.endsWith("after.json")), list);
        CliRunner.Result again = CliRunner.run("compare", "--db", db, before.toString(), "r2");
        assertEquals(0, again.exitCode(), again.err());
        assertTrue(again.out().startsWith("Benchmark comparison: before.json (r1) vs after.json (r2)"), again.out());
        assertEquals(list, CliRunner.run("list", "--db", db).out(), "nothing imported twice");
    }

    @Test
    void saveStoresTheComparisonAndListShowsIt() throws Exception {
        Path before = hyperfine("before.json", 20, 1.0, 1);
        Path after = hyperfine("after.json", 20, 1.10, 2);
        CliRunner.Result r = CliRunner.run("compare", "--db", db, before.toString(), after.toString(), "--save",
                "--name", "nightly gate");
        assertEquals(1, r.exitCode());
        assertEquals("perfdesk compare: saved as c1\n", r.err());
        String line = CliRunner.run("list", "--db", db).out().lines().filter(l -> l.startsWith("comparison"))
                .findFirst().orElseThrow();
        assertTrue(line.matches("comparison c1\\s+\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d\\s+run\\s+FAIL\\s+r1 vs r2  "
                + "nightly gate"), line);
    }

    @Test
    void writesReportsToFilesInEveryFormat() throws Exception {
        Path before = hyperfine("before.json", 20, 1.0, 1);
        Path after = hyperfine("after.json", 20, 0.90, 2);
        for (String format : List.of("text", "md", "json", "html")) {
            Path out = dir.resolve("reports").resolve("report." + format);
            CliRunner.Result r = CliRunner.run("compare", "--db", db, before.toString(), after.toString(), "--format",
                    format, "-o", out.toString());
            assertEquals(0, r.exitCode(), r.err());
            assertEquals("PASS: before.json (r1) vs after.json (r2) -> " + out + "\n", r.out());
            String report = Files.readString(out);
            assertTrue(report.toLowerCase(Locale.ROOT).contains("improved"), format + ": " + report);
        }
        new ObjectMapper().readTree(dir.resolve("reports").resolve("report.json").toFile());
        String html = Files.readString(dir.resolve("reports").resolve("report.html"));
        assertTrue(html.startsWith("<!DOCTYPE html>") && html.contains("<svg"), "self-contained with inline SVG");
    }

    @Test
    void comparesTwoProfilesAndExitsZero() {
        CliRunner.run("import", "--db", db, sampleProfile("perf", "c-primes.perf.txt"),
                sampleProfile("folded", "c-primes.folded"));
        CliRunner.Result r = CliRunner.run("compare", "--db", db, "1", "2", "--format", "md", "--top", "5");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().startsWith("## Profile comparison: "), r.out());
        assertEquals(5, r.out().lines().filter(l -> l.startsWith("| ") && !l.startsWith("| Function")).count(),
                r.out());
        CliRunner.Result html = CliRunner.run("compare", "--db", db, "1", "2", "--format", "html", "--save");
        assertEquals(0, html.exitCode(), html.err());
        assertTrue(html.out().contains("<script"), "the interactive differential flame graph");
        assertTrue(CliRunner.run("list", "--db", db).out().lines()
                .anyMatch(l -> l.startsWith("comparison c1 ") && l.contains(" profile ") && l.contains("1 vs 2")));
    }

    static String sampleProfile(String folder, String name) {
        return Path.of("..", "sample-data", folder, name).toAbsolutePath().normalize().toString();
    }

    @ParameterizedTest
    @ValueSource(strings = {"five", "5", "-5%", "150%", "0.05.1"})
    void aBadThresholdIsAUsageErrorInOneLine(String threshold) throws Exception {
        Path before = hyperfine("before.json", 20, 1.0, 1);
        CliRunner.Result r = CliRunner.run("compare", "--db", db, before.toString(), before.toString(),
                "--threshold", threshold);
        assertEquals(2, r.exitCode());
        assertEquals(1, r.errLines().length, r.err());
        assertTrue(r.err().startsWith("perfdesk compare: --threshold '" + threshold + "'"), r.err());
        assertEquals("", r.out());
    }

    @Test
    void anUnknownIdIsAnInputErrorInOneLine() {
        CliRunner.run("import", "--db", db, CliBenchTest.sample("hyperfine", "hyperfine-sleep.json").toString());
        CliRunner.Result r = CliRunner.run("compare", "--db", db, "r1", "r99");
        assertEquals(2, r.exitCode());
        assertEquals(1, r.errLines().length, r.err());
        assertTrue(r.err().startsWith("perfdesk compare: no run with id r99 in "), r.err());
        CliRunner.Result p = CliRunner.run("compare", "--db", db, "7", "r1");
        assertEquals(2, p.exitCode());
        assertTrue(p.err().startsWith("perfdesk compare: no profile with id 7 in "), p.err());
    }

    @Test
    void anUnreadableFileOrAMixOfKindsIsAnInputError() throws Exception {
        CliRunner.Result missing = CliRunner.run("compare", "--db", db, dir.resolve("nope.json").toString(), "r1");
        assertEquals(2, missing.exitCode());
        assertEquals(1, missing.errLines().length, missing.err());
        assertTrue(missing.err().contains("nope.json") && missing.err().contains("no such file"), missing.err());
        Path garbage = dir.resolve("garbage.json");
        Files.writeString(garbage, "{ not json");
        CliRunner.Result bad = CliRunner.run("compare", "--db", db, garbage.toString(), garbage.toString());
        assertEquals(2, bad.exitCode());
        assertEquals(1, bad.errLines().length, bad.err());
        CliRunner.run("import", "--db", db, CliBenchTest.sample("hyperfine", "hyperfine-sleep.json").toString(),
                sampleProfile("folded", "c-primes.folded"));
        CliRunner.Result mixed = CliRunner.run("compare", "--db", db, "r1", "1");
        assertEquals(2, mixed.exitCode());
        assertTrue(mixed.err().startsWith("perfdesk compare: cannot compare a benchmark run (r1) with a profile (1)"),
                mixed.err());
        assertFalse(CliRunner.run("compare", "--db", db, "r1", "r1", "--format", "pdf").exitCode() != 2);
        assertEquals(2, CliRunner.run("compare", "--db", db, "r1", "r1", "--alpha", "1.5").exitCode());
        assertEquals(2, CliRunner.run("compare", "--db", db, "r1").exitCode(), "a missing argument");
    }
}
