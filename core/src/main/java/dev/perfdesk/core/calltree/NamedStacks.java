package dev.perfdesk.core.calltree;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.perfdesk.core.model.Frame;
import dev.perfdesk.core.model.FrameKind;
import dev.perfdesk.core.model.Profile;
import dev.perfdesk.core.model.StackTable;
import dev.perfdesk.core.naming.FrameNamer;
import dev.perfdesk.core.progress.ProgressMonitor;
import dev.perfdesk.core.util.IntArrayList;
import dev.perfdesk.core.util.LongArrayList;
import dev.perfdesk.core.util.LongIntHashMap;

/**
 * Weighted stacks spelled as display names: each row is a path of name ids, root first, with its thread and
 * weight. This is the form stack transforms (focus, exclude, collapse recursion) work on and call trees, function
 * tables and folded exports are computed from. Immutable; every derived instance shares the same {@link FrameNames}.
 *
 * <p>{@link #of} keeps the paths as a trie of names with each row pointing at its leaf, from which the top-down tree
 * and the per-name weights come without spelling every row out; the rows' paths are spelled out on first use by
 * anything else (transforms, bottom-up trees, folded output), once.
 *
 * <pre>{@code
 * NamedStacks stacks = NamedStacks.of(profile, FrameNamers.forProfile(profile), WeightedStacks.of(profile.samples()));
 * CallTree tree = stacks.topDown();
 * }</pre>
 */
public final class NamedStacks {
    private final FrameNames names;
    private final int[] threads;
    private final long[] weights;
    /**
     * The trie form, which {@link #of} builds: the paths as a trie of names (node 0 the root; a node's parent is an
     * earlier node) and each row's leaf node in it. Null in the flat form.
     */
    private final int[] trieParents;
    private final int[] trieNames;
    private final int[] leaves;
    /** The flat form: every row's path, one after another; derived from the trie on first use. */
    private volatile Flat flat;
    private volatile TrieShape shape;

    /** Where each row's path starts in {@code path} (one more entry than rows), and the paths. */
    private record Flat(int[] starts, int[] path) {
    }

    /**
     * @param names     the names the paths refer to
     * @param rowStarts where each row's path starts in {@code path}; one more entry than rows, the last being the end
     * @param path      the name ids of every row, root first, rows one after another
     * @param threads   each row's thread, or -1
     * @param weights   each row's weight
     */
    public NamedStacks(FrameNames names, int[] rowStarts, int[] path, int[] threads, long[] weights) {
        if (rowStarts.length != threads.length + 1 || threads.length != weights.length) {
            throw new IllegalArgumentException("columns differ in length");
        }
        this.names = names;
        this.threads = threads;
        this.weights = weights;
        this.trieParents = null;
        this.trieNames = null;
        this.leaves = null;
        this.flat = new Flat(rowStarts, path);
    }

    private NamedStacks(FrameNames names, int[] trieParents, int[] trieNames, int[] leaves, int[] threads,
                        long[] weights) {
        this.names = names;
        this.threads = threads;
        this.weights = weights;
        this.trieParents = trieParents;
        this.trieNames = trieNames;
        this.leaves = leaves;
    }

    /** The rows of {@code profile} selected by {@code rows}, named by {@code namer}. */
    public static NamedStacks of(Profile profile, FrameNamer namer, WeightedStacks rows) {
        return of(profile, namer, rows, ProgressMonitor.NONE);
    }

