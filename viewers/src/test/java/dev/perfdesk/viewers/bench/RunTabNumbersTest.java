package dev.perfdesk.viewers.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.geometry.Orientation;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import dev.perfdesk.core.bench.Benchmark;
import dev.perfdesk.core.bench.BenchmarkRun;
import dev.perfdesk.core.bench.DisplayUnits;
import dev.perfdesk.core.bench.SampleStats;
import dev.perfdesk.viewers.flame.FlameGraphPane;

/**
 * The run table and the detail below it read the same: the run opens on a latency distribution, a filter keeps
 * the selection, the charts use the row's unit, the box plot's quartiles are the table's and SLA verdicts are one
 * per series, each coloured as its mark says.
 */
@ExtendWith(ApplicationExtension.class)
class RunTabNumbersTest {
    private RunTableView table;
    private BenchmarkDetailView detail;
    private int selections;

    @Start
    void start(Stage stage) {
        table = new RunTableView();
        detail = new BenchmarkDetailView();
        SplitPane split = new SplitPane(table, detail);
        split.setOrientation(Orientation.VERTICAL);
        Scene scene = new Scene(split, 1400, 880);
        scene.getStylesheets().add(FlameGraphPane.LIGHT_THEME);
        table.selectedRowProperty().addListener((o, was, row) -> {
            selections++;
            detail.setBenchmark("run", row == null ? null : row.benchmark(), row == null ? "" : row.unit());
        });
        stage.setScene(scene);
        stage.show();
    }

    private void showRun(FxRobot robot, BenchmarkRun run) throws Exception {
        robot.interact(() -> table.setRun(run));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> table.rows().size() == run.benchmarks().size()
                && table.getSelectedRow() != null);
        settle();
    }

    private void settle() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !detail.isBusy());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void k6OpensOnTheRequestDurationNotTheRequestCounter(FxRobot robot) throws Exception {
        showRun(robot, BenchData.run("k6", "k6-out-json-http.ndjson"));
        assertEquals("http_req_duration", table.getSelectedBenchmark().displayName());
        assertFalse(detail.percentileChart().curves().isEmpty());
    }

    @Test
    void jmhOpensOnASampleModeRowAndAFilterKeepsIt(FxRobot robot) throws Exception {
        showRun(robot, BenchData.jmh());
        Benchmark opened = table.getSelectedBenchmark();
        assertEquals("sample", opened.mode(), "not a throughput row of three iterations drawn as a distribution");
        assertTrue(opened.figures().hasLatencyDistribution());
        int before = selections;
        robot.interact(() -> table.filterField().setText("sample"));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(opened, table.getSelectedBenchmark(), "the selected row still matches");
        assertEquals(before, selections, "the detail is not reset on the way");
        robot.interact(() -> table.filterField().setText("thrpt"));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(null, table.getSelectedBenchmark(), "no longer shown");
    }

    @Test
    void everyChartUsesTheUnitOfTheBenchmarksRow(FxRobot robot) throws Exception {
        // an HdrHistogram log: the table's unit, not microseconds up to 1,600,000, in every panel
        for (BenchmarkRun run : List.of(BenchData.run("hdr", "tagged-Log.logV2.hlog"), BenchData.jmh(),
                BenchData.run("gbench", "gbench-sort.json"))) {
            showRun(robot, run);
            for (RunTableRow row : table.visibleRows()) {
                if (!row.benchmark().figures().hasLatencyDistribution()) {
                    continue;
                }
                robot.interact(() -> table.select(row.benchmark()));
                settle();
                String unit = DisplayUnits.base(row.unit());
                assertEquals(unit, detail.shownUnit(), row.name());
                assertEquals(unit, detail.percentileChart().unit(), row.name());
                assertTrue(detail.percentileChart().curves().stream()
                        .allMatch(c -> DisplayUnits.base(c.unit()).equals(unit)), row.name());
                String label = detail.percentileChart().chart().getXYPlot().getRangeAxis().getLabel();
                assertEquals("Latency (" + DisplayUnits.label(unit) + ")", label, row.name());
                break;
            }
        }
    }

    @Test
    void boxPlotQuartilesAndMedianAreTheTables(FxRobot robot) throws Exception {
        showRun(robot, BenchData.run("hyperfine", "hyperfine-params.json"));
        RunTableRow row = table.getSelectedRow();
        assertNotNull(row);
        assertEquals("IQR", row.spreadKind(), "raw samples: median and IQR");
        SampleStats box = detail.histogramChart().stats();
        assertEquals(row.p50(), box.median(), Math.abs(row.p50()) * 1e-12);
        assertEquals(row.value(), box.median(), Math.abs(row.value()) * 1e-12);
        assertEquals(row.spread(), box.q3() - box.q1(), Math.abs(row.spread()) * 1e-9);
    }

    @Test
    void slaVerdictsAreOnePerSeriesCompleteAndColouredByTheirMark(FxRobot robot) throws Exception {
        BenchmarkRun run = BenchData.jmh();
        Benchmark big = BenchData.find(run, BenchData.PB + "recordHistogram{size=10000}", "sample", "primary");
        Benchmark small = BenchData.find(run, BenchData.PB + "recordHistogram{size=1000}", "sample", "primary");
        robot.interact(() -> {
            detail.setBenchmark("size=10000", big, "us/op");
            detail.addOverlay("size=1000", small);
        });
        settle();
        robot.interact(() -> detail.setSlaText("p99 < 250 us, p99.9 < 1 ms"));
        settle();
        List<Label> verdicts = detail.slaVerdictLabels();
        assertEquals(2, verdicts.size(), "one verdict per series");
        for (Label v : verdicts) {
            String text = v.getText();
            assertTrue(text.contains("p99 = ") && text.contains("p99.9 = "), "every objective: " + text);
            assertTrue(v.isWrapText());
            boolean met = text.startsWith("✓");
            assertTrue(met || text.startsWith("✗"), text);
            assertTrue(v.getStyleClass().contains(met ? "sla-met" : "sla-missed"), text);
            assertFalse(v.getStyleClass().contains(met ? "sla-missed" : "sla-met"), text);
        }
        assertTrue(verdicts.get(0).getText().startsWith("✗ size=10000: "), verdicts.get(0).getText());
    }
}
