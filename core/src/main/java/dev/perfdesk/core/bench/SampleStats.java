package dev.perfdesk.core.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;


/**
 * What the histogram and box plot of one benchmark show, computed in plain Java from its raw samples, or from its
 * distribution when the file has only a histogram (JMH's sample mode, wrk2): equal-width bins, and the quartiles,
 * Tukey's whiskers (1.5 IQR) and the outliers beyond them. Values are in the unit asked for. Immutable.
 *
 * <pre>{@code
 * SampleStats s = SampleStats.ofSamples(b.samples(), DisplayUnits.factor(b.unit(), "ms"));
 * s.binCount(3);   // values in the fourth bin
 * s.q1(); s.median(); s.q3();
 * }</pre>
 */
public final class SampleStats {
    /** At most this many outliers are kept for drawing. */
    public static final int MAX_OUTLIERS = 400;
    /** Histograms of fewer values than this are not clipped. */
    public static final int MIN_CLIPPED = 100;

    private final double binStart;
    private final double binWidth;
    private final long[] bins;
    private final long beyond;
    private final long total;
    private final double min;
    private final double q1;
    private final double median;
    private final double q3;
    private final double max;
    private final double mean;
    private final double whiskerLow;
    private final double whiskerHigh;
    private final List<Double> outliers;
    private final long beyondWhiskers;
    private final String binLimitName;

    private SampleStats(double binStart, double binWidth, long[] bins, long beyond, long total, double min, double q1,
                        double median, double q3, double max, double mean, double whiskerLow, double whiskerHigh,
                        List<Double> outliers, long beyondWhiskers) {
        this.binStart = binStart;
        this.binWidth = binWidth;
        this.bins = bins;
        this.beyond = beyond;
        this.total = total;
        this.min = min;
        this.q1 = q1;
        this.median = median;
        this.q3 = q3;
        this.max = max;
        this.mean = mean;
        this.whiskerLow = whiskerLow;
        this.whiskerHigh = whiskerHigh;
        this.outliers = List.copyOf(outliers);
        this.beyondWhiskers = beyondWhiskers;
        double farOut = q3 + 3 * (q3 - q1);
        this.binLimitName = beyond == 0 ? "" : bins.length > 0 && Math.abs(binStart + bins.length * binWidth - farOut)
                <= Math.abs(farOut) * 1e-9 + binWidth * 1e-6 ? "q3 + 3 IQR" : "p99";
    }

    /**
     * Statistics of raw samples, each multiplied by {@code factor} (to the display unit); NaN samples are left out.
     * Quartiles and median by {@link BenchmarkFigures#interpolated}, the rule of the run table.
     */
    public static SampleStats ofSamples(double[] samples, double factor) {
        double[] s = Arrays.stream(samples).filter(v -> !Double.isNaN(v)).map(v -> v * factor).sorted().toArray();
        if (s.length == 0) {
            return empty();
        }
        double q1 = BenchmarkFigures.interpolated(s, 25);
        double med = BenchmarkFigures.interpolated(s, 50);
        double q3 = BenchmarkFigures.interpolated(s, 75);
        double iqr = q3 - q1;
        double lowFence = q1 - 1.5 * iqr;
        double highFence = q3 + 1.5 * iqr;
        double wl = s[s.length - 1];
        double wh = s[0];
        List<Double> outliers = new ArrayList<>();
        long beyondWhiskers = 0;
        for (double v : s) {
            if (v >= lowFence && v <= highFence) {
                wl = Math.min(wl, v);
                wh = Math.max(wh, v);
            } else {
                beyondWhiskers++;
                if (outliers.size() < MAX_OUTLIERS) {
                    outliers.add(v);
                }
            }
        }
        double upper = binUpper(s.length, s[0], s[s.length - 1], BenchmarkFigures.interpolated(s, 99), q1,
                q3);
        int binCount = binsFor(s.length);
        double start = s[0];
        double width = width(start, upper, binCount);
        long[] bins = new long[binCount];
        long beyond = 0;
        for (double v : s) {
            if (v > upper) {
                beyond++;
            } else {
                bins[Math.min(binCount - 1, (int) ((v - start) / width))]++;
            }
        }
        return new SampleStats(start, width, bins, beyond, s.length, s[0], q1, med, q3, s[s.length - 1],
                Arrays.stream(s).average().orElse(Double.NaN), wl, wh, outliers, beyondWhiskers);
    }

