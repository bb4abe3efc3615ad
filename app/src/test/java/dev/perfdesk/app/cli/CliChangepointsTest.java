package dev.perfdesk.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code perfdesk changepoints} on Otava's and Horreum's CSVs: the change points Otava's tests expect, as a table
 * and as JSON, exit 1 on a regression, 0 without, 2 on usage errors, 1 with one stderr line on a bad file.
 */
class CliChangepointsTest {
    @TempDir
    Path dir;

    static String data(String name) {
        return Path.of(System.getProperty("perfdesk.testdata", "../testdata"), "changepoints", name)
                .toString();
    }

    @Test
    void listsOtavasSampleChangeAsATable() {
        CliRunner.Result r = CliRunner.run("changepoints", data("otava-csv/sample.csv"));

        assertEquals(1, r.exitCode(), r.err());
        assertEquals("", r.err());
        assertEquals("""
                sample.csv: 10 runs; window 50, max p-value 0.001, min magnitude 0

                metric1 (higher is better): no change points

                metric2 (higher is better): 1 change point
                  INDEX  TIME                  RUN AFTER  BEFORE              AFTER             CHANGE   P-VALUE
                      6  2024-01-07T02:00:00Z  aaa6       10.4817 ± 0.241414  9.125 ± 0.071239  -12.9%  4.99e-06  \
                REGRESSION

                1 regression (a CSV file given by path has no reviews, so every regression counts).
                """, r.out());
    }

