package dev.perfdesk.core.flame;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.perfdesk.core.calltree.CallTree;
import dev.perfdesk.core.calltree.CallTreeNavigation;

/** What a call tree table reads of a tree: heaviest children first, the hottest path, search matches in order. */
class CallTreeNavigationTest {
    private static final CallTree TREE = TestProfiles.stacks(
            "main;parse;lex 30",
            "main;parse 5",
            "main;hash;mix 50",
            "main;hash 45",
            "main;alpha 1",
            "idle 2").topDown();

    private static String[] names(CallTree t, int[] nodes) {
        return Arrays.stream(nodes).mapToObj(t::name).toArray(String[]::new);
    }

    private static int node(CallTree t, String... path) {
        int n = CallTree.ROOT;
        for (String name : path) {
            int c = t.firstChild(n);
            while (c >= 0 && !t.name(c).equals(name)) {
                c = t.nextSibling(c);
            }
            n = c;
        }
        return n;
    }

    @Test
    void childrenComeHeaviestFirstWithTheTreesNameOrderAmongEquals() {
        int main = node(TREE, "main");
        assertArrayEquals(new String[] {"hash", "parse", "alpha"},
                names(TREE, CallTreeNavigation.childrenByTotal(TREE, main)));
        CallTree ties = TestProfiles.stacks("r;b 4", "r;a 4", "r;c 9").topDown();
        assertArrayEquals(new String[] {"c", "a", "b"},
                names(ties, CallTreeNavigation.childrenByTotal(ties, node(ties, "r"))));
    }

    @Test
    void theHottestPathStopsWhereMoreIsSpentThanGoesDown() {
        // main: hash (95) is its heaviest child; hash spends 45 itself and sends 50 into mix, so the path goes on
        // to mix, a leaf.
        assertArrayEquals(new String[] {"all", "main", "hash", "mix"},
                names(TREE, CallTreeNavigation.hottestPath(TREE, CallTree.ROOT)));
        CallTree heavySelf = TestProfiles.stacks("main;work 60", "main;work;helper 40").topDown();
        // work spends 60 itself and sends only 40 down: the path ends at work.
        assertArrayEquals(new String[] {"all", "main", "work"},
                names(heavySelf, CallTreeNavigation.hottestPath(heavySelf, CallTree.ROOT)));
        int parse = node(TREE, "main", "parse");
        assertArrayEquals(new String[] {"parse", "lex"}, names(TREE, CallTreeNavigation.hottestPath(TREE, parse)));
    }

    @Test
    void searchFindsNodesInTableOrderIgnoringCaseUpToTheLimit() {
        CallTree t = TestProfiles.stacks("main;Hash;mix 50", "main;parse;rehash 30", "other;hashmap 10").topDown();
        List<Integer> hits = CallTreeNavigation.matches(t, "HASH", 10);
        assertEquals(List.of("Hash", "rehash", "hashmap"), hits.stream().map(t::name).toList());
        assertEquals(1, CallTreeNavigation.matches(t, "hash", 1).size());
        assertEquals(List.of(), CallTreeNavigation.matches(t, " ", 10));
        assertEquals(List.of(), CallTreeNavigation.matches(t, "nothing", 10));
    }

    @Test
    void ancestryListsTheRowsToExpandDownToANode() {
        int lex = node(TREE, "main", "parse", "lex");
        assertArrayEquals(new String[] {"main", "parse", "lex"},
                names(TREE, CallTreeNavigation.ancestry(TREE, lex)));
        assertArrayEquals(new int[0], CallTreeNavigation.ancestry(TREE, CallTree.ROOT));
    }
}
