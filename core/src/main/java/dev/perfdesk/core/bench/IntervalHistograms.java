package dev.perfdesk.core.bench;

import java.util.Arrays;
import java.util.Objects;

import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

import dev.perfdesk.core.timeline.TimeRange;

/**
 * Latency recorded as a sequence of interval histograms, as an HdrHistogram interval log ({@code .hlog}) holds it:
 * per interval its start and end (epoch nanoseconds) and a histogram of the values recorded in it. Merging the
 * intervals of a time span gives that span's histogram exactly, the sum HdrHistogram's {@code Histogram.add} makes
 * of them, so the percentiles of any span come from the recorded values, never from averaging the intervals'
 * percentiles. Values are recorded integers as in {@link Distribution}: a value {@code v} in {@link #unit()} was
 * recorded as {@code round(v * scale)}.
 *
 * <p><b>Which intervals a span holds.</b> An interval belongs to the span that contains its start: {@link
 * #merge(TimeRange)} adds, whole, every interval that starts in the half-open range, even one that ends after the
 * range does, and none that starts before it. A histogram cannot be cut inside an interval, and this rule puts every
 * interval in exactly one of a row of adjacent spans.
 *
 * <p><b>Memory</b> follows the intervals and the histogram buckets they use, never the values recorded: each
 * interval keeps only its non-zero buckets (a value and a count each; about fifty per interval in jHiccup's logs),
 * where a decoded {@code Histogram} carries its whole counts array. Merges use the bucket layout (lowest discernible
 * value, significant digits) of the first interval added, which is that of every interval of a log written by one
 * recorder. Immutable; intervals are kept in order of their start.
 *
 * <pre>{@code
 * IntervalHistograms.Builder b = new IntervalHistograms.Builder("ms", 1e6);   // nanoseconds recorded, ms shown
 * for (Histogram h; (h = (Histogram) reader.nextIntervalHistogram()) != null; ) {
 *     b.add(h.getStartTimeStamp() * 1_000_000L, h.getEndTimeStamp() * 1_000_000L, h);
 * }
 * IntervalHistograms intervals = b.build();
 * Histogram minute = intervals.merge(new TimeRange(t0, t0 + 60_000_000_000L));
 * double p99 = minute.getValueAtPercentile(99) / intervals.scale();   // p99 of that minute, in ms
 * }</pre>
 */
public final class IntervalHistograms {
    private final String unit;
    private final double scale;
    private final long lowestDiscernibleValue;
    private final int significantDigits;
    private final long[] startsNanos;
    private final long[] endsNanos;
    private final long[] totals;
    /** Interval {@code i}'s buckets are {@code values[offsets[i]..offsets[i+1])}, ascending. */
    private final int[] offsets;
    /** The lowest value of each non-zero bucket. */
    private final long[] values;
    private final long[] counts;

    private IntervalHistograms(Builder b, int[] order) {
        this.unit = b.unit;
        this.scale = b.scale;
        this.lowestDiscernibleValue = b.lowestDiscernibleValue;
        this.significantDigits = b.significantDigits;
        int n = b.size;
        startsNanos = new long[n];
        endsNanos = new long[n];
        totals = new long[n];
        offsets = new int[n + 1];
        values = new long[b.buckets];
        counts = new long[b.buckets];
        int k = 0;
        for (int i = 0; i < n; i++) {
            int j = order == null ? i : order[i];
            startsNanos[i] = b.starts[j];
            endsNanos[i] = b.ends[j];
            totals[i] = b.totals[j];
            offsets[i] = k;
            int len = b.offsets[j + 1] - b.offsets[j];
            System.arraycopy(b.values, b.offsets[j], values, k, len);
            System.arraycopy(b.counts, b.offsets[j], counts, k, len);
            k += len;
        }
        offsets[n] = k;
    }

    /** The unit of the values people read, as the tool prints it. */
    public String unit() {
        return unit;
    }

    /** Recorded value per unit value. */
    public double scale() {
        return scale;
    }

    /** How many intervals. */
    public int size() {
        return startsNanos.length;
    }

    /** Epoch nanoseconds at which interval {@code i} starts; intervals are in order of their start. */
    public long startNanos(int i) {
        return startsNanos[i];
    }

    /** Epoch nanoseconds at which interval {@code i} ends. */
    public long endNanos(int i) {
        return endsNanos[i];
    }

    /** How many values interval {@code i} recorded. */
    public long count(int i) {
        return totals[i];
    }

    /** How many values all intervals recorded. */
    public long totalCount() {
        long n = 0;
        for (long t : totals) {
            n += t;
        }
        return n;
    }

