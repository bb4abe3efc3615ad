package dev.perfdesk.viewers.trend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import javafx.application.Platform;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.stage.Stage;

import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.ui.Layer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import dev.perfdesk.core.changepoint.ChangePointOptions;
import dev.perfdesk.core.changepoint.Direction;
import dev.perfdesk.core.series.ChangePointReview;
import dev.perfdesk.core.series.ChangePointReviews;
import dev.perfdesk.core.series.ReviewStatus;
import dev.perfdesk.core.series.SeriesChangePoint;
import dev.perfdesk.core.series.SeriesSet;
import dev.perfdesk.viewers.flame.FlameGraphPane;

/** The trend view on Otava's and Horreum's CSVs, driven with the mouse and keyboard. */
@ExtendWith(ApplicationExtension.class)
class TrendViewTest {
    private TrendView view;
    private Scene scene;
    private final List<String> analysisThreads = new ArrayList<>();

    @Start
    void start(Stage stage) {
        java.util.concurrent.ExecutorService worker = TrendViewModel.defaultExecutor();
        view = new TrendView(new TrendViewModel(r -> worker.execute(() -> {
            analysisThreads.add(Thread.currentThread().getName());
            r.run();
        })));
        scene = new Scene(view, 1300, 820);
        scene.getStylesheets().add(FlameGraphPane.LIGHT_THEME);
        stage.setScene(scene);
        stage.show();
    }

    private void show(FxRobot robot, SeriesSet set) throws Exception {
        robot.interact(() -> view.setSeriesSet(set));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !view.getViewModel().isBusy()
                && view.getViewModel().getReport() != null);
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.sleep(200, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private TrendViewSkin skin() {
        return (TrendViewSkin) view.getSkin();
    }

    private int markers() {
        return skin().chart().markerCount();
    }

    @Test
    void showsOneMarkerPerChangePointOfHorreumsSeries(FxRobot robot) throws Exception {
        show(robot, TrendData.horreum());

        assertEquals(7, markers());
        assertEquals(List.of(13, 16, 17, 22, 32, 42, 45), view.changePoints().stream()
                .map(SeriesChangePoint::index).toList());
        assertEquals(7, skin().table().getItems().size());
        assertFalse(robot.lookup(".trend-metric-box").queryAs(ComboBox.class).isVisible(), "one metric, no selector");
        assertTrue(analysisThreads.size() == 1 && analysisThreads.get(0).equals("trend-analysis"),
                "analysed once, off the FX thread: " + analysisThreads);
        // Regressions red, improvements green (higher is better by default).
        List<?> drawn = new ArrayList<>(skin().chart().plot().getDomainMarkers(Layer.FOREGROUND));
        java.awt.Paint regression = ((ValueMarker) drawn.get(0)).getPaint();
        java.awt.Paint improvement = ((ValueMarker) drawn.get(1)).getPaint();
        assertNotEquals(regression, improvement);
        assertEquals(regression, ((ValueMarker) drawn.get(3)).getPaint(), "index 22 falls 25%: a regression");
        assertTrue(((java.awt.Color) regression).getRed() > 180 && ((java.awt.Color) regression).getGreen() < 90);
    }

    @Test
    void switchesMetricsOfOtavasSample(FxRobot robot) throws Exception {
        show(robot, TrendData.otavaSample());

        ComboBox<?> box = robot.lookup(".trend-metric-box").queryAs(ComboBox.class);
        assertTrue(box.isVisible());
        assertEquals("metric1", view.getViewModel().getSelectedMetric());
        assertEquals(0, markers());
        robot.clickOn(box);
        robot.clickOn("metric2");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("metric2", view.getViewModel().getSelectedMetric());
        assertEquals(1, markers());
        assertEquals("aaa6", view.changePoints().get(0).after().label());
    }

    @Test
    void clickingAMarkerFiresTheCallbackWithThatChangePoint(FxRobot robot) throws Exception {
        List<ChangePointEvent> events = new ArrayList<>();
        robot.interact(() -> view.setOnChangePointSelected(events::add));
        SeriesSet set = TrendData.horreum();
        show(robot, set);

        SeriesChangePoint target = view.changePoints().get(3);
        Optional<Point2D> at = view.markerPosition(target);
        assertTrue(at.isPresent());
        robot.clickOn(view.localToScreen(at.get()));
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(1, events.size());
        ChangePointEvent e = events.get(0);
        assertEquals(22, e.changePoint().index());
        assertEquals(target, e.changePoint());
        assertEquals(set.attributes(21), e.before().attributes());
        assertEquals("1535545", e.after().attribute("datasetid"));
        assertEquals(set.time(22), e.after().time());
        assertEquals(target, view.getSelectedChangePoint());
        assertEquals(target, skin().table().getSelectionModel().getSelectedItem(), "the row follows");

        // A click on the plot away from any change point fires nothing.
        Point2D away = at.get().add(-60, 0);
        robot.clickOn(view.localToScreen(away));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, events.size());

        // So does a click on the last run before a change point.
        Point2D before = skin().runPosition(view.changePoints().get(5).index() - 1).orElseThrow();
        robot.clickOn(view.localToScreen(before));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2, events.size());
        assertEquals(42, events.get(1).changePoint().index());

