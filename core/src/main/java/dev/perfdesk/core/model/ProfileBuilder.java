package dev.perfdesk.core.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.perfdesk.core.util.IntArrayList;
import dev.perfdesk.core.util.LongArrayList;
import dev.perfdesk.core.util.LongIntHashMap;

/**
 * Builds a {@link Profile} while an importer reads, interning early: frames and threads to indexes, stacks to trie
 * nodes, and samples aggregated by (stack, thread). Memory follows the number of distinct stacks, not the number of
 * samples; timestamped samples stream to a {@link TimelineWriter}.
 *
 * <pre>{@code
 * ProfileBuilder b = new ProfileBuilder(TimelineWriter.DISCARD);
 * int node = StackTable.ROOT;
 * for (String name : List.of("main", "work", "leaf")) {
 *     node = b.child(node, b.frame(Frame.of(name)));
 * }
 * b.sample(node, -1, 1, ProfileBuilder.NO_TIME);
 * Profile p = b.build(info);
 * }</pre>
 */
public final class ProfileBuilder {
    /** The time to pass for samples that have none. */
    public static final long NO_TIME = Long.MIN_VALUE;

    private final TimelineWriter timeline;

    private final Map<Frame, Integer> frameIndex = new HashMap<>();
    private final List<Frame> frames = new ArrayList<>();
    private final Map<ThreadInfo, Integer> threadIndex = new HashMap<>();
    private final List<ThreadInfo> threads = new ArrayList<>();

    private final LongIntHashMap nodeIndex = new LongIntHashMap(1 << 12);
    private final IntArrayList parents = new IntArrayList(1 << 12);
    private final IntArrayList nodeFrames = new IntArrayList(1 << 12);
    /**
     * For each node, the frame and node of the child {@link #child} returned last, interleaved ({@code 2 * node} and
     * {@code 2 * node + 1}): stacks that repeat a path find it here without a hash probe into {@link #nodeIndex}.
     */
    private int[] lastChild = new int[2 << 12];

    private final LongIntHashMap rowIndex = new LongIntHashMap(1 << 12);
    private final IntArrayList rowStacks = new IntArrayList(1 << 12);
    private final IntArrayList rowThreads = new IntArrayList(1 << 12);
    private final LongArrayList rowWeights = new LongArrayList(1 << 12);
    private final LongArrayList rowCounts = new LongArrayList(1 << 12);

    /** The row {@link #samples} used last and its key: a run of samples with one stack and thread skips the hash. */
    private long lastRowKey = Long.MIN_VALUE;
    private int lastRow = -1;

    private long minTime = Long.MAX_VALUE;
    private long maxTime = Long.MIN_VALUE;
    private long totalWeight;
    private long totalCount;
    private long timedSamples;

    public ProfileBuilder(TimelineWriter timeline) {
        this.timeline = timeline == null ? TimelineWriter.DISCARD : timeline;
        parents.add(-1);
        nodeFrames.add(-1);
        Arrays.fill(lastChild, -1);
    }

    /** The index of {@code frame}, adding it if new. */
    public int frame(Frame frame) {
        Integer index = frameIndex.get(frame);
        if (index == null) {
            index = frames.size();
            frames.add(frame);
            frameIndex.put(frame, index);
        }
        return index;
    }

    /** The index of {@code thread}, adding it if new. */
    public int thread(ThreadInfo thread) {
        Integer index = threadIndex.get(thread);
        if (index == null) {
            index = threads.size();
            threads.add(thread);
            threadIndex.put(thread, index);
        }
        return index;
    }

    /** The stack node for {@code parent} extended by {@code frame}, adding it if new. */
    public int child(int parent, int frame) {
        int memo = parent << 1;
        if (lastChild[memo] == frame && frame >= 0) {
            return lastChild[memo + 1];
        }
        long key = ((long) parent << 32) | (frame & 0xFFFFFFFFL);
        int node = nodeIndex.get(key);
        if (node < 0) {
            node = parents.size();
            parents.add(parent);
            nodeFrames.add(frame);
            nodeIndex.putIfAbsent(key, node);
            if (node << 1 >= lastChild.length) {
                int old = lastChild.length;
                lastChild = Arrays.copyOf(lastChild, old * 2);
                Arrays.fill(lastChild, old, lastChild.length, -1);
            }
        }
        lastChild[memo] = frame;
        lastChild[memo + 1] = node;
        return node;
    }

    /** The stack node for a whole stack given root first. */
    public int stack(int[] framesRootFirst, int length) {
        int node = StackTable.ROOT;
        for (int i = 0; i < length; i++) {
            node = child(node, framesRootFirst[i]);
        }
        return node;
    }

    /**
     * Records one sample.
     *
     * @param stack     a node from {@link #child}
     * @param thread    a thread index, or -1
     * @param weight    the sample's weight (period, bytes, nanoseconds, or 1)
     * @param timeNanos the sample's time, or {@link #NO_TIME}
     */
    public void sample(int stack, int thread, long weight, long timeNanos) {
        samples(stack, thread, weight, 1, timeNanos);
    }

