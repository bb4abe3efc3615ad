package dev.perfdesk.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import javafx.scene.Node;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
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
import org.testfx.util.WaitForAsyncUtils;

import dev.perfdesk.app.service.SampleData;
import dev.perfdesk.store.Store;
import dev.perfdesk.viewers.flame.FlameGraphPane;

/**
 * The main window on a fresh store: the sample data is imported on first start, items open in tabs from the
 * library, tabs close with Ctrl+W, a bad file gets the importer's message in a dialog, and the open tabs are
 * remembered.
 */
@ExtendWith(ApplicationExtension.class)
class MainViewTest {
    @TempDir
    static Path dir;

    Store store;
    Settings settings;
    MainView view;
    Stage stage;

    static Path perf(String name) {
        return Path.of(System.getProperty("perfdesk.testdata", "../testdata"), "perf-script", name);
    }

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        Path samples = Files.createDirectories(dir.resolve("samples-" + System.nanoTime()).resolve("perf"));
        Files.copy(perf("perf-vertx-stacks-01.txt"), samples.resolve("vertx.perf.txt"));
        Files.copy(perf("perf-dd-stacks-01.txt"), samples.resolve("dd.perf.txt"));
        System.setProperty(SampleData.PROPERTY, samples.getParent().toString());
        store = Store.open(dir.resolve("store-" + System.nanoTime() + ".db"));
        settings = Settings.load(dir.resolve("settings-" + System.nanoTime() + ".properties"));
        view = AppTesting.showMainView(stage, store, settings);
    }

    @AfterEach
    void tearDown() {
        System.clearProperty(SampleData.PROPERTY);
        store.close();
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        AppTesting.waitUntil(condition);
    }

    @Test
    void importsSampleDataOnFirstStartAndOpensIt(FxRobot robot) throws Exception {
        waitUntil(() -> view.library().allEntries().size() == 2 && view.tabs().getTabs().size() == 1);
        assertTrue(settings.getBoolean("samples.imported", false));
        waitUntil(() -> view.tabs().getTabs().stream().allMatch(t -> t.getContent() instanceof MainView.KeyboardTarget));
        Node content = view.tabs().getSelectionModel().getSelectedItem().getContent();
        FlameGraphPane pane = ((ProfileViews.ProfileView) content).pane();
        waitUntil(() -> pane.viewModel().getState() != null);
        robot.interact(() -> {
            try {
                Screenshots.write(stage.getScene(), "main-window");
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
    }

    @Test
    void opensFromLibraryClosesWithCtrlWAndRemembersTabs(FxRobot robot) throws Exception {
        waitUntil(() -> view.library().allEntries().size() == 2 && view.tabs().getTabs().size() == 1);
        robot.interact(() -> view.tabs().getTabs().clear());
        robot.interact(() -> view.libraryView().list().getSelectionModel().select(0));
        robot.clickOn(view.libraryView().list()).type(KeyCode.ENTER);
        waitUntil(() -> view.tabs().getTabs().size() == 1);
        long opened = ((ProfileTab) view.tabs().getTabs().get(0)).profileId();
        robot.interact(view::saveState);
        assertEquals(List.of(opened), settings.openProfiles());
        robot.clickOn(view.tabs()).press(KeyCode.CONTROL).type(KeyCode.W).release(KeyCode.CONTROL);
        waitUntil(() -> view.tabs().getTabs().isEmpty());
        assertEquals(List.of(), settings.openProfiles());
    }

    @Test
    void searchFiltersTheLibrary(FxRobot robot) throws Exception {
        waitUntil(() -> view.library().allEntries().size() == 2);
        robot.interact(() -> view.library().searchProperty().set("dd"));
        assertEquals(1, view.library().visibleEntries().size());
        assertTrue(view.library().visibleEntries().get(0).title().startsWith("dd"));
        robot.interact(() -> view.library().searchProperty().set("perf-script 285"));
        assertEquals(1, view.library().visibleEntries().size());
    }

    @Test
    void ctrlBHidesAndShowsTheLibraryForWidth(FxRobot robot) throws Exception {
        waitUntil(() -> view.library().allEntries().size() == 2);
        assertTrue(view.isLibraryShown());
        double before = view.tabs().getParent().getLayoutBounds().getWidth();
        robot.clickOn(view.tabs()).press(KeyCode.CONTROL).type(KeyCode.B).release(KeyCode.CONTROL);
        waitUntil(() -> !view.isLibraryShown());
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        assertTrue(view.tabs().getParent().getLayoutBounds().getWidth() > before + 150, "the tabs take the width");
        assertEquals("false", settings.get("library.visible", "true"), "remembered for the next start");
        robot.interact(() -> {
            try {
                Screenshots.write(view.getScene(), "library-hidden");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        robot.press(KeyCode.CONTROL).type(KeyCode.B).release(KeyCode.CONTROL);
        waitUntil(view::isLibraryShown);
        assertEquals("true", settings.get("library.visible", "true"));
    }

    @Test
    void badFileShowsTheImportersMessage(FxRobot robot) throws Exception {
        waitUntil(() -> view.library().allEntries().size() == 2 && !view.statusBar().isBusy());
        Path bad = Files.writeString(dir.resolve("bad.txt"), "this is not a profile\n");
        robot.interact(() -> view.importFiles(List.of(bad)));
        waitUntil(() -> robot.listTargetWindows().stream().anyMatch(w -> dialog(w) != null));
        DialogPane dialog = robot.listTargetWindows().stream().map(MainViewTest::dialog)
                .filter(d -> d != null).findFirst().orElseThrow();
        String text = ((Label) dialog.getContent()).getText();
        assertTrue(text.startsWith(bad.toString()), text);
        assertFalse(text.contains("Exception"), text);
        assertTrue(dialog.getScene().getWindow().getWidth() < 700, "the dialog wraps its message: "
                + dialog.getScene().getWindow().getWidth() + " px wide");
        assertEquals(2, view.library().allEntries().size());
        robot.interact(() -> dialog.getScene().getWindow().hide());
    }

    @Test
    void switchesToDarkTheme(FxRobot robot) throws Exception {
        waitUntil(() -> view.library().allEntries().size() == 2);
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.T).release(KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("dark", settings.get("theme", ""));
        assertTrue(Themes.isDark(stage.getScene()), "the window's root has the :dark pseudo-class");

        waitUntil(() -> view.tabs().getTabs().size() == 1 && view.tabs().getTabs().stream()
                .allMatch(t -> t.getContent() instanceof ProfileViews.ProfileView
                        && ((ProfileViews.ProfileView) t.getContent()).pane().viewModel().getState() != null));
        robot.interact(() -> {
            try {
                Screenshots.write(stage.getScene(), "main-window-dark");
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
    }

    private static DialogPane dialog(Window w) {
        return w.getScene() != null && w.getScene().getRoot() instanceof DialogPane
                ? (DialogPane) w.getScene().getRoot() : null;
    }
}
