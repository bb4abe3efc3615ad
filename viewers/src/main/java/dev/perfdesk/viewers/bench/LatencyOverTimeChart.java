package dev.perfdesk.viewers.bench;

import java.awt.BasicStroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.event.EventHandler;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.fx.interaction.MouseHandlerFX;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import dev.perfdesk.core.bench.DisplayUnits;
import dev.perfdesk.core.bench.LatencyBuckets;
import dev.perfdesk.core.bench.TimedPoints;
import dev.perfdesk.core.timeline.TimeRange;

/**
 * Latency over time: the chosen percentiles of each time bucket ({@link LatencyBuckets}, one histogram per bucket)
 * as lines, over the raw points (when there are any) as faint dots; the value axis linear from zero or logarithmic.
 * Dragging across the chart selects a time range ({@link #rangeProperty()}), shown shaded; a click without a drag
 * clears it.
 *
 * <pre>{@code
 * LatencyOverTimeChart chart = new LatencyOverTimeChart();
 * chart.setData(LatencyBuckets.compute(points, "ms", new double[] {50, 90, 99}, 0), points, 1);
 * chart.rangeProperty().addListener((o, was, range) -> recompute(range));
 * }</pre>
 */
public final class LatencyOverTimeChart extends BenchChart {
    /** Beyond this many points the raw dots are not drawn. */
    public static final int MAX_DOTS = 20_000;
    /** A drag shorter than this many pixels is a click. */
    private static final double MIN_DRAG = 4;

    private final DateAxis timeAxis = new DateAxis("Time");
    private final NumberAxis valueAxis = new NumberAxis();
    private final DecadeAxis logAxis = new DecadeAxis();
    private boolean logScale;
    private final XYSeriesCollection lines = new XYSeriesCollection();
    private final XYSeriesCollection dots = new XYSeriesCollection();
    private final XYLineAndShapeRenderer lineRenderer = new XYLineAndShapeRenderer(true, true);
    private final XYLineAndShapeRenderer dotRenderer = new XYLineAndShapeRenderer(false, true);
    private final XYPlot plot;
    private final ObjectProperty<TimeRange> range = new SimpleObjectProperty<>(this, "range");
    private final IntervalMarker selection = new IntervalMarker(0, 0);
    private LatencyBuckets buckets;
    private double[] dragFrom;

    public LatencyOverTimeChart() {
        this(new XYPlot());
    }

    private LatencyOverTimeChart(XYPlot plot) {
        super(new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, true));
        this.plot = plot;
        getStyleClass().add("latency-over-time-chart");
        plot.setDataset(0, lines);
        plot.setRenderer(0, lineRenderer);
        plot.setDataset(1, dots);
        plot.setRenderer(1, dotRenderer);
        plot.setDomainAxis(timeAxis);
        plot.setRangeAxis(valueAxis);
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        plot.setNoDataMessage("No timestamped points");
        plot.setDatasetRenderingOrder(org.jfree.chart.plot.DatasetRenderingOrder.REVERSE);
        plot.setSeriesRenderingOrder(org.jfree.chart.plot.SeriesRenderingOrder.FORWARD);
        timeAxis.setTimeZone(java.util.TimeZone.getDefault());
        timeAxis.setLowerMargin(0.01);
        timeAxis.setUpperMargin(0.01);
        valueAxis.setAutoRangeIncludesZero(true);
        logAxis.setAutoRange(false);
        logAxis.setSmallestValue(1e-12);
        lineRenderer.setAutoPopulateSeriesStroke(false);
        lineRenderer.setDefaultStroke(new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        lineRenderer.setAutoPopulateSeriesShape(false);
        lineRenderer.setDefaultShape(new Ellipse2D.Double(-2.5, -2.5, 5, 5));
        lineRenderer.setDefaultToolTipGenerator((data, s, item) -> tooltip(s, item));
        dotRenderer.setAutoPopulateSeriesShape(false);
        dotRenderer.setDefaultShape(new Ellipse2D.Double(-2, -2, 4, 4));
        dotRenderer.setDefaultCreateEntities(false);
        LegendTitle legend = chart().getLegend();
        legend.setPosition(RectangleEdge.TOP);
        legend.setHorizontalAlignment(HorizontalAlignment.LEFT);
        legend.setMargin(new RectangleInsets(0, 0, 4, 0));
        range.addListener((o, was, now) -> showSelection());
    }

