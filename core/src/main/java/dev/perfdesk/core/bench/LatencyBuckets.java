package dev.perfdesk.core.bench;

import java.util.Arrays;

import org.HdrHistogram.Histogram;

import dev.perfdesk.core.timeline.TimeRange;

/**
 * Latency over time: timestamped points, or interval histograms, cut into buckets of equal duration, with chosen
 * percentiles of each bucket computed from that bucket's own histogram (never by averaging percentiles of smaller
 * parts). For points the histogram is recorded from the bucket's points; for interval histograms (an HdrHistogram
 * log) it is the merge of the intervals that <em>start</em> in the bucket, so an interval that crosses a bucket's end
 * counts whole in the bucket where it starts, as {@link IntervalHistograms#merge(TimeRange)} counts it in a dragged
 * range. Plain Java, computed off the FX thread and then handed to {@link LatencyOverTimeChart} whole. Immutable.
 *
 * <pre>{@code
 * LatencyBuckets b = LatencyBuckets.compute(points, "ms", new double[] {50, 90, 99}, 0);
 * b.value(2, 7);   // p99 of the eighth bucket, in ms; NaN when it holds no point
 * Distribution d = LatencyBuckets.distributionIn(points, "ms", new TimeRange(from, to));
 * LatencyBuckets h = LatencyBuckets.compute(benchmark.intervals(), "ms", new double[] {50, 99}, 0);
 * }</pre>
 */
public final class LatencyBuckets {
    /** Bucket widths that read well on a time axis, in nanoseconds. */
    private static final long[] NICE = {
        1_000_000L, 2_000_000L, 5_000_000L, 10_000_000L, 20_000_000L, 50_000_000L, 100_000_000L, 200_000_000L,
        500_000_000L, 1_000_000_000L, 2_000_000_000L, 5_000_000_000L, 10_000_000_000L, 15_000_000_000L,
        30_000_000_000L, 60_000_000_000L, 120_000_000_000L, 300_000_000_000L, 600_000_000_000L, 900_000_000_000L,
        1_800_000_000_000L, 3_600_000_000_000L, 7_200_000_000_000L, 21_600_000_000_000L, 86_400_000_000_000L};
    /** At most this many buckets. */
    public static final int MAX_BUCKETS = 120;
    /** Aim for at least this many points in a bucket, so that its percentiles mean something. */
    public static final int MIN_POINTS_PER_BUCKET = 6;

    private final String unit;
    private final double[] percentiles;
    private final long firstNanos;
    private final long bucketNanos;
    private final long[] counts;
    private final double[][] values;
    /** Per bucket, how many intervals were merged into it; null for buckets of points. */
    private final int[] intervals;

    private LatencyBuckets(String unit, double[] percentiles, long firstNanos, long bucketNanos, long[] counts,
                           double[][] values, int[] intervals) {
        this.unit = unit;
        this.percentiles = percentiles;
        this.firstNanos = firstNanos;
        this.bucketNanos = bucketNanos;
        this.counts = counts;
        this.values = values;
        this.intervals = intervals;
    }

