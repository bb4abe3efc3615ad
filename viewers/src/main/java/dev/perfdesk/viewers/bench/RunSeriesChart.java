package dev.perfdesk.viewers.bench;

import java.awt.BasicStroke;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import dev.perfdesk.core.bench.BenchUnits;
import dev.perfdesk.core.bench.DisplayUnits;
import dev.perfdesk.core.bench.TimeSeries;

/**
 * A run's series over time on one time axis: a panel per unit, stacked, so a load test's latency (Locust's
 * reported p50, p95 and p99) and request rate sit above the resources scraped beside it (CPU %, memory from
 * Prometheus), moment by moment. Values are drawn as the tools reported them, a NaN as a gap; sizes in bytes are
 * shown in the binary unit their peak reads best in. Of a Locust history with every endpoint, only the
 * {@code Aggregated} series are drawn.
 *
 * <pre>{@code
 * RunSeriesChart chart = new RunSeriesChart();
 * chart.setSeries(run.series());
 * }</pre>
 */
public final class RunSeriesChart extends BenchChart {
    private static final String ENDPOINT = "endpoint";

    private final DateAxis timeAxis = new DateAxis("Time");
    private final CombinedDomainXYPlot plot;
    private final List<XYPlot> panels = new ArrayList<>();

    public RunSeriesChart() {
        this(new CombinedDomainXYPlot(new DateAxis("Time")));
    }

    private RunSeriesChart(CombinedDomainXYPlot plot) {
        super(new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, true));
        this.plot = plot;
        getStyleClass().add("run-series-chart");
        plot.setDomainAxis(timeAxis);
        plot.setGap(10);
        timeAxis.setTimeZone(java.util.TimeZone.getDefault());
        timeAxis.setLowerMargin(0.01);
        timeAxis.setUpperMargin(0.01);
        LegendTitle legend = chart().getLegend();
        legend.setPosition(RectangleEdge.TOP);
        legend.setHorizontalAlignment(HorizontalAlignment.LEFT);
        legend.setMargin(new RectangleInsets(0, 0, 4, 0));
    }

    /** The series drawn: those of the whole run, and of Locust's history only the Aggregated ones. */
    public static List<TimeSeries> shown(List<TimeSeries> series) {
        List<TimeSeries> out = new ArrayList<>();
        for (TimeSeries t : series) {
            String endpoint = t.labels().get(ENDPOINT);
            if (endpoint == null || endpoint.equals("Aggregated")) {
                out.add(t);
            }
        }
        return out;
    }

    /** Shows {@code series}; call on the FX thread. */
    public void setSeries(List<TimeSeries> series) {
        batch(() -> {
            for (XYPlot p : new ArrayList<>(panels)) {
                plot.remove(p);
            }
            panels.clear();
            Map<String, List<TimeSeries>> byUnit = new LinkedHashMap<>();
            for (TimeSeries t : shown(series)) {
                byUnit.computeIfAbsent(t.unit(), u -> new ArrayList<>()).add(t);
            }
            for (Map.Entry<String, List<TimeSeries>> e : byUnit.entrySet()) {
                String unit = e.getKey();
                double peak = 0;
                for (TimeSeries t : e.getValue()) {
                    double p = t.asBenchmark().figures().percentile(100);
                    peak = Double.isFinite(p) ? Math.max(peak, p) : peak;
                }
                String shownUnit = BenchUnits.readableTimeUnit(peak, unit);
                double factor = shownUnit.equals(unit) ? 1 : BenchUnits.convert(1, unit, shownUnit);
                XYSeriesCollection data = new XYSeriesCollection();
                for (TimeSeries t : e.getValue()) {
                    XYSeries s = new XYSeries(label(t), false, true);
                    for (int i = 0; i < t.size(); i++) {
                        double v = t.value(i);
                        s.add(t.timeNanos(i) / 1e6, Double.isFinite(v) ? Double.valueOf(v * factor) : null);
                    }
                    data.addSeries(s);
                }
                NumberAxis axis = new NumberAxis(shownUnit.isEmpty() ? "value"
                        : DisplayUnits.isTime(shownUnit) ? DisplayUnits.label(shownUnit) : shownUnit);
                axis.setAutoRangeIncludesZero(true);
                XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
                r.setAutoPopulateSeriesStroke(false);
                r.setDefaultStroke(new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                XYPlot panel = new XYPlot(data, null, axis, r);
                panel.setAxisOffset(RectangleInsets.ZERO_INSETS);
                plot.add(panel, unit.equals("users") ? 1 : 2);
                panels.add(panel);
            }
            plot.setNoDataMessage("No series over time");
        });
    }

    /** {@code p95 (Locust)}, {@code process_resident_memory_bytes (Prometheus)}. */
    static String label(TimeSeries t) {
        String name = t.name().isEmpty() ? t.displayName() : t.name();
        return name + " (" + (t.source().equals(TimeSeries.LOCUST_HISTORY) ? "Locust" : t.source()) + ")";
    }

    /** How many panels are drawn: one per unit. */
    public int panelCount() {
        return panels.size();
    }

    @Override
    protected void paint(ChartColours c) {
        List<org.jfree.chart.axis.Axis> axes = new ArrayList<>();
        axes.add(timeAxis);
        int k = 0;
        for (XYPlot p : panels) {
            paintFrame(c, p, p.getRangeAxis());
            XYLineAndShapeRenderer r = (XYLineAndShapeRenderer) p.getRenderer();
            for (int i = 0; i < p.getDataset().getSeriesCount(); i++) {
                r.setSeriesPaint(i, c.series().get(k++ % c.series().size()), false);
            }
        }
        paintFrame(c, plot, axes.toArray(new org.jfree.chart.axis.Axis[0]));
    }
}
