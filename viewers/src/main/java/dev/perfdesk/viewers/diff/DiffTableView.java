package dev.perfdesk.viewers.diff;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.ToLongFunction;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableColumnBase;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import dev.perfdesk.core.diff.DiffText;
import dev.perfdesk.core.diff.FunctionDiff;
import dev.perfdesk.core.diff.ProfileDiff;
import dev.perfdesk.core.model.WeightUnit;
import dev.perfdesk.viewers.CellTooltips;
import dev.perfdesk.viewers.ColumnFit;
import dev.perfdesk.viewers.NamedRows;

/**
 * The functions of a comparison in a filterable table: self and total weight in the baseline and in the
 * candidate, and the change of each (candidate minus baseline) with the total's change in percent of the
 * baseline's. Unsorted, rows come largest absolute change of total first (grown and shrunk alike); a column header
 * sorts by that column, and a third click returns to that order.
 * Selection is a function name, so it can be bound to the graph's highlight.
 *
 * <pre>{@code
 * DiffTableView table = new DiffTableView();
 * table.diffProperty().bind(viewModel.diffProperty());
 * table.selectedFunctionProperty().bindBidirectional(viewModel.selectedFunctionProperty());
 * }</pre>
 */
public class DiffTableView extends VBox {
    private final ObjectProperty<ProfileDiff> diff = new SimpleObjectProperty<>(this, "diff");
    private final StringProperty selectedFunction = new SimpleStringProperty(this, "selectedFunction");

    private final Label caption = new Label("Largest changes first");
    private final TextField filter = new TextField();
    private final TableView<FunctionDiff> table = new TableView<>();
    private final ObservableList<FunctionDiff> functions = FXCollections.observableArrayList();
    private final FilteredList<FunctionDiff> filtered = new FilteredList<>(functions);
    private final TableColumn<FunctionDiff, Long> change;
    private final List<TableColumn<FunctionDiff, Long>> weightColumns = new java.util.ArrayList<>();
    private final List<TableColumn<FunctionDiff, Long>> changeColumns = new java.util.ArrayList<>();
    private TableColumn<FunctionDiff, Double> percentColumn;
    private boolean syncing;

