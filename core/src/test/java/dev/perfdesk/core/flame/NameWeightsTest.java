package dev.perfdesk.core.flame;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import dev.perfdesk.core.calltree.FrameNames;
import dev.perfdesk.core.calltree.NamedStacks;

/** Per-name weights under recursion: a name's total counts each sample once, however often it is on the stack. */
class NameWeightsTest {

    @Test
    void recursionIsCountedOncePerSample() {
        NamedStacks s = TestProfiles.stacks("a;b;a;c 3", "a;b 2", "x;a 1", "a;a;a 4", "b;c;b;c 5");
        long[][] w = s.weightsByName();
        FrameNames n = s.names();
        assertEquals(3 + 2 + 1 + 4, w[1][n.id("a")]);
        assertEquals(3 + 2 + 5, w[1][n.id("b")]);
        assertEquals(3 + 5, w[1][n.id("c")]);
        assertEquals(1, w[1][n.id("x")]);
        assertEquals(4 + 1, w[0][n.id("a")], "self where a is the leaf");
        assertEquals(3 + 5, w[0][n.id("c")]);
        assertEquals(15, w[1][FrameNames.ROOT]);
    }

    @Test
    void manyNamesSharingHashBitsAreNotTakenForRecursion() {
        // 200 distinct names on one stack: their 64-bit summary fills up, so most are looked up on the path.
        StringBuilder deep = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            deep.append(i == 0 ? "" : ";").append("f").append(i);
        }
        NamedStacks s = TestProfiles.stacks(deep + " 7", deep + ";f3;f150 2");
        long[][] w = s.weightsByName();
        FrameNames n = s.names();
        for (int i = 0; i < 200; i++) {
            assertEquals(9, w[1][n.id("f" + i)], "f" + i);
        }
        assertEquals(2, w[0][n.id("f150")]);
        assertEquals(7, w[0][n.id("f199")]);
    }
}
