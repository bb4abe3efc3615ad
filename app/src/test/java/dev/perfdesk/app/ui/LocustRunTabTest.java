package dev.perfdesk.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import javafx.scene.control.TabPane;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import dev.perfdesk.app.service.ImportService;
import dev.perfdesk.app.service.SampleData;
import dev.perfdesk.core.progress.ProgressMonitor;
import dev.perfdesk.store.Store;

/**
 * A recorded Locust run with the Prometheus scrape of its server attached, as the sample data preloads it: its tab
 * has an "Over time" view with Locust's latency and request rate above the server's CPU % and memory, on one time
 * axis. The picture goes to {@code target/screenshots/locust-run-over-time.png}.
 */
@ExtendWith(ApplicationExtension.class)
class LocustRunTabTest {
    @TempDir
    static Path dir;

    Store store;
    MainView view;
    Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        store = Store.open(dir.resolve("store-" + System.nanoTime() + ".db"));
        view = AppTesting.showMainView(stage, store, dir);
        stage.setWidth(1400);
        stage.setHeight(880);
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    @Test
    void showsTheHistoryBesideTheAttachedResourcesOnOneTimeAxis(FxRobot robot) throws Exception {
        Path stats = Path.of(RunTabTest.SAMPLES, "bench", "locust", "slow_stats.csv");
        List<Path> attached = SampleData.attachmentsOf(stats);
        assertEquals(2, attached.size(), attached.toString());
        new ImportService(store).importFile(stats, null, ProgressMonitor.NONE, attached);
        robot.interact(() -> view.library().refresh(() -> { }));
        AppTesting.waitUntil(() -> view.library().allEntries().stream().anyMatch(LibraryEntry::isRun));
        LibraryEntry entry = view.library().allEntries().stream().filter(LibraryEntry::isRun).findFirst()
                .orElseThrow();
        robot.interact(() -> view.open(entry));
        AppTesting.waitUntil(() -> view.tabs().getSelectionModel().getSelectedItem() instanceof RunTab t
                && t.view() != null);
        RunTab.RunView rv = ((RunTab) view.tabs().getSelectionModel().getSelectedItem()).view();
        assertTrue(rv.run().series().size() > 20);
        // ms, req/s, users, % and B: five panels on the one time axis
        assertEquals(5, rv.overTime().panelCount());
        TabPane views = (TabPane) rv.getCenter();
        robot.interact(() -> views.getSelectionModel().select(1));
        Thread.sleep(400);
        robot.interact(() -> {
            try {
                Screenshots.write(stage.getScene(), "locust-run-over-time");
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }
}