    /**
     * As {@link #of(Profile, FrameNamer, WeightedStacks)}, checking {@code monitor} for cancellation.
     *
     * <p>Names the profile's stack trie node by node rather than row by row: each stack node is named once (per
     * thread, where the namer depends on it) and becomes a node of a trie of names, so the work grows with the
     * distinct stacks, not with the frames of every row; rows share the name trie's prefixes.
     */
    public static NamedStacks of(Profile profile, FrameNamer namer, WeightedStacks rows, ProgressMonitor monitor) {
        FrameNames.Builder interner = new FrameNames.Builder();

        StackTable table = profile.stacks();
        int n = rows.size();
        // Rows in stack-id order, so that names are interned in the order of the trie (row order means nothing
        // to callers).
        long[] keyed = new long[n];
        for (int r = 0; r < n; r++) {
            keyed[r] = ((long) rows.stacks()[r] << 32) | r;
        }
        Arrays.sort(keyed);
        int[] rowThreads = new int[n];
        long[] rowWeights = new long[n];
        for (int k = 0; k < n; k++) {
            int source = (int) keyed[k];
            rowThreads[k] = rows.threads()[source];
            rowWeights[k] = rows.weights()[source];
        }
        // The ids a (frame, thread) names to, computed once and found again through a frame-by-thread array (or a
        // primitive map when that array would be too large).
        int frameCount = profile.frames().size();
        int threadSlots = profile.threads().size() + 1;
        boolean direct = (long) frameCount * threadSlots <= 16_000_000L;
        int[] directIndex = direct ? new int[frameCount * threadSlots] : null;
        LongIntHashMap namedIndex = direct ? null : new LongIntHashMap(Math.max(1024, frameCount * 2));
        List<int[]> namedList = new ArrayList<>();
        List<String> scratch = new ArrayList<>(8);

        boolean byThread = namer.dependsOnThread();
        String[] frameNames = byThread || namer.rootName(n == 0 ? -1 : rowThreads[0]) != null ? null
                : oneNamePerFrame(profile, namer);
        if (frameNames != null) {
            return ofOneNamePerFrame(profile, frameNames, keyed, rowThreads, rowWeights, interner, monitor);
        }
        // The name trie, and which of its nodes each stack node (per thread, where names depend on it) names to.
        IntArrayList trieParents = new IntArrayList(Math.max(16, table.size()));
        IntArrayList trieNames = new IntArrayList(Math.max(16, table.size()));
        trieParents.add(-1);
        trieNames.add(FrameNames.ROOT);
        LongIntHashMap trieChildren = new LongIntHashMap(Math.max(1024, table.size()));
        int[] memo = byThread ? null : new int[table.size()];
        if (memo != null) {
            Arrays.fill(memo, -1);
        }
        LongIntHashMap memoByThread = byThread ? new LongIntHashMap(Math.max(1024, table.size())) : null;
        int[] rootNodes = new int[threadSlots];
        Arrays.fill(rootNodes, -1);
        int[] leaves = new int[n];
        int[] pending = new int[64];
        for (int r = 0; r < n; r++) {
            if ((r & 0xFFF) == 0) {
                monitor.checkCancelled();
                monitor.progress(r, n);
            }
            int thread = rowThreads[r];
            // Walk up from the leaf to the first stack node already named, or to the root.
            int count = 0;
            int node = (int) (keyed[r] >>> 32);
            int current;
            while (true) {
                if (node == StackTable.ROOT) {
                    current = rootNodes[thread + 1];
                    if (current < 0) {
                        String root = namer.rootName(thread);
                        current = root == null ? 0 : child(trieChildren, trieParents, trieNames, 0,
                                interner.intern(root, null, ""));
                        rootNodes[thread + 1] = current;
                    }
                    break;
                }
                int named = memo != null ? memo[node]
                        : memoByThread.get(((long) node << 32) | (thread & 0xFFFFFFFFL));
                if (named >= 0) {
                    current = named;
                    break;
                }
                if (count == pending.length) {
                    pending = Arrays.copyOf(pending, count * 2);
                }
                pending[count++] = node;
                node = table.parent(node);
            }
            // Then down again, naming each node under its parent's name node.
            for (int i = count - 1; i >= 0; i--) {
                int stackNode = pending[i];
                int frame = table.frame(stackNode);
                int slot = direct ? directIndex[frame * threadSlots + thread + 1] - 1
                        : namedIndex.get(((long) frame << 32) | (thread & 0xFFFFFFFFL));
                int[] ids;
                if (slot < 0) {
                    scratch.clear();
                    namer.appendNames(frame, thread, scratch);
                    Frame f = profile.frame(frame);
                    ids = new int[scratch.size()];
                    for (int k = 0; k < ids.length; k++) {
                        FrameKind kind = k == 0 ? f.kind() : FrameKind.INLINED;
                        ids[k] = interner.intern(scratch.get(k), kind, f.module());
                    }
                    if (direct) {
                        directIndex[frame * threadSlots + thread + 1] = namedList.size() + 1;
                    } else {
                        namedIndex.putIfAbsent(((long) frame << 32) | (thread & 0xFFFFFFFFL), namedList.size());
                    }
                    namedList.add(ids);
                } else {
                    ids = namedList.get(slot);
                }
                for (int id : ids) {
                    current = child(trieChildren, trieParents, trieNames, current, id);
                }
                if (memo != null) {
                    memo[stackNode] = current;
                } else {
                    memoByThread.putIfAbsent(((long) stackNode << 32) | (thread & 0xFFFFFFFFL), current);
                }
            }
            leaves[r] = current;
        }
        FrameNames names = interner.build();
        return new NamedStacks(names, trieParents.toArray(), trieNames.toArray(), leaves, rowThreads, rowWeights);
    }

