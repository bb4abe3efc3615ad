package dev.perfdesk.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import javafx.scene.Scene;
import javafx.scene.control.TableColumn;
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
import dev.perfdesk.store.StoredProfile;

/**
 * The sample gprof report (sample-data/gprof) in the profile view: the note on what gprof cannot say in the header,
 * the rebuilt tree, the table with gprof's calls and per-call times, the butterfly of a function called from two
 * places; written to {@code target/screenshots/gprof-call-tree.png} at 1400 by 880.
 */
@ExtendWith(ApplicationExtension.class)
class GprofProfileScreenshotsTest {
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
        Path file = Path.of(System.getProperty("perfdesk.sampledata", "../sample-data"), "gprof",
                "gprof.gprofdemo.txt");
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

    @Test
    void callTreeWithCallsAndTheButterflyOfASharedFunction(FxRobot robot) throws Exception {
        assertEquals(1, imported.size());
        AppTesting.waitUntil(() -> view.library().allEntries().size() == 1);
        robot.interact(() -> view.open(LibraryEntry.of(imported.get(0))));
        AppTesting.waitUntil(() -> view.tabs().getTabs().size() == 1
                && view.tabs().getTabs().get(0).getContent() instanceof ProfileViews.ProfileView);
        ProfileViews.ProfileView pv = (ProfileViews.ProfileView) view.tabs().getTabs().get(0).getContent();
        AppTesting.waitUntil(() -> pv.pane().viewModel().getState() != null);
        List<String> columns = pv.pane().functionTable().table().getColumns().stream().map(TableColumn::getText)
                .toList();
        assertTrue(columns.containsAll(List.of("Calls", "Self/call", "Total/call")), columns.toString());
        assertTrue(!pv.heapChart().isVisible());
        robot.interact(() -> pv.pane().viewModel().selectedFunctionProperty().set("shared"));
        AppTesting.waitUntil(() -> pv.pane().viewModel().butterflyProperty().get() != null
                && pv.pane().viewModel().butterflyProperty().get().callers().size() == 2);
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            try {
                Screenshots.write(stage.getScene(), "gprof-call-tree");
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
    }
}
