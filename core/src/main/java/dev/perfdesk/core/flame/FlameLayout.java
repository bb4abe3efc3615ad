package dev.perfdesk.core.flame;

import java.util.Arrays;

import dev.perfdesk.core.calltree.CallTree;

/**
 * The rectangles of a flame graph for one zoom and width: for each visible frame its node, x, width and depth (row,
 * 0 for the root). The zoom node and its ancestors span the full width; the zoom node's descendants are scaled to
 * it. Frames narrower than the minimum width are not emitted one by one: each run of adjacent narrow siblings
 * becomes one <em>elided</em> rectangle if together they are wide enough, so their weight still shows.
 *
 * <p>Orientation (flame or icicle) is the painter's business: depth is a row number either way. The arrays are
 * reused between calls, so a view can lay out on every repaint without allocating.
 *
 * <pre>{@code
 * FlameLayout layout = new FlameLayout();
 * layout.compute(tree, zoomNode, 1920, FlameLayout.DEFAULT_MIN_WIDTH);
 * for (int i = 0; i < layout.size(); i++) {
 *     paint(layout.node(i), layout.x(i), layout.width(i), layout.depth(i), layout.isElided(i));
 * }
 * }</pre>
 */
public final class FlameLayout {
    /** Frames narrower than this many pixels are elided. */
    public static final double DEFAULT_MIN_WIDTH = 0.5;

    private int size;
    private int[] nodes = new int[1024];
    private double[] xs = new double[1024];
    private double[] widths = new double[1024];
    private int[] depths = new int[1024];
    private long[] weights = new long[1024];
    private boolean[] elided = new boolean[1024];
    private int maxDepth;

    private int[] pendingNodes = new int[256];
    private double[] pendingXs = new double[256];

    private CallTree tree;
    private int zoom;
    private double width;

    /**
     * Lays out {@code tree} zoomed to {@code zoomNode} across {@code width} pixels.
     *
     * @param minWidth frames narrower than this are elided; use {@link #DEFAULT_MIN_WIDTH}
     */
    public void compute(CallTree tree, int zoomNode, double width, double minWidth) {
        compute(tree, zoomNode, width, minWidth, Integer.MAX_VALUE);
    }

    /**
     * Lays out {@code tree} as {@link #compute(CallTree, int, double, double)} does, leaving out frames deeper than
     * {@code maxRows} rows (an export of a stack a million frames deep).
     */
    public void compute(CallTree tree, int zoomNode, double width, double minWidth, int maxRows) {
        this.tree = tree;
        this.zoom = zoomNode;
        this.width = width;
        size = 0;
        maxDepth = 0;
        if (width <= 0 || tree.total(zoomNode) <= 0) {
            return;
        }
        for (int n = tree.parent(zoomNode); n >= 0; n = tree.parent(n)) {
            emit(n, 0, width, tree.depth(n), tree.total(n), false);
        }
        emit(zoomNode, 0, width, tree.depth(zoomNode), tree.total(zoomNode), false);
        double scale = width / tree.total(zoomNode);
        int sp = 0;
        pendingNodes[sp] = zoomNode;
        pendingXs[sp] = 0;
        sp++;
        while (sp > 0) {
            sp--;
            int parent = pendingNodes[sp];
            double x = pendingXs[sp];
            int childDepth = tree.depth(parent) + 1;
            if (childDepth > maxRows) {
                continue;
            }
            long before = 0;
            long runStart = -1;
            long runWeight = 0;
            for (int c = tree.firstChild(parent); c >= 0; c = tree.nextSibling(c)) {
                long total = tree.total(c);
                double w = total * scale;
                if (w >= minWidth) {
                    if (runWeight > 0) {
                        emitRun(parent, x, scale, runStart, runWeight, childDepth, minWidth);
                        runWeight = 0;
                    }
                    double cx = x + before * scale;
                    emit(c, cx, w, childDepth, total, false);
                    if (tree.firstChild(c) >= 0) {
                        if (sp == pendingNodes.length) {
                            pendingNodes = Arrays.copyOf(pendingNodes, sp * 2);
                            pendingXs = Arrays.copyOf(pendingXs, sp * 2);
                        }
                        pendingNodes[sp] = c;
                        pendingXs[sp] = cx;
                        sp++;
                    }
                } else {
                    if (runWeight == 0) {
                        runStart = before;
                    }
                    runWeight += total;
                }
                before += total;
            }
            if (runWeight > 0) {
                emitRun(parent, x, scale, runStart, runWeight, childDepth, minWidth);
            }
        }
    }

    private void emitRun(int parent, double x, double scale, long runStart, long runWeight, int depth,
                         double minWidth) {
        double w = runWeight * scale;
        if (w >= minWidth) {
            emit(parent, x + runStart * scale, w, depth, runWeight, true);
        }
    }

    private void emit(int node, double x, double w, int depth, long weight, boolean isElided) {
        if (size == nodes.length) {
            int capacity = size * 2;
            nodes = Arrays.copyOf(nodes, capacity);
            xs = Arrays.copyOf(xs, capacity);
            widths = Arrays.copyOf(widths, capacity);
            depths = Arrays.copyOf(depths, capacity);
            weights = Arrays.copyOf(weights, capacity);
            elided = Arrays.copyOf(elided, capacity);
        }
        nodes[size] = node;
        xs[size] = x;
        widths[size] = w;
        depths[size] = depth;
        weights[size] = weight;
        elided[size] = isElided;
        maxDepth = Math.max(maxDepth, depth);
        size++;
    }

    /** Number of rectangles. */
    public int size() {
        return size;
    }

    /** The tree node of rectangle {@code i}; for an elided run, the parent of the narrow frames it stands for. */
    public int node(int i) {
        return nodes[i];
    }

    public double x(int i) {
        return xs[i];
    }

    public double width(int i) {
        return widths[i];
    }

    /** The row: 0 for the root, 1 for its children. */
    public int depth(int i) {
        return depths[i];
    }

    /** The weight the rectangle stands for: the node's total, or the sum of the elided frames' totals. */
    public long weight(int i) {
        return weights[i];
    }

    /** Whether rectangle {@code i} stands for a run of frames too narrow to draw one by one. */
    public boolean isElided(int i) {
        return elided[i];
    }

    /** The deepest row laid out. */
    public int maxDepth() {
        return maxDepth;
    }

    /** The tree last laid out, or null. */
    public CallTree tree() {
        return tree;
    }

    /** The zoom node of the last layout. */
    public int zoomNode() {
        return zoom;
    }

    /** The width of the last layout. */
    public double layoutWidth() {
        return width;
    }

    /** The rectangle at {@code x} on row {@code depth}, or -1. */
    public int indexAt(double x, int depth) {
        for (int i = 0; i < size; i++) {
            if (depths[i] == depth && x >= xs[i] && x < xs[i] + widths[i]) {
                return i;
            }
        }
        return -1;
    }

    /** The rectangle of tree node {@code node} (not an elided run), or -1 when it is not laid out. */
    public int indexOf(int node) {
        for (int i = 0; i < size; i++) {
            if (nodes[i] == node && !elided[i]) {
                return i;
            }
        }
        return -1;
    }
}
