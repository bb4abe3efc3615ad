package dev.perfdesk.viewers.flame;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * While a profile's flame graph is being built, the pane says so (a spinner over graph and table, and the empty
 * table reads "Building the flame graph…") instead of "No functions", which reads as an empty result.
 */
@ExtendWith(ApplicationExtension.class)
class FlameGraphLoadingTest {
    private final ConcurrentLinkedQueue<Runnable> held = new ConcurrentLinkedQueue<>();
    private FlameGraphPane pane;

    @Start
    void start(Stage stage) {
        pane = new FlameGraphPane(new FlameGraphViewModel(held::add));
        stage.setScene(new Scene(pane, 1400, 850));
        stage.show();
    }

    @Test
    void saysItIsBuildingUntilTheFirstStateArrives(FxRobot robot) throws Exception {
        robot.interact(() -> pane.setProfile(TestData.perf("perf-vertx-stacks-01.txt")));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(pane.loadingOverlay().isVisible(), "the spinner shows while the state is computed");
        Label placeholder = (Label) pane.functionTable().table().getPlaceholder();
        assertEquals("Building the flame graph…", placeholder.getText());

        for (Runnable r; (r = held.poll()) != null; ) {
            r.run();
        }
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> pane.viewModel().getState() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(pane.loadingOverlay().isVisible());
        assertEquals("No functions", placeholder.getText());
        assertFalse(pane.functionTable().table().getItems().isEmpty());
    }
}
