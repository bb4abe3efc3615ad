package dev.perfdesk.viewers.flame;

import java.util.List;
import java.util.Locale;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

import dev.perfdesk.core.calltree.CallTree;
import dev.perfdesk.core.calltree.CallTreeNavigation;
import dev.perfdesk.core.flame.FlameViewState;
import dev.perfdesk.viewers.Toolbars;

/**
 * The call tree of a flame graph's view as an expandable table, as Firefox Profiler's Call Tree and hotspot show
 * it: top-down (callers above their callees) or bottom-up (each function where time is spent, its callers below),
 * total and self in the profile's unit and as a share of all, children heaviest first. Rows are made only when
 * their parent is expanded, so a tree of 200,000 nodes opens at once.
 *
 * <p>Keys: Right and Left expand and collapse (the table's own), {@code *} expands the hottest path below the
 * selected row, Enter in the search steps to the next match (Shift+Enter to the previous).
 *
 * <pre>{@code
 * CallTreeView calls = new CallTreeView(new CallTreeViewModel(executor, LatestWins.fxThread()));
 * calls.getViewModel().stateProperty().bind(flameViewModel.stateProperty());
 * calls.selectedFunctionProperty().addListener((o, was, now) -> table.select(now));
 * }</pre>
 */
public class CallTreeView extends BorderPane {
    private final CallTreeViewModel viewModel;
    private final TreeTableView<Integer> table = new TreeTableView<>();
    private final ToggleButton topDown = new ToggleButton("Top-down");
    private final ToggleButton bottomUp = new ToggleButton("Bottom-up");
    private final Button hottest = new Button("Expand hottest path");
    private final Button collapse = new Button("Collapse all");
    private final TextField search = new TextField();
    private final Label matchLabel = new Label();
    private final StringProperty selectedFunction = new SimpleStringProperty(this, "selectedFunction");
    private int matchIndex = -1;
    private java.util.function.Consumer<String> onSandwich = fn -> { };

