package dev.perfdesk.viewers.flame;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
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

import dev.perfdesk.core.calltree.CallTree;
import dev.perfdesk.core.calltree.FunctionStats;
import dev.perfdesk.core.flame.FlameViewState;
import dev.perfdesk.core.flame.Sandwich;
import dev.perfdesk.viewers.testing.Screenshots;

/**
 * The sandwich tab of the flame graph pane on a real Java profile: it follows the function selected anywhere, each
 * half holds the function's total from the function table, and it is reachable from the graph's and the call
 * tree's menus. Screenshots at 1400×880 in both themes: target/screenshots/sandwich-*.png.
 */
@ExtendWith(ApplicationExtension.class)
class SandwichViewTest {
    private FlameGraphPane pane;
    private Scene scene;

    @Start
    void start(Stage stage) {
        pane = new FlameGraphPane(Runnable::run);
        pane.setProfile(TestData.perf("perf-vertx-stacks-01.txt"));
        scene = new Scene(pane, 1400, 880);
        scene.getStylesheets().add(FlameGraphPane.LIGHT_THEME);
        stage.setScene(scene);
        stage.show();
    }

    /** A function called from more than one place, with callees: the interesting middle of a sandwich. */
    private String middle(FlameViewState state) {
        return state.functions().stream().filter(f -> f.name().contains("fireChannelRead")
                && !f.name().contains("Complete")).map(FunctionStats::name).findFirst().orElseThrow();
    }

    @Test
    void followsTheSelectedFunctionWithItsTotalInBothHalves(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        FlameViewState state = pane.viewModel().getState();
        assertNull(pane.sandwich().getViewModel().getSandwich(), "nothing selected yet");
        String fn = middle(state);
        robot.interact(() -> pane.functionTable().table().getSelectionModel().select(state.functions().stream()
                .filter(f -> f.name().equals(fn)).findFirst().orElseThrow()));
        WaitForAsyncUtils.waitForFxEvents();
        Sandwich s = pane.sandwich().getViewModel().getSandwich();
        assertNotNull(s);
        assertEquals(fn, s.function());
        long total = state.totalOfName(state.names().id(fn));
        assertEquals(total, s.callers().totalWeight());
        assertEquals(total, s.callees().totalWeight());
        CallTree callers = pane.sandwich().callers().getState().tree();
        assertEquals(fn, callers.name(callers.firstChild(CallTree.ROOT)), "callers grow from the function");
        assertEquals(-1, callers.nextSibling(callers.firstChild(CallTree.ROOT)));
        shoot("sandwich-light");
        robot.interact(() -> scene.getStylesheets().setAll(FlameGraphPane.DARK_THEME));
        shoot("sandwich-dark");
    }

    @Test
    void theGraphsAndTheCallTreesMenusOpenIt(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        FlameViewState state = pane.viewModel().getState();
        String fn = middle(state);
        robot.interact(() -> pane.showSandwich(fn));
        assertEquals(fn, pane.sandwich().getViewModel().getSandwich().function());
        assertTrue(pane.sandwich().isVisible());
        // From the call tree: its row menu hands the row's function to the pane.
        robot.interact(() -> {
            pane.showCallTree(true);
            var root = pane.callTree().table().getRoot();
            pane.callTree().table().getSelectionModel().select(root.getChildren().get(0));
            pane.callTree().table().getContextMenu().getItems().get(0).fire();
        });
        String first = pane.callTree().getViewModel().getTree().name(
                pane.callTree().table().getRoot().getChildren().get(0).getValue());
        assertEquals(first, pane.sandwich().getViewModel().getSandwich().function());
    }

    private void shoot(String name) throws Exception {
        pane.showSandwich(pane.sandwich().getViewModel().getSandwich().function());
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        Path file = Screenshots.save(scene, name);
        assertTrue(Files.size(file) > 10_000, name);
    }
}
