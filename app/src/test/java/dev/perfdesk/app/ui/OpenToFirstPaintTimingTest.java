package dev.perfdesk.app.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

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

import dev.perfdesk.core.model.Profile;
import dev.perfdesk.core.model.SyntheticProfiles;
import dev.perfdesk.store.ImportTransaction;
import dev.perfdesk.store.Store;
import dev.perfdesk.store.StoredProfile;

/**
 * Measures opening a stored 1,000,000-sample, 200,000-stack profile in a tab until its flame graph is painted:
 * reading it from SQLite, building the view state off the FX thread, and the first pulse that paints it. Not a unit
 * test: it asserts nothing about time and runs only with {@code -Dperfdesk.openTiming=true}; it writes the figures
 * to target/open-timing.txt.
 */
@EnabledIfSystemProperty(named = "perfdesk.openTiming", matches = "true")
@ExtendWith(ApplicationExtension.class)
class OpenToFirstPaintTimingTest {
    private static final int RUNS = 7;

    @TempDir
    Path dir;
    Stage stage;

    @Start
    void start(Stage primary) {
        // A window of its own: TestFX keeps the events fired in its primary stage, and with them the closed tabs'
        // views, which would crowd the heap of later runs as the application's own heap is not crowded.
        this.stage = new Stage();
    }

    @Test
    void openStoredProfileToFirstPaint(FxRobot robot) throws Exception {
        Profile profile = SyntheticProfiles.generate(1_000_000, 200_000, 42);
        long id;
        try (Store store = Store.open(dir.resolve("timing.db"));
             ImportTransaction tx = store.beginImport(Path.of("synthetic"), "folded", 1)) {
            tx.addProfile(profile, null);
            id = tx.commit("synthetic").profiles().get(0).id();
        }
        try (Store store = Store.open(dir.resolve("timing.db"))) {
            Settings settings = Settings.load(dir.resolve("settings.properties"));
            settings.put("samples.imported", true);
            MainView[] view = new MainView[1];
            robot.interact(() -> {
                view[0] = new MainView(new MainViewModel(store, TaskRunner.background()), settings, ProfileViews::create);
                stage.setScene(new Scene(view[0], 1920, 1080));
                stage.show();
            });
            StoredProfile stored = store.findProfile(id).orElseThrow();
            long[] millis = new long[RUNS];
            long[] viewMillis = new long[RUNS];
            long[] stateMillis = new long[RUNS];
            long[] startNanos = new long[1];
            int[] current = {-1};
            // The first pulse that lays out the tab with its state applied: its scene is what the renderer paints
            // next (the flame graph's canvas commands were recorded when the state was applied).
            robot.interact(() -> stage.getScene().addPostLayoutPulseListener(() -> {
                int run = current[0];
                if (run < 0 || millis[run] != 0 || view[0].tabs().getTabs().isEmpty()) {
                    return;
                }
                if (view[0].tabs().getTabs().get(0).getContent() instanceof ProfileViews.ProfileView pv
                        && pv.pane().viewModel().getState() != null) {
                    millis[run] = Math.max(1, (System.nanoTime() - startNanos[0]) / 1_000_000);
                }
            }));
            for (int run = 0; run < RUNS; run++) {
                robot.interact(() -> view[0].tabs().getTabs().clear());
                WaitForAsyncUtils.waitForFxEvents();
                System.gc();
                int r = run;
                robot.interact(() -> {
                    current[0] = r;
                    startNanos[0] = System.nanoTime();
                    view[0].open(LibraryEntry.of(stored));
                });
                long start = startNanos[0];
                // Polled from this thread: when the loaded profile's view is in the tab, and when its state is.
                long deadline = start + TimeUnit.SECONDS.toNanos(60);
                while (viewMillis[run] == 0 || stateMillis[run] == 0 || millis[run] == 0) {
                    Object content = view[0].tabs().getTabs().get(0).getContent();
                    long now = System.nanoTime();
                    if (viewMillis[run] == 0 && content instanceof ProfileViews.ProfileView) {
                        viewMillis[run] = Math.max(1, (now - start) / 1_000_000);
                    }
                    if (stateMillis[run] == 0 && content instanceof ProfileViews.ProfileView pv
                            && pv.pane().viewModel().getState() != null) {
                        stateMillis[run] = Math.max(1, (now - start) / 1_000_000);
                    }
                    if (now > deadline) {
                        throw new AssertionError("the profile did not open within 60 s");
                    }
                    Thread.sleep(1);
                }
                WaitForAsyncUtils.waitForFxEvents();
            }
            long[] sorted = millis.clone();
            Arrays.sort(sorted);
            String report = String.format(Locale.ROOT, "open stored profile (1,000,000 samples, %,d stacks) to first "
                    + "paint, 1920x1080: median %d ms, min %d ms, max %d ms, runs %s (view in the tab at %s, "
                    + "state applied at %s)%n", profile.stacks().size() - 1, sorted[RUNS / 2], sorted[0],
                    sorted[RUNS - 1], Arrays.toString(millis), Arrays.toString(viewMillis),
                    Arrays.toString(stateMillis));
            System.out.print(report);
            Files.writeString(Path.of("target", "open-timing.txt"), report);
        }
    }
}
