package dev.perfdesk.viewers.flame;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import dev.perfdesk.core.calltree.CallCounts;
import dev.perfdesk.core.calltree.FunctionStats;
import dev.perfdesk.core.flame.Butterfly;
import dev.perfdesk.core.flame.FlameViewState;
import dev.perfdesk.viewers.CellTooltips;
import dev.perfdesk.viewers.ColumnFit;
import dev.perfdesk.viewers.NamedRows;

/**
 * The functions of a flame graph view in a sortable, filterable table (name, self, total, each with its share of
 * all), with a butterfly below it: the callers and callees of the selected function. Selection is a function name,
 * so it can be bound to the graph's highlight both ways.
 *
 * <pre>{@code
 * FunctionTableView table = new FunctionTableView();
 * table.stateProperty().bind(viewModel.stateProperty());
 * table.selectedFunctionProperty().bindBidirectional(viewModel.selectedFunctionProperty());
 * table.butterflyProperty().bind(viewModel.butterflyProperty());
 * }</pre>
 */
public class FunctionTableView extends VBox {
    private final ObjectProperty<FlameViewState> state = new SimpleObjectProperty<>(this, "state");
    private final StringProperty selectedFunction = new SimpleStringProperty(this, "selectedFunction");
    private final ObjectProperty<Butterfly> butterfly = new SimpleObjectProperty<>(this, "butterfly");
    private final ObjectProperty<CallCounts> callCounts = new SimpleObjectProperty<>(this, "callCounts");
    private final List<TableColumn<FunctionStats, Long>> callColumns;

    private final TextField filter = new TextField();
    private final TableView<FunctionStats> table = new TableView<>();
    private final ObservableList<FunctionStats> functions = FXCollections.observableArrayList();
    private final FilteredList<FunctionStats> filtered = new FilteredList<>(functions);
    private final ButterflyPane butterflyPane = new ButterflyPane();
    private final Label placeholder = new Label();
    private final javafx.beans.property.BooleanProperty loading =
            new javafx.beans.property.SimpleBooleanProperty(this, "loading", false);
    private boolean syncing;

