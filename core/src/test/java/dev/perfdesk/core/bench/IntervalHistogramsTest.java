package dev.perfdesk.core.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.perfdesk.core.timeline.TimeRange;

/** Merged intervals against HdrHistogram's own {@code Histogram.add} of the same interval histograms. */
class IntervalHistogramsTest {
    static final long T0 = 1_441_812_279_601_000_000L;
    static final long SECOND = 1_000_000_000L;
    static final double[] PERCENTILES = {0, 10, 50, 90, 99, 99.9, 100};

    /** Ten one-second intervals of log-normal nanoseconds, recorded as jHiccup does (2 digits, lowest 20 µs). */
    static List<Histogram> intervals() {
        SplittableRandom r = new SplittableRandom(11);
        List<Histogram> out = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Histogram h = new Histogram(20_000, 3_600_000_000_000L, 2);
            int n = 200 + r.nextInt(800);
            for (int k = 0; k < n; k++) {
                h.recordValue((long) Math.exp(12.5 + (i == 6 ? 3 : 0.6) * gaussian(r)));
            }
            h.setStartTimeStamp((T0 + i * SECOND) / 1_000_000);
            h.setEndTimeStamp((T0 + (i + 1) * SECOND) / 1_000_000);
            out.add(h);
        }
        return out;
    }

    static double gaussian(SplittableRandom r) {
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }

    static IntervalHistograms build(List<Histogram> hs) {
        IntervalHistograms.Builder b = new IntervalHistograms.Builder("ms", 1e6);
        for (Histogram h : hs) {
            b.add(h.getStartTimeStamp() * 1_000_000L, h.getEndTimeStamp() * 1_000_000L, h);
        }
        return b.build();
    }

    /** What HdrHistogram's own tools do: a copy of the first interval, the others added to it. */
    static Histogram addedByHdrHistogram(List<Histogram> hs) {
        Histogram sum = hs.get(0).copy();
        for (Histogram h : hs.subList(1, hs.size())) {
            sum.add(h);
        }
        return sum;
    }

    @ParameterizedTest(name = "intervals {0} to {1}")
    @CsvSource({"0, 1", "0, 10", "3, 7", "6, 7", "9, 10"})
    void mergedIntervalsEqualHistogramAddOfTheSameIntervals(int from, int to) {
        List<Histogram> hs = intervals();
        IntervalHistograms intervals = build(hs);
        Histogram expected = addedByHdrHistogram(hs.subList(from, to));
        Histogram merged = intervals.merge(from, to);
        assertEquals(expected, merged);
        assertEquals(expected.getTotalCount(), merged.getTotalCount());
        for (double p : PERCENTILES) {
            assertEquals(expected.getValueAtPercentile(p), merged.getValueAtPercentile(p), "p" + p);
        }
        assertEquals(expected.getMaxValue(), merged.getMaxValue());
        assertEquals(expected.getMean(), merged.getMean(), 1e-9);
        assertEquals(hs.get(from).getStartTimeStamp(), merged.getStartTimeStamp());
        assertEquals(hs.get(to - 1).getEndTimeStamp(), merged.getEndTimeStamp());
    }

    @Test
    void eachIntervalComesBackAsItWasRecorded() {
        List<Histogram> hs = intervals();
        IntervalHistograms intervals = build(hs);
        assertEquals(10, intervals.size());
        long total = 0;
        for (int i = 0; i < hs.size(); i++) {
            assertEquals(hs.get(i), intervals.histogram(i));
            assertEquals(hs.get(i).getTotalCount(), intervals.count(i));
            assertEquals(T0 + i * SECOND, intervals.startNanos(i));
            assertEquals(T0 + (i + 1) * SECOND, intervals.endNanos(i));
            total += hs.get(i).getTotalCount();
        }
        assertEquals(total, intervals.totalCount());
    }

    @Test
    void aRangeHoldsTheIntervalsThatStartInItWhole() {
        List<Histogram> hs = intervals();
        IntervalHistograms intervals = build(hs);
        // 2.5 s to 5.5 s: intervals 3 and 4 and 5 start in it; 2 ends in it but started before; 5 ends after it
        TimeRange range = new TimeRange(T0 + 2 * SECOND + SECOND / 2, T0 + 5 * SECOND + SECOND / 2);
        assertEquals(addedByHdrHistogram(hs.subList(3, 6)), intervals.merge(range));
        assertEquals(3, intervals.countStartingIn(range));
        // the range's end is exclusive: an interval starting exactly there belongs to the next range
        assertEquals(addedByHdrHistogram(hs.subList(3, 5)), intervals.merge(new TimeRange(T0 + 3 * SECOND,
                T0 + 5 * SECOND)));
        assertEquals(0, intervals.merge(new TimeRange(T0 + 3 * SECOND + 1, T0 + 4 * SECOND)).getTotalCount(),
                "no interval starts in it, though interval 3 covers it");
        assertEquals(addedByHdrHistogram(hs), intervals.merge((TimeRange) null));
        Distribution d = intervals.distribution(range);
        assertEquals(addedByHdrHistogram(hs.subList(3, 6)).getValueAtPercentile(99) / 1e6, d.percentile(99));
        assertEquals("ms", d.unit());
    }

    @Test
    void intervalsAddedOutOfOrderAreSortedByStart() {
        List<Histogram> hs = intervals();
        List<Histogram> shuffled = new ArrayList<>(hs);
        java.util.Collections.reverse(shuffled);
        IntervalHistograms intervals = build(shuffled);
        for (int i = 0; i < hs.size(); i++) {
            assertEquals(hs.get(i), intervals.histogram(i));
            assertEquals(T0 + i * SECOND, intervals.startNanos(i));
        }
        assertEquals(3, intervals.firstStartingAtOrAfter(T0 + 2 * SECOND + 1));
        assertEquals(10, intervals.firstStartingAtOrAfter(T0 + 20 * SECOND));
    }

    @Test
    void emptyIntervalsAndAnEmptyLogMergeToEmptyHistograms() {
        IntervalHistograms none = new IntervalHistograms.Builder("ms", 1e6).build();
        assertEquals(0, none.size());
        assertEquals(0, none.merge((TimeRange) null).getTotalCount());
        IntervalHistograms.Builder b = new IntervalHistograms.Builder("ms", 1e6);
        b.add(T0, T0 + SECOND, new Histogram(20_000, 3_600_000_000_000L, 2));
        IntervalHistograms one = b.build();
        assertEquals(0, one.histogram(0).getTotalCount());
        assertEquals(0, one.count(0));
        assertThrows(IllegalArgumentException.class, () -> b.add(T0, T0 - 1, new Histogram(3)));
        assertThrows(IndexOutOfBoundsException.class, () -> one.merge(0, 2));
    }
}