    public CallTreeView(CallTreeViewModel viewModel) {
        this.viewModel = viewModel;
        getStyleClass().add("call-tree-view");

        ToggleGroup direction = new ToggleGroup();
        topDown.setToggleGroup(direction);
        bottomUp.setToggleGroup(direction);
        topDown.setSelected(true);
        topDown.setTooltip(new Tooltip("From the root: each function above the functions it called"));
        bottomUp.setTooltip(new Tooltip("From the leaves: each function where time is spent, its callers below"));
        Toolbars.keepOneSelected(direction);
        bottomUp.selectedProperty().bindBidirectional(viewModel.bottomUpProperty());
        hottest.setTooltip(new Tooltip("Expand the heaviest path below the selected row (*)"));
        hottest.setOnAction(e -> expandHottestPath());
        collapse.setOnAction(e -> collapseAll());
        search.setPromptText("Search the tree");
        search.setPrefColumnCount(18);
        search.textProperty().bindBidirectional(viewModel.queryProperty());
        search.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                step(e.isShiftDown() ? -1 : 1);
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                search.clear();
                e.consume();
            }
        });
        matchLabel.getStyleClass().add("call-tree-matches");
        matchLabel.setMinWidth(Region.USE_PREF_SIZE);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, Toolbars.segmented(topDown, bottomUp), hottest, collapse, spacer, search, matchLabel);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 8, 4, 8));
        bar.getStyleClass().add("call-tree-toolbar");
        setTop(bar);

        TreeTableColumn<Integer, Long> total = weightColumn("Total", true, false);
        TreeTableColumn<Integer, Long> totalPct = weightColumn("Total %", true, true);
        TreeTableColumn<Integer, Long> self = weightColumn("Self", false, false);
        TreeTableColumn<Integer, Long> selfPct = weightColumn("Self %", false, true);
        TreeTableColumn<Integer, String> name = new TreeTableColumn<>("Function");
        name.setCellValueFactory(c -> {
            CallTree t = viewModel.getTree();
            return new ReadOnlyObjectWrapper<>(t == null ? "" : t.name(c.getValue().getValue()));
        });
        name.setCellFactory(c -> new NameCell());
        name.setPrefWidth(600);
        name.setSortable(false);
        table.getColumns().add(total);
        table.getColumns().add(totalPct);
        table.getColumns().add(self);
        table.getColumns().add(selfPct);
        table.getColumns().add(name);
        table.setColumnResizePolicy(TreeTableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setTreeColumn(name);
        table.setShowRoot(true);
        table.setPlaceholder(new Label("Building the call tree\u2026"));
        table.getStyleClass().add("call-tree-table");
        table.setOnKeyPressed(e -> {
            if ("*".equals(e.getText())) {
                expandHottestPath();
                e.consume();
            }
        });
        javafx.scene.control.MenuItem sandwichItem = new javafx.scene.control.MenuItem(
                "Show callers and callees (sandwich)");
        sandwichItem.setOnAction(e -> {
            String fn = selectedFunction.get();
            if (fn != null) {
                onSandwich.accept(fn);
            }
        });
        table.setContextMenu(new javafx.scene.control.ContextMenu(sandwichItem));
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            CallTree t = viewModel.getTree();
            selectedFunction.set(now == null || t == null || now.getValue() == CallTree.ROOT ? null
                    : t.name(now.getValue()));
        });
        setCenter(table);

        viewModel.treeProperty().addListener((o, was, now) -> show(now));
        viewModel.matchesProperty().addListener((o, was, now) -> {
            matchIndex = -1;
            updateMatchLabel();
            if (!now.isEmpty()) {
                step(1);
            }
        });
        viewModel.errorProperty().addListener((o, was, now) -> {
            if (now != null) {
                table.setPlaceholder(new Label(now));
            }
        });
        show(viewModel.getTree());
    }

    private TreeTableColumn<Integer, Long> weightColumn(String title, boolean totalWeight, boolean percent) {
        TreeTableColumn<Integer, Long> c = new TreeTableColumn<>(title);
        c.setCellValueFactory(cell -> {
            CallTree t = viewModel.getTree();
            int node = cell.getValue().getValue();
            return new ReadOnlyObjectWrapper<>(t == null ? 0L : totalWeight ? t.total(node) : t.self(node));
        });
        c.setCellFactory(col -> new TreeTableCell<>() {
            @Override
            protected void updateItem(Long weight, boolean empty) {
                super.updateItem(weight, empty);
                FlameViewState s = viewModel.stateProperty().get();
                CallTree t = viewModel.getTree();
                if (empty || weight == null || s == null || t == null) {
                    setText(null);
                    return;
                }
                setText(percent ? FlameViewState.percent(weight, t.total(CallTree.ROOT)) : s.format(weight));
            }
        });
        c.getStyleClass().add("number-column");
        c.setStyle("-fx-alignment: CENTER-RIGHT;");
        c.setSortable(false);
        c.setPrefWidth(percent ? 72 : 118);
        c.setMinWidth(percent ? 64 : 96);
        return c;
    }

    private void show(CallTree tree) {
        if (tree == null) {
            table.setRoot(null);
            return;
        }
        NodeItem root = new NodeItem(tree, CallTree.ROOT);
        table.setRoot(root);
        root.setExpanded(true);
        // Open on the hottest path, as a profiler's call tree does, with the root selected.
        expandPath(root, CallTreeNavigation.hottestPath(tree, CallTree.ROOT));
        table.getSelectionModel().select(root);
        matchIndex = -1;
        updateMatchLabel();
    }

    /** Expands the hottest path below the selected row (or the root). */
    public void expandHottestPath() {
        CallTree tree = viewModel.getTree();
        TreeItem<Integer> from = table.getSelectionModel().getSelectedItem();
        if (tree == null || table.getRoot() == null) {
            return;
        }
        if (from == null) {
            from = table.getRoot();
        }
        int[] path = CallTreeNavigation.hottestPath(tree, from.getValue());
        TreeItem<Integer> last = expandPath(from, path);
        table.getSelectionModel().select(last);
        table.scrollTo(Math.max(0, table.getRow(last) - 3));
    }

    /** Expands {@code path} (starting at {@code from}'s node) and returns the item of its last node. */
    private static TreeItem<Integer> expandPath(TreeItem<Integer> from, int[] path) {
        TreeItem<Integer> item = from;
        for (int k = 1; k < path.length; k++) {
            item.setExpanded(true);
            TreeItem<Integer> next = childWith(item, path[k]);
            if (next == null) {
                break;
            }
            item = next;
        }
        return item;
    }

    private static TreeItem<Integer> childWith(TreeItem<Integer> parent, int node) {
        for (TreeItem<Integer> c : parent.getChildren()) {
            if (c.getValue() == node) {
                return c;
            }
        }
        return null;
    }

    private void collapseAll() {
        TreeItem<Integer> root = table.getRoot();
        if (root == null) {
            return;
        }
        collapse(root);
        root.setExpanded(true);
        table.getSelectionModel().select(root);
        table.scrollTo(0);
    }

    private static void collapse(TreeItem<Integer> item) {
        if (item instanceof NodeItem n && !n.loaded) {
            return;
        }
        for (TreeItem<Integer> c : item.getChildren()) {
            collapse(c);
        }
        item.setExpanded(false);
    }

    /** Shows and selects the next ({@code +1}) or previous ({@code -1}) match of the search. */
    public void step(int direction) {
        List<Integer> matches = viewModel.matchesProperty().get();
        if (matches.isEmpty()) {
            return;
        }
        matchIndex = Math.floorMod(matchIndex + direction, matches.size());
        reveal(matches.get(matchIndex));
        updateMatchLabel();
    }

    /** Expands the rows above {@code node}, then selects and scrolls to it. */
    public void reveal(int node) {
        CallTree tree = viewModel.getTree();
        if (tree == null || table.getRoot() == null) {
            return;
        }
        TreeItem<Integer> item = table.getRoot();
        for (int step : CallTreeNavigation.ancestry(tree, node)) {
            item.setExpanded(true);
            TreeItem<Integer> next = childWith(item, step);
            if (next == null) {
                return;
            }
            item = next;
        }
        table.getSelectionModel().select(item);
        table.scrollTo(Math.max(0, table.getRow(item) - 3));
    }

    private void updateMatchLabel() {
        List<Integer> matches = viewModel.matchesProperty().get();
        String q = viewModel.queryProperty().get();
        if (q == null || q.isBlank()) {
            matchLabel.setText("");
        } else if (matches.isEmpty()) {
            matchLabel.setText("No match");
        } else {
            String count = matches.size() >= CallTreeViewModel.MAX_MATCHES
                    ? String.format(Locale.ROOT, "%,d+", matches.size())
                    : String.format(Locale.ROOT, "%,d", matches.size());
            matchLabel.setText((matchIndex + 1) + " of " + count);
        }
    }

    /** What "Show callers and callees" on a row does with its function (the pane opens its sandwich). */
    public void setOnSandwich(java.util.function.Consumer<String> handler) {
        onSandwich = handler;
    }

    public CallTreeViewModel getViewModel() {
        return viewModel;
    }

    /** The table, for tests. */
    public TreeTableView<Integer> table() {
        return table;
    }

    /** The search field; Ctrl+F of a window may focus it. */
    public TextField searchField() {
        return search;
    }

    /** The function of the selected row (null for the root or nothing). */
    public StringProperty selectedFunctionProperty() {
        return selectedFunction;
    }

    /** A row of the tree whose children are made when first asked for. */
    private static final class NodeItem extends TreeItem<Integer> {
        private final CallTree tree;
        private boolean loaded;

        NodeItem(CallTree tree, int node) {
            super(node);
            this.tree = tree;
        }

        @Override
        public boolean isLeaf() {
            return tree.firstChild(getValue()) < 0;
        }

        @Override
        public ObservableList<TreeItem<Integer>> getChildren() {
            if (!loaded) {
                loaded = true;
                int[] children = CallTreeNavigation.childrenByTotal(tree, getValue());
                NodeItem[] items = new NodeItem[children.length];
                for (int k = 0; k < children.length; k++) {
                    items[k] = new NodeItem(tree, children[k]);
                }
                super.getChildren().setAll(items);
            }
            return super.getChildren();
        }
    }

    /** The function name, its full text in a tooltip. */
    private static final class NameCell extends TreeTableCell<Integer, String> {
        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setText(null);
                setTooltip(null);
                return;
            }
            setText(item);
            setTooltip(new Tooltip(item));
        }
    }
}