    public DiffTableView() {
        getStyleClass().add("diff-table-view");
        caption.getStyleClass().add("diff-table-caption");
        caption.setMaxWidth(Double.MAX_VALUE);
        filter.setPromptText("Filter functions");
        filter.getStyleClass().add("function-filter");
        filter.textProperty().addListener((o, was, now) -> applyFilter(now));

        TableColumn<FunctionDiff, String> name = new TableColumn<>("Function");
        name.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().name()));
        name.setCellFactory(col -> new NameCell());
        name.setPrefWidth(240);
        name.setMinWidth(64);

        TableColumn<FunctionDiff, Void> baseline = new TableColumn<>("Baseline");
        baseline.getColumns().add(weightColumn("Self", FunctionDiff::baselineSelf));
        baseline.getColumns().add(weightColumn("Total", FunctionDiff::baselineTotal));
        TableColumn<FunctionDiff, Void> candidate = new TableColumn<>("Candidate");
        candidate.getColumns().add(weightColumn("Self", FunctionDiff::candidateSelf));
        candidate.getColumns().add(weightColumn("Total", FunctionDiff::candidateTotal));

        TableColumn<FunctionDiff, Long> selfChange = changeColumn("Self", FunctionDiff::selfChange);
        change = changeColumn("Total", FunctionDiff::change);
        TableColumn<FunctionDiff, Double> percent = new TableColumn<>("%");
        percent.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().changePercent()));
        percent.setComparator(Comparator.naturalOrder());
        percent.setCellFactory(c -> new PercentCell());
        percent.getStyleClass().add("weight-column");
        percent.setPrefWidth(66);
        percent.setMinWidth(62);
        percentColumn = percent;
        TableColumn<FunctionDiff, Void> changes = new TableColumn<>("Change");
        changes.getColumns().add(selfChange);
        changes.getColumns().add(change);
        changes.getColumns().add(percent);

        table.getColumns().add(name);
        table.getColumns().add(baseline);
        table.getColumns().add(candidate);
        table.getColumns().add(changes);
        // Number columns are fixed to their content (fitColumns); the name column takes what is left.
        ColumnFit.fillWith(table, name, 100);
        table.setPlaceholder(new Label("No functions"));
        table.setTableMenuButtonVisible(false);
        SortedList<FunctionDiff> sorted = new SortedList<>(filtered);
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.getSortOrder().addListener((ListChangeListener<TableColumn<FunctionDiff, ?>>) c ->
                updateCaption());

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
        diff.addListener((o, was, now) -> {
            syncing = true;
            try {
                functions.setAll(now == null ? List.of() : now.functions());
                table.sort();
            } finally {
                syncing = false;
            }
            table.setTooltip(now == null ? null : new Tooltip("Weights in " + now.unit().symbol()
                    + (now.isNormalized() ? "; baseline scaled to the candidate's total" : "")));
            fitColumns(now);
            updateCaption();
            selectInTable(selectedFunction.get());
        });

        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().addAll(caption, filter, table);
        setSpacing(4);
        updateCaption();
    }

    private TableColumn<FunctionDiff, Long> weightColumn(String title, ToLongFunction<FunctionDiff> value) {
        TableColumn<FunctionDiff, Long> col = new TableColumn<>(title);
        col.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.applyAsLong(c.getValue())));
        col.setComparator(Comparator.naturalOrder());
        col.setCellFactory(c -> new WeightCell());
        col.getStyleClass().add("weight-column");
        col.setPrefWidth(56);
        col.setMinWidth(46);
        weightColumns.add(col);
        return col;
    }

    private TableColumn<FunctionDiff, Long> changeColumn(String title, ToLongFunction<FunctionDiff> value) {
        TableColumn<FunctionDiff, Long> col = new TableColumn<>(title);
        col.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.applyAsLong(c.getValue())));
        col.setComparator(Comparator.naturalOrder());
        col.setCellFactory(c -> new ChangeCell());
        col.getStyleClass().add("weight-column");
        col.setPrefWidth(58);
        col.setMinWidth(46);
        changeColumns.add(col);
        return col;
    }

    /** Makes each number column as wide as its widest value, so no number, sign or unit is cut. */
    private void fitColumns(ProfileDiff d) {
        if (d == null) {
            return;
        }
        List<FunctionDiff> rows = d.functions();
        List<ToLongFunction<FunctionDiff>> weights = List.of(FunctionDiff::baselineSelf, FunctionDiff::baselineTotal,
                FunctionDiff::candidateSelf, FunctionDiff::candidateTotal);
        for (int i = 0; i < weightColumns.size(); i++) {
            ToLongFunction<FunctionDiff> w = weights.get(i);
            ColumnFit.fit(weightColumns.get(i), rows, r -> compact(w.applyAsLong(r)));
        }
        List<ToLongFunction<FunctionDiff>> changes = List.of(FunctionDiff::selfChange, FunctionDiff::change);
        for (int i = 0; i < changeColumns.size(); i++) {
            ToLongFunction<FunctionDiff> c = changes.get(i);
            ColumnFit.fit(changeColumns.get(i), rows, r -> signed(c.applyAsLong(r)));
        }
        ColumnFit.fit(percentColumn, rows, r -> DiffText.percent(r.change(), r.baselineTotal()));
    }

    private String signed(long change) {
        WeightUnit unit = unit();
        return unit == WeightUnit.SAMPLES || unit == WeightUnit.EVENTS ? DiffText.signedCount(change)
                : DiffText.signed(unit, change);
    }

    private void updateCaption() {
        ProfileDiff d = diff.get();
        String order = table.getSortOrder().isEmpty() ? "largest absolute change first"
                : "sorted by " + columnTitle(table.getSortOrder().get(0));
        caption.setText(d == null ? "Functions" : String.format(Locale.ROOT, "%,d functions, %s", functions.size(),
                order));
    }

    private static String columnTitle(TableColumn<?, ?> column) {
        TableColumnBase<?, ?> parent = column.getParentColumn();
        return (parent == null ? "" : parent.getText().toLowerCase(Locale.ROOT) + " ")
                + column.getText().toLowerCase(Locale.ROOT);
    }

    private void applyFilter(String text) {
        filtered.setPredicate(NamedRows.containing(text, FunctionDiff::name));
    }

    private void selectInTable(String name) {
        if (syncing) {
            return;
        }
        syncing = true;
        try {
            NamedRows.select(table, name, FunctionDiff::name);
        } finally {
            syncing = false;
        }
    }

    /** The table, for tests. */
    public TableView<FunctionDiff> table() {
        return table;
    }

    /** The column of total change, candidate minus baseline. */
    public TableColumn<FunctionDiff, Long> changeColumn() {
        return change;
    }

    public TextField filterField() {
        return filter;
    }

    public Label caption() {
        return caption;
    }

    public ObjectProperty<ProfileDiff> diffProperty() {
        return diff;
    }

    public StringProperty selectedFunctionProperty() {
        return selectedFunction;
    }

    private WeightUnit unit() {
        ProfileDiff d = diff.get();
        return d == null ? WeightUnit.SAMPLES : d.unit();
    }

    /** A weight without the unit where the header names it (samples, events). */
    private String compact(long weight) {
        WeightUnit unit = unit();
        return unit == WeightUnit.SAMPLES || unit == WeightUnit.EVENTS
                ? String.format(Locale.ROOT, "%,d", weight) : unit.format(weight);
    }

    private final class WeightCell extends TableCell<FunctionDiff, Long> {
        WeightCell() {
            getStyleClass().add("weight-cell");
        }

        @Override
        protected void updateItem(Long item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : compact(item));
        }
    }

    private final class ChangeCell extends TableCell<FunctionDiff, Long> {
        ChangeCell() {
            getStyleClass().add("weight-cell");
        }

        @Override
        protected void updateItem(Long item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().removeAll("grew", "shrank");
            if (empty || item == null) {
                setText(null);
                return;
            }
            setText(signed(item));
            if (item != 0) {
                getStyleClass().add(item > 0 ? "grew" : "shrank");
            }
        }
    }

    private static final class PercentCell extends TableCell<FunctionDiff, Double> {
        PercentCell() {
            getStyleClass().add("weight-cell");
        }

        @Override
        protected void updateItem(Double item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().removeAll("grew", "shrank", "new-function");
            FunctionDiff row = empty || getTableRow() == null ? null : getTableRow().getItem();
            if (empty || item == null || row == null) {
                setText(null);
                return;
            }
            setText(DiffText.percent(row.change(), row.baselineTotal()));
            if (row.isNew()) {
                getStyleClass().add("new-function");
            } else if (row.change() != 0) {
                getStyleClass().add(row.change() > 0 ? "grew" : "shrank");
            }
        }
    }

    /** A function name, cut at its start when narrow, so the method and any {@code file:line} stay readable. */
    private static final class NameCell extends TableCell<FunctionDiff, String> {
        NameCell() {
            setTextOverrun(OverrunStyle.LEADING_ELLIPSIS);
            CellTooltips.install(this, () -> {
                FunctionDiff row = getTableRow() == null ? null : getTableRow().getItem();
                String note = row == null ? "" : row.isNew() ? "\nNew in the candidate"
                        : row.isGone() ? "\nGone from the candidate" : "";
                return getItem() == null ? null : getItem() + note;
            });
        }

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().removeAll("new-function", "gone-function");
            FunctionDiff row = empty || getTableRow() == null ? null : getTableRow().getItem();
            setText(empty ? null : item);
            if (empty || item == null) {
                setTooltip(null);
                return;
            }
            if (row != null && row.isNew()) {
                getStyleClass().add("new-function");
            } else if (row != null && row.isGone()) {
                getStyleClass().add("gone-function");
            }
        }
    }
}
