package dev.perfdesk.core.report;

import java.util.Arrays;
import java.util.Objects;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

import dev.perfdesk.core.bench.Benchmark;
import dev.perfdesk.core.bench.BenchmarkFigures;
import dev.perfdesk.core.bench.DisplayUnits;
import dev.perfdesk.core.bench.Distribution;

/**
 * A benchmark's latency by percentile, as HdrHistogram plots it: values against "nines" ({@code 1 / (1 - p)}: 90%
 * is 10, 99% is 100) on a log axis, so that 90%, 99%, 99.9%... are evenly spaced. The one curve every chart and
 * report draws. Never from averaged percentiles:
 * <ul>
 *   <li><b>Raw samples</b>: the values at percentiles spaced evenly in nines (20 a decade), from 0% to the highest
 *       percentile the data can tell, {@code 1 - 1/n} (at most six nines), by {@link BenchmarkFigures}' rule
 *       ({@link BenchmarkFigures#interpolated}, or the tool's own rule where the figures follow it, as for
 *       Gatling), so the curve goes through the table's p50, p90 and p99.</li>
 *   <li><b>A histogram</b>: one point per step of HdrHistogram's percentile iteration, the lines its
 *       {@code outputPercentileDistribution} prints; the last step (100%, the maximum) has no finite x and is kept
 *       only as {@link #max()}.</li>
 * </ul>
 * Each curve is of one benchmark: curves of several runs are drawn side by side, never averaged. Immutable.
 *
 * <pre>{@code
 * PercentileCurve curve = PercentileCurve.of(benchmark);             // null without samples or a histogram
 * PercentileCurve ms = PercentileCurve.of("run 1", distribution, 5).inUnit("ms");
 * for (int i = 0; i < ms.size(); i++) {
 *     plot(ms.x(i), ms.value(i));
 * }
 * ms.valueAt(99);   // p99 in ms, by the same rule as the table
 * }</pre>
 */
public final class PercentileCurve {
    /** The ticks per half distance HdrHistogram's own {@code .hgrm} output uses. */
    public static final int DEFAULT_TICKS = 5;
    /** Points per factor of ten in nines, for raw samples. */
    private static final int STEPS_PER_DECADE = 20;
    /** The highest percentile drawn from raw samples: six nines. */
    private static final double MAX_NINES = 1e6;

    private final String label;
    private final String unit;
    private final double[] percentiles;
    private final double[] values;
    private final long count;
    private final double max;
    /** Ascending raw samples in the original unit, or null for a histogram's curve. */
    private final double[] sorted;
    private final Distribution distribution;
    /** What a value in the original unit is multiplied by to read in {@link #unit}. */
    private final double factor;
    /** The tool's percentile rule for raw samples ({@link BenchmarkFigures#percentile}), or null for interpolation. */
    private final java.util.function.DoubleUnaryOperator rule;

    private PercentileCurve(String label, String unit, double[] percentiles, double[] values, long count, double max,
                            double[] sorted, Distribution distribution, double factor) {
        this(label, unit, percentiles, values, count, max, sorted, distribution, factor, null);
    }

    private PercentileCurve(String label, String unit, double[] percentiles, double[] values, long count, double max,
                            double[] sorted, Distribution distribution, double factor,
                            java.util.function.DoubleUnaryOperator rule) {
        this.rule = rule;
        this.label = Objects.requireNonNull(label, "label");
        this.unit = unit;
        this.percentiles = percentiles;
        this.values = values;
        this.count = count;
        this.max = max;
        this.sorted = sorted;
        this.distribution = distribution;
        this.factor = factor;
    }

    /**
     * The curve of {@code benchmark}'s raw samples, else of its histogram ({@link BenchmarkFigures#distribution()});
     * null when it has neither. Labelled with the benchmark's display name.
     */
    public static PercentileCurve of(Benchmark benchmark) {
        BenchmarkFigures f = benchmark.figures();
        double[] s = f.sortedSamples();
        if (s.length > 0) {
            return ofSorted(benchmark.displayName(), s, benchmark.unit(), f.followsToolPercentileRule()
                    ? f::percentile : null);
        }
        Distribution d = f.distribution();
        if (d != null && d.totalCount() > 0) {
            return of(benchmark.displayName(), d, DEFAULT_TICKS);
        }
        return null;
    }

    /**
     * The curve of a histogram, in its unit: HdrHistogram's percentile iteration.
     *
     * @param ticksPerHalfDistance percentile steps per halving of the distance to 100%, as in HdrHistogram's
     *                             {@code percentiles(int)}
     */
    public static PercentileCurve of(String label, Distribution d, int ticksPerHalfDistance) {
        Histogram h = d.histogram();
        int n = 0;
        double[] ps = new double[64];
        double[] vs = new double[64];
        if (h.getTotalCount() > 0) {
            for (HistogramIterationValue v : h.percentiles(ticksPerHalfDistance)) {
                double p = v.getPercentileLevelIteratedTo();
                if (p >= 100.0) {
                    continue;
                }
                if (n == ps.length) {
                    ps = Arrays.copyOf(ps, n * 2);
                    vs = Arrays.copyOf(vs, n * 2);
                }
                ps[n] = p;
                vs[n] = v.getValueIteratedTo() / d.scale();
                n++;
            }
        }
        double max = h.getTotalCount() == 0 ? Double.NaN : h.highestEquivalentValue(h.getMaxValue()) / d.scale();
        return new PercentileCurve(label, d.unit(), Arrays.copyOf(ps, n), Arrays.copyOf(vs, n), h.getTotalCount(),
                max, null, d, 1);
    }

