package dev.perfdesk.app.ui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import javafx.scene.Scene;
import javafx.scene.control.DialogPane;
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
import dev.perfdesk.store.StoredProfile;
import dev.perfdesk.viewers.flame.FlameGraphPane;

/**
 * The profile views at the default 1400×880 window on the real sample data, light and dark: the JFR lock profile
 * with its library entry, function table and per-thread timeline, the diff table of two profiles, and the error
 * dialog for a file that is not a profile. Writes {@code target/screenshots/profile-views/*.png} (copied to
 * {@code docs/screenshots/profile-views/}) and checks that the dialog fits the window.
 */
@ExtendWith(ApplicationExtension.class)
class ProfileViewsScreenshotsTest {
    @TempDir
    static Path dir;

    Store store;
    MainView view;
    Stage stage;

    static Path samples(String name) {
        return Path.of(System.getProperty("perfdesk.sampledata", "../sample-data"), name);
    }

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        store = Store.open(dir.resolve("store-" + System.nanoTime() + ".db"));
        ImportService service = new ImportService(store);
        for (String f : List.of("jfr/lock-io-jdk17.jfr", "perf/c-primes.perf.txt", "folded/c-primes.folded",
                "perf/java-workload.perf.txt")) {
            service.importFile(samples(f), null, ProgressMonitor.NONE);
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
    void tearDown() {
        store.close();
    }

    private void shoot(FxRobot robot, Scene scene, String name) {
        robot.interact(() -> {
            try {
                Screenshots.write(scene, "profile-views/" + name);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
    }

    private ProfileViews.ProfileView openProfile(FxRobot robot, String nameContains) throws Exception {
        AppTesting.waitUntil(() -> !view.library().allEntries().isEmpty());
        LibraryEntry entry = view.library().allEntries().stream().filter(e -> e.title().contains(nameContains))
                .findFirst().orElseThrow();
        robot.interact(() -> view.open(entry));
        AppTesting.waitUntil(() -> view.tabs().getSelectionModel().getSelectedItem() != null
                && view.tabs().getSelectionModel().getSelectedItem().getContent() instanceof ProfileViews.ProfileView);
        ProfileViews.ProfileView pv = (ProfileViews.ProfileView) view.tabs().getSelectionModel().getSelectedItem()
                .getContent();
        FlameGraphPane pane = pv.pane();
        AppTesting.waitUntil(() -> pane.viewModel().getState() != null && !pane.viewModel().busyProperty().get());
        return pv;
    }

    @Test
    void screenshotsLightAndDark(FxRobot robot) throws Exception {
        for (boolean dark : List.of(false, true)) {
            String theme = dark ? "dark" : "light";
            robot.interact(() -> Themes.apply(stage.getScene(), dark));
            ProfileViews.ProfileView jfr = openProfile(robot, "SocketRead");
            robot.interact(() -> jfr.pane().functionTable().table().getSelectionModel().select(0));
            AppTesting.waitUntil(() -> jfr.pane().viewModel().butterflyProperty().get() != null);
            shoot(robot, stage.getScene(), "jfr-function-table-" + theme);
            robot.interact(() -> jfr.pane().linesButton().setSelected(true));
            AppTesting.waitUntil(() -> !jfr.pane().viewModel().busyProperty().get()
                    && jfr.pane().viewModel().getState().spec().lines());
            shoot(robot, stage.getScene(), "jfr-lines-" + theme);
            robot.interact(() -> jfr.pane().linesButton().setSelected(false));
            robot.interact(() -> jfr.lanesButton().setSelected(true));
            AppTesting.waitUntil(() -> jfr.timeline().getHistogram() != null);
            robot.interact(() -> {
                var h = jfr.timeline().getHistogram();
                long span = h.end() - h.start();
                jfr.timeline().setSelection(dev.perfdesk.core.timeline.TimeRange.between(h.start() + span / 5,
                        h.start() + span / 2));
                jfr.timeline().setSelectedThread(h.lanes().get(0).thread());
            });
            AppTesting.waitUntil(() -> !jfr.pane().viewModel().busyProperty().get());
            shoot(robot, stage.getScene(), "per-thread-timeline-" + theme);
            robot.interact(() -> {
                jfr.timeline().setSelection(null);
                jfr.timeline().setSelectedThread(-1);
                jfr.lanesButton().setSelected(false);
            });
            LibraryEntry head = view.library().visibleEntries().stream()
                    .filter(e -> view.library().isGroupHead(e)).findFirst().orElseThrow();
            robot.interact(() -> view.library().toggle(head));
            shoot(robot, stage.getScene(), "library-jfr-expanded-" + theme);
            robot.interact(() -> view.library().toggle(head));

            ProfileViews.ProfileView perf = openProfile(robot, "c-primes.perf");
            shoot(robot, stage.getScene(), "perf-function-table-" + theme);

            List<LibraryEntry> two = view.library().allEntries().stream()
                    .filter(e -> e.title().startsWith("c-primes")).toList();
            robot.interact(() -> view.compare(two));
            AppTesting.waitUntil(() -> view.tabs().getSelectionModel().getSelectedItem() instanceof ComparisonTab);
            Thread.sleep(1500);
            AppTesting.waitUntil(() -> true);
            shoot(robot, stage.getScene(), "diff-table-" + theme);

            Path bad = Files.writeString(dir.resolve("notes-" + theme + ".txt"),
                    "These are my notes about the benchmark, not a profile; " + "x".repeat(40) + "\n");
            robot.interact(() -> view.importFiles(List.of(bad)));
            AppTesting.waitUntil(() -> dialogWindow(robot).isPresent());
            Window w = dialogWindow(robot).orElseThrow();
            assertTrue(w.getWidth() <= 700, "dialog width " + w.getWidth());
            shoot(robot, w.getScene(), "error-dialog-" + theme);
            robot.interact(w::hide);
            robot.interact(() -> KeyboardShortcuts.dialog(view.shortcuts(), stage).show());
            AppTesting.waitUntil(() -> dialogWindow(robot).isPresent());
            Window keys = dialogWindow(robot).orElseThrow();
            shoot(robot, keys.getScene(), "keyboard-shortcuts-" + theme);
            robot.interact(keys::hide);
            robot.interact(() -> view.tabs().getTabs().clear());
        }
        assertFalse(view.tabs().getTabs().size() > 0);
    }

    static Optional<Window> dialogWindow(FxRobot robot) {
        return robot.listTargetWindows().stream()
                .filter(w -> w.getScene() != null && w.getScene().getRoot() instanceof DialogPane && w.isShowing())
                .findFirst();
    }
}
