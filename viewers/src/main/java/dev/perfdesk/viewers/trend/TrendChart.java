package dev.perfdesk.viewers.trend;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Stroke;
import java.awt.font.FontRenderContext;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.DatasetRenderingOrder;
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
import dev.perfdesk.core.series.ChangePointReport;
import dev.perfdesk.core.series.ChangePointReview;
import dev.perfdesk.core.series.ReviewStatus;
import dev.perfdesk.core.series.Segment;
import dev.perfdesk.core.series.Series;
import dev.perfdesk.core.series.SeriesChangePoint;
import dev.perfdesk.core.series.SeriesPoint;

/**
 * The JFreeChart behind a {@link TrendView}: a date axis, the runs as a line with points (dataset 0), the segment
 * means as horizontal lines (dataset 1), and a domain marker per change point. Plain Java2D model objects; the skin
 * hosts the chart in a {@code ChartViewer}, and all calls happen on the FX thread.
 */
final class TrendChart {
    /** Beyond this many runs the points are not drawn, only the line. */
    private static final int MAX_POINTS_WITH_SHAPES = 1500;
    /** How close (in pixels) a click must be to a marker or a run to hit it. */
    static final double HIT_TOLERANCE = 6;
    /** Rows of change-point labels at the top of the plot. */
    private static final int LABEL_ROWS = 3;
    private static final double LABEL_ROW_HEIGHT = 17;
    private static final Font LABEL_FONT = new Font("SansSerif", Font.BOLD, 12);
    private static final FontRenderContext TEXT_MEASURE = new FontRenderContext(null, true, true);

    /** The chart's colours, from the control's CSS. */
    record Colours(Color background, Color plotBackground, Color text, Color grid, Color line, Color mean,
                   Color regression, Color improvement, Color dismissed) {
    }

    private final ZoneId zone = ZoneId.systemDefault();
    private final DateAxis timeAxis = new DateAxis();
    private final NumberAxis valueAxis = new NumberAxis();
    private final XYSeriesCollection runs = new XYSeriesCollection();
    private final XYSeriesCollection means = new XYSeriesCollection();
    private final XYLineAndShapeRenderer runRenderer = new XYLineAndShapeRenderer(true, true);
    private final XYLineAndShapeRenderer meanRenderer = new XYLineAndShapeRenderer(true, false);
    private final XYPlot plot = new XYPlot(runs, timeAxis, valueAxis, runRenderer);
    private final JFreeChart chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
    private final List<ValueMarker> markers = new ArrayList<>();
    private final List<String> labels = new ArrayList<>();
    private double plotWidth;
    private double laidOutLower = Double.NaN;
    private double laidOutUpper = Double.NaN;

    private ChangePointReport report;
    private Colours colours = new Colours(Color.WHITE, Color.WHITE, Color.DARK_GRAY, new Color(0xe1e4e8),
            new Color(0x2563eb), new Color(0xb45309), new Color(0xdc2626), new Color(0x16a34a), Color.GRAY);

    TrendChart() {
        chart.setPadding(new RectangleInsets(6, 4, 2, 14));
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        plot.setDataset(1, means);
        plot.setRenderer(1, meanRenderer);
        // The means over the runs: with thousands of runs the line would hide them.
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        plot.setDomainPannable(true);
        plot.setAxisOffset(new RectangleInsets(0, 0, 0, 0));
        plot.setOutlineVisible(true);
        plot.setNoDataMessage("No runs");
        valueAxis.setAutoRangeIncludesZero(false);
        valueAxis.setAutoRangeStickyZero(false);
        // Room above the runs for the change points' labels.
        valueAxis.setUpperMargin(0.16);
        timeAxis.setLowerMargin(0.01);
        timeAxis.setUpperMargin(0.03);
        Font ticks = new Font("SansSerif", Font.PLAIN, 12);
        Font labels = new Font("SansSerif", Font.PLAIN, 13);
        for (ValueAxis axis : List.of(timeAxis, valueAxis)) {
            axis.setTickLabelFont(ticks);
            axis.setLabelFont(labels);
        }
        plot.setNoDataMessageFont(labels);
        runRenderer.setAutoPopulateSeriesShape(false);
        runRenderer.setDefaultShape(new Ellipse2D.Double(-2.5, -2.5, 5, 5));
        runRenderer.setDrawOutlines(false);
        runRenderer.setAutoPopulateSeriesPaint(false);
        runRenderer.setAutoPopulateSeriesStroke(false);
        runRenderer.setDefaultStroke(new BasicStroke(1.2f));
        runRenderer.setDefaultToolTipGenerator((dataset, series, item) -> runTooltip(item));
        meanRenderer.setAutoPopulateSeriesPaint(false);
        meanRenderer.setAutoPopulateSeriesStroke(false);
        meanRenderer.setDefaultStroke(new BasicStroke(2.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER));
        // Hovering shows the run under the mouse, never the mean line drawn over it.
        meanRenderer.setDefaultCreateEntities(false);
        LegendTitle legend = chart.getLegend();
        legend.setPosition(RectangleEdge.TOP);
        legend.setHorizontalAlignment(HorizontalAlignment.RIGHT);
        legend.setFrame(BlockBorder.NONE);
        legend.setItemFont(new Font("SansSerif", Font.PLAIN, 12));
        legend.setMargin(new RectangleInsets(0, 0, 4, 0));
        applyColours(colours);
    }