    /**
     * Each frame's one name, when every frame has exactly one and no two frames share it (as in folded stacks),
     * else null. Names then cannot merge stacks, so the name trie is the stack trie itself.
     */
    private static String[] oneNamePerFrame(Profile profile, FrameNamer namer) {
        int count = profile.frames().size();
        String[] out = new String[count];
        Map<String, Integer> seen = new HashMap<>(count * 2);
        List<String> scratch = new ArrayList<>(4);
        for (int frame = 0; frame < count; frame++) {
            scratch.clear();
            namer.appendNames(frame, -1, scratch);
            if (scratch.size() != 1 || seen.putIfAbsent(scratch.get(0), frame) != null) {
                return null;
            }
            out[frame] = scratch.get(0);
        }
        return out;
    }

    /**
     * {@link #of} when each frame has one name of its own: the name trie is the part of the stack trie that the
     * rows reach, so no node needs looking up; names are interned in the same order as in the general case.
     */
    private static NamedStacks ofOneNamePerFrame(Profile profile, String[] frameNames, long[] keyed,
                                                 int[] rowThreads, long[] rowWeights, FrameNames.Builder interner,
                                                 ProgressMonitor monitor) {
        StackTable table = profile.stacks();
        int n = rowThreads.length;
        int[] frameIds = new int[frameNames.length];
        Arrays.fill(frameIds, -1);
        // The name of each stack node the rows reach, 0 where not reached yet (the root keeps 0, the root's name).
        int[] nodeNames = new int[table.size()];
        int reached = 1;
        int[] leaves = new int[n];
        int[] pending = new int[64];
        for (int r = 0; r < n; r++) {
            if ((r & 0xFFF) == 0) {
                monitor.checkCancelled();
                monitor.progress(r, n);
            }
            int leaf = (int) (keyed[r] >>> 32);
            leaves[r] = leaf;
            // Walk up to the first node already reached, then name the new ones root-first.
            int top = leaf;
            while (top != StackTable.ROOT && nodeNames[top] == 0) {
                top = table.parent(top);
            }
            int depthFrom = table.depth(top);
            int count = table.depth(leaf) - depthFrom;
            if (count == 0) {
                continue;
            }
            if (pending.length < count) {
                pending = new int[Math.max(count, pending.length * 2)];
            }
            for (int node = leaf, i = count - 1; i >= 0; node = table.parent(node), i--) {
                pending[i] = node;
            }
            for (int i = 0; i < count; i++) {
                int node = pending[i];
                int frame = table.frame(node);
                int id = frameIds[frame];
                if (id < 0) {
                    Frame f = profile.frame(frame);
                    id = interner.intern(frameNames[frame], f.kind(), f.module());
                    frameIds[frame] = id;
                }
                nodeNames[node] = id;
                reached++;
            }
        }
        FrameNames names = interner.build();
        int[] parents = table.parentArray();
        if (reached < table.size()) {
            // Only the reached nodes, renumbered in order, so that a parent still comes before its children.
            int[] renumbered = new int[table.size()];
            int[] keptParents = new int[reached];
            int[] keptNames = new int[reached];
            keptParents[0] = -1;
            int next = 1;
            for (int node = 1; node < table.size(); node++) {
                if (nodeNames[node] != 0) {
                    renumbered[node] = next;
                    keptParents[next] = renumbered[parents[node]];
                    keptNames[next] = nodeNames[node];
                    next++;
                }
            }
            for (int r = 0; r < n; r++) {
                leaves[r] = renumbered[leaves[r]];
            }
            return new NamedStacks(names, keptParents, keptNames, leaves, rowThreads, rowWeights);
        }
        return new NamedStacks(names, parents, nodeNames, leaves, rowThreads, rowWeights);
    }