    /** The index of the first interval that starts at or after {@code epochNanos}; {@link #size()} when none. */
    public int firstStartingAtOrAfter(long epochNanos) {
        int lo = 0;
        int hi = startsNanos.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (startsNanos[mid] < epochNanos) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** How many intervals start in {@code range}: those {@link #merge(TimeRange)} adds. */
    public int countStartingIn(TimeRange range) {
        return firstStartingAtOrAfter(range.to()) - firstStartingAtOrAfter(range.from());
    }

    /** A new histogram of interval {@code i}, stamped with its start and end (epoch milliseconds). */
    public Histogram histogram(int i) {
        return merge(i, i + 1);
    }

    /**
     * A new histogram of the intervals {@code from} (inclusive) to {@code to} (exclusive) added together, stamped
     * with the first one's start and the latest end; empty when {@code from == to}.
     */
    public Histogram merge(int from, int to) {
        Objects.checkFromToIndex(from, to, size());
        long max = 0;
        long end = Long.MIN_VALUE;
        for (int i = from; i < to; i++) {
            if (offsets[i + 1] > offsets[i]) {
                max = Math.max(max, values[offsets[i + 1] - 1]);
            }
            end = Math.max(end, endsNanos[i]);
        }
        Histogram h = new Histogram(lowestDiscernibleValue, Math.max(2 * lowestDiscernibleValue, max),
                significantDigits);
        h.setAutoResize(true);
        for (int k = offsets[from]; k < offsets[to]; k++) {
            h.recordValueWithCount(values[k], counts[k]);
        }
        if (from < to) {
            h.setStartTimeStamp(Math.floorDiv(startsNanos[from], 1_000_000L));
            h.setEndTimeStamp(Math.floorDiv(end, 1_000_000L));
        }
        return h;
    }

    /**
     * A new histogram of the intervals that start in {@code range} (all of them when it is null), added together;
     * see the class comment for intervals that cross the range's edges.
     */
    public Histogram merge(TimeRange range) {
        if (range == null) {
            return merge(0, size());
        }
        return merge(firstStartingAtOrAfter(range.from()), firstStartingAtOrAfter(range.to()));
    }

    /** {@link #merge(TimeRange)} as a distribution in this unit and scale. */
    public Distribution distribution(TimeRange range) {
        return new Distribution(merge(range), unit, scale);
    }

    /** Collects intervals in any order; {@link #build()} sorts them by start. */
    public static final class Builder {
        private final String unit;
        private final double scale;
        private long lowestDiscernibleValue = 1;
        private int significantDigits = Distribution.SIGNIFICANT_DIGITS;
        private long[] starts = new long[64];
        private long[] ends = new long[64];
        private long[] totals = new long[64];
        private int[] offsets = new int[65];
        private long[] values = new long[1024];
        private long[] counts = new long[1024];
        private int size;
        private int buckets;

        /**
         * @param unit  the unit of the values people read
         * @param scale recorded value per unit value; positive
         */
        public Builder(String unit, double scale) {
            this.unit = Objects.requireNonNull(unit, "unit");
            if (!(scale > 0) || Double.isInfinite(scale)) {
                throw new IllegalArgumentException("scale must be positive: " + scale);
            }
            this.scale = scale;
        }

        /**
         * Adds an interval; its histogram's non-zero buckets are copied, and the first interval's bucket layout is
         * the one merges use.
         *
         * @throws IllegalArgumentException if it ends before it starts
         */
        public Builder add(long startNanos, long endNanos, AbstractHistogram histogram) {
            if (endNanos < startNanos) {
                throw new IllegalArgumentException("an interval cannot end before it starts: " + startNanos + " > "
                        + endNanos);
            }
            if (size == 0) {
                lowestDiscernibleValue = histogram.getLowestDiscernibleValue();
                significantDigits = histogram.getNumberOfSignificantValueDigits();
            }
            if (size == starts.length) {
                int n = size * 2;
                starts = Arrays.copyOf(starts, n);
                ends = Arrays.copyOf(ends, n);
                totals = Arrays.copyOf(totals, n);
                offsets = Arrays.copyOf(offsets, n + 1);
            }
            long total = 0;
            for (HistogramIterationValue v : histogram.recordedValues()) {
                if (buckets == values.length) {
                    values = Arrays.copyOf(values, buckets * 2);
                    counts = Arrays.copyOf(counts, buckets * 2);
                }
                values[buckets] = histogram.lowestEquivalentValue(v.getValueIteratedTo());
                counts[buckets] = v.getCountAddedInThisIterationStep();
                total += counts[buckets];
                buckets++;
            }
            starts[size] = startNanos;
            ends[size] = endNanos;
            totals[size] = total;
            size++;
            offsets[size] = buckets;
            return this;
        }

        /** How many intervals so far. */
        public int size() {
            return size;
        }

        /** The intervals collected, in order of their start (intervals that start together keep their order). */
        public IntervalHistograms build() {
            boolean sorted = true;
            for (int i = 1; i < size && sorted; i++) {
                sorted = starts[i - 1] <= starts[i];
            }
            int[] order = null;
            if (!sorted) {
                Integer[] boxed = new Integer[size];
                for (int i = 0; i < size; i++) {
                    boxed[i] = i;
                }
                Arrays.sort(boxed, (a, b) -> Long.compare(starts[a], starts[b]));
                order = Arrays.stream(boxed).mapToInt(Integer::intValue).toArray();
            }
            return new IntervalHistograms(this, order);
        }
    }
}
