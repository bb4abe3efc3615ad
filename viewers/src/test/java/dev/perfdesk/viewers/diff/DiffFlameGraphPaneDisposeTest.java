package dev.perfdesk.viewers.diff;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ExecutorService;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

import dev.perfdesk.viewers.flame.FlameGraphViewModel;

/** The diff pane shuts down the executor it created itself when disposed, and leaves one it was given to its owner. */
@ExtendWith(ApplicationExtension.class)
class DiffFlameGraphPaneDisposeTest {
    @Test
    void theDiffPaneShutsDownOnlyItsOwnExecutor(FxRobot robot) {
        ExecutorService own = FlameGraphViewModel.defaultExecutor();
        ExecutorService given = FlameGraphViewModel.defaultExecutor();
        robot.interact(() -> {
            new DiffFlameGraphPane(own, true).dispose();
            new DiffFlameGraphPane(given).dispose();
        });
        assertTrue(own.isShutdown());
        assertFalse(given.isShutdown());
        given.shutdownNow();
    }
}
