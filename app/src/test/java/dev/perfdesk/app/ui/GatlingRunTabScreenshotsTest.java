package dev.perfdesk.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
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

import dev.perfdesk.core.bench.Benchmark;
import dev.perfdesk.store.Store;

/**
 * Recorded Gatling runs (a binary 3.13.5 log, a text 3.12.0 log and a report's stats.js) and a Locust {@code --json}
 * run as their tabs open at 1400x880: a log opens on All Requests with its percentile curve and latency over time
 * from the requests' start times, the table needs no sideways scrolling, and a group row shows its cumulated
 * response times. The pictures go to {@code target/screenshots/runs/}.
 */
@ExtendWith(ApplicationExtension.class)
class GatlingRunTabScreenshotsTest {
    @TempDir
    static Path dir;

    Store store;
    MainView view;
    Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        store = Store.open(dir.resolve("store-" + System.nanoTime() + ".db"));
        view = AppTesting.showMainView(stage, store, dir);
        stage.setWidth(1400);
        stage.setHeight(880);
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    @Test
    void gatlingAndLocustJsonRunsOpenOnTheirLatency(FxRobot robot) throws Exception {
        Path bench = Path.of(RunTabTest.SAMPLES, "bench");
        List<Path> files = List.of(bench.resolve("gatling/gatling-3.13.5.simulation.log"),
                bench.resolve("gatling/gatling-3.12.0.simulation.log"),
                bench.resolve("gatling/reports/gatling-3.13.5/stats.js"), bench.resolve("locust-json/run.json"));
        robot.interact(() -> view.importFiles(files));
        AppTesting.waitUntil(() -> !view.statusBar().isBusy()
                && view.statusBar().messageLabel().getText().startsWith("Imported"));
        for (LibraryEntry entry : List.copyOf(view.library().allEntries())) {
            if (!entry.isRun()) {
                continue;
            }
            robot.interact(() -> view.open(entry));
            AppTesting.waitUntil(() -> view.tabs().getSelectionModel().getSelectedItem() instanceof RunTab t
                    && t.view() != null && t.view().table().rows().size() == t.view().run().benchmarks().size()
                    && t.view().detail().mainProperty().get() != null && !t.view().detail().isBusy());
            RunTab tab = (RunTab) view.tabs().getSelectionModel().getSelectedItem();
            RunTab.RunView rv = tab.view();
            String title = entry.title();
            assertFalse(rv.table().table().lookupAll(".scroll-bar").stream()
                    .filter(n -> n instanceof javafx.scene.control.ScrollBar bar
                            && bar.getOrientation() == javafx.geometry.Orientation.HORIZONTAL)
                    .anyMatch(javafx.scene.Node::isVisible), title + ": the table scrolls sideways");
            if (title.endsWith(".simulation.log")) {
                assertEquals("All Requests", rv.table().getSelectedBenchmark().name(), title);
                assertTrue(rv.detail().showsLatencyOverTime(), title + ": latency over time from the log");
                assertFalse(rv.detail().percentileChart().curves().isEmpty(), title);
            }
            String picture = switch (title) {
                case "stats.js" -> "gatling-3.13.5-stats.js";
                case "run.json" -> "locust-json-run.json";
                default -> title;
            };
            shoot(robot, "runs/" + picture.replaceAll("[^A-Za-z0-9._-]+", "-"));
            if (title.equals("gatling-3.13.5.simulation.log")) {
                Benchmark group = rv.run().benchmarks().stream().filter(b -> b.name().equals("pages")
                        && b.metric().equals(Benchmark.PRIMARY)).findFirst().orElseThrow();
                robot.interact(() -> rv.table().select(group));
                AppTesting.waitUntil(() -> !rv.detail().isBusy()
                        && rv.detail().mainProperty().get() != null
                        && rv.detail().mainProperty().get().benchmark() == group);
                shoot(robot, "runs/gatling-3.13.5-group-pages");
            }
            robot.interact(() -> view.tabs().getTabs().remove(tab));
        }
    }

    private void shoot(FxRobot robot, String name) throws InterruptedException {
        Thread.sleep(300);
        robot.interact(() -> { });
        robot.interact(() -> {
            try {
                Screenshots.write(stage.getScene(), name);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }
}
