package dev.perfdesk.viewers.compare;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;

import javafx.scene.layout.StackPane;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import dev.perfdesk.core.bench.BenchUnits;
import dev.perfdesk.core.report.PercentileCurve;
import dev.perfdesk.core.report.ReportFormat;
import dev.perfdesk.viewers.bench.NinesAxis;

/**
 * Two runs' latency by percentile, overlaid, as HdrHistogram plots it: x is {@code 1 / (1 - p)} on a log axis
 * labelled in percent (0%, 90%, 99%, 99.9%), y the latency in a readable unit. A minimal JFreeChart-FX chart, kept
 * self-contained so that it can later be merged with the richer percentile chart of the benchmark views.
 *
 * <pre>{@code
 * PercentileOverlayChart chart = new PercentileOverlayChart();
 * chart.setCurves("main", PercentileCurve.of(before), "branch", PercentileCurve.of(after));
 * }</pre>
 */
public class PercentileOverlayChart extends StackPane {
    static final Color BASELINE = new Color(0x2563eb);
    static final Color CANDIDATE = new Color(0xea580c);

    private final XYSeriesCollection dataset = new XYSeriesCollection();
    private final NinesAxis xAxis = new NinesAxis("Percentile");
    private final NumberAxis yAxis = new NumberAxis();
    private final XYStepRenderer renderer = new XYStepRenderer();
    private final XYPlot plot = new XYPlot(dataset, xAxis, yAxis, renderer);
    private final JFreeChart chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, true);

    public PercentileOverlayChart() {
        getStyleClass().add("percentile-overlay-chart");
        xAxis.setLowerMargin(0);
        xAxis.setUpperMargin(0.02);
        yAxis.setAutoRangeIncludesZero(false);
        Font ticks = new Font("SansSerif", Font.PLAIN, 12);
        Font labels = new Font("SansSerif", Font.PLAIN, 13);
        xAxis.setTickLabelFont(ticks);
        yAxis.setTickLabelFont(ticks);
        xAxis.setLabelFont(labels);
        yAxis.setLabelFont(labels);
        renderer.setSeriesPaint(0, BASELINE);
        renderer.setSeriesPaint(1, CANDIDATE);
        renderer.setSeriesStroke(0, new BasicStroke(2f));
        renderer.setSeriesStroke(1, new BasicStroke(2f));
        renderer.setDefaultToolTipGenerator((d, series, item) -> String.format(java.util.Locale.ROOT, "%s: %s at %s",
                d.getSeriesKey(series), ReportFormat.plain(d.getYValue(series, item)),
                NinesAxis.label(d.getXValue(series, item))));
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xe1e4e8));
        plot.setRangeGridlinePaint(new Color(0xe1e4e8));
        plot.setOutlineVisible(false);
        plot.setNoDataMessage("No raw samples or distribution for this benchmark");
        plot.setNoDataMessageFont(labels);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setPadding(new RectangleInsets(4, 4, 4, 12));
        LegendTitle legend = chart.getLegend();
        legend.setPosition(RectangleEdge.TOP);
        legend.setHorizontalAlignment(HorizontalAlignment.RIGHT);
        legend.setFrame(BlockBorder.NONE);
        legend.setItemFont(ticks);
        getChildren().add(new ChartViewer(chart));
    }

    private javafx.scene.paint.Color themed;

    /**
     * Follows the theme: the background the stylesheet gives this pane (light in the light theme, dark in the dark
     * one) becomes the chart's, with text and grid lines that read on it.
     */
    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        javafx.scene.paint.Color bg = getBackground() != null && !getBackground().getFills().isEmpty()
                && getBackground().getFills().get(0).getFill() instanceof javafx.scene.paint.Color c ? c : null;
        if (bg != null && !bg.equals(themed)) {
            themed = bg;
            boolean dark = bg.getBrightness() < 0.5;
            Color back = new Color((float) bg.getRed(), (float) bg.getGreen(), (float) bg.getBlue());
            Color text = dark ? new Color(0xc9d1d9) : new Color(0x24292f);
            Color grid = dark ? new Color(0x30363d) : new Color(0xe1e4e8);
            chart.setBackgroundPaint(back);
            plot.setBackgroundPaint(back);
            plot.setDomainGridlinePaint(grid);
            plot.setRangeGridlinePaint(grid);
            plot.setNoDataMessagePaint(text);
            for (org.jfree.chart.axis.Axis a : new org.jfree.chart.axis.Axis[] {xAxis, yAxis}) {
                a.setLabelPaint(text);
                a.setTickLabelPaint(text);
                a.setAxisLinePaint(grid);
                a.setTickMarkPaint(grid);
            }
            chart.getLegend().setBackgroundPaint(back);
            chart.getLegend().setItemPaint(text);
        }
    }

    /**
     * Shows two curves, either of which may be null (then the other is shown alone); values are converted to a
     * readable time unit for the baseline's median.
     */
    public void setCurves(String baselineName, PercentileCurve baseline, String candidateName,
                          PercentileCurve candidate) {
        chart.setNotify(false);
        try {
            dataset.removeAllSeries();
            PercentileCurve reference = baseline != null ? baseline : candidate;
            if (reference == null) {
                yAxis.setLabel("");
                return;
            }
            String display = ReportFormat.displayUnit(reference.value(0), reference.unit());
            yAxis.setLabel(ReportFormat.unitLabel(display));
            dataset.addSeries(series("baseline: " + baselineName, baseline, display));
            dataset.addSeries(series("candidate: " + candidateName, candidate, display));
            double maxX = 1;
            for (int i = 0; i < dataset.getSeriesCount(); i++) {
                if (dataset.getItemCount(i) > 0) {
                    maxX = Math.max(maxX, dataset.getSeries(i).getMaxX());
                }
            }
            // The percentile chart's axis: 0%, 50%, 90%, 99%... up to the decade at or above the last point.
            xAxis.fit(maxX);
        } finally {
            chart.setNotify(true);
        }
    }

    /** Clears the chart. */
    public void clear() {
        setCurves("", null, "", null);
    }

    /** How many curves are shown. */
    public int curveCount() {
        int n = 0;
        for (int i = 0; i < dataset.getSeriesCount(); i++) {
            n += dataset.getItemCount(i) > 0 ? 1 : 0;
        }
        return n;
    }

    JFreeChart chart() {
        return chart;
    }

    private static XYSeries series(String name, PercentileCurve curve, String display) {
        XYSeries s = new XYSeries(name, true, true);
        if (curve == null) {
            return s;
        }
        for (int i = 0; i < curve.size(); i++) {
            double v = curve.unit().equals(display) ? curve.value(i)
                    : BenchUnits.convert(curve.value(i), curve.unit(), display);
            s.addOrUpdate(PercentileCurve.nines(curve.percentile(i)), Double.isNaN(v) ? curve.value(i) : v);
        }
        return s;
    }
}
