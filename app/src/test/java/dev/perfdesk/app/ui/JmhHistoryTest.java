package dev.perfdesk.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.scene.Scene;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import dev.perfdesk.core.series.RunHistory;
import dev.perfdesk.store.Store;
import dev.perfdesk.store.StoredRun;

/**
 * A JMH benchmark's history in the application: one series per mode, metric and unit, offered by a chooser, each
 * with one point per run; the configurations are the runs' labels and JVMs, never their ids.
 */
@ExtendWith(ApplicationExtension.class)
class JmhHistoryTest {
    @TempDir
    static Path dir;

    Store store;
    MainView view;
    Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        store = Store.open(dir.resolve("jmh-" + System.nanoTime() + ".db"));
        JmhRuns.store(store, List.of("main", "main", "feature/faster-histogram", "feature/faster-histogram"),
                List.of("17.0.15+6-Debian-1deb12u1", "17.0.15+6-Debian-1deb12u1", "21.0.4+7-LTS", "21.0.4+7-LTS"));
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
    void twoStoredJmhRunsGiveOneSeriesPerModeMetricAndUnitWithTwoPoints() throws Exception {
        try (Store two = Store.open(dir.resolve("two-" + System.nanoTime() + ".db"))) {
            JmhRuns.store(two, List.of("baseline", "candidate"), List.of("17.0.15", "21.0.4"));
            List<RunHistory.IdentifiedRun> runs = new ArrayList<>();
            for (StoredRun r : two.listRuns()) {
                runs.add(new RunHistory.IdentifiedRun("r" + r.id(), two.loadRun(r.id()), r.importedAt()));
            }
            List<RunHistory.RunSeries> history = RunHistory.ofBenchmark(RunHistory.of(runs), JmhRuns.BENCHMARK);
            List<String> labels = history.stream().map(RunHistory.RunSeries::label).toList();
            assertEquals(19, history.size(), "4 modes, each with its secondary metrics: " + labels);
            assertEquals(labels.size(), labels.stream().distinct().count(), labels.toString());
            assertTrue(labels.containsAll(List.of("thrpt · ops/µs", "avgt · µs/op", "sample · µs/op", "ss · µs/op",
                    "avgt · gc.alloc.rate.norm · B/op")), labels.toString());
            for (RunHistory.RunSeries s : history) {
                assertEquals(2, s.set().size(), s.label());
                assertFalse(RunHistory.configurations(s.set()).stream().anyMatch(c -> c.startsWith("run=")));
            }
        }
    }

    @Test
    void historyOffersEachSeriesAndConfigurationsByLabel(FxRobot robot) throws Exception {
        robot.interact(() -> view.openHistory(JmhRuns.BENCHMARK));
        AppTesting.waitUntil(() -> view.tabs().getSelectionModel().getSelectedItem() instanceof TrendTab
                && ((TrendTab) view.tabs().getSelectionModel().getSelectedItem()).seriesChooser() != null
                && !((TrendTab) view.tabs().getSelectionModel().getSelectedItem()).view().getViewModel()
                        .getReports().isEmpty());
        TrendTab tab = (TrendTab) view.tabs().getSelectionModel().getSelectedItem();
        List<String> series = tab.seriesChooser().getItems().stream().map(RunHistory.RunSeries::label).toList();
        assertEquals(19, series.size(), series.toString());
        assertEquals("thrpt · ops/µs", series.get(0));
        assertEquals(4, tab.view().getViewModel().getSeriesSet().size(), "4 runs, one point each");
        assertEquals(List.of("thrpt"), tab.view().getViewModel().getSeriesSet().metricNames());
        List<String> configurations = tab.configurationChooser().getItems();
        assertTrue(configurations.contains("label=main"), configurations.toString());
        assertTrue(configurations.contains("vmVersion=21.0.4+7-LTS"), configurations.toString());
        assertFalse(configurations.stream().anyMatch(c -> c.startsWith(RunHistory.RUN_LABEL + "=")),
                configurations.toString());

        RunHistory.RunSeries alloc = tab.seriesChooser().getItems().stream()
                .filter(s -> s.label().equals("avgt · gc.alloc.rate.norm · B/op")).findFirst().orElseThrow();
        robot.interact(() -> tab.seriesChooser().setValue(alloc));
        AppTesting.waitUntil(() -> tab.view().getViewModel().getReports().containsKey("avgt · gc.alloc.rate.norm"));
        assertEquals("B/op", tab.view().getViewModel().getSeriesSet().unit("avgt · gc.alloc.rate.norm"));

        RunHistory.RunSeries avgt = tab.seriesChooser().getItems().stream()
                .filter(s -> s.label().equals("avgt · µs/op")).findFirst().orElseThrow();
        robot.interact(() -> tab.seriesChooser().setValue(avgt));
        AppTesting.waitUntil(() -> tab.view().getViewModel().getReports().containsKey("avgt"));
        robot.interact(() -> tab.seriesChooser().show());
        WaitForAsyncUtils.sleep(1, TimeUnit.SECONDS);
        robot.interact(() -> {
            try {
                writeWithPopup(tab.seriesChooser(), "trend-jmh-history-series");
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        robot.interact(() -> tab.seriesChooser().hide());
    }

    /** The scene with the combo box's open list drawn under it (a popup is a window of its own, not in the scene). */
    private void writeWithPopup(javafx.scene.control.ComboBox<?> box, String name) throws Exception {
        java.awt.image.BufferedImage scene = javafx.embed.swing.SwingFXUtils.fromFXImage(
                stage.getScene().snapshot(null), null);
        javafx.scene.Node list = ((javafx.scene.control.skin.ComboBoxListViewSkin<?>) box.getSkin()).getPopupContent();
        java.awt.image.BufferedImage popup = javafx.embed.swing.SwingFXUtils.fromFXImage(list.snapshot(null, null),
                null);
        javafx.geometry.Bounds at = box.localToScene(box.getBoundsInLocal());
        java.awt.Graphics2D g = scene.createGraphics();
        g.drawImage(popup, (int) at.getMinX(), (int) at.getMaxY(), null);
        g.dispose();
        java.nio.file.Path out = java.nio.file.Path.of("target", "screenshots");
        java.nio.file.Files.createDirectories(out);
        javax.imageio.ImageIO.write(scene, "png", out.resolve(name + ".png").toFile());
    }
}
