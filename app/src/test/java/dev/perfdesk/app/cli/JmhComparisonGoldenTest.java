package dev.perfdesk.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The comparison of two real JMH runs of Perfdesk's own benchmarks module ({@code -prof gc}, two forks, too few
 * iterations for some rows; the candidate sorts a 25% longer buffer in {@code sortRawSamples} at size 10000 and
 * up, see {@code sample-data/bench/jmh/README.md}), as {@code perfdesk compare} writes it in Markdown and HTML,
 * byte for byte against the goldens under {@code src/test/resources/report/}. Run with
 * {@code -Dperfdesk.updateGolden=true} to rewrite them after an intended change, then review the diff.
 */
class JmhComparisonGoldenTest {
    @TempDir
    Path dir;

    private static Path sample(String name) {
        return Path.of(System.getProperty("perfdesk.sampledata", "../sample-data"), "bench", "jmh", name);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"markdown, jmh-perfdesk-benchmarks.md", "html, jmh-perfdesk-benchmarks.html"})
    void writesTheGoldenComparisonOfTwoRealJmhRuns(String format, String golden) throws Exception {
        String db = dir.resolve("s.db").toString();
        CliRunner.Result imported = CliRunner.run("import", "--db", db,
                sample("perfdesk-benchmarks-baseline.json").toString(),
                sample("perfdesk-benchmarks-candidate.json").toString());
        assertEquals(0, imported.exitCode(), imported.err());
        CliRunner.Result r = CliRunner.run("compare", "--db", db, "r1", "r2", "--format", format);
        assertTrue(r.exitCode() <= 1, r.err());
        Path file = Path.of("src", "test", "resources", "report", golden);
        if (Boolean.getBoolean("perfdesk.updateGolden")) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, r.out(), StandardCharsets.UTF_8);
        }
        assertEquals(Files.readString(file, StandardCharsets.UTF_8), r.out(), golden);
    }
}
