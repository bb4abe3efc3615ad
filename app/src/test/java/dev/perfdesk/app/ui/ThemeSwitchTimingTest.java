package dev.perfdesk.app.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import javafx.scene.Scene;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import dev.perfdesk.app.service.ImportService;
import dev.perfdesk.app.service.SampleData;
import dev.perfdesk.core.progress.ProgressMonitor;
import dev.perfdesk.importers.spi.ImportException;
import dev.perfdesk.store.Store;

/**
 * Measures switching the theme with 15 tabs open (the sample data's profiles and runs) at 1400×880: from
 * replacing the stylesheets until CSS, layout and a rendered frame (a snapshot) are done, in wall time and in
 * the FX thread's CPU time (the wall time follows the machine's load: builds share its cores). Not a unit test: it
 * asserts nothing about time and runs only with {@code -Dperfdesk.themeTiming=true}; it writes the figures to
 * target/theme-timing.txt.
 */
@EnabledIfSystemProperty(named = "perfdesk.themeTiming", matches = "true")
@ExtendWith(ApplicationExtension.class)
class ThemeSwitchTimingTest {
    private static final int TABS = 15;
    private static final int RUNS = 8;

    @TempDir
    Path dir;
    Stage stage;

    @Start
    void start(Stage primary) {
        this.stage = primary;
    }

    @Test
    void themeSwitchWithFifteenTabs(FxRobot robot) throws Exception {
        try (Store store = Store.open(dir.resolve("timing.db"))) {
            ImportService service = new ImportService(store);
            for (Path f : SampleData.files(Path.of(System.getProperty("perfdesk.sampledata", "../sample-data")))) {
                try {
                    service.importFile(f, null, ProgressMonitor.NONE, SampleData.attachmentsOf(f));
                } catch (ImportException e) {
                    // not every file under sample-data is a profile or a run
                }
            }
            Settings settings = Settings.load(dir.resolve("settings.properties"));
            settings.put("samples.imported", true);
            MainView[] view = new MainView[1];
            robot.interact(() -> {
                view[0] = new MainView(new MainViewModel(store, TaskRunner.background()), settings,
                        ProfileViews::create);
                Scene scene = new Scene(view[0], 1400, 880);
                view[0].install(scene);
                stage.setScene(scene);
                stage.show();
                view[0].start();
            });
            AppTesting.waitUntil(() -> view[0].library().allEntries().size() >= TABS);
            List<LibraryEntry> entries = new ArrayList<>(view[0].library().allEntries().subList(0, TABS));
            for (LibraryEntry e : entries) {
                robot.interact(() -> view[0].open(e));
            }
            AppTesting.waitUntil(() -> view[0].tabs().getTabs().size() == TABS);
            Thread.sleep(8000);
            WaitForAsyncUtils.waitForFxEvents();
            long[] millis = new long[RUNS];
            long[] cpuMillis = new long[RUNS];
            java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
            StringBuilder parts = new StringBuilder();
            for (int run = 0; run < RUNS; run++) {
                boolean dark = run % 2 == 0;
                int r = run;
                robot.interact(() -> {
                    Scene scene = stage.getScene();
                    long c0 = threads.getCurrentThreadCpuTime();
                    long t0 = System.nanoTime();
                    Themes.apply(scene, dark);
                    scene.getRoot().applyCss();
                    long t1 = System.nanoTime();
                    scene.getRoot().layout();
                    long t2 = System.nanoTime();
                    scene.snapshot(null);
                    long t3 = System.nanoTime();
                    millis[r] = (t3 - t0) / 1_000_000;
                    cpuMillis[r] = (threads.getCurrentThreadCpuTime() - c0) / 1_000_000;
                    parts.append(String.format(Locale.ROOT, "  run %d: css %d ms, layout %d ms, render %d ms%n", r,
                            (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000));
                });
                WaitForAsyncUtils.waitForFxEvents();
            }
            long[] snapshotOnly = new long[RUNS];
            for (int run = 0; run < RUNS; run++) {
                int r = run;
                robot.interact(() -> {
                    long t0 = System.nanoTime();
                    stage.getScene().snapshot(null);
                    snapshotOnly[r] = (System.nanoTime() - t0) / 1_000_000;
                });
            }
            parts.append(String.format(Locale.ROOT, "  a snapshot alone, no theme change: %s ms (median %d ms)%n",
                    Arrays.toString(snapshotOnly), median(snapshotOnly)));
            String text = String.format(Locale.ROOT, "theme switch, %d tabs open, 1400x880: wall %s ms (median %d ms);"
                    + " FX thread CPU %s ms (median %d ms)%n", TABS, Arrays.toString(millis), median(millis),
                    Arrays.toString(cpuMillis), median(cpuMillis)) + parts;
            Files.writeString(Path.of("target", "theme-timing.txt"), text);
            System.out.print(text);
        }
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
