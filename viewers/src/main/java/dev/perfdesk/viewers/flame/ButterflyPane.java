package dev.perfdesk.viewers.flame;

import java.util.List;
import java.util.function.Consumer;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import dev.perfdesk.core.flame.Butterfly;
import dev.perfdesk.core.flame.FlameViewState;
import dev.perfdesk.viewers.CellTooltips;
import dev.perfdesk.viewers.ColumnFit;

/**
 * Callers above, the function in the middle, callees below: the butterfly of the selected function. Double-click a
 * caller or callee to select it instead.
 */
public class ButterflyPane extends VBox {
    private final Label callersTitle = new Label("Callers \u25B2");
    private final Label function = new Label("Select a function to see its callers and callees");
    private final Label calleesTitle = new Label("Callees \u25BC");
    private final TableView<Butterfly.Edge> callers = edgeTable("No callers");
    private final TableView<Butterfly.Edge> callees = edgeTable("No callees");
    private FlameViewState state;
    private Butterfly butterfly;
    private Consumer<String> onNavigate = fn -> { };

    public ButterflyPane() {
        getStyleClass().add("butterfly-pane");
        callersTitle.getStyleClass().add("butterfly-title");
        calleesTitle.getStyleClass().add("butterfly-title");
        function.getStyleClass().add("butterfly-function");
        function.setWrapText(true);
        function.setMinHeight(Region.USE_PREF_SIZE);
        function.setMaxWidth(Double.MAX_VALUE);
        VBox.setVgrow(callers, Priority.ALWAYS);
        VBox.setVgrow(callees, Priority.ALWAYS);
        getChildren().addAll(callersTitle, callers, function, calleesTitle, callees);
        setSpacing(3);
    }

    private TableView<Butterfly.Edge> edgeTable(String placeholder) {
        TableView<Butterfly.Edge> t = new TableView<>();
        t.getStyleClass().add("butterfly-table");
        TableColumn<Butterfly.Edge, String> name = new TableColumn<>("Function");
        name.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().name()));
        name.setCellFactory(c -> new TableCell<>() {
            {
                setTextOverrun(OverrunStyle.LEADING_ELLIPSIS);
                CellTooltips.install(this, this::getItem);
            }

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
            }
        });
        TableColumn<Butterfly.Edge, Long> weight = new TableColumn<>("Weight");
        weight.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().weight()));
        weight.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Long item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null || state == null) {
                    setText(null);
                } else {
                    setText(weightText(item));
                }
            }
        });
        weight.getStyleClass().add("weight-column");
        name.setPrefWidth(200);
        weight.setPrefWidth(130);
        t.getColumns().add(name);
        t.getColumns().add(weight);
        ColumnFit.fillWith(t, name, 100);
        t.setPlaceholder(new Label(placeholder));
        t.setRowFactory(tv -> {
            TableRow<Butterfly.Edge> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !row.isEmpty()
                        && !Butterfly.ROOT_CALLER.equals(row.getItem().name())) {
                    onNavigate.accept(row.getItem().name());
                }
            });
            return row;
        });
        return t;
    }

    void setState(FlameViewState newState) {
        state = newState;
    }

    private String weightText(long weight) {
        return state.format(weight) + "  " + FlameViewState.percent(weight, state.totalWeight());
    }

    /** Fixes the weight column of {@code t} to the widest of {@code edges}, so no weight is cut. */
    private void fitWeights(TableView<Butterfly.Edge> t, List<Butterfly.Edge> edges) {
        if (state != null && !edges.isEmpty()) {
            ColumnFit.fit(t.getColumns().get(1), edges, e -> weightText(e.weight()));
        }
    }

    /** Shows {@code b}, or the hint when null. */
    public void setButterfly(Butterfly b) {
        butterfly = b;
        if (b == null) {
            function.setText("Select a function to see its callers and callees");
            callers.setItems(FXCollections.observableArrayList());
            callees.setItems(FXCollections.observableArrayList());
            return;
        }
        String shares = state == null ? "" : "\nTotal " + state.format(b.total()) + " ("
                + FlameViewState.percent(b.total(), b.grandTotal()) + "), self " + state.format(b.self()) + " ("
                + FlameViewState.percent(b.self(), b.grandTotal()) + ")";
        function.setText(b.function() + shares);
        fitWeights(callers, b.callers());
        fitWeights(callees, b.callees());
        callers.setItems(FXCollections.observableArrayList(b.callers()));
        callees.setItems(FXCollections.observableArrayList(b.callees()));
    }

    public Butterfly getButterfly() {
        return butterfly;
    }

    /** Called with a function name when a caller or callee is double-clicked. */
    public void setOnNavigate(Consumer<String> handler) {
        onNavigate = handler == null ? fn -> { } : handler;
    }

    public TableView<Butterfly.Edge> callersTable() {
        return callers;
    }

    public TableView<Butterfly.Edge> calleesTable() {
        return callees;
    }

    List<Label> labels() {
        return List.of(callersTitle, function, calleesTitle);
    }
}