    public FunctionTableView() {
        getStyleClass().add("function-table-view");
        filter.setPromptText("Filter functions");
        filter.getStyleClass().add("function-filter");
        filter.textProperty().addListener((o, was, now) -> applyFilter(now));

        TableColumn<FunctionStats, String> name = new TableColumn<>("Function");
        name.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().name()));
        name.setCellFactory(col -> new NameCell());
        name.setPrefWidth(230);
        TableColumn<FunctionStats, Long> self = weightColumn("Self", FunctionStats::self, false);
        TableColumn<FunctionStats, Long> selfPct = weightColumn("Self %", FunctionStats::self, true);
        TableColumn<FunctionStats, Long> total = weightColumn("Total", FunctionStats::total, false);
        TableColumn<FunctionStats, Long> totalPct = weightColumn("Total %", FunctionStats::total, true);
        table.getColumns().add(name);
        table.getColumns().add(self);
        table.getColumns().add(selfPct);
        table.getColumns().add(total);
        table.getColumns().add(totalPct);
        // The number columns are fixed to their content (fitColumns); the name column takes the rest of the width.
        ColumnFit.fillWith(table, name, 100);
        table.setPlaceholder(placeholder);
        placeholder.textProperty().bind(javafx.beans.binding.Bindings.when(loading)
                .then("Building the flame graph…").otherwise("No functions"));
        SortedList<FunctionStats> sorted = new SortedList<>(filtered);
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        self.setSortType(TableColumn.SortType.DESCENDING);
        table.getSortOrder().add(self);
        for (TableColumn<FunctionStats, Long> c : List.of(self, selfPct, total, totalPct)) {
            c.setPrefWidth(c == self || c == total ? 74 : 66);
            c.setMinWidth(c == self || c == total ? 68 : 60);
        }
        // Where the source counts calls (gprof): calls and time per call, from CallCounts.
        TableColumn<FunctionStats, Long> calls = callColumn("Calls", (c, f) -> c.callsOf(f.name()), false);
        TableColumn<FunctionStats, Long> selfPerCall = callColumn("Self/call",
                (c, f) -> c.selfPerCall(f.self(), f.name()), true);
        TableColumn<FunctionStats, Long> totalPerCall = callColumn("Total/call",
                (c, f) -> c.totalPerCall(f.total(), f.name()), true);
        callColumns = List.of(calls, selfPerCall, totalPerCall);
        // With calls there are three more columns: the shares (also in the butterfly and the graph's tooltips) give
        // way, so that every column fits beside the flame graph.
        callCounts.addListener((o, was, now) -> {
            table.getColumns().removeAll(callColumns);
            table.getColumns().removeAll(List.of(selfPct, totalPct));
            if (now != null) {
                table.getColumns().addAll(callColumns);
                name.setPrefWidth(130);
            } else {
                table.getColumns().add(2, selfPct);
                table.getColumns().add(4, totalPct);
                name.setPrefWidth(210);
            }
        });
        state.addListener((o, was, now) -> {
            String unit = now == null ? "" : "Weights in " + now.unit().symbol();
            table.setTooltip(now == null ? null : new Tooltip(unit));
        });

        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (!syncing) {
                syncing = true;
                try {
                    selectedFunction.set(now == null ? null : now.name());
                } finally {
                    syncing = false;
                }
            }
        });
        selectedFunction.addListener((o, was, now) -> selectInTable(now));
        state.addListener((o, was, now) -> {
            syncing = true;
            try {
                functions.setAll(now == null ? List.of() : now.functions());
                table.sort();
            } finally {
                syncing = false;
            }
            fitColumns(now, self, selfPct, total, totalPct);
            butterflyPane.setState(now);
            selectInTable(selectedFunction.get());
        });
        butterfly.addListener((o, was, now) -> butterflyPane.setButterfly(now));
        butterflyPane.setOnNavigate(fn -> selectedFunction.set(fn));

        SplitPane split = new SplitPane(table, butterflyPane);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.55);
        VBox.setVgrow(split, Priority.ALWAYS);
        getChildren().addAll(filter, split);
        setSpacing(4);
    }

    private TableColumn<FunctionStats, Long> weightColumn(String title, Function<FunctionStats, Long> value,
                                                          boolean percent) {
        TableColumn<FunctionStats, Long> col = new TableColumn<>(title);
        col.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
        col.setComparator(Comparator.naturalOrder());
        col.setCellFactory(c -> new WeightCell(percent));
        col.getStyleClass().add("weight-column");
        return col;
    }

    private TableColumn<FunctionStats, Long> callColumn(String title,
                                                        java.util.function.BiFunction<CallCounts, FunctionStats, Long>
                                                                value, boolean time) {
        TableColumn<FunctionStats, Long> col = new TableColumn<>(title);
        col.setCellValueFactory(c -> {
            CallCounts counts = callCounts.get();
            return new ReadOnlyObjectWrapper<>(counts == null ? -1L : value.apply(counts, c.getValue()));
        });
        col.setComparator(Comparator.naturalOrder());
        col.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Long item, boolean empty) {
                super.updateItem(item, empty);
                FlameViewState st = state.get();
                if (empty || item == null || item < 0 || st == null) {
                    setText(empty ? null : "");
                } else {
                    setText(time ? st.format(item) : String.format(Locale.ROOT, "%,d", item));
                }
            }
        });
        col.getStyleClass().add("weight-column");
        col.setPrefWidth(time ? 80 : 92);
        col.setMinWidth(time ? 78 : 86);
        return col;
    }

    /** Makes each number column as wide as its widest value in {@code st}, so no number or unit is cut. */
    private static void fitColumns(FlameViewState st, TableColumn<FunctionStats, Long> self,
                                   TableColumn<FunctionStats, Long> selfPct, TableColumn<FunctionStats, Long> total,
                                   TableColumn<FunctionStats, Long> totalPct) {
        if (st == null) {
            return;
        }
        List<FunctionStats> rows = st.functions();
        ColumnFit.fit(self, rows, f -> compact(st, f.self()));
        ColumnFit.fit(total, rows, f -> compact(st, f.total()));
        ColumnFit.fit(selfPct, rows, f -> FlameViewState.percent(f.self(), st.totalWeight()));
        ColumnFit.fit(totalPct, rows, f -> FlameViewState.percent(f.total(), st.totalWeight()));
    }

    private void applyFilter(String text) {
        filtered.setPredicate(NamedRows.containing(text, FunctionStats::name));
    }

    private void selectInTable(String name) {
        if (syncing) {
            return;
        }
        syncing = true;
        try {
            NamedRows.select(table, name, FunctionStats::name);
        } finally {
            syncing = false;
        }
    }

    /** The table, for tests and for adding columns. */
    public TableView<FunctionStats> table() {
        return table;
    }

    public TextField filterField() {
        return filter;
    }

    public ButterflyPane butterflyPane() {
        return butterflyPane;
    }

    public ObjectProperty<FlameViewState> stateProperty() {
        return state;
    }

    /**
     * Whether the functions are still being computed: the empty table then says so instead of "No functions",
     * which would read as an empty result.
     */
    public javafx.beans.property.BooleanProperty loadingProperty() {
        return loading;
    }

    public StringProperty selectedFunctionProperty() {
        return selectedFunction;
    }

    public ObjectProperty<Butterfly> butterflyProperty() {
        return butterfly;
    }

    /**
     * How many times each function was called and its time per call, where the profile's source counts calls
     * (gprof); null, the default, for none. While set, the table has Calls, Self/call and Total/call columns.
     */
    public ObjectProperty<CallCounts> callCountsProperty() {
        return callCounts;
    }

    private final class WeightCell extends TableCell<FunctionStats, Long> {
        private final boolean percent;

        WeightCell(boolean percent) {
            this.percent = percent;
            getStyleClass().add("weight-cell");
        }

        @Override
        protected void updateItem(Long item, boolean empty) {
            super.updateItem(item, empty);
            FlameViewState st = state.get();
            if (empty || item == null || st == null) {
                setText(null);
            } else {
                setText(percent ? FlameViewState.percent(item, st.totalWeight()) : compact(st, item));
            }
        }
    }

    /** A weight without the unit where the column header names it (samples, events). */
    static String compact(FlameViewState st, long weight) {
        switch (st.unit()) {
            case SAMPLES:
            case EVENTS:
                return String.format(Locale.ROOT, "%,d", weight);
            default:
                return st.format(weight);
        }
    }

    /**
     * The name, elided at its start when narrow so the distinguishing end (method, {@code file:line}) shows, with
     * the whole of it as a tooltip.
     */
    private static final class NameCell extends TableCell<FunctionStats, String> {
        NameCell() {
            setTextOverrun(OverrunStyle.LEADING_ELLIPSIS);
            CellTooltips.install(this, this::getItem);
        }

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty ? null : item);
            if (empty || item == null) {
                setTooltip(null);
            }
        }
    }
}
