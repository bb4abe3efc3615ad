package dev.perfdesk.viewers.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import dev.perfdesk.core.bench.Benchmark;
import dev.perfdesk.core.bench.DisplayUnits;
import dev.perfdesk.core.bench.Distribution;
import dev.perfdesk.core.bench.IntervalHistograms;
import dev.perfdesk.core.bench.LatencyBuckets;
import dev.perfdesk.core.bench.SampleStats;
import dev.perfdesk.core.bench.TimedPoints;
import dev.perfdesk.core.report.PercentileCurve;
import dev.perfdesk.core.timeline.TimeRange;
import dev.perfdesk.viewers.ExportDialogs;
import dev.perfdesk.viewers.LatestWins;

/**
 * One benchmark in detail: its percentile distribution chart (with other runs' matching benchmarks overlaid and the
 * user's SLA objectives), a histogram and a box plot of its samples, and, when it has timestamped points or interval
 * histograms, latency over time at chosen percentiles, where a dragged time range recomputes the percentile chart,
 * histogram and box plot for that range only (for interval histograms: the merge of the intervals that start in
 * it). Everything is computed off the FX thread and shown in one step; a newer input drops an older computation
 * (latest wins). Charts export to PNG and SVG from the Export menu.
 *
 * <pre>{@code
 * BenchmarkDetailView detail = new BenchmarkDetailView();
 * detail.setBenchmark("jmh-percentile.json", benchmark);
 * detail.addOverlay("yesterday", otherRunsBenchmark);
 * detail.setSlaText("p99 < 5 ms");
 * detail.setOnOverlayRequest(() -> chooseRunToOverlay(detail));
 * }</pre>
 */
public class BenchmarkDetailView extends BorderPane {
    private static final double[] LATENCY_CHOICES = {50, 90, 95, 99, 99.9, 100};
    private static final String AUTO = "auto";

    /**
     * A benchmark and the label its series carries.
     *
     * @param unit the unit the run table shows the benchmark in ({@link RunTableRow#unit()}), which the charts then
     *             use too; empty to let the view choose
     */
    public record Series(String label, Benchmark benchmark, String unit) {
        /** A series whose unit the view chooses. */
        public Series(String label, Benchmark benchmark) {
            this(label, benchmark, "");
        }
    }

    /** The attribute an importer sets to {@link #SPECTRUM} when a distribution was rebuilt from a percentile list. */
    public static final String DISTRIBUTION_SOURCE = Benchmark.DISTRIBUTION_SOURCE;
    /** A distribution rebuilt from a percentile spectrum (wrk2): drawn as its curve and CDF, never as a histogram. */
    public static final String SPECTRUM = Benchmark.SPECTRUM;

    private final Executor executor;
    private final LatestWins work;
    private final ObjectProperty<Series> main = new SimpleObjectProperty<>(this, "main");
    private final ObservableList<Series> overlays = FXCollections.observableArrayList();
    private final StringProperty unit = new SimpleStringProperty(this, "unit", AUTO);
    private final StringProperty slaText = new SimpleStringProperty(this, "slaText", "");
    private final ObjectProperty<Runnable> onOverlayRequest = new SimpleObjectProperty<>(this, "onOverlayRequest");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");

    private final PercentileChart percentileChart = new PercentileChart();
    private final SampleHistogramChart histogramChart = new SampleHistogramChart();
    private final BoxPlotChart boxPlotChart = new BoxPlotChart();
    private final LatencyOverTimeChart latencyChart = new LatencyOverTimeChart();
    private final Label title = new Label();
    private final Label summary = new Label();
    private final ComboBox<String> unitBox = new ComboBox<>();
    private final TextField slaField = new TextField();
    private final Label slaStatus = new Label();
    private final FlowPane slaVerdicts = new FlowPane(14, 2);
    private final CheckBox logScale = new CheckBox("Log scale");
    private final Button overlayButton = new Button("Overlay another run…");
    private final Button clearOverlays = new Button("Clear overlays");
    private final MenuButton export = new MenuButton("Export");
    private final List<CheckBox> latencyBoxes = new ArrayList<>();
    private final Label rangeLabel = new Label();
    private final Button clearRange = new Button("Clear");
    private final Label latencyNote = new Label();
    private final SplitPane top = new SplitPane();
    private final VBox latencyPane;
    private final SplitPane body;
    /** What replaces the charts when a benchmark has nothing to chart: why, and what the file gives instead. */
    private final Label nothing = new Label();
    private final VBox nothingPane = new VBox(nothing);
    private List<SlaSpec> slas = List.of();
    private Result shown;

