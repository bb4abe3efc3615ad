package dev.perfdesk.viewers.bench;

import java.util.Locale;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;

import dev.perfdesk.core.bench.DisplayUnits;

/**
 * A histogram of one benchmark's raw samples (or its distribution's recorded values): equal-width bins from
 * {@link SampleStats}, x in the chart's unit, y the number of values. A long tail past p99 is left out of the bins
 * and counted in a note under the chart.
 *
 * <pre>{@code
 * SampleHistogramChart h = new SampleHistogramChart();
 * h.setStats(SampleStats.ofSamples(b.samples(), DisplayUnits.factor(b.unit(), "ms")), "ms", 0);
 * }</pre>
 */
public final class SampleHistogramChart extends BenchChart {
    private final NumberAxis xAxis = new NumberAxis();
    private final NumberAxis yAxis = new NumberAxis("Count");
    private final XYIntervalSeriesCollection dataset = new XYIntervalSeriesCollection();
    private final XYBarRenderer renderer = new XYBarRenderer(0.08);
    private final TextTitle note = new TextTitle("");
    private final XYPlot plot;
    private SampleStats stats;
    private String unit = "";
    private int colourIndex;

    public SampleHistogramChart() {
        this(new XYPlot());
    }

    private SampleHistogramChart(XYPlot plot) {
        super(new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, false));
        this.plot = plot;
        getStyleClass().add("sample-histogram-chart");
        plot.setDataset(dataset);
        plot.setDomainAxis(xAxis);
        plot.setRangeAxis(yAxis);
        plot.setRenderer(renderer);
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        plot.setNoDataMessage("No samples");
        xAxis.setAutoRangeIncludesZero(false);
        yAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        renderer.setBarPainter(new StandardXYBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(false);
        renderer.setDefaultToolTipGenerator((data, s, item) -> {
            if (stats == null || item >= stats.binCount()) {
                return null;
            }
            return String.format(Locale.ROOT, "%s – %s %s: %,d", DisplayUnits.shortNumber(stats.binStart(item)),
                    DisplayUnits.shortNumber(stats.binStart(item) + stats.binWidth()), DisplayUnits.label(unit),
                    stats.binCount(item));
        });
        note.setFont(TICK_FONT);
        note.setPosition(RectangleEdge.BOTTOM);
        note.setHorizontalAlignment(HorizontalAlignment.RIGHT);
        chart().addSubtitle(note);
    }

    /**
     * Shows the bins of {@code newStats} (values in {@code newUnit}) in series colour {@code colour}; null clears.
     */
    public void setStats(SampleStats newStats, String newUnit, int colour) {
        batch(() -> {
            stats = newStats;
            unit = newUnit == null ? "" : newUnit;
            colourIndex = colour;
            dataset.removeAllSeries();
            if (stats != null && stats.binCount() > 0) {
                XYIntervalSeries s = new XYIntervalSeries("samples");
                for (int i = 0; i < stats.binCount(); i++) {
                    double lo = stats.binStart(i);
                    double hi = lo + stats.binWidth();
                    s.add((lo + hi) / 2, lo, hi, stats.binCount(i), 0, stats.binCount(i));
                }
                dataset.addSeries(s);
            }
            xAxis.setLabel(unit.isEmpty() ? "Value" : DisplayUnits.label(unit));
            String text = stats == null || stats.total() == 0 ? ""
                    : String.format(Locale.ROOT, "%,d values", stats.total());
            if (stats != null && stats.beyondBins() > 0) {
                text += String.format(Locale.ROOT, " · %,d above %s %s (past p99) not shown", stats.beyondBins(),
                        DisplayUnits.shortNumber(stats.binStart(stats.binCount() - 1) + stats.binWidth()),
                        DisplayUnits.label(unit));
            }
            note.setText(text);
            paint(colours());
        });
    }

    /** The statistics shown, or null. */
    public SampleStats stats() {
        return stats;
    }

    @Override
    protected void paint(ChartColours c) {
        paintFrame(c, plot, xAxis, yAxis);
        renderer.setSeriesPaint(0, ChartColours.withAlpha(c.seriesColour(colourIndex), 200), false);
    }
}
