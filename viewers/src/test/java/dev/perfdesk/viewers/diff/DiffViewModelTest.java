package dev.perfdesk.viewers.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.perfdesk.core.diff.ProfileDiff;
import dev.perfdesk.core.flame.SearchQuery;

/**
 * The diff view model in plain JUnit, without a toolkit: both executors are {@code Runnable::run}, so each change
 * is computed and applied before the call returns, or queues the test drains in the order it chooses.
 */
class DiffViewModelTest {
    private static final ProfileDiff.Side BEFORE = DiffTestData.side("before", "main;a 6", "main;b 4");
    private static final ProfileDiff.Side AFTER = DiffTestData.side("after", "main;a 6", "main;b 9");

    private static DiffViewModel sameThread() {
        return new DiffViewModel(Runnable::run, Runnable::run);
    }

    @Test
    void comparesTheSidesAtOnceOnTheCallingThread() {
        DiffViewModel vm = sameThread();
        vm.setSides(BEFORE, AFTER);
        ProfileDiff d = vm.getDiff();
        assertNotNull(d);
        assertNotNull(vm.styleProperty().get());
        assertEquals(10, d.baselineWeight());
        assertEquals(15, d.candidateWeight());
        assertEquals(5, d.candidateTotal(DiffTestData.node(d, "main;b")) - d.baselineTotal(DiffTestData.node(d,
                "main;b")));
        assertFalse(vm.busyProperty().get());
        assertEquals("", vm.errorProperty().get());
    }

    @Test
    void swapAndNormaliseRecompute() {
        DiffViewModel vm = sameThread();
        vm.setSides(BEFORE, AFTER);
        vm.swap();
        assertEquals(15, vm.getDiff().baselineWeight());
        assertEquals(10, vm.getDiff().candidateWeight());
        vm.setNormalize(true);
        assertTrue(vm.getDiff().isNormalized());
    }

    @Test
    void searchesTheDiffAndHighlightsTheSelectedFunction() {
        DiffViewModel vm = sameThread();
        vm.setSides(BEFORE, AFTER);
        vm.queryProperty().set(SearchQuery.plain("b"));
        assertEquals(1, vm.searchResultProperty().get().matchCount());
        vm.queryProperty().set(new SearchQuery("[", true, false));
        assertTrue(vm.searchErrorProperty().get().startsWith("Invalid expression"), vm.searchErrorProperty().get());
        vm.selectedFunctionProperty().set("a");
        assertTrue(vm.highlightedNameProperty().get() >= 0);
    }

    @Test
    void theLatestComparisonWinsWhateverOrderTheWorkFinishesIn() {
        List<Runnable> compute = new ArrayList<>();
        List<Runnable> ui = new ArrayList<>();
        DiffViewModel vm = new DiffViewModel(compute::add, ui::add);
        vm.setSides(BEFORE, AFTER);
        vm.swap();
        assertTrue(vm.busyProperty().get());
        compute.get(1).run();
        compute.get(0).run();
        ui.forEach(Runnable::run);
        assertEquals(15, vm.getDiff().baselineWeight(), "the swapped comparison");
        assertFalse(vm.busyProperty().get());
    }

    @Test
    void closeDropsWorkStillRunning() {
        List<Runnable> compute = new ArrayList<>();
        DiffViewModel vm = new DiffViewModel(compute::add, Runnable::run);
        vm.setSides(BEFORE, AFTER);
        vm.close();
        compute.forEach(Runnable::run);
        assertNull(vm.getDiff());
    }
}
