package dev.perfdesk.viewers.flame;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import javafx.scene.Scene;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import dev.perfdesk.core.calltree.CallTree;
import dev.perfdesk.core.calltree.CallTreeNavigation;
import dev.perfdesk.core.flame.FlameViewState;
import dev.perfdesk.viewers.testing.Screenshots;

/**
 * The call tree tab of the flame graph pane on a real Java profile: it opens on the hottest path, expands and
 * collapses from the keyboard, selecting a row selects its function in the function table (with its callers and
 * callees), the search steps through matches, and its numbers are the flame graph's. Screenshots at 1400×880 in
 * both themes: target/screenshots/call-tree-*.png.
 */
@ExtendWith(ApplicationExtension.class)
class CallTreeViewTest {
    private FlameGraphPane pane;
    private Scene scene;

    @Start
    void start(Stage stage) {
        pane = new FlameGraphPane(Runnable::run);
        pane.setProfile(TestData.perf("perf-vertx-stacks-01.txt"));
        pane.showCallTree(true);
        scene = new Scene(pane, 1400, 880);
        scene.getStylesheets().add(FlameGraphPane.LIGHT_THEME);
        stage.setScene(scene);
        stage.show();
    }

    private TreeTableView<Integer> table() {
        return pane.callTree().table();
    }

    private CallTree tree() {
        return pane.callTree().getViewModel().getTree();
    }

    @Test
    void opensOnTheHottestPathWithTheFlameGraphsNumbers(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        FlameViewState state = pane.viewModel().getState();
        assertNotNull(tree());
        TreeItem<Integer> root = table().getRoot();
        assertEquals(CallTree.ROOT, root.getValue());
        assertEquals(state.totalWeight(), table().getColumns().get(0).getCellData(root));
        assertTrue(robot.lookup(".tree-table-cell").queryAll().stream()
                .anyMatch(c -> state.format(state.totalWeight()).equals(((javafx.scene.control.Labeled) c).getText())),
                "the root's total is shown in the profile's unit: " + state.format(state.totalWeight()));
        // Every node on the hottest path is expanded; the last one is where its time is spent.
        int[] hot = CallTreeNavigation.hottestPath(tree(), CallTree.ROOT);
        TreeItem<Integer> item = root;
        for (int k = 1; k < hot.length; k++) {
            assertTrue(item.isExpanded(), tree().name(item.getValue()));
            item = item.getChildren().get(0);
            assertEquals(hot[k], item.getValue(), "the heaviest child comes first");
        }
        // Total % of a top-level row is its share of all, as the flame graph's tooltip says.
        TreeItem<Integer> first = root.getChildren().get(0);
        String share = FlameViewState.percent(tree().total(first.getValue()), state.totalWeight());
        assertTrue(robot.lookup(".tree-table-cell").queryAll().stream()
                .anyMatch(c -> share.equals(((javafx.scene.control.Labeled) c).getText())), share);
    }

    @Test
    void selectingARowSelectsItsFunctionInTheTableWithCallersAndCallees(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        TreeItem<Integer> first = table().getRoot().getChildren().get(0);
        TreeItem<Integer> second = first.getChildren().get(0);
        robot.interact(() -> table().getSelectionModel().select(second));
        WaitForAsyncUtils.waitForFxEvents();
        String name = tree().name(second.getValue());
        assertEquals(name, pane.viewModel().selectedFunctionProperty().get());
        assertEquals(name, pane.functionTable().table().getSelectionModel().getSelectedItem().name());
        assertNotNull(pane.viewModel().butterflyProperty().get(), "callers and callees filled");
    }

    @Test
    void keysCollapseExpandAndExpandTheHottestPath(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        TreeItem<Integer> first = table().getRoot().getChildren().get(0);
        robot.interact(() -> {
            table().getSelectionModel().select(first);
            table().requestFocus();
        });
        robot.type(KeyCode.LEFT);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(first.isExpanded(), "Left collapses");
        robot.type(KeyCode.RIGHT);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(first.isExpanded(), "Right expands");
        robot.interact(pane.callTree()::expandHottestPath);
        TreeItem<Integer> selected = table().getSelectionModel().getSelectedItem();
        int[] path = CallTreeNavigation.hottestPath(tree(), first.getValue());
        assertEquals(path[path.length - 1], selected.getValue(), "the hottest path's end is selected");
    }

    @Test
    void theSearchStepsThroughMatchesAndRevealsThem(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> pane.callTree().searchField().setText("flush"));
        int count = pane.callTree().getViewModel().matchesProperty().get().size();
        assertTrue(count > 1, "several matches");
        Integer firstHit = table().getSelectionModel().getSelectedItem().getValue();
        assertTrue(tree().name(firstHit).contains("flush"), tree().name(firstHit));
        robot.interact(() -> pane.callTree().step(1));
        Integer secondHit = table().getSelectionModel().getSelectedItem().getValue();
        assertTrue(tree().name(secondHit).contains("flush"));
        assertFalse(firstHit.equals(secondHit));
        assertTrue(table().getRow(table().getSelectionModel().getSelectedItem()) >= 0, "revealed in the table");
    }

    @Test
    void screenshots(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        shoot("call-tree-top-down");
        robot.interact(() -> pane.callTree().getViewModel().bottomUpProperty().set(true));
        shoot("call-tree-bottom-up");
        robot.interact(() -> {
            pane.callTree().getViewModel().bottomUpProperty().set(false);
            pane.callTree().searchField().setText("flush");
            scene.getStylesheets().setAll(FlameGraphPane.DARK_THEME);
        });
        shoot("call-tree-search-dark");
    }

    private void shoot(String name) throws Exception {
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        Path file = Screenshots.save(scene, name);
        assertTrue(Files.size(file) > 10_000, name);
    }
}
