package dev.perfdesk.viewers.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableRow;
import javafx.scene.control.TreeTableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import dev.perfdesk.core.bench.Benchmark;
import dev.perfdesk.core.bench.BenchmarkRun;
import dev.perfdesk.core.bench.DisplayUnits;
import dev.perfdesk.core.bench.RelativeSpeed;
import dev.perfdesk.viewers.LatestWins;

/**
 * A run's benchmarks as a sortable, filterable table, grouped by parameters: a group row per parameter set (when
 * the run has parameters), and under it one row per benchmark and metric with its mode, centre ± spread, unit, n,
 * p50/p90/p99, its speed relative to a reference and status. Time units are chosen per group so numbers read well
 * ({@link RunTableRow#of}); the "Units as recorded" box shows the tool's own. Below the table, hyperfine's summary
 * of the run ({@link RelativeSpeed}: "sleep 0.01 ran 2.30 ± 1.53 times faster than sleep 0.02") against the fastest
 * benchmark, or the one chosen with "Use as reference" on a row or in the Reference box. Rows and relative speeds
 * are computed off the FX thread and shown in one step.
 *
 * <pre>{@code
 * RunTableView table = new RunTableView();
 * table.setRun(run);
 * table.selectedBenchmarkProperty().addListener((o, was, b) -> detail.setBenchmark(run.name(), b));
 * }</pre>
 */
public class RunTableView extends BorderPane {
    private final Executor executor;
    private final LatestWins rowWork;
    private final LatestWins speedWork;
    private final ObjectProperty<BenchmarkRun> run = new SimpleObjectProperty<>(this, "run");
    private final BooleanProperty normaliseUnits = new SimpleBooleanProperty(this, "normaliseUnits", true);
    private final ReadOnlyObjectWrapper<Benchmark> selectedBenchmark =
            new ReadOnlyObjectWrapper<>(this, "selectedBenchmark");
    private final ReadOnlyObjectWrapper<RunTableRow> selectedRow = new ReadOnlyObjectWrapper<>(this, "selectedRow");
    private final TextField filter = new TextField();
    private boolean rebuilding;
    private final CheckBox asRecorded = new CheckBox("Units as recorded");
    private final Label count = new Label();
    private final TreeTableView<Item> table = new TreeTableView<>();
    private List<RunTableRow> rows = List.of();
    /** The run the rows are of. */
    private BenchmarkRun rowsOf;
    private final ObjectProperty<Benchmark> reference = new SimpleObjectProperty<>(this, "reference");
    private final ReadOnlyObjectWrapper<RelativeSpeed> relativeSpeed =
            new ReadOnlyObjectWrapper<>(this, "relativeSpeed");
    private Map<Benchmark, RelativeSpeed.Entry> speedEntries = new IdentityHashMap<>();
    private Map<Benchmark, String> speedExcluded = new IdentityHashMap<>();
    /** The benchmarks that can be a reference, each with the name RelativeSpeed knows it by. */
    private Map<Benchmark, String> referable = new IdentityHashMap<>();
    private final ComboBox<ReferenceChoice> referenceBox = new ComboBox<>();
    private final Label relativeCaption = new Label();
    private final Label relativeSentences = new Label();
    private final Label relativeNotCompared = new Label();
    private final Hyperlink relativeMore = new Hyperlink();
    private final ScrollPane relativeScroll = new ScrollPane(relativeSentences);
    private final VBox relativePane = new VBox(2);
    private boolean relativeExpanded;
    private boolean choosing;
    private final BooleanProperty relativeSpeedEnabled = new SimpleBooleanProperty(this, "relativeSpeedEnabled",
            true);
    private TreeTableColumn<Item, Item> modeColumn;
    private TreeTableColumn<Item, Item> metricColumn;
    private TreeTableColumn<Item, Item> relativeColumn;
    private TreeTableColumn<Item, Item> statusColumn;

    /** A row of the tree: a parameter group, or a benchmark. */
    public record Item(String group, int size, RunTableRow row) {
        /** Whether this is a group row. */
        public boolean isGroup() {
            return row == null;
        }
    }

    /** A choice of the Reference box: a benchmark and the name relative speeds call it, or null for the fastest. */
    public record ReferenceChoice(Benchmark benchmark, String name) {
        @Override
        public String toString() {
            return benchmark == null ? "the fastest" : name;
        }
    }

    /** Sentences shown before "more" is clicked. */
    private static final int SENTENCES_SHOWN = 3;
    /** Sentences shown at most without scrolling once "more" is clicked. */
    private static final int SENTENCES_EXPANDED = 8;

    /** A table computing rows on a thread shared by such tables. */
    public RunTableView() {
        this(SharedWorker.EXECUTOR);
    }

