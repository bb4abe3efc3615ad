package dev.perfdesk.viewers.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.Test;

import dev.perfdesk.core.bench.Benchmark;
import dev.perfdesk.core.bench.Distribution;
import dev.perfdesk.core.bench.IntervalHistograms;
import dev.perfdesk.core.bench.LatencyBuckets;
import dev.perfdesk.core.bench.TimedPoints;
import dev.perfdesk.core.timeline.TimeRange;

/**
 * Bucket percentiles on synthetic points whose answers are known, and on interval histograms against HdrHistogram's
 * own reader and {@code Histogram.add}.
 */
class LatencyBucketsTest {
    static final long T0 = 1_715_678_470_000_000_000L;
    static final long SECOND = 1_000_000_000L;

    /**
     * Three one-second buckets, points out of time order: bucket 0 holds 1..100 ms, bucket 1 is empty, bucket 2
     * holds 100 points of 7 ms and one of 500 ms.
     */
    static TimedPoints points() {
        TimedPoints.Builder b = new TimedPoints.Builder();
        for (int v = 100; v >= 1; v--) {
            b.add(T0 + (v * SECOND) / 101, v, Map.of());
        }
        for (int i = 0; i < 100; i++) {
            b.add(T0 + 2 * SECOND + i * 1_000_000L, 7, Map.of());
        }
        b.add(T0 + 2 * SECOND + 900_000_000L, 500, Map.of());
        return b.build();
    }

    @Test
    void eachBucketsPercentilesComeFromItsOwnValues() {
        LatencyBuckets b = LatencyBuckets.compute(points(), "ms", new double[] {50, 90, 99, 100}, SECOND);
        assertEquals(3, b.size());
        assertEquals(T0, b.startNanos(0));
        assertEquals(100, b.count(0));
        assertEquals(0, b.count(1));
        assertEquals(101, b.count(2));
        double[][] expected = {{50, 90, 99, 100}, {Double.NaN, Double.NaN, Double.NaN, Double.NaN},
            {7, 7, 7, 500}};
        for (int i = 0; i < 3; i++) {
            for (int p = 0; p < 4; p++) {
                double want = expected[i][p];
                double got = b.value(p, i);
                if (Double.isNaN(want)) {
                    assertTrue(Double.isNaN(got), "empty bucket " + i);
                } else {
                    assertEquals(want, got, want * 1e-3, "bucket " + i + " p" + b.percentiles()[p]);
                }
            }
        }
    }

    @Test
    void percentilesAreNotAveragesOfPercentiles() {
        // Two buckets' p99s are 99 and 7 ms; the p99 over both is about 99 ms, not their mean of 53.
        Distribution all = LatencyBuckets.distributionIn(points(), "ms", null);
        assertEquals(201, all.totalCount());
        assertEquals(99, all.percentile(99), 0.1);
        Distribution last = LatencyBuckets.distributionIn(points(), "ms",
                new TimeRange(T0 + 2 * SECOND, T0 + 3 * SECOND));
        assertEquals(101, last.totalCount());
        assertEquals(7, last.percentile(50), 0.01);
        assertEquals(500, last.percentile(100), 0.5);
    }

    @Test
    void picksAWidthThatLeavesSeveralPointsPerBucket() {
        // 201 points over 2.9 s: at most 201 / 6 = 33 buckets, so at least 88 ms each; the next nice width is 100 ms
        assertEquals(100_000_000L, LatencyBuckets.compute(points(), "ms", new double[] {50}, 0).bucketNanos());
        assertEquals(30, LatencyBuckets.compute(points(), "ms", new double[] {50}, 0).size());
        assertEquals(30_000_000_000L, LatencyBuckets.autoBucketNanos(3_600_000_000_000L, 1_000_000),
                "an hour of many points in at most 120 buckets: 30 s each");
    }

    static final double[] CHART_PERCENTILES = {50, 90, 99, 99.9, 100};

    /** The sample log's untagged intervals as HdrHistogram's reader gives them. */
    static List<Histogram> sampleLogIntervals() throws Exception {
        List<Histogram> out = new ArrayList<>();
        try (InputStream in = Files.newInputStream(BenchData.sample("hdr", "tagged-Log.logV2.hlog"))) {
            HistogramLogReader reader = new HistogramLogReader(in);
            EncodableHistogram h;
            while ((h = reader.nextIntervalHistogram()) != null) {
                if (h.getTag() == null) {
                    out.add((Histogram) h);
                }
            }
        }
        return out;
    }