    @Test
    void aFallInALatencyIsAnImprovementAndExitsZero() {
        CliRunner.Result r = CliRunner.run("changepoints", data("otava-csv/sample.csv"), "--direction",
                "metric2=down");

        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("metric2 (lower is better): 1 change point"), r.out());
        assertTrue(r.out().contains("improvement"), r.out());
        assertTrue(r.out().endsWith("No unreviewed regressions.\n"), r.out());
        assertEquals(0, CliRunner.run("changepoints", data("otava-csv/sample.csv"), "--metric", "metric1")
                .exitCode());
    }

    /** The same expectations as core's OtavaCsvTest, through the command's JSON. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            otava-csv/sample.csv                | metric2 | 6                    | -12.9%                                        | aaa6
            otava-csv/sample-unix-time.csv      | metric2 | 6                    | -12.9%                                        |
            otava-csv/examples_local_sample.csv | metric2 | 6                    | -12.9%                                        | aaa6
            edivisive_valid_horreum.csv         | kpi     | 13 16 17 22 32 42 45 | -5.4% 31.3% 43.7% -25.1% -16.3% 78.5% 1.6% | 1535410
            """)
    void jsonHasThePublishedChangePoints(String file, String metric, String indexes, String percents,
                                         String firstAfter) throws Exception {
        CliRunner.Result r = CliRunner.run("changepoints", data(file), "--format", "json");

        assertEquals(1, r.exitCode(), r.err());
        JsonNode root = new ObjectMapper().readTree(r.out());
        JsonNode m = null;
        for (JsonNode node : root.get("metrics")) {
            if (node.get("metric").asText().equals(metric)) {
                m = node;
            } else {
                assertEquals(0, node.get("changePoints").size(), node.toString());
            }
        }
        List<String> foundIndexes = new ArrayList<>();
        List<String> foundPercents = new ArrayList<>();
        for (JsonNode cp : m.get("changePoints")) {
            foundIndexes.add(cp.get("index").asText());
            foundPercents.add(String.format(Locale.ROOT, "%.1f%%", cp.get("changePercent").asDouble()));
            assertEquals(cp.get("index").asInt() - 1, cp.get("before").get("index").asInt());
            assertEquals(cp.get("time").asText(), cp.get("after").get("time").asText());
            assertEquals("new", cp.get("status").asText());
            assertTrue(cp.get("pValue").asDouble() < 0.01, cp.toString());
            assertTrue(cp.has("meanBefore") && cp.has("stddevBefore") && cp.has("meanAfter")
                    && cp.has("stddevAfter"), cp.toString());
        }
        assertEquals(List.of(indexes.split(" ")), foundIndexes);
        assertEquals(List.of(percents.split(" ")), foundPercents);
        JsonNode after = m.get("changePoints").get(0).get("after").get("labels");
        if (firstAfter != null) {
            assertEquals(firstAfter, after.elements().next().asText());
        }
        assertEquals(root.get("regressions").asInt(), countRegressions(m));
    }

    private static int countRegressions(JsonNode metric) {
        int n = 0;
        for (JsonNode cp : metric.get("changePoints")) {
            n += cp.get("regression").asBoolean() ? 1 : 0;
        }
        return n;
    }

    @Test
    void jsonOfSampleMatchesOtavasNumbers() throws Exception {
        CliRunner.Result r = CliRunner.run("changepoints", data("otava-csv/sample.csv"), "--format", "json",
                "--metric", "metric2", "--window", "50", "--max-p", "0.001", "--min-magnitude", "0.0");
        JsonNode root = new ObjectMapper().readTree(r.out());

        assertEquals(10, root.get("runs").asInt());
        assertEquals(50, root.get("options").get("window").asInt());
        assertEquals(1, root.get("metrics").size());
        JsonNode cp = root.get("metrics").get(0).get("changePoints").get(0);
        assertEquals(6, cp.get("index").asInt());
        assertEquals("2024-01-07T02:00:00Z", cp.get("time").asText());
        assertEquals("aaa5", cp.get("before").get("labels").get("commit").asText());
        assertEquals(10.69, cp.get("before").get("value").asDouble());
        assertEquals("aaa6", cp.get("after").get("labels").get("commit").asText());
        assertEquals("up", root.get("metrics").get(0).get("direction").asText());
        assertTrue(cp.get("regression").asBoolean());
    }

    @Test
    void aMagnitudeFloorOrAWindowChangesTheAnswer() {
        CliRunner.Result floor = CliRunner.run("changepoints", data("edivisive_valid_horreum.csv"),
                "--min-magnitude", "0.2");
        assertEquals(1, floor.exitCode());
        assertTrue(floor.out().contains("kpi (higher is better): 4 change points"), floor.out());
        CliRunner.Result branch = CliRunner.run("changepoints", data("otava-csv/sample_multi_branch.csv"),
                "--where", "branch=main");
        assertEquals(0, branch.exitCode(), branch.err());
        assertTrue(branch.out().startsWith("sample_multi_branch.csv [branch=main]: 4 runs"), branch.out());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            --format xml                | --format must be text or json
            --window 1                  | window length must be at least 2
            --max-p 0                   | max p-value must be in (0, 1]
            --min-magnitude -1          | min magnitude must be at least 0
            --direction metric2=sideways| the direction must be up
            --direction p99=down        | no metric 'p99'
            --metric p99                | no metric 'p99'
            --where os=linux            | no label column 'os'
            """)
    void usageErrorsExitTwoWithOneLine(String option, String message) {
        String[] o = option.trim().split(" ");
        CliRunner.Result r = CliRunner.run("changepoints", data("otava-csv/sample.csv"), o[0], o[1]);
        assertEquals(2, r.exitCode(), r.err());
        assertEquals(1, r.errLines().length, r.err());
        assertTrue(r.err().contains(message), r.err());
        assertEquals("", r.out());
    }

    @Test
    void unknownOptionsAndMissingFileAreUsageErrors() {
        assertEquals(2, CliRunner.run("changepoints").exitCode());
        assertEquals(2, CliRunner.run("changepoints", data("otava-csv/sample.csv"), "--bogus").exitCode());
        assertEquals(2, CliRunner.run("changepoints", data("otava-csv/sample.csv"), "--window", "many").exitCode());
    }

    @Test
    void aBadCsvIsOneLineOnStderrAndExitOne() throws Exception {
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "time,commit,ops\n1,a,10\n2,b,fast\n");
        CliRunner.Result r = CliRunner.run("changepoints", bad.toString());
        assertEquals(1, r.exitCode());
        assertEquals("", r.out());
        assertEquals(1, r.errLines().length, r.err());
        assertTrue(r.err().startsWith(bad + ":3: 'fast'"), r.err());

        // A path that is no file may be a series name: with no such series either, it is a usage error.
        CliRunner.Result missing = CliRunner.run("changepoints", "--db", dir.resolve("none.db").toString(),
                dir.resolve("nope.csv").toString());
        assertEquals(2, missing.exitCode());
        assertEquals(1, missing.errLines().length, missing.err());
        assertTrue(missing.err().contains("no file, stored series or benchmark named"), missing.err());
    }

    @Test
    void helpSaysCsvInputHasNoReviews() {
        CliRunner.Result r = CliRunner.run("changepoints", "--help");
        assertEquals(0, r.exitCode());
        assertTrue(r.out().contains("has no reviews"), r.out());
        assertTrue(r.out().contains("--direction"), r.out());
        assertTrue(CliRunner.run("--help").out().contains("changepoints"));
    }
}
