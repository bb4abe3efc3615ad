package dev.perfdesk.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import javafx.scene.Scene;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import dev.perfdesk.app.cli.SimulatedRuns;
import dev.perfdesk.app.service.ImportService;
import dev.perfdesk.core.progress.ProgressMonitor;
import dev.perfdesk.core.series.ChangePointReport;
import dev.perfdesk.store.Store;

/**
 * Labelled runs in the window: the library filtered by a label, and a benchmark's history per platform through the
 * trend view's configuration chooser, with the 12% step of the simulated pipeline found on one platform only.
 * Writes {@code target/screenshots/library-filtered-by-label.png} and {@code trend-per-platform.png}.
 */
@ExtendWith(ApplicationExtension.class)
class LabelsScreenshotsTest {
    private static final int BUILDS = 24;
    private static final int STEP = 15;

    @TempDir
    static Path dir;

    TeamStores team;
    Store store;
    MainView view;
    Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        // On the team store (PostgreSQL) when there is one, as the screenshots ask.
        team = TeamStores.open(dir, "LabelsScreenshotsTest");
        store = team.store;
        for (int worker = 0; worker < 4; worker++) {
            ImportService service = new ImportService(store, Map.of("platform", SimulatedRuns.platform(worker),
                    "job", SimulatedRuns.job(worker), "branch", "main"));
            Path folder = dir.resolve("w" + worker + "-" + System.nanoTime());
            for (int build = 1; build <= BUILDS; build++) {
                Path file = SimulatedRuns.write(folder, worker, build, STEP);
                Path named = file.resolveSibling("suite" + SimulatedRuns.suite(worker) + "-" + file.getFileName());
                Files.move(file, named);
                service.importFile(named, null, ProgressMonitor.NONE);
            }
        }
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
    void tearDown() throws Exception {
        team.close();
    }

    @Test
    void theLibraryFiltersByALabel(FxRobot robot) throws Exception {
        AppTesting.waitUntil(() -> view.library().allEntries().size() == 4 * BUILDS);
        LibraryView library = view.libraryView();
        assertTrue(library.labelFilter().isVisible(), "the store has labelled runs");
        List<String> choices = library.labelFilter().getItems();
        assertTrue(choices.contains("platform=" + SimulatedRuns.STEPPED), choices.toString());
        assertTrue(choices.contains("platform=" + SimulatedRuns.STEADY), choices.toString());
        robot.interact(() -> library.labelFilter().setValue("platform=" + SimulatedRuns.STEADY));
        assertEquals(2 * BUILDS, view.library().visibleEntries().size());
        assertTrue(view.library().visibleEntries().stream()
                .allMatch(e -> SimulatedRuns.STEADY.equals(e.labels().get("platform"))));
        robot.interact(() -> library.searchField().setText("job=" + SimulatedRuns.job(1)));
        assertEquals(BUILDS, view.library().visibleEntries().size(), "a key=value word in the search is a label");
        robot.interact(() -> library.searchField().setText(""));
        robot.interact(() -> {
            try {
                Screenshots.write(stage.getScene(), "library-filtered-by-label");
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        robot.interact(() -> library.labelFilter().setValue("Any label"));
        assertEquals(4 * BUILDS, view.library().visibleEntries().size());
    }

    @Test
    void aBenchmarksHistoryPerPlatformFindsTheStepOnOnePlatformOnly(FxRobot robot) throws Exception {
        AppTesting.waitUntil(() -> view.library().allEntries().size() == 4 * BUILDS);
        robot.interact(() -> view.openHistory(SimulatedRuns.benchmark(0)));
        AppTesting.waitUntil(() -> view.tabs().getSelectionModel().getSelectedItem() instanceof TrendTab t
                && t.configurationChooser() != null);
        TrendTab tab = (TrendTab) view.tabs().getSelectionModel().getSelectedItem();
        List<String> configurations = tab.configurationChooser().getItems();
        assertTrue(configurations.contains("platform=" + SimulatedRuns.STEPPED), configurations.toString());
        assertTrue(configurations.contains("platform=" + SimulatedRuns.STEADY), configurations.toString());

        robot.interact(() -> tab.configurationChooser().setValue("platform=" + SimulatedRuns.STEADY));
        AppTesting.waitUntil(() -> tab.view().getViewModel().getSeriesSet().size() == BUILDS
                && !tab.view().getViewModel().getReports().isEmpty());
        for (ChangePointReport r : tab.view().getViewModel().getReports().values()) {
            assertEquals(0, r.changePoints().size(), "no change point on the steady platform");
        }

        robot.interact(() -> tab.configurationChooser().setValue("platform=" + SimulatedRuns.STEPPED));
        AppTesting.waitUntil(() -> tab.view().getViewModel().getSeriesSet().size() == BUILDS
                && tab.view().getViewModel().getReports().values().stream()
                        .anyMatch(r -> !r.changePoints().isEmpty()));
        robot.interact(() -> view.libraryView().labelFilter().setValue("platform=" + SimulatedRuns.STEPPED));
        ChangePointReport report = tab.view().getViewModel().getReports().values().iterator().next();
        assertEquals(1, report.changePoints().size());
        assertEquals(STEP - 1, report.changePoints().get(0).index(), "the step's build starts the new level");
        robot.interact(() -> {
            try {
                Screenshots.write(stage.getScene(), "trend-per-platform");
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
    }
}
