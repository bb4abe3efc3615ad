package dev.perfdesk.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.perfdesk.core.changepoint.ChangePointOptions;
import dev.perfdesk.core.series.ChangePointReport;
import dev.perfdesk.core.series.ChangePointReview;
import dev.perfdesk.core.series.ReviewStatus;
import dev.perfdesk.core.series.SeriesAnalysis;
import dev.perfdesk.core.series.SeriesChangePoint;
import dev.perfdesk.core.series.SeriesSet;
import dev.perfdesk.store.Store;

/**
 * Run history through the store: a CSV table of runs imports as a series set ({@code s1}); a folder of benchmark
 * runs imports at once and becomes a benchmark's history; {@code changepoints SERIES} exits 1 on a regression until
 * it is acknowledged in the store.
 */
class CliSeriesTest {
    @TempDir
    Path dir;

    static Path otava(String name) {
        return Path.of(System.getProperty("perfdesk.testdata", "../testdata"), "changepoints", "otava-csv",
                name);
    }

    @Test
    void csvSeriesImportsListsAndGatesUntilAcknowledged() throws Exception {
        String db = dir.resolve("s.db").toString();
        CliRunner.Result imported = CliRunner.run("import", "--db", db, otava("sample.csv").toString());
        assertEquals(0, imported.exitCode(), imported.err());
        assertEquals("s1\tsample.csv\n", imported.out());
        assertTrue(CliRunner.run("list", "--db", db).out().lines().anyMatch(l -> l.matches("series +s1 .*sample.csv")),
                "list shows the series");
        CliRunner.Result show = CliRunner.run("show", "--db", db, "s1");
        assertEquals(0, show.exitCode(), show.err());
        assertTrue(show.out().contains("metric1, metric2"), show.out());

        CliRunner.Result before = CliRunner.run("changepoints", "--db", db, "s1");
        assertEquals(1, before.exitCode(), "metric2 drops 12.9% at index 6: a regression\n" + before.out());

        try (Store store = Store.open(Path.of(db))) {
            SeriesSet set = store.loadSeries(1);
            List<ChangePointReport> reports = SeriesAnalysis.analyze(set, ChangePointOptions.DEFAULTS,
                    java.util.Map.of());
            SeriesChangePoint regression = reports.stream().flatMap(r -> r.regressions().stream()).findFirst()
                    .orElseThrow();
            store.saveReview(regression.key(), new ChangePointReview(ReviewStatus.ACKNOWLEDGED, "expected: new GC"));
        }
        CliRunner.Result after = CliRunner.run("changepoints", "--db", db, "s1");
        assertEquals(0, after.exitCode(), "an acknowledged regression does not fail the gate\n" + after.out());
        // The same file again is a duplicate, not a second series.
        assertEquals("s1\tsample.csv\n", CliRunner.run("import", "--db", db, otava("sample.csv").toString()).out());
        assertEquals(0, CliRunner.run("delete", "--db", db, "s1").exitCode());
        assertEquals(2, CliRunner.run("changepoints", "--db", db, "s1").exitCode());
    }

    @Test
    void folderOfRunsBecomesABenchmarksHistory() throws Exception {
        Path runs = Files.createDirectories(dir.resolve("runs"));
        // 24 hyperfine runs of one command, the last 8 about 30% slower: a step change.
        for (int i = 0; i < 24; i++) {
            double mean = (i < 16 ? 0.100 : 0.130) + (i % 3) * 0.001;
            StringBuilder times = new StringBuilder();
            for (int k = 0; k < 10; k++) {
                times.append(k == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.5f", mean + k * 0.0001));
            }
            Files.writeString(runs.resolve(String.format(Locale.ROOT, "build-%02d.json", i)), String.format(Locale.ROOT,
                    "{\"results\": [{\"command\": \"./app --fast\", \"mean\": %.5f, \"stddev\": 0.001, "
                            + "\"median\": %.5f, \"user\": 0.05%02d, \"system\": 0.01, \"min\": %.5f, \"max\": %.5f, "
                            + "\"times\": [%s], \"exit_codes\": [0,0,0,0,0,0,0,0,0,0]}]}",
                    mean, mean, i, mean, mean + 0.001, times));
        }
        String db = dir.resolve("r.db").toString();
        CliRunner.Result imported = CliRunner.run("import", "--db", db, runs.toString());
        assertEquals(0, imported.exitCode(), imported.err());
        assertEquals(24, imported.out().lines().count(), imported.out());
        assertTrue(imported.out().startsWith("r1\t"), imported.out());

        CliRunner.Result cp = CliRunner.run("changepoints", "--db", db, "./app --fast", "--format", "json");
        assertEquals(1, cp.exitCode(), "the slowdown is a regression: lower is better for times\n" + cp.out() + cp.err());
        assertTrue(cp.out().contains("\"index\" : 16"), cp.out());
        assertEquals(2, CliRunner.run("changepoints", "--db", db, "no such benchmark").exitCode());
    }
}
