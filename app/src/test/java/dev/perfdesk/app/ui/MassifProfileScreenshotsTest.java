package dev.perfdesk.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import javafx.scene.Scene;
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
import dev.perfdesk.core.flame.FlameViewState;
import dev.perfdesk.core.heap.HeapSeries;
import dev.perfdesk.core.progress.ProgressMonitor;
import dev.perfdesk.store.Store;
import dev.perfdesk.store.StoredProfile;

/**
 * The sample Massif file (sample-data/massif) in the profile view: the heap chart above the flame graph with the
 * peak's tree, then another snapshot chosen on the chart; written to {@code target/screenshots/massif-heap-chart.png}
 * and {@code massif-heap-chart-snapshot.png} at 1400 by 880.
 */
@ExtendWith(ApplicationExtension.class)
class MassifProfileScreenshotsTest {
    @TempDir
    static Path dir;

    Store store;
    MainView view;
    Stage stage;
    List<StoredProfile> imported;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        store = Store.open(dir.resolve("store-" + System.nanoTime() + ".db"));
        Path file = Path.of(System.getProperty("perfdesk.sampledata", "../sample-data"), "massif",
                "massif.out.heapdemo");
        imported = new ImportService(store).importFile(file, null, ProgressMonitor.NONE).profiles();
        Settings settings = Settings.load(dir.resolve("settings-" + System.nanoTime() + ".properties"));
        settings.put("samples.imported", true);
        view = new MainView(new MainViewModel(store, TaskRunner.background()), settings, ProfileViews::create);
        Scene scene = new Scene(view, 1400, 880);
        view.install(scene);
        stage.setScene(scene);
        stage.show();
        view.start();
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    private static long total(FlameViewState state) {
        return state.functions().stream().mapToLong(f -> f.self()).sum();
    }

    @Test
    void heapChartShowsThePeakTreeAndAnotherSnapshotOnAClick(FxRobot robot) throws Exception {
        assertEquals(1, imported.size());
        StoredProfile p = imported.get(0);
        AppTesting.waitUntil(() -> view.library().allEntries().size() == 1);
        robot.interact(() -> view.open(LibraryEntry.of(p)));
        AppTesting.waitUntil(() -> view.tabs().getTabs().size() == 1
                && view.tabs().getTabs().get(0).getContent() instanceof ProfileViews.ProfileView);
        ProfileViews.ProfileView pv = (ProfileViews.ProfileView) view.tabs().getTabs().get(0).getContent();
        AppTesting.waitUntil(() -> pv.pane().viewModel().getState() != null);
        assertTrue(pv.heapChart().isVisible());
        assertTrue(!pv.timeline().isVisible());
        HeapSeries series = pv.heapChart().getSeries();
        assertNotNull(series);
        assertEquals(38, pv.heapChart().getSelected().number());
        assertNull(pv.timeline().getSelection());
        assertEquals(1_251_088L, total(pv.pane().viewModel().getState()));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            try {
                Screenshots.write(stage.getScene(), "massif-heap-chart");
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        // Snapshot 57, the last detailed one: 162,328 B in use (ms_print), grow_table and the last burst.
        HeapSeries.Snapshot last = series.byNumber(57);
        robot.interact(() -> pv.heapChart().setSelected(last));
        AppTesting.waitUntil(() -> pv.pane().viewModel().getState() != null
                && total(pv.pane().viewModel().getState()) == last.total());
        assertEquals(HeapSeries.rangeOf(last), pv.timeline().getSelection());
        assertTrue(pv.compareRangeButton().isVisible());
        robot.interact(() -> {
            try {
                Screenshots.write(stage.getScene(), "massif-heap-chart-snapshot");
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        // Compared with the peak: a diff tab of the two snapshots' trees.
        robot.interact(() -> pv.compareRangeButton().fire());
        AppTesting.waitUntil(() -> view.tabs().getTabs().size() == 2);
        assertTrue(view.tabs().getTabs().get(1).getText().contains("snapshot 38 (peak) vs snapshot 57"),
                view.tabs().getTabs().get(1).getText());
        robot.interact(() -> view.tabs().getSelectionModel().select(0));
        // Esc goes back to the peak.
        robot.interact(() -> pv.escape());
        AppTesting.waitUntil(() -> pv.heapChart().getSelected().number() == 38);
    }
}
