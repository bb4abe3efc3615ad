package dev.perfdesk.importers.callgrind;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.perfdesk.core.model.ProfileBuilder;
import dev.perfdesk.core.model.StackTable;
import dev.perfdesk.core.util.IntArrayList;
import dev.perfdesk.core.util.LongIntHashMap;

/**
 * What one part of a Callgrind file says: self costs per (function, source position) and calls from a position to a
 * function with their inclusive costs, one column per event. Memory follows the number of distinct positions and
 * arcs, not the number of lines. {@link #emit} turns it into stacks, the way gprof and KCachegrind approximate call
 * paths from arcs.
 */
final class CallGraph {
    /** Expansion stops below this depth; what is deeper keeps its self cost through {@link #emit}'s fix-up. */
    static final int MAX_DEPTH = 200;
    /** At most this many call paths are expanded per event and part. */
    static final int MAX_PATHS = 250_000;

    private final int events;

    private final LongIntHashMap siteIndex = new LongIntHashMap(1 << 12);
    private final IntArrayList siteFunc = new IntArrayList(1 << 12);
    private final IntArrayList siteFrame = new IntArrayList(1 << 12);
    private long[] siteSelf;

    private final LongIntHashMap arcIndex = new LongIntHashMap(1 << 10);
    private final IntArrayList arcSite = new IntArrayList(1 << 10);
    private final IntArrayList arcCallee = new IntArrayList(1 << 10);
    private long[] arcIncl;

    private final long[] totals;

    /** @param events the number of cost columns of this part */
    CallGraph(int events) {
        this.events = events;
        this.siteSelf = new long[Math.max(1, events) << 12];
        this.arcIncl = new long[Math.max(1, events) << 10];
        this.totals = new long[events];
    }

    /** The site of {@code func} at the position named by {@code frame} (a builder frame index). */
    int site(int func, int frame) {
        long key = ((long) func << 32) | (frame & 0xFFFFFFFFL);
        int site = siteIndex.get(key);
        if (site < 0) {
            site = siteFunc.size();
            siteIndex.putIfAbsent(key, site);
            siteFunc.add(func);
            siteFrame.add(frame);
            if ((site + 1) * events > siteSelf.length) {
                siteSelf = Arrays.copyOf(siteSelf, siteSelf.length * 2);
            }
        }
        return site;
    }

    /** Adds a cost line's costs to {@code site}'s self cost; false when a total passes {@link Long#MAX_VALUE}. */
    boolean addSelf(int site, long[] costs) {
        int base = site * events;
        for (int e = 0; e < events; e++) {
            if (costs[e] != 0) {
                try {
                    totals[e] = Math.addExact(totals[e], costs[e]);
                } catch (ArithmeticException overflow) {
                    return false;
                }
                siteSelf[base + e] += costs[e];
            }
        }
        return true;
    }

    /** Adds a call's inclusive costs to the arc from {@code site} to {@code callee}. */
    void addCall(int site, int callee, long[] costs) {
        long key = ((long) site << 32) | (callee & 0xFFFFFFFFL);
        int arc = arcIndex.get(key);
        if (arc < 0) {
            arc = arcSite.size();
            arcIndex.putIfAbsent(key, arc);
            arcSite.add(site);
            arcCallee.add(callee);
            if ((arc + 1) * events > arcIncl.length) {
                arcIncl = Arrays.copyOf(arcIncl, arcIncl.length * 2);
            }
        }
        int base = arc * events;
        for (int e = 0; e < events; e++) {
            // a sum of inclusive costs can pass the self total; saturate rather than wrap, it only weighs a path
            long sum = arcIncl[base + e] + costs[e];
            arcIncl[base + e] = sum < 0 ? Long.MAX_VALUE : sum;
        }
    }

    /** The sum of the self costs of event column {@code e}. */
    long total(int e) {
        return totals[e];
    }

    boolean isEmpty() {
        return siteFunc.size() == 0;
    }

