package dev.perfdesk.viewers.flame;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import javax.xml.parsers.DocumentBuilderFactory;

import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.paint.Color;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import dev.perfdesk.core.calltree.CallTree;
import dev.perfdesk.core.calltree.FunctionStats;
import dev.perfdesk.core.calltree.NamedStacks;
import dev.perfdesk.core.flame.FlameSearch;
import dev.perfdesk.core.flame.FlameViewState;
import dev.perfdesk.core.flame.SearchQuery;
import dev.perfdesk.core.flame.StackTransform;
import dev.perfdesk.core.flame.StackTransforms;
import dev.perfdesk.core.model.Profile;
import dev.perfdesk.core.naming.FrameNamers;
import dev.perfdesk.core.progress.ProgressMonitor;

/** The flame graph pane on a real Java perf profile, driven as a person would. */
@ExtendWith(ApplicationExtension.class)
class FlameGraphPaneTest {
    private final Profile profile = TestData.perf("perf-vertx-stacks-01.txt");
    private FlameGraphPane pane;

    @Start
    void start(Stage stage) {
        pane = new FlameGraphPane(FlameGraphViewModel.defaultExecutor());
        pane.setProfile(profile);
        stage.setScene(new Scene(pane, 1400, 850));
        stage.show();
    }

    private FlameViewState awaitState() throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> pane.viewModel().getState() != null
                && !pane.viewModel().busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        return pane.viewModel().getState();
    }

    /** The heaviest node {@code depth} levels below the root. */
    private static int heaviest(CallTree tree, int depth) {
        int node = CallTree.ROOT;
        for (int d = 0; d < depth; d++) {
            int best = -1;
            for (int c = tree.firstChild(node); c >= 0; c = tree.nextSibling(c)) {
                if (best < 0 || tree.total(c) > tree.total(best)) {
                    best = c;
                }
            }
            node = best;
        }
        return node;
    }

    private Point2D centre(int node) {
        Rectangle2D r = pane.graph().frameBounds(node).orElseThrow(() -> new AssertionError("frame not visible"));
        return pane.graph().localToScreen(r.getMinX() + Math.min(20, r.getWidth() / 2), r.getMinY() + r.getHeight() / 2);
    }

    private List<String> crumbs() {
        return pane.breadcrumb().getChildren().stream().filter(n -> n instanceof Button)
                .map(n -> ((Button) n).getText()).toList();
    }

    private String currentCrumb() {
        for (Node n : pane.breadcrumb().getChildren()) {
            if (n.getStyleClass().contains("current")) {
                return ((Button) n).getText();
            }
        }
        return null;
    }

    @Test
    void aFunctionNameCellShowsTheWholeNameAsATooltipOnceHovered(FxRobot robot) throws Exception {
        awaitState();
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.TableCell<?, ?> cell = robot.lookup(".function-table-view .table-row-cell .table-cell")
                .match(n -> n instanceof javafx.scene.control.TableCell<?, ?> c && !c.isEmpty()
                        && c.getTableColumn().getText().equals("Function"))
                .query();
        assertEquals(null, cell.getTooltip(), "no tooltip window before the mouse comes");
        robot.moveTo(cell);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(String.valueOf(cell.getItem()), cell.getTooltip().getText());
    }

    @Test
    void clickingAFrameZoomsAndShowsTheBreadcrumb(FxRobot robot) throws Exception {
        FlameViewState state = awaitState();
        CallTree tree = state.tree();
        int target = heaviest(tree, 3);
        assertEquals(List.of("all"), crumbs());
        robot.clickOn(centre(target));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(target, pane.graph().getZoomNode());
        List<String> expected = new ArrayList<>(List.of("all"));
        expected.addAll(List.of(tree.path(target)));
        assertEquals(expected, crumbs());
        assertEquals(tree.name(target), currentCrumb());
        Rectangle2D zoomed = pane.graph().frameBounds(target).orElseThrow();
        assertTrue(zoomed.getWidth() > pane.graph().getWidth() - 40, "the zoomed frame spans the graph");

        robot.clickOn(centre(CallTree.ROOT));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(CallTree.ROOT, pane.graph().getZoomNode(), "clicking the root zooms out");
    }

    @Test
    void clickingAFrameSelectsItsFunctionWithCallersAndCallees(FxRobot robot) throws Exception {
        FlameViewState state = awaitState();
        CallTree tree = state.tree();
        int target = heaviest(tree, 3);
        String name = tree.name(target);
        robot.clickOn(centre(target));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> pane.viewModel().butterflyProperty().get() != null
                && pane.viewModel().butterflyProperty().get().function().equals(name));
        WaitForAsyncUtils.waitForFxEvents();
        FunctionStats row = pane.functionTable().table().getSelectionModel().getSelectedItem();
        assertEquals(name, row == null ? null : row.name(), "the clicked frame's row is selected");
        ButterflyPane butterfly = pane.functionTable().butterflyPane();
        assertTrue(!butterfly.callersTable().getItems().isEmpty(), "callers filled");
        assertTrue(!butterfly.calleesTable().getItems().isEmpty(), "callees filled");
        assertEquals(pane.viewModel().butterflyProperty().get().callers(), butterfly.callersTable().getItems());
        assertEquals(tree.name(tree.parent(target)), butterfly.callersTable().getItems().get(0).name().equals(
                tree.name(tree.parent(target))) ? tree.name(tree.parent(target))
                : butterfly.callersTable().getItems().stream().map(e -> e.name())
                        .filter(n -> n.equals(tree.name(tree.parent(target)))).findFirst().orElse("missing"),
                "the frame's parent is among its callers");
    }

    @Test
    void theToolbarKeepsItsLayoutWhenTheMatchedLineAppears(FxRobot robot) throws Exception {
        awaitState();
        // as wide as the flame graph is in the window beside the library, where the toolbar wraps to two rows
        double width = pane.getScene().getWindow().getWidth();
        robot.interact(() -> pane.getScene().getWindow().setWidth(1060));
        try {
            WaitForAsyncUtils.waitForFxEvents();
            Point2D fieldBefore = pane.searchField().localToScene(0, 0);
            double graphTop = pane.graph().localToScene(0, 0).getY();
            robot.clickOn(pane.searchField()).write("f", 0);
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                    () -> pane.matchedLabel().getText().startsWith("Matched"));
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals(fieldBefore, pane.searchField().localToScene(0, 0), "the search field did not move");
            assertEquals(graphTop, pane.graph().localToScene(0, 0).getY(), "the graph did not move down");
        } finally {
            robot.interact(() -> pane.getScene().getWindow().setWidth(width));
        }
    }

    @Test
    void numberColumnsShowTheirWholeValues(FxRobot robot) throws Exception {
        FlameViewState state = awaitState();
        javafx.scene.text.Text probe = new javafx.scene.text.Text();
        probe.setFont(javafx.scene.text.Font.font(javafx.scene.text.Font.getDefault().getFamily(), 13));
        for (var column : pane.functionTable().table().getColumns().subList(1, 5)) {
            for (FunctionStats f : state.functions().subList(0, Math.min(50, state.functions().size()))) {
                Object value = column.getCellData(f);
                String text = column.getText().endsWith("%")
                        ? FlameViewState.percent((Long) value, state.totalWeight())
                        : FunctionTableView.compact(state, (Long) value);
                probe.setText(text);
                assertTrue(probe.getLayoutBounds().getWidth() + 8 < column.getWidth(), column.getText() + " "
                        + column.getWidth() + " px is too narrow for " + text);
            }
        }
    }

    @Test
    void searchShowsTheMatchedShareTheModelComputes(FxRobot robot) throws Exception {
        FlameViewState state = awaitState();
        robot.clickOn(pane.searchField()).write("flush", 0);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                () -> pane.viewModel().searchResultProperty().get().query().text().equals("flush"));
        WaitForAsyncUtils.waitForFxEvents();
        FlameSearch.Result model = FlameSearch.search(state.tree(), SearchQuery.plain("flush"));
        assertTrue(model.matchedWeight() > 0);
        String expected = "Matched " + FlameViewState.percent(model.matchedWeight(), model.totalWeight());
        assertTrue(pane.matchedLabel().getText().startsWith(expected),
                pane.matchedLabel().getText() + " should start with " + expected);
        assertEquals(model.matchedWeight(), pane.graph().getSearchResult().matchedWeight());

        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(model.match(0), pane.viewModel().currentMatchProperty().get());
        assertTrue(pane.matchedLabel().getText().contains("frame 1 of " + model.matchCount()));
    }

    @Test
    void regexAndCaseTogglesChangeTheQuery(FxRobot robot) throws Exception {
        FlameViewState state = awaitState();
        robot.clickOn(pane.regexButton());
        robot.clickOn(pane.caseButton());
        robot.clickOn(pane.searchField()).write("^(read|write)$", 0);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                () -> pane.viewModel().searchResultProperty().get().query().text().equals("^(read|write)$"));
        WaitForAsyncUtils.waitForFxEvents();
        FlameSearch.Result model = FlameSearch.search(state.tree(), new SearchQuery("^(read|write)$", true, true));
        assertEquals(model.matchedWeight(), pane.graph().getSearchResult().matchedWeight());
        robot.eraseText(14).write("([", 0);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !pane.viewModel().searchErrorProperty().get().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(pane.matchedLabel().getText().startsWith("Invalid expression"));
    }

    @Test
    void keysMoveBetweenFramesAndEnterZooms(FxRobot robot) throws Exception {
        FlameViewState state = awaitState();
        CallTree tree = state.tree();
        robot.clickOn(centre(CallTree.ROOT));
        WaitForAsyncUtils.waitForFxEvents();
        // Flame orientation: Up goes to the heaviest child (drawn above), Down back to the parent.
        robot.type(KeyCode.UP);
        int child = heaviest(tree, 1);
        assertEquals(child, pane.graph().getHoveredNode());
        assertTrue(pane.statusLine().getText().startsWith(tree.name(child)), pane.statusLine().getText());
        robot.type(KeyCode.UP);
        int grandchild = heaviest(tree, 2);
        assertEquals(grandchild, pane.graph().getHoveredNode());
        robot.type(KeyCode.DOWN);
        assertEquals(child, pane.graph().getHoveredNode());
        robot.type(KeyCode.UP);
        // Right and Left walk the siblings in the graph's order, and stop at the ends.
        int next = tree.nextSibling(grandchild);
        robot.type(KeyCode.RIGHT);
        assertEquals(next >= 0 ? next : grandchild, pane.graph().getHoveredNode());
        robot.type(KeyCode.LEFT);
        assertEquals(grandchild, pane.graph().getHoveredNode());
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            try {
                dev.perfdesk.viewers.testing.Screenshots.save(pane.getScene(), "flame-keyboard-focus");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(grandchild, pane.graph().getZoomNode(), "Enter zooms to the frame in focus");
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(CallTree.ROOT, pane.graph().getZoomNode());
    }

    @Test
    void escapeZoomsOutThenClearsTheSearch(FxRobot robot) throws Exception {
        FlameViewState state = awaitState();
        int target = heaviest(state.tree(), 4);
        robot.clickOn(centre(target));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(target, pane.graph().getZoomNode());
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(CallTree.ROOT, pane.graph().getZoomNode());
        assertEquals(List.of("all"), crumbs());

        robot.clickOn(pane.searchField()).write("java", 0);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                () -> !pane.viewModel().searchResultProperty().get().query().isEmpty());
        robot.clickOn(centre(CallTree.ROOT));
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                () -> pane.viewModel().searchResultProperty().get().query().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("", pane.searchField().getText());
        assertEquals("", pane.matchedLabel().getText());
    }

    @Test
    void selectingATableRowHighlightsItsFramesAndShowsTheButterfly(FxRobot robot) throws Exception {
        FlameViewState state = awaitState();
        FunctionStats first = pane.functionTable().table().getItems().get(0);
        robot.interact(() -> pane.functionTable().table().getSelectionModel().clearSelection());
        Node cell = robot.lookup(".function-table-view .table-row-cell").nth(0).query();
        robot.clickOn(cell);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> pane.viewModel().butterflyProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        int nameId = state.names().id(first.name());
        assertEquals(first.name(), pane.viewModel().selectedFunctionProperty().get());
        assertEquals(nameId, pane.graph().getHighlightedName());
        assertEquals(first.name(), pane.viewModel().butterflyProperty().get().function());

        // The highlighted frames carry the highlight outline; other frames are dimmed.
        CallTree tree = state.tree();
        int frame = -1;
        for (int n = 1; n < tree.size() && frame < 0; n++) {
            if (tree.nameId(n) == nameId && pane.graph().frameBounds(n).filter(r -> r.getWidth() > 8).isPresent()) {
                frame = n;
            }
        }
        assertTrue(frame > 0, "a highlighted frame is visible");
        Rectangle2D r = pane.graph().frameBounds(frame).orElseThrow();
        WritableImage[] shot = new WritableImage[1];
        robot.interact(() -> shot[0] = pane.graph().snapshot(null, null));
        PixelReader pixels = shot[0].getPixelReader();
        Color edge = pixels.getColor((int) Math.round(r.getMinX() + 1), (int) (r.getMinY() + r.getHeight() / 2));
        assertTrue(edge.getBlue() > edge.getRed() + 0.3, "highlight outline is blue, was " + edge);

        // And back: clicking a frame in the graph selects its function in the table.
        int other = heaviest(tree, 2);
        robot.interact(() -> pane.viewModel().selectedFunctionProperty().set(tree.name(other)));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(tree.name(other), pane.functionTable().table().getSelectionModel().getSelectedItem().name());
    }

    @Test
    void excludingAFunctionFromTheContextMenuChangesTotalsAsTheModelSays(FxRobot robot) throws Exception {
        FlameViewState state = awaitState();
        int target = heaviest(state.tree(), 3);
        String name = state.tree().name(target);
        NamedStacks base = FlameViewState.baseStacks(profile, FrameNamers.forProfile(profile), Set.of(),
                ProgressMonitor.NONE);
        long expected = StackTransforms.apply(base, StackTransform.exclude(name)).totalWeight();
        assertNotEquals(state.totalWeight(), expected);

        robot.rightClickOn(centre(target));
        robot.clickOn("Exclude this function");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> pane.viewModel().getState() != state
                && !pane.viewModel().busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        FlameViewState after = pane.viewModel().getState();
        assertEquals(expected, after.totalWeight());
        assertEquals(-1, after.names().id(name) >= 0 && after.totalOfName(after.names().id(name)) > 0 ? 0 : -1);
        assertEquals(1, pane.transformChips().getChildren().size());
        Label chipText = robot.lookup(".chip-label").query();
        assertEquals("Exclude: " + name, chipText.getText());

        robot.clickOn(".chip-remove");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> pane.viewModel().getState().totalWeight()
                == state.totalWeight() && !pane.viewModel().busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, pane.transformChips().getChildren().size());
    }

    @Test
    void focusingOnAFunctionPutsItAtTheRootWithAllCallSitesMerged(FxRobot robot) throws Exception {
        FlameViewState state = awaitState();
        int target = heaviest(state.tree(), 3);
        String name = state.tree().name(target);
        robot.rightClickOn(centre(target));
        robot.clickOn("Focus on this function");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> pane.viewModel().getState() != state
                && !pane.viewModel().busyProperty().get());
        FlameViewState after = pane.viewModel().getState();
        CallTree tree = after.tree();
        assertEquals(name, tree.name(tree.firstChild(CallTree.ROOT)));
        assertEquals(state.totalOfName(state.names().id(name)), after.totalWeight());
    }

    @Test
    void exportsTheFilteredViewAsSvgPngAndFoldedStacks(FxRobot robot, @TempDir Path dir) throws Exception {
        FlameViewState state = awaitState();
        String name = state.tree().name(heaviest(state.tree(), 3));
        robot.interact(() -> pane.viewModel().addTransform(StackTransform.exclude(name)));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> pane.viewModel().getState() != state
                && !pane.viewModel().busyProperty().get());
        FlameViewState filtered = pane.viewModel().getState();
        Path folded = dir.resolve("view.folded");
        Path svg = dir.resolve("view.svg");
        Path png = dir.resolve("view.png");
        pane.exportFolded(folded);
        pane.exportSvg(svg);
        robot.interact(() -> {
            try {
                pane.exportPng(png);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        filtered.stacks().writeFolded(expected);
        assertEquals(expected.toString(StandardCharsets.UTF_8), Files.readString(folded));
        assertTrue(Files.readString(folded).lines().noneMatch(l -> l.contains(name)));
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        assertEquals("svg", factory.newDocumentBuilder().parse(svg.toFile()).getDocumentElement().getNodeName());
        byte[] head = Arrays.copyOf(Files.readAllBytes(png), 4);
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, head);
    }

    @Test
    void threadSelectorAndOrientationToggles(FxRobot robot) throws Exception {
        FlameViewState state = awaitState();
        assertTrue(state.threads().size() > 1);
        assertTrue(pane.threadSelector().isVisible());
        robot.interact(() -> pane.threadSelector().getCheckModel().check(0));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> pane.viewModel().getState() != state
                && !pane.viewModel().busyProperty().get());
        long threadTotal = 0;
        for (int r = 0; r < profile.samples().size(); r++) {
            if (profile.samples().thread(r) == 0) {
                threadTotal += profile.samples().weight(r);
            }
        }
        assertEquals(threadTotal, pane.viewModel().getState().totalWeight());

        robot.clickOn(pane.icicleButton());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(pane.graph().isIcicle());
        Rectangle2D root = pane.graph().frameBounds(CallTree.ROOT).orElseThrow();
        assertTrue(root.getMinY() < 10, "icicle puts the root at the top");

        FlameViewState beforeReverse = pane.viewModel().getState();
        robot.clickOn(pane.reversedButton());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> pane.viewModel().getState() != beforeReverse
                && !pane.viewModel().busyProperty().get());
        assertTrue(pane.viewModel().getState().tree().isReversed());
    }
}
