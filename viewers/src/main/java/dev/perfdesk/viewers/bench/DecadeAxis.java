package dev.perfdesk.viewers.bench;

import java.util.ArrayList;

import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;

import dev.perfdesk.core.bench.DisplayUnits;

/** A log value axis with ticks at 1, 2 and 5 times powers of ten (only powers of ten when those crowd). */
final class DecadeAxis extends LogAxis {
    private static final long serialVersionUID = 1L;

    DecadeAxis() {
        setBase(10);
        setMinorTickMarksVisible(false);
    }

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public java.util.List refreshTicks(java.awt.Graphics2D g2, org.jfree.chart.axis.AxisState state,
                                       java.awt.geom.Rectangle2D dataArea, RectangleEdge edge) {
        double lower = getLowerBound();
        double upper = getUpperBound();
        double decades = Math.log10(upper) - Math.log10(lower);
        double[] steps = decades > 4 ? new double[] {1} : decades > 2 ? new double[] {1, 3} : new double[] {1, 2, 5};
        java.util.List<org.jfree.chart.axis.ValueTick> ticks = new ArrayList<>();
        TextAnchor anchor = RectangleEdge.isLeftOrRight(edge) ? TextAnchor.CENTER_RIGHT : TextAnchor.TOP_CENTER;
        for (double d = Math.pow(10, Math.floor(Math.log10(lower))); d <= upper; d *= 10) {
            for (double step : steps) {
                double v = d * step;
                if (v >= lower && v <= upper) {
                    ticks.add(new org.jfree.chart.axis.NumberTick(org.jfree.chart.axis.TickType.MAJOR, v,
                            DisplayUnits.shortNumber(v), anchor, TextAnchor.CENTER, 0.0));
                }
            }
        }
        return ticks;
    }
}
