package dev.perfdesk.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

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
import dev.perfdesk.core.model.WeightUnit;
import dev.perfdesk.core.progress.ProgressMonitor;
import dev.perfdesk.store.Store;
import dev.perfdesk.store.StoredProfile;

/**
 * The sample Go heap profile (sample-data/pprof) in the profile view: its four sample types in the event selector,
 * in-use bytes in the flame graph and table, the info panel with the period; written to
 * {@code target/screenshots/pprof-heap-profile.png}.
 */
@ExtendWith(ApplicationExtension.class)
class PprofProfileScreenshotsTest {
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
        Path heap = Path.of(System.getProperty("perfdesk.sampledata", "../sample-data"), "pprof", "go-heap.pprof");
        imported = new ImportService(store).importFile(heap, null, ProgressMonitor.NONE).profiles();
        view = AppTesting.showMainView(stage, store, dir);
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    @Test
    void heapProfileOpensWithItsSampleTypesAndBytes(FxRobot robot) throws Exception {
        assertEquals(4, imported.size());
        StoredProfile inuse = imported.stream().filter(p -> p.info().event().equals("inuse_space")).findFirst()
                .orElseThrow();
        assertEquals(WeightUnit.BYTES, inuse.info().unit());
        AppTesting.waitUntil(() -> view.library().allEntries().size() == imported.size());
        robot.interact(() -> view.open(LibraryEntry.of(inuse)));
        AppTesting.waitUntil(() -> view.tabs().getTabs().size() == 1
                && view.tabs().getTabs().get(0).getContent() instanceof ProfileViews.ProfileView);
        ProfileViews.ProfileView pv = (ProfileViews.ProfileView) view.tabs().getTabs().get(0).getContent();
        AppTesting.waitUntil(() -> pv.pane().viewModel().getState() != null && pv.events().getItems().size() == 4);
        assertEquals(inuse.id(), pv.events().getValue().id());
        assertTrue(view.tabs().getTabs().get(0).getText().contains("inuse_space"));
        robot.interact(() -> pv.infoButton().setSelected(true));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            try {
                Screenshots.write(stage.getScene(), "pprof-heap-profile");
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
    }
}