    /** The name trie's child of {@code parent} named {@code name}, added when new. */
    private static int child(LongIntHashMap children, IntArrayList parents, IntArrayList names, int parent,
                             int name) {
        int next = parents.size();
        int node = children.putIfAbsent(((long) parent << 32) | name, next);
        if (node == next) {
            parents.add(parent);
            names.add(name);
        }
        return node;
    }

    /** The flat form, derived from the trie on first use. */
    private Flat flat() {
        Flat f = flat;
        if (f == null) {
            synchronized (this) {
                f = flat;
                if (f == null) {
                    f = flatten();
                    flat = f;
                }
            }
        }
        return f;
    }

    private Flat flatten() {
        int[] depths = new int[trieParents.length];
        for (int node = 1; node < depths.length; node++) {
            depths[node] = depths[trieParents[node]] + 1;
        }
        int n = leaves.length;
        int[] starts = new int[n + 1];
        long total = 0;
        for (int r = 0; r < n; r++) {
            starts[r] = (int) total;
            total += depths[leaves[r]];
            if (total > Integer.MAX_VALUE - 8) {
                throw new IllegalStateException("too many frames on the stacks: " + total);
            }
        }
        starts[n] = (int) total;
        int[] path = new int[(int) total];
        for (int r = 0; r < n; r++) {
            int k = starts[r + 1];
            for (int node = leaves[r]; node != 0; node = trieParents[node]) {
                path[--k] = trieNames[node];
            }
        }
        return new Flat(starts, path);
    }

    public FrameNames names() {
        return names;
    }

    /** Number of rows. */
    public int size() {
        return threads.length;
    }

    /** Number of names on row {@code row}'s stack. */
    public int length(int row) {
        Flat f = flat();
        return f.starts[row + 1] - f.starts[row];
    }

    /** The {@code i}-th name id of row {@code row}, counting from the root. */
    public int nameAt(int row, int i) {
        Flat f = flat();
        return f.path[f.starts[row] + i];
    }

    /** Where row {@code row} starts in {@link #pathArray()}. */
    public int start(int row) {
        return flat().starts[row];
    }

    /** The concatenated paths of all rows; do not modify. */
    int[] pathArray() {
        return flat().path;
    }

    public int thread(int row) {
        return threads[row];
    }

    public long weight(int row) {
        return weights[row];
    }

    public long totalWeight() {
        long sum = 0;
        for (long w : weights) {
            sum += w;
        }
        return sum;
    }

    /** Row {@code row}'s path as names, root first. */
    public String[] pathNames(int row) {
        Flat f = flat();
        String[] out = new String[f.starts[row + 1] - f.starts[row]];
        for (int i = 0; i < out.length; i++) {
            out[i] = names.name(f.path[f.starts[row] + i]);
        }
        return out;
    }

    /** The tree merged from the root: callers above callees. */
    public CallTree topDown() {
        return leaves != null ? topDownFromTrie() : build(false);
    }

    /** The tree merged from the leaf: each function's callers above it. */
    public CallTree bottomUp() {
        return build(true);
    }

    /** The name trie's self and total weight per node, and its children lists (in creation order). */
    private record TrieShape(long[] selves, long[] totals, int[] childStarts, int[] children) {
    }

