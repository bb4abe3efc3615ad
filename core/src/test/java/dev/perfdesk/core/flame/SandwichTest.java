package dev.perfdesk.core.flame;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.perfdesk.core.calltree.CallTree;
import dev.perfdesk.core.model.Profile;
import dev.perfdesk.core.naming.FrameNamers;
import dev.perfdesk.core.progress.ProgressMonitor;

/** A function's sandwich: callers merged up from it, callees down from it, each holding the function's total. */
class SandwichTest {
    private static Map<String, Long> byPath(CallTree t) {
        Map<String, Long> out = new HashMap<>();
        for (int n = 1; n < t.size(); n++) {
            out.put(String.join(";", t.path(n)), t.total(n));
        }
        return out;
    }

    @Test
    void callersAboveCalleesBelowEachWithTheFunctionsTotal() {
        Profile p = TestProfiles.folded(
                "main;parse;hash;mix 4",
                "main;load;hash 3",
                "main;load;hash;hash;mix 2",
                "main;idle 5");
        FlameViewState view = FlameViewState.compute(p, FrameNamers.forProfile(p), FlameViewSpec.DEFAULT,
                ProgressMonitor.NONE);
        Sandwich s = Sandwich.of(view, "hash", ProgressMonitor.NONE);
        int hash = view.names().id("hash");
        assertEquals(view.totalOfName(hash), s.total(), "the function's total, as the table says");
        assertEquals(9, s.total());
        assertEquals(9, s.callers().totalWeight());

        // Callers grow up from hash: bottom-up, hash is the only top-level node.
        assertEquals(Map.of("hash", 9L, "hash;parse", 4L, "hash;parse;main", 4L, "hash;load", 5L,
                "hash;load;main", 5L), byPath(s.callers().tree()));
        // Callees grow down from its outermost frame, recursion kept below it.
        assertEquals(Map.of("hash", 9L, "hash;mix", 4L, "hash;hash", 2L, "hash;hash;mix", 2L),
                byPath(s.callees().tree()));
    }

    @Test
    void theSandwichFollowsTheViewsTransforms() {
        Profile p = TestProfiles.folded("main;a;f 6", "main;b;f 4", "main;c 1");
        FlameViewSpec spec = FlameViewSpec.DEFAULT.withTransforms(java.util.List.of(StackTransform.exclude("b")));
        FlameViewState view = FlameViewState.compute(p, FrameNamers.forProfile(p), spec, ProgressMonitor.NONE);
        Sandwich s = Sandwich.of(view, "f", ProgressMonitor.NONE);
        assertEquals(6, s.total(), "the excluded caller's samples are not in it");
        assertEquals(Map.of("f", 6L, "f;a", 6L, "f;a;main", 6L), byPath(s.callers().tree()));
    }
}
