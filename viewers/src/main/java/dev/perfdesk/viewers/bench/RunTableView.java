package dev.perfdesk.viewers.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
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

import dev.perfdesk.core.bench.Benchmark;
import dev.perfdesk.core.bench.BenchmarkRun;
import dev.perfdesk.core.bench.DisplayUnits;

/**
 * A run's benchmarks as a sortable, filterable table, grouped by parameters: a group row per parameter set (when
 * the run has parameters), and under it one row per benchmark and metric with its mode, centre ± spread, unit, n,
 * p50/p90/p99 and status. Time units are chosen per group so numbers read well ({@link RunTableRow#of}); the
 * "Units as recorded" box shows the tool's own. Rows are computed off the FX thread and shown in one step.
 *
 * <pre>{@code
 * RunTableView table = new RunTableView();
 * table.setRun(run);
 * table.selectedBenchmarkProperty().addListener((o, was, b) -> detail.setBenchmark(run.name(), b));
 * }</pre>
 */
public class RunTableView extends BorderPane {
    private final Executor executor;
    private final AtomicLong generation = new AtomicLong();
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

    /** A row of the tree: a parameter group, or a benchmark. */
    public record Item(String group, int size, RunTableRow row) {
        /** Whether this is a group row. */
        public boolean isGroup() {
            return row == null;
        }
    }

    /** A table computing rows on a thread shared by such tables. */
    public RunTableView() {
        this(SharedWorker.EXECUTOR);
    }

    /** @param executor where rows are computed; {@code Runnable::run} computes them on the calling thread */
    public RunTableView(Executor executor) {
        this.executor = executor;
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
        setTop(bar);
        setCenter(table);
        run.addListener(o -> recompute());
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
        // Columns keep their widths and the table scrolls sideways when narrow, rather than eliding every number.
        table.setColumnResizePolicy(TreeTableView.UNCONSTRAINED_RESIZE_POLICY);
        table.setPlaceholder(new Label("No benchmarks"));
        TreeTableColumn<Item, Item> name = column("Benchmark", 330, RunTableRow::name,
                Comparator.comparing(RunTableRow::name, String.CASE_INSENSITIVE_ORDER), false);
        table.getColumns().add(name);
        table.getColumns().add(column("Mode", 60, RunTableRow::mode, Comparator.comparing(RunTableRow::mode), false));
        table.getColumns().add(column("Metric", 130, r -> r.metric().equals(Benchmark.PRIMARY) ? "" : r.metric(),
                Comparator.comparing(RunTableRow::metric), false));
        table.getColumns().add(column("Score", 100, r -> DisplayUnits.number(r.value()),
                Comparator.comparingDouble(RunTableRow::sortValue), true));
        table.getColumns().add(column("±", 110, RunTableRow::spreadText,
                Comparator.comparingDouble(r -> Double.isNaN(r.spread()) ? -1 : r.spread() / Math.abs(r.value())),
                true));
        table.getColumns().add(column("Unit", 70, r -> DisplayUnits.label(r.unit()),
                Comparator.comparing(RunTableRow::unit), false));
        table.getColumns().add(column("n", 70, r -> r.n() < 0 ? "" : String.format(Locale.ROOT, "%,d", r.n()),
                Comparator.comparingLong(RunTableRow::n), true));
        table.getColumns().add(column("p50", 90, r -> DisplayUnits.number(r.p50()),
                Comparator.comparingDouble(r -> scaled(r, r.p50())), true));
        table.getColumns().add(column("p90", 90, r -> DisplayUnits.number(r.p90()),
                Comparator.comparingDouble(r -> scaled(r, r.p90())), true));
        table.getColumns().add(column("p99", 90, r -> DisplayUnits.number(r.p99()),
                Comparator.comparingDouble(r -> scaled(r, r.p99())), true));
        table.getColumns().add(column("Status", 120, RunTableRow::status, Comparator.comparing(RunTableRow::status),
                false));
        table.setTreeColumn(name);
        table.setRowFactory(t -> new TreeTableRow<>() {
            @Override
            protected void updateItem(Item item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().removeAll("group-row", "failed-row");
                setTooltip(null);
                if (!empty && item != null) {
                    if (item.isGroup()) {
                        getStyleClass().add("group-row");
                    } else {
                        if (item.row().failed()) {
                            getStyleClass().add("failed-row");
                        }
                        setTooltip(new Tooltip(tooltip(item.row())));
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

    private TreeTableColumn<Item, Item> column(String title, double width, Function<RunTableRow, String> text,
                                               Comparator<RunTableRow> order, boolean right) {
        TreeTableColumn<Item, Item> c = new TreeTableColumn<>(title);
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
            @Override
            protected void updateItem(Item item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setText(null);
                } else if (item.isGroup()) {
                    setText(first ? (item.group().isEmpty() ? "(no parameters)" : item.group()) + "  ·  "
                            + item.size() + (item.size() == 1 ? " benchmark" : " benchmarks") : null);
                } else {
                    setText(text.apply(item.row()));
                }
            }
        });
        if (right) {
            c.getStyleClass().add("numeric");
        }
        return c;
    }

    private void recompute() {
        long gen = generation.incrementAndGet();
        BenchmarkRun r = run.get();
        boolean normalise = normaliseUnits.get();
        if (r == null) {
            apply(gen, null, List.of());
            return;
        }
        executor.execute(() -> {
            List<RunTableRow> computed = RunTableRow.of(r, normalise);
            if (Platform.isFxApplicationThread()) {
                apply(gen, r, computed);
            } else {
                Platform.runLater(() -> apply(gen, r, computed));
            }
        });
    }

    private void apply(long gen, BenchmarkRun shown, List<RunTableRow> computed) {
        if (gen != generation.get()) {
            return;
        }
        boolean another = shown != rowsOf;
        rowsOf = shown;
        rows = List.copyOf(computed);
        rebuild();
        if (another && selectedBenchmark.get() == null) {
            selectFirst();
        }
    }

    /**
     * Selects the first row, in table order, of a benchmark with a latency distribution
     * ({@link dev.perfdesk.core.bench.BenchmarkFigures#hasLatencyDistribution()}), else the first benchmark row, so
     * preferring one the charts can draw ({@link #opensOn}), so that a run opens on charts worth seeing: k6's {@code http_req_duration} rather than its request counter, a
     * JMH sample-mode row rather than three throughput iterations.
     */
    private void selectFirst() {
        List<TreeItem<Item>> leaves = new ArrayList<>();
        leaves(table.getRoot(), leaves);
        TreeItem<Item> pick = leaves.stream().filter(t -> opensOn(t.getValue().row(), true)).findFirst()
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
