package dev.perfdesk.viewers.flame;

import javafx.geometry.Insets;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import dev.perfdesk.core.calltree.CallTree;
import dev.perfdesk.core.flame.FlameViewState;
import dev.perfdesk.core.flame.Sandwich;

/**
 * A function's callers above and its callees below, as speedscope's sandwich view: the upper flame graph grows up
 * from the function through its calling contexts, the lower one grows down from it through what it called. Both
 * totals are the function's total. Right-click a frame of either half to put that function in the middle.
 */
public class SandwichView extends BorderPane {
    private final SandwichViewModel viewModel;
    private java.util.function.Consumer<String> onChoose;
    private final FlameGraphView callers = new FlameGraphView();
    private final FlameGraphView callees = new FlameGraphView();
    private final Label callersTitle = new Label();
    private final Label calleesTitle = new Label();
    private final Label placeholder = new Label("Select a function in the graph, the table or the call tree to see "
            + "its callers and callees here.");

    public SandwichView(SandwichViewModel viewModel) {
        this.viewModel = viewModel;
        this.onChoose = viewModel.functionProperty()::set;
        getStyleClass().add("sandwich-view");
        callees.setIcicle(true);
        callersTitle.getStyleClass().add("sandwich-title");
        calleesTitle.getStyleClass().add("sandwich-title");
        for (Label l : new Label[] {callersTitle, calleesTitle}) {
            l.setPadding(new Insets(4, 8, 2, 8));
            l.setMaxWidth(Double.MAX_VALUE);
        }
        callers.setContextMenuFactory(node -> menu(callers, node));
        callees.setContextMenuFactory(node -> menu(callees, node));
        VBox halves = new VBox(callersTitle, callers, calleesTitle, callees);
        VBox.setVgrow(callers, Priority.ALWAYS);
        VBox.setVgrow(callees, Priority.ALWAYS);
        placeholder.setWrapText(true);
        placeholder.getStyleClass().add("sandwich-placeholder");
        StackPane centre = new StackPane(halves, placeholder);
        setCenter(centre);
        viewModel.sandwichProperty().addListener((o, was, now) -> show(now));
        viewModel.errorProperty().addListener((o, was, now) -> {
            if (now != null) {
                placeholder.setText(now);
                placeholder.setVisible(true);
            }
        });
        show(viewModel.getSandwich());
    }

    private void show(Sandwich s) {
        boolean has = s != null;
        placeholder.setVisible(!has);
        callers.getParent().setVisible(has);
        callers.setState(has ? s.callers() : null);
        callees.setState(has ? s.callees() : null);
        if (has) {
            FlameViewState v = s.callees();
            String total = v.format(s.total());
            callersTitle.setText("Callers of " + s.function() + " \u2014 " + total + ", growing up from the function");
            calleesTitle.setText("Callees of " + s.function() + " \u2014 " + total
                    + ", growing down from the function");
            callers.resetZoom();
            callees.resetZoom();
        }
    }

    private ContextMenu menu(FlameGraphView view, int node) {
        FlameViewState st = view.getState();
        if (st == null || node <= CallTree.ROOT || node >= st.tree().size()) {
            return null;
        }
        String name = st.tree().name(node);
        MenuItem middle = new MenuItem("Sandwich " + (name.length() > 60 ? name.substring(0, 59) + "\u2026" : name));
        middle.setOnAction(e -> onChoose.accept(name));
        return new ContextMenu(middle);
    }

    /** What choosing a frame's function does; by default it puts that function in the middle. */
    public void setOnChoose(java.util.function.Consumer<String> handler) {
        onChoose = handler;
    }

    public SandwichViewModel getViewModel() {
        return viewModel;
    }

    /** The callers' flame graph, for tests. */
    public FlameGraphView callers() {
        return callers;
    }

    /** The callees' flame graph, for tests. */
    public FlameGraphView callees() {
        return callees;
    }
}
