package dev.perfdesk.viewers.compare;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.util.StringConverter;

import dev.perfdesk.core.bench.Benchmark;
import dev.perfdesk.core.report.BenchmarkComparison;
import dev.perfdesk.core.report.NoteGroup;
import dev.perfdesk.core.report.OverallVerdict;
import dev.perfdesk.core.report.PercentileCurve;
import dev.perfdesk.core.report.ReportFormat;
import dev.perfdesk.core.report.ReportVerdict;
import dev.perfdesk.core.report.RunComparison;
import dev.perfdesk.core.stats.Comparison;
import dev.perfdesk.core.stats.Estimate;
import dev.perfdesk.core.stats.Verdict;
import dev.perfdesk.viewers.ExportDialogs;

/**
 * Two benchmark runs compared, top to bottom: a toolbar where the noise threshold and alpha can be changed (the
 * comparison is recomputed off the FX thread) and the report exported as Markdown or HTML; one verdict line (the
 * overall verdict, the counts of regressions and improvements, the geometric mean, the thresholds); then a vertical
 * split. Above the divider, which gives it most of the room: the notes grouped by kind, each a collapsed pane titled
 * with its count; a name filter; the table of every matched benchmark in report order (regressions first), sortable
 * by the value behind every column, names without the prefix all share, numeric columns sized to their widest
 * number (verdict: ▲ regression red, ▼ improvement green, ~ grey, within noise amber). Below it: the selected
 * benchmark's percentile curves of both runs overlaid.
 *
 * <pre>{@code
 * RunComparisonView view = new RunComparisonView(new RunComparisonViewModel(RunComparisonViewModel.defaultExecutor()));
 * view.getViewModel().setRuns("main (r3)", before, "branch (r4)", after);
 * }</pre>
 */
public class RunComparisonView extends BorderPane {
    private static final String[] VERDICT_CLASSES = {"regression", "improved", "no-change", "within-noise"};
    private static final double CELL_PADDING = 22;

    private final RunComparisonViewModel viewModel;
    private final Label verdictLabel = new Label();
    private final Label summaryLabel = new Label();
    private final Label thresholdsLabel = new Label();
    private final VBox notesBox = new VBox();
    private final TextField filterField = new TextField();
    private final Label shownLabel = new Label();
    private final Spinner<Double> thresholdSpinner = new Spinner<>();
    private final Spinner<Double> alphaSpinner = new Spinner<>();
    private final Button exportMarkdown = new Button("Export Markdown\u2026");
    private final Button exportHtml = new Button("Export HTML\u2026");
    private final ProgressIndicator busy = new ProgressIndicator();
    private final TableView<BenchmarkComparison> table = new TableView<>();
    private final Label chartTitle = new Label();
    private final PercentileOverlayChart chart = new PercentileOverlayChart();
    private final SplitPane split = new SplitPane();
    private final Label status = new Label();
    private final ToolBar toolbar;
    private Column modeColumn;
    private Column metricColumn;
    private Column paramsColumn;