    /**
     * Shows buckets and, when there are not too many, the raw points as dots; call on the FX thread with buckets
     * computed elsewhere. The selected range is kept when it still overlaps the data.
     *
     * @param values what the points' values are multiplied by to be in the buckets' unit
     */
    public void setData(LatencyBuckets newBuckets, TimedPoints points, double values) {
        batch(() -> {
            buckets = newBuckets;
            lines.removeAllSeries();
            dots.removeAllSeries();
            if (buckets != null) {
                double[] ps = buckets.percentiles();
                for (int p = 0; p < ps.length; p++) {
                    XYSeries s = new XYSeries(SlaSpecNames.percentile(ps[p]), false, true);
                    for (int i = 0; i < buckets.size(); i++) {
                        double mid = (buckets.startNanos(i) + buckets.bucketNanos() / 2.0) / 1e6;
                        double v = buckets.value(p, i);
                        s.add(mid, Double.isNaN(v) ? null : v, false);
                    }
                    lines.addSeries(s);
                }
                valueAxis.setLabel("Latency (" + DisplayUnits.label(buckets.unit()) + ")");
                logAxis.setLabel("Latency (" + DisplayUnits.label(buckets.unit()) + ", log)");
                timeAxis.setLabel("Time (buckets of " + duration(buckets.bucketNanos()) + ")");
            }
            if (points != null && points.size() <= MAX_DOTS && points.size() > 0) {
                XYSeries s = new XYSeries("points", false, true);
                for (int i = 0; i < points.size(); i++) {
                    s.add(points.timeNanos(i) / 1e6, points.value(i) * values, false);
                }
                dots.addSeries(s);
            }
            fitLogAxis();
            paint(colours());
        });
    }

    /**
     * The log axis spans the positive values drawn, with room below so that lines along the bottom stay clear of
     * the axis; it cannot start at zero.
     */
    private void fitLogAxis() {
        double bottom = Double.POSITIVE_INFINITY;
        double top = 0;
        for (XYSeriesCollection c : List.of(lines, dots)) {
            for (int s = 0; s < c.getSeriesCount(); s++) {
                for (int i = 0; i < c.getItemCount(s); i++) {
                    double v = c.getYValue(s, i);
                    if (v > 0 && Double.isFinite(v)) {
                        bottom = Math.min(bottom, v);
                        top = Math.max(top, v);
                    }
                }
            }
        }
        if (top > 0) {
            logAxis.setRange(bottom / 3, top * 1.5);
        } else {
            logAxis.setRange(0.1, 10);
        }
    }

    /** Whether the value axis is logarithmic, for latencies whose spikes are a thousand times their median. */
    public void setLogScale(boolean log) {
        batch(() -> {
            logScale = log;
            plot.setRangeAxis(log ? logAxis : valueAxis);
            paint(colours());
        });
    }

    /** Whether the value axis is logarithmic. */
    public boolean isLogScale() {
        return logScale;
    }

    /** The buckets shown, or null. */
    public LatencyBuckets buckets() {
        return buckets;
    }

    /** The selected time range (epoch nanoseconds), or null for none. */
    public ObjectProperty<TimeRange> rangeProperty() {
        return range;
    }

    public TimeRange getRange() {
        return range.get();
    }

    public void setRange(TimeRange value) {
        range.set(value);
    }

    private void showSelection() {
        batch(() -> {
            plot.removeDomainMarker(selection, Layer.BACKGROUND);
            TimeRange r = range.get();
            if (r != null) {
                selection.setStartValue(r.from() / 1e6);
                selection.setEndValue(r.to() / 1e6);
                plot.addDomainMarker(selection, Layer.BACKGROUND);
            }
        });
    }