    /** Statistics of a distribution, each value multiplied by {@code factor}, to the histogram's precision. */
    public static SampleStats ofDistribution(Distribution d, double factor) {
        Histogram h = d.histogram();
        long n = h.getTotalCount();
        if (n == 0) {
            return empty();
        }
        double f = factor / d.scale();
        double min = h.getMinValue() * f;
        double max = h.highestEquivalentValue(h.getMaxValue()) * f;
        double q1 = d.percentile(25) * factor;
        double med = d.percentile(50) * factor;
        double q3 = d.percentile(75) * factor;
        double iqr = q3 - q1;
        double lowFence = q1 - 1.5 * iqr;
        double highFence = q3 + 1.5 * iqr;
        double wl = max;
        double wh = min;
        List<Double> outliers = new ArrayList<>();
        long beyondWhiskers = 0;
        double upper = binUpper(n, min, max, d.percentile(99) * factor, q1, q3);
        int binCount = binsFor(n);
        double width = width(min, upper, binCount);
        long[] bins = new long[binCount];
        long beyond = 0;
        for (HistogramIterationValue v : h.recordedValues()) {
            double value = v.getValueIteratedTo() * f;
            long count = v.getCountAtValueIteratedTo();
            if (value >= lowFence && value <= highFence) {
                wl = Math.min(wl, value);
                wh = Math.max(wh, value);
            } else {
                beyondWhiskers += count;
                if (outliers.size() < MAX_OUTLIERS) {
                    outliers.add(value);
                }
            }
            if (value > upper) {
                beyond += count;
            } else {
                bins[Math.max(0, Math.min(binCount - 1, (int) ((value - min) / width)))] += count;
            }
        }
        return new SampleStats(min, width, bins, beyond, n, min, q1, med, q3, max, h.getMean() * f, wl, wh, outliers,
                beyondWhiskers);
    }

    private static SampleStats empty() {
        return new SampleStats(0, 1, new long[0], 0, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                Double.NaN, Double.NaN, Double.NaN, List.of(), 0);
    }

    /**
     * The bins stop at p99, so that a tail of outliers does not squeeze the body into a bar or two; and where more
     * than a percent are far out (a jHiccup log's pauses: p99 a thousand times the median), at the far-out fence,
     * three interquartile ranges above the third quartile. The values past it are counted ({@link #beyondBins()})
     * for a note. Fewer than {@value #MIN_CLIPPED} values are all drawn: a p99 of three values means nothing.
     */
    private static double binUpper(long n, double min, double max, double p99, double q1, double q3) {
        if (n < MIN_CLIPPED) {
            return max;
        }
        double upper = max > p99 && p99 > 0 ? p99 : max;
        double farOut = q3 + 3 * (q3 - q1);
        return farOut > min && farOut < upper ? farOut : upper;
    }

    /** Where the bins stop: {@code p99}, or {@code q3 + 3 IQR} when that is lower. */
    public String binLimitName() {
        return binLimitName;
    }

    /** About the square root of n bins, between 5 and 60. */
    private static int binsFor(long n) {
        return (int) Math.max(5, Math.min(60, Math.round(Math.sqrt(n))));
    }

    private static double width(double start, double upper, int bins) {
        double w = (upper - start) / bins;
        return w > 0 ? w * (1 + 1e-12) : Math.max(Math.abs(start) * 1e-3, 1e-12);
    }

    /** How many bins. */
    public int binCount() {
        return bins.length;
    }

    /** Where bin {@code i} starts. */
    public double binStart(int i) {
        return binStart + i * binWidth;
    }

    /** The width of every bin. */
    public double binWidth() {
        return binWidth;
    }

    /** How many values fall in bin {@code i}. */
    public long binCount(int i) {
        return bins[i];
    }

    /** How many values lie beyond the last bin (the tail past p99, when it is long). */
    public long beyondBins() {
        return beyond;
    }

    /** How many values in all. */
    public long total() {
        return total;
    }

    public double min() {
        return min;
    }

    public double q1() {
        return q1;
    }

    public double median() {
        return median;
    }

    public double q3() {
        return q3;
    }

    public double max() {
        return max;
    }

    public double mean() {
        return mean;
    }

    /** The lowest value within 1.5 IQR below the first quartile. */
    public double whiskerLow() {
        return whiskerLow;
    }

    /** The highest value within 1.5 IQR above the third quartile. */
    public double whiskerHigh() {
        return whiskerHigh;
    }

    /** How many values lie beyond the whiskers. */
    public long beyondWhiskers() {
        return beyondWhiskers;
    }

    /** Values beyond the whiskers, at most {@link #MAX_OUTLIERS} (distinct histogram values for a distribution). */
    public List<Double> outliers() {
        return outliers;
    }
}
