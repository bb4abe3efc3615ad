package dev.perfdesk.viewers.bench;

import java.util.Arrays;
import java.util.Objects;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

import dev.perfdesk.core.bench.DisplayUnits;
import dev.perfdesk.core.bench.Distribution;

/**
 * A percentile distribution curve, as HdrHistogram's {@code outputPercentileDistribution} prints it and its plotter
 * draws it: for each step of the histogram's percentile iteration, the percentile and the value there. Plotted
 * against {@link #x(int)}, {@code 1/(1-p)}, on a log axis, so that 90%, 99%, 99.9%... are evenly spaced. The last
 * step (100%, the maximum) has no finite x and is kept only as {@link #max()}. Immutable.
 *
 * <p>Each curve comes from one histogram: curves of several runs are drawn side by side, never averaged.
 *
 * <pre>{@code
 * PercentileCurve c = PercentileCurve.of("run 1", benchmark.distribution(), 5);
 * PercentileCurve ms = c.inUnit("ms");
 * for (int i = 0; i < ms.size(); i++) {
 *     plot(ms.x(i), ms.value(i));
 * }
 * }</pre>
 */
public final class PercentileCurve {
    /** The ticks per half distance HdrHistogram's own {@code .hgrm} output uses. */
    public static final int DEFAULT_TICKS = 5;

    private final String label;
    private final String unit;
    private final double[] percentiles;
    private final double[] values;
    private final long count;
    private final double max;
    private final Distribution distribution;
    private final double factor;

    private PercentileCurve(String label, String unit, double[] percentiles, double[] values, long count, double max,
                            Distribution distribution, double factor) {
        this.label = Objects.requireNonNull(label, "label");
        this.unit = unit;
        this.percentiles = percentiles;
        this.values = values;
        this.count = count;
        this.max = max;
        this.distribution = distribution;
        this.factor = factor;
    }

    /**
     * The curve of a distribution, in its unit.
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
                max, d, 1);
    }

    /** The curve of raw samples, through a histogram of them ({@link #distributionOf}). */
    public static PercentileCurve ofSamples(String label, double[] samples, String unit) {
        return of(label, distributionOf(samples, unit), DEFAULT_TICKS);
    }

    /**
     * A histogram of raw samples with HdrHistogram's three significant digits, scaled so that the largest value is
     * recorded as about 10^9: the tool's own digits are kept and percentiles agree with the raw samples' within
     * the histogram's precision. NaN values are left out.
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
        return new PercentileCurve(label, newUnit, percentiles, vs, count, max * f, distribution, factor * f);
    }

    /** The same curve under another label. */
    public PercentileCurve withLabel(String newLabel) {
        return new PercentileCurve(newLabel, unit, percentiles, values, count, max, distribution, factor);
    }

    /** The value at any percentile (0..100), from the histogram, in this curve's unit; NaN when empty. */
    public double valueAt(double percentile) {
        return distribution.percentile(percentile) * factor;
    }

    /** {@code 1/(1-p)} for a percentile {@code p} (0 to below 100): where it sits on a nines axis. */
    public static double nines(double percentile) {
        return 1 / (1 - percentile / 100);
    }

    public String label() {
        return label;
    }

    public String unit() {
        return unit;
    }

    /** How many steps the curve has. */
    public int size() {
        return values.length;
    }

    /** The percentile (0 to below 100) of step {@code i}. */
    public double percentile(int i) {
        return percentiles[i];
    }

    /** The value at step {@code i}: the highest value equivalent to the recorded one, as HdrHistogram prints it. */
    public double value(int i) {
        return values[i];
    }

    /** {@code 1/(1-p)} of step {@code i}. */
    public double x(int i) {
        return nines(percentiles[i]);
    }

    /** How many values the histogram holds. */
    public long count() {
        return count;
    }

    /** The largest value, to the histogram's precision; NaN when empty. */
    public double max() {
        return max;
    }

    /** The distribution the curve comes from, in its original unit. */
    public Distribution distribution() {
        return distribution;
    }
}
