package dev.perfdesk.app.ui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import javafx.scene.Scene;
import javafx.scene.control.TabPane;
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
import dev.perfdesk.store.Store;

/**
 * A run comparison tab removed from its pane the way Ctrl+W removes it (from the tabs list, so onClosed does not
 * fire) still shuts its statistics thread down.
 */
@ExtendWith(ApplicationExtension.class)
class RunComparisonTabCloseTest {
    @TempDir
    static Path dir;

    Store store;
    TabPane tabs;
    RunComparisonTab tab;

    @Start
    void start(Stage stage) throws Exception {
        RunComparisonTabTest.dir = dir;
        store = Store.open(dir.resolve("store-" + System.nanoTime() + ".db"));
        ImportService imports = new ImportService(store);
        long before = imports.importFile(RunComparisonTabTest.hyperfine("before", 1), null, ProgressMonitor.NONE)
                .runs().get(0).id();
        long after = imports.importFile(RunComparisonTabTest.hyperfine("after", 1.1), null, ProgressMonitor.NONE)
                .runs().get(0).id();
        tab = new RunComparisonTab(new RunComparisonTabModel(store, TaskRunner.background(), before, after));
        tabs = new TabPane(tab);
        stage.setScene(new Scene(tabs, 1200, 800));
        stage.show();
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void removingTheTabFromTheListStopsItsStatisticsThread(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> tab.view() != null
                && tab.view().getViewModel().getComparison() != null);
        assertFalse(tab.isStopped());
        robot.interact(() -> tabs.getTabs().remove(tab));
        assertTrue(tab.isStopped());
    }
}
