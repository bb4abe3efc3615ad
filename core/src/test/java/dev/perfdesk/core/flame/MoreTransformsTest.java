package dev.perfdesk.core.flame;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.perfdesk.core.calltree.NamedStacks;
import dev.perfdesk.core.calltree.WeightedStacks;
import dev.perfdesk.core.model.Frame;
import dev.perfdesk.core.model.FrameKind;
import dev.perfdesk.core.model.Profile;
import dev.perfdesk.core.model.ProfileBuilder;
import dev.perfdesk.core.model.ProfileInfo;
import dev.perfdesk.core.model.StackTable;
import dev.perfdesk.core.model.TimelineWriter;
import dev.perfdesk.core.model.WeightUnit;
import dev.perfdesk.core.naming.FrameNamers;

/**
 * Merge a function, merge or focus one call node, collapse a package or library: each as the folded output after
 * it says, with totals that follow (what the graph, the table, the tree, the exports and the CLI then show).
 */
class MoreTransformsTest {
    private static String folded(NamedStacks stacks) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        stacks.writeFolded(out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static final NamedStacks STACKS = TestProfiles.stacks(
            "main;parse;lex 3",
            "main;parse 2",
            "main;load;parse;lex 4",
            "main;idle 1");

    @Test
    void mergeRemovesTheFunctionEverywhereAndGivesItsSelfToItsCallers() throws Exception {
        NamedStacks out = StackTransforms.apply(STACKS, StackTransform.merge("parse"));
        assertEquals("main 2\nmain;idle 1\nmain;lex 3\nmain;load;lex 4\n", folded(out));
        assertEquals(STACKS.totalWeight(), out.totalWeight(), "merging keeps every sample");
    }

    @Test
    void mergeCallNodeRemovesOnlyThatCall() throws Exception {
        NamedStacks out = StackTransforms.apply(STACKS, StackTransform.mergeCallNode("main", "parse"));
        assertEquals("main 2\nmain;idle 1\nmain;lex 3\nmain;load;parse;lex 4\n", folded(out));
        assertEquals(10, out.totalWeight());
        assertEquals(folded(STACKS), folded(StackTransforms.apply(STACKS,
                StackTransform.mergeCallNode("main", "nowhere"))), "a node no stack has changes nothing");
    }

    @Test
    void focusCallNodeKeepsOnlyThatSubtreeUnlikeFocusOnTheFunction() throws Exception {
        NamedStacks node = StackTransforms.apply(STACKS, StackTransform.focusCallNode("main", "parse"));
        assertEquals("parse 2\nparse;lex 3\n", folded(node));
        assertEquals(5, node.totalWeight());
        NamedStacks function = StackTransforms.apply(STACKS, StackTransform.focus("parse"));
        assertEquals(9, function.totalWeight(), "focus on the function keeps both of its call sites");
        assertEquals(0, StackTransforms.apply(STACKS, StackTransform.focusCallNode("main", "nowhere"))
                .totalWeight());
    }

    @Test
    void collapseGroupMakesEachRunOfAPackagesFramesOneFrame() throws Exception {
        ProfileBuilder b = new ProfileBuilder(TimelineWriter.DISCARD);
        String[][] lines = {
            {"app.Main.run", "java.util.HashMap.get", "java.util.HashMap.hash", "app.Key.hashCode"},
            {"app.Main.run", "java.util.ArrayList.add"},
            {"app.Main.run", "app.Main.work"},
        };
        long[] weights = {5, 2, 3};
        for (int k = 0; k < lines.length; k++) {
            int node = StackTable.ROOT;
            for (String name : lines[k]) {
                node = b.child(node, b.frame(Frame.of(name, FrameKind.JIT)));
            }
            b.sample(node, -1, weights[k], ProfileBuilder.NO_TIME);
        }
        Profile p = b.build(new ProfileInfo("java", "folded", "", WeightUnit.SAMPLES, "", "", "", "", null, -1, 0, 0,
                Map.of()));
        NamedStacks stacks = NamedStacks.of(p, FrameNamers.forProfile(p), WeightedStacks.of(p.samples()));
        String group = FramePalette.groupOf("java.util.HashMap.get", FrameKind.JIT, "");
        NamedStacks out = StackTransforms.apply(stacks, StackTransform.collapseGroup(group));
        String text = folded(out);
        assertTrue(text.contains("app.Main.run;" + group + ";app.Key.hashCode 5\n"), text);
        assertTrue(text.contains("app.Main.run;" + group + " 2\n"), text);
        assertTrue(text.contains("app.Main.run;app.Main.work 3\n"), text);
        assertEquals(10, out.totalWeight());
        assertEquals(stacks.names().name(1), out.names().name(1), "ids of the other names stay what they were");
    }

    @Test
    void theCommandLineSpellingParsesAndRefusesInWords() {
        assertEquals(StackTransform.merge("a b"), StackTransform.parse("merge:a b"));
        assertEquals(StackTransform.focusCallNode("main", "parse"), StackTransform.parse("focus-node:main;parse"));
        assertEquals(StackTransform.collapseGroup("java/util"), StackTransform.parse("collapse:java/util"));
        assertEquals(StackTransform.exclude("x:y"), StackTransform.parse("exclude:x:y"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StackTransform.parse("fold:x"));
        assertTrue(e.getMessage().contains("unknown transform 'fold'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> StackTransform.parse("merge:"));
        assertEquals("Focus node: parse (depth 2)", StackTransform.focusCallNode("main", "parse").label());
    }
}
