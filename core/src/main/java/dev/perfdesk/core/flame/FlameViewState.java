package dev.perfdesk.core.flame;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ForkJoinPool;

import dev.perfdesk.core.calltree.CallTree;
import dev.perfdesk.core.calltree.FrameNames;
import dev.perfdesk.core.calltree.FunctionStats;
import dev.perfdesk.core.calltree.NamedStacks;
import dev.perfdesk.core.calltree.WeightedStacks;
import dev.perfdesk.core.model.Profile;
import dev.perfdesk.core.model.ProfileInfo;
import dev.perfdesk.core.model.ThreadInfo;
import dev.perfdesk.core.model.WeightUnit;
import dev.perfdesk.core.naming.FrameNamer;
import dev.perfdesk.core.progress.ProgressMonitor;
import dev.perfdesk.core.timeline.TimeRange;

/**
 * Everything a flame graph view needs to paint, hit-test, list functions and export, computed in one go off the
 * UI thread and applied in one step: the transformed stacks, the merged tree, a colour per name, per-function
 * weights and the legend. Zoom and search are not part of it; they are cheap to apply on top.
 *
 * <pre>{@code
 * NamedStacks base = FlameViewState.baseStacks(profile, namer, Set.of(), monitor);   // cache per thread choice
 * FlameViewState state = FlameViewState.compute(base, profile.info(), profile.threads(), spec, monitor);
 * }</pre>
 */
public final class FlameViewState {
    private static final int PACKAGE_LEGEND_SIZE = 12;

    private final ProfileInfo info;
    private final List<ThreadInfo> threads;
    private final FlameViewSpec spec;
    private final NamedStacks stacks;
    private final CallTree tree;
    private final int[] colors;
    private final long[] selfByName;
    private final long[] totalByName;
    private final List<FunctionStats> functions;
    private final List<LegendEntry> legend;

    private FlameViewState(ProfileInfo info, List<ThreadInfo> threads, FlameViewSpec spec, NamedStacks stacks,
                           CallTree tree, int[] colors, long[][] byName, List<FunctionStats> functions,
                           List<LegendEntry> legend) {
        this.info = info;
        this.threads = List.copyOf(threads);
        this.spec = spec;
        this.stacks = stacks;
        this.tree = tree;
        this.colors = colors;
        this.selfByName = byName[0];
        this.totalByName = byName[1];
        this.functions = Collections.unmodifiableList(functions);
        this.legend = List.copyOf(legend);
    }

    /** The named stacks of the selected threads ({@code threads} empty for all), before any transform. */
    public static NamedStacks baseStacks(Profile profile, FrameNamer namer, Set<Integer> threads,
                                         ProgressMonitor monitor) {
        return baseStacks(profile, namer, threads, null, monitor);
    }

    /**
     * The named stacks of the selected threads ({@code threads} empty for all) within {@code range} (null for all
     * times; a range needs the profile's timeline), before any transform.
     */
    public static NamedStacks baseStacks(Profile profile, FrameNamer namer, Set<Integer> threads, TimeRange range,
                                         ProgressMonitor monitor) {
        WeightedStacks rows;
        if (range != null && profile.timeline() != null) {
            rows = WeightedStacks.of(profile.timeline(), range.from(), range.to(),
                    threads.isEmpty() ? t -> true : threads::contains);
        } else {
            rows = threads.isEmpty()
                    ? WeightedStacks.of(profile.samples())
                    : WeightedStacks.of(profile.samples(), threads::contains);
        }
        return NamedStacks.of(profile, namer, rows, monitor);
    }

    /** The view of {@code profile} described by {@code spec}. */
    public static FlameViewState compute(Profile profile, FrameNamer namer, FlameViewSpec spec,
                                         ProgressMonitor monitor) {
        NamedStacks base = baseStacks(profile, namer, spec.threads(), spec.timeRange(), monitor);
        return compute(base, profile.info(), profile.threads(), spec, monitor);
    }

