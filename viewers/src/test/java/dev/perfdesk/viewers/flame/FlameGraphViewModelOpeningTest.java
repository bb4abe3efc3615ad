package dev.perfdesk.viewers.flame;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import dev.perfdesk.core.flame.FlameViewState;
import dev.perfdesk.core.model.Profile;
import dev.perfdesk.core.progress.ProgressMonitor;

/** A profile opened with its state computed elsewhere uses that state only where it is the one it would compute. */
@ExtendWith(ApplicationExtension.class)
class FlameGraphViewModelOpeningTest {
    private final Profile profile = TestData.perf("perf-vertx-stacks-01.txt");
    private FlameGraphViewModel model;

    @Start
    void start(Stage stage) {
        model = new FlameGraphViewModel(FlameGraphViewModel.defaultExecutor());
    }

    private FlameViewState open(FxRobot robot, CompletableFuture<FlameViewState> opening) throws Exception {
        robot.interact(() -> model.setProfile(profile, opening));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> model.getState() != null && !model.busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        return model.getState();
    }

    @Test
    void usesTheOpeningStateComputedElsewhere(FxRobot robot) throws Exception {
        FlameViewState computed = FlameGraphViewModel.openingState(profile, ProgressMonitor.NONE);
        assertSame(computed, open(robot, CompletableFuture.completedFuture(computed)));
    }

    @Test
    void computesItselfWhenTheOpeningStateFailed(FxRobot robot) throws Exception {
        FlameViewState state = open(robot, CompletableFuture.failedFuture(new IllegalStateException("no")));
        FlameViewState expected = FlameGraphViewModel.openingState(profile, ProgressMonitor.NONE);
        assertEquals(expected.totalWeight(), state.totalWeight());
        assertEquals(expected.tree().size(), state.tree().size());
        assertEquals("", model.errorProperty().get());
    }

    @Test
    void computesItselfWhenItOpensWithAnotherSpec(FxRobot robot) throws Exception {
        robot.interact(() -> model.setReversed(true));
        FlameViewState computed = FlameGraphViewModel.openingState(profile, ProgressMonitor.NONE);
        FlameViewState state = open(robot, CompletableFuture.completedFuture(computed));
        assertNotSame(computed, state);
        assertTrue(state.spec().reversed() && state.tree().isReversed());
    }
}