    JFreeChart chart() {
        return chart;
    }

    XYPlot plot() {
        return plot;
    }

    /** The number of change-point markers drawn. */
    int markerCount() {
        return plot.getDomainMarkers(Layer.FOREGROUND) == null ? 0 : plot.getDomainMarkers(Layer.FOREGROUND).size();
    }

    void applyColours(Colours c) {
        batch(() -> recolour(c));
    }

    /** Recolours and restyles the change-point markers with one redraw. */
    void applyColours(Colours c, SeriesChangePoint selected, Function<SeriesChangePoint, ChangePointReview> reviews) {
        batch(() -> {
            recolour(c);
            restyle(selected, reviews);
        });
    }

    private void recolour(Colours c) {
        colours = c;
        chart.setBackgroundPaint(c.background());
        plot.setBackgroundPaint(c.plotBackground());
        plot.setOutlinePaint(c.grid());
        plot.setDomainGridlinePaint(c.grid());
        plot.setRangeGridlinePaint(c.grid());
        plot.setDomainGridlineStroke(new BasicStroke(0.8f));
        plot.setRangeGridlineStroke(new BasicStroke(0.8f));
        plot.setNoDataMessagePaint(c.text());
        for (ValueAxis axis : List.of(timeAxis, valueAxis)) {
            axis.setTickLabelPaint(c.text());
            axis.setLabelPaint(c.text());
            axis.setAxisLinePaint(c.grid());
            axis.setTickMarkPaint(c.grid());
        }
        runRenderer.setDefaultPaint(c.line());
        meanRenderer.setDefaultPaint(c.mean());
        chart.getLegend().setBackgroundPaint(c.background());
        chart.getLegend().setItemPaint(c.text());
        Line2D line = new Line2D.Double(-9, 0, 9, 0);
        LegendItemCollection items = new LegendItemCollection();
        items.add(new LegendItem("runs", null, null, null, line, new BasicStroke(1.5f), c.line()));
        items.add(new LegendItem("segment mean", null, null, null, line, new BasicStroke(3f), c.mean()));
        items.add(new LegendItem("regression", null, null, null, line, new BasicStroke(2f), c.regression()));
        items.add(new LegendItem("improvement", null, null, null, line, new BasicStroke(2f), c.improvement()));
        items.add(new LegendItem("acknowledged", null, null, null, line, dashed(2f), c.text()));
        items.add(new LegendItem("dismissed", null, null, null, line, dashed(2f), c.dismissed()));
        plot.setFixedLegendItems(items);
        Color labelBackground = new Color(c.plotBackground().getRed(), c.plotBackground().getGreen(),
                c.plotBackground().getBlue(), 215);
        for (ValueMarker marker : markers) {
            marker.setLabelBackgroundColor(labelBackground);
        }
    }

