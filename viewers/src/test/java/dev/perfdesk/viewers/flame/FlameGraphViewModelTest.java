package dev.perfdesk.viewers.flame;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.perfdesk.core.calltree.CallTree;
import dev.perfdesk.core.flame.SearchQuery;
import dev.perfdesk.core.flame.StackTransform;
import dev.perfdesk.core.model.Frame;
import dev.perfdesk.core.model.FrameKind;
import dev.perfdesk.core.model.Profile;
import dev.perfdesk.core.model.ProfileBuilder;
import dev.perfdesk.core.model.ProfileInfo;
import dev.perfdesk.core.model.StackTable;
import dev.perfdesk.core.model.TimelineWriter;
import dev.perfdesk.core.model.WeightUnit;

/**
 * The flame graph view model in plain JUnit, without a toolkit: both executors are {@code Runnable::run}, so every
 * change is computed and applied before the call returns, or queues the test drains in the order it chooses.
 */
class FlameGraphViewModelTest {
    private static Profile profile(String name, String... lines) {
        ProfileBuilder b = new ProfileBuilder(TimelineWriter.DISCARD);
        for (String line : lines) {
            int space = line.lastIndexOf(' ');
            int node = StackTable.ROOT;
            for (String frame : line.substring(0, space).split(";")) {
                node = b.child(node, b.frame(Frame.of(frame, FrameKind.UNKNOWN)));
            }
            b.sample(node, -1, Long.parseLong(line.substring(space + 1)), ProfileBuilder.NO_TIME);
        }
        return b.build(new ProfileInfo(name, "folded", "", WeightUnit.SAMPLES, "", "", "", "", null, -1, 0, 0,
                Map.of()));
    }

    private static final Profile PROFILE = profile("p", "main;work;flush 3", "main;work;read 2", "main;idle 5");

    private static FlameGraphViewModel sameThread() {
        return new FlameGraphViewModel(Runnable::run, Runnable::run);
    }

    private static int child(CallTree tree, int node, String name) {
        for (int c = tree.firstChild(node); c >= 0; c = tree.nextSibling(c)) {
            if (tree.name(c).equals(name)) {
                return c;
            }
        }
        return -1;
    }

    @Test
    void opensTheProfileAtOnceOnTheCallingThread() {
        FlameGraphViewModel vm = sameThread();
        vm.setProfile(PROFILE);
        assertNotNull(vm.getState());
        assertEquals(10, vm.getState().totalWeight());
        assertFalse(vm.busyProperty().get());
        assertEquals("", vm.errorProperty().get());
    }

    @Test
    void searchesAndReportsAnInvalidExpression() {
        FlameGraphViewModel vm = sameThread();
        vm.setProfile(PROFILE);
        vm.queryProperty().set(SearchQuery.plain("flush"));
        assertEquals(1, vm.searchResultProperty().get().matchCount());
        assertEquals(3, vm.searchResultProperty().get().matchedWeight());
        vm.queryProperty().set(new SearchQuery("(", true, false));
        assertTrue(vm.searchErrorProperty().get().startsWith("Invalid expression"),
                vm.searchErrorProperty().get());
    }

    @Test
    void selectingAFunctionHighlightsItAndShowsItsButterfly() {
        FlameGraphViewModel vm = sameThread();
        vm.setProfile(PROFILE);
        vm.selectedFunctionProperty().set("work");
        assertEquals("work", vm.butterflyProperty().get().function());
        assertEquals(5, vm.butterflyProperty().get().total());
        assertTrue(vm.highlightedNameProperty().get() >= 0);
        vm.selectedFunctionProperty().set(null);
        assertNull(vm.butterflyProperty().get());
        assertEquals(-1, vm.highlightedNameProperty().get());
    }

    @Test
    void aTransformKeepsTheZoomedFrame() {
        FlameGraphViewModel vm = sameThread();
        vm.setProfile(PROFILE);
        CallTree tree = vm.getState().tree();
        vm.zoomNodeProperty().set(child(tree, child(tree, CallTree.ROOT, "main"), "work"));
        vm.addTransform(StackTransform.exclude("idle"));
        assertEquals(5, vm.getState().totalWeight());
        assertEquals(List.of("main", "work"), vm.zoomPath());
    }

    @Test
    void theLatestProfileWinsWhateverOrderTheWorkFinishesIn() {
        List<Runnable> compute = new ArrayList<>();
        List<Runnable> ui = new ArrayList<>();
        FlameGraphViewModel vm = new FlameGraphViewModel(compute::add, ui::add);
        vm.setProfile(PROFILE);
        vm.setProfile(profile("q", "main;other 7"));
        assertTrue(vm.busyProperty().get());
        compute.get(1).run();
        compute.get(0).run();
        ui.forEach(Runnable::run);
        assertEquals(7, vm.getState().totalWeight());
        assertFalse(vm.busyProperty().get());
    }

    @Test
    void closeDropsWorkStillRunning() {
        List<Runnable> compute = new ArrayList<>();
        FlameGraphViewModel vm = new FlameGraphViewModel(compute::add, Runnable::run);
        vm.setProfile(PROFILE);
        vm.close();
        compute.forEach(Runnable::run);
        assertNull(vm.getState());
    }
}
