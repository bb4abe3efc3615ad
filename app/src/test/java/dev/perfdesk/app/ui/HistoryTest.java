package dev.perfdesk.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import dev.perfdesk.app.service.ImportService;
import dev.perfdesk.core.progress.ProgressMonitor;
import dev.perfdesk.core.series.ChangePointReview;
import dev.perfdesk.core.series.ReviewStatus;
import dev.perfdesk.core.series.SeriesChangePoint;
import dev.perfdesk.store.Store;

/**
 * Run history in the application: a benchmark's history across stored runs shows its change point; acknowledging
 * it is kept in the store; opening it compares the two runs around it. A CSV table of runs opens from the library
 * as a trend too.
 */
@ExtendWith(ApplicationExtension.class)
class HistoryTest {
    @TempDir
    static Path dir;

    Store store;
    MainView view;
    Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        Path runs = Files.createDirectories(dir.resolve("runs-" + System.nanoTime()));
        for (int i = 0; i < 30; i++) {
            double mean = (i < 20 ? 0.100 : 0.125) + (i % 4) * 0.0015;
            StringBuilder times = new StringBuilder();
            for (int k = 0; k < 12; k++) {
                times.append(k == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.5f", mean + (k % 5) * 0.0004));
            }
            Files.writeString(runs.resolve(String.format(Locale.ROOT, "build-%02d.json", i)), String.format(Locale.ROOT,
                    "{\"results\": [{\"command\": \"./app --fast\", \"mean\": %.5f, \"stddev\": 0.001, \"median\": "
                            + "%.5f, \"user\": 0.05%02d, \"system\": 0.01, \"min\": %.5f, \"max\": %.5f, \"times\": "
                            + "[%s], \"exit_codes\": [0,0,0,0,0,0,0,0,0,0,0,0]}]}",
                    mean, mean, i, mean, mean + 0.002, times));
        }
        store = Store.open(dir.resolve("store-" + System.nanoTime() + ".db"));
        ImportService service = new ImportService(store);
        try (var files = Files.list(runs)) {
            for (Path f : files.sorted().toList()) {
                service.importFile(f, null, ProgressMonitor.NONE);
            }
        }
        service.importFile(Path.of(System.getProperty("perfdesk.testdata", "../testdata"), "changepoints",
                "edivisive_valid_horreum.csv"), null, ProgressMonitor.NONE);
        service.importFile(Path.of(System.getProperty("perfdesk.testdata", "../testdata"), "changepoints",
                "otava-csv", "sample_multi_branch.csv"), null, ProgressMonitor.NONE);
        view = AppTesting.showMainView(stage, store, dir);
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        AppTesting.waitUntil(condition);
    }

