package dev.perfdesk.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import dev.perfdesk.app.service.SampleData;
import dev.perfdesk.core.bench.Benchmark;
import dev.perfdesk.store.Store;

/**
 * Benchmark runs in the main window: an imported run file is listed in the library beside profiles and opens in a
 * RunTab whose table selects into the detail; "Overlay another run…" finds the same benchmark in another run; open
 * run tabs are remembered as {@code r<id>} next to profile ids.
 */
@ExtendWith(ApplicationExtension.class)
class RunTabTest {
    @TempDir
    static Path dir;

    Store store;
    Settings settings;
    MainView view;
    Stage stage;

    /** The project's sample-data folder, read before the test points the app's sample property elsewhere. */
    static final String SAMPLES = System.getProperty(SampleData.PROPERTY, "../sample-data");

    static Path bench(String tool, String name) {
        return Path.of(SAMPLES, "bench", tool, name);
    }

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        // an empty sample folder: nothing is imported on first start
        System.setProperty(SampleData.PROPERTY, Files.createDirectories(dir.resolve("empty-" + System.nanoTime()))
                .toString());
        store = Store.open(dir.resolve("store-" + System.nanoTime() + ".db"));
        settings = Settings.load(dir.resolve("settings-" + System.nanoTime() + ".properties"));
        view = AppTesting.showMainView(stage, store, settings);
    }

    @AfterEach
    void tearDown() {
        System.setProperty(SampleData.PROPERTY, SAMPLES);
        store.close();
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        AppTesting.waitUntil(condition);
    }

    private RunTab.RunView openRunView() throws Exception {
        waitUntil(() -> view.tabs().getSelectionModel().getSelectedItem() instanceof RunTab
                && ((RunTab) view.tabs().getSelectionModel().getSelectedItem()).view() != null);
        RunTab.RunView rv = ((RunTab) view.tabs().getSelectionModel().getSelectedItem()).view();
        waitUntil(() -> rv.table().rows().size() == rv.run().benchmarks().size());
        return rv;
    }

    @Test
    void importingARunFileListsItAndOpensARunTab(FxRobot robot) throws Exception {
        Path jmh = bench("jmh", "jmh-percentile.json");
        Path perf = Path.of(System.getProperty("perfdesk.testdata", "../testdata"), "perf-script",
                "perf-dd-stacks-01.txt");
        robot.interact(() -> view.importFiles(List.of(perf, jmh)));
        waitUntil(() -> view.library().allEntries().size() == 2 && !view.statusBar().isBusy());
        assertEquals("Imported 1 profile and 1 run.", view.statusBar().messageLabel().getText());
        LibraryEntry run = view.library().allEntries().stream().filter(LibraryEntry::isRun).findFirst().orElseThrow();
        assertEquals("jmh-percentile.json", run.title());
        assertTrue(run.details().startsWith("JMH · 76 benchmarks · "), run.details());
        assertEquals("1 profile · 1 run", view.library().summaryProperty().get());
        assertFalse(LibraryView.canCompare(view.library().allEntries()), "a profile and a run do not compare");

        robot.interact(() -> view.open(run));
        RunTab.RunView rv = openRunView();
        // A run opens on its first benchmark (in table order) with a latency distribution: a sample-mode row, not
        // a throughput row of three iterations.
        waitUntil(() -> rv.table().getSelectedBenchmark() != null && rv.detail().mainProperty().get() != null);
        Benchmark opened = rv.table().getSelectedBenchmark();
        assertEquals(rv.table().visibleRows().stream().filter(r -> r.benchmark().figures().hasLatencyDistribution())
                .findFirst().orElseThrow().benchmark(), opened);
        assertEquals("sample", opened.mode());
        Benchmark sample = rv.run().benchmarks().stream().filter(b -> b.mode().equals("sample")
                && b.metric().equals(Benchmark.PRIMARY)).findFirst().orElseThrow();
        robot.interact(() -> rv.table().select(sample));
        waitUntil(() -> rv.detail().mainProperty().get() != null && !rv.detail().isBusy()
                && !rv.detail().percentileChart().curves().isEmpty());
        assertEquals(sample, rv.detail().mainProperty().get().benchmark());
        assertEquals(sample.count(), rv.detail().percentileChart().curves().get(0).count());

        robot.interact(view::saveState);
        // the import opened the profile and the run; both have id 1 in their own tables, told apart by the r
        LibraryEntry profile = view.library().allEntries().stream().filter(e -> !e.isRun()).findFirst()
                .orElseThrow();
        assertEquals(List.of(profile.key(), "r" + run.id()), settings.openTabs());
        assertEquals(List.of(run.id()), settings.openRuns());
        assertEquals(List.of(profile.id()), settings.openProfiles(), "runs do not pass for profiles");
        robot.interact(() -> {
            try {
                Screenshots.write(stage.getScene(), "main-window-run-tab");
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
    }

    @Test
    void overlaysTheSameBenchmarkFromAnotherRunAndRenamesAndDeletesRuns(FxRobot robot) throws Exception {
        Path first = bench("hyperfine", "hyperfine-sleep.json");
        // a second run of the same commands: the same file with other bytes, so it is not a duplicate
        Path second = dir.resolve("hyperfine-sleep-again-" + System.nanoTime() + ".json");
        Files.writeString(second, Files.readString(first) + "\n");
        robot.interact(() -> view.importFiles(List.of(first)));
        waitUntil(() -> view.library().allEntries().size() == 1 && !view.statusBar().isBusy());
        assertEquals("Imported 1 run.", view.statusBar().messageLabel().getText());
        robot.interact(() -> view.importFiles(List.of(second)));
        waitUntil(() -> view.library().allEntries().size() == 2 && !view.statusBar().isBusy());
        assertTrue(!LibraryView.canCompare(List.of()) && LibraryView.canCompare(view.library().allEntries()),
                "two runs can be compared");

        RunTab tab = (RunTab) view.tabs().getSelectionModel().getSelectedItem();
        List<List<RunTabModel.Candidate>> offered = new java.util.ArrayList<>();
        tab.setOverlayChooser(c -> {
            offered.add(c);
            return c.isEmpty() ? Optional.empty() : Optional.of(c.get(0));
        });
        RunTab.RunView rv = openRunView();
        Benchmark fast = rv.run().benchmarks().get(0);
        robot.interact(() -> rv.table().select(fast));
        waitUntil(() -> rv.detail().mainProperty().get() != null && !rv.detail().isBusy());
        robot.clickOn("Overlay another run…");
        waitUntil(() -> rv.detail().overlays().size() == 1 && !rv.detail().isBusy()
                && rv.detail().percentileChart().curves().size() == 2);
        assertEquals(1, offered.get(0).size());
        assertTrue(offered.get(0).get(0).run().name().equals("hyperfine-sleep.json"));
        assertEquals(fast.key(), offered.get(0).get(0).benchmark().key());

        LibraryEntry entry = view.library().allEntries().stream().filter(e -> e.is(LibraryEntry.Kind.RUN,
                tab.runId())).findFirst().orElseThrow();
        robot.interact(() -> view.library().rename(entry, "sleep, second run", null));
        waitUntil(() -> view.library().allEntries().stream().anyMatch(e -> e.title().equals("sleep, second run")));
        assertEquals("sleep, second run", store.findRun(tab.runId()).orElseThrow().name());
        robot.interact(() -> view.library().delete(entry, null));
        waitUntil(() -> view.library().allEntries().size() == 1);
        assertTrue(store.findRun(tab.runId()).isEmpty());
    }

    @Test
    void oldSettingsWithProfileIdsStillLoadBesideRunKeys() throws Exception {
        Path file = dir.resolve("old-" + System.nanoTime() + ".properties");
        Files.writeString(file, "tabs.open=3,7\n");
        Settings old = Settings.load(file);
        assertEquals(List.of(3L, 7L), old.openProfiles());
        old.setOpenTabs(List.of("3", "r12", "7"));
        assertEquals(List.of(3L, 7L), old.openProfiles());
        assertEquals(List.of(12L), old.openRuns());
        assertEquals("2 profiles and 1 run", ImportTask.counted(2, 1));
        assertEquals("1 run", ImportTask.counted(0, 1));
        assertEquals("3 profiles", ImportTask.counted(3, 0));
    }
}
