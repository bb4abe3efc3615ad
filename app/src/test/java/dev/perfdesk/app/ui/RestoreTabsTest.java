package dev.perfdesk.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import javafx.scene.Scene;
import javafx.scene.control.Tab;
import javafx.stage.Stage;

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
 * A restart reopens every kind of tab: profiles, runs, a series set, a benchmark's history, a comparison of two
 * runs and one of two profiles, in their order, with the selected one selected again.
 */
@ExtendWith(ApplicationExtension.class)
class RestoreTabsTest {
    @TempDir
    static Path dir;

    Store store;
    Settings settings;
    Stage stage;

    static Path samples(String name) {
        return Path.of(System.getProperty("perfdesk.sampledata", "../sample-data"), name);
    }

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        store = Store.open(dir.resolve("store-" + System.nanoTime() + ".db"));
        ImportService service = new ImportService(store);
        for (String f : List.of("perf/c-primes.perf.txt", "folded/c-primes.folded",
                "bench/jmh/perfdesk-benchmarks-baseline.json", "bench/jmh/perfdesk-benchmarks-candidate.json",
                "series/nightly-builds.csv")) {
            service.importFile(samples(f), null, ProgressMonitor.NONE);
        }
        settings = Settings.load(dir.resolve("settings-" + System.nanoTime() + ".properties"));
        settings.put("samples.imported", true);
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    private MainView show(FxRobot robot) throws Exception {
        MainView[] view = new MainView[1];
        robot.interact(() -> {
            view[0] = new MainView(new MainViewModel(store, TaskRunner.background()), settings, ProfileViews::create);
            Scene scene = new Scene(view[0], 1400, 880);
            view[0].install(scene);
            stage.setScene(scene);
            stage.show();
            view[0].start();
        });
        AppTesting.waitUntil(() -> !view[0].library().allEntries().isEmpty());
        return view[0];
    }

    private static List<String> kinds(MainView view) {
        return view.tabs().getTabs().stream().map(Tab::getClass).map(Class::getSimpleName).toList();
    }

    @Test
    void everyKindOfTabIsReopenedAfterARestart(FxRobot robot) throws Exception {
        MainView first = show(robot);
        List<LibraryEntry> entries = first.library().allEntries();
        LibraryEntry profile = entries.stream().filter(e -> e.title().startsWith("c-primes.perf")).findFirst()
                .orElseThrow();
        LibraryEntry folded = entries.stream().filter(e -> e.title().startsWith("c-primes.folded")).findFirst()
                .orElseThrow();
        List<LibraryEntry> runs = entries.stream().filter(LibraryEntry::isRun).toList();
        LibraryEntry series = entries.stream().filter(e -> e.kind() == LibraryEntry.Kind.SERIES).findFirst()
                .orElseThrow();
        assertEquals(2, runs.size());
        robot.interact(() -> {
            first.open(profile);
            first.open(runs.get(0));
            first.open(series);
            first.openHistory("a benchmark, with a comma");
            first.compareRuns(runs.get(1).id(), runs.get(0).id());
            first.compare(List.of(profile, folded));
            first.tabs().getSelectionModel().select(2);
            first.saveState();
        });
        List<String> before = kinds(first);
        List<String> titles = first.tabs().getTabs().stream().map(Tab::getText).toList();
        assertEquals(List.of("ProfileTab", "RunTab", "TrendTab", "TrendTab", "RunComparisonTab", "ComparisonTab"),
                before);
        // the first window is left as it is: closing its tabs would make it remember no tabs

        MainView second = show(robot);
        AppTesting.waitUntil(() -> second.tabs().getTabs().size() == before.size());
        assertEquals(before, kinds(second));
        assertEquals(2, second.tabs().getSelectionModel().getSelectedIndex());
        assertTrue(second.tabs().getTabs().get(3).getText().contains("a benchmark, with a comma"),
                second.tabs().getTabs().get(3).getText());
        assertEquals(titles.get(4), second.tabs().getTabs().get(4).getText());
        assertTrue(((RunComparisonTab) second.tabs().getTabs().get(4)).compares(runs.get(1).id(), runs.get(0).id()));
    }
}
