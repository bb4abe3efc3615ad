package dev.perfdesk.core.calltree;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.perfdesk.core.folded.FoldedStackWriter;
import dev.perfdesk.core.model.Profile;
import dev.perfdesk.core.model.SyntheticProfiles;
import dev.perfdesk.core.naming.FrameNamer;
import dev.perfdesk.core.naming.FrameNamers;

class NamedStacksTest {
    private final Profile profile = SyntheticProfiles.generate(20_000, 5_000, 7);
    private final FrameNamer namer = FrameNamers.forProfile(profile);
    private final WeightedStacks rows = WeightedStacks.of(profile.samples());
    private final NamedStacks stacks = NamedStacks.of(profile, namer, rows);

    @Test
    void topDownTreeEqualsCallTreeBuilders() {
        assertEquals(describe(CallTreeBuilder.topDown(profile, namer, rows)), describe(stacks.topDown()));
    }

    @Test
    void bottomUpTreeEqualsCallTreeBuilders() {
        assertEquals(describe(CallTreeBuilder.bottomUp(profile, namer, rows)), describe(stacks.bottomUp()));
    }

    @Test
    void functionStatsEqualThoseOfTheTree() {
        Set<FunctionStats> expected = new HashSet<>(FunctionStats.of(CallTreeBuilder.topDown(profile, namer, rows)));
        assertEquals(expected, new HashSet<>(stacks.functionStats()));
    }

    @Test
    void foldedOutputEqualsFoldedStackWriters() throws Exception {
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        FoldedStackWriter.write(profile, namer, expected);
        ByteArrayOutputStream actual = new ByteArrayOutputStream();
        stacks.writeFolded(actual);
        assertEquals(expected.toString(StandardCharsets.UTF_8), actual.toString(StandardCharsets.UTF_8));
    }

    @Test
    void treeAndWeightsFromTheNameTrieEqualThoseFromSortedRows() {
        for (NamedStacks s : List.of(stacks, NamedStacks.of(profile, namer, WeightedStacks.of(profile.samples(),
                t -> t % 2 == 0)))) {
            NamedStacks spelled = new NamedStacks(s.names(), starts(s), s.pathArray(), threads(s), weights(s));
            assertEquals(describe(spelled.topDown()), describe(s.topDown()));
            long[][] w = spelled.weightsByName();
            long[][] v = s.weightsByName();
            assertArrayEquals(w[0], v[0]);
            assertArrayEquals(w[1], v[1]);
        }
    }

    private static int[] starts(NamedStacks s) {
        int[] out = new int[s.size() + 1];
        for (int r = 0; r < s.size(); r++) {
            out[r] = s.start(r);
        }
        out[s.size()] = s.pathArray().length;
        return out;
    }

    private static int[] threads(NamedStacks s) {
        int[] out = new int[s.size()];
        for (int r = 0; r < s.size(); r++) {
            out[r] = s.thread(r);
        }
        return out;
    }

    private static long[] weights(NamedStacks s) {
        long[] out = new long[s.size()];
        for (int r = 0; r < s.size(); r++) {
            out[r] = s.weight(r);
        }
        return out;
    }

    /** Every node as "path total self", in depth-first child order, so order and values are both compared. */
    private static List<String> describe(CallTree tree) {
        List<String> out = new ArrayList<>();
        walk(tree, CallTree.ROOT, "", out);
        return out;
    }

    private static void walk(CallTree tree, int node, String prefix, List<String> out) {
        String path = prefix + "/" + tree.name(node);
        out.add(path + " " + tree.total(node) + " " + tree.self(node));
        for (int c = tree.firstChild(node); c >= 0; c = tree.nextSibling(c)) {
            walk(tree, c, path, out);
        }
    }
}
