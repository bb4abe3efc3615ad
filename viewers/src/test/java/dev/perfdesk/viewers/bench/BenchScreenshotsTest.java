package dev.perfdesk.viewers.bench;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import javafx.geometry.Orientation;
import javafx.scene.Scene;
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
import dev.perfdesk.core.bench.IntervalHistograms;
import dev.perfdesk.core.bench.TimedPoints;
import dev.perfdesk.core.timeline.TimeRange;
import dev.perfdesk.viewers.flame.FlameGraphPane;
import dev.perfdesk.viewers.testing.Screenshots;

/** Screenshots of the benchmark views for review: target/screenshots/bench-*.png. */
@ExtendWith(ApplicationExtension.class)
class BenchScreenshotsTest {
    private RunTableView table;
    private BenchmarkDetailView detail;
    private Scene scene;
    private String label = "";

    @Start
    void start(Stage stage) {
        table = new RunTableView(Runnable::run);
        detail = new BenchmarkDetailView(Runnable::run);
        SplitPane split = new SplitPane(table, detail);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.42);
        scene = new Scene(split, 1500, 980);
        scene.getStylesheets().add(FlameGraphPane.LIGHT_THEME);
        table.selectedBenchmarkProperty().addListener((o, was, b) -> detail.setBenchmark(label, b));
        stage.setScene(scene);
        stage.show();
    }

    private Path shoot(String name) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        Path file = Screenshots.save(scene, name);
        assertTrue(Files.size(file) > 10_000, name);
        return file;
    }

    private void theme(FxRobot robot, String sheet) {
        robot.interact(() -> scene.getStylesheets().setAll(sheet));
    }

    @Test
    void screenshots(FxRobot robot) throws Exception {
        BenchmarkRun jmh = BenchData.jmh();
        label = jmh.name();
        robot.interact(() -> table.setRun(jmh));
        Benchmark big = BenchData.find(jmh, BenchData.PB + "recordHistogram{size=10000}", "sample", "primary");
        Benchmark small = BenchData.find(jmh, BenchData.PB + "recordHistogram{size=1000}", "sample", "primary");
        robot.interact(() -> table.select(small));
        robot.interact(() -> table.table().scrollTo(0));
        shoot("bench-run-table-light");

        robot.interact(() -> {
            detail.setBenchmark("recordHistogram size=10000", big);
            detail.addOverlay("recordHistogram size=1000", small);
            detail.setSlaText("p99 < 250 us");
            detail.logScaleBox().setSelected(true);
        });
        shoot("bench-percentile-overlay-sla-light");
        theme(robot, FlameGraphPane.DARK_THEME);
        shoot("bench-percentile-overlay-sla-dark");
        theme(robot, FlameGraphPane.LIGHT_THEME);

        Benchmark k6 = BenchData.find(BenchData.run("k6", "k6-out-json-http.ndjson"), "http_req_duration", "",
                Benchmark.PRIMARY);
        robot.interact(() -> {
            detail.logScaleBox().setSelected(false);
            detail.setBenchmark("k6-out-json-http.ndjson", k6);
            detail.setSlaText("p95 < 40 ms");
        });
        TimedPoints p = k6.points();
        long first = java.util.Arrays.stream(p.timesNanos()).min().orElseThrow();
        long last = java.util.Arrays.stream(p.timesNanos()).max().orElseThrow();
        robot.interact(() -> detail.rangeProperty().set(new TimeRange(first + (last - first) * 45 / 100,
                first + (last - first) * 85 / 100)));
        assertNotNull(detail.rangeProperty().get());
        shoot("bench-latency-over-time-range-light");

        BenchmarkRun hdr = BenchData.run("hdr", "tagged-Log.logV2.hlog");
        label = hdr.name();
        robot.interact(() -> {
            table.setRun(hdr);
            table.select(hdr.benchmarks().get(0));
            detail.setSlaText("p99 < 1 ms");
            detail.logScaleBox().setSelected(true);
        });
        IntervalHistograms intervals = hdr.benchmarks().get(0).intervals();
        robot.interact(() -> detail.rangeProperty().set(new TimeRange(intervals.startNanos(11),
                intervals.startNanos(18))));
        assertNotNull(detail.rangeProperty().get());
        shoot("bench-hlog-latency-over-time-range-light");
    }
}
