package dev.perfdesk.core.flame;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.perfdesk.core.calltree.CallTree;
import dev.perfdesk.core.model.Profile;
import dev.perfdesk.core.naming.FrameNamers;
import dev.perfdesk.core.progress.ProgressMonitor;

/**
 * Issue 13: a folded file of one stack a million frames deep gave a 271 MB SVG. Exports leave out frames narrower
 * than the minimum width (flamegraph.pl's --minwidth, 0.1 px) and deeper than the maximum depth, and say how many
 * in the SVG's subtitle and through {@link FlameGraphSvgWriter#leftOut()}.
 */
class FlamePruningTest {
    private static FlameViewState state(Profile p) {
        return FlameViewState.compute(p, FrameNamers.forProfile(p), FlameViewSpec.DEFAULT, ProgressMonitor.NONE);
    }

    private static int frames(String svg) {
        Matcher m = Pattern.compile("<g class=\"f\"").matcher(svg);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    @Test
    void aStackDeeperThanTheMaximumIsCutAndTheCutIsSaid() {
        StringBuilder stack = new StringBuilder("f0");
        for (int i = 1; i < 5000; i++) {
            stack.append(";f").append(i % 10);
        }
        FlameViewState state = state(TestProfiles.folded(stack + " 1"));
        FlameGraphSvgWriter writer = new FlameGraphSvgWriter(FlameGraphSvgWriter.Options.DEFAULT);
        String svg = writer.toSvg(state, CallTree.ROOT);
        assertEquals(FlameGraphSvgWriter.DEFAULT_MAX_DEPTH + 1, frames(svg), "the root and 1024 rows");
        assertEquals(5000 - FlameGraphSvgWriter.DEFAULT_MAX_DEPTH, writer.leftOut().deep());
        assertEquals(0, writer.leftOut().narrow());
        assertTrue(svg.contains("3,976 frames left out (3,976 deeper than 1024 rows)"), "visible note");
        assertTrue(svg.length() < 600_000, "size " + svg.length());
    }

    @Test
    void framesNarrowerThanTheMinimumWidthAreLeftOutAndCounted() {
        List<String> lines = new ArrayList<>();
        lines.add("main;big 100000");
        for (int i = 0; i < 50; i++) {
            lines.add("main;tiny" + i + ";deeper 1");
        }
        FlameViewState state = state(TestProfiles.folded(lines.toArray(String[]::new)));
        FlameGraphSvgWriter all = new FlameGraphSvgWriter(FlameGraphSvgWriter.Options.DEFAULT.withMinWidth(0));
        assertEquals(1 + 2 + 100, frames(all.toSvg(state, CallTree.ROOT)));
        assertEquals(0, all.leftOut().total());
        FlameGraphSvgWriter pruned = new FlameGraphSvgWriter(FlameGraphSvgWriter.Options.DEFAULT.withMinWidth(0.1));
        String svg = pruned.toSvg(state, CallTree.ROOT);
        // one sample of 100050 across 1180 px is 0.0118 px: each tiny frame and its child are left out
        assertEquals(3, frames(svg));
        assertEquals(100, pruned.leftOut().narrow());
        assertTrue(svg.contains("100 frames left out (100 narrower than 0.10 px)"), svg.substring(0, 2000));
    }

    @Test
    void nothingLeftOutSaysNothing() {
        FlameGraphSvgWriter writer = new FlameGraphSvgWriter(FlameGraphSvgWriter.Options.DEFAULT);
        String svg = writer.toSvg(state(TestProfiles.folded("a;b 3", "a;c 2")), CallTree.ROOT);
        assertEquals(0, writer.leftOut().total());
        assertTrue(!svg.contains("left out"));
    }
}
