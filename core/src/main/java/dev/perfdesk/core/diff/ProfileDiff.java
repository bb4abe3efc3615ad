package dev.perfdesk.core.diff;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import dev.perfdesk.core.calltree.CallTree;
import dev.perfdesk.core.calltree.FrameNames;
import dev.perfdesk.core.calltree.NamedStacks;
import dev.perfdesk.core.flame.FlameViewSpec;
import dev.perfdesk.core.flame.FlameViewState;
import dev.perfdesk.core.model.Profile;
import dev.perfdesk.core.model.ProfileInfo;
import dev.perfdesk.core.model.WeightUnit;
import dev.perfdesk.core.naming.FrameNamer;
import dev.perfdesk.core.naming.FrameNamers;
import dev.perfdesk.core.progress.ProgressMonitor;
import dev.perfdesk.core.timeline.TimeRange;
import dev.perfdesk.core.util.IntArrayList;
import dev.perfdesk.core.util.LongArrayList;
import dev.perfdesk.core.util.LongIntHashMap;

/**
 * Two profiles, or two selections of one (threads, a time range), compared as FlameGraph's {@code difffolded.pl}
 * and {@code flamegraph.pl} compare two folded files: stacks are matched by their frame names from the root, each
 * distinct stack keeps a baseline and a candidate weight, and the merged tree is drawn in one side's shape.
 *
 * <p>In the candidate's shape (the default) frame widths are the candidate's weights, frames absent from the
 * baseline are {@link #isNew new}, and stacks the candidate lost have no width. The baseline's shape is the
 * reversed diff ({@code difffolded.pl folded2 folded1 | flamegraph.pl --negate}): widths are the baseline's and
 * frames gone from the candidate show. Either way every node carries both sides' total and self weight, and the
 * change is candidate minus baseline. Normalising scales the baseline's weight of every distinct stack by
 * candidate total / baseline total, so shares rather than amounts are compared: {@link Normalization#SHARES}
 * rounds each stack so that the totals come out equal, {@link Normalization#DIFFFOLDED} truncates each stack
 * exactly as {@code difffolded.pl -n} does.
 *
 * <pre>{@code
 * ProfileDiff.Side before = ProfileDiff.Side.of(baselineProfile, monitor);
 * ProfileDiff.Side after = ProfileDiff.Side.of(candidateProfile, monitor);
 * ProfileDiff diff = ProfileDiff.compute(before, after,
 *         ProfileDiff.Options.DEFAULT.withNormalization(ProfileDiff.Normalization.SHARES), monitor);
 * for (FunctionDiff f : diff.functions().subList(0, 10)) {
 *     System.out.println(f.name() + " " + DiffText.signedCount(f.change()));
 * }
 * }</pre>
 */
public final class ProfileDiff {
    private static final int BASE = 0;
    private static final int CAND = 1;

    /** Whose weights give the frames their widths. */
    public enum Shape {
        /** The candidate's: what the candidate spends, coloured by how it changed; new frames show. */
        CANDIDATE("Candidate shape"),
        /** The baseline's: the reversed diff, where frames that vanished from the candidate show. */
        BASELINE("Baseline shape");

        private final String label;

