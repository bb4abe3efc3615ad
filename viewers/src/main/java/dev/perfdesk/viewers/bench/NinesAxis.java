package dev.perfdesk.viewers.bench;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.axis.ValueTick;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;

/**
 * The x axis of a percentile chart as HdrHistogram's plotter draws it: values are {@code 1/(1-p)} on a log scale,
 * labelled as percentiles, with ticks at 0%, 50%, 90%, 99%, 99.9%, 99.99%... so that every added nine takes the
 * same width.
 */
public final class NinesAxis extends LogAxis {
    private static final long serialVersionUID = 1L;

    public NinesAxis(String label) {
        super(label);
        setBase(10);
        setSmallestValue(1);
        setAutoRange(false);
        setRange(1, 100);
        setMinorTickMarksVisible(false);
    }

    /** The label of the tick at {@code x = 1/(1-p)}: {@code 99.9%}. */
    public static String label(double x) {
        double p = 100 * (1 - 1 / x);
        if (p <= 0) {
            return "0%";
        }
        BigDecimal d = new BigDecimal(p).round(new MathContext(Math.max(2, (int) Math.round(Math.log10(x)) + 2)));
        return d.stripTrailingZeros().toPlainString() + "%";
    }

    /**
     * Shows the range from 0% up to the power of ten at or above {@code maxX}, and at least to 99%; a handful of
     * values, the last below 90% ({@code maxX < 10}), keeps the width for them instead of an empty 90-99% decade.
     */
    public void fit(double maxX) {
        if (maxX < 10) {
            setRange(1, Math.max(2.2, maxX * 1.1));
            return;
        }
        double upper = Math.pow(10, Math.max(2, Math.ceil(Math.log10(Math.max(maxX, 1)) - 1e-9)));
        setRange(1, upper);
    }

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public List refreshTicks(Graphics2D g2, AxisState state, Rectangle2D dataArea, RectangleEdge edge) {
        List<ValueTick> ticks = new ArrayList<>();
        double lower = getLowerBound();
        double upper = getUpperBound() * (1 + 1e-9);
        boolean vertical = RectangleEdge.isLeftOrRight(edge);
        TextAnchor anchor = vertical ? TextAnchor.CENTER_RIGHT : TextAnchor.TOP_CENTER;
        List<Double> values = new ArrayList<>(List.of(1.0, 2.0));
        double length = vertical ? dataArea.getHeight() : dataArea.getWidth();
        double decades = Math.log10(Math.max(upper, 10) / Math.max(lower, 1e-12));
        if (decades > 0 && length / decades * Math.log10(2) < 40) {
            // 50% would sit on 0%'s label: the axis is too narrow for both
            values.remove(2.0);
        }
        for (double x = 10; x <= upper; x *= 10) {
            values.add(x);
        }
        for (double x : values) {
            if (x >= lower && x <= upper) {
                ticks.add(new NumberTick(TickType.MAJOR, x, label(x), anchor, TextAnchor.CENTER, 0.0));
            }
        }
        return ticks;
    }
}