    public RunComparisonView(RunComparisonViewModel viewModel) {
        this.viewModel = viewModel;
        getStyleClass().add("run-comparison-view");
        getStylesheets().add(RunComparisonView.class.getResource("run-comparison-view.css").toExternalForm());
        toolbar = toolbar();
        setTop(new VBox(toolbar, header()));
        buildTable();
        filterField.setPromptText("Filter by name");
        filterField.setPrefColumnCount(28);
        filterField.getStyleClass().add("comparison-filter");
        viewModel.filterProperty().bindBidirectional(filterField.textProperty());
        shownLabel.getStyleClass().add("comparison-shown");
        HBox filterBar = new HBox(8, filterField, shownLabel);
        filterBar.setAlignment(Pos.CENTER_LEFT);
        filterBar.getStyleClass().add("comparison-filter-bar");
        notesBox.getStyleClass().add("comparison-notes");
        notesBox.managedProperty().bind(notesBox.visibleProperty());
        VBox tableBox = new VBox(notesBox, filterBar, table);
        tableBox.getStyleClass().add("table-box");
        VBox.setVgrow(table, Priority.ALWAYS);
        chartTitle.getStyleClass().add("chart-title");
        chartTitle.setWrapText(true);
        chartTitle.setMinHeight(Region.USE_PREF_SIZE);
        VBox chartBox = new VBox(4, chartTitle, chart);
        chartBox.getStyleClass().add("chart-box");
        chart.setMinHeight(160);
        VBox.setVgrow(chart, Priority.ALWAYS);
        split.getItems().setAll(tableBox, chartBox);
        split.getStyleClass().add("comparison-split");
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.6);
        setCenter(split);
        status.getStyleClass().add("comparison-status");
        status.setMaxWidth(Double.MAX_VALUE);
        setBottom(status);
        bind();
    }

    private ToolBar toolbar() {
        thresholdSpinner.setValueFactory(new SpinnerValueFactory.DoubleSpinnerValueFactory(0, 50, 5, 0.5));
        thresholdSpinner.getValueFactory().setConverter(converter("%"));
        thresholdSpinner.setEditable(true);
        thresholdSpinner.setPrefWidth(96);
        thresholdSpinner.setTooltip(new Tooltip("Noise threshold: a significant change smaller than this is "
                + "reported as within noise"));
        alphaSpinner.setValueFactory(new SpinnerValueFactory.DoubleSpinnerValueFactory(0.001, 0.5, 0.05, 0.01));
        alphaSpinner.getValueFactory().setConverter(converter(""));
        alphaSpinner.setEditable(true);
        alphaSpinner.setPrefWidth(96);
        alphaSpinner.setTooltip(new Tooltip("Significance level: a change counts when its two-sided p-value is at "
                + "most alpha"));
        exportMarkdown.setTooltip(new Tooltip("A compact report for a pull-request comment"));
        exportHtml.setTooltip(new Tooltip("A self-contained report with charts, to open in a browser"));
        exportMarkdown.setOnAction(e -> chooseAndExport("Markdown", "*.md", "comparison.md", true));
        exportHtml.setOnAction(e -> chooseAndExport("HTML", "*.html", "comparison.html", false));
        busy.setMaxSize(18, 18);
        busy.setPrefSize(18, 18);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        ToolBar bar = new ToolBar(new Label("Threshold"), thresholdSpinner, new Label("Alpha"), alphaSpinner, busy,
                spacer, exportMarkdown, exportHtml);
        bar.getStyleClass().add("comparison-toolbar");
        return bar;
    }

    private static StringConverter<Double> converter(String suffix) {
        return new StringConverter<>() {
            @Override
            public String toString(Double v) {
                return v == null ? "" : ReportFormat.plain(v) + suffix;
            }

            @Override
            public Double fromString(String s) {
                try {
                    return Double.parseDouble(s.replace("%", "").strip());
                } catch (NumberFormatException e) {
                    return null;
                }
            }
        };
    }

    private HBox header() {
        verdictLabel.getStyleClass().add("verdict-badge");
        verdictLabel.setMinWidth(Region.USE_PREF_SIZE);
        summaryLabel.getStyleClass().add("comparison-summary");
        summaryLabel.setMinWidth(0);
        // The summary is the CLI's and the reports' sentence, word for word: it wraps rather than being cut.
        summaryLabel.setWrapText(true);
        HBox.setHgrow(summaryLabel, Priority.ALWAYS);
        thresholdsLabel.getStyleClass().add("comparison-thresholds");
        thresholdsLabel.setMinWidth(Region.USE_PREF_SIZE);
        HBox line = new HBox(10, verdictLabel, summaryLabel, thresholdsLabel);
        line.setAlignment(Pos.CENTER_LEFT);
        line.getStyleClass().add("comparison-header");
        return line;
    }

    private void buildTable() {
        table.getStyleClass().add("comparison-table");
        table.getSelectionModel().setSelectionMode(SelectionMode.SINGLE);
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.setPlaceholder(new Label("No benchmark of the candidate matches one of the baseline"));
        Column name = column("Benchmark", this::displayName,
                byText(this::displayName));
        name.getStyleClass().add("name-column");
        paramsColumn = column("Params", RunComparisonView::params, byText(RunComparisonView::params));
        modeColumn = column("Mode", b -> b.baseline().mode(), byText(b -> b.baseline().mode()));
        metricColumn = column("Metric", RunComparisonView::metric, byText(RunComparisonView::metric));
        Column base = column("Baseline", b -> estimate(b, true),
                Comparator.comparingDouble(b -> b.comparison().baseline().centre()));
        Column cand = column("Candidate", b -> estimate(b, false),
                Comparator.comparingDouble(b -> b.comparison().candidate().centre()));
        Column change = column("Change",
                b -> ReportFormat.change(b.comparison().change()),
                Comparator.comparingDouble(b -> b.comparison().change()));
        Column p = column("p", b -> ReportFormat.pValue(b.comparison().pValue()),
                Comparator.comparingDouble(b -> b.comparison().pValue()));
        Column test = column("Test", b -> ReportFormat.shortTest(b.comparison().test()),
                byText(b -> ReportFormat.shortTest(b.comparison().test())));
        Column verdict = column("Verdict", b -> ReportFormat.verdictSymbol(b.verdict()),
                Comparator.comparingInt(b -> verdictRank(b.verdict())));
        for (Column c : List.of(base, cand, change, p)) {
            c.getStyleClass().add("numeric");
        }
        verdict.getStyleClass().add("verdict-column");
        table.getColumns().setAll(List.of(name, paramsColumn, modeColumn, metricColumn, base, cand, change, p, test,
                verdict));
        // the name takes what the other columns leave; they are sized to their content in fitColumns()
        name.prefWidthProperty().bind(Bindings.createDoubleBinding(() -> {
            double others = 0;
            for (TableColumn<BenchmarkComparison, ?> c : table.getColumns()) {
                others += c == name || !c.isVisible() ? 0 : c.getWidth();
            }
            return Math.max(260, table.getWidth() - others - 18);
        }, table.widthProperty(), paramsColumn.widthProperty(), modeColumn.widthProperty(),
                metricColumn.widthProperty(), base.widthProperty(), cand.widthProperty(), change.widthProperty(),
                p.widthProperty(), test.widthProperty(), verdict.widthProperty(), modeColumn.visibleProperty(),
                metricColumn.visibleProperty(), paramsColumn.visibleProperty()));
        SortedList<BenchmarkComparison> sorted = new SortedList<>(viewModel.visibleRows());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(BenchmarkComparison item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().removeAll(VERDICT_CLASSES);
                if (!empty && item != null) {
                    getStyleClass().add(verdictClass(item.verdict()));
                    setTooltip(new Tooltip(tooltip(item)));
                } else {
                    setTooltip(null);
                }
            }
        });
    }

    /** Sizes every column but the name to its widest cell, so that no number is cut off. */
    private void fitColumns() {
        Text probe = new Text();
        probe.setFont(Font.getDefault());
        for (TableColumn<BenchmarkComparison, ?> c : table.getColumns()) {
            if (c.getStyleClass().contains("name-column")) {
                continue;
            }
            probe.setText(c.getText());
            double width = probe.getLayoutBounds().getWidth() + CELL_PADDING + 14;
            for (BenchmarkComparison b : viewModel.rows()) {
                probe.setText(((Column) c).text.apply(b));
                width = Math.max(width, probe.getLayoutBounds().getWidth() + CELL_PADDING);
            }
            c.setPrefWidth(Math.ceil(width));
        }
    }

    /** A column whose cells show {@code text} of the row and sort by {@code order} (numbers as numbers). */
    private static final class Column extends TableColumn<BenchmarkComparison, BenchmarkComparison> {
        final Function<BenchmarkComparison, String> text;

        Column(String title, Function<BenchmarkComparison, String> text, Comparator<BenchmarkComparison> order) {
            super(title);
            this.text = text;
            setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue()));
            setCellFactory(col -> new TableCell<>() {
                @Override
                protected void updateItem(BenchmarkComparison item, boolean empty) {
                    super.updateItem(item, empty);
                    setText(empty || item == null ? null : text.apply(item));
                }
            });
            setComparator(order);
        }
    }

    private static Column column(String title, Function<BenchmarkComparison, String> text,
                                 Comparator<BenchmarkComparison> order) {
        return new Column(title, text, order);
    }

    private static Comparator<BenchmarkComparison> byText(Function<BenchmarkComparison, String> text) {
        return Comparator.comparing(text, String.CASE_INSENSITIVE_ORDER);
    }

    /** A side's centre as the reports write it in their tables (package-private for the tests). */
    static String estimate(BenchmarkComparison b, boolean baseline) {
        Comparison c = b.comparison();
        String unit = ReportFormat.displayUnit(c.baseline().centre(), b.unit());
        Estimate e = baseline ? c.baseline() : c.candidate();
        // as the reports write it: the interval's relative half-width, or why there is none ("(n=3)")
        return ReportFormat.estimateWithUnit(e, b.unit(), unit);
    }


    private static String tooltip(BenchmarkComparison b) {
        Comparison c = b.comparison();
        StringBuilder sb = new StringBuilder(b.key().toString()).append('\n')
                .append(c.test().label()).append(", n = ").append(c.baseline().n()).append(" vs ")
                .append(c.candidate().n());
        for (String w : c.warnings()) {
            sb.append('\n').append(w);
        }
        return sb.toString();
    }

    private String displayName(BenchmarkComparison b) {
        return viewModel.shortName(b);
    }

    private static String params(BenchmarkComparison b) {
        return b.key().params().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
    }

    private static String metric(BenchmarkComparison b) {
        return b.baseline().metric().equals(Benchmark.PRIMARY) ? "score" : b.baseline().metric();
    }

    /** Regressions first when the verdict column sorts ascending, as in report order. */
    private static int verdictRank(Verdict v) {
        return v == Verdict.REGRESSION ? 0 : v == Verdict.IMPROVED ? 1 : v == Verdict.WITHIN_NOISE ? 2 : 3;
    }

    /** The style class of a row with {@code verdict}. */
    static String verdictClass(Verdict verdict) {
        switch (verdict) {
            case REGRESSION:
                return "regression";
            case IMPROVED:
                return "improved";
            case WITHIN_NOISE:
                return "within-noise";
            default:
                return "no-change";
        }
    }

    private void bind() {
        thresholdSpinner.valueProperty().addListener((o, was, now) -> {
            if (now != null) {
                viewModel.thresholdProperty().set(now / 100);
            }
        });
        alphaSpinner.valueProperty().addListener((o, was, now) -> {
            if (now != null && now > 0 && now < 1) {
                viewModel.alphaProperty().set(now);
            }
        });
        viewModel.thresholdProperty().addListener((o, was, now) -> syncSpinner(thresholdSpinner,
                now.doubleValue() * 100));
        viewModel.alphaProperty().addListener((o, was, now) -> syncSpinner(alphaSpinner, now.doubleValue()));
        syncSpinner(thresholdSpinner, viewModel.thresholdProperty().get() * 100);
        syncSpinner(alphaSpinner, viewModel.alphaProperty().get());
        busy.visibleProperty().bind(viewModel.busyProperty());
        viewModel.comparisonProperty().addListener((o, was, now) -> show(now));
        viewModel.selectedProperty().addListener((o, was, now) -> {
            reselect(false);
            showCurves(now);
        });
        viewModel.visibleRows().addListener((ListChangeListener<BenchmarkComparison>) ch -> {
            updateShown();
            reselect(true);
        });
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) {
                viewModel.selectedProperty().set(now);
            }
        });
        viewModel.errorProperty().addListener((o, was, now) -> status.setText(now));
        show(viewModel.getComparison());
    }

    private static void syncSpinner(Spinner<Double> spinner, double value) {
        Double current = spinner.getValue();
        if (current == null || Math.abs(current - value) > 1e-12) {
            spinner.getValueFactory().setValue(value);
        }
    }

    private void show(RunComparison c) {
        exportMarkdown.setDisable(c == null);
        exportHtml.setDisable(c == null);
        showNotes();
        updateShown();
        if (c == null) {
            verdictLabel.setText("");
            summaryLabel.setText("");
            chart.clear();
            return;
        }
        boolean modes = viewModel.rows().stream().anyMatch(b -> !b.baseline().mode().isEmpty());
        modeColumn.setVisible(modes);
        metricColumn.setVisible(viewModel.rows().stream().anyMatch(b -> !b.baseline().metric()
                .equals(Benchmark.PRIMARY)));
        paramsColumn.setVisible(viewModel.rows().stream().anyMatch(b -> !b.key().params().isEmpty()));
        fitColumns();
        reselect(true);
        OverallVerdict v = c.verdict();
        verdictLabel.setText(v.verdict().label());
        verdictLabel.getStyleClass().removeAll("pass", "warn", "fail");
        verdictLabel.getStyleClass().add(v.verdict() == ReportVerdict.FAIL ? "fail"
                : v.verdict() == ReportVerdict.PASS ? "pass" : "warn");
        summaryLabel.setText(c.summary() + "\n" + c.baselineTitle() + " \u2192 " + c.candidateTitle());
        summaryLabel.setTooltip(new Tooltip(summaryLabel.getText()));
        thresholdsLabel.setText("threshold " + ReportFormat.percent(c.options().noiseThreshold()) + ", alpha "
                + ReportFormat.plain(c.options().alpha()) + ", " + ReportFormat.percent(c.options().confidence())
                + " CI");
        status.setText(String.format(Locale.ROOT, "%d benchmarks compared, %d only in the baseline, %d only in the "
                        + "candidate, %d not compared", c.benchmarks().size(), c.onlyInBaseline().size(),
                c.onlyInCandidate().size(), c.notCompared().size()));
    }

    /** Selects the view model's benchmark in the table when it is shown, and scrolls to it. */
    private void reselect(boolean scroll) {
        BenchmarkComparison keep = viewModel.selectedProperty().get();
        int i = keep == null ? -1 : table.getItems().indexOf(keep);
        if (i >= 0 && table.getSelectionModel().getSelectedItem() != keep) {
            table.getSelectionModel().clearAndSelect(i);
            if (scroll) {
                table.scrollTo(Math.max(0, i - 2));
            }
        }
    }

    private void updateShown() {
        int all = viewModel.rows().size();
        int shown = viewModel.visibleRows().size();
        shownLabel.setText(shown == all ? all + " benchmarks" : shown + " of " + all + " benchmarks");
    }

    /** One collapsed pane a group of notes: its title with the count, the names inside. */
    private void showNotes() {
        notesBox.getChildren().clear();
        for (NoteGroup g : viewModel.noteGroups()) {
            ListView<String> items = new ListView<>(FXCollections.observableArrayList(g.items()));
            items.getStyleClass().add("note-items");
            items.setPrefHeight(Math.min(8, g.items().size()) * 24 + 4);
            items.setMinHeight(Math.min(6, g.items().size()) * 24 + 4);
            items.setFocusTraversable(false);
            TitledPane pane = new TitledPane(g.title(), items);
            pane.getStyleClass().addAll("note-group", "note-" + g.kind());
            pane.setExpanded(false);
            pane.setAnimated(false);
            notesBox.getChildren().add(pane);
        }
        notesBox.setVisible(!notesBox.getChildren().isEmpty());
    }

    private void showCurves(BenchmarkComparison b) {
        RunComparison c = viewModel.getComparison();
        if (b == null || c == null) {
            chartTitle.setText("Select a benchmark to see its percentile curves");
            chart.clear();
            return;
        }
        Benchmark[] pair = c.benchmarksOf(b.key(), b.unit());
        PercentileCurve base = pair[0] == null ? null : PercentileCurve.of(pair[0]);
        PercentileCurve cand = pair[1] == null ? null : PercentileCurve.of(pair[1]);
        boolean distribution = pair[0] != null && pair[0].figures().hasLatencyDistribution()
                || pair[1] != null && pair[1].figures().hasLatencyDistribution();
        String title;
        if (base == null && cand == null) {
            title = "Percentile curves: " + b.key() + " (no raw samples or distribution)";
        } else if (distribution) {
            title = "Percentile curves: " + b.key();
        } else {
            // A handful of iteration scores is no latency distribution: say what the points are.
            title = "Measurements, sorted: " + b.key() + " (" + count(pair[0]) + " + " + count(pair[1])
                    + " iteration values, not a latency distribution)";
        }
        chartTitle.setText(title);
        chart.setCurves(c.baselineTitle(), base, c.candidateTitle(), cand);
    }

    private static String count(Benchmark b) {
        return b == null ? "0" : Long.toString(b.figures().n());
    }

    private void chooseAndExport(String what, String pattern, String name, boolean markdown) {
        ExportDialogs.export(this, "Export the comparison as " + what, what, pattern, name,
                markdown ? viewModel::exportMarkdown : viewModel::exportHtml, status::setText);
    }

    /** Writes the Markdown report to {@code file}, as the button does after asking where. */
    public void exportMarkdown(Path file) throws IOException {
        viewModel.exportMarkdown(file);
    }

    /** Writes the HTML report to {@code file}. */
    public void exportHtml(Path file) throws IOException {
        viewModel.exportHtml(file);
    }

    /** The toolbar, for embedders to add their own actions (such as saving the comparison). */
    public ToolBar getToolbar() {
        return toolbar;
    }

    /** Shows {@code message} in the status line until the next comparison replaces it. */
    public void showStatus(String message) {
        status.setText(message);
    }

    /** The view model. */
    public RunComparisonViewModel getViewModel() {
        return viewModel;
    }

    /** The benchmark table. */
    public TableView<BenchmarkComparison> table() {
        return table;
    }

    /** The percentile chart. */
    public PercentileOverlayChart chart() {
        return chart;
    }

    /** The threshold spinner, in percent. */
    public Spinner<Double> thresholdSpinner() {
        return thresholdSpinner;
    }

    /** The overall verdict as shown. */
    public Label verdictLabel() {
        return verdictLabel;
    }
}