    /** The trie's shape, computed once: the top-down tree and the per-name weights (on two threads) both need it. */
    private TrieShape trieShape() {
        TrieShape shape = this.shape;
        if (shape == null) {
            synchronized (this) {
                shape = this.shape;
                if (shape == null) {
                    shape = computeTrieShape();
                    this.shape = shape;
                }
            }
        }
        return shape;
    }

    private TrieShape computeTrieShape() {
        int size = trieParents.length;
        long[] selves = new long[size];
        for (int r = 0; r < leaves.length; r++) {
            selves[leaves[r]] += weights[r];
        }
        long[] totals = selves.clone();
        // A node's parent is an earlier node, so going backwards adds every subtree before its parent is read.
        for (int node = size - 1; node > 0; node--) {
            totals[trieParents[node]] += totals[node];
        }
        int[] childStarts = new int[size + 1];
        for (int node = 1; node < size; node++) {
            childStarts[trieParents[node] + 1]++;
        }
        for (int i = 0; i < size; i++) {
            childStarts[i + 1] += childStarts[i];
        }
        int[] fill = Arrays.copyOf(childStarts, size);
        int[] children = new int[Math.max(0, size - 1)];
        for (int node = 1; node < size; node++) {
            children[fill[trieParents[node]]++] = node;
        }
        return new TrieShape(selves, totals, childStarts, children);
    }

    /**
     * The top-down tree straight from the name trie, which already is that tree: its nodes keep their ids (a
     * parent before its children) and only the children are linked in name order.
     */
    private CallTree topDownFromTrie() {
        TrieShape shape = trieShape();
        int size = trieParents.length;
        int[] ranks = nameRanks();
        int[] children = shape.children;
        int[] childStarts = shape.childStarts;
        int[] firstChild = new int[size];
        int[] nextSibling = new int[size];
        Arrays.fill(firstChild, -1);
        Arrays.fill(nextSibling, -1);
        long[] keys = new long[16];
        for (int node = 0; node < size; node++) {
            int from = childStarts[node];
            int to = childStarts[node + 1];
            if (to - from == 1) {
                firstChild[node] = children[from];
            } else if (to - from > 1) {
                int count = to - from;
                if (keys.length < count) {
                    keys = new long[Math.max(count, keys.length * 2)];
                }
                for (int i = 0; i < count; i++) {
                    int c = children[from + i];
                    keys[i] = ((long) ranks[trieNames[c]] << 32) | c;
                }
                Arrays.sort(keys, 0, count);
                int previous = (int) keys[0];
                firstChild[node] = previous;
                for (int i = 1; i < count; i++) {
                    int c = (int) keys[i];
                    nextSibling[previous] = c;
                    previous = c;
                }
            }
        }
        return new CallTree(names.array(), trieNames, trieParents, shape.totals, shape.selves, firstChild,
                nextSibling, false);
    }