    /**
     * Writes event column {@code e} as stacks into {@code builder}, on {@code thread}. Each function's inclusive cost
     * is its self cost plus its calls to others; starting from the functions nobody calls, a function reached with
     * weight {@code w} passes {@code w / inclusive} of each of its calls' costs on to the callee, and keeps that share
     * of its own self cost. Direct recursion ({@code f} calling {@code f}) is left out of the inclusive cost, since the
     * nested calls' costs are already in {@code f}'s self cost and its other calls; deeper cycles are cut. Last, each
     * position's exact self cost is shared out over the paths that reached it, in whole units proportional to their
     * weights, so self costs per function and line, and the total, are exactly the file's; a position no path reached
     * gets a stack of its own.
     */
    void emit(int e, int funcCount, ProfileBuilder builder, int thread) {
        int sites = siteFunc.size();
        int arcs = arcSite.size();
        long[] self = new long[funcCount];
        long[] out = new long[funcCount];
        long[] in = new long[funcCount];
        int[][] funcSites = group(sites, funcCount, s -> siteFunc.get(s));
        int[][] funcArcs = group(arcs, funcCount, a -> siteFunc.get(arcSite.get(a)));
        for (int s = 0; s < sites; s++) {
            self[siteFunc.get(s)] += siteSelf[s * events + e];
        }
        for (int a = 0; a < arcs; a++) {
            int caller = siteFunc.get(arcSite.get(a));
            int callee = arcCallee.get(a);
            long w = arcIncl[a * events + e];
            if (caller != callee && w > 0) {
                out[caller] = saturatedAdd(out[caller], w);
                in[callee] = saturatedAdd(in[callee], w);
            }
        }
        Expansion x = new Expansion(e, self, out, funcSites, funcArcs, builder, sites);
        for (int f = 0; f < funcCount; f++) {
            long inclusive = saturatedAdd(self[f], out[f]);
            if (in[f] == 0 && inclusive > 0) {
                x.visit(f, inclusive, StackTable.ROOT, 0);
            }
        }
        x.apportion(thread);
    }

