package dev.perfdesk.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import javafx.scene.control.DialogPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import dev.perfdesk.app.service.ImportService;
import dev.perfdesk.core.progress.ProgressMonitor;
import dev.perfdesk.store.Store;

/**
 * The library keeps a JFR recording's profiles under one entry that expands, says each profile's amount in its
 * unit, and Help ▸ Keyboard Shortcuts (F1) lists the window's and the views' keys.
 */
@ExtendWith(ApplicationExtension.class)
class LibraryGroupingTest {
    @TempDir
    static Path dir;

    Store store;
    MainView view;

    @Start
    void start(Stage stage) throws Exception {
        store = Store.open(dir.resolve("store-" + System.nanoTime() + ".db"));
        ImportService service = new ImportService(store);
        for (String f : List.of("jfr/lock-io-jdk17.jfr", "folded/c-primes.folded")) {
            service.importFile(Path.of(System.getProperty("perfdesk.sampledata", "../sample-data"), f), null,
                    ProgressMonitor.NONE);
        }
        view = AppTesting.showMainView(stage, store, dir);
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    @Test
    void aRecordingsProfilesAreOneEntryThatExpands(FxRobot robot) throws Exception {
        AppTesting.waitUntil(() -> view.library().allEntries().size() == 11);
        List<LibraryEntry> shown = List.copyOf(view.library().visibleEntries());
        assertEquals(2, shown.size(), "the recording's 10 profiles are one entry: " + shown);
        LibraryEntry head = shown.stream().filter(view.library()::isGroupHead).findFirst().orElseThrow();
        assertEquals(10, view.library().groupSize(head));
        assertEquals("lock-io-jdk17.jfr", head.fileTitle());

        robot.interact(() -> view.libraryView().list().getSelectionModel().clearAndSelect(
                view.libraryView().list().getItems().indexOf(head)));
        robot.clickOn(view.libraryView().list()).type(KeyCode.RIGHT);
        AppTesting.waitUntil(() -> view.library().visibleEntries().size() == 11);
        assertTrue(view.library().isExpanded(head));
        robot.type(KeyCode.LEFT);
        AppTesting.waitUntil(() -> view.library().visibleEntries().size() == 2);

        robot.interact(() -> view.library().searchProperty().set("SocketWrite"));
        assertEquals(1, view.library().visibleEntries().size());
        LibraryEntry write = view.library().visibleEntries().get(0);
        assertTrue(write.amount().matches("268 events, [0-9.]+ ms"), write.amount());
        robot.interact(() -> view.library().searchProperty().set(""));

        LibraryEntry folded = view.library().allEntries().stream().filter(e -> e.format().equals("folded"))
                .findFirst().orElseThrow();
        assertEquals("total weight 922,922,922", folded.amount(), "folded weights carry no unit");
        assertFalse(folded.details().contains("samples"), folded.details());
    }

    @Test
    void f1ListsTheKeyboardShortcuts(FxRobot robot) throws Exception {
        List<String> keys = view.shortcuts().stream().map(KeyboardShortcuts.Shortcut::keys).toList();
        for (String k : List.of("Ctrl+O", "Ctrl+W", "Ctrl+F", "Ctrl+L", "Ctrl+Shift+T", "F1", "Esc", "F2",
                "Delete")) {
            assertTrue(keys.contains(k), k + " in " + keys);
        }
        robot.clickOn(view.libraryView().searchField()).type(KeyCode.F1);
        AppTesting.waitUntil(() -> robot.listTargetWindows().stream().anyMatch(LibraryGroupingTest::isShortcuts));
        Window w = robot.listTargetWindows().stream().filter(LibraryGroupingTest::isShortcuts).findFirst()
                .orElseThrow();
        assertTrue(w.getWidth() < 800, "width " + w.getWidth());
        robot.interact(w::hide);
    }

    private static boolean isShortcuts(Window w) {
        return w.isShowing() && w.getScene() != null && w.getScene().getRoot() instanceof DialogPane d
                && d.getStyleClass().contains("shortcuts-dialog");
    }
}