    /** A view computing on a thread shared by such views. */
    public BenchmarkDetailView() {
        this(SharedWorker.EXECUTOR);
    }

    /** @param executor where curves and buckets are computed; {@code Runnable::run} computes them in place */
    public BenchmarkDetailView(Executor executor) {
        this.executor = executor;
        this.work = new LatestWins(executor, LatestWins.fxThread());
        getStyleClass().add("benchmark-detail-view");

        title.getStyleClass().add("detail-title");
        title.setMinWidth(0);
        summary.getStyleClass().add("detail-summary");
        summary.setMinWidth(0);
        unitBox.getItems().add(AUTO);
        unitBox.getItems().addAll(DisplayUnits.TIME_UNITS);
        unitBox.setValue(AUTO);
        unitBox.setTooltip(new Tooltip("The time unit of the charts"));
        unitBox.valueProperty().addListener((o, was, now) -> unit.set(now == null ? AUTO : now));
        unit.addListener((o, was, now) -> {
            unitBox.setValue(now);
            recompute();
        });
        slaField.setPromptText("SLA, e.g. p95 < 50 ms, p99 < 120 ms");
        slaField.setPrefColumnCount(20);
        slaField.getStyleClass().add("sla-field");
        slaField.setMinWidth(150);
        slaField.textProperty().bindBidirectional(slaText);
        slaText.addListener(o -> applySlas());
        slaStatus.getStyleClass().add("sla-status");
        slaStatus.setMinWidth(0);
        logScale.setTooltip(new Tooltip("A logarithmic value axis on the percentile and latency-over-time charts, so "
                + "a long tail or a spike does not flatten the rest"));
        logScale.selectedProperty().addListener((o, was, now) -> {
            percentileChart.setLogScale(now);
            latencyChart.setLogScale(now);
        });
        overlayButton.setTooltip(new Tooltip("Pick another run's benchmark of the same name and parameters to draw "
                + "on the percentile chart"));
        overlayButton.setOnAction(e -> {
            if (onOverlayRequest.get() != null) {
                onOverlayRequest.get().run();
            }
        });
        overlayButton.visibleProperty().bind(onOverlayRequest.isNotNull());
        overlayButton.managedProperty().bind(overlayButton.visibleProperty());
        clearOverlays.setOnAction(e -> overlays.clear());
        clearOverlays.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(overlays));
        for (javafx.scene.control.Control c : List.of(unitBox, logScale, overlayButton, clearOverlays, export, clearRange)) {
            c.setMinWidth(Region.USE_PREF_SIZE);
        }
        Label unitLabel = new Label("Unit");
        Label slaLabel = new Label("SLA");
        unitLabel.setMinWidth(Region.USE_PREF_SIZE);
        slaLabel.setMinWidth(Region.USE_PREF_SIZE);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox.setHgrow(slaStatus, Priority.SOMETIMES);
        HBox row1 = new HBox(10, title, summary);
        row1.setAlignment(Pos.BASELINE_LEFT);
        HBox row2 = new HBox(8, unitLabel, unitBox, logScale, slaLabel, slaField, slaStatus, spacer, overlayButton,
                clearOverlays, export);
        row2.setAlignment(Pos.CENTER_LEFT);
        slaVerdicts.getStyleClass().add("sla-verdicts");
        slaVerdicts.managedProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(slaVerdicts.getChildren()));
        VBox bar = new VBox(4, row1, row2, slaVerdicts);
        bar.setPadding(new Insets(6, 8, 6, 8));
        bar.getStyleClass().add("detail-bar");

        HBox latencyBar = new HBox(6);
        latencyBar.setAlignment(Pos.CENTER_LEFT);
        for (double p : LATENCY_CHOICES) {
            CheckBox box = new CheckBox(SlaSpecNames.percentile(p));
            box.setSelected(p == 50 || p == 90 || p == 99);
            box.selectedProperty().addListener(o -> recompute());
            box.setMinWidth(Region.USE_PREF_SIZE);
            latencyBoxes.add(box);
            latencyBar.getChildren().add(box);
        }
        rangeLabel.getStyleClass().add("range-label");
        rangeLabel.setMinWidth(0);
        clearRange.getStyleClass().add("small-button");
        clearRange.setTooltip(new Tooltip("Clear the time range: the charts show the whole run again"));
        clearRange.setOnAction(e -> latencyChart.setRange(null));
        clearRange.disableProperty().bind(latencyChart.rangeProperty().isNull());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        latencyBar.getChildren().addAll(gap, rangeLabel, clearRange);
        latencyBar.setPadding(new Insets(4, 6, 0, 6));
        latencyNote.getStyleClass().add("detail-note");
        latencyNote.setWrapText(true);
        latencyNote.setPadding(new Insets(0, 6, 2, 6));
        VBox.setVgrow(latencyChart, Priority.ALWAYS);
        latencyPane = new VBox(2, latencyBar, latencyNote, latencyChart);
        latencyPane.getStyleClass().add("chart-box");
        buildExportMenu();
        latencyChart.rangeProperty().addListener((o, was, now) -> {
            showRange(now);
            recompute();
        });

        top.getItems().add(percentileChart);
        SplitPane bottom = new SplitPane(histogramChart, boxPlotChart);
        bottom.setDividerPositions(0.5);
        body = new SplitPane(top, bottom);
        body.setOrientation(Orientation.VERTICAL);
        body.setDividerPositions(0.6);
        for (BenchChart chart : List.of(percentileChart, histogramChart, boxPlotChart, latencyChart)) {
            chart.setMinSize(120, 100);
        }
        setTop(bar);
        setCenter(body);
        nothing.getStyleClass().add("nothing-to-chart");
        nothing.setWrapText(true);
        nothing.setMaxWidth(640);
        nothingPane.setAlignment(Pos.CENTER);
        nothingPane.setPadding(new Insets(24));
        nothingPane.getStyleClass().add("nothing-to-chart-pane");

        main.addListener((o, was, now) -> {
            overlays.clear();
            if (latencyChart.getRange() != null) {
                latencyChart.setRange(null);
            }
            recompute();
        });
        overlays.addListener((javafx.collections.ListChangeListener<Series>) c -> recompute());
        showRange(null);
        recompute();
    }

    /** The one thread of views made without an executor, started when first needed. */
    private static final class SharedWorker {
        static final ExecutorService EXECUTOR = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "benchmark-detail");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public String getUserAgentStylesheet() {
        return BenchmarkDetailView.class.getResource("bench-views.css").toExternalForm();
    }

    private void buildExportMenu() {
        export.setTooltip(new Tooltip("Save a chart as PNG or SVG"));
        List<BenchChart> charts = List.of(percentileChart, histogramChart, boxPlotChart, latencyChart);
        List<String> names = List.of("Percentile chart", "Histogram", "Box plot", "Latency over time");
        for (int i = 0; i < charts.size(); i++) {
            BenchChart chart = charts.get(i);
            String name = names.get(i);
            for (String kind : List.of("PNG", "SVG")) {
                MenuItem item = new MenuItem(name + " as " + kind + "…");
                item.setOnAction(e -> exportWithChooser(chart, name, kind));
                if (chart == latencyChart) {
                    item.disableProperty().bind(latencyPane.visibleProperty().not());
                }
                export.getItems().add(item);
            }
        }
    }

    private void exportWithChooser(BenchChart chart, String name, String kind) {
        String ext = kind.toLowerCase(Locale.ROOT);
        ExportDialogs.export(this, "Export " + name.toLowerCase(Locale.ROOT), kind, "*." + ext,
                fileName(name) + "." + ext, file -> {
                    int w = (int) Math.max(800, chart.getWidth());
                    int h = (int) Math.max(500, chart.getHeight());
                    if (kind.equals("PNG")) {
                        chart.exportPng(file, w, h);
                    } else {
                        chart.exportSvg(file, w, h);
                    }
                }, summary::setText);
    }

    private String fileName(String chartName) {
        Series s = main.get();
        String base = s == null ? "benchmark" : s.benchmark().name().replaceAll(".*\\.", "");
        return (base + "-" + chartName).replaceAll("[^A-Za-z0-9._-]+", "-").toLowerCase(Locale.ROOT);
    }

    // ---- computation ----

    /** What the charts show, computed off the FX thread. */
    private record Result(String unit, List<PercentileCurve> curves, SampleStats histogram, boolean spectrum,
                          List<String> boxLabels,
                          List<SampleStats> boxes, LatencyBuckets buckets, TimedPoints points, double pointFactor,
                          String note, String latencyNote) {
    }

    private record Inputs(Series main, List<Series> overlays, String unit, double[] latencyPercentiles,
                          TimeRange range) {
    }

    private void recompute() {
        Inputs in = new Inputs(main.get(), List.copyOf(overlays), unit.get(), chosenPercentiles(),
                latencyChart.getRange());
        if (in.main() == null) {
            work.cancel();
            apply(null);
            return;
        }
        busy.set(true);
        work.submit(monitor -> {
            try {
                return compute(in);
            } catch (RuntimeException e) {
                return new Result("", List.of(), null, false, List.of(), List.of(), null, null, 1,
                        "Could not chart this benchmark: " + e.getMessage(), "");
            }
        }, this::apply, e -> { });
    }

    private double[] chosenPercentiles() {
        List<Double> ps = new ArrayList<>();
        for (int i = 0; i < LATENCY_CHOICES.length; i++) {
            if (latencyBoxes.get(i).isSelected()) {
                ps.add(LATENCY_CHOICES[i]);
            }
        }
        return ps.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /**
     * Whether a benchmark's points are single measurements; an HdrHistogram log stored by Perfdesk before it kept
     * interval histograms has the intervals' maxima as points.
     */
    static boolean pointsAreMeasurements(Benchmark b) {
        return !b.attributes().containsKey("intervals");
    }

    private static Result compute(Inputs in) {
        Benchmark b = in.main().benchmark();
        IntervalHistograms intervals = b.intervals() != null && b.intervals().size() > 0 ? b.intervals() : null;
        TimedPoints points = intervals == null ? b.points() : null;
        boolean measured = intervals != null || points != null && pointsAreMeasurements(b);
        TimeRange range = measured ? in.range() : null;
        Distribution mainDist = distributionOf(b, range);
        String target = chooseUnit(in.unit(), in.main(), mainDist);
        List<PercentileCurve> curves = new ArrayList<>();
        List<String> boxLabels = new ArrayList<>();
        List<SampleStats> boxes = new ArrayList<>();
        SampleStats histogram = null;
        String note = "";
        String mainLabel = in.main().label() + (range == null ? "" : " · " + rangeText(range));
        if (range != null && intervals != null) {
            int k = intervals.countStartingIn(range);
            mainLabel += String.format(Locale.ROOT, ", %d interval%s", k, k == 1 ? "" : "s");
        }
        if (mainDist != null && mainDist.totalCount() > 0) {
            curves.add(curveOf(mainLabel, b, range == null ? null : mainDist).inUnit(target));
            double f = factorOrOne(b.unit(), target);
            histogram = range == null && b.hasSamples() && b.distribution() == null
                    ? SampleStats.ofSamples(b.samples(), f)
                    : SampleStats.ofDistribution(mainDist, factorOrOne(mainDist.unit(), target));
            boxLabels.add(mainLabel);
            boxes.add(histogram);
        } else if (range != null) {
            note = intervals != null ? "No interval starts in the selected range: nothing to chart."
                    : "No point lies in the selected range: nothing to chart.";
        } else {
            note = b.statistics().isEmpty() ? "No samples or distribution in the file: nothing to chart."
                    : "The file gives statistics only (" + String.join(", ", b.statistics().keySet())
                    + "): nothing to chart.";
        }
        List<String> skipped = new ArrayList<>();
        for (Series o : in.overlays()) {
            Distribution d = distributionOf(o.benchmark(), null);
            if (d == null || d.totalCount() == 0 || Double.isNaN(DisplayUnits.factor(o.benchmark().unit(), target))
                    && !o.benchmark().unit().equals(target)) {
                skipped.add(o.label());
                continue;
            }
            curves.add(curveOf(o.label(), o.benchmark(), null).inUnit(target));
            double f = factorOrOne(o.benchmark().unit(), target);
            boxLabels.add(o.label());
            boxes.add(o.benchmark().hasSamples() && o.benchmark().distribution() == null
                    ? SampleStats.ofSamples(o.benchmark().samples(), f)
                    : SampleStats.ofDistribution(d, factorOrOne(d.unit(), target)));
        }
        if (!skipped.isEmpty()) {
            note = (note.isEmpty() ? "" : note + " ") + "Not overlaid (no samples or another unit): "
                    + String.join(", ", skipped) + ".";
        }
        LatencyBuckets buckets = null;
        String latencyNote = "";
        double pointFactor = 1;
        if (intervals != null) {
            buckets = LatencyBuckets.compute(intervals, target, in.latencyPercentiles(), 0);
            latencyNote = String.format(Locale.ROOT, "%,d interval histograms; a bucket or a dragged range merges "
                    + "the intervals that start in it.", intervals.size());
        } else if (points != null && points.size() > 0) {
            double[] ps = measured ? in.latencyPercentiles() : new double[] {100};
            buckets = LatencyBuckets.compute(scaled(points, factorOrOne(b.unit(), target)), target, ps, 0);
            latencyNote = measured ? String.format(Locale.ROOT, "%,d points; each bucket's percentiles come from "
                    + "its own histogram. Drag across the chart to chart a time range.", points.size())
                    : "Stored by an older Perfdesk, which kept only each interval's maximum: only the maximum is "
                    + "drawn and a time range cannot be charted. Delete this run and import the log again to chart "
                    + "percentiles over time.";
        }
        if (buckets != null && AUTO.equals(in.unit()) && in.main().unit().isEmpty() && DisplayUnits.isTime(target)
                && Double.isFinite(buckets.minAboveZero())) {
            // A spike over time can be thousands of times the rest: the unit is chosen for the middle of the values
            // on a log scale (0.3 ms to 1.5 s reads best in ms), not for the median alone.
            buckets = buckets.inUnit(DisplayUnits.readable(Math.sqrt(buckets.minAboveZero() * buckets.max()),
                    target));
        }
        if (buckets != null) {
            pointFactor = factorOrOne(b.unit(), buckets.unit());
        }
        return new Result(target, curves, histogram, isSpectrum(b) && range == null, boxLabels, boxes, buckets,
                points, pointFactor, note, latencyNote);
    }

    /** Whether the benchmark's distribution was rebuilt from a percentile spectrum (wrk2's). */
    static boolean isSpectrum(Benchmark b) {
        return SPECTRUM.equals(b.attributes().get(DISTRIBUTION_SOURCE));
    }

    /**
     * The curve of a benchmark: of {@code rangeDist} when a time range is charted; else of its raw samples by the
     * table's rule when it has no histogram; else of its histogram.
     */
    private static PercentileCurve curveOf(String label, Benchmark b, Distribution rangeDist) {
        if (rangeDist != null) {
            return PercentileCurve.of(label, rangeDist, PercentileCurve.DEFAULT_TICKS);
        }
        if (b.hasSamples() && b.distribution() == null) {
            // by the table's rule: interpolation, or the tool's own where the figures follow it (Gatling)
            return PercentileCurve.of(b).withLabel(label);
        }
        return PercentileCurve.of(label, distributionOf(b, null), PercentileCurve.DEFAULT_TICKS);
    }

    private static TimedPoints scaled(TimedPoints points, double factor) {
        if (factor == 1) {
            return points;
        }
        double[] values = points.values();
        for (int i = 0; i < values.length; i++) {
            values[i] *= factor;
        }
        return new TimedPoints(points.timesNanos(), values, points.tagSetIds(), points.tagSets());
    }

    private static double factorOrOne(String from, String to) {
        double f = DisplayUnits.factor(from, to);
        return Double.isNaN(f) ? 1 : f;
    }

    /**
     * The benchmark's values as a histogram: its intervals starting within {@code range}, merged, or its points
     * within it; else its distribution; else a histogram of its raw samples; null when it has none or they cannot be
     * charted (negative values).
     */
    static Distribution distributionOf(Benchmark b, TimeRange range) {
        if (range != null && b.intervals() != null) {
            return b.intervals().distribution(range);
        }
        if (range != null && b.points() != null) {
            return LatencyBuckets.distributionIn(b.points(), b.unit(), range);
        }
        if (b.distribution() != null) {
            return b.distribution();
        }
        if (b.hasSamples()) {
            double[] s = b.samples();
            for (double v : s) {
                if (v < 0 || Double.isInfinite(v)) {
                    return null;
                }
            }
            return PercentileCurve.distributionOf(s, b.unit());
        }
        return null;
    }

    /**
     * The chart unit: the one picked in the box; else the run table row's, so that every panel reads as the table
     * does; else one in which the median reads well.
     */
    private static String chooseUnit(String wanted, Series s, Distribution d) {
        Benchmark b = s.benchmark();
        String unit = d != null ? d.unit() : b.unit();
        if (!DisplayUnits.isTime(unit)) {
            return unit;
        }
        if (wanted != null && !wanted.equals(AUTO)) {
            return wanted;
        }
        if (DisplayUnits.isTime(s.unit())) {
            return DisplayUnits.base(s.unit());
        }
        double p50 = d == null ? Double.NaN : d.percentile(50);
        return Double.isNaN(p50) ? DisplayUnits.base(unit) : DisplayUnits.readable(p50, unit);
    }

    private static String rangeText(TimeRange r) {
        DateTimeFormatter f = DateTimeFormatter.ofPattern("HH:mm:ss.SSS", Locale.ROOT)
                .withZone(ZoneId.systemDefault());
        return f.format(Instant.ofEpochSecond(0, r.from())) + "–" + f.format(Instant.ofEpochSecond(0, r.to()));
    }

    private void apply(Result r) {
        busy.set(false);
        shown = r;
        Series s = main.get();
        if (r == null || s == null) {
            title.setText("No benchmark selected");
            summary.setText("");
            percentileChart.setCurves(List.of(), "");
            histogramChart.setStats(null, "", 0);
            histogramChart.setCdf(null, "", 0);
            boxPlotChart.setBoxes(List.of(), List.of(), "");
            latencyChart.setData(null, null, 1);
            showLatency(false);
            setCenter(body);
            return;
        }
        Benchmark b = s.benchmark();
        title.setText(b.displayName());
        List<String> facts = new ArrayList<>();
        if (!b.mode().isEmpty()) {
            facts.add(b.mode());
        }
        if (!b.metric().equals(Benchmark.PRIMARY)) {
            facts.add(b.metric());
        }
        facts.add(s.label());
        if (b.count() >= 0) {
            facts.add(String.format(Locale.ROOT, "n=%,d", b.count()));
        }
        facts.add("recorded in " + DisplayUnits.label(b.unit()));
        // with nothing to chart the pane below says why at length; the one-line summary would only be cut off
        boolean shown = !(r.curves().isEmpty() && r.histogram() == null && r.boxes().isEmpty() && r.buckets() == null);
        summary.setText(String.join(" · ", facts) + (r.note().isEmpty() || !shown ? "" : " — " + r.note()));
        showNothing(r, b);
        percentileChart.setCurves(r.curves(), r.unit());
        if (r.spectrum() && !r.curves().isEmpty()) {
            histogramChart.setCdf(r.curves().get(0), r.unit(), 0);
        } else {
            histogramChart.setStats(r.histogram(), r.unit(), 0);
        }
        boxPlotChart.setBoxes(r.boxLabels(), r.boxes(), r.unit());
        latencyChart.setData(r.buckets(), r.points(), r.pointFactor());
        latencyNote.setText(r.latencyNote());
        showLatency(r.buckets() != null);
        applySlas();
    }

    /**
     * Shows, instead of empty axes, why there is nothing to chart and the statistics the file gives, when the
     * benchmark has no samples, distribution or points (a k6 summary, a pytest-benchmark file of statistics only).
     */
    private void showNothing(Result r, Benchmark b) {
        boolean none = r.curves().isEmpty() && r.histogram() == null && r.boxes().isEmpty() && r.buckets() == null;
        if (!none) {
            setCenter(body);
            return;
        }
        StringBuilder sb = new StringBuilder();
        if (b.statistics().isEmpty()) {
            sb.append(r.note().isEmpty() ? "Nothing to chart." : r.note());
        } else {
            List<String> stats = new ArrayList<>();
            b.statistics().forEach((k, v) -> stats.add(k + " " + DisplayUnits.number(v)));
            sb.append("Nothing to chart: the file gives statistics only, no raw samples, histogram or points. As "
                    + "recorded").append(DisplayUnits.isTime(b.unit()) ? " (times in " + DisplayUnits.label(b.unit())
                    + ")" : b.unit().isEmpty() ? "" : " (in " + b.unit() + ")").append(": ")
                    .append(String.join(", ", stats)).append('.');
        }
        sb.append("\n\nThe percentile chart, histogram and box plot need raw samples or a histogram; the table "
                + "row above has this benchmark's figures.");
        nothing.setText(sb.toString());
        setCenter(nothingPane);
    }

    /** The text shown instead of the charts, when there is nothing to chart; empty when the charts are shown. */
    public String nothingToChartText() {
        return getCenter() == nothingPane ? nothing.getText() : "";
    }

    private void showLatency(boolean visible) {
        latencyPane.setVisible(visible);
        if (visible && !top.getItems().contains(latencyPane)) {
            top.getItems().add(latencyPane);
            top.setDividerPositions(0.5);
        } else if (!visible) {
            top.getItems().remove(latencyPane);
        }
    }

    private void showRange(TimeRange r) {
        // the times are in the legends; here only the length, so the bar fits beside the percentile boxes
        rangeLabel.setText(r == null ? "Whole run" : "Range: " + LatencyOverTimeChart.duration(r.duration()));
        rangeLabel.setTooltip(new Tooltip(r == null ? "Drag across the chart to chart a time range"
                : "The charts show " + LatencyOverTimeChart.duration(r.duration()) + " from " + rangeText(r)));
    }

    private void applySlas() {
        slaStatus.getStyleClass().removeAll("sla-met", "sla-missed", "sla-error");
        slaVerdicts.getChildren().clear();
        try {
            slas = SlaSpec.parseAll(slaText.get());
        } catch (IllegalArgumentException e) {
            slaStatus.setText(e.getMessage());
            slaStatus.getStyleClass().add("sla-error");
            percentileChart.setSlas(List.of());
            return;
        }
        percentileChart.setSlas(slas);
        if (slas.isEmpty()) {
            slaStatus.setText("");
            return;
        }
        List<SlaVerdict> verdicts = SlaVerdict.of(percentileChart.slaResults());
        boolean all = verdicts.stream().allMatch(SlaVerdict::passes);
        slaStatus.setText(all ? "✓ met" : "✗ missed");
        slaStatus.getStyleClass().add(all ? "sla-met" : "sla-missed");
        for (SlaVerdict v : verdicts) {
            Label l = new Label(v.toString());
            l.setWrapText(true);
            l.maxWidthProperty().bind(slaVerdicts.widthProperty().subtract(4));
            l.getStyleClass().addAll("sla-verdict", v.passes() ? "sla-met" : "sla-missed");
            l.setTooltip(new Tooltip(v.toString()));
            slaVerdicts.getChildren().add(l);
        }
    }

    /** One label per series: its verdict against every objective. */
    public List<Label> slaVerdictLabels() {
        return slaVerdicts.getChildren().stream().map(n -> (Label) n).toList();
    }

    // ---- public API ----

    /** Shows {@code benchmark}, its series labelled {@code label}; clears overlays and the time range. */
    public void setBenchmark(String label, Benchmark benchmark) {
        setBenchmark(label, benchmark, "");
    }

    /**
     * Shows {@code benchmark} with its charts in {@code displayUnit}, the unit its run table row shows it in (empty
     * to let the view choose); clears overlays and the time range.
     */
    public void setBenchmark(String label, Benchmark benchmark, String displayUnit) {
        main.set(benchmark == null ? null : new Series(label, benchmark, displayUnit == null ? "" : displayUnit));
    }

    /** The benchmark shown, or null. */
    public ObjectProperty<Series> mainProperty() {
        return main;
    }

    /** Draws another run's benchmark on the percentile chart and box plot, labelled {@code label}. */
    public void addOverlay(String label, Benchmark benchmark) {
        overlays.add(new Series(label, benchmark));
    }

    /** The overlaid series, in the order added; remove from it to take one off. */
    public ObservableList<Series> overlays() {
        return overlays;
    }

    /** The time unit of the charts ({@code ns}, {@code us}, {@code ms}, {@code s}), or {@code auto}. */
    public StringProperty unitProperty() {
        return unit;
    }

    /** The SLA objectives as typed, e.g. {@code p95 < 50 ms, p99 < 120 ms}. */
    public StringProperty slaTextProperty() {
        return slaText;
    }

    public void setSlaText(String text) {
        slaText.set(text);
    }

    /** Called by "Overlay another run…"; the button shows only when this is set. */
    public ObjectProperty<Runnable> onOverlayRequestProperty() {
        return onOverlayRequest;
    }

    public void setOnOverlayRequest(Runnable handler) {
        onOverlayRequest.set(handler);
    }

    /** Whether a computation is under way. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public boolean isBusy() {
        return busy.get();
    }

    /** The time range of the latency chart the other charts are limited to, or null for the whole run. */
    public ObjectProperty<TimeRange> rangeProperty() {
        return latencyChart.rangeProperty();
    }

    /** The SLA line's status text. */
    public Label slaStatusLabel() {
        return slaStatus;
    }

    /** The objectives in force (empty when the text does not parse). */
    public List<SlaSpec> slas() {
        return Collections.unmodifiableList(slas);
    }

    public PercentileChart percentileChart() {
        return percentileChart;
    }

    public SampleHistogramChart histogramChart() {
        return histogramChart;
    }

    public BoxPlotChart boxPlotChart() {
        return boxPlotChart;
    }

    public LatencyOverTimeChart latencyChart() {
        return latencyChart;
    }

    /** Whether the latency-over-time chart is shown (the benchmark has timestamped points or intervals). */
    public boolean showsLatencyOverTime() {
        return top.getItems().contains(latencyPane);
    }

    /** The percentile chart's log-scale box. */
    public CheckBox logScaleBox() {
        return logScale;
    }

    /** The SLA text field. */
    public TextField slaField() {
        return slaField;
    }

    /** Writes every chart shown to {@code folder} as PNG and SVG, named after the charts; returns the files. */
    public List<Path> exportAll(Path folder, int width, int height) throws IOException {
        List<Path> out = new ArrayList<>();
        List<BenchChart> charts = new ArrayList<>(List.of(percentileChart, histogramChart, boxPlotChart));
        List<String> names = new ArrayList<>(List.of("percentiles", "histogram", "box-plot"));
        if (showsLatencyOverTime()) {
            charts.add(latencyChart);
            names.add("latency-over-time");
        }
        for (int i = 0; i < charts.size(); i++) {
            Path png = folder.resolve(names.get(i) + ".png");
            Path svg = folder.resolve(names.get(i) + ".svg");
            charts.get(i).exportPng(png, width, height);
            charts.get(i).exportSvg(svg, width, height);
            out.add(png);
            out.add(svg);
        }
        return out;
    }

    /** The unit the charts were last drawn in. */
    public String shownUnit() {
        return shown == null ? "" : shown.unit();
    }
}