    /** The curve of raw samples (NaN left out), by {@link BenchmarkFigures}' rule. */
    public static PercentileCurve ofSamples(String label, double[] samples, String unit) {
        return ofSorted(label, Arrays.stream(samples).filter(v -> !Double.isNaN(v)).sorted().toArray(), unit, null);
    }

    /** With {@code rule} (a benchmark's {@link BenchmarkFigures#percentile}) in place of interpolation, if not null. */
    private static PercentileCurve ofSorted(String label, double[] sorted, String unit,
                                            java.util.function.DoubleUnaryOperator rule) {
        int n = sorted.length;
        if (n == 0) {
            return new PercentileCurve(label, unit, new double[0], new double[0], 0, Double.NaN, sorted, null, 1);
        }
        double maxNines = Math.min(Math.max(1, n), MAX_NINES);
        int steps = (int) Math.floor(Math.log10(maxNines) * STEPS_PER_DECADE + 1e-9);
        double[] ps = new double[steps + 1];
        double[] vs = new double[steps + 1];
        for (int k = 0; k <= steps; k++) {
            double nines = Math.pow(10, (double) k / STEPS_PER_DECADE);
            ps[k] = 100 * (1 - 1 / nines);
            vs[k] = rule != null ? rule.applyAsDouble(ps[k]) : BenchmarkFigures.interpolated(sorted, ps[k]);
        }
        return new PercentileCurve(label, unit, ps, vs, n, sorted[n - 1], sorted, null, 1, rule);
    }

    /**
     * A histogram of raw samples with HdrHistogram's three significant digits, scaled so that the largest value is
     * recorded as about 10^9: the tool's own digits are kept. NaN values are left out.
     *
     * @throws IllegalArgumentException if a value is negative or infinite
     */
    public static Distribution distributionOf(double[] samples, String unit) {
        double[] finite = Arrays.stream(samples).filter(v -> !Double.isNaN(v)).toArray();
        double max = Arrays.stream(finite).max().orElse(0);
        double scale = max > 0 ? Math.pow(10, Math.floor(9 - Math.log10(max))) : 1;
        return Distribution.ofValues(finite, unit, scale, Distribution.SIGNIFICANT_DIGITS);
    }

    /** The same curve with its values in another unit (a time unit for a time curve). */
    public PercentileCurve inUnit(String newUnit) {
        double f = DisplayUnits.factor(unit, newUnit);
        if (Double.isNaN(f) || f == 1) {
            return this;
        }
        double[] vs = values.clone();
        for (int i = 0; i < vs.length; i++) {
            vs[i] *= f;
        }
        return new PercentileCurve(label, newUnit, percentiles, vs, count, max * f, sorted, distribution,
                factor * f, rule);
    }

    /** The same curve under another label. */
    public PercentileCurve withLabel(String newLabel) {
        return new PercentileCurve(newLabel, unit, percentiles, values, count, max, sorted, distribution, factor,
                rule);
    }

    /**
     * The value at any percentile (0..100) in this curve's unit, by the rule the curve is drawn with (the raw
     * samples' interpolation, or the histogram's); NaN when empty.
     */
    public double valueAt(double percentile) {
        if (sorted != null && rule != null) {
            return rule.applyAsDouble(percentile) * factor;
        }
        if (sorted != null) {
            return BenchmarkFigures.interpolated(sorted, percentile) * factor;
        }
        return distribution.percentile(percentile) * factor;
    }

    /** {@code 1 / (1 - percentile / 100)}: 1 at 0%, 10 at 90%, 100 at 99%; infinite at 100%. */
    public static double nines(double percentile) {
        return 1 / (1 - percentile / 100);
    }

    /** The series' label. */
    public String label() {
        return label;
    }

    /** The unit of the values. */
    public String unit() {
        return unit;
    }

    /** How many points. */
    public int size() {
        return percentiles.length;
    }

    /** The percentile (0 to below 100) of point {@code i}, ascending. */
    public double percentile(int i) {
        return percentiles[i];
    }

    /** The value at point {@code i}, in {@link #unit()}. */
    public double value(int i) {
        return values[i];
    }

    /** {@code 1/(1-p)} of point {@code i}: where it sits on a nines axis. */
    public double x(int i) {
        return nines(percentiles[i]);
    }

    /** How many measurements the curve is drawn from. */
    public long count() {
        return count;
    }

    /** The largest value (the histogram's to its precision); NaN when empty. */
    public double max() {
        return max;
    }

    /** The smallest value on the curve. */
    public double min() {
        return Arrays.stream(values).min().orElse(Double.NaN);
    }

    /** Whether the curve comes from raw samples rather than a histogram. */
    public boolean fromSamples() {
        return sorted != null;
    }

    /** The histogram the curve comes from, in its original unit; null for a curve of raw samples. */
    public Distribution distribution() {
        return distribution;
    }
}
