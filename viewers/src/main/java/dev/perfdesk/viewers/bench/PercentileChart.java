package dev.perfdesk.viewers.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import dev.perfdesk.core.bench.DisplayUnits;
import dev.perfdesk.core.report.PercentileCurve;

/**
 * A percentile distribution chart: x is the percentile on a {@link NinesAxis} ({@code 1/(1-p)}, log scale), y the
 * value in a chosen unit; one line per {@link PercentileCurve} (a run, or a time range of one) with a legend. SLA
 * objectives ({@link SlaSpec}) are drawn as a horizontal line at the threshold and a vertical line at the
 * percentile, in the pass colour when every series meets them and the fail colour otherwise, with a dot where each
 * series crosses the percentile.
 *
 * <pre>{@code
 * PercentileChart chart = new PercentileChart();
 * chart.setCurves(List.of(a.inUnit("ms"), b.inUnit("ms")), "ms");
 * chart.setSlas(SlaSpec.parseAll("p95 < 50 ms"));
 * chart.slaResults();   // one per series and objective
 * }</pre>
 */
public final class PercentileChart extends BenchChart {
    private static final Font MARKER_FONT = new Font("SansSerif", Font.BOLD, 12);

    private final NinesAxis xAxis = new NinesAxis("Percentile");
    private final NumberAxis linearAxis = new NumberAxis();
    private final LogAxis logAxis = new DecadeAxis();
    private ValueAxis yAxis = linearAxis;
    private boolean logScale;
    private final XYSeriesCollection dataset = new XYSeriesCollection();
    private final XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
    /** Where each series crosses an objective's percentile: series 0 met, series 1 missed. */
    private final XYSeriesCollection dots = new XYSeriesCollection();
    private final XYLineAndShapeRenderer dotRenderer = new XYLineAndShapeRenderer(false, true);
    private final XYPlot plot;
    private List<PercentileCurve> curves = List.of();
    private List<SlaSpec> slas = List.of();
    private List<SlaResult> results = List.of();
    private String unit = "";

    public PercentileChart() {
        this(new XYPlot());
    }

    private PercentileChart(XYPlot plot) {
        super(new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, true));
        this.plot = plot;
        getStyleClass().add("percentile-chart");
        plot.setDataset(dataset);
        plot.setDomainAxis(xAxis);
        plot.setRangeAxis(linearAxis);
        plot.setRenderer(renderer);
        plot.setDataset(1, dots);
        plot.setRenderer(1, dotRenderer);
        plot.setDatasetRenderingOrder(org.jfree.chart.plot.DatasetRenderingOrder.FORWARD);
        dotRenderer.setAutoPopulateSeriesShape(false);
        dotRenderer.setDefaultShape(new Ellipse2D.Double(-5, -5, 10, 10));
        dotRenderer.setUseOutlinePaint(true);
        dotRenderer.setDrawOutlines(true);
        dotRenderer.setDefaultOutlineStroke(new BasicStroke(1.5f));
        dotRenderer.setDefaultSeriesVisibleInLegend(false);
        dotRenderer.setDefaultCreateEntities(false);
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        plot.setNoDataMessage("No distribution");
        linearAxis.setAutoRange(false);
        logAxis.setAutoRange(false);
        logAxis.setBase(10);
        logAxis.setSmallestValue(1e-12);
        chart().setPadding(new RectangleInsets(6, 4, 4, 34));
        renderer.setAutoPopulateSeriesStroke(false);
        renderer.setDefaultStroke(new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        renderer.setDefaultToolTipGenerator((data, s, item) -> {
            PercentileCurve c = s < curves.size() ? curves.get(s) : null;
            if (c == null || item >= c.size()) {
                return null;
            }
            return String.format(Locale.ROOT, "%s%n%s: %s %s (n=%,d)", c.label(), NinesAxis.label(c.x(item)),
                    DisplayUnits.number(c.value(item)), DisplayUnits.label(unit), c.count());
        });
        LegendTitle legend = chart().getLegend();
        legend.setPosition(RectangleEdge.TOP);
        legend.setHorizontalAlignment(HorizontalAlignment.LEFT);
        legend.setMargin(new RectangleInsets(0, 0, 4, 0));
    }

    /**
     * Shows curves whose values are in {@code unit}, replacing those shown; call on the FX thread with curves
     * computed elsewhere.
     */
    public void setCurves(List<PercentileCurve> newCurves, String newUnit) {
        batch(() -> {
            curves = List.copyOf(newCurves);
            unit = newUnit == null ? "" : newUnit;
            dataset.removeAllSeries();
            double maxX = 100;
            for (PercentileCurve c : curves) {
                XYSeries s = new XYSeries(legendText(c), false, true);
                for (int i = 0; i < c.size(); i++) {
                    s.add(c.x(i), c.value(i), false);
                    maxX = Math.max(maxX, c.x(i));
                }
                dataset.addSeries(s);
            }
            xAxis.fit(maxX);
            String label = unit.isEmpty() ? "Value" : DisplayUnits.isTime(unit)
                    ? "Latency (" + DisplayUnits.label(DisplayUnits.base(unit)) + ")"
                    : "Value (" + DisplayUnits.label(unit) + ")";
            linearAxis.setLabel(label);
            logAxis.setLabel(label + ", log scale");
            redrawSlas();
            paint(colours());
        });
    }

