package dev.perfdesk.viewers.flame;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.perfdesk.core.calltree.CallTree;
import dev.perfdesk.core.calltree.FunctionStats;
import dev.perfdesk.core.flame.StackTransform;
import dev.perfdesk.core.model.Profile;

/**
 * The call tree's model in plain JUnit (both executors {@code Runnable::run}): it shows the flame graph's own view,
 * reuses its tree when the direction agrees, and its totals are the function table's.
 */
class CallTreeViewModelTest {
    private static final Profile PROFILE = TestData.perf("perf-vertx-stacks-01.txt");

    private static Map<String, Long> selfByName(CallTree t) {
        Map<String, Long> out = new HashMap<>();
        for (int n = 1; n < t.size(); n++) {
            if (t.self(n) > 0) {
                out.merge(t.name(n), t.self(n), Long::sum);
            }
        }
        return out;
    }

    private static Map<String, Long> tableSelf(FlameGraphViewModel flame) {
        Map<String, Long> out = new HashMap<>();
        for (FunctionStats f : flame.getState().functions()) {
            if (f.self() > 0) {
                out.put(f.name(), f.self());
            }
        }
        return out;
    }

    @Test
    void topDownIsTheFlameGraphsTreeAndBottomUpIsBuiltFromTheSameView() {
        FlameGraphViewModel flame = new FlameGraphViewModel(Runnable::run, Runnable::run);
        flame.setProfile(PROFILE);
        CallTreeViewModel calls = flame.newCallTree();
        assertSame(flame.getState().tree(), calls.getTree(), "the graph's own tree, not a second one");

        calls.bottomUpProperty().set(true);
        CallTree bottomUp = calls.getTree();
        assertTrue(bottomUp.isReversed());
        assertEquals(flame.getState().totalWeight(), bottomUp.total(CallTree.ROOT));
        // Bottom-up, the root's children are the functions where time is spent: each one's total is its self weight
        // in the function table.
        Map<String, Long> roots = new HashMap<>();
        for (int c = bottomUp.firstChild(CallTree.ROOT); c >= 0; c = bottomUp.nextSibling(c)) {
            roots.put(bottomUp.name(c), bottomUp.total(c));
        }
        assertEquals(tableSelf(flame), roots);
        calls.close();
    }

    @Test
    void theTreesTotalsAreTheFunctionTablesUnderATransform() {
        FlameGraphViewModel flame = new FlameGraphViewModel(Runnable::run, Runnable::run);
        flame.setProfile(PROFILE);
        CallTreeViewModel calls = flame.newCallTree();
        long before = calls.getTree().total(CallTree.ROOT);
        String dropped = flame.getState().functions().get(0).name();
        flame.addTransform(StackTransform.exclude(dropped));
        CallTree after = calls.getTree();
        assertTrue(after.total(CallTree.ROOT) < before, "the transform reaches the tree");
        assertEquals(flame.getState().totalWeight(), after.total(CallTree.ROOT));
        assertEquals(tableSelf(flame), selfByName(after), "self per function, as the table says");
        assertFalse(selfByName(after).containsKey(dropped));
        calls.bottomUpProperty().set(true);
        assertEquals(flame.getState().totalWeight(), calls.getTree().total(CallTree.ROOT));
    }

    @Test
    void searchMatchesFollowTheQueryAndTheTree() {
        FlameGraphViewModel flame = new FlameGraphViewModel(Runnable::run, Runnable::run);
        flame.setProfile(PROFILE);
        CallTreeViewModel calls = flame.newCallTree();
        assertEquals(List.of(), calls.matchesProperty().get());
        calls.queryProperty().set("NETTY");
        List<Integer> hits = calls.matchesProperty().get();
        assertFalse(hits.isEmpty());
        for (int n : hits) {
            assertTrue(calls.getTree().name(n).toLowerCase().contains("netty"), calls.getTree().name(n));
        }
        calls.bottomUpProperty().set(true);
        List<String> names = new ArrayList<>();
        for (int n : calls.matchesProperty().get()) {
            names.add(calls.getTree().name(n));
        }
        assertTrue(names.stream().allMatch(s -> s.toLowerCase().contains("netty")), "searched again in the new tree");
    }

    @Test
    void aClosedModelAppliesNothingMore() {
        List<Runnable> queued = new ArrayList<>();
        FlameGraphViewModel flame = new FlameGraphViewModel(Runnable::run, Runnable::run);
        flame.setProfile(PROFILE);
        CallTreeViewModel calls = new CallTreeViewModel(queued::add, Runnable::run);
        calls.stateProperty().set(flame.getState());
        calls.bottomUpProperty().set(true);
        CallTree before = calls.getTree();
        calls.close();
        queued.forEach(Runnable::run);
        assertSame(before, calls.getTree());
        calls.stateProperty().set(null);
        assertNull(calls.getTree());
    }
}
