package dev.perfdesk.core.calltree;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Locale;

/**
 * What a call tree table needs of a {@link CallTree}: a node's children heaviest first, the hottest path below a
 * node, and the nodes whose name matches a search, in the order the table shows them. Pure and immutable in effect:
 * it only reads the tree.
 *
 * <pre>{@code
 * int[] path = CallTreeNavigation.hottestPath(tree, CallTree.ROOT);   // the nodes to expand, root first
 * List<Integer> hits = CallTreeNavigation.matches(tree, "hash", 1000);
 * }</pre>
 */
public final class CallTreeNavigation {
    private CallTreeNavigation() {
    }

    /** The children of {@code node}, heaviest total first; ties by name, as the tree orders them. */
    public static int[] childrenByTotal(CallTree tree, int node) {
        int count = 0;
        for (int c = tree.firstChild(node); c >= 0; c = tree.nextSibling(c)) {
            count++;
        }
        Integer[] boxed = new Integer[count];
        int i = 0;
        for (int c = tree.firstChild(node); c >= 0; c = tree.nextSibling(c)) {
            boxed[i++] = c;
        }
        // A stable sort keeps the tree's name order among equal totals.
        Arrays.sort(boxed, (a, b) -> Long.compare(tree.total(b), tree.total(a)));
        int[] out = new int[count];
        for (int k = 0; k < count; k++) {
            out[k] = boxed[k];
        }
        return out;
    }

    /**
     * The hottest path from {@code from} down: {@code from}, then its heaviest child, and so on while more of the
     * node's weight goes down into its heaviest child than the node spends itself (its self weight), as a profiler's
     * "expand hottest path" stops where the time is spent.
     */
    public static int[] hottestPath(CallTree tree, int from) {
        List<Integer> path = new ArrayList<>();
        int node = from;
        path.add(node);
        while (true) {
            int heaviest = -1;
            for (int c = tree.firstChild(node); c >= 0; c = tree.nextSibling(c)) {
                if (heaviest < 0 || tree.total(c) > tree.total(heaviest)) {
                    heaviest = c;
                }
            }
            if (heaviest < 0 || tree.total(heaviest) <= tree.self(node)) {
                break;
            }
            node = heaviest;
            path.add(node);
        }
        return path.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * The nodes below the root whose name contains {@code query} (ignoring case), at most {@code limit} of them,
     * in the order a fully expanded table lists them: depth first, heaviest child first.
     */
    public static List<Integer> matches(CallTree tree, String query, int limit) {
        List<Integer> out = new ArrayList<>();
        if (query == null || query.isBlank()) {
            return out;
        }
        String needle = query.toLowerCase(Locale.ROOT);
        boolean[] nameMatches = new boolean[tree.nameCount()];
        for (int id = 0; id < nameMatches.length; id++) {
            nameMatches[id] = tree.nameOf(id).toLowerCase(Locale.ROOT).contains(needle);
        }
        Deque<Integer> pending = new ArrayDeque<>();
        int[] top = childrenByTotal(tree, CallTree.ROOT);
        for (int k = top.length - 1; k >= 0; k--) {
            pending.push(top[k]);
        }
        while (!pending.isEmpty() && out.size() < limit) {
            int node = pending.pop();
            if (nameMatches[tree.nameId(node)]) {
                out.add(node);
            }
            int[] children = childrenByTotal(tree, node);
            for (int k = children.length - 1; k >= 0; k--) {
                pending.push(children[k]);
            }
        }
        return out;
    }

    /** The nodes from the root's child down to {@code node}: what a table expands to show it. */
    public static int[] ancestry(CallTree tree, int node) {
        int[] out = new int[tree.depth(node)];
        for (int n = node; n != CallTree.ROOT; n = tree.parent(n)) {
            out[tree.depth(n) - 1] = n;
        }
        return out;
    }
}