    @Test
    void eachBucketIsTheMergeOfTheIntervalsStartingInIt() throws Exception {
        Benchmark hlog = BenchData.run("hdr", "tagged-Log.logV2.hlog").benchmarks().get(0);
        LatencyBuckets b = LatencyBuckets.compute(hlog.intervals(), "ms", CHART_PERCENTILES, 0);
        assertTrue(b.ofIntervals());
        assertEquals(SECOND, b.bucketNanos(), "one-second intervals, one-second buckets");
        List<Histogram> log = sampleLogIntervals();
        long first = log.get(0).getStartTimeStamp() * 1_000_000L;
        assertEquals(first, b.startNanos(0), "buckets start with the first interval");
        int merged = 0;
        for (int i = 0; i < b.size(); i++) {
            long from = first + i * SECOND;
            List<Histogram> inside = log.stream().filter(h -> h.getStartTimeStamp() * 1_000_000L >= from
                    && h.getStartTimeStamp() * 1_000_000L < from + SECOND).toList();
            assertEquals(inside.size(), b.intervalCount(i), "bucket " + i);
            if (inside.isEmpty()) {
                assertEquals(0, b.count(i));
                continue;
            }
            merged += inside.size();
            Histogram expected = inside.get(0).copy();
            for (Histogram h : inside.subList(1, inside.size())) {
                expected.add(h);
            }
            assertEquals(expected.getTotalCount(), b.count(i), "bucket " + i);
            for (int p = 0; p < CHART_PERCENTILES.length; p++) {
                assertEquals(expected.getValueAtPercentile(CHART_PERCENTILES[p]) / 1e6, b.value(p, i),
                        "bucket " + i + " p" + CHART_PERCENTILES[p]);
            }
        }
        assertEquals(log.size(), merged, "every interval is in exactly one bucket");
        // The 1.75 s interval starting 9.005 s in covers bucket 10 too, but counts in bucket 9 only; the 0.25 s
        // one after it starts 10.755 s in, so bucket 10 holds it alone.
        assertEquals(1, b.intervalCount(9));
        assertEquals(1551.892, b.value(4, 9), 1551.892 * 0.01, "the hiccup's max, as Interval_Max prints it");
        assertEquals(log.get(10).getTotalCount(), b.count(10));
    }

    @Test
    void anIntervalCrossingABucketsEndCountsWholeWhereItStarts() {
        Histogram a = new Histogram(3);
        a.recordValueWithCount(1_000_000, 10);
        Histogram late = new Histogram(3);
        late.recordValueWithCount(900_000_000, 4);
        Histogram c = new Histogram(3);
        c.recordValueWithCount(2_000_000, 6);
        IntervalHistograms.Builder builder = new IntervalHistograms.Builder("ms", 1e6);
        builder.add(T0, T0 + SECOND / 2, a);
        builder.add(T0 + SECOND * 9 / 10, T0 + SECOND * 19 / 10, late);   // 0.9 s to 1.9 s: starts in bucket 0
        builder.add(T0 + SECOND, T0 + 2 * SECOND, c);                    // exactly on bucket 1's start: bucket 1
        IntervalHistograms intervals = builder.build();
        LatencyBuckets b = LatencyBuckets.compute(intervals, "ms", new double[] {50, 100}, SECOND);
        assertEquals(2, b.size());
        assertEquals(14, b.count(0));
        assertEquals(2, b.intervalCount(0));
        assertEquals(1, b.value(0, 0), 0.001);
        assertEquals(900, b.value(1, 0), 900 * 1e-3);
        assertEquals(6, b.count(1), "the late interval is not in bucket 1, though it covers most of it");
        assertEquals(2, b.value(1, 1), 0.002);
        // a dragged range follows the same rule
        assertEquals(6, intervals.merge(new TimeRange(T0 + SECOND * 95 / 100, T0 + 2 * SECOND)).getTotalCount());
        assertEquals(14, intervals.merge(new TimeRange(T0, T0 + SECOND)).getTotalCount());
        LatencyBuckets us = LatencyBuckets.compute(intervals, "us", new double[] {50}, SECOND);
        assertEquals(1000, us.value(0, 0), 1, "shown in the unit asked for");
    }

    @Test
    void intervalBucketsAreAsWideAsAnIntervalWithinTheLimit() {
        IntervalHistograms.Builder hour = new IntervalHistograms.Builder("ms", 1e6);
        IntervalHistograms.Builder fives = new IntervalHistograms.Builder("ms", 1e6);
        Histogram h = new Histogram(3);
        h.recordValue(1000);
        for (int i = 0; i < 3600; i++) {
            hour.add(T0 + i * SECOND + (i % 7) * 1_000_000L, T0 + (i + 1) * SECOND, h);
        }
        for (int i = 0; i < 12; i++) {
            fives.add(T0 + i * 5 * SECOND, T0 + (i + 1) * 5 * SECOND - 3_000_000L, h);
        }
        assertEquals(30 * SECOND, LatencyBuckets.autoBucketNanos(hour.build()), "an hour in at most 120 buckets");
        assertEquals(5 * SECOND, LatencyBuckets.autoBucketNanos(fives.build()), "4.997 s intervals, 5 s buckets");
        LatencyBuckets b = LatencyBuckets.compute(hour.build(), "ms", new double[] {50}, 0);
        assertEquals(120, b.size());
        assertEquals(30, b.intervalCount(0));
        assertEquals(30, b.count(119));
    }
}