        // The Compare button opens the selected row's.
        robot.interact(() -> skin().table().getSelectionModel().select(0));
        robot.clickOn(".trend-compare");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(3, events.size());
        assertEquals(13, events.get(2).changePoint().index());
    }

    @Test
    void acknowledgeAsksForAReasonAndCallsBack(FxRobot robot) throws Exception {
        List<String> calls = new ArrayList<>();
        show(robot, TrendData.horreum());
        Button acknowledge = robot.lookup(".trend-acknowledge").queryButton();
        robot.interact(() -> skin().table().getSelectionModel().select(3));
        assertTrue(acknowledge.isDisabled(), "without a handler there is nowhere to keep the decision");

        robot.interact(() -> view.setReviewHandler((cp, status, reason) ->
                calls.add(cp.index() + " " + status + " " + reason)));
        assertFalse(acknowledge.isDisabled());
        robot.clickOn(acknowledge);
        WaitForAsyncUtils.waitForFxEvents();
        Node field = robot.lookup(".trend-reason-dialog .text-field").query();
        Button ok = robot.lookup(".trend-reason-dialog .button").queryAllAs(Button.class).stream()
                .filter(Button::isDefaultButton).findFirst().orElseThrow();
        assertTrue(ok.isDisabled(), "a reason is required");
        robot.clickOn(field).write("known: new JIT default");
        robot.clickOn(ok);
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(List.of("22 ACKNOWLEDGED known: new JIT default"), calls);
        SeriesChangePoint cp = view.changePoints().get(3);
        assertEquals(new ChangePointReview(ReviewStatus.ACKNOWLEDGED, "known: new JIT default"), view.reviewOf(cp));
        assertTrue(robot.lookup(".status-acknowledged").tryQuery().isPresent(), "the table shows the status");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("-25.1% ack", skin().chart().labelOf(3));

        // Cancelling the dialog keeps nothing.
        robot.interact(() -> skin().table().getSelectionModel().select(0));
        robot.clickOn(".trend-dismiss");
        WaitForAsyncUtils.waitForFxEvents();
        robot.lookup(".trend-reason-dialog .button").queryAllAs(Button.class).stream()
                .filter(Button::isCancelButton).findFirst().ifPresent(robot::clickOn);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, calls.size());
        assertEquals(ReviewStatus.NEW, view.reviewOf(view.changePoints().get(0)).status());
    }

    @Test
    void statusesComeFromTheProviderAndAFailedSaveChangesNothing(FxRobot robot) throws Exception {
        show(robot, TrendData.horreum());
        SeriesChangePoint first = view.changePoints().get(0);
        robot.interact(() -> view.setReviews(ChangePointReviews.of(Map.of(first.key(),
                new ChangePointReview(ReviewStatus.DISMISSED, "noisy host")))));
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(ReviewStatus.DISMISSED, view.reviewOf(first).status());
        assertTrue(robot.lookup(".status-dismissed").tryQuery().isPresent());
        assertTrue(robot.lookup(".trend-summary").queryLabeled().getText().contains("3 regressions (2 not reviewed)"),
                robot.lookup(".trend-summary").queryLabeled().getText());

        robot.interact(() -> {
            view.setReasonPrompt((cp, status, owner) -> Optional.of("flaky"));
            view.setReviewHandler((cp, status, reason) -> {
                throw new IllegalStateException("the store is read-only");
            });
            skin().table().getSelectionModel().select(3);
        });
        robot.clickOn(".trend-dismiss");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(ReviewStatus.NEW, view.reviewOf(view.changePoints().get(3)).status());
        assertTrue(robot.lookup(".trend-message").queryLabeled().getText().contains("the store is read-only"));
    }

    @Test
    void hoverTooltipShowsTheRunsValueAndLabels(FxRobot robot) throws Exception {
        show(robot, TrendData.horreum());
        String tip = skin().chart().tooltipOfRun(13);
        assertTrue(tip.startsWith("kpi = 208.280\n"), tip); // DisplayUnits.number, as every benchmark view
        assertTrue(tip.contains("datasetid: 1535410"), tip);
        assertTrue(tip.contains("index 13 of 53 runs"), tip);

        Point2D run = skin().runPosition(13).orElseThrow();
        robot.moveTo(view.localToScreen(run.add(0, 20)));
        robot.moveTo(view.localToScreen(run));
        WaitForAsyncUtils.waitForFxEvents();
        Object installed = skin().chartCanvas().getProperties().get("javafx.scene.control.Tooltip");
        assertTrue(installed instanceof javafx.scene.control.Tooltip, "a tooltip on the chart: " + installed);
        assertEquals(tip, ((javafx.scene.control.Tooltip) installed).getText());
    }

    @Test
    void directionsAndOptionsReanalyse(FxRobot robot) throws Exception {
        show(robot, TrendData.horreum());
        robot.interact(() -> view.getViewModel().setDirections(Map.of("kpi", Direction.LOWER_IS_BETTER)));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !view.getViewModel().isBusy()
                && view.getViewModel().getReport().series().lowerIsBetter());
        assertEquals(4, view.getViewModel().getReport().regressions().size());
        robot.interact(() -> view.getViewModel().setOptions(ChangePointOptions.DEFAULTS.withMinMagnitude(0.2)));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !view.getViewModel().isBusy()
                && view.getViewModel().getReport().options().minMagnitude() == 0.2);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(4, markers());
        robot.interact(() -> view.setSeriesSet(null));
        WaitForAsyncUtils.waitForFxEvents();
        assertNull(view.getViewModel().getReport());
        assertEquals(0, markers());
    }

    @Test
    void theLatestAnalysisWinsWhateverOrderTheyFinishIn(FxRobot robot) {
        List<Runnable> queued = new ArrayList<>();
        TrendViewModel vm = new TrendViewModel(queued::add);
        robot.interact(() -> {
            vm.setSeriesSet(TrendData.horreum());
            vm.setSeriesSet(TrendData.otavaSample());
        });
        assertTrue(vm.isBusy());
        assertEquals(2, queued.size());

        queued.get(1).run();
        queued.get(0).run();
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(List.of("metric1", "metric2"), List.copyOf(vm.getReports().keySet()));
        assertEquals("metric1", vm.getSelectedMetric());
        assertFalse(vm.isBusy());
    }

    @Test
    void chartColoursFollowTheTheme(FxRobot robot) throws Exception {
        show(robot, TrendData.horreum());
        java.awt.Color light = (java.awt.Color) skin().chart().plot().getBackgroundPaint();
        java.awt.Color lightText = (java.awt.Color) skin().chart().plot().getDomainAxis().getTickLabelPaint();
        robot.interact(() -> scene.getStylesheets().setAll(FlameGraphPane.DARK_THEME));
        WaitForAsyncUtils.waitForFxEvents();
        java.awt.Color dark = (java.awt.Color) skin().chart().plot().getBackgroundPaint();
        java.awt.Color darkText = (java.awt.Color) skin().chart().plot().getDomainAxis().getTickLabelPaint();

        assertTrue(brightness(light) > 0.9 && brightness(lightText) < 0.35, light + " " + lightText);
        assertTrue(brightness(dark) < 0.2 && brightness(darkText) > 0.7, dark + " " + darkText);
        Platform.runLater(() -> scene.getStylesheets().setAll(FlameGraphPane.LIGHT_THEME));
    }

    private static double brightness(java.awt.Color c) {
        return (0.2126 * c.getRed() + 0.7152 * c.getGreen() + 0.0722 * c.getBlue()) / 255;
    }
}
