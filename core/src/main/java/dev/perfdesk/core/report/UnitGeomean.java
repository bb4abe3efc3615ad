package dev.perfdesk.core.report;

import java.util.Objects;

/**
 * The geometric mean of candidate / baseline over the compared metrics of one unit and one direction, as
 * benchstat gives one per unit. Ratios of metrics where higher is better are never multiplied with ratios where
 * lower is better.
 *
 * <pre>{@code
 * for (UnitGeomean g : comparison.geomeans()) {
 *     System.out.println(g.unit() + " " + ReportFormat.geomean(g.ratio()) + " over " + g.count());
 * }
 * }</pre>
 *
 * @param unit          the unit, such as {@code ns/op}
 * @param lowerIsBetter true for times and sizes, false for throughputs
 * @param count         how many metrics
 * @param ratio         the geometric mean of candidate / baseline; NaN when a ratio could not be computed
 */
public record UnitGeomean(String unit, boolean lowerIsBetter, int count, double ratio) {

    public UnitGeomean {
        Objects.requireNonNull(unit, "unit");
    }

    /** The ratio oriented so that above 1 is better: baseline / candidate when lower is better. */
    public double speedup() {
        return lowerIsBetter ? 1 / ratio : ratio;
    }

    /** {@code ns/op, lower is better, 12 metrics}. */
    public String label() {
        return (unit.isEmpty() ? "no unit" : dev.perfdesk.core.bench.DisplayUnits.label(unit)) + ", "
                + (lowerIsBetter ? "lower" : "higher") + " is better, " + count + (count == 1 ? " metric" : " metrics");
    }
}
