package dev.perfdesk.viewers.bench;

import java.util.Locale;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import dev.perfdesk.core.bench.DisplayUnits;
import dev.perfdesk.core.bench.SampleStats;
import dev.perfdesk.core.report.PercentileCurve;

/**
 * A histogram of one benchmark's raw samples (or its distribution's recorded values): equal-width bins from
 * {@link SampleStats}, x in the chart's unit, y the number of values. A long tail past p99 is left out of the bins
 * and counted in a note under the chart. A distribution rebuilt from a percentile spectrum (wrk2) has counts only at
 * the spectrum's steps, which would draw as a comb: it is drawn as its cumulative distribution instead
 * ({@link #setCdf}).
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
    private final NumberAxis cdfAxis = new NumberAxis("Cumulative %");
    private final XYSeriesCollection cdf = new XYSeriesCollection();
    private final XYLineAndShapeRenderer cdfRenderer = new XYLineAndShapeRenderer(true, false);
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
            return String.format(Locale.ROOT, "%s – %s %s: %,d", DisplayUnits.number(stats.binStart(item)),
                    DisplayUnits.number(stats.binStart(item) + stats.binWidth()), DisplayUnits.label(unit),
                    stats.binCount(item));
        });
        cdfAxis.setRange(0, 100);
        cdfRenderer.setDefaultStroke(new java.awt.BasicStroke(2f));
        cdfRenderer.setAutoPopulateSeriesStroke(false);
        cdfRenderer.setDefaultToolTipGenerator((data, s, item) -> String.format(Locale.ROOT, "%s %s: %s%%",
                DisplayUnits.number(data.getXValue(s, item)), DisplayUnits.label(unit),
                DisplayUnits.number(data.getYValue(s, item))));
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
            showCdf(false);
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
            xAxis.setLabel(unit.isEmpty() ? "Value" : DisplayUnits.isTime(unit)
                    ? "Latency (" + DisplayUnits.label(unit) + ")" : "Value (" + DisplayUnits.label(unit) + ")");
            String text = stats == null || stats.total() == 0 ? ""
                    : String.format(Locale.ROOT, "%,d values", stats.total());
            if (stats != null && stats.beyondBins() > 0) {
                text += String.format(Locale.ROOT, " · %,d outlier%s above %s (%s %s) left out", stats.beyondBins(),
                        stats.beyondBins() == 1 ? "" : "s", stats.binLimitName(),
                        DisplayUnits.number(stats.binStart(stats.binCount() - 1) + stats.binWidth()),
                        DisplayUnits.label(unit));
            }
            note.setText(text);
            paint(colours());
        });
    }

    /**
     * Shows the cumulative distribution of {@code curve} (values in {@code newUnit}, the percentile up the side)
     * instead of bins; null clears.
     */
    public void setCdf(PercentileCurve curve, String newUnit, int colour) {
        batch(() -> {
            stats = null;
            unit = newUnit == null ? "" : newUnit;
            colourIndex = colour;
            dataset.removeAllSeries();
            cdf.removeAllSeries();
            showCdf(curve != null);
            if (curve != null) {
                XYSeries s = new XYSeries("cdf", false, true);
                for (int i = 0; i < curve.size(); i++) {
                    s.add(curve.value(i), curve.percentile(i), false);
                }
                if (Double.isFinite(curve.max())) {
                    s.add(curve.max(), 100, false);
                }
                cdf.addSeries(s);
                note.setText(String.format(Locale.ROOT, "%,d values · cumulative distribution of the percentile "
                        + "spectrum (it has no histogram)", curve.count()));
            } else {
                note.setText("");
            }
            xAxis.setLabel(unit.isEmpty() ? "Value" : DisplayUnits.isTime(unit)
                    ? "Latency (" + DisplayUnits.label(unit) + ")" : "Value (" + DisplayUnits.label(unit) + ")");
            paint(colours());
        });
    }

    /** Whether a cumulative distribution is shown rather than bins. */
    public boolean showsCdf() {
        return plot.getRenderer() == cdfRenderer;
    }

    private void showCdf(boolean on) {
        plot.setDataset(on ? cdf : dataset);
        plot.setRenderer(on ? cdfRenderer : renderer);
        plot.setRangeAxis(on ? cdfAxis : yAxis);
        if (!on) {
            cdf.removeAllSeries();
        }
    }

    /** The statistics shown, or null. */
    public SampleStats stats() {
        return stats;
    }

    @Override
    protected void paint(ChartColours c) {
        paintFrame(c, plot, xAxis, showsCdf() ? cdfAxis : yAxis);
        cdfRenderer.setSeriesPaint(0, c.seriesColour(colourIndex), false);
        renderer.setSeriesPaint(0, ChartColours.withAlpha(c.seriesColour(colourIndex), 200), false);
    }
}
