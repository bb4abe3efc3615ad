package dev.perfdesk.viewers.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import dev.perfdesk.core.model.Timeline;
import dev.perfdesk.core.timeline.ActivityHistogram;

/** The per-thread timeline: lanes tall enough to see, a click on a lane selects its thread, a drag a range. */
@ExtendWith(ApplicationExtension.class)
class TimelineStripTest {
    private TimelineStrip strip;
    private ActivityHistogram histogram;

    @Start
    void start(Stage stage) {
        int n = 3000;
        long[] times = new long[n];
        int[] stacks = new int[n];
        int[] threads = new int[n];
        long[] weights = new long[n];
        for (int i = 0; i < n; i++) {
            times[i] = i * 1_000_000L;
            threads[i] = i % 3;
            weights[i] = 1;
        }
        histogram = ActivityHistogram.of(new Timeline(times, stacks, threads, weights), 300, 8, t -> true);
        strip = new TimelineStrip();
        strip.setThreadNames(List.of("hasher (12665/12667) worker with a long name", "io (12723/12762)",
                "main (12700/12700)")::get);
        strip.setHistogram(histogram);
        strip.setPerThread(true);
        stage.setScene(new Scene(new VBox(strip), 1000, 300));
        stage.show();
    }

    private Point2D laneCentre(int lane) {
        Bounds b = strip.localToScreen(strip.getBoundsInLocal());
        double laneH = (b.getHeight() - TimelineStrip.LABEL_BAND - TimelineStrip.AXIS) / histogram.lanes().size();
        return new Point2D(b.getMinX() + b.getWidth() * 0.6,
                b.getMinY() + TimelineStrip.LABEL_BAND + laneH * (lane + 0.5));
    }

    @Test
    void lanesAreTallAndAClickSelectsTheLanesThread(FxRobot robot) {
        assertEquals(3, histogram.lanes().size());
        assertTrue(strip.getHeight() >= 3 * TimelineStrip.LANE_HEIGHT + TimelineStrip.AXIS, "height "
                + strip.getHeight());
        int thread = histogram.lanes().get(1).thread();
        robot.clickOn(laneCentre(1));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(thread, strip.getSelectedThread());
        assertNull(strip.getSelection(), "a click selects no range");
        robot.sleep(800); // not a double click, which clears the range
        robot.clickOn(laneCentre(1));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(-1, strip.getSelectedThread(), "a second click shows all threads again");
    }

    @Test
    void aDragSelectsARangeAndKeepsTheThread(FxRobot robot) {
        Point2D from = laneCentre(0).subtract(200, 0);
        robot.drag(from).moveTo(from.add(150, 0)).release(javafx.scene.input.MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertNotNull(strip.getSelection());
        assertEquals(-1, strip.getSelectedThread());
    }
}