    private static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }

    private interface IntMap {
        int apply(int i);
    }

    private static int[][] group(int count, int groups, IntMap key) {
        int[] sizes = new int[groups];
        for (int i = 0; i < count; i++) {
            sizes[key.apply(i)]++;
        }
        int[][] out = new int[groups][];
        for (int g = 0; g < groups; g++) {
            out[g] = new int[sizes[g]];
        }
        Arrays.fill(sizes, 0);
        for (int i = 0; i < count; i++) {
            int g = key.apply(i);
            out[g][sizes[g]++] = i;
        }
        return out;
    }

    /** One event's walk over the graph: the paths found, then the self costs shared out over them. */
    private final class Expansion {
        private final int e;
        private final long[] self;
        private final long[] out;
        private final int[][] funcSites;
        private final int[][] funcArcs;
        private final ProfileBuilder builder;
        private final boolean[] onPath;
        /** Per site, the stack nodes that reached it and their (fractional) weights. */
        private final List<IntArrayList> nodes;
        private final List<double[]> weights;
        private int paths;

        Expansion(int e, long[] self, long[] out, int[][] funcSites, int[][] funcArcs, ProfileBuilder builder,
                  int sites) {
            this.e = e;
            this.self = self;
            this.out = out;
            this.funcSites = funcSites;
            this.funcArcs = funcArcs;
            this.builder = builder;
            this.onPath = new boolean[self.length];
            this.nodes = new ArrayList<>(sites);
            this.weights = new ArrayList<>(sites);
            for (int s = 0; s < sites; s++) {
                nodes.add(null);
                weights.add(null);
            }
        }

        void visit(int f, double weight, int parent, int depth) {
            double inclusive = (double) self[f] + (double) out[f];
            if (inclusive <= 0) {
                return;
            }
            double ratio = weight / inclusive;
            paths++;
            for (int s : funcSites[f]) {
                long cost = siteSelf[s * events + e];
                if (cost > 0) {
                    candidate(s, builder.child(parent, siteFrame.get(s)), cost * ratio);
                }
            }
            onPath[f] = true;
            for (int a : funcArcs[f]) {
                int callee = arcCallee.get(a);
                long incl = arcIncl[a * events + e];
                if (callee == f || incl <= 0 || onPath[callee]) {
                    continue;
                }
                double w = incl * ratio;
                int callNode = builder.child(parent, siteFrame.get(arcSite.get(a)));
                if (depth + 1 < MAX_DEPTH && paths < MAX_PATHS && w >= 0.5) {
                    visit(callee, w, callNode, depth + 1);
                } else {
                    selfOnly(callee, w, callNode);
                }
            }
            onPath[f] = false;
        }

        /** A callee not expanded further keeps its self cost under the call, its own calls go elsewhere. */
        private void selfOnly(int f, double weight, int parent) {
            double inclusive = (double) self[f] + (double) out[f];
            if (inclusive <= 0) {
                return;
            }
            double ratio = weight / inclusive;
            for (int s : funcSites[f]) {
                long cost = siteSelf[s * events + e];
                if (cost > 0) {
                    candidate(s, builder.child(parent, siteFrame.get(s)), cost * ratio);
                }
            }
        }

        private void candidate(int site, int node, double weight) {
            IntArrayList n = nodes.get(site);
            double[] w = weights.get(site);
            if (n == null) {
                n = new IntArrayList(2);
                w = new double[2];
                nodes.set(site, n);
            }
            if (n.size() == w.length) {
                w = Arrays.copyOf(w, w.length * 2);
            }
            w[n.size()] = weight;
            n.add(node);
            weights.set(site, w);
        }

        /** Shares each site's exact self cost out over its nodes, largest remainders first. */
        void apportion(int thread) {
            for (int s = 0; s < nodes.size(); s++) {
                long cost = siteSelf[s * events + e];
                if (cost <= 0) {
                    continue;
                }
                IntArrayList n = nodes.get(s);
                double[] w = weights.get(s);
                double sum = 0;
                for (int i = 0; n != null && i < n.size(); i++) {
                    sum += w[i];
                }
                if (n == null || !(sum > 0)) {
                    builder.samples(builder.child(StackTable.ROOT, siteFrame.get(s)), thread, cost, cost,
                            ProfileBuilder.NO_TIME);
                    continue;
                }
                int k = n.size();
                long[] share = new long[k];
                double[] rest = new double[k];
                long given = 0;
                for (int i = 0; i < k; i++) {
                    double exact = cost * (w[i] / sum);
                    share[i] = Math.min(cost, (long) Math.floor(exact));
                    rest[i] = exact - share[i];
                    given += share[i];
                }
                long left = cost - given;
                if (left != 0) {
                    Integer[] order = new Integer[k];
                    for (int i = 0; i < k; i++) {
                        order[i] = i;
                    }
                    Arrays.sort(order, (a, b) -> Double.compare(rest[b], rest[a]));
                    for (int i = 0; left > 0 && i < k; i++, left--) {
                        share[order[i]]++;
                    }
                    // What floating point rounding left over either way goes to the heaviest path.
                    int heaviest = 0;
                    for (int i = 1; i < k; i++) {
                        heaviest = w[i] > w[heaviest] ? i : heaviest;
                    }
                    share[heaviest] += left;
                    for (int i = 0; share[heaviest] < 0 && i < k; i++) {
                        if (i == heaviest) {
                            continue;
                        }
                        long take = Math.min(share[i], -share[heaviest]);
                        share[i] -= take;
                        share[heaviest] += take;
                    }
                }
                for (int i = 0; i < k; i++) {
                    if (share[i] > 0) {
                        builder.samples(n.get(i), thread, share[i], share[i], ProfileBuilder.NO_TIME);
                    }
                }
            }
        }
    }
}