    /** The view described by {@code spec} over {@code base}, which must already hold only {@code spec}'s threads. */
    public static FlameViewState compute(NamedStacks base, ProfileInfo info, List<ThreadInfo> threads,
                                         FlameViewSpec spec, ProgressMonitor monitor) {
        NamedStacks stacks = StackTransforms.apply(base, spec.transforms());
        monitor.checkCancelled();
        // The per-name weights need a walk over all the stacks just as the tree does: on the second core.
        CompletableFuture<long[][]> weights = CompletableFuture.supplyAsync(stacks::weightsByName,
                ForkJoinPool.commonPool());
        CallTree tree = spec.reversed() ? stacks.bottomUp() : stacks.topDown();
        long[][] byName;
        try {
            byName = weights.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
        monitor.checkCancelled();
        FrameNames names = stacks.names();
        int[] colors = new int[names.size()];
        for (int id = 0; id < colors.length; id++) {
            colors[id] = FramePalette.color(spec.colorMode(), names.name(id), names.kind(id), names.module(id));
        }
        List<FunctionStats> functions = new ArrayList<>();
        for (int id = 1; id < names.size(); id++) {
            if (byName[1][id] > 0) {
                functions.add(new FunctionStats(names.name(id), byName[0][id], byName[1][id]));
            }
        }
        // In the order function tables open in, so that theirs has nothing left to sort on the UI thread.
        functions.sort(Comparator.comparingLong(FunctionStats::self).reversed()
                .thenComparing(FunctionStats::name));
        List<LegendEntry> legend = spec.colorMode() == ColorMode.KIND
                ? kindLegend(names, byName[1]) : packageLegend(names, byName[0]);
        return new FlameViewState(info, threads, spec, stacks, tree, colors, byName, functions, legend);
    }

    private static List<LegendEntry> kindLegend(FrameNames names, long[] totals) {
        Map<FrameCategory, Boolean> present = new EnumMap<>(FrameCategory.class);
        for (int id = 1; id < names.size(); id++) {
            if (totals[id] > 0) {
                present.put(FrameCategory.of(names.name(id), names.kind(id)), true);
            }
        }
        List<LegendEntry> out = new ArrayList<>();
        for (FrameCategory c : present.keySet()) {
            out.add(new LegendEntry(c.label(), FramePalette.categoryColor(c)));
        }
        return out;
    }

    private static List<LegendEntry> packageLegend(FrameNames names, long[] selves) {
        Map<String, Long> weights = new HashMap<>();
        for (int id = 1; id < names.size(); id++) {
            if (selves[id] > 0 && names.kind(id) != null) {
                weights.merge(FramePalette.groupOf(names.name(id), names.kind(id), names.module(id)), selves[id],
                        Long::sum);
            }
        }
        List<Map.Entry<String, Long>> sorted = new ArrayList<>(weights.entrySet());
        sorted.sort(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        List<LegendEntry> out = new ArrayList<>();
        for (int i = 0; i < Math.min(PACKAGE_LEGEND_SIZE, sorted.size()); i++) {
            String group = sorted.get(i).getKey();
            out.add(new LegendEntry(group, FramePalette.groupColor(group)));
        }
        return out;
    }

    public ProfileInfo info() {
        return info;
    }

    public WeightUnit unit() {
        return info.unit();
    }

    /** The profile's threads, all of them, for thread selectors. */
    public List<ThreadInfo> threads() {
        return threads;
    }

    public FlameViewSpec spec() {
        return spec;
    }

    /** The stacks after thread filter and transforms. */
    public NamedStacks stacks() {
        return stacks;
    }

    public CallTree tree() {
        return tree;
    }

    public FrameNames names() {
        return stacks.names();
    }

    /** The total weight of the view (after filters and transforms): what "% of all" is relative to. */
    public long totalWeight() {
        return tree.total(CallTree.ROOT);
    }

    /** The colour of {@code node}, {@code 0xRRGGBB}. */
    public int color(int node) {
        return colors[tree.nameId(node)];
    }

    /** The colour of name {@code nameId}. */
    public int colorOfName(int nameId) {
        return colors[nameId];
    }

    /** Self weight of name {@code nameId} over the view. */
    public long selfOfName(int nameId) {
        return selfByName[nameId];
    }

    /** Total weight of name {@code nameId} over the view, each sample counted once. */
    public long totalOfName(int nameId) {
        return totalByName[nameId];
    }

    /** Self and total of every function in the view, heaviest self first (then by name). */
    public List<FunctionStats> functions() {
        return functions;
    }

    public List<LegendEntry> legend() {
        return legend;
    }

    /** Formats a weight in the profile's unit. */
    public String format(long weight) {
        return info.unit().format(weight);
    }

    /** {@code 12.34%} of {@code whole}. */
    public static String percent(long part, long whole) {
        if (whole <= 0) {
            return "0%";
        }
        double pct = 100.0 * part / whole;
        return String.format(Locale.ROOT, pct >= 10 || pct == 0 ? "%.1f%%" : "%.2f%%", pct);
    }

    /** Whether {@code node} is {@code ancestor} or below it. */
    public boolean isWithin(int node, int ancestor) {
        for (int n = node; n >= 0; n = tree.parent(n)) {
            if (n == ancestor) {
                return true;
            }
        }
        return false;
    }

    /**
     * A one-line description for status lines: {@code name — total 1,234 samples (12.3% of all, 45.6% of zoomed),
     * self 12 samples (0.10% of all)}; the zoomed share is left out where the node is not within the zoom.
     */
    public String describe(int node, int zoomNode) {
        Objects.checkIndex(node, tree.size());
        long total = tree.total(node);
        long self = tree.self(node);
        StringBuilder sb = new StringBuilder(tree.name(node));
        sb.append(" \u2014 total ").append(format(total)).append(" (").append(percent(total, totalWeight()))
                .append(" of all");
        if (zoomNode != CallTree.ROOT && isWithin(node, zoomNode)) {
            sb.append(", ").append(percent(total, tree.total(zoomNode))).append(" of zoomed");
        }
        sb.append("), self ").append(format(self)).append(" (").append(percent(self, totalWeight()))
                .append(" of all)");
        return sb.toString();
    }

    /** The node reached from the root by following {@code names}, or the deepest node found on the way. */
    public int findPath(String[] names) {
        int node = CallTree.ROOT;
        for (String name : names) {
            int next = -1;
            for (int c = tree.firstChild(node); c >= 0; c = tree.nextSibling(c)) {
                if (tree.name(c).equals(name)) {
                    next = c;
                    break;
                }
            }
            if (next < 0) {
                break;
            }
            node = next;
        }
        return node;
    }
}
