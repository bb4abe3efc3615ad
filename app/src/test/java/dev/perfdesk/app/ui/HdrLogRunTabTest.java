package dev.perfdesk.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.canvas.Canvas;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import dev.perfdesk.app.service.ImportService;
import dev.perfdesk.core.bench.Benchmark;
import dev.perfdesk.core.bench.DisplayUnits;
import dev.perfdesk.core.bench.IntervalHistograms;
import dev.perfdesk.core.bench.LatencyBuckets;
import dev.perfdesk.core.progress.ProgressMonitor;
import dev.perfdesk.core.report.PercentileCurve;
import dev.perfdesk.core.timeline.TimeRange;
import dev.perfdesk.store.Store;
import dev.perfdesk.store.StoredRun;
import dev.perfdesk.viewers.bench.BenchmarkDetailView;
import dev.perfdesk.viewers.bench.LatencyOverTimeChart;

/**
 * An HdrHistogram log's run in the window, read back from the store: latency over time at the chosen percentiles
 * from its interval histograms, and a time range dragged with the mouse re-charts the percentile chart as the merge
 * of the intervals that start in it. Leaves target/screenshots/hlog-latency-over-time-range.png.
 */
@ExtendWith(ApplicationExtension.class)
class HdrLogRunTabTest {
    static final double[] PERCENTILES = {0, 50, 90, 99, 99.9, 100};

    @TempDir
    static Path dir;

    Store store;
    MainView view;
    Stage stage;
    StoredRun stored;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        store = Store.open(dir.resolve("store-" + System.nanoTime() + ".db"));
        Path hlog = Path.of(System.getProperty("perfdesk.sampledata", "../sample-data"), "bench", "hdr",
                "tagged-Log.logV2.hlog");
        stored = new ImportService(store).importFile(hlog, null, ProgressMonitor.NONE).runs().get(0);
        view = AppTesting.showMainView(stage, store, dir);
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        AppTesting.waitUntil(condition);
    }

    private static void settle(BenchmarkDetailView detail) throws Exception {
        waitUntil(() -> !detail.isBusy());
        WaitForAsyncUtils.sleep(200, TimeUnit.MILLISECONDS);
        waitUntil(() -> !detail.isBusy());
    }

    @Test
    void aDraggedRangeChartsTheMergedIntervalsThatStartInIt(FxRobot robot) throws Exception {
        waitUntil(() -> !view.library().allEntries().isEmpty());
        robot.interact(() -> view.open(LibraryEntry.of(stored)));
        waitUntil(() -> view.tabs().getSelectionModel().getSelectedItem() instanceof RunTab
                && ((RunTab) view.tabs().getSelectionModel().getSelectedItem()).view() != null);
        RunTab.RunView rv = ((RunTab) view.tabs().getSelectionModel().getSelectedItem()).view();
        waitUntil(() -> rv.table().rows().size() == 2);
        Benchmark untagged = rv.run().benchmarks().get(0);
        IntervalHistograms intervals = untagged.intervals();
        assertNotNull(intervals, "the store gives the run back with its interval histograms");
        assertEquals(21, intervals.size());
        BenchmarkDetailView detail = rv.detail();
        robot.interact(() -> rv.table().select(untagged));
        waitUntil(() -> detail.mainProperty().get() != null && detail.showsLatencyOverTime()
                && detail.latencyChart().buckets() != null);
        settle(detail);

        LatencyBuckets buckets = detail.latencyChart().buckets();
        assertTrue(buckets.ofIntervals());
        assertEquals(3, buckets.percentiles().length, "p50, p90 and p99 by default");
        for (int i = 0; i < buckets.size(); i++) {
            Histogram bucket = intervals.merge(new TimeRange(buckets.startNanos(i),
                    buckets.startNanos(i) + buckets.bucketNanos()));
            for (int p = 0; p < buckets.percentiles().length; p++) {
                assertEquals(bucket.getValueAtPercentile(buckets.percentiles()[p]) / intervals.scale()
                        * DisplayUnits.factor(intervals.unit(), buckets.unit()), buckets.value(p, i), 1e-9);
            }
        }
        PercentileCurve whole = detail.percentileChart().curves().get(0);
        assertEquals(intervals.totalCount(), whole.count());

        // drag from halfway between the starts of intervals 11 and 12 to halfway between 17 and 18: 12 to 17
        LatencyOverTimeChart chart = detail.latencyChart();
        double x1 = chart.xOf((intervals.startNanos(11) + intervals.startNanos(12)) / 2);
        double x2 = chart.xOf((intervals.startNanos(17) + intervals.startNanos(18)) / 2);
        Canvas canvas = robot.from(chart).lookup(".chart-canvas").queryAs(Canvas.class);
        Bounds b = canvas.localToScreen(canvas.getBoundsInLocal());
        double y = b.getMinY() + b.getHeight() / 2;
        robot.drag(new Point2D(b.getMinX() + x1, y), MouseButton.PRIMARY)
                .moveTo(new Point2D(b.getMinX() + x2, y)).release(MouseButton.PRIMARY);
        waitUntil(() -> detail.rangeProperty().get() != null);
        settle(detail);

        TimeRange range = detail.rangeProperty().get();
        assertEquals(12, intervals.firstStartingAtOrAfter(range.from()), "the range starts before interval 12");
        assertEquals(18, intervals.firstStartingAtOrAfter(range.to()), "and ends before interval 18 starts");
        Histogram merged = intervals.merge(range);
        PercentileCurve shown = detail.percentileChart().curves().get(0);
        assertEquals(merged, shown.distribution().histogram(), "the percentile chart is the merge of 12 to 17");
        assertEquals(merged.getTotalCount(), shown.count());
        double factor = DisplayUnits.factor(intervals.unit(), shown.unit());
        for (double p : PERCENTILES) {
            assertEquals(merged.getValueAtPercentile(p) / intervals.scale() * factor, shown.valueAt(p), 1e-9,
                    "p" + p);
        }
        assertTrue(shown.label().endsWith(", 6 intervals"), shown.label());

        robot.interact(() -> {
            detail.logScaleBox().setSelected(true);
            detail.setSlaText("p99 < 1 ms");
        });
        settle(detail);
        robot.interact(() -> {
            try {
                Screenshots.write(stage.getScene(), "hlog-latency-over-time-range");
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
    }
}
