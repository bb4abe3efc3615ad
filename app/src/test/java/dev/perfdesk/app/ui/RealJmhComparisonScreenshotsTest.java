package dev.perfdesk.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import dev.perfdesk.core.bench.BenchmarkRun;
import dev.perfdesk.core.progress.ProgressMonitor;
import dev.perfdesk.core.report.BenchmarkComparison;
import dev.perfdesk.core.report.TextReportWriter;
import dev.perfdesk.core.spi.CollectingSink;
import dev.perfdesk.core.stats.Verdict;
import dev.perfdesk.importers.jmh.JmhJsonImporter;
import dev.perfdesk.importers.spi.ImportSource;
import dev.perfdesk.viewers.compare.RunComparisonView;
import dev.perfdesk.viewers.compare.RunComparisonViewModel;
import dev.perfdesk.viewers.flame.FlameGraphPane;

/**
 * The comparison of the two real JMH runs of our benchmarks module ({@code sample-data/bench/jmh}) as the comparison
 * tab shows it at 1400x900, opened on the first row, and its HTML report, for review:
 * {@code target/screenshots/run-comparison-jmh-real.png} and {@code target/screenshots/run-comparison-jmh-real.html}.
 * The table lists regressions first, so the two deliberate regressions of the candidate are its first two rows.
 */
@ExtendWith(ApplicationExtension.class)
class RealJmhComparisonScreenshotsTest {
    private RunComparisonView view;
    private Scene scene;

    @Start
    void start(Stage stage) {
        view = new RunComparisonView(new RunComparisonViewModel(Runnable::run));
        scene = new Scene(view, 1400, 900);
        scene.getStylesheets().add(FlameGraphPane.LIGHT_THEME);
        stage.setScene(scene);
        stage.show();
    }

    private static BenchmarkRun read(String name) throws Exception {
        Path file = Path.of(System.getProperty("perfdesk.sampledata", "../sample-data"), "bench", "jmh", name);
        CollectingSink sink = new CollectingSink();
        new JmhJsonImporter().read(ImportSource.of(file), sink, ProgressMonitor.NONE);
        return sink.runs().get(0);
    }

    @Test
    void theRealJmhPairOpensOnItsTwoRegressions(FxRobot robot) throws Exception {
        BenchmarkRun baseline = read("perfdesk-benchmarks-baseline.json");
        BenchmarkRun candidate = read("perfdesk-benchmarks-candidate.json");
        robot.interact(() -> view.getViewModel().setRuns("perfdesk-benchmarks-baseline.json (r1)", baseline,
                "perfdesk-benchmarks-candidate.json (r2)", candidate));
        WaitForAsyncUtils.waitForFxEvents();
        List<BenchmarkComparison> rows = view.getViewModel().rows();
        assertEquals(Verdict.REGRESSION, rows.get(0).verdict(), rows.get(0).key().toString());
        assertEquals(Verdict.REGRESSION, rows.get(1).verdict(), rows.get(1).key().toString());
        assertTrue(rows.get(0).key().name().contains("sortRawSamples"), rows.get(0).key().toString());
        assertTrue(rows.get(1).key().name().contains("sortRawSamples"), rows.get(1).key().toString());
        // The window's summary is the CLI's, word for word (the text report's second line, after "FAIL: ").
        String text = new TextReportWriter().write(view.getViewModel().getComparison());
        String cliSummary = text.lines().skip(1).findFirst().orElseThrow();
        String shown = ((Label) view.lookup(".comparison-summary")).getText();
        assertTrue(cliSummary.startsWith("FAIL: " + shown.lines().findFirst().orElseThrow() + " ("),
                shown + " | " + cliSummary);
        robot.interact(() -> view.getViewModel().selectedProperty().set(rows.get(0)));
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        Path[] shot = new Path[1];
        robot.interact(() -> {
            try {
                shot[0] = Screenshots.write(scene, "run-comparison-jmh-real");
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
        });
        assertTrue(Files.size(shot[0]) > 10_000);
        Path html = Path.of("target", "screenshots", "run-comparison-jmh-real.html");
        view.exportHtml(html);
        assertTrue(Files.readString(html).contains("sortRawSamples"));
    }
}
