package dev.perfdesk.importers.series;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.perfdesk.core.changepoint.ChangePointOptions;
import dev.perfdesk.core.series.ChangePointReport;
import dev.perfdesk.core.series.SeriesAnalysis;
import dev.perfdesk.core.series.SeriesChangePoint;
import dev.perfdesk.core.series.SeriesSet;
import dev.perfdesk.importers.spi.ImportException;

/**
 * Every CSV of the shared change-point test data, read and analysed with Otava's defaults: the change points must be
 * the ones core's {@code OtavaCsvTest} expects of the same files (Otava's csv_e2e_test: -12.9% in metric2 at aaa6;
 * Horreum's e-divisive series: seven changes, the first at dataset 1535410).
 */
class SeriesCsvReaderTest {
    @TempDir
    Path dir;

    static Path data(String name) {
        return Path.of(System.getProperty("perfdesk.testdata", "../testdata"), "changepoints", name);
    }

    /** The same table as core's OtavaCsvTest.findsThePublishedChangePointsWithOtavaDefaults. */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            otava-csv/sample.csv                | metric1 |                      |
            otava-csv/sample.csv                | metric2 | 6                    | -12.9%
            otava-csv/sample-unix-time.csv      | metric1 |                      |
            otava-csv/sample-unix-time.csv      | metric2 | 6                    | -12.9%
            otava-csv/examples_local_sample.csv | metric1 |                      |
            otava-csv/examples_local_sample.csv | metric2 | 6                    | -12.9%
            edivisive_valid_horreum.csv         | kpi     | 13 16 17 22 32 42 45 | \
                    -5.4% +31.3% +43.7% -25.1% -16.3% +78.5% +1.6%
            """)
    void findsThePublishedChangePointsWithOtavaDefaults(String file, String metric, String indexes, String percents)
            throws Exception {
        SeriesSet set = SeriesCsvReader.read(data(file));
        ChangePointReport report = SeriesAnalysis.analyze(set, ChangePointOptions.DEFAULTS, Map.of()).stream()
                .filter(r -> r.series().metric().equals(metric)).findFirst().orElseThrow();

        List<SeriesChangePoint> found = report.changePoints();
        assertEquals(split(indexes), found.stream().map(cp -> String.valueOf(cp.index())).toList());
        String format = file.startsWith("otava-csv") ? "%.1f%%" : "%+.1f%%";
        assertEquals(split(percents), found.stream()
                .map(cp -> String.format(Locale.ROOT, format, cp.changePercent())).toList());
        for (SeriesChangePoint cp : found) {
            assertEquals(set.time(cp.index()), cp.time());
            assertEquals((double) set.time(cp.index()), cp.changePoint().time());
            assertEquals(set.attributes(cp.index() - 1), cp.before().attributes());
        }
    }

    @Test
    void readsOtavasSampleWithItsTimesLabelsAndMetrics() throws Exception {
        SeriesSet set = SeriesCsvReader.read(data("otava-csv/sample.csv"));

        assertEquals("sample.csv", set.name());
        assertEquals(10, set.size());
        assertEquals(List.of("metric1", "metric2"), set.metricNames());
        assertEquals(List.of("commit"), set.attributeNames());
        assertEquals(Instant.parse("2024-01-01T02:00:00Z").toEpochMilli(), set.time(0));
        assertEquals(Instant.parse("2024-01-10T02:00:00Z").toEpochMilli(), set.time(9));
        assertEquals(10.43, set.values("metric2")[0]);
        SeriesChangePoint drop = SeriesAnalysis.analyze(set, ChangePointOptions.DEFAULTS, Map.of()).get(1)
                .changePoints().get(0);
        assertEquals("aaa5", drop.before().attribute("commit"));
        assertEquals("aaa6", drop.after().attribute("commit"));
        assertTrue(drop.regression(), "metric2 falls; higher is better by default, as in Otava");

        SeriesSet unix = SeriesCsvReader.read(data("otava-csv/sample-unix-time.csv"));
        assertEquals(1609466400_000L, unix.time(0));
        assertEquals(List.of(), unix.attributeNames());
        assertEquals(Arrays.toString(set.values("metric1")), Arrays.toString(unix.values("metric1")));
    }

    @Test
    void horreumsDatasetIdIsALabelAndTheFirstChangeIsAt1535410() throws Exception {
        SeriesSet set = SeriesCsvReader.read(data("edivisive_valid_horreum.csv"));

        assertEquals(53, set.size());
        assertEquals(List.of("kpi"), set.metricNames());
        assertEquals(List.of("datasetid"), set.attributeNames());
        assertEquals(1702002504_000L, set.time(0));
        ChangePointReport report = SeriesAnalysis.analyze(set, ChangePointOptions.DEFAULTS, Map.of()).get(0);
        assertEquals("1535410", report.changePoints().get(0).after().attribute("datasetid"));
        assertEquals("1535410", report.changePoints().get(0).after().label());
    }

    /** As core's OtavaCsvTest.findsNoChangeInAFewPointsOfOneBranch: few points per branch, no change. */
    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource(delimiter = '|', textBlock = """
            otava-csv/sample_single_branch.csv | main      | 5
            otava-csv/sample_multi_branch.csv  | main      | 4
            otava-csv/sample_multi_branch.csv  | feature-x | 2
            otava-csv/sample_multi_branch.csv  | feature-y | 2
            """)
    void splitsBranchesAndFindsNoChangeInAFewPoints(String file, String branch, int points) throws Exception {
        SeriesSet set = SeriesCsvReader.read(data(file));
        assertEquals(List.of("commit", "branch"), set.attributeNames());
        SeriesSet one = set.groupBy("branch").get(branch);

        assertEquals(points, one.size());
        assertEquals(set.filter("branch", branch).size(), points);
        for (ChangePointReport report : SeriesAnalysis.analyze(one, ChangePointOptions.DEFAULTS, Map.of())) {
            assertEquals(List.of(), report.changePoints(), report.series().metric());
        }
    }

    @Test
    void readsHistostatWithItsHeaderInTheLastComment() throws Exception {
        SeriesSet set = SeriesCsvReader.DEFAULT.withTimeColumn("Interval_Start")
                .readFile(data("otava-csv/histostat.csv"));

        assertEquals(42, set.size());
        assertEquals(List.of("Tag"), set.attributeNames());
        assertEquals(List.of("Interval_Length", "count", "min", "p25", "p50", "p75", "p90", "p95", "p98", "p99",
                "p999", "p9999", "max"), set.metricNames());
        assertEquals(2616, set.time(0), "fractional seconds from the start of the run");
        Map<String, SeriesSet> tags = set.groupBy("Tag");
        assertEquals(14, tags.size());
        assertTrue(tags.values().stream().allMatch(s -> s.size() == 3));
        assertEquals(1012224.0, tags.get("Tag=initialize.tokenfiller").values("min")[0]);
        ImportException noTime = assertThrowsImport(data("otava-csv/histostat.csv"));
        assertTrue(noTime.getMessage().contains("no time column"), noTime.getMessage());
    }

    @Test
    void handlesQuotedFieldsCrlfAndByteOrderMark() throws Exception {
        Path file = write("quoted.csv", "\uFEFFtime,commit,build,\"message\",ops\r\n"
                + "2024-01-01T00:00:00Z,a1,\"https://ci/job?x=1,y=2\",\"fix \"\"fast\"\" path\",100\r\n"
                + "2024-01-02T00:00:00Z,a2,\"https://ci/2\",\"two\r\nlines\",101\r\n"
                + "\r\n"
                + "# a comment\r\n"
                + "2024-01-03T00:00:00Z,\"a3\",,,\"102.5\"\r\n");

        SeriesSet set = SeriesCsvReader.read(file);

        assertEquals(List.of("ops"), set.metricNames());
        assertEquals(List.of("commit", "build", "message"), set.attributeNames());
        assertEquals("https://ci/job?x=1,y=2", set.attribute("build", 0));
        assertEquals("fix \"fast\" path", set.attribute("message", 0));
        assertEquals("two\r\nlines", set.attribute("message", 1));
        assertNull(set.attribute("build", 2));
        assertEquals(Map.of("commit", "a3"), set.attributes(2));
        assertEquals(102.5, set.values("ops")[2]);
    }

    @Test
    void countsLinesInsideQuotedFieldsForErrors() throws Exception {
        Path file = write("late.csv", "time,note,ops\n"
                + "1700000000,\"a\nb\nc\",1\n"
                + "1700000001,x,oops\n");
        ImportException e = assertThrowsImport(file);
        assertEquals(5, e.line(), e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            2024-01-31T09:00:00Z          | 2024-01-31T09:00:00Z
            2024-01-31T10:00:00+01:00     | 2024-01-31T09:00:00Z
            2024-01-31 10:00:00 +0100     | 2024-01-31T09:00:00Z
            2024-01-31T09:00:00.125       | 2024-01-31T09:00:00.125Z
            2024-01-31T09:00              | 2024-01-31T09:00:00Z
            2024-01-31                    | 2024-01-31T00:00:00Z
            2024.01.31 10:00:00 +0100     | 2024-01-31T09:00:00Z
            1706691600                    | 2024-01-31T09:00:00Z
            1706691600.5                  | 2024-01-31T09:00:00.500Z
            1706691600000                 | 2024-01-31T09:00:00Z
            1706691600000000              | 2024-01-31T09:00:00Z
            1706691600000000000           | 2024-01-31T09:00:00Z
            """)
    void readsIsoOtavaAndUnixTimes(String cell, String expected) throws Exception {
        Path file = write("t.csv", "Timestamp,v\n" + cell + ",1\n");
        assertEquals(Instant.parse(expected).toEpochMilli(), SeriesCsvReader.read(file).time(0));
    }

    @Test
    void explicitColumnsOverrideTheGuess() throws Exception {
        Path file = write("kinds.csv", "when,build_id,score,host\n5,17,1.5,\n6,18,1.7,a\n");

        SeriesSet guessed = SeriesCsvReader.DEFAULT.withTimeColumn("when").readFile(file);
        assertEquals(List.of("score"), guessed.metricNames());
        assertEquals(List.of("build_id", "host"), guessed.attributeNames());

        SeriesSet told = SeriesCsvReader.DEFAULT.withTimeColumn("when").withMetrics(Set.of("build_id"))
                .withAttributes(Set.of("score")).readFile(file);
        assertEquals(List.of("build_id"), told.metricNames());
        assertEquals(List.of("score", "host"), told.attributeNames());

        Path semicolons = write("semi.csv", "time;ops\n1700000000;1,5\n");
        ImportException e = assertThrowsImport(semicolons);
        assertEquals(1, e.line());
        assertTrue(e.problem().contains("delimiter ';'"), e.getMessage());
        SeriesSet set = SeriesCsvReader.DEFAULT.withDelimiter(';').readFile(semicolons);
        assertEquals(List.of("ops"), set.attributeNames(), "1,5 is not a number");
    }

    @Test
    void missingValuesAreNaN() throws Exception {
        Path file = write("gaps.csv", "time,a,b\n1,1,\n2,NaN,2\n3,3,3\n");
        SeriesSet set = SeriesCsvReader.read(file);
        assertEquals("[1.0, NaN, 3.0]", Arrays.toString(set.values("a")));
        assertEquals("[NaN, 2.0, 3.0]", Arrays.toString(set.values("b")));
    }

    // Bad input: one ImportException naming the file, the line where there is one, and the problem.

    @Test
    void rejectsAnEmptyFile() throws Exception {
        ImportException e = assertThrowsImport(write("empty.csv", ""));
        assertTrue(e.problem().contains("empty"), e.getMessage());
        assertThrowsImport(write("blank.csv", "\n  \n"));
    }

    @Test
    void rejectsAHeaderWithoutRuns() throws Exception {
        ImportException e = assertThrowsImport(write("header.csv", "# made by hand\ntime,commit,ops\n"));
        assertEquals(2, e.line());
        assertTrue(e.problem().contains("only a header"), e.getMessage());
        assertEquals(1, assertThrowsImport(write("header2.csv", "time,ops")).line());
    }

    @Test
    void rejectsANonNumericMetricCellWithItsLine() throws Exception {
        ImportException e = assertThrowsImport(write("nan.csv", "time,commit,ops\n1,a,10\n2,b,11\n3,c,fast\n"));
        assertEquals(4, e.line());
        assertTrue(e.problem().contains("'fast'") && e.problem().contains("'ops'"), e.getMessage());
    }

    @Test
    void rejectsAValueTooLargeForADoubleWithItsLineAndColumn() throws Exception {
        ImportException e = assertThrowsImport(write("huge.csv", "time,commit,ops\n1,a,10\n2,b,1e400\n3,c,9\n"));
        assertEquals(3, e.line());
        assertTrue(e.problem().contains("'1e400'") && e.problem().contains("column 3"), e.getMessage());
        assertEquals(2, assertThrowsImport(write("neg.csv", "time,ops\n1,-1e309\n")).line());
    }

    @Test
    void rejectsATimeAfterTheYear9999WithItsLine() throws Exception {
        ImportException e = assertThrowsImport(write("far.csv",
                "time,ops\n2024-01-01T00:00:00Z,1\n3170000-01-01T00:00:00Z,2\n"));
        assertEquals(3, e.line());
        ImportException unix = assertThrowsImport(write("far2.csv", "time,ops\n1700000000,1\n1e14,2\n"));
        assertEquals(3, unix.line());
        assertTrue(unix.problem().contains("after the year 9999"), unix.getMessage());
    }

    @Test
    void rejectsAnUnparseableTimeWithItsLine() throws Exception {
        ImportException e = assertThrowsImport(write("time.csv", "time,ops\n2024-01-01,1\n2024-13-01,2\n"));
        assertEquals(3, e.line());
        assertTrue(e.problem().contains("'2024-13-01'"), e.getMessage());
        assertEquals(2, assertThrowsImport(write("time2.csv", "time,ops\nyesterday,1\n")).line());
        assertEquals(3, assertThrowsImport(write("time3.csv", "time,ops\n1,1\n,2\n")).line());
    }

    @Test
    void rejectsRaggedRowsWithTheirLine() throws Exception {
        ImportException e = assertThrowsImport(write("ragged.csv", "time,commit,ops\n1,a,10\n2,b\n3,c,12\n"));
        assertEquals(3, e.line());
        assertTrue(e.problem().contains("2 fields") && e.problem().contains("has 3"), e.getMessage());
        assertEquals(2, assertThrowsImport(write("long.csv", "time,ops\n1,2,3\n")).line());
    }

    @Test
    void rejectsATruncatedLastLine() throws Exception {
        ImportException e = assertThrowsImport(write("cut.csv", "time,commit,ops\n1,a,10\n2,b"));
        assertEquals(3, e.line());
        assertTrue(e.problem().contains("ends in the middle of a line"), e.getMessage());
        ImportException quote = assertThrowsImport(write("cutquote.csv", "time,commit,ops\n1,a,10\n2,\"b,11\n"));
        assertEquals(3, quote.line());
        assertTrue(quote.problem().contains("quoted field"), quote.getMessage());
    }

    @Test
    void acceptsALastLineWithoutNewlineWhenItIsComplete() throws Exception {
        assertEquals(2, SeriesCsvReader.read(write("nonl.csv", "time,ops\n1,10\n2,11")).size());
    }

    @Test
    void rejectsBinaryGarbageWithItsOffset() throws Exception {
        byte[] garbage = new byte[4096];
        new java.util.Random(7).nextBytes(garbage);
        garbage[0] = 't';
        Path file = dir.resolve("garbage.csv");
        Files.write(file, garbage);
        ImportException e = assertThrowsImport(file);
        assertTrue(e.byteOffset() >= 0, e.getMessage());
        assertTrue(e.problem().contains("binary"), e.getMessage());

        Path latin1 = dir.resolve("latin1.csv");
        Files.write(latin1, "time,who,ops\n1,Jos\u00e9,1\n".getBytes(StandardCharsets.ISO_8859_1));
        ImportException notUtf8 = assertThrowsImport(latin1);
        assertEquals(18, notUtf8.byteOffset(), notUtf8.getMessage());
        assertTrue(notUtf8.problem().contains("UTF-8"), notUtf8.getMessage());
    }

    @Test
    void rejectsBadHeaders() throws Exception {
        assertTrue(assertThrowsImport(write("dup.csv", "time,ops,ops\n1,2,3\n")).problem().contains("twice"));
        assertTrue(assertThrowsImport(write("noname.csv", "time,,ops\n1,2,3\n")).problem().contains("no name"));
        assertTrue(assertThrowsImport(write("quote.csv", "time,\"a\"b,ops\n1,2,3\n")).problem()
                .contains("closing quote"));
        ImportException e = assertThrowsImport(write("only.csv", "# nothing\n# here\n"));
        assertTrue(e.problem().contains("only comments"), e.getMessage());
        ImportException missing = assertThrows(() -> SeriesCsvReader.DEFAULT.withMetrics(Set.of("p99"))
                .readFile(write("m.csv", "time,ops\n1,2\n")));
        assertTrue(missing.problem().contains("'p99'"), missing.getMessage());
    }

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    private interface Read {
        void run() throws Exception;
    }

    private static ImportException assertThrows(Read read) {
        ImportException e = org.junit.jupiter.api.Assertions.assertThrows(ImportException.class, read::run);
        return e;
    }

    private static ImportException assertThrowsImport(Path file) {
        ImportException e = assertThrows(() -> SeriesCsvReader.read(file));
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        assertEquals(file, e.file());
        return e;
    }

    private static List<String> split(String s) {
        return s == null ? List.of() : Arrays.asList(s.trim().split("\\s+"));
    }
}