    /**
     * Buckets {@code points} (values in {@code unit}) and computes {@code percentiles} (0..100) of each bucket.
     *
     * @param bucketNanos the width of a bucket; 0 or less picks one with {@link #autoBucketNanos}
     */
    public static LatencyBuckets compute(TimedPoints points, String unit, double[] percentiles, long bucketNanos) {
        double[] ps = percentiles.clone();
        int n = points.size();
        if (n == 0) {
            return new LatencyBuckets(unit, ps, 0, Math.max(1, bucketNanos), new long[0], new double[ps.length][0],
                    null);
        }
        Integer[] order = new Integer[n];
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int i = 0; i < n; i++) {
            order[i] = i;
            min = Math.min(min, points.timeNanos(i));
            max = Math.max(max, points.timeNanos(i));
        }
        long width = bucketNanos > 0 ? bucketNanos : autoBucketNanos(max - min, n);
        long first = Math.floorDiv(min, width) * width;
        int buckets = (int) Math.min(Integer.MAX_VALUE - 1, (max - first) / width + 1);
        Arrays.sort(order, (a, b) -> Long.compare(points.timeNanos(a), points.timeNanos(b)));
        long[] counts = new long[buckets];
        double[][] values = new double[ps.length][buckets];
        for (double[] row : values) {
            Arrays.fill(row, Double.NaN);
        }
        double scale = DisplayUnits.recordScale(unit);
        // Points are visited in time order, so one histogram, reset per bucket, is enough.
        Histogram h = new Histogram(Distribution.SIGNIFICANT_DIGITS);
        int current = -1;
        for (int k = 0; k <= n; k++) {
            int bucket = k < n ? (int) ((points.timeNanos(order[k]) - first) / width) : -2;
            if (bucket != current) {
                if (current >= 0 && h.getTotalCount() > 0) {
                    counts[current] = h.getTotalCount();
                    for (int p = 0; p < ps.length; p++) {
                        values[p][current] = h.getValueAtPercentile(ps[p]) / scale;
                    }
                }
                h.reset();
                current = bucket;
            }
            if (k < n) {
                double v = points.value(order[k]);
                if (v >= 0 && Double.isFinite(v)) {
                    h.recordValue(Distribution.toRecorded(v, scale));
                }
            }
        }
        return new LatencyBuckets(unit, ps, first, width, counts, values, null);
    }

    /**
     * Buckets interval histograms and computes {@code percentiles} (0..100) of each bucket from the merge of the
     * intervals that start in it. Buckets start at the first interval's start, so intervals of a regular log fall
     * one (or a whole number) to a bucket; an interval that starts late enough to cross into the next bucket's
     * time leaves a bucket empty (NaN) and another with one interval more.
     *
     * @param unit        the unit to show values in; the intervals' own unit when they do not convert to it
     * @param bucketNanos the width of a bucket; 0 or less picks one with {@link #autoBucketNanos(IntervalHistograms)}
     */
    public static LatencyBuckets compute(IntervalHistograms intervals, String unit, double[] percentiles,
                                         long bucketNanos) {
        double[] ps = percentiles.clone();
        int n = intervals.size();
        if (n == 0) {
            return new LatencyBuckets(unit, ps, 0, Math.max(1, bucketNanos), new long[0], new double[ps.length][0],
                    new int[0]);
        }
        long width = bucketNanos > 0 ? bucketNanos : autoBucketNanos(intervals);
        long first = intervals.startNanos(0);
        int buckets = (int) Math.min(Integer.MAX_VALUE - 1, (intervals.startNanos(n - 1) - first) / width + 1);
        long[] counts = new long[buckets];
        int[] members = new int[buckets];
        double[][] values = new double[ps.length][buckets];
        for (double[] row : values) {
            Arrays.fill(row, Double.NaN);
        }
        double factor = DisplayUnits.factor(intervals.unit(), unit);
        factor = Double.isNaN(factor) ? 1 : factor;
        // Intervals are in order of their start, so each bucket's intervals are a contiguous run of them.
        int from = 0;
        while (from < n) {
            int bucket = (int) ((intervals.startNanos(from) - first) / width);
            int to = intervals.firstStartingAtOrAfter(first + (bucket + 1) * width);
            Histogram merged = intervals.merge(from, to);
            members[bucket] = to - from;
            counts[bucket] = merged.getTotalCount();
            if (merged.getTotalCount() > 0) {
                for (int p = 0; p < ps.length; p++) {
                    values[p][bucket] = merged.getValueAtPercentile(ps[p]) / intervals.scale() * factor;
                }
            }
            from = to;
        }
        return new LatencyBuckets(unit, ps, first, width, counts, values, members);
    }

    /**
     * A width from {@link #NICE} at least as long as a typical interval (the median length, less a tenth for timer
     * jitter: intervals written every second last 0.997 to 1.007 s) that cuts the span of the intervals' starts into
     * at most {@link #MAX_BUCKETS} buckets.
     */
    public static long autoBucketNanos(IntervalHistograms intervals) {
        int n = intervals.size();
        if (n == 0) {
            return NICE[0];
        }
        long[] lengths = new long[n];
        for (int i = 0; i < n; i++) {
            lengths[i] = intervals.endNanos(i) - intervals.startNanos(i);
        }
        Arrays.sort(lengths);
        long typical = lengths[n / 2];
        long span = intervals.startNanos(n - 1) - intervals.startNanos(0);
        long wanted = Math.max(Math.max(1, (span + 1) / MAX_BUCKETS), typical - typical / 10);
        for (long w : NICE) {
            if (w >= wanted) {
                return w;
            }
        }
        long day = NICE[NICE.length - 1];
        return (wanted + day - 1) / day * day;
    }

    /**
     * A width from {@link #NICE} that cuts {@code spanNanos} into at most {@link #MAX_BUCKETS} buckets with about
     * {@link #MIN_POINTS_PER_BUCKET} points or more in each.
     */
    public static long autoBucketNanos(long spanNanos, int points) {
        int target = Math.max(1, Math.min(MAX_BUCKETS, points / MIN_POINTS_PER_BUCKET));
        long wanted = Math.max(1, (spanNanos + 1) / target);
        for (long w : NICE) {
            if (w >= wanted) {
                return w;
            }
        }
        long day = NICE[NICE.length - 1];
        return (wanted + day - 1) / day * day;
    }

    /** A histogram of the values of the points in {@code range} (null for all), in {@code unit}. */
    public static Distribution distributionIn(TimedPoints points, String unit, TimeRange range) {
        double scale = DisplayUnits.recordScale(unit);
        Histogram h = new Histogram(Distribution.SIGNIFICANT_DIGITS);
        for (int i = 0; i < points.size(); i++) {
            double v = points.value(i);
            if ((range == null || range.contains(points.timeNanos(i))) && v >= 0 && Double.isFinite(v)) {
                h.recordValue(Distribution.toRecorded(v, scale));
            }
        }
        return new Distribution(h, unit, scale);
    }

    /** The unit of the values. */
    public String unit() {
        return unit;
    }

    /** These buckets with their values in {@code newUnit}; these ones when the units do not convert. */
    public LatencyBuckets inUnit(String newUnit) {
        double f = DisplayUnits.factor(unit, newUnit);
        if (Double.isNaN(f) || newUnit.equals(unit)) {
            return this;
        }
        double[][] converted = new double[values.length][];
        for (int p = 0; p < values.length; p++) {
            converted[p] = values[p].clone();
            for (int i = 0; i < converted[p].length; i++) {
                converted[p][i] *= f;
            }
        }
        return new LatencyBuckets(newUnit, percentiles, firstNanos, bucketNanos, counts, converted, intervals);
    }

    /** The largest value of any bucket; NaN when every bucket is empty. */
    public double max() {
        double max = Double.NaN;
        for (double[] row : values) {
            for (double v : row) {
                if (!Double.isNaN(v) && !(v <= max)) {
                    max = v;
                }
            }
        }
        return max;
    }

    /** The smallest value above zero of any bucket; NaN when there is none. */
    public double minAboveZero() {
        double min = Double.NaN;
        for (double[] row : values) {
            for (double v : row) {
                if (v > 0 && !(v >= min)) {
                    min = v;
                }
            }
        }
        return min;
    }

    /** The percentiles computed, in the order asked. */
    public double[] percentiles() {
        return percentiles.clone();
    }

    /** How many buckets, empty ones included. */
    public int size() {
        return counts.length;
    }

    /** The width of every bucket. */
    public long bucketNanos() {
        return bucketNanos;
    }

    /** Epoch nanoseconds at which bucket {@code i} starts. */
    public long startNanos(int i) {
        return firstNanos + i * bucketNanos;
    }

    /** How many points bucket {@code i} holds, or how many values its intervals recorded. */
    public long count(int i) {
        return counts[i];
    }

    /** Whether the buckets merge interval histograms rather than hold points. */
    public boolean ofIntervals() {
        return intervals != null;
    }

    /** How many intervals were merged into bucket {@code i}; 0 for buckets of points. */
    public int intervalCount(int i) {
        return intervals == null ? 0 : intervals[i];
    }

    /** Percentile number {@code p} (an index into {@link #percentiles()}) of bucket {@code i}; NaN when empty. */
    public double value(int p, int i) {
        return values[p][i];
    }
}