    private static String legendText(PercentileCurve c) {
        return String.format(Locale.ROOT, "%s  (n=%,d)", c.label(), c.count());
    }

    /** Draws these objectives, replacing those drawn. */
    public void setSlas(List<SlaSpec> newSlas) {
        batch(() -> {
            slas = List.copyOf(newSlas);
            redrawSlas();
            paint(colours());
        });
    }

    /** The curves shown, in legend order. */
    public List<PercentileCurve> curves() {
        return curves;
    }

    /** The unit of the y axis. */
    public String unit() {
        return unit;
    }

    /** The objectives drawn. */
    public List<SlaSpec> slas() {
        return slas;
    }

    /** Every series against every objective, objective by objective. */
    public List<SlaResult> slaResults() {
        return results;
    }

    /** Whether objective {@code sla} is met by every series. */
    public boolean passes(SlaSpec sla) {
        return results.stream().filter(r -> r.sla().equals(sla)).allMatch(SlaResult::passes);
    }

    private void redrawSlas() {
        List<SlaResult> out = new ArrayList<>();
        for (SlaSpec sla : slas) {
            for (PercentileCurve c : curves) {
                double v = c.valueAt(sla.percentile());
                out.add(new SlaResult(sla, c.label(), v, unit, sla.passes(v, unit)));
            }
        }
        results = List.copyOf(out);
        XYSeries met = new XYSeries("met", false, true);
        XYSeries missed = new XYSeries("missed", false, true);
        for (SlaResult r : results) {
            if (r.sla().percentile() < 100 && Double.isFinite(r.value())) {
                (r.passes() ? met : missed).add(PercentileCurve.nines(r.sla().percentile()), r.value(), false);
            }
        }
        dots.removeAllSeries();
        dots.addSeries(met);
        dots.addSeries(missed);
        double top = 0;
        for (PercentileCurve c : curves) {
            for (int i = 0; i < c.size(); i++) {
                top = Math.max(top, c.value(i));
            }
        }
        for (SlaSpec sla : slas) {
            double t = sla.thresholdIn(unit);
            if (Double.isFinite(t)) {
                top = Math.max(top, t);
            }
        }
        linearAxis.setRange(0, top > 0 ? top * 1.1 : 1);
        double bottom = Double.POSITIVE_INFINITY;
        for (PercentileCurve c : curves) {
            for (int i = 0; i < c.size(); i++) {
                if (c.value(i) > 0) {
                    bottom = Math.min(bottom, c.value(i));
                }
            }
        }
        if (Double.isInfinite(bottom) || !(top > 0)) {
            logAxis.setRange(0.1, 10);
        } else {
            logAxis.setRange(bottom / 1.5, top * 1.5);
        }
    }

    /**
     * Whether the value axis is logarithmic: a long tail (p99.99 a hundred times p50) flattens everything below it
     * on a linear axis, as HdrHistogram's plotter draws it by default.
     */
    public void setLogScale(boolean log) {
        batch(() -> {
            logScale = log;
            yAxis = log ? logAxis : linearAxis;
            plot.setRangeAxis(yAxis);
            paint(colours());
        });
    }

    /** Whether the value axis is logarithmic. */
    public boolean isLogScale() {
        return logScale;
    }

    @Override
    protected void paint(ChartColours c) {
        paintFrame(c, plot, xAxis, yAxis);
        for (int i = 0; i < dataset.getSeriesCount(); i++) {
            renderer.setSeriesPaint(i, c.seriesColour(i), false);
        }
        dotRenderer.setSeriesPaint(0, c.pass(), false);
        dotRenderer.setSeriesPaint(1, c.fail(), false);
        dotRenderer.setDefaultOutlinePaint(c.plotBackground(), false);
        plot.clearRangeMarkers();
        plot.clearDomainMarkers();
        Stroke dashed = new BasicStroke(1.8f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {7, 4},
                0);
        Color labelBackground = ChartColours.withAlpha(c.plotBackground(), 220);
        for (SlaSpec sla : slas) {
            Color colour = passes(sla) ? c.pass() : c.fail();
            double t = sla.thresholdIn(unit);
            if (Double.isFinite(t)) {
                ValueMarker h = new ValueMarker(t, colour, dashed);
                h.setLabel(sla + (passes(sla) ? "  ✓ met" : "  ✗ missed"));
                h.setLabelFont(MARKER_FONT);
                h.setLabelPaint(colour);
                h.setLabelBackgroundColor(labelBackground);
                h.setLabelAnchor(RectangleAnchor.TOP_LEFT);
                h.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
                h.setLabelOffset(new RectangleInsets(2, 6, 2, 2));
                plot.addRangeMarker(h, Layer.FOREGROUND);
            }
            if (sla.percentile() < 100) {
                double x = PercentileCurve.nines(sla.percentile());
                ValueMarker v = new ValueMarker(x, colour, dashed);
                plot.addDomainMarker(v, Layer.FOREGROUND);
            }
        }
    }
}