    private static Stroke dashed(float width) {
        return new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {6, 4}, 0);
    }

    /** Shows a report: the runs, the segment means and a marker per change point. Null clears the chart. */
    void show(ChangePointReport newReport, SeriesChangePoint selected, Function<SeriesChangePoint,
            ChangePointReview> reviews) {
        batch(() -> fill(newReport, selected, reviews));
    }

    /** Runs changes to the chart with notification off, so that they cost one redraw. */
    private void batch(Runnable changes) {
        boolean was = chart.isNotify();
        chart.setNotify(false);
        try {
            changes.run();
        } finally {
            chart.setNotify(was);
        }
    }

    private void fill(ChangePointReport newReport, SeriesChangePoint selected, Function<SeriesChangePoint,
            ChangePointReview> reviews) {
        report = newReport;
        runs.removeAllSeries();
        means.removeAllSeries();
        plot.clearDomainMarkers();
        markers.clear();
        labels.clear();
        if (report == null) {
            valueAxis.setLabel(null);
            return;
        }
        Series series = report.series();
        XYSeries line = new XYSeries(series.metric(), false, true);
        for (SeriesPoint p : series.points()) {
            line.add(p.time(), p.value(), false);
        }
        runRenderer.setDefaultShapesVisible(series.size() <= MAX_POINTS_WITH_SHAPES);
        List<Segment> segments = report.segments();
        for (int s = 0; s < segments.size(); s++) {
            Segment segment = segments.get(s);
            XYSeries mean = new XYSeries("segment " + s, false, true);
            long end = segment.to() < series.size() ? series.point(segment.to()).time()
                    : series.point(segment.to() - 1).time();
            mean.add(series.point(segment.from()).time(), segment.mean(), false);
            mean.add(end, segment.mean(), false);
            means.addSeries(mean);
        }
        runs.addSeries(line);
        valueAxis.setLabel(series.unit().isEmpty() ? series.metric()
                : series.metric() + " (" + DisplayUnits.label(series.unit()) + ")");
        List<SeriesChangePoint> cps = report.changePoints();
        for (int k = 0; k < cps.size(); k++) {
            ValueMarker marker = new ValueMarker(cps.get(k).time());
            marker.setLabelFont(LABEL_FONT);
            marker.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
            marker.setLabelTextAnchor(TextAnchor.TOP_LEFT);
            marker.setLabelBackgroundColor(new Color(colours.plotBackground().getRed(),
                    colours.plotBackground().getGreen(), colours.plotBackground().getBlue(), 215));
            markers.add(marker);
            labels.add("");
            plot.addDomainMarker(marker, Layer.FOREGROUND);
        }
        restyleMarkers(selected, reviews);
    }

    /**
     * Puts the change points' labels in up to three rows so that none overlaps another at the plot's current width
     * and zoom; a label that finds no room is left out (the table lists every change point).
     *
     * @param width the data area's width in pixels, as last drawn
     */
    void relayoutLabels(double width) {
        if (width != plotWidth || timeAxis.getLowerBound() != laidOutLower
                || timeAxis.getUpperBound() != laidOutUpper) {
            batch(() -> layoutLabels(width));
        }
    }

    private void layoutLabels(double width) {
        plotWidth = width;
        laidOutLower = timeAxis.getLowerBound();
        laidOutUpper = timeAxis.getUpperBound();
        if (markers.isEmpty() || width <= 0) {
            return;
        }
        double lower = timeAxis.getLowerBound();
        double range = Math.max(1, timeAxis.getUpperBound() - lower);
        double[] rowEnd = new double[LABEL_ROWS];
        java.util.Arrays.fill(rowEnd, Double.NEGATIVE_INFINITY);
        for (int k = 0; k < markers.size(); k++) {
            ValueMarker marker = markers.get(k);
            double x = (marker.getValue() - lower) / range * width;
            String text = labels.get(k);
            double textWidth = LABEL_FONT.getStringBounds(text, TEXT_MEASURE).getWidth() + 10;
            int row = -1;
            if (x >= 0 && x <= width) {
                for (int r = 0; r < LABEL_ROWS && row < 0; r++) {
                    if (x >= rowEnd[r]) {
                        row = r;
                    }
                }
            }
            String want = row < 0 ? null : text;
            RectangleInsets offset = new RectangleInsets(4 + LABEL_ROW_HEIGHT * Math.max(row, 0), 4, 2, 2);
            if (row >= 0) {
                rowEnd[row] = x + textWidth;
            }
            if (!Objects.equals(marker.getLabel(), want) || !offset.equals(marker.getLabelOffset())) {
                marker.setLabelOffset(offset);
                marker.setLabel(want);
            }
        }
    }

    /**
     * Colours each marker by its kind (regression or improvement) and status: solid when new, dashed when
     * acknowledged, grey and dashed when dismissed; the selected one is thicker.
     */
    void restyleMarkers(SeriesChangePoint selected, Function<SeriesChangePoint, ChangePointReview> reviews) {
        batch(() -> restyle(selected, reviews));
    }

    private void restyle(SeriesChangePoint selected, Function<SeriesChangePoint, ChangePointReview> reviews) {
        if (report == null) {
            return;
        }
        List<SeriesChangePoint> cps = report.changePoints();
        for (int k = 0; k < markers.size(); k++) {
            SeriesChangePoint cp = cps.get(k);
            ReviewStatus status = reviews.apply(cp).status();
            Color colour = status == ReviewStatus.DISMISSED ? colours.dismissed()
                    : cp.regression() ? colours.regression() : colours.improvement();
            float width = cp.equals(selected) ? 3.5f : 1.8f;
            ValueMarker marker = markers.get(k);
            marker.setPaint(colour);
            marker.setStroke(status == ReviewStatus.NEW ? new BasicStroke(width) : dashed(width));
            marker.setLabelPaint(colour);
            String label = TrendFormat.percent(cp.changePercent());
            labels.set(k, status == ReviewStatus.ACKNOWLEDGED ? label + " ack"
                    : status == ReviewStatus.DISMISSED ? label + " dismissed" : label);
        }
        layoutLabels(plotWidth);
    }

    /** The label drawn on the marker of change point {@code k}, or null when there was no room for it. */
    String labelOf(int k) {
        return markers.get(k).getLabel();
    }

    /** The x of a change point's marker in chart coordinates, for a drawn data area. */
    double markerX(SeriesChangePoint cp, Rectangle2D dataArea) {
        return timeAxis.valueToJava2D(cp.time(), dataArea, plot.getDomainAxisEdge());
    }

    /** Where a run is drawn in chart coordinates, for a drawn data area. */
    java.awt.geom.Point2D runXY(SeriesPoint run, Rectangle2D dataArea) {
        return new java.awt.geom.Point2D.Double(
                timeAxis.valueToJava2D(run.time(), dataArea, plot.getDomainAxisEdge()),
                valueAxis.valueToJava2D(run.value(), dataArea, plot.getRangeAxisEdge()));
    }

    /**
     * The change point hit at a point of the chart: its marker within {@link #HIT_TOLERANCE} pixels, else one of the
     * two runs around it (the last before, the first after) within as many pixels; null for none.
     */
    SeriesChangePoint changePointAt(double x, double y, Rectangle2D dataArea) {
        if (report == null || dataArea == null || x < dataArea.getMinX() - HIT_TOLERANCE
                || x > dataArea.getMaxX() + HIT_TOLERANCE || y < dataArea.getMinY() || y > dataArea.getMaxY()) {
            return null;
        }
        SeriesChangePoint best = null;
        double bestDistance = HIT_TOLERANCE;
        for (SeriesChangePoint cp : report.changePoints()) {
            double d = Math.abs(markerX(cp, dataArea) - x);
            if (d <= bestDistance) {
                best = cp;
                bestDistance = d;
            }
        }
        if (best != null) {
            return best;
        }
        for (SeriesChangePoint cp : report.changePoints()) {
            for (SeriesPoint run : List.of(cp.before(), cp.after())) {
                java.awt.geom.Point2D at = runXY(run, dataArea);
                if (Math.hypot(at.getX() - x, at.getY() - y) <= HIT_TOLERANCE) {
                    return cp;
                }
            }
        }
        return null;
    }

    private String runTooltip(int item) {
        if (report == null || item >= report.series().size()) {
            return null;
        }
        Series series = report.series();
        SeriesPoint run = series.point(item);
        StringBuilder sb = new StringBuilder();
        sb.append(series.metric()).append(" = ").append(TrendFormat.number(run.value()));
        if (!series.unit().isEmpty()) {
            sb.append(' ').append(DisplayUnits.label(series.unit()));
        }
        sb.append('\n').append(TrendFormat.fullTime(run.time(), zone));
        sb.append(String.format(Locale.ROOT, "%nindex %d of %d runs", item, series.size()));
        String labels = TrendFormat.labels(run);
        if (!labels.isEmpty()) {
            sb.append('\n').append(labels);
        }
        return sb.toString();
    }

    /** The tooltip of a run, as hovering it shows; for tests. */
    String tooltipOfRun(int index) {
        return runTooltip(index);
    }
}