    /**
     * Records {@code count} samples of total {@code weight} at once, as folded input gives them.
     *
     * @throws WeightOverflowException if the weight or count is negative, or the profile's total weight or count
     *                                 would pass {@link Long#MAX_VALUE}
     */
    public void samples(int stack, int thread, long weight, long count, long timeNanos) {
        if (weight < 0 || count < 0) {
            throw new WeightOverflowException("a sample's " + (weight < 0 ? "weight " + weight : "count " + count)
                    + " is negative");
        }
        try {
            totalWeight = Math.addExact(totalWeight, weight);
            totalCount = Math.addExact(totalCount, count);
        } catch (ArithmeticException e) {
            throw new WeightOverflowException("the samples' weights add up to more than " + Long.MAX_VALUE
                    + ", the most a profile can hold");
        }
        long key = ((long) stack << 32) | (thread & 0xFFFFFFFFL);
        int row = key == lastRowKey ? lastRow : rowIndex.get(key);
        if (row < 0) {
            row = rowStacks.size();
            rowIndex.putIfAbsent(key, row);
            rowStacks.add(stack);
            rowThreads.add(thread);
            rowWeights.add(weight);
            rowCounts.add(count);
        } else {
            rowWeights.addTo(row, weight);
            rowCounts.addTo(row, count);
        }
        lastRowKey = key;
        lastRow = row;
        if (timeNanos != NO_TIME) {
            timedSamples++;
            minTime = Math.min(minTime, timeNanos);
            maxTime = Math.max(maxTime, timeNanos);
            timeline.append(timeNanos, stack, thread, weight);
        }
    }

    /**
     * How the indexes of a builder merged by {@link #merge} map to this builder's.
     *
     * @param stacks  this builder's stack node for each of the merged builder's nodes
     * @param threads this builder's thread index for each of the merged builder's threads
     */
    public record Merged(int[] stacks, int[] threads) {
        /** This builder's thread for the merged builder's {@code thread}, which may be -1 (no thread). */
        public int thread(int thread) {
            return thread < 0 ? thread : threads[thread];
        }
    }

    /**
     * Adds everything {@code part} holds, as if its calls had been made on this builder after this builder's own:
     * frames, threads, stack nodes and sample rows are added in {@code part}'s order, so a file read in pieces, each
     * into a builder of its own, and merged in file order gives exactly the profile of one builder reading it whole.
     * Sample times count towards {@link #timeSpanNanos()}; {@code part}'s timeline is not copied: the caller replays it
     * to this builder's writer through the returned mapping.
     *
     * <pre>{@code
     * ProfileBuilder.Merged m = whole.merge(part);
     * int stack = m.stacks()[partStack];
     * }</pre>
     */
    public Merged merge(ProfileBuilder part) {
        int[] frameMap = new int[part.frames.size()];
        for (int i = 0; i < frameMap.length; i++) {
            frameMap[i] = frame(part.frames.get(i));
        }
        int[] threadMap = new int[part.threads.size()];
        for (int i = 0; i < threadMap.length; i++) {
            threadMap[i] = thread(part.threads.get(i));
        }
        int[] nodeMap = new int[part.parents.size()];
        nodeMap[StackTable.ROOT] = StackTable.ROOT;
        for (int node = 1; node < nodeMap.length; node++) {
            nodeMap[node] = child(nodeMap[part.parents.get(node)], frameMap[part.nodeFrames.get(node)]);
        }
        Merged merged = new Merged(nodeMap, threadMap);
        for (int row = 0; row < part.rowStacks.size(); row++) {
            samples(nodeMap[part.rowStacks.get(row)], merged.thread(part.rowThreads.get(row)),
                    part.rowWeights.get(row), part.rowCounts.get(row), NO_TIME);
        }
        timedSamples += part.timedSamples;
        minTime = Math.min(minTime, part.minTime);
        maxTime = Math.max(maxTime, part.maxTime);
        return merged;
    }

    /** The sum of the weights recorded so far; it never overflows (see {@link #samples}). */
    public long totalWeight() {
        return totalWeight;
    }

    /** Number of distinct (stack, thread) rows so far. */
    public int rowCount() {
        return rowStacks.size();
    }

    /** Number of stack nodes so far, the root included. */
    public int stackNodeCount() {
        return parents.size();
    }

    /** Whether any sample had a time. */
    public boolean hasTimeline() {
        return timedSamples > 0;
    }

    /** Time between the first and last timed sample, or -1 when no sample had a time. */
    public long timeSpanNanos() {
        return timedSamples == 0 ? -1 : maxTime - minTime;
    }

    /** Builds the profile; {@code info}'s sample count and total weight are filled in. */
    public Profile build(ProfileInfo info) {
        SampleTable table = new SampleTable(rowStacks.toArray(), rowThreads.toArray(), rowWeights.toArray(),
                rowCounts.toArray());
        ProfileInfo withTotals = info.withTotals(table.totalCount(), table.totalWeight());
        if (withTotals.durationNanos() < 0 && timedSamples > 0) {
            withTotals = withTotals.withDuration(maxTime - minTime);
        }
        return new Profile(withTotals, frames, new StackTable(parents.toArray(), nodeFrames.toArray()), threads,
                table, null);
    }
}