    private void shot(FxRobot robot, String name) {
        robot.interact(() -> {
            try {
                Screenshots.write(stage.getScene(), name);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
    }

    @Test
    void benchmarkHistoryAcknowledgesAndOpensTheComparisonOfTheRunsAround(FxRobot robot) throws Exception {
        waitUntil(() -> view.library().allEntries().size() == 32);
        robot.interact(() -> view.openHistory("./app --fast"));
        waitUntil(() -> view.tabs().getSelectionModel().getSelectedItem() instanceof TrendTab
                && !((TrendTab) view.tabs().getSelectionModel().getSelectedItem()).view().changePoints().isEmpty());
        TrendTab trend = (TrendTab) view.tabs().getSelectionModel().getSelectedItem();
        List<SeriesChangePoint> points = trend.view().changePoints();
        SeriesChangePoint step = points.stream().filter(SeriesChangePoint::regression).findFirst().orElseThrow();
        assertEquals(20, step.index(), "the slowdown starts with the 21st run");
        shot(robot, "trend-run-history");

        // The runs-around dialog prints the change as the change points' table does, in DisplayUnits' numbers.
        @SuppressWarnings("unchecked")
        javafx.scene.control.TableView<SeriesChangePoint> table = (javafx.scene.control.TableView<SeriesChangePoint>)
                trend.view().lookup(".table-view");
        javafx.scene.control.TableColumn<SeriesChangePoint, ?> change = table.getColumns().stream()
                .filter(c -> c.getText().equals("Change")).findFirst().orElseThrow();
        String tableChange = String.valueOf(change.getCellData(step));
        List<String[]> rows = TrendTab.comparisonRows(trend.view().getViewModel().getSeriesSet(), step);
        String[] mean = rows.stream().filter(r -> r[0].endsWith("(segment mean)")).findFirst().orElseThrow();
        assertEquals(tableChange, mean[3]);
        assertTrue(TrendTab.comparisonHeader(step).contains(": " + tableChange + " at run 20"),
                TrendTab.comparisonHeader(step));
        assertTrue(rows.stream().flatMap(java.util.Arrays::stream).noneMatch(c -> c.matches(".*\\de[+-]\\d.*")),
                "no 1.253e+04 in the dialog");

        robot.interact(() -> trend.view().setReasonPrompt((cp, status, owner) -> Optional.of("new JSON encoder")));
        robot.interact(() -> {
            try {
                assertTrue(trend.view().review(step, ReviewStatus.ACKNOWLEDGED));
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        assertEquals(new ChangePointReview(ReviewStatus.ACKNOWLEDGED, "new JSON encoder"),
                store.reviews().reviewOf(step.key()));

        robot.interact(() -> trend.view().openComparison(step));
        waitUntil(() -> view.tabs().getSelectionModel().getSelectedItem() instanceof RunComparisonTab);
        RunComparisonTab comparison = (RunComparisonTab) view.tabs().getSelectionModel().getSelectedItem();
        assertTrue(comparison.compares(20, 21), "runs r20 (before) and r21 (after)");
        WaitForAsyncUtils.sleep(2, TimeUnit.SECONDS);
        shot(robot, "comparison-from-change-point");

        // A saved comparison is listed in the library and opens again from there.
        robot.interact(() -> view.tabs().getTabs().remove(comparison));
        store.saveComparison("step at r21", dev.perfdesk.store.StoredComparison.Kind.RUN, 20, 21, 0.05, 0.05, "FAIL");
        robot.interact(() -> view.library().refresh(null));
        waitUntil(() -> view.library().allEntries().stream().anyMatch(e -> e.kind() == LibraryEntry.Kind.COMPARISON));
        LibraryEntry saved = view.library().allEntries().stream()
                .filter(e -> e.kind() == LibraryEntry.Kind.COMPARISON).findFirst().orElseThrow();
        assertEquals("c1", saved.key());
        assertTrue(saved.details().contains("FAIL"), saved.details());
        robot.interact(() -> view.open(saved));
        waitUntil(() -> view.tabs().getSelectionModel().getSelectedItem() instanceof RunComparisonTab
                && ((RunComparisonTab) view.tabs().getSelectionModel().getSelectedItem()).compares(20, 21));
    }

    @Test
    void runsOfOneConfigurationAreAnalysedApart(FxRobot robot) throws Exception {
        waitUntil(() -> view.library().allEntries().stream().anyMatch(e -> e.title().startsWith("sample_multi")));
        LibraryEntry series = view.library().allEntries().stream().filter(e -> e.title().startsWith("sample_multi"))
                .findFirst().orElseThrow();
        robot.interact(() -> view.open(series));
        waitUntil(() -> view.tabs().getSelectionModel().getSelectedItem() instanceof TrendTab
                && ((TrendTab) view.tabs().getSelectionModel().getSelectedItem()).configurationChooser() != null);
        TrendTab tab = (TrendTab) view.tabs().getSelectionModel().getSelectedItem();
        assertTrue(tab.configurationChooser().getItems().contains("branch=main"), tab.configurationChooser().getItems()
                .toString());
        int all = tab.view().getViewModel().getSeriesSet().size();
        robot.interact(() -> tab.configurationChooser().setValue("branch=main"));
        int main = tab.view().getViewModel().getSeriesSet().size();
        assertTrue(main > 0 && main < all, main + " of " + all + " runs are on main");
        assertTrue(tab.view().getViewModel().getSeriesSet().name().endsWith("[branch=main]"));
    }

    @Test
    void csvSeriesOpensFromTheLibrary(FxRobot robot) throws Exception {
        waitUntil(() -> view.library().allEntries().stream().anyMatch(e -> e.title().startsWith("edivisive")));
        LibraryEntry series = view.library().allEntries().stream().filter(e -> e.title().startsWith("edivisive"))
                .findFirst().orElseThrow();
        assertTrue(series.details().contains("runs"), series.details());
        robot.interact(() -> view.open(series));
        waitUntil(() -> view.tabs().getSelectionModel().getSelectedItem() instanceof TrendTab
                && ((TrendTab) view.tabs().getSelectionModel().getSelectedItem()).view().changePoints().size() == 7);
        shot(robot, "trend-csv-series");
    }
}
