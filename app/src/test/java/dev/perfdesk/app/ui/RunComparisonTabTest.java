package dev.perfdesk.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import javafx.scene.Scene;
import javafx.scene.control.Button;
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
import dev.perfdesk.store.StoredComparison;

/** Two stored runs compared in a tab, and the comparison saved to the store. */
@ExtendWith(ApplicationExtension.class)
class RunComparisonTabTest {
    @TempDir
    static Path dir;

    Store store;
    RunComparisonTab tab;
    long before;
    long after;

    static Path hyperfine(String name, double factor) throws Exception {
        StringBuilder times = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            times.append(i == 0 ? "" : ", ")
                    .append(String.format(Locale.ROOT, "%.6f", 0.02 * factor * (1 + 0.001 * i)));
        }
        Path file = dir.resolve(name + "-" + System.nanoTime() + ".json");
        Files.writeString(file, "{\"results\": [{\"command\": \"./parse\", \"times\": [" + times + "]}]}",
                StandardCharsets.UTF_8);
        return file;
    }

    @Start
    void start(Stage stage) throws Exception {
        store = Store.open(dir.resolve("store-" + System.nanoTime() + ".db"));
        ImportService imports = new ImportService(store);
        before = imports.importFile(hyperfine("before", 1), null, ProgressMonitor.NONE).runs().get(0).id();
        after = imports.importFile(hyperfine("after", 1.1), null, ProgressMonitor.NONE).runs().get(0).id();
        tab = new RunComparisonTab(new RunComparisonTabModel(store, TaskRunner.background(), before, after));
        stage.setScene(new Scene(new TabPane(tab), 1200, 800));
        stage.show();
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void comparesTheStoredRunsAndSavesTheComparison(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> tab.view() != null
                && tab.view().getViewModel().getComparison() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(tab.compares(before, after));
        assertTrue(tab.getText().contains(" vs "), tab.getText());
        assertEquals("FAIL", tab.view().verdictLabel().getText(), "a 10% slowdown with 20 samples a side");
        assertEquals(1, tab.view().table().getItems().size());
        Button save = (Button) tab.view().getToolbar().getItems().get(tab.view().getToolbar().getItems().size() - 1);
        assertEquals("Save comparison", save.getText());
        robot.interact(save::fire);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !store.listComparisons().isEmpty());
        StoredComparison saved = store.listComparisons().get(0);
        assertEquals(StoredComparison.Kind.RUN, saved.kind());
        assertEquals(before, saved.baselineId());
        assertEquals(after, saved.candidateId());
        assertEquals("FAIL", saved.verdict());
        assertEquals(0.05, saved.threshold());
        assertNotNull(saved.name());
    }
}
