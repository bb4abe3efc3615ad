package dev.perfdesk.viewers.flame;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import javafx.scene.Scene;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import dev.perfdesk.core.calltree.FunctionStats;
import dev.perfdesk.core.flame.FlameViewState;
import dev.perfdesk.core.model.Profile;
import dev.perfdesk.core.progress.ProgressMonitor;
import dev.perfdesk.core.spi.CollectingSink;
import dev.perfdesk.importers.jfr.JfrImporter;
import dev.perfdesk.importers.spi.ImportSource;
import dev.perfdesk.viewers.testing.Screenshots;

/** The Lines button: shown for a JFR profile, not for perf; it names frames method:line and back. */
@ExtendWith(ApplicationExtension.class)
class FlameLinesTest {
    private FlameGraphPane pane;

    @Start
    void start(Stage stage) {
        pane = new FlameGraphPane(FlameGraphViewModel.defaultExecutor());
        stage.setScene(new Scene(pane, 1400, 850));
        stage.show();
    }

    private static Profile jfrCpu() throws Exception {
        Path file = Path.of(System.getProperty("perfdesk.sampledata", "../sample-data"), "jfr", "cpu-jdk17.jfr");
        CollectingSink sink = new CollectingSink();
        new JfrImporter().read(ImportSource.of(file), sink, ProgressMonitor.NONE);
        return sink.profiles().stream().filter(p -> p.info().event().equals("jdk.ExecutionSample")).findFirst()
                .orElseThrow();
    }

    private FlameViewState await(boolean lines) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> pane.viewModel().getState() != null
                && pane.viewModel().getState().spec().lines() == lines && !pane.viewModel().busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        return pane.viewModel().getState();
    }

    @Test
    void linesSplitAMethodByLineAndBack(FxRobot robot) throws Exception {
        Profile profile = jfrCpu();
        robot.interact(() -> pane.setProfile(profile));
        FlameViewState plain = await(false);
        assertTrue(pane.linesButton().isVisible());
        assertTrue(plain.functions().stream().noneMatch(f -> f.name().matches(".*:\\d+")));

        robot.clickOn(pane.linesButton());
        FlameViewState withLines = await(true);
        assertEquals(plain.totalWeight(), withLines.totalWeight());
        long hashLoop = plain.functions().stream().filter(f -> f.name().equals("jfrsample.CpuWork.hashLoop"))
                .mapToLong(FunctionStats::self).sum();
        long hashLoopByLine = withLines.functions().stream()
                .filter(f -> f.name().startsWith("jfrsample.CpuWork.hashLoop:")).mapToLong(FunctionStats::self).sum();
        assertTrue(hashLoop > 0);
        assertEquals(hashLoop, hashLoopByLine, "the method's self weight, spread over its lines");
        robot.interact(() -> pane.viewModel().selectedFunctionProperty().set(withLines.functions().get(0).name()));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> Screenshots.save(pane.getScene(), "flame-jfr-lines"));
        robot.interact(() -> pane.viewModel().selectedFunctionProperty().set(null));

        robot.clickOn(pane.linesButton());
        FlameViewState again = await(false);
        assertEquals(plain.functions(), again.functions());
    }

    @Test
    void perfProfilesHaveNoLinesButton(FxRobot robot) throws Exception {
        Profile perf = TestData.perf("perf-vertx-stacks-01.txt");
        robot.interact(() -> pane.setProfile(perf));
        await(false);
        assertFalse(pane.linesButton().isVisible());
    }
}
