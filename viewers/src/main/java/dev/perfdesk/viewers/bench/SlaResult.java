package dev.perfdesk.viewers.bench;

import dev.perfdesk.core.bench.DisplayUnits;

/**
 * How one series fares against one objective.
 *
 * @param sla    the objective
 * @param series the series' label
 * @param value  the series' value at the objective's percentile, in the chart's unit
 * @param unit   the chart's unit
 * @param passes whether it meets the objective
 */
public record SlaResult(SlaSpec sla, String series, double value, String unit, boolean passes) {

    /** {@code ✓ run A: p95 = 32.100 ms}. */
    @Override
    public String toString() {
        return (passes ? "✓ " : "✗ ") + series + ": " + valueText();
    }

    /** {@code p95 = 32.100 ms}. */
    public String valueText() {
        return sla.percentileName() + " = " + DisplayUnits.number(value) + " " + DisplayUnits.label(unit);
    }
}
