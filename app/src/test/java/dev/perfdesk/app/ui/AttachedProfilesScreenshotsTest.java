package dev.perfdesk.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import javafx.scene.control.Tab;
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
import dev.perfdesk.core.series.SeriesChangePoint;
import dev.perfdesk.store.Store;
import dev.perfdesk.store.StoredRun;

/**
 * Profiles attached to runs in the window, on a PostgreSQL team store (the one {@code PERFDESK_TEST_PG} names, a
 * schema of its own; an SQLite file when no server answers and the variable is not set): the run view lists its
 * attached profile and opens it; a change point of the benchmark's history opens the comparison of the runs around
 * it and the differential flame graph of the nearest runs that have profiles, saying so; the run comparison of two
 * runs with profiles has their diff in a tab. Screenshots at 1400x880 go to {@code target/screenshots/}.
 */
@ExtendWith(ApplicationExtension.class)
class AttachedProfilesScreenshotsTest {
    @TempDir
    static Path dir;

    Store store;
    MainView view;
    Stage stage;
    TeamStores team;
    StoredRun withV1;
    StoredRun withV2;

    private static Path data(String name) {
        return Path.of(System.getProperty("perfdesk.testdata", "../testdata"), "attach", name);
    }

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        team = TeamStores.open(dir, "AttachedProfilesScreenshotsTest");
        store = team.store;
        Path runs = Files.createDirectories(dir.resolve("runs-" + System.nanoTime()));
        ImportService service = new ImportService(store);
        // 16 nightly runs of work, 2x slower from the 9th on (the per-byte validation); only the 6th and the 12th
        // have profiles attached, so the change point between the 8th and 9th opens the nearest runs' profiles
        for (int i = 0; i < 16; i++) {
            double mean = (i < 8 ? 0.0281 : 0.0578) + (i % 3) * 0.0002;
            StringBuilder times = new StringBuilder();
            for (int k = 0; k < 12; k++) {
                times.append(k == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.5f", mean + (k % 5) * 0.0001));
            }
            Path f = runs.resolve(String.format(Locale.ROOT, "nightly-%02d.hyperfine.json", i + 1));
            Files.writeString(f, String.format(Locale.ROOT, "{\"results\": [{\"command\": \"work\", \"mean\": %.5f, "
                    + "\"stddev\": 0.0002, \"median\": %.5f, \"user\": 0.027%02d, \"system\": 0.001, \"min\": %.5f, "
                    + "\"max\": %.5f, \"times\": [%s], \"exit_codes\": [0,0,0,0,0,0,0,0,0,0,0,0]}]}",
                    mean, mean, i, mean, mean + 0.0006, times));
            List<Path> attach = i == 5 ? List.of(data("work-v1.perf.txt"))
                    : i == 11 ? List.of(data("work-v2.perf.txt")) : List.of();
            ImportService.Result r = service.importFile(f, null, ProgressMonitor.NONE, attach, null);
            if (i == 5) {
                withV1 = r.runs().get(0);
            } else if (i == 11) {
                withV2 = r.runs().get(0);
            }
        }
        view = AppTesting.showMainView(stage, store, dir);
        stage.setWidth(1400);
        stage.setHeight(880);
    }

    @AfterEach
    void tearDown() throws SQLException {
        team.close();
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

    private Tab selected() {
        return view.tabs().getSelectionModel().getSelectedItem();
    }

    @Test
    void theRunViewListsItsProfilesAndAChangePointOpensTheirDifferentialFlameGraph(FxRobot robot)
            throws Exception {
        AppTesting.waitUntil(() -> view.library().allEntries().stream().anyMatch(e -> e.is(LibraryEntry.Kind.RUN,
                withV1.id())));
        System.out.println("library: " + view.library().allEntries().size() + " entries");
        LibraryEntry run = view.library().allEntries().stream().filter(e -> e.is(LibraryEntry.Kind.RUN, withV1.id()))
                .findFirst().orElseThrow();
        robot.interact(() -> view.open(run));
        AppTesting.waitUntil(() -> selected() instanceof RunTab tab && tab.view() != null);
        RunTab.RunView runView = ((RunTab) selected()).view();
        assertEquals(1, runView.attachedProfileLinks().size());
        assertTrue(runView.attachedProfileLinks().get(0).getText().startsWith("work-v1.perf.txt"),
                runView.attachedProfileLinks().get(0).getText());
        WaitForAsyncUtils.sleep(1, TimeUnit.SECONDS);
        shot(robot, "run-attached-profiles");
        robot.interact(() -> runView.attachedProfileLinks().get(0).fire());
        AppTesting.waitUntil(() -> selected() instanceof ProfileTab);
        assertEquals(store.profilesOfRun(withV1.id()).get(0).id(), ((ProfileTab) selected()).profileId());

        robot.interact(() -> view.openHistory("work"));
        AppTesting.waitUntil(() -> selected() instanceof TrendTab t && !t.view().changePoints().isEmpty());
        TrendTab trend = (TrendTab) selected();
        SeriesChangePoint step = trend.view().changePoints().stream().filter(SeriesChangePoint::regression)
                .findFirst().orElseThrow();
        assertEquals(8, step.index(), "the slowdown starts with the 9th run");
        int before = view.tabs().getTabs().size();
        robot.interact(() -> trend.view().openComparison(step));
        AppTesting.waitUntil(() -> view.tabs().getTabs().size() == before + 2
                && selected() instanceof ComparisonTab c && c.pane() != null
                && c.pane().viewModel().diffProperty().get() != null);
        assertTrue(view.tabs().getTabs().stream().anyMatch(t -> t instanceof RunComparisonTab r
                && r.compares(withV1.id() + 2, withV1.id() + 3)), "the runs around the change point, compared");
        ComparisonTab diff = (ComparisonTab) selected();
        String note = ((ComparisonTab.ComparisonView) diff.getContent()).note().getText();
        assertTrue(note.contains("have no profiles") && note.contains("nearest runs that have, r" + withV1.id()
                + " before and r" + withV2.id() + " after"), note);
        WaitForAsyncUtils.sleep(2, TimeUnit.SECONDS);
        shot(robot, "diff-from-change-point");

        robot.interact(() -> view.compareRuns(withV1.id(), withV2.id()));
        AppTesting.waitUntil(() -> selected() instanceof RunComparisonTab r && r.view() != null);
        RunComparisonTab comparison = (RunComparisonTab) selected();
        assertNotNull(comparison.profilePane(), "the run comparison has the profiles' diff");
        javafx.scene.control.TabPane views = (javafx.scene.control.TabPane) comparison.getContent();
        assertEquals(List.of("Benchmarks", "Profiles"), views.getTabs().stream().map(Tab::getText).toList());
        robot.interact(() -> views.getSelectionModel().select(1));
        AppTesting.waitUntil(() -> comparison.profilePane().viewModel().diffProperty().get() != null);
        WaitForAsyncUtils.sleep(2, TimeUnit.SECONDS);
        shot(robot, "run-comparison-profiles");
    }
}