    /** @param executor where rows are computed; {@code Runnable::run} computes them on the calling thread */
    public RunTableView(Executor executor) {
        this.executor = executor;
        this.rowWork = new LatestWins(executor, LatestWins.fxThread());
        this.speedWork = new LatestWins(executor, LatestWins.fxThread());
        getStyleClass().add("run-table-view");
        filter.setPromptText("Filter benchmarks (name, params, mode, metric)");
        filter.getStyleClass().add("run-table-filter");
        filter.textProperty().addListener(o -> rebuild());
        HBox.setHgrow(filter, Priority.ALWAYS);
        filter.setMaxWidth(520);
        asRecorded.setTooltip(new Tooltip("Show values in the units the tool wrote, not ones chosen to read well"));
        asRecorded.selectedProperty().addListener((o, was, now) -> normaliseUnits.set(!now));
        normaliseUnits.addListener((o, was, now) -> {
            asRecorded.setSelected(!now);
            recompute();
        });
        count.getStyleClass().add("run-table-count");
        count.setMinWidth(Region.USE_PREF_SIZE);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.SOMETIMES);
        HBox bar = new HBox(10, filter, asRecorded, spacer, count);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 8, 6, 8));
        bar.getStyleClass().add("run-table-bar");
        buildTable();
        buildRelativePane();
        setTop(bar);
        setCenter(table);
        setBottom(relativePane);
        run.addListener(o -> {
            reference.set(null);
            recompute();
            computeSpeed();
        });
        reference.addListener(o -> computeSpeed());
        relativeSpeedEnabled.addListener(o -> showSpeed(relativeSpeed.get()));
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (!rebuilding) {
                showSelected(now);
            }
        });
    }

    private void showSelected(TreeItem<Item> item) {
        RunTableRow row = item == null || item.getValue() == null || item.getValue().isGroup() ? null
                : item.getValue().row();
        selectedRow.set(row);
        selectedBenchmark.set(row == null ? null : row.benchmark());
    }

    /** The one thread of tables made without an executor, started when first needed. */
    private static final class SharedWorker {
        static final ExecutorService EXECUTOR = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "run-table");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public String getUserAgentStylesheet() {
        return RunTableView.class.getResource("bench-views.css").toExternalForm();
    }

    private void buildTable() {
        table.getStyleClass().add("run-table");
        table.setShowRoot(false);
        table.setRoot(new TreeItem<>());
        // The columns fit the table's width (1400 px with the library open included): the name column takes
        // what the others, each between a minimum and a maximum around its width, leave.
        table.setColumnResizePolicy(TreeTableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.setPlaceholder(new Label("No benchmarks"));
        TreeTableColumn<Item, Item> name = column("Benchmark", "The benchmark's name, without the package prefix "
                + "every benchmark of the run shares; hover a row for the full name", 240, RunTableRow::name,
                Comparator.comparing(RunTableRow::name, String.CASE_INSENSITIVE_ORDER), false);
        name.setMinWidth(170);
        name.setMaxWidth(5000);
        table.getColumns().add(name);
        modeColumn = fixed(column("Mode", "The JMH mode: thrpt, avgt, sample or ss", 60,
                RunTableRow::mode, Comparator.comparing(RunTableRow::mode), false), 1);
        table.getColumns().add(modeColumn);
        TreeTableColumn<Item, Item> metric = fixed(column("Metric", "Empty for the benchmark's own measurement; "
                + "else a secondary metric (JMH's -prof gc: gc.alloc.rate, ...)", 92,
                r -> r.metric().equals(Benchmark.PRIMARY) ? "" : r.metric(), Comparator.comparing(RunTableRow::metric),
                false));
        tips.put(metric, r -> r.metric().equals(Benchmark.PRIMARY) ? null : r.metric());
        metricColumn = metric;
        table.getColumns().add(metric);
        TreeTableColumn<Item, Item> centre = fixed(column("Centre", "Each benchmark's headline figure, and what "
                + "it is: the tool's score (JMH's mean of its iterations, with its 99.9% confidence interval), else "
                + "the median of the raw samples or of the histogram (with the interquartile range), else the "
                + "median or mean the tool reported (± its standard deviation)", 136,
                r -> DisplayUnits.number(r.value()), Comparator.comparingDouble(RunTableRow::sortValue), true), 0.9);
        kinds.put(centre, r -> r.benchmark().figures().centreKind().label());
        tips.put(centre, RunTableRow::description);
        table.getColumns().add(centre);
        TreeTableColumn<Item, Item> spread = fixed(column("±", "The spread around the centre: the half-width of "
                + "the confidence interval (CI), the interquartile range (IQR) or the standard deviation (sd); hover a "
                + "cell for which", 92, RunTableRow::spreadText,
                Comparator.comparingDouble(r -> Double.isNaN(r.spread()) ? -1 : r.spread() / Math.abs(r.value())),
                true));
        tips.put(spread, r -> r.description().isEmpty() ? null : r.description());
        table.getColumns().add(spread);
        table.getColumns().add(fixed(column("Unit", "The unit of the row's numbers; hover a row for the one the "
                + "tool recorded", 56, r -> DisplayUnits.label(r.unit()), Comparator.comparing(RunTableRow::unit),
                false), 1));
        table.getColumns().add(fixed(column("n", "How many measurements: raw samples, iterations, or the "
                + "histogram's count", 66, r -> r.n() < 0 ? "" : String.format(Locale.ROOT, "%,d", r.n()),
                Comparator.comparingLong(RunTableRow::n), true), 1));
        for (int i = 0; i < 3; i++) {
            int k = i;
            String p = "p" + (int) dev.perfdesk.core.bench.BenchmarkFigures.TABLE_PERCENTILES[i];
            table.getColumns().add(fixed(column(p, "The " + (int) dev.perfdesk.core.bench.BenchmarkFigures
                    .TABLE_PERCENTILES[i] + "th percentile: from the raw samples, else the histogram, else as the "
                    + "tool reported it", 72, r -> DisplayUnits.number(k == 0 ? r.p50() : k == 1 ? r.p90() : r.p99()),
                    Comparator.comparingDouble(r -> scaled(r, k == 0 ? r.p50() : k == 1 ? r.p90() : r.p99())),
                    true), 0.9));
        }
        TreeTableColumn<Item, Item> relative = fixed(column("Relative", "How many times slower than the reference "
                + "(1.00) each benchmark of its metric, unit and direction ran, as hyperfine's Markdown export "
                + "gives it: " + RelativeSpeed.BASIS + ". \"faster\" marks one that ran faster than the reference. "
                + "Right-click a row: Use as reference", 112, this::relativeText,
                Comparator.comparingDouble(this::relativeOrder), true), 1);
        tips.put(relative, this::relativeTooltip);
        relativeColumn = relative;
        table.getColumns().add(relative);
        TreeTableColumn<Item, Item> status = fixed(column("Status", "ok, or how the tool says the benchmark failed",
                56, RunTableRow::status, Comparator.comparing(RunTableRow::status), false), 1);
        tips.put(status, r -> r.failed() ? r.status() : null);
        statusColumn = status;
        table.getColumns().add(status);
        table.setTreeColumn(name);
        table.setRowFactory(t -> new TreeTableRow<>() {
            private final MenuItem use = new MenuItem("Use as reference");
            private final MenuItem fastest = new MenuItem("Use the fastest as reference");
            private final ContextMenu menu = new ContextMenu(use, fastest);

            {
                use.setOnAction(e -> {
                    if (getItem() != null && !getItem().isGroup()) {
                        reference.set(getItem().row().benchmark());
                    }
                });
                fastest.setOnAction(e -> reference.set(null));
                menu.setOnShowing(e -> {
                    Item item = getItem();
                    use.setDisable(item == null || item.isGroup() || !referable.containsKey(item.row().benchmark())
                            || item.row().benchmark() == reference.get());
                    fastest.setDisable(reference.get() == null);
                });
            }

            @Override
            protected void updateItem(Item item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().removeAll("group-row", "failed-row");
                setTooltip(null);
                setContextMenu(null);
                if (!empty && item != null) {
                    if (item.isGroup()) {
                        getStyleClass().add("group-row");
                    } else {
                        if (item.row().failed()) {
                            getStyleClass().add("failed-row");
                        }
                        setTooltip(new Tooltip(tooltip(item.row())));
                        setContextMenu(menu);
                    }
                }
            }
        });
    }

    private static double scaled(RunTableRow r, double v) {
        return Double.isNaN(r.value()) || r.value() == 0 ? v : v * r.sortValue() / r.value();
    }

    private static String tooltip(RunTableRow r) {
        StringBuilder sb = new StringBuilder(r.benchmark().displayName());
        if (!r.mode().isEmpty()) {
            sb.append("\nmode ").append(r.mode());
        }
        if (!r.metric().equals(Benchmark.PRIMARY)) {
            sb.append("\nmetric ").append(r.metric());
        }
        if (!r.spreadKind().isEmpty()) {
            sb.append("\nspread: ").append(r.spreadKind());
        }
        sb.append("\nrecorded in ").append(DisplayUnits.label(r.benchmark().unit()));
        return sb.toString();
    }

    /** Cell tooltips of the columns that have them, by row. */
    private final Map<TreeTableColumn<Item, Item>, Function<RunTableRow, String>> tips = new LinkedHashMap<>();
    /** What a column's number is, shown small before it (the centre's median, score, mean). */
    private final Map<TreeTableColumn<Item, Item>, Function<RunTableRow, String>> kinds = new LinkedHashMap<>();

    /** A column that keeps near its width: the name column takes what is left. */
    private static TreeTableColumn<Item, Item> fixed(TreeTableColumn<Item, Item> c) {
        return fixed(c, 0.85);
    }

    /** A column that shrinks to {@code least} of its width at most, and grows to 1.6 times it. */
    private static TreeTableColumn<Item, Item> fixed(TreeTableColumn<Item, Item> c, double least) {
        c.setMinWidth(Math.round(c.getPrefWidth() * least));
        c.setMaxWidth(Math.round(c.getPrefWidth() * 1.6));
        return c;
    }

    private TreeTableColumn<Item, Item> column(String title, String tooltip, double width,
                                               Function<RunTableRow, String> text, Comparator<RunTableRow> order,
                                               boolean right) {
        TreeTableColumn<Item, Item> c = new TreeTableColumn<>();
        Label header = new Label(title);
        Tooltip tip = new Tooltip(tooltip);
        tip.setWrapText(true);
        tip.setMaxWidth(420);
        header.setTooltip(tip);
        header.setMinWidth(0);
        c.setGraphic(header);
        c.setId(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue().getValue()));
        c.setComparator((a, b) -> {
            if (a == null || b == null) {
                return a == null ? (b == null ? 0 : -1) : 1;
            }
            if (a.isGroup() || b.isGroup()) {
                return a.isGroup() && b.isGroup() ? a.group().compareTo(b.group()) : a.isGroup() ? -1 : 1;
            }
            return order.compare(a.row(), b.row());
        });
        boolean first = table.getColumns().isEmpty();
        c.setCellFactory(col -> new TreeTableCell<>() {
            private final Label kind = new Label();

            {
                kind.getStyleClass().add("centre-kind");
                setContentDisplay(ContentDisplay.LEFT);
                setGraphicTextGap(6);
            }

            @Override
            protected void updateItem(Item item, boolean empty) {
                super.updateItem(item, empty);
                setTooltip(null);
                setGraphic(null);
                if (empty || item == null) {
                    setText(null);
                } else if (item.isGroup()) {
                    setText(first ? (item.group().isEmpty() ? "(no parameters)" : item.group()) + "  ·  "
                            + item.size() + (item.size() == 1 ? " benchmark" : " benchmarks") : null);
                } else {
                    setText(text.apply(item.row()));
                    Function<RunTableRow, String> kindOf = kinds.get(col);
                    if (kindOf != null && !getText().isEmpty()) {
                        kind.setText(kindOf.apply(item.row()));
                        setGraphic(kind);
                    }
                    Function<RunTableRow, String> tipOf = tips.get(col);
                    // a number too wide for its column is elided; its tooltip has it whole
                    String t = tipOf == null ? (getText().length() > 7 ? getText() : null) : tipOf.apply(item.row());
                    if (t != null && !t.isEmpty()) {
                        setTooltip(new Tooltip(t));
                    }
                }
            }
        });
        if (right) {
            c.getStyleClass().add("numeric");
        }
        return c;
    }

    private void buildRelativePane() {
        relativePane.getStyleClass().add("relative-speed");
        relativePane.setPadding(new Insets(4, 8, 4, 8));
        Label title = new Label("Relative speed");
        title.getStyleClass().add("relative-title");
        title.setMinWidth(Region.USE_PREF_SIZE);
        relativeCaption.setText(RelativeSpeed.BASIS);
        relativeCaption.getStyleClass().add("relative-caption");
        relativeCaption.setMinWidth(0);
        Tooltip basis = new Tooltip("The ratio of the means of two benchmarks of this run, the slower over the "
                + "faster, with its uncertainty: " + RelativeSpeed.BASIS + " (ratio · sqrt((sd/mean)² + "
                + "(sdRef/meanRef)²)). Only benchmarks of the reference's metric, unit and direction are compared.");
        basis.setWrapText(true);
        basis.setMaxWidth(460);
        title.setTooltip(basis);
        relativeCaption.setTooltip(basis);
        Label refLabel = new Label("Reference");
        refLabel.setMinWidth(Region.USE_PREF_SIZE);
        referenceBox.setTooltip(new Tooltip("The benchmark the others are compared with; by default the fastest, "
                + "as hyperfine's. A row's context menu has \"Use as reference\" too."));
        referenceBox.setMinWidth(140);
        referenceBox.setMaxWidth(360);
        referenceBox.valueProperty().addListener((o, was, now) -> {
            if (!choosing) {
                reference.set(now == null ? null : now.benchmark());
            }
        });
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox.setHgrow(relativeCaption, Priority.SOMETIMES);
        HBox head = new HBox(8, title, relativeCaption, gap, refLabel, referenceBox);
        head.setAlignment(Pos.CENTER_LEFT);
        relativeSentences.getStyleClass().add("relative-sentences");
        relativeSentences.setMinWidth(0);
        relativeScroll.setFitToWidth(true);
        relativeScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        relativeScroll.getStyleClass().add("relative-scroll");
        relativeMore.setOnAction(e -> {
            relativeExpanded = !relativeExpanded;
            showSpeed(relativeSpeed.get());
        });
        relativeNotCompared.getStyleClass().add("relative-caption");
        relativeNotCompared.setMinWidth(0);
        HBox foot = new HBox(8, relativeMore, relativeNotCompared);
        foot.setAlignment(Pos.CENTER_LEFT);
        foot.managedProperty().bind(relativeMore.visibleProperty().or(relativeNotCompared.visibleProperty()));
        foot.visibleProperty().bind(foot.managedProperty());
        relativeMore.managedProperty().bind(relativeMore.visibleProperty());
        relativeNotCompared.managedProperty().bind(relativeNotCompared.visibleProperty());
        relativePane.getChildren().addAll(head, relativeScroll, foot);
        relativePane.managedProperty().bind(relativePane.visibleProperty());
        relativePane.setVisible(false);
    }

    /** Computes the relative speeds against the reference (the fastest when none is chosen) off the FX thread. */
    private void computeSpeed() {
        BenchmarkRun r = run.get();
        Benchmark ref = reference.get();
        if (r == null) {
            speedWork.cancel();
            applySpeed(new Speeds(null, new IdentityHashMap<>()));
            return;
        }
        speedWork.submit(monitor -> {
            Map<Benchmark, String> names = new IdentityHashMap<>();
            for (Benchmark b : r.benchmarks()) {
                String n = RelativeSpeed.referenceName(b, r.benchmarks());
                if (n != null) {
                    names.put(b, n);
                }
            }
            String name = ref == null ? null : names.get(ref);
            return new Speeds(RelativeSpeed.of(r.benchmarks(), name), names);
        }, this::applySpeed, e -> { });
    }

    /** The relative speeds against the reference, with the name each benchmark can be chosen by. */
    private record Speeds(RelativeSpeed speed, Map<Benchmark, String> names) {
    }

    private void applySpeed(Speeds computed) {
        RelativeSpeed speed = computed.speed();
        Map<Benchmark, String> names = computed.names();
        Map<Benchmark, RelativeSpeed.Entry> entries = new IdentityHashMap<>();
        Map<Benchmark, String> excluded = new IdentityHashMap<>();
        if (speed != null) {
            for (RelativeSpeed.Entry e : speed.entries()) {
                entries.put(e.benchmark(), e);
            }
            for (RelativeSpeed.Excluded x : speed.notCompared()) {
                excluded.put(x.benchmark(), x.reason());
            }
        }
        speedEntries = entries;
        speedExcluded = excluded;
        referable = names;
        List<ReferenceChoice> choices = new ArrayList<>();
        choices.add(new ReferenceChoice(null, ""));
        ReferenceChoice selected = choices.get(0);
        for (Benchmark b : run.get() == null ? List.<Benchmark>of() : run.get().benchmarks()) {
            String n = names.get(b);
            if (n != null) {
                choices.add(new ReferenceChoice(b, n));
                if (b == reference.get()) {
                    selected = choices.get(choices.size() - 1);
                }
            }
        }
        choosing = true;
        try {
            referenceBox.getItems().setAll(choices);
            referenceBox.setValue(selected);
        } finally {
            choosing = false;
        }
        relativeSpeed.set(speed);
        showSpeed(speed);
        table.refresh();
    }

    private void showSpeed(RelativeSpeed speed) {
        boolean chosen = reference.get() != null;
        relativeColumn.setVisible(relativeSpeedEnabled.get() && speed != null && (!speed.isEmpty() || chosen));
        if (speed == null || speed.isEmpty() && !chosen || !relativeSpeedEnabled.get()) {
            relativePane.setVisible(false);
            return;
        }
        relativePane.setVisible(true);
        List<String> lines = new ArrayList<>(speed.sentences());
        if (lines.isEmpty()) {
            lines.add(speed.reference() == null ? "No benchmark of this run has a mean to compare."
                    : "Nothing to compare " + speed.reference().name() + " with: no other benchmark of its metric, "
                    + "unit and direction has a mean.");
        }
        int shown = relativeExpanded ? Math.min(lines.size(), SENTENCES_EXPANDED)
                : Math.min(lines.size(), SENTENCES_SHOWN);
        relativeSentences.setText(String.join("\n", relativeExpanded ? lines : lines.subList(0, shown)));
        relativeSentences.setTooltip(new Tooltip(String.join("\n", lines)));
        double line = Math.ceil(relativeSentences.getFont().getSize() * 1.4);
        relativeScroll.setPrefViewportHeight(shown * line + 2);
        relativeScroll.setVbarPolicy(relativeExpanded && lines.size() > SENTENCES_EXPANDED
                ? ScrollPane.ScrollBarPolicy.AS_NEEDED : ScrollPane.ScrollBarPolicy.NEVER);
        relativeMore.setVisible(lines.size() > SENTENCES_SHOWN);
        relativeMore.setText(relativeExpanded ? "Fewer" : (lines.size() - SENTENCES_SHOWN) + " more…");
        List<String> skipped = speed.notComparedSummary();
        relativeNotCompared.setVisible(!skipped.isEmpty() && speed.reference() != null);
        if (!skipped.isEmpty() && speed.reference() != null) {
            String text = "Not compared with " + speed.reference().name() + " (" + DisplayUnits.label(speed.unit()) + ", "
                    + (speed.lowerIsBetter() ? "lower" : "higher") + " is better): " + String.join("; ", skipped);
            relativeNotCompared.setText(text);
            relativeNotCompared.setTooltip(new Tooltip(String.join("\n", skipped)));
        }
    }

    /**
     * The row's Relative cell, as hyperfine's Markdown export writes it: {@code 1.00} for the reference,
     * {@code 2.30 ± 1.53} for one the reference ran that many times faster than, with {@code faster} after it for
     * one that ran faster than the reference; empty for a row not compared (its tooltip says why).
     */
    public String relativeText(RunTableRow row) {
        RelativeSpeed.Entry e = speedEntries.get(row.benchmark());
        if (e == null) {
            return "";
        }
        String ratio = RelativeSpeed.ratioText(e);
        return e.relation() == RelativeSpeed.Relation.FASTER ? ratio + " faster" : ratio;
    }

    /** The Relative cell's tooltip: the row's sentence, that it is the reference, or why it is not compared. */
    public String relativeTooltip(RunTableRow row) {
        RelativeSpeed speed = relativeSpeed.get();
        RelativeSpeed.Entry e = speedEntries.get(row.benchmark());
        if (speed == null) {
            return null;
        }
        if (e != null) {
            return e.relation() == RelativeSpeed.Relation.REFERENCE ? e.name() + " is the reference"
                    + (reference.get() == null ? " (the fastest)" : "") : speed.sentence(e);
        }
        String reason = speedExcluded.get(row.benchmark());
        return reason == null ? null : "Not compared with " + (speed.reference() == null ? "a reference"
                : speed.reference().name()) + ": " + reason;
    }

    /** Orders the Relative column from the fastest to the slowest, the rows not compared last. */
    private double relativeOrder(RunTableRow row) {
        RelativeSpeed.Entry e = speedEntries.get(row.benchmark());
        if (e == null) {
            return Double.POSITIVE_INFINITY;
        }
        return switch (e.relation()) {
            case FASTER -> 1 / e.ratio();
            case SLOWER -> e.ratio();
            default -> 1;
        };
    }

    private void recompute() {
        BenchmarkRun r = run.get();
        boolean normalise = normaliseUnits.get();
        if (r == null) {
            rowWork.cancel();
            apply(null, List.of());
            return;
        }
        rowWork.submit(monitor -> RunTableRow.of(r, normalise), computed -> apply(r, computed), e -> { });
    }

    private void apply(BenchmarkRun shown, List<RunTableRow> computed) {
        boolean another = shown != rowsOf;
        rowsOf = shown;
        rows = List.copyOf(computed);
        // columns no row fills (hyperfine has no modes, most runs no secondary metrics) leave their room to names
        modeColumn.setVisible(rows.stream().anyMatch(r -> !r.mode().isEmpty()));
        metricColumn.setVisible(rows.stream().anyMatch(r -> !r.metric().equals(Benchmark.PRIMARY)));
        // "ok" on every row says nothing the missing red does not
        statusColumn.setVisible(rows.stream().anyMatch(RunTableRow::failed));
        rebuild();
        if (another && selectedBenchmark.get() == null) {
            selectFirst();
        }
    }

    /**
     * Selects the row a run opens on, so that it opens on charts worth seeing: the first, in table order, of a
     * benchmark with a latency distribution the charts can draw ({@link #opensOn}: a JMH sample-mode row rather than
     * three throughput iterations, k6's {@code http_req_duration} points rather than its request counter); else the
     * tool's {@link Benchmark#HEADLINE} latency (k6's summary gives every trend as statistics only, and opens on
     * {@code http_req_duration}); else the first with reported percentiles; else the first row.
     */
    private void selectFirst() {
        List<TreeItem<Item>> leaves = new ArrayList<>();
        leaves(table.getRoot(), leaves);
        TreeItem<Item> pick = leaves.stream().filter(t -> opensOn(t.getValue().row(), true)).findFirst()
                .or(() -> leaves.stream().filter(t -> opensOn(t.getValue().row(), false)
                        && "true".equals(t.getValue().row().benchmark().attributes().get(Benchmark.HEADLINE)))
                        .findFirst())
                .or(() -> leaves.stream().filter(t -> opensOn(t.getValue().row(), false)).findFirst())
                .orElse(leaves.isEmpty() ? null : leaves.get(0));
        if (pick != null) {
            table.getSelectionModel().select(pick);
        }
    }

    /**
     * Whether a run may open on this row: a latency distribution, and with {@code charted} one the charts can draw
     * (a histogram or raw samples, not only the percentiles a tool reported).
     */
    static boolean opensOn(RunTableRow row, boolean charted) {
        dev.perfdesk.core.bench.BenchmarkFigures f = row.benchmark().figures();
        return f.hasLatencyDistribution() && (!charted || f.distribution() != null || f.sortedSamples().length > 0);
    }

    private static void leaves(TreeItem<Item> item, List<TreeItem<Item>> out) {
        for (TreeItem<Item> child : item.getChildren()) {
            if (child.getValue() != null && !child.getValue().isGroup()) {
                out.add(child);
            }
            leaves(child, out);
        }
    }

    /**
     * Rebuilds the tree from the rows and the filter, keeping the selected benchmark while its row still matches; the
     * selection does not pass through "none" on the way, so the detail below is not reset.
     */
    private void rebuild() {
        Benchmark keep = selectedBenchmark.get();
        String[] words = filter.getText() == null ? new String[0]
                : filter.getText().toLowerCase(Locale.ROOT).trim().split("\\s+");
        Map<String, List<RunTableRow>> groups = new LinkedHashMap<>();
        int shown = 0;
        for (RunTableRow r : byName(rows)) {
            if (matches(r, words)) {
                groups.computeIfAbsent(r.group(), k -> new ArrayList<>()).add(r);
                shown++;
            }
        }
        TreeItem<Item> root = new TreeItem<>();
        boolean grouped = isGrouped(groups.keySet());
        TreeItem<Item> reselect = null;
        for (Map.Entry<String, List<RunTableRow>> e : groups.entrySet()) {
            TreeItem<Item> parent = root;
            if (grouped) {
                parent = new TreeItem<>(new Item(e.getKey(), e.getValue().size(), null));
                parent.setExpanded(true);
                root.getChildren().add(parent);
            }
            for (RunTableRow r : e.getValue()) {
                TreeItem<Item> leaf = new TreeItem<>(new Item(r.group(), 1, r));
                parent.getChildren().add(leaf);
                if (r.benchmark() == keep) {
                    reselect = leaf;
                }
            }
        }
        rebuilding = true;
        try {
            table.setRoot(root);
            table.sort();
            if (reselect != null) {
                table.getSelectionModel().select(reselect);
            } else {
                table.getSelectionModel().clearSelection();
            }
        } finally {
            rebuilding = false;
        }
        TreeItem<Item> now = table.getSelectionModel().getSelectedItem();
        if (now == null || now.getValue() == null || selectedRow.get() != now.getValue().row()) {
            showSelected(now);
        }
        count.setText(shown == rows.size() ? String.format(Locale.ROOT, "%,d benchmarks", rows.size())
                : String.format(Locale.ROOT, "%,d of %,d benchmarks", shown, rows.size()));
    }

    /**
     * Rows ordered by name, then by mode in the order the file first has them, keeping file order otherwise (a
     * benchmark's metrics stay after its primary row): JMH writes one benchmark's modes apart.
     */
    private static List<RunTableRow> byName(List<RunTableRow> in) {
        Map<String, Integer> firstOfMode = new LinkedHashMap<>();
        for (RunTableRow r : in) {
            firstOfMode.putIfAbsent(r.mode(), firstOfMode.size());
        }
        Map<String, Integer> firstOfName = new LinkedHashMap<>();
        for (RunTableRow r : in) {
            firstOfName.putIfAbsent(r.name(), firstOfName.size());
        }
        List<RunTableRow> out = new ArrayList<>(in);
        out.sort(Comparator.comparing((RunTableRow r) -> firstOfName.get(r.name()))
                .thenComparing(r -> firstOfMode.get(r.mode())));
        return out;
    }

    private static boolean matches(RunTableRow r, String[] words) {
        String haystack = (r.name() + " " + r.group() + " " + r.mode() + " " + r.metric() + " " + r.unit() + " "
                + r.status()).toLowerCase(Locale.ROOT);
        for (String w : words) {
            if (!w.isEmpty() && !haystack.contains(w)) {
                return false;
            }
        }
        return true;
    }

    /** Selects the row of {@code b}, if it is shown. */
    public void select(Benchmark b) {
        for (TreeItem<Item> group : table.getRoot().getChildren()) {
            for (TreeItem<Item> item : group.getValue() != null && group.getValue().isGroup() ? group.getChildren()
                    : List.of(group)) {
                if (item.getValue() != null && !item.getValue().isGroup() && item.getValue().row().benchmark() == b) {
                    table.getSelectionModel().select(item);
                    table.scrollTo(Math.max(0, table.getRow(item) - 3));
                    return;
                }
            }
        }
    }

    /** The reference of the relative speeds; null for the fastest (the default). */
    public ObjectProperty<Benchmark> referenceProperty() {
        return reference;
    }

    /** The relative speeds shown, against {@link #referenceProperty()}; null before they are computed. */
    public ReadOnlyObjectProperty<RelativeSpeed> relativeSpeedProperty() {
        return relativeSpeed.getReadOnlyProperty();
    }

    /** The sentences under the table, as {@link RelativeSpeed#sentences()} words them; empty when hidden. */
    public List<String> relativeSentences() {
        RelativeSpeed speed = relativeSpeed.get();
        return speed == null || !relativePane.isVisible() ? List.of() : speed.sentences();
    }

    /**
     * Whether the run's benchmarks are alternatives whose relative speeds mean something (default): hyperfine's
     * commands, JMH's benchmarks; false hides the Relative column and the summary, for runs whose benchmarks are
     * different measurements of one test (k6's request time, blocking time and iteration time).
     */
    public BooleanProperty relativeSpeedEnabledProperty() {
        return relativeSpeedEnabled;
    }

    /** The relative-speed summary under the table (hidden when there is nothing to compare). */
    public VBox relativeSpeedPane() {
        return relativePane;
    }

    /** The Reference box. */
    public ComboBox<ReferenceChoice> referenceBox() {
        return referenceBox;
    }

    /** The run shown; null for none. */
    public ObjectProperty<BenchmarkRun> runProperty() {
        return run;
    }

    public BenchmarkRun getRun() {
        return run.get();
    }

    public void setRun(BenchmarkRun value) {
        run.set(value);
    }

    /** Whether time units are chosen per group to read well (default) or shown as recorded. */
    public BooleanProperty normaliseUnitsProperty() {
        return normaliseUnits;
    }

    /** The benchmark of the selected row; null for none or a group row. */
    public ReadOnlyObjectProperty<Benchmark> selectedBenchmarkProperty() {
        return selectedBenchmark.getReadOnlyProperty();
    }

    /** The selected benchmark's row, with the unit it is shown in; null for none or a group row. */
    public ReadOnlyObjectProperty<RunTableRow> selectedRowProperty() {
        return selectedRow.getReadOnlyProperty();
    }

    public RunTableRow getSelectedRow() {
        return selectedRow.get();
    }

    public Benchmark getSelectedBenchmark() {
        return selectedBenchmark.get();
    }

    /** Whether rows of these groups show under group rows: more than one group, or one with a name. */
    private static boolean isGrouped(Collection<String> groups) {
        return groups.size() > 1 || groups.stream().anyMatch(g -> !g.isEmpty());
    }

    /** How many rows the table has with no filter: one per benchmark, and one per group where there are groups. */
    public int unfilteredRowCount() {
        Set<String> groups = new LinkedHashSet<>();
        for (RunTableRow r : rows) {
            groups.add(r.group());
        }
        return rows.size() + (isGrouped(groups) ? groups.size() : 0);
    }

    /** Every row of the run, filter or not, in file order. */
    public List<RunTableRow> rows() {
        return rows;
    }

    /** The rows the filter lets through, in table order. */
    public List<RunTableRow> visibleRows() {
        List<RunTableRow> out = new ArrayList<>();
        collect(table.getRoot(), out);
        return out;
    }

    private static void collect(TreeItem<Item> item, List<RunTableRow> out) {
        for (TreeItem<Item> child : item.getChildren()) {
            if (child.getValue() != null && !child.getValue().isGroup()) {
                out.add(child.getValue().row());
            }
            collect(child, out);
        }
    }

    /** The filter field. */
    public TextField filterField() {
        return filter;
    }

    /** The tree table, for keyboard focus and tests. */
    public TreeTableView<Item> table() {
        return table;
    }
}
