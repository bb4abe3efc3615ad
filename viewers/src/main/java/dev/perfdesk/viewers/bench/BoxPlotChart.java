package dev.perfdesk.viewers.bench;

import java.awt.Paint;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BoxAndWhiskerRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.statistics.BoxAndWhiskerItem;
import org.jfree.data.statistics.DefaultBoxAndWhiskerCategoryDataset;

import dev.perfdesk.core.bench.DisplayUnits;
import dev.perfdesk.core.bench.SampleStats;

/**
 * Box plots of raw samples, one per series (the run shown and any overlaid), side by side on a shared value axis:
 * the box from the first to the third quartile with the median, the mean as a dot, whiskers to the furthest values
 * within 1.5 IQR; how many values lie beyond them is noted under the chart. Each box has its series' colour, as in the percentile chart.
 *
 * <pre>{@code
 * BoxPlotChart box = new BoxPlotChart();
 * box.setBoxes(List.of("run 1", "run 2"), List.of(stats1, stats2), "ms");
 * }</pre>
 */
public final class BoxPlotChart extends BenchChart {
    private final CategoryAxis categoryAxis = new CategoryAxis();
    private final NumberAxis valueAxis = new NumberAxis();
    private final DefaultBoxAndWhiskerCategoryDataset dataset = new DefaultBoxAndWhiskerCategoryDataset();
    private final Renderer renderer = new Renderer();
    private final CategoryPlot plot;
    private List<String> labels = List.of();
    private final TextTitle note = new TextTitle("");

    public BoxPlotChart() {
        this(new CategoryPlot());
    }

    private BoxPlotChart(CategoryPlot plot) {
        super(new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, false));
        this.plot = plot;
        getStyleClass().add("box-plot-chart");
        plot.setDataset(dataset);
        plot.setDomainAxis(categoryAxis);
        plot.setRangeAxis(valueAxis);
        plot.setRenderer(renderer);
        plot.setOrientation(PlotOrientation.VERTICAL);
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        plot.setNoDataMessage("No samples");
        valueAxis.setAutoRangeIncludesZero(false);
        categoryAxis.setMaximumCategoryLabelLines(2);
        categoryAxis.setCategoryMargin(0.25);
        // JFreeChart sizes the mean's dot by the box's width, which hides the median on wide boxes.
        renderer.setMeanVisible(false);
        renderer.setMedianVisible(true);
        renderer.setFillBox(true);
        renderer.setUseOutlinePaintForWhiskers(false);
        renderer.setMaxOutlierVisible(false);
        renderer.setMinOutlierVisible(false);
        renderer.setMaximumBarWidth(0.25);
        renderer.setWhiskerWidth(0.6);
        note.setFont(TICK_FONT);
        note.setPosition(org.jfree.chart.ui.RectangleEdge.BOTTOM);
        note.setHorizontalAlignment(org.jfree.chart.ui.HorizontalAlignment.RIGHT);
        chart().addSubtitle(note);
        renderer.setDefaultToolTipGenerator(new org.jfree.chart.labels.BoxAndWhiskerToolTipGenerator());
    }

    /** Shows one box per label, from {@code stats} (values in {@code unit}); replaces what is shown. */
    public void setBoxes(List<String> newLabels, List<SampleStats> stats, String unit) {
        batch(() -> {
            dataset.clear();
            List<String> kept = new ArrayList<>();
            List<String> notes = new ArrayList<>();
            for (int i = 0; i < newLabels.size(); i++) {
                SampleStats s = stats.get(i);
                String label = newLabels.get(i);
                if (s == null || s.total() == 0 || kept.contains(label)) {
                    continue;
                }
                kept.add(label);
                // Outliers are counted in the note, not drawn: JFreeChart sizes their circles by the box's width.
                dataset.add(new BoxAndWhiskerItem(s.mean(), s.median(), s.q1(), s.q3(), s.whiskerLow(),
                        s.whiskerHigh(), s.min(), s.max(), new ArrayList<>()), "samples", label);
                long beyond = s.beyondWhiskers();
                if (beyond > 0) {
                    notes.add(String.format(Locale.ROOT, "%,d (max %s %s)", beyond, DisplayUnits.number(s.max()),
                            DisplayUnits.label(unit)).replace(" )", ")"));
                }
            }
            labels = List.copyOf(newLabels);
            note.setText(notes.isEmpty() ? "" : "Beyond the whiskers (1.5 IQR), left to right: "
                    + String.join(" · ", notes));
            valueAxis.setLabel(unit == null || unit.isEmpty() ? "Value" : DisplayUnits.isTime(unit)
                    ? "Latency (" + DisplayUnits.label(unit) + ")" : "Value (" + DisplayUnits.label(unit) + ")");
            paint(colours());
        });
    }

    /** How many boxes are shown. */
    public int boxCount() {
        return dataset.getColumnCount();
    }

    @Override
    protected void paint(ChartColours c) {
        paintFrame(c, plot, categoryAxis, valueAxis);
        renderer.colours = c;
        renderer.labels = labels;
        renderer.setArtifactPaint(c.text());
        renderer.setDefaultOutlinePaint(c.text(), false);
    }

    /** Colours each box by the position of its label in the series list, as the percentile chart does. */
    private final class Renderer extends BoxAndWhiskerRenderer {
        private static final long serialVersionUID = 1L;
        private transient ChartColours colours = ChartColours.LIGHT;
        private transient List<String> labels = List.of();

        @Override
        public Paint getItemPaint(int row, int column) {
            Object key = dataset.getColumnKey(column);
            int index = Math.max(0, labels.indexOf(String.valueOf(key)));
            return ChartColours.withAlpha(colours.seriesColour(index), 150);
        }

        @Override
        public Paint getItemOutlinePaint(int row, int column) {
            return colours.text();
        }
    }
}
