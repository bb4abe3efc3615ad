package dev.perfdesk.viewers.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import javafx.geometry.Bounds;
import javafx.geometry.Orientation;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableRow;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import dev.perfdesk.core.bench.Benchmark;
import dev.perfdesk.core.bench.BenchmarkRun;
import dev.perfdesk.core.bench.DisplayUnits;
import dev.perfdesk.core.bench.Distribution;
import dev.perfdesk.core.bench.IntervalHistograms;
import dev.perfdesk.core.bench.LatencyBuckets;
import dev.perfdesk.core.bench.TimedPoints;
import dev.perfdesk.core.report.PercentileCurve;
import dev.perfdesk.core.timeline.TimeRange;
import dev.perfdesk.viewers.flame.FlameGraphPane;

/** The run table and the benchmark detail on the sample files, driven with the mouse and keyboard. */
@ExtendWith(ApplicationExtension.class)
class BenchViewsTest {
    private RunTableView table;
    private BenchmarkDetailView detail;

    @Start
    void start(Stage stage) {
        // background threads, as in the app: results arrive later, in one step
        table = new RunTableView();
        detail = new BenchmarkDetailView();
        SplitPane split = new SplitPane(table, detail);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.4);
        Scene scene = new Scene(split, 1400, 950);
        scene.getStylesheets().add(FlameGraphPane.LIGHT_THEME);
        table.selectedBenchmarkProperty().addListener((o, was, b) -> detail.setBenchmark("jmh", b));
        stage.setScene(scene);
        stage.show();
    }

    private void settle() throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !detail.isBusy());
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.sleep(150, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void showRun(FxRobot robot, BenchmarkRun run) throws Exception {
        robot.interact(() -> table.setRun(run));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> table.rows().size() == run.benchmarks().size());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private TreeTableRow<?> rowNodeOf(FxRobot robot, Benchmark b) {
        return robot.lookup(".tree-table-row-cell").queryAllAs(TreeTableRow.class).stream()
                .filter(r -> r.getItem() instanceof RunTableView.Item && !((RunTableView.Item) r.getItem()).isGroup()
                        && ((RunTableView.Item) r.getItem()).row().benchmark() == b)
                .findFirst().orElseThrow(() -> new AssertionError("no row shown for " + b));
    }

    private static List<String> cellTexts(TreeTableRow<?> row) {
        return row.getChildrenUnmodifiable().stream().filter(n -> n instanceof TreeTableCell)
                .map(n -> ((TreeTableCell<?, ?>) n).getText()).collect(Collectors.toList());
    }

    @Test
    void runTableShowsJmhRowsWithValuesAndUnitsAsJmhPrintsThem(FxRobot robot) throws Exception {
        BenchmarkRun run = BenchData.jmh();
        showRun(robot, run);
        Benchmark sample = BenchData.jmhSample();
        Benchmark same = run.benchmarks().stream().filter(b -> b.key().equals(sample.key())).findFirst().orElseThrow();
        robot.interact(() -> table.select(same));
        WaitForAsyncUtils.waitForFxEvents();
        // console: PercentileBenchmark.sortRawSamples  10000  sample  3938  763.234 ± 40.515  us/op
        List<String> cells = cellTexts(rowNodeOf(robot, same));
        assertEquals(List.of("PercentileBenchmark.sortRawSamples", "sample", "", "763.234", "± 40.515", "µs/op",
                "3,938"), cells.subList(0, 7), cells.toString());
        assertTrue(cells.get(7).startsWith("604."), "p50 from the histogram: " + cells);
        assertEquals(List.of("size=1000", "size=10000"), table.table().getRoot().getChildren().stream()
                .map(g -> g.getValue().group()).sorted().toList(), "grouped by params");
    }

    @Test
    void selectingARowShowsItsDetailAndFilterNarrowsTheTable(FxRobot robot) throws Exception {
        BenchmarkRun run = BenchData.jmh();
        showRun(robot, run);
        robot.interact(() -> table.filterField().setText("recordHistogram 10000 sampl"));
        robot.clickOn(table.filterField()).press(javafx.scene.input.KeyCode.END).release(javafx.scene.input.KeyCode.END)
                .write("e");
        WaitForAsyncUtils.waitForFxEvents();
        List<RunTableRow> visible = table.visibleRows();
        assertFalse(visible.isEmpty());
        assertTrue(visible.stream().allMatch(r -> r.mode().equals("sample") && r.group().equals("size=10000")),
                visible.toString());
        Benchmark primary = visible.stream().filter(r -> r.metric().equals(Benchmark.PRIMARY)).findFirst()
                .orElseThrow().benchmark();
        robot.clickOn(rowNodeOf(robot, primary));
        settle();
        assertEquals(primary, detail.mainProperty().get().benchmark());
        assertEquals(1, detail.percentileChart().curves().size());
        assertEquals(primary.count(), detail.percentileChart().curves().get(0).count());
        assertEquals("us", detail.shownUnit(), "a p50 of tens of us reads best in us");
        assertEquals(1, detail.boxPlotChart().boxCount());
        assertNotNull(detail.histogramChart().stats());
        assertFalse(detail.showsLatencyOverTime(), "JMH has no timestamped points");
    }

    @Test
    void overlayAddsASecondSeriesAndSlaIsJudgedPerSeries(FxRobot robot) throws Exception {
        BenchmarkRun run = BenchData.jmh();
        Benchmark big = BenchData.find(run, BenchData.PB + "recordHistogram{size=10000}", "sample", "primary");
        Benchmark small = BenchData.find(run, BenchData.PB + "recordHistogram{size=1000}", "sample", "primary");
        robot.interact(() -> detail.setBenchmark("size=10000", big));
        settle();
        assertEquals(1, detail.percentileChart().chart().getXYPlot().getDataset().getSeriesCount());
        robot.interact(() -> detail.addOverlay("size=1000", small));
        settle();
        assertEquals(2, detail.percentileChart().chart().getXYPlot().getDataset().getSeriesCount());
        assertEquals(List.of("size=10000", "size=1000"), detail.percentileChart().curves().stream()
                .map(PercentileCurve::label).toList());
        assertEquals(2, detail.boxPlotChart().boxCount());
        robot.clickOn(detail.slaField()).write("p99 < 250 us");
        WaitForAsyncUtils.waitForFxEvents();
        List<SlaResult> results = detail.percentileChart().slaResults();
        assertEquals(2, results.size());
        assertFalse(results.get(0).passes(), "size=10000: p99 of 323 us");
        assertTrue(results.get(1).passes(), "size=1000: p99 of 212 us");
        assertTrue(detail.slaStatusLabel().getStyleClass().contains("sla-missed"));
        robot.interact(() -> detail.setSlaText("p99 < banana"));
        assertTrue(detail.slaStatusLabel().getText().contains("not an objective"), detail.slaStatusLabel().getText());
        assertTrue(detail.percentileChart().slas().isEmpty());
    }

    @Test
    void draggingOnLatencyOverTimeChartsThatRangesPercentiles(FxRobot robot) throws Exception {
        Benchmark d = BenchData.find(BenchData.run("k6", "k6-out-json-http.ndjson"), "http_req_duration", "",
                Benchmark.PRIMARY);
        robot.interact(() -> detail.setBenchmark("k6", d));
        settle();
        assertTrue(detail.showsLatencyOverTime());
        assertEquals(40, detail.percentileChart().curves().get(0).count());
        TimedPoints points = d.points();
        long first = points.timesNanos()[0];
        long last = java.util.Arrays.stream(points.timesNanos()).max().orElseThrow();
        LatencyOverTimeChart chart = detail.latencyChart();
        double x1 = chart.xOf(first + (last - first) / 4);
        double x2 = chart.xOf(first + (last - first) * 3 / 4);
        assertFalse(Double.isNaN(x1));
        javafx.scene.canvas.Canvas canvas = robot.lookup(".latency-over-time-chart .chart-canvas").queryAs(
                javafx.scene.canvas.Canvas.class);
        Bounds b = canvas.localToScreen(canvas.getBoundsInLocal());
        double y = b.getMinY() + b.getHeight() / 2;
        robot.drag(new Point2D(b.getMinX() + x1, y), MouseButton.PRIMARY).moveTo(new Point2D(b.getMinX() + x2, y))
                .release(MouseButton.PRIMARY);
        settle();
        TimeRange range = detail.rangeProperty().get();
        assertNotNull(range, "the drag selected a range");
        Distribution inRange = LatencyBuckets.distributionIn(points, d.unit(), range);
        assertTrue(inRange.totalCount() > 5 && inRange.totalCount() < 40, "about half the points: " + inRange
                .totalCount());
        PercentileCurve shown = detail.percentileChart().curves().get(0);
        assertEquals(inRange.totalCount(), shown.count(), "the percentile chart holds the range's points only");
        assertEquals(inRange.percentile(90), shown.valueAt(90) / DisplayUnits.factor(d.unit(), shown.unit()),
                1e-9);
        assertTrue(shown.label().contains("·"), "the legend names the range: " + shown.label());
        robot.interact(() -> detail.rangeProperty().set(null));
        settle();
        assertEquals(40, detail.percentileChart().curves().get(0).count());
        assertNull(detail.rangeProperty().get());
    }

    @Test
    void hdrLogIntervalsAreChartedOverTimeAndARangeChartsTheirMerge(FxRobot robot) throws Exception {
        Benchmark hlog = BenchData.run("hdr", "tagged-Log.logV2.hlog").benchmarks().get(0);
        IntervalHistograms intervals = hlog.intervals();
        robot.interact(() -> detail.setBenchmark("hlog", hlog));
        settle();
        assertTrue(detail.showsLatencyOverTime());
        LatencyBuckets buckets = detail.latencyChart().buckets();
        assertTrue(buckets.ofIntervals());
        assertEquals(List.of(50.0, 90.0, 99.0), java.util.Arrays.stream(buckets.percentiles()).boxed().toList(),
                "the chosen percentiles, not the interval maxima");
        assertEquals("ms", buckets.unit(), "0.3 ms to 1.5 s over time reads best in ms (the median alone: µs)");
        assertEquals(intervals.histogram(9).getValueAtPercentile(99) / 1e6, buckets.value(2, 9), 1e-9,
                "the hiccup's own p99");
        robot.interact(() -> detail.logScaleBox().setSelected(true));
        assertTrue(detail.latencyChart().isLogScale() && detail.percentileChart().isLogScale());
        robot.interact(() -> detail.logScaleBox().setSelected(false));
        assertEquals(hlog.distribution().totalCount(), detail.percentileChart().curves().get(0).count());

        TimeRange range = new TimeRange(intervals.startNanos(11), intervals.startNanos(16) + 1);
        robot.interact(() -> detail.rangeProperty().set(range));
        settle();
        Histogram merged = intervals.merge(range);
        PercentileCurve shown = detail.percentileChart().curves().get(0);
        assertEquals(merged, shown.distribution().histogram(), "intervals 11 to 16, merged");
        assertEquals(merged.getTotalCount(), shown.count());
        for (double p : new double[] {50, 90, 99, 99.9, 100}) {
            assertEquals(merged.getValueAtPercentile(p) / 1e6, shown.valueAt(p) / DisplayUnits.factor("ms",
                    shown.unit()), 1e-9, "p" + p);
        }
        assertTrue(shown.label().endsWith(", 6 intervals"), shown.label());

        robot.interact(() -> detail.rangeProperty().set(new TimeRange(intervals.startNanos(11) + 1,
                intervals.startNanos(12))));
        settle();
        assertTrue(detail.percentileChart().curves().isEmpty(), "no interval starts in it");
        String summary = ((javafx.scene.control.Label) detail.lookup(".detail-summary")).getText();
        assertTrue(summary.contains("No interval starts in the selected range"), summary);
    }

    @Test
    void anHdrLogStoredWithIntervalMaximaOnlyDrawsTheMaxAndARangeDoesNotRechart(FxRobot robot) throws Exception {
        // what an older Perfdesk stored: interval maxima as points, no interval histograms
        Benchmark imported = BenchData.run("hdr", "tagged-Log.logV2.hlog").benchmarks().get(0);
        TimedPoints.Builder maxima = new TimedPoints.Builder();
        for (int i = 0; i < imported.intervals().size(); i++) {
            maxima.add(imported.intervals().startNanos(i), imported.intervals().histogram(i).getMaxValue() / 1e6,
                    java.util.Map.of());
        }
        Benchmark hlog = imported.toBuilder().intervals(null).points(maxima.build()).build();
        robot.interact(() -> detail.setBenchmark("hlog", hlog));
        settle();
        assertTrue(detail.showsLatencyOverTime());
        assertEquals(List.of(100.0), java.util.Arrays.stream(detail.latencyChart().buckets().percentiles()).boxed()
                .toList(), "the max of interval maxima is the max; their percentiles are not latency percentiles");
        long all = hlog.distribution().totalCount();
        assertEquals(all, detail.percentileChart().curves().get(0).count());
        long t0 = hlog.points().timeNanos(0);
        robot.interact(() -> detail.rangeProperty().set(new TimeRange(t0, t0 + 5_000_000_000L)));
        settle();
        assertEquals(all, detail.percentileChart().curves().get(0).count(), "the whole run's histogram stays");
    }

    @Test
    void exportsEveryChartAsPngAndSvg(FxRobot robot, @TempDir Path dir) throws Exception {
        Benchmark jtl = BenchData.find(BenchData.run("jtl", "jmeter-results.jtl"), "GET /", "", Benchmark.PRIMARY);
        robot.interact(() -> detail.setBenchmark("jtl", jtl));
        settle();
        robot.interact(() -> {
            try {
                detail.exportAll(dir, 900, 560);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        List<Path> written;
        try (java.util.stream.Stream<Path> s = Files.list(dir)) {
            written = s.sorted().toList();
        }
        assertEquals(8, written.size(), "four charts, PNG and SVG: " + written);
        for (Path p : written) {
            if (p.toString().endsWith(".svg")) {
                String svg = Files.readString(p);
                assertTrue(svg.startsWith("<svg") || svg.contains("<svg "), p.toString());
            } else {
                byte[] head = java.util.Arrays.copyOf(Files.readAllBytes(p), 4);
                assertEquals((byte) 0x89, head[0], p + " is a PNG");
            }
            assertTrue(Files.size(p) > 2000, p.toString());
        }
    }
}