        Shape(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Whether and how the baseline is scaled to the candidate's total weight before comparing. */
    public enum Normalization {
        /** Weights as they are: amounts are compared. */
        NONE,
        /**
         * Each baseline stack scaled by candidate total / baseline total and rounded so that the totals come out
         * exactly equal (largest remainders round up): shares are compared, each stack within one unit of exact.
         */
        SHARES,
        /**
         * Each baseline stack scaled and truncated, {@code int(count * total2 / total1)}, exactly as
         * {@code difffolded.pl -n}: the output FlameGraph's tools give, but scaling down drops stacks of few
         * samples, so the totals can end up far apart.
         */
        DIFFFOLDED
    }

    /**
     * How to compare.
     *
     * @param shape         whose weights give the widths
     * @param normalization whether and how the baseline is scaled to the candidate's total weight first
     */
    public record Options(Shape shape, Normalization normalization) {
        /** The candidate's shape, weights as they are. */
        public static final Options DEFAULT = new Options(Shape.CANDIDATE, Normalization.NONE);

        public Options {
            Objects.requireNonNull(shape, "shape");
            Objects.requireNonNull(normalization, "normalization");
        }

        public Options withShape(Shape newShape) {
            return new Options(newShape, normalization);
        }

        public Options withNormalization(Normalization newNormalization) {
            return new Options(shape, newNormalization);
        }
    }

    /**
     * One side of a comparison: a name for people and the named stacks of a profile or of a selection of it.
     *
     * @param name   how the side is called in titles and tooltips
     * @param stacks its stacks, named; any {@link NamedStacks}, from any profile
     * @param unit   the unit of its weights
     */
    public record Side(String name, NamedStacks stacks, WeightUnit unit) {
        public Side {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(stacks, "stacks");
            Objects.requireNonNull(unit, "unit");
        }

        /** All of {@code profile}: every thread, every time, named by its default namer. */
        public static Side of(Profile profile, ProgressMonitor monitor) {
            return of(profile, FrameNamers.forProfile(profile), Set.of(), null, profile.info().name(), monitor);
        }

        /**
         * A selection of {@code profile}: the samples of {@code threads} (empty for all) within {@code range} (null
         * for all times), as {@link FlameViewState#baseStacks} selects them.
         */
        public static Side of(Profile profile, FrameNamer namer, Set<Integer> threads, TimeRange range, String name,
                              ProgressMonitor monitor) {
            return new Side(name, FlameViewState.baseStacks(profile, namer, threads, range, monitor),
                    profile.info().unit());
        }
    }

    private final Side baseline;
    private final Side candidate;
    private final Options options;
    private final FrameNames names;
    private final int[] pathStarts;
    private final int[] pathIds;
    private final long[] pathBase;
    private final long[] pathCand;
    private final long rawBaselineWeight;
    private final long baselineWeight;
    private final long candidateWeight;
    private final boolean scaled;
    private final FlameViewState view;
    private final long[] baseTotal;
    private final long[] baseSelf;
    private final long[] candTotal;
    private final long[] candSelf;
    private final long maxSelfDelta;
    private final long maxTotalDelta;
    private final List<FunctionDiff> functions;

    private ProfileDiff(Side baseline, Side candidate, Options options, Paths paths, long rawBaselineWeight,
                        boolean scaled, ProgressMonitor monitor) {
        this.baseline = baseline;
        this.candidate = candidate;
        this.options = options;
        this.names = paths.names;
        this.pathStarts = paths.starts;
        this.pathIds = paths.ids;
        this.pathBase = paths.weights[BASE];
        this.pathCand = paths.weights[CAND];
        this.rawBaselineWeight = rawBaselineWeight;
        this.baselineWeight = sum(pathBase);
        this.candidateWeight = sum(pathCand);
        this.scaled = scaled;

        int shapeSide = options.shape() == Shape.CANDIDATE ? CAND : BASE;
        this.view = FlameViewState.compute(shapeStacks(shapeSide), info(), List.of(), FlameViewSpec.DEFAULT,
                monitor);
        CallTree tree = view.tree();
        int n = tree.size();
        long[] shapeTotal = new long[n];
        long[] shapeSelf = new long[n];
        for (int node = 0; node < n; node++) {
            shapeTotal[node] = tree.total(node);
            shapeSelf[node] = tree.self(node);
        }
        long[] otherTotal = new long[n];
        long[] otherSelf = new long[n];
        addOtherSide(tree, shapeSide == CAND ? pathBase : pathCand, otherTotal, otherSelf, monitor);
        this.baseTotal = shapeSide == BASE ? shapeTotal : otherTotal;
        this.baseSelf = shapeSide == BASE ? shapeSelf : otherSelf;
        this.candTotal = shapeSide == CAND ? shapeTotal : otherTotal;
        this.candSelf = shapeSide == CAND ? shapeSelf : otherSelf;

        long maxPath = 1;
        for (int i = 0; i < pathBase.length; i++) {
            maxPath = Math.max(maxPath, Math.abs(pathCand[i] - pathBase[i]));
        }
        this.maxSelfDelta = maxPath;
        long maxNode = 1;
        for (int node = 1; node < n; node++) {
            maxNode = Math.max(maxNode, Math.abs(candTotal[node] - baseTotal[node]));
        }
        this.maxTotalDelta = maxNode;
        this.functions = Collections.unmodifiableList(functionDiffs());
    }

    /**
     * Compares {@code candidate} with {@code baseline}.
     *
     * @param monitor checked for cancellation; the work is a few passes over both sides' distinct stacks
     */
    public static ProfileDiff compute(Side baseline, Side candidate, Options options, ProgressMonitor monitor) {
        Paths paths = new Paths();
        paths.add(baseline.stacks(), BASE, monitor);
        paths.add(candidate.stacks(), CAND, monitor);
        paths.finish();
        long rawBase = sum(paths.weights[BASE]);
        long cand = sum(paths.weights[CAND]);
        boolean scale = options.normalization() != Normalization.NONE && rawBase != cand && rawBase > 0;
        if (scale && options.normalization() == Normalization.DIFFFOLDED) {
            long[] base = paths.weights[BASE];
            for (int i = 0; i < base.length; i++) {
                base[i] = scaled(base[i], cand, rawBase);
            }
        } else if (scale) {
            apportion(paths.weights[BASE], cand, rawBase);
        }
        monitor.checkCancelled();
        return new ProfileDiff(baseline, candidate, options, paths, rawBase, scale, monitor);
    }

    /** {@code int(value * numerator / denominator)} as Perl computes it in {@code difffolded.pl -n}. */
    static long scaled(long value, long numerator, long denominator) {
        double product;
        try {
            product = Math.multiplyExact(value, numerator);
        } catch (ArithmeticException e) {
            product = (double) value * numerator;
        }
        return (long) (product / denominator);
    }

    /**
     * Scales {@code values} (summing to {@code denominator}) to sum to exactly {@code numerator}: each becomes the
     * floor of its exact share, and the units left over go to the largest remainders, earlier values first on ties
     * (Hamilton's method).
     */
    static void apportion(long[] values, long numerator, long denominator) {
        int n = values.length;
        double[] remainders = new double[n];
        long assigned = 0;
        for (int i = 0; i < n; i++) {
            long v = values[i];
            long floor;
            double remainder;
            try {
                long product = Math.multiplyExact(v, numerator);
                floor = product / denominator;
                remainder = (double) (product % denominator) / denominator;
            } catch (ArithmeticException e) {
                double exact = (double) v * numerator / denominator;
                floor = (long) Math.floor(exact);
                remainder = exact - floor;
            }
            values[i] = floor;
            remainders[i] = remainder;
            assigned += floor;
        }
        long left = numerator - assigned;
        if (left <= 0) {
            return;
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> remainders[a] != remainders[b]
                ? Double.compare(remainders[b], remainders[a]) : Integer.compare(a, b));
        for (int k = 0; k < n && left > 0; k++) {
            if (remainders[order[k]] > 0) {
                values[order[k]]++;
                left--;
            }
        }
    }

    private static long sum(long[] values) {
        long s = 0;
        for (long v : values) {
            s += v;
        }
        return s;
    }

    private ProfileInfo info() {
        return new ProfileInfo(title(), "diff", "", candidate.unit(), "", "", "", "", null, -1, 0,
                options.shape() == Shape.CANDIDATE ? candidateWeight : baselineWeight, Map.of());
    }

    /** The distinct stacks with weight on {@code side}, as rows over the union of both sides' names. */
    private NamedStacks shapeStacks(int side) {
        long[] weights = side == CAND ? pathCand : pathBase;
        IntArrayList starts = new IntArrayList(weights.length + 1);
        IntArrayList ids = new IntArrayList(pathIds.length);
        LongArrayList rowWeights = new LongArrayList(weights.length);
        for (int i = 0; i < weights.length; i++) {
            if (weights[i] <= 0) {
                continue;
            }
            starts.add(ids.size());
            for (int k = pathStarts[i]; k < pathStarts[i + 1]; k++) {
                ids.add(pathIds[k]);
            }
            rowWeights.add(weights[i]);
        }
        starts.add(ids.size());
        int[] threads = new int[rowWeights.size()];
        Arrays.fill(threads, -1);
        return new NamedStacks(names, starts.toArray(), ids.toArray(), threads, rowWeights.toArray());
    }

    /** Adds the weights of the side not drawn to the nodes its stacks pass through; the rest has vanished. */
    private void addOtherSide(CallTree tree, long[] weights, long[] total, long[] self, ProgressMonitor monitor) {
        int n = tree.size();
        LongIntHashMap children = new LongIntHashMap(Math.max(16, n));
        for (int node = 1; node < n; node++) {
            children.putIfAbsent(((long) tree.parent(node) << 32) | tree.nameId(node), node);
        }
        for (int i = 0; i < weights.length; i++) {
            if ((i & 0xFFF) == 0) {
                monitor.checkCancelled();
            }
            long w = weights[i];
            if (w == 0) {
                continue;
            }
            int node = CallTree.ROOT;
            total[node] += w;
            boolean whole = true;
            for (int k = pathStarts[i]; k < pathStarts[i + 1]; k++) {
                int child = children.get(((long) node << 32) | pathIds[k]);
                if (child < 0) {
                    whole = false;
                    break;
                }
                node = child;
                total[node] += w;
            }
            if (whole) {
                self[node] += w;
            }
        }
    }

    private List<FunctionDiff> functionDiffs() {
        int count = names.size();
        long[][] self = new long[2][count];
        long[][] total = new long[2][count];
        int[] seen = new int[count];
        Arrays.fill(seen, -1);
        long[][] weights = {pathBase, pathCand};
        for (int i = 0; i < pathBase.length; i++) {
            for (int side = BASE; side <= CAND; side++) {
                long w = weights[side][i];
                if (w == 0) {
                    continue;
                }
                int stamp = 2 * i + side;
                for (int k = pathStarts[i]; k < pathStarts[i + 1]; k++) {
                    int id = pathIds[k];
                    if (seen[id] != stamp) {
                        seen[id] = stamp;
                        total[side][id] += w;
                    }
                }
                self[side][pathIds[pathStarts[i + 1] - 1]] += w;
            }
        }
        List<FunctionDiff> out = new ArrayList<>();
        for (int id = 1; id < count; id++) {
            if (total[BASE][id] > 0 || total[CAND][id] > 0) {
                out.add(new FunctionDiff(names.name(id), self[BASE][id], total[BASE][id], self[CAND][id],
                        total[CAND][id]));
            }
        }
        out.sort(FunctionDiff.BY_ABSOLUTE_CHANGE);
        return out;
    }

    public Side baseline() {
        return baseline;
    }

    public Side candidate() {
        return candidate;
    }

    public Options options() {
        return options;
    }

    /** {@code baseline vs candidate}. */
    public String title() {
        return baseline.name() + " vs " + candidate.name();
    }

    /**
     * The drawn side's stacks as a flame graph state, for painting, hit-testing, search and export; its tree's
     * nodes are the nodes of this diff.
     */
    public FlameViewState view() {
        return view;
    }

    /** The merged tree in the chosen shape; the same as {@code view().tree()}. */
    public CallTree tree() {
        return view.tree();
    }

    /** The unit weights are shown in: the candidate's. */
    public WeightUnit unit() {
        return candidate.unit();
    }

    /** Whether the two sides count in different units, so only a normalised comparison means something. */
    public boolean unitsDiffer() {
        return baseline.unit() != candidate.unit();
    }

    /** Whether the baseline was scaled to the candidate's total weight. */
    public boolean isNormalized() {
        return scaled;
    }

    /** The factor the baseline was scaled by: candidate total / baseline total, or 1. */
    public double baselineScale() {
        return scaled ? (double) candidateWeight / rawBaselineWeight : 1;
    }

    /** The baseline's total weight as compared (after normalisation). */
    public long baselineWeight() {
        return baselineWeight;
    }

    /** The baseline's total weight before normalisation. */
    public long rawBaselineWeight() {
        return rawBaselineWeight;
    }

    public long candidateWeight() {
        return candidateWeight;
    }

    /** Number of distinct stacks over both sides. */
    public int stackCount() {
        return pathBase.length;
    }

    public long baselineTotal(int node) {
        return baseTotal[node];
    }

    public long baselineSelf(int node) {
        return baseSelf[node];
    }

    public long candidateTotal(int node) {
        return candTotal[node];
    }

    public long candidateSelf(int node) {
        return candSelf[node];
    }

    /** How the node's total weight changed: candidate minus baseline. */
    public long totalDelta(int node) {
        return candTotal[node] - baseTotal[node];
    }

    /** How the node's self weight changed: candidate minus baseline. */
    public long selfDelta(int node) {
        return candSelf[node] - baseSelf[node];
    }

    /** Whether no baseline stack reaches the node: it is new in the candidate (only in the candidate's shape). */
    public boolean isNew(int node) {
        return node != CallTree.ROOT && baseTotal[node] == 0;
    }

    /** Whether no candidate stack reaches the node: it vanished (only in the baseline's shape). */
    public boolean isGone(int node) {
        return node != CallTree.ROOT && candTotal[node] == 0;
    }

    /**
     * The largest change of any distinct stack, at least 1: flamegraph.pl's {@code maxdelta}, which scales the
     * colours of self changes. Both shapes share it.
     */
    public long maxSelfDelta() {
        return maxSelfDelta;
    }

    /** The largest change of any frame's total weight in this tree, the root left out; at least 1. */
    public long maxTotalDelta() {
        return maxTotalDelta;
    }

    /** Every function of either side, largest absolute change of total weight first. */
    public List<FunctionDiff> functions() {
        return functions;
    }

    /**
     * Several lines for a tooltip: both sides' total and self weight with their shares, and the change; a last line
     * says when the frame is new or gone.
     */
    public String details(int node) {
        WeightUnit unit = unit();
        StringBuilder sb = new StringBuilder();
        sb.append("Baseline: ").append(unit.format(baseTotal[node])).append(" (")
                .append(FlameViewState.percent(baseTotal[node], baselineWeight)).append("), self ")
                .append(unit.format(baseSelf[node])).append('\n');
        sb.append("Candidate: ").append(unit.format(candTotal[node])).append(" (")
                .append(FlameViewState.percent(candTotal[node], candidateWeight)).append("), self ")
                .append(unit.format(candSelf[node])).append('\n');
        sb.append("Change: ").append(DiffText.signed(unit, totalDelta(node))).append(" (")
                .append(DiffText.percent(totalDelta(node), baseTotal[node])).append("), self ")
                .append(DiffText.signed(unit, selfDelta(node))).append(" (")
                .append(DiffText.percent(selfDelta(node), baseSelf[node])).append(')');
        if (isNew(node)) {
            sb.append("\nNew in the candidate");
        } else if (isGone(node)) {
            sb.append("\nGone from the candidate");
        }
        return sb.toString();
    }

    /** One line for a status bar: name, both totals, the change and its percentage, and both selves. */
    public String describe(int node) {
        WeightUnit unit = unit();
        StringBuilder sb = new StringBuilder(tree().name(node));
        sb.append(" \u2014 baseline ").append(unit.format(baseTotal[node])).append(", candidate ")
                .append(unit.format(candTotal[node])).append(", change ")
                .append(DiffText.signed(unit, totalDelta(node))).append(" (")
                .append(DiffText.percent(totalDelta(node), baseTotal[node])).append("); self ")
                .append(unit.format(baseSelf[node])).append(" \u2192 ").append(unit.format(candSelf[node]));
        if (isNew(node)) {
            sb.append("; new in the candidate");
        } else if (isGone(node)) {
            sb.append("; gone from the candidate");
        }
        return sb.toString();
    }

    /**
     * Writes every distinct stack with both weights, {@code a;b;c BASE CAND}, as {@code difffolded.pl} prints them
     * (the baseline normalised when the diff is), sorted by byte order; {@code flamegraph.pl} draws the result.
     */
    public void writeFolded(OutputStream out) throws IOException {
        int n = pathBase.length;
        byte[][] keys = new byte[n][];
        StringBuilder sb = new StringBuilder(256);
        for (int i = 0; i < n; i++) {
            sb.setLength(0);
            for (int k = pathStarts[i]; k < pathStarts[i + 1]; k++) {
                if (k > pathStarts[i]) {
                    sb.append(';');
                }
                sb.append(names.name(pathIds[k]));
            }
            keys[i] = sb.toString().getBytes(StandardCharsets.UTF_8);
        }
        dev.perfdesk.core.folded.FoldedLines.write(keys, i -> pathBase[i] + " " + pathCand[i], out);
    }

    /** The distinct stacks of both sides over one set of names, with each side's weight, in first-seen order. */
    private static final class Paths {
        private final FrameNames.Builder unionNames = new FrameNames.Builder();
        private final Map<PathKey, long[]> weightsByPath = new LinkedHashMap<>();
        private FrameNames names;
        private int[] starts;
        private int[] ids;
        private final long[][] weights = new long[2][];

        void add(NamedStacks stacks, int side, ProgressMonitor monitor) {
            FrameNames sideNames = stacks.names();
            int[] union = new int[sideNames.size()];
            Arrays.fill(union, -1);
            for (int r = 0; r < stacks.size(); r++) {
                if ((r & 0xFFF) == 0) {
                    monitor.checkCancelled();
                }
                int length = stacks.length(r);
                long w = stacks.weight(r);
                if (length == 0 || w == 0) {
                    continue;
                }
                int[] path = new int[length];
                for (int k = 0; k < length; k++) {
                    int id = stacks.nameAt(r, k);
                    if (union[id] < 0) {
                        union[id] = unionNames.intern(sideNames.name(id), sideNames.kind(id), sideNames.module(id));
                    }
                    path[k] = union[id];
                }
                weightsByPath.computeIfAbsent(new PathKey(path), key -> new long[2])[side] += w;
            }
        }

        void finish() {
            names = unionNames.build();
            int n = weightsByPath.size();
            starts = new int[n + 1];
            IntArrayList all = new IntArrayList(n * 8);
            weights[BASE] = new long[n];
            weights[CAND] = new long[n];
            int i = 0;
            for (Map.Entry<PathKey, long[]> e : weightsByPath.entrySet()) {
                starts[i] = all.size();
                for (int id : e.getKey().ids) {
                    all.add(id);
                }
                weights[BASE][i] = e.getValue()[BASE];
                weights[CAND][i] = e.getValue()[CAND];
                i++;
            }
            starts[n] = all.size();
            ids = all.toArray();
            weightsByPath.clear();
        }
    }

    /** A stack of name ids as a map key. */
    private static final class PathKey {
        private final int[] ids;
        private final int hash;

        PathKey(int[] ids) {
            this.ids = ids;
            this.hash = Arrays.hashCode(ids);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof PathKey && Arrays.equals(ids, ((PathKey) o).ids);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