    /**
     * Builds the merged tree without hashing: rows are sorted by their paths in name order, so each row shares a
     * prefix with the one before it and everything after that prefix is new; a node's children are then created
     * once each, already in name order.
     */
    private CallTree build(boolean reversed) {
        Flat f = flat();
        int[] rowStarts = f.starts;
        int[] path = f.path;
        int n = threads.length;
        int[] ranks = nameRanks();
        int[] order = sortedRows(ranks, reversed, rowStarts, path);
        int expected = Math.max(16, path.length / 2);
        IntArrayList nodeNames = new IntArrayList(expected);
        IntArrayList parents = new IntArrayList(expected);
        LongArrayList totals = new LongArrayList(expected);
        LongArrayList selves = new LongArrayList(expected);
        nodeNames.add(FrameNames.ROOT);
        parents.add(-1);
        totals.add(0);
        selves.add(0);
        int maxLength = 0;
        for (int r = 0; r < n; r++) {
            maxLength = Math.max(maxLength, rowStarts[r + 1] - rowStarts[r]);
        }
        int[] chain = new int[maxLength + 1];
        chain[0] = CallTree.ROOT;
        int previous = -1;
        for (int idx : order) {
            int len = rowStarts[idx + 1] - rowStarts[idx];
            int common = 0;
            if (previous >= 0) {
                int limit = Math.min(len, rowStarts[previous + 1] - rowStarts[previous]);
                while (common < limit && at(rowStarts, path, idx, common, reversed)
                        == at(rowStarts, path, previous, common, reversed)) {
                    common++;
                }
            }
            for (int d = common; d < len; d++) {
                int node = parents.size();
                parents.add(chain[d]);
                nodeNames.add(at(rowStarts, path, idx, d, reversed));
                totals.add(0);
                selves.add(0);
                chain[d + 1] = node;
            }
            long weight = weights[idx];
            for (int d = 0; d <= len; d++) {
                totals.addTo(chain[d], weight);
            }
            selves.addTo(chain[len], weight);
            previous = idx;
        }
        int[] parentArray = parents.toArray();
        int size = parentArray.length;
        int[] firstChild = new int[size];
        int[] nextSibling = new int[size];
        int[] lastChild = new int[size];
        Arrays.fill(firstChild, -1);
        Arrays.fill(nextSibling, -1);
        Arrays.fill(lastChild, -1);
        for (int node = 1; node < size; node++) {
            int parent = parentArray[node];
            if (lastChild[parent] < 0) {
                firstChild[parent] = node;
            } else {
                nextSibling[lastChild[parent]] = node;
            }
            lastChild[parent] = node;
        }
        return new CallTree(names.array(), nodeNames.toArray(), parentArray, totals.toArray(), selves.toArray(),
                firstChild, nextSibling, reversed);
    }

    /** The {@code d}-th name id of a row's path, counted from the root, or from the leaf when reversed. */
    private static int at(int[] rowStarts, int[] path, int row, int d, boolean reversed) {
        return reversed ? path[rowStarts[row + 1] - 1 - d] : path[rowStarts[row] + d];
    }

    /** Row indexes ordered by path, comparing names by {@code ranks}; a path sorts before its extensions. */
    private int[] sortedRows(int[] ranks, boolean reversed, int[] rowStarts, int[] path) {
        int n = threads.length;
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        int[] buffer = new int[n];
        // Bottom-up merge sort on primitive indexes: no boxing for hundreds of thousands of rows.
        for (int width = 1; width < n; width *= 2) {
            for (int lo = 0; lo < n - width; lo += 2 * width) {
                int mid = lo + width;
                int hi = Math.min(lo + 2 * width, n);
                if (comparePaths(order[mid - 1], order[mid], ranks, reversed, rowStarts, path) <= 0) {
                    continue;
                }
                System.arraycopy(order, lo, buffer, lo, hi - lo);
                int i = lo;
                int j = mid;
                for (int k = lo; k < hi; k++) {
                    if (i < mid && (j >= hi
                            || comparePaths(buffer[i], buffer[j], ranks, reversed, rowStarts, path) <= 0)) {
                        order[k] = buffer[i++];
                    } else {
                        order[k] = buffer[j++];
                    }
                }
            }
        }
        return order;
    }

    private static int comparePaths(int a, int b, int[] ranks, boolean reversed, int[] rowStarts, int[] p) {
        int la = rowStarts[a + 1] - rowStarts[a];
        int lb = rowStarts[b + 1] - rowStarts[b];
        int limit = Math.min(la, lb);
        if (!reversed) {
            int i = rowStarts[a];
            int j = rowStarts[b];
            for (int d = 0; d < limit; d++) {
                int x = p[i + d];
                int y = p[j + d];
                if (x != y) {
                    return Integer.compare(ranks[x], ranks[y]);
                }
            }
        } else {
            int i = rowStarts[a + 1] - 1;
            int j = rowStarts[b + 1] - 1;
            for (int d = 0; d < limit; d++) {
                int x = p[i - d];
                int y = p[j - d];
                if (x != y) {
                    return Integer.compare(ranks[x], ranks[y]);
                }
            }
        }
        return Integer.compare(la, lb);
    }

    private int[] nameRanks() {
        String[] array = names.array();
        Integer[] order = new Integer[array.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> array[a].compareTo(array[b]));
        int[] ranks = new int[array.length];
        for (int i = 0; i < order.length; i++) {
            ranks[order[i]] = i;
        }
        return ranks;
    }