    @Override
    protected void paint(ChartColours c) {
        paintFrame(c, plot, timeAxis, logScale ? logAxis : valueAxis);
        for (int i = 0; i < lines.getSeriesCount(); i++) {
            lineRenderer.setSeriesPaint(i, c.seriesColour(i), false);
            // Higher percentiles are drawn later and thinner, so one that equals a lower one leaves it visible.
            float width = Math.max(1.2f, 3f - 0.6f * i);
            lineRenderer.setSeriesStroke(i, new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND),
                    false);
        }
        dotRenderer.setSeriesPaint(0, ChartColours.withAlpha(c.text(), 70), false);
        dotRenderer.setSeriesVisibleInLegend(0, false, false);
        selection.setPaint(c.selection());
        selection.setOutlinePaint(null);
    }

    /** Replaces the viewer's zoom-on-drag with range selection. */
    @Override
    protected void attach(ChartViewer viewer, Consumer<Runnable> onDispose) {
        MouseHandlerFX zoom = viewer.getCanvas().getMouseHandler("zoom");
        if (zoom != null) {
            viewer.getCanvas().removeMouseHandler(zoom);
            onDispose.accept(() -> viewer.getCanvas().addMouseHandler(zoom));
        }
        EventHandler<MouseEvent> pressed = e -> {
            Rectangle2D area = dataArea(viewer);
            dragFrom = e.getButton() == MouseButton.PRIMARY && area != null && area.contains(e.getX(), e.getY())
                    ? new double[] {e.getX()} : null;
        };
        EventHandler<MouseEvent> dragged = e -> {
            Rectangle2D area = dataArea(viewer);
            if (dragFrom != null && area != null && Math.abs(e.getX() - dragFrom[0]) >= MIN_DRAG) {
                range.set(rangeBetween(dragFrom[0], e.getX(), area));
            }
        };
        EventHandler<MouseEvent> released = e -> {
            Rectangle2D area = dataArea(viewer);
            if (dragFrom != null && area != null) {
                range.set(Math.abs(e.getX() - dragFrom[0]) < MIN_DRAG ? null
                        : rangeBetween(dragFrom[0], e.getX(), area));
            }
            dragFrom = null;
        };
        viewer.getCanvas().addEventHandler(MouseEvent.MOUSE_PRESSED, pressed);
        viewer.getCanvas().addEventHandler(MouseEvent.MOUSE_DRAGGED, dragged);
        viewer.getCanvas().addEventHandler(MouseEvent.MOUSE_RELEASED, released);
        onDispose.accept(() -> {
            viewer.getCanvas().removeEventHandler(MouseEvent.MOUSE_PRESSED, pressed);
            viewer.getCanvas().removeEventHandler(MouseEvent.MOUSE_DRAGGED, dragged);
            viewer.getCanvas().removeEventHandler(MouseEvent.MOUSE_RELEASED, released);
        });
    }

    private TimeRange rangeBetween(double x1, double x2, Rectangle2D area) {
        double a = Math.max(area.getMinX(), Math.min(area.getMaxX(), x1));
        double b = Math.max(area.getMinX(), Math.min(area.getMaxX(), x2));
        double ma = timeAxis.java2DToValue(a, area, plot.getDomainAxisEdge());
        double mb = timeAxis.java2DToValue(b, area, plot.getDomainAxisEdge());
        return TimeRange.between(Math.round(Math.min(ma, mb) * 1e6), Math.round(Math.max(ma, mb) * 1e6));
    }

    /** Where time {@code epochNanos} is drawn, in the canvas' coordinates; NaN before the first draw. */
    public double xOf(long epochNanos) {
        ChartViewer viewer = viewer();
        Rectangle2D area = viewer == null ? null : dataArea(viewer);
        return area == null ? Double.NaN
                : timeAxis.valueToJava2D(epochNanos / 1e6, area, plot.getDomainAxisEdge());
    }

    private ChartViewer viewer() {
        return getSkin() instanceof BenchChartSkin ? ((BenchChartSkin) getSkin()).viewer() : null;
    }

    private static Rectangle2D dataArea(ChartViewer viewer) {
        if (viewer.getCanvas().getRenderingInfo() == null) {
            return null;
        }
        return viewer.getCanvas().getRenderingInfo().getPlotInfo().getDataArea();
    }

    private String tooltip(int series, int item) {
        if (buckets == null || item >= buckets.size()) {
            return null;
        }
        DateTimeFormatter f = DateTimeFormatter.ofPattern("HH:mm:ss.SSS", Locale.ROOT).withZone(ZoneId.systemDefault());
        String count = buckets.ofIntervals()
                ? String.format(Locale.ROOT, "%,d values in %d interval%s", buckets.count(item),
                        buckets.intervalCount(item), buckets.intervalCount(item) == 1 ? "" : "s")
                : String.format(Locale.ROOT, "%,d points", buckets.count(item));
        return String.format(Locale.ROOT, "%s from %s (%s)%n%s %s · %s",
                SlaSpecNames.percentile(buckets.percentiles()[series]),
                f.format(Instant.ofEpochSecond(0, buckets.startNanos(item))), duration(buckets.bucketNanos()),
                DisplayUnits.number(buckets.value(series, item)), DisplayUnits.label(buckets.unit()), count);
    }

    /** {@code 500 ms}, {@code 5 s}, {@code 2 min}. */
    static String duration(long nanos) {
        if (nanos < 1_000_000_000L) {
            return DisplayUnits.shortNumber(nanos / 1e6) + " ms";
        }
        if (nanos < 60_000_000_000L) {
            return DisplayUnits.shortNumber(nanos / 1e9) + " s";
        }
        if (nanos < 3_600_000_000_000L) {
            return DisplayUnits.shortNumber(nanos / 6e10) + " min";
        }
        return DisplayUnits.shortNumber(nanos / 3.6e12) + " h";
    }
}
