package dev.perfdesk.viewers.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import javafx.geometry.Bounds;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TitledPane;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import dev.perfdesk.core.report.BenchmarkComparison;
import dev.perfdesk.core.stats.Verdict;
import dev.perfdesk.viewers.flame.FlameGraphPane;

/** A 76-row JMH comparison at 1400x900: regressions on top, a filter that keeps the selection, notes folded. */
@ExtendWith(ApplicationExtension.class)
class RunComparisonLongViewTest {
    private RunComparisonView view;
    private Scene scene;

    @Start
    void start(Stage stage) {
        view = new RunComparisonView(new RunComparisonViewModel(Runnable::run));
        scene = new Scene(view, 1400, 900);
        scene.getStylesheets().add(FlameGraphPane.LIGHT_THEME);
        stage.setScene(scene);
        stage.show();
        view.getViewModel().setRuns("baseline (r1)", JmhComparisonData.baseline(), "candidate (r2)",
                JmhComparisonData.candidate());
    }

    @Test
    void primaryMetricsComeFirstEachKindRegressionsThenImprovements(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        List<BenchmarkComparison> items = view.table().getItems();
        assertEquals(76, items.size());
        int primaries = view.getViewModel().getComparison().primary().size();
        for (List<BenchmarkComparison> group : List.of(items.subList(0, primaries),
                items.subList(primaries, items.size()))) {
            assertEquals(Verdict.REGRESSION, group.get(0).verdict(), group.get(0).key().toString());
            int firstOther = 0;
            while (group.get(firstOther).verdict() == Verdict.REGRESSION) {
                firstOther++;
            }
            int firstRest = firstOther;
            while (firstRest < group.size() && group.get(firstRest).verdict() == Verdict.IMPROVED) {
                firstRest++;
            }
            assertTrue(group.subList(firstRest, group.size()).stream()
                    .noneMatch(b -> b.verdict() == Verdict.REGRESSION || b.verdict() == Verdict.IMPROVED),
                    "regressions, then improvements, then the rest");
        }
        assertFalse(view.table().lookupAll(".table-row-cell").isEmpty());
    }

    @Test
    void sortingByChangeSortsByTheNumber(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            var change = view.table().getColumns().stream().filter(c -> c.getText().equals("Change")).findFirst()
                    .orElseThrow();
            view.table().getSortOrder().setAll(List.of(change));
        });
        List<BenchmarkComparison> items = view.table().getItems();
        for (int i = 1; i < items.size(); i++) {
            assertTrue(items.get(i - 1).comparison().change() <= items.get(i).comparison().change(), "row " + i);
        }
        robot.interact(() -> view.table().getSortOrder().clear());
        assertEquals(view.getViewModel().rows(), List.copyOf(view.table().getItems()), "back to report order");
    }

    @Test
    void filterKeepsTheSelectionWhileItMatches(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        BenchmarkComparison queue = view.table().getItems().stream()
                .filter(b -> b.key().name().contains("QueueBench.offerPoll:sample") && b.key().params().get("threads")
                        .equals("4")).findFirst().orElseThrow();
        robot.interact(() -> view.table().getSelectionModel().select(queue));
        robot.clickOn(".comparison-filter").write("queue");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(8, view.table().getItems().size());
        assertEquals(queue, view.table().getSelectionModel().getSelectedItem());
        assertEquals(queue, view.getViewModel().selectedProperty().get());
        robot.interact(() -> view.getViewModel().filterProperty().set(""));
        assertEquals(76, view.table().getItems().size());
        assertEquals(queue, view.table().getSelectionModel().getSelectedItem());
    }

    @Test
    void noteGroupsAreCollapsedWithTheirCounts(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        List<TitledPane> groups = view.lookupAll(".note-group").stream().map(n -> (TitledPane) n).toList();
        assertEquals(view.getViewModel().noteGroups().size(), groups.size());
        assertTrue(groups.size() >= 2);
        assertTrue(groups.stream().noneMatch(TitledPane::isExpanded), "collapsed by default");
        TitledPane fewSamples = groups.stream().filter(g -> g.getStyleClass().contains("note-too-few-samples"))
                .findFirst().orElseThrow();
        assertTrue(fewSamples.getText().startsWith("12 benchmarks"), fewSamples.getText());
        robot.interact(() -> fewSamples.setExpanded(true));
        assertTrue(fewSamples.isExpanded());
    }

    @Test
    void theSplitterGivesTheTableRoomAndTheChartIsFullyVisible(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        SplitPane split = (SplitPane) view.lookup(".comparison-split");
        assertNotNull(split);
        assertEquals(Orientation.VERTICAL, split.getOrientation());
        assertTrue(split.getDividerPositions()[0] > 0.5, "the table gets the room");
        Bounds table = view.table().localToScene(view.table().getLayoutBounds());
        assertTrue(table.getHeight() > 300, "rows to read: " + table);
        Node chart = view.chart();
        Bounds b = chart.localToScene(chart.getLayoutBounds());
        assertTrue(b.getHeight() > 200, "chart height " + b);
        assertTrue(b.getMinY() >= table.getMaxY() && b.getMaxY() <= scene.getHeight()
                && b.getMaxX() <= scene.getWidth(), "chart within the window: " + b);
        assertEquals(2, view.chart().curveCount());
    }
}