    /**
     * Self and total weight per name id: self where the name is the leaf, total where it is anywhere on the stack,
     * counted once per row under recursion. Index {@link FrameNames#ROOT} holds the grand total.
     *
     * @return {@code [self[], total[]]}
     */
    public long[][] weightsByName() {
        return leaves != null ? weightsByNameFromTrie() : weightsByNameFromRows();
    }

    private long[][] weightsByNameFromRows() {
        Flat f = flat();
        int[] rowStarts = f.starts;
        int[] path = f.path;
        int count = names.size();
        long[] self = new long[count];
        long[] total = new long[count];
        int[] seenInRow = new int[count];
        Arrays.fill(seenInRow, -1);
        for (int r = 0; r < threads.length; r++) {
            long w = weights[r];
            total[FrameNames.ROOT] += w;
            int from = rowStarts[r];
            int to = rowStarts[r + 1];
            for (int k = from; k < to; k++) {
                int id = path[k];
                if (seenInRow[id] != r) {
                    seenInRow[id] = r;
                    total[id] += w;
                }
            }
            if (to > from) {
                self[path[to - 1]] += w;
            }
        }
        return new long[][] {self, total};
    }

    /**
     * The same from the name trie: a name's total is the sum of the totals of its topmost nodes (those with no
     * ancestor of the same name), which counts every row holding the name once.
     */
    private long[][] weightsByNameFromTrie() {
        TrieShape shape = trieShape();
        int count = names.size();
        long[] self = new long[count];
        long[] total = new long[count];
        total[FrameNames.ROOT] = shape.totals[0];
        int size = trieParents.length;
        for (int node = 1; node < size; node++) {
            self[trieNames[node]] += shape.selves[node];
        }
        // A node counts where its name is not on the path above it. Parents come before children, so one pass in
        // node order does: each node keeps a 64-bit summary of the names above and at it (one bit per name, by
        // hash), and only where its name's bit is set above does it look up the path for the name itself.
        long[] totals = shape.totals;
        long[] above = new long[size];
        for (int node = 1; node < size; node++) {
            int parent = trieParents[node];
            int name = trieNames[node];
            long bit = 1L << ((name * 0x9E3779B9) >>> 26);
            long mask = above[parent];
            boolean nested = false;
            if ((mask & bit) != 0) {
                for (int up = parent; up > 0; up = trieParents[up]) {
                    if (trieNames[up] == name) {
                        nested = true;
                        break;
                    }
                }
            }
            above[node] = mask | bit;
            if (!nested) {
                total[name] += totals[node];
            }
        }
        return new long[][] {self, total};
    }

    /** Self and total weight of every name that occurs, the root excluded, in name-id order. */
    public List<FunctionStats> functionStats() {
        long[][] w = weightsByName();
        List<FunctionStats> out = new ArrayList<>();
        for (int id = 1; id < names.size(); id++) {
            if (w[1][id] > 0) {
                out.add(new FunctionStats(names.name(id), w[0][id], w[1][id]));
            }
        }
        return out;
    }

    /**
     * Writes the rows as folded stacks, {@code root;...;leaf WEIGHT}, one line per distinct path, sorted by byte
     * order with weights summed, as FlameGraph's stackcollapse scripts print them. Empty paths are left out.
     */
    public void writeFolded(OutputStream out) throws IOException {
        Map<String, long[]> lines = new HashMap<>();
        StringBuilder sb = new StringBuilder(256);
        Flat f = flat();
        int[] rowStarts = f.starts;
        int[] path = f.path;
        for (int r = 0; r < threads.length; r++) {
            int from = rowStarts[r];
            int to = rowStarts[r + 1];
            if (to == from) {
                continue;
            }
            sb.setLength(0);
            for (int k = from; k < to; k++) {
                if (k > from) {
                    sb.append(';');
                }
                sb.append(names.name(path[k]));
            }
            lines.computeIfAbsent(sb.toString(), key -> new long[1])[0] += weights[r];
        }
        dev.perfdesk.core.folded.FoldedLines.write(lines, out);
    }
}
