package dev.perfdesk.viewers.flame;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import org.controlsfx.control.CheckComboBox;

import dev.perfdesk.core.calltree.CallTree;
import dev.perfdesk.core.flame.ColorMode;
import dev.perfdesk.core.flame.FlameSearch;
import dev.perfdesk.core.flame.FlameViewState;
import dev.perfdesk.core.flame.StackTransform;
import dev.perfdesk.core.model.Profile;
import dev.perfdesk.core.model.ThreadInfo;
import dev.perfdesk.core.naming.FrameNamers;
import dev.perfdesk.viewers.Toolbars;

/**
 * The flame graph workspace: a toolbar (flame or icicle, top-down or reversed, colours, threads, search with regex
 * and case toggles, previous/next match, matched share, export), the zoom breadcrumb, removable transform chips, the
 * legend, the graph and the function table side by side, and a status line.
 *
 * <pre>{@code
 * FlameGraphPane pane = new FlameGraphPane();
 * pane.setProfile(profile);
 * scene.getStylesheets().add(FlameGraphPane.DARK_THEME);
 * pane.exportSvg(Path.of("flame.svg"));
 * }</pre>
 */
public class FlameGraphPane extends BorderPane {
    /** The light theme's stylesheet URL, for {@code scene.getStylesheets()}. */
    public static final String LIGHT_THEME = theme("theme-light.css");
    /** The dark theme's stylesheet URL. */
    public static final String DARK_THEME = theme("theme-dark.css");

    private static final int MAX_CRUMBS = 6;
    private static final int MAX_CRUMB_CHARS = 38;

    private final FlameGraphViewModel viewModel;
    /** The executor this pane created and so shuts down, or null. */
    private final ExecutorService ownExecutor;
    private final FlameGraphView graph = new FlameGraphView();
    private final FunctionTableView functionTable = new FunctionTableView();
    private SplitPane split;
    private final TabPane views = new TabPane();
    private final CallTreeView callTree;
    private final SandwichView sandwich;

    private final ToggleButton flameButton = new ToggleButton("Flame");
    private final ToggleButton icicleButton = new ToggleButton("Icicle");
    private final ToggleButton topDownButton = new ToggleButton("Top-down");
    private final ToggleButton reversedButton = new ToggleButton("Reversed");
    private final ToggleButton linesButton = new ToggleButton("Lines");
    private final ChoiceBox<ColorMode> colorMode = new ChoiceBox<>();
    private final CheckComboBox<ThreadInfo> threads = new CheckComboBox<>();
    private final Label threadsLabel = new Label("Threads");
    private final FrameSearchBar search;
    private final ExportMenu exportButton;
    private final HBox breadcrumb = new HBox();
    private final FlowPane chips = new FlowPane();
    private final FlameLegend legend = new FlameLegend();
    private final Label status = new Label();
    private final VBox loadingOverlay = new VBox();
    private boolean updatingThreads;

    /** A pane computing on its own background thread, which {@link #dispose()} stops. */
    public FlameGraphPane() {
        this(FlameGraphViewModel.defaultExecutor(), true);
    }

    /** A pane computing on {@code own}, which {@link #dispose()} shuts down when {@code owned}. */
    FlameGraphPane(ExecutorService own, boolean owned) {
        this(new FlameGraphViewModel(own), owned ? own : null);
    }

    /** A pane computing on {@code executor}; {@code Runnable::run} computes on the calling thread. */
    public FlameGraphPane(Executor executor) {
        this(new FlameGraphViewModel(executor));
    }

    /** A pane showing {@code viewModel}, whose executor stays its creator's to shut down. */
    public FlameGraphPane(FlameGraphViewModel viewModel) {
        this(viewModel, null);
    }

    private FlameGraphPane(FlameGraphViewModel viewModel, ExecutorService ownExecutor) {
        this.viewModel = viewModel;
        this.ownExecutor = ownExecutor;
        this.search = new FrameSearchBar("Search frames (Ctrl+F)", 16, viewModel.queryProperty()::set);
        this.exportButton = new ExportMenu(this, () -> viewModel.getState() != null, status::setText, List.of(
                new ExportMenu.Item("Interactive SVG\u2026", "SVG image", "*.svg", "flame.svg", this::exportSvg),
                new ExportMenu.Item("PNG image\u2026", "PNG image", "*.png", "flame.png", this::exportPng),
                new ExportMenu.Item("Folded stacks\u2026", "Folded stacks", "*.folded", "flame.folded",
                        this::exportFolded)));
        getStyleClass().add("flame-graph-pane");
        getStylesheets().add(FlameGraphPane.class.getResource("flame-graph-pane.css").toExternalForm());
        setTop(new VBox(buildToolbar(), breadcrumb, chips));
        breadcrumb.getStyleClass().add("breadcrumb-bar");
        breadcrumb.setAlignment(Pos.CENTER_LEFT);
        chips.getStyleClass().add("transform-chips");
        status.getStyleClass().add("flame-status");
        status.setMaxWidth(Double.MAX_VALUE);
        setBottom(status);

        VBox graphBox = new VBox(graph, legend);
        VBox.setVgrow(graph, Priority.ALWAYS);
        graphBox.getStyleClass().add("flame-graph-box");
        split = new SplitPane(graphBox, functionTable);
        split.setDividerPositions(0.6);
        SplitPane.setResizableWithParent(functionTable, false);
        // While the first state is computed, a spinner over the (empty) graph and table says so.
        javafx.scene.control.ProgressIndicator spinner = new javafx.scene.control.ProgressIndicator();
        spinner.setMaxSize(40, 40);
        Label building = new Label("Building the flame graph\u2026");
        building.getStyleClass().add("flame-loading-label");
        loadingOverlay.getChildren().addAll(spinner, building);
        loadingOverlay.setAlignment(Pos.CENTER);
        loadingOverlay.setSpacing(10);
        loadingOverlay.setMouseTransparent(true);
        loadingOverlay.getStyleClass().add("flame-loading");
        loadingOverlay.visibleProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> viewModel.getState() == null && viewModel.busyProperty().get(),
                viewModel.stateProperty(), viewModel.busyProperty()));
        functionTable.loadingProperty().bind(loadingOverlay.visibleProperty());
        // The call tree shows the same view as the graph; picking a row selects its function in the table too.
        callTree = new CallTreeView(viewModel.newCallTree());
        callTree.selectedFunctionProperty().addListener((o, was, now) -> {
            if (now != null) {
                viewModel.selectedFunctionProperty().set(now);
            }
        });
        sandwich = new SandwichView(viewModel.newSandwich());
        sandwich.setOnChoose(viewModel.selectedFunctionProperty()::set);
        callTree.setOnSandwich(this::showSandwich);
        Tab graphTab = new Tab("Flame graph", new javafx.scene.layout.StackPane(split, loadingOverlay));
        Tab treeTab = new Tab("Call tree", callTree);
        Tab sandwichTab = new Tab("Sandwich", sandwich);
        views.getTabs().setAll(graphTab, treeTab, sandwichTab);
        views.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        views.getStyleClass().add("flame-views");
        setCenter(views);
        bind();
    }

    private static String theme(String file) {
        return FlameGraphPane.class.getResource("/dev/perfdesk/viewers/" + file).toExternalForm();
    }

    private FlowPane buildToolbar() {
        ToggleGroup orientation = new ToggleGroup();
        flameButton.setToggleGroup(orientation);
        icicleButton.setToggleGroup(orientation);
        flameButton.setSelected(true);
        flameButton.setTooltip(new Tooltip("Root at the bottom"));
        icicleButton.setTooltip(new Tooltip("Root at the top"));
        Toolbars.keepOneSelected(orientation);
        ToggleGroup merge = new ToggleGroup();
        topDownButton.setToggleGroup(merge);
        reversedButton.setToggleGroup(merge);
        topDownButton.setSelected(true);
        topDownButton.setTooltip(new Tooltip("Stacks merged from the root: callers below callees"));
        reversedButton.setTooltip(new Tooltip("Stacks merged from the leaf: where time is spent, with its callers"));
        Toolbars.keepOneSelected(merge);
        linesButton.setTooltip(new Tooltip("Line numbers: frames named method:line, so a method at two lines is two "
                + "frames"));
        linesButton.setVisible(false);
        linesButton.setManaged(false);

        colorMode.getItems().setAll(ColorMode.values());
        colorMode.setValue(ColorMode.KIND);
        colorMode.setConverter(new StringConverter<>() {
            @Override
            public String toString(ColorMode m) {
                return m == null ? "" : "Colour: " + m.label();
            }

            @Override
            public ColorMode fromString(String s) {
                return null;
            }
        });

        threads.setConverter(new StringConverter<>() {
            @Override
            public String toString(ThreadInfo t) {
                return t == null ? "" : t.label();
            }

            @Override
            public ThreadInfo fromString(String s) {
                return null;
            }
        });
        threads.setTitle("All threads");
        threads.setPrefWidth(150);

        HBox orientationBox = Toolbars.segmented(flameButton, icicleButton);
        HBox mergeBox = Toolbars.segmented(topDownButton, reversedButton);
        HBox threadBox = new HBox(6, threadsLabel, threads);
        threadBox.setAlignment(Pos.CENTER_LEFT);
        HBox findBox = new HBox(6, search, exportButton);
        findBox.setAlignment(Pos.CENTER_LEFT);
        // Groups that wrap to a second row when the pane is narrow, rather than hiding the search in an overflow.
        FlowPane bar = new FlowPane(10, 4, orientationBox, mergeBox, colorMode, linesButton, threadBox, findBox);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("tool-bar");
        bar.getStyleClass().add("flame-toolbar");
        return bar;
    }

    private void bind() {
        FlameGraphViewModel vm = viewModel;
        graph.stateProperty().bind(vm.stateProperty());
        graph.zoomNodeProperty().bindBidirectional(vm.zoomNodeProperty());
        graph.searchResultProperty().bind(vm.searchResultProperty());
        graph.highlightedNameProperty().bind(vm.highlightedNameProperty());
        graph.currentMatchProperty().bind(vm.currentMatchProperty());
        graph.icicleProperty().bind(icicleButton.selectedProperty());
        graph.setContextMenuFactory(this::contextMenu);
        // A clicked frame's function is selected in the table, so its callers and callees show beside the graph.
        graph.setOnFrameClicked(node -> {
            FlameViewState st = vm.getState();
            if (st != null && node > CallTree.ROOT && node < st.tree().size()) {
                vm.selectedFunctionProperty().set(st.tree().name(node));
            }
        });

        functionTable.stateProperty().bind(vm.stateProperty());
        functionTable.selectedFunctionProperty().bindBidirectional(vm.selectedFunctionProperty());
        functionTable.butterflyProperty().bind(vm.butterflyProperty());

        reversedButton.selectedProperty().addListener((o, was, now) -> vm.setReversed(now));
        linesButton.selectedProperty().addListener((o, was, now) -> vm.setLines(now));
        // Only profiles whose frames know their line (JFR) have line numbers to show.
        vm.profileProperty().addListener((o, was, now) -> {
            boolean lines = now != null && FrameNamers.hasLineNumbers(now);
            linesButton.setVisible(lines);
            linesButton.setManaged(lines);
        });
        colorMode.valueProperty().addListener((o, was, now) -> {
            if (now != null) {
                vm.setColorMode(now);
            }
        });
        threads.getCheckModel().getCheckedIndices().addListener((ListChangeListener<Integer>) c -> {
            if (updatingThreads) {
                return;
            }
            Set<Integer> chosen = new HashSet<>(threads.getCheckModel().getCheckedIndices());
            threads.setTitle(chosen.isEmpty() ? "All threads"
                    : chosen.size() == 1 ? threads.getItems().get(chosen.iterator().next()).label()
                    : chosen.size() + " threads");
            vm.setThreads(chosen);
        });

        search.setOnStep(this::step);
        search.setOnLeave(graph::requestFocus);
        addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.F && e.isShortcutDown()) {
                search.focus();
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                graph.resetZoom();
                vm.clearSearchAndSelection();
                search.clearText();
                e.consume();
            }
        });

        vm.stateProperty().addListener((o, was, now) -> onState(was, now));
        vm.zoomNodeProperty().addListener(o -> {
            updateBreadcrumb();
            updateStatus();
        });
        vm.searchResultProperty().addListener(o -> updateMatched());
        vm.searchErrorProperty().addListener(o -> updateMatched());
        vm.currentMatchProperty().addListener(o -> updateMatched());
        vm.specProperty().addListener((o, was, now) -> {
            linesButton.setSelected(now.lines());
            colorMode.setValue(now.colorMode());
            setReversed(now.reversed());
            updateChips();
        });
        vm.busyProperty().addListener(o -> updateStatus());
        vm.errorProperty().addListener(o -> updateStatus());
        graph.hoveredNodeProperty().addListener(o -> updateStatus());
        vm.queryProperty().addListener((o, was, now) -> search.showQueryText(now.text()));
        updateBreadcrumb();
        updateChips();
        updateMatched();
        updateStatus();
    }

    private void step(int direction) {
        int node = direction > 0 ? viewModel.nextMatch() : viewModel.previousMatch();
        if (node < 0) {
            return;
        }
        FlameViewState st = viewModel.getState();
        int zoom = graph.getZoomNode();
        if (!st.isWithin(node, zoom) || graph.frameBounds(node).isEmpty()) {
            int parent = st.tree().parent(node);
            graph.setZoomNode(parent <= CallTree.ROOT ? CallTree.ROOT : parent);
            if (graph.frameBounds(node).isEmpty()) {
                graph.setZoomNode(node);
            }
        }
    }

    private void onState(FlameViewState was, FlameViewState now) {
        if (now != null && (was == null || was.threads() != now.threads())) {
            updatingThreads = true;
            try {
                threads.getCheckModel().clearChecks();
                threads.getItems().setAll(now.threads());
                threads.setTitle("All threads");
                boolean several = now.threads().size() > 1;
                threads.setVisible(several);
                threads.setManaged(several);
                threadsLabel.setVisible(several);
                threadsLabel.setManaged(several);
            } finally {
                updatingThreads = false;
            }
        }
        updateLegend(now);
        updateBreadcrumb();
        updateMatched();
        updateStatus();
    }

    private void updateLegend(FlameViewState st) {
        legend.setEntries(st == null ? List.of() : st.legend());
    }

    private void updateBreadcrumb() {
        breadcrumb.getChildren().clear();
        FlameViewState st = viewModel.getState();
        if (st == null) {
            return;
        }
        CallTree tree = st.tree();
        int zoom = Math.min(graph.getZoomNode(), tree.size() - 1);
        int depth = tree.depth(zoom);
        int[] chain = new int[depth + 1];
        for (int n = zoom; n >= 0; n = tree.parent(n)) {
            chain[tree.depth(n)] = n;
        }
        Label title = new Label("Zoom:");
        title.getStyleClass().add("breadcrumb-title");
        breadcrumb.getChildren().add(title);
        for (int d = 0; d <= depth; d++) {
            if (d > 0 && d < depth + 1 - (MAX_CRUMBS - 1) && depth + 1 > MAX_CRUMBS) {
                if (d == 1) {
                    breadcrumb.getChildren().add(separator());
                    Label more = new Label("\u2026");
                    more.getStyleClass().add("breadcrumb-more");
                    more.setTooltip(new Tooltip(depth + 1 - MAX_CRUMBS + " more frames"));
                    breadcrumb.getChildren().add(more);
                }
                continue;
            }
            if (d > 0) {
                breadcrumb.getChildren().add(separator());
            }
            int node = chain[d];
            String name = d == 0 ? "all" : tree.name(node);
            String shown = name.length() > MAX_CRUMB_CHARS
                    ? name.substring(0, MAX_CRUMB_CHARS - 1) + TextFitter.ELLIPSIS : name;
            Button crumb = new Button(shown);
            crumb.getStyleClass().add("breadcrumb");
            if (node == zoom) {
                crumb.getStyleClass().add("current");
            }
            crumb.setTooltip(new Tooltip(name + "\n" + st.format(tree.total(node)) + " ("
                    + FlameViewState.percent(tree.total(node), st.totalWeight()) + " of all)"));
            crumb.setMnemonicParsing(false);
            crumb.setFocusTraversable(false);
            crumb.setOnAction(e -> graph.setZoomNode(node));
            breadcrumb.getChildren().add(crumb);
        }
    }

    private static Label separator() {
        Label sep = new Label("\u203A");
        sep.getStyleClass().add("breadcrumb-separator");
        return sep;
    }

    private void updateChips() {
        chips.getChildren().clear();
        List<StackTransform> transforms = viewModel.specProperty().get().transforms();
        for (StackTransform t : transforms) {
            Label text = new Label(t.label());
            text.getStyleClass().add("chip-label");
            text.setMaxWidth(360);
            text.setTooltip(new Tooltip(t.label()));
            Button remove = new Button("\u00D7");
            remove.getStyleClass().add("chip-remove");
            remove.setTooltip(new Tooltip("Remove this transform"));
            remove.setFocusTraversable(false);
            remove.setOnAction(e -> viewModel.removeTransform(t));
            HBox chip = new HBox(4, text, remove);
            chip.setAlignment(Pos.CENTER_LEFT);
            chip.getStyleClass().add("transform-chip");
            chips.getChildren().add(chip);
        }
        boolean any = !transforms.isEmpty();
        chips.setVisible(any);
        chips.setManaged(any);
    }

    private void updateMatched() {
        FlameSearch.Result r = viewModel.searchResultProperty().get();
        boolean searching = r != null && !r.query().isEmpty();
        search.showResult(r, viewModel.searchErrorProperty().get(), searching ? viewModel.currentMatchIndex() : -1);
    }

    private void updateStatus() {
        FlameViewState st = viewModel.getState();
        String err = viewModel.errorProperty().get();
        if (!err.isEmpty()) {
            status.setText(err);
            return;
        }
        if (st == null) {
            status.setText(viewModel.busyProperty().get() ? "Building the flame graph\u2026" : "No profile");
            return;
        }
        int hovered = graph.getHoveredNode();
        int zoom = graph.getZoomNode();
        if (hovered >= 0 && hovered < st.tree().size()) {
            status.setText(st.describe(hovered, zoom));
            return;
        }
        StringBuilder sb = new StringBuilder(st.info().name()).append(" \u2014 ")
                .append(st.format(st.totalWeight())).append(", ").append(st.functions().size()).append(" functions");
        if (zoom != CallTree.ROOT && zoom < st.tree().size()) {
            sb.append("; zoomed to ").append(st.tree().name(zoom)).append(": ")
                    .append(FlameViewState.percent(st.tree().total(zoom), st.totalWeight())).append(" of all");
        }
        if (viewModel.busyProperty().get()) {
            sb.append("  (updating\u2026)");
        }
        status.setText(sb.toString());
    }

    private ContextMenu contextMenu(int node) {
        FlameViewState st = viewModel.getState();
        if (st == null || node < 0 || node >= st.tree().size()) {
            return null;
        }
        CallTree tree = st.tree();
        String name = tree.name(node);
        MenuItem copyName = new MenuItem("Copy name");
        copyName.setOnAction(e -> copy(name));
        MenuItem copyStack = new MenuItem("Copy full stack");
        copyStack.setOnAction(e -> copy(String.join("\n", tree.path(node))));
        MenuItem select = new MenuItem("Show in function table");
        select.setOnAction(e -> viewModel.selectedFunctionProperty().set(name));
        MenuItem sandwichItem = new MenuItem("Show callers and callees (sandwich)");
        sandwichItem.setOnAction(e -> showSandwich(name));
        MenuItem focus = new MenuItem("Focus on this function");
        focus.setOnAction(e -> viewModel.addTransform(StackTransform.focus(name)));
        MenuItem exclude = new MenuItem("Exclude this function");
        exclude.setOnAction(e -> viewModel.addTransform(StackTransform.exclude(name)));
        MenuItem collapse = new MenuItem("Collapse recursion");
        collapse.setOnAction(e -> viewModel.addTransform(StackTransform.collapseRecursion(name)));
        MenuItem merge = new MenuItem("Merge this function (its time to its callers)");
        merge.setOnAction(e -> viewModel.addTransform(StackTransform.merge(name)));
        ContextMenu menu = new ContextMenu();
        if (node == CallTree.ROOT) {
            menu.getItems().addAll(copyName);
        } else {
            menu.getItems().addAll(copyName, copyStack, select, sandwichItem, new SeparatorMenuItem(), focus, exclude,
                    merge, collapse);
            if (!tree.isReversed()) {
                // A call node is a path from the root: only a top-down tree names one.
                MenuItem focusNode = new MenuItem("Focus on this call only");
                focusNode.setOnAction(e -> viewModel.addTransform(StackTransform.focusCallNode(tree.path(node))));
                MenuItem mergeNode = new MenuItem("Merge this call only");
                mergeNode.setOnAction(e -> viewModel.addTransform(StackTransform.mergeCallNode(tree.path(node))));
                menu.getItems().addAll(focusNode, mergeNode);
            }
            int id = st.names().id(name);
            if (id > 0 && st.names().kind(id) != null) {
                String group = dev.perfdesk.core.flame.FramePalette.groupOf(name, st.names().kind(id),
                        st.names().module(id));
                MenuItem collapseGroup = new MenuItem("Collapse " + group + " into one frame");
                collapseGroup.setOnAction(e -> viewModel.addTransform(StackTransform.collapseGroup(group)));
                menu.getItems().add(collapseGroup);
            }
        }
        return menu;
    }

    private static void copy(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }

    /** Shows {@code profile}; computation runs in the background and the view updates when it is done. */
    public void setProfile(Profile profile) {
        viewModel.setProfile(profile);
        showCallCounts(profile);
    }

    /** A profile with call counts (gprof) gets the table's calls columns, and the table more room for them. */
    private void showCallCounts(Profile profile) {
        dev.perfdesk.core.calltree.CallCounts calls = profile == null ? null
                : dev.perfdesk.core.calltree.CallCounts.of(profile.info());
        boolean had = functionTable.callCountsProperty().get() != null;
        functionTable.callCountsProperty().set(calls);
        if (had != (calls != null)) {
            split.setDividerPositions(calls != null ? 0.5 : 0.64);
        }
    }

    /** As {@link FlameGraphViewModel#setProfile(Profile, Future)}: with its opening state computed elsewhere. */
    public void setProfile(Profile profile, Future<FlameViewState> opening) {
        viewModel.setProfile(profile, opening);
        showCallCounts(profile);
    }

    /** Writes the current view (threads, transforms, zoom, orientation) as a standalone interactive SVG. */
    public void exportSvg(Path file) throws IOException {
        FlameViewState st = requireState();
        FlameExports.writeSvg(st, graph.getZoomNode(), graph.isIcicle(), file);
    }

    /** Writes the graph as it is on screen as PNG. Call on the FX thread. */
    public void exportPng(Path file) throws IOException {
        requireState();
        FlameExports.writePng(graph, file);
    }

    /** Writes the stacks of the current view (threads and transforms applied) as folded lines. */
    public void exportFolded(Path file) throws IOException {
        FlameExports.writeFolded(requireState(), file);
    }

    private FlameViewState requireState() throws IOException {
        FlameViewState st = viewModel.getState();
        if (st == null) {
            throw new IOException("no flame graph to export yet");
        }
        return st;
    }

    public FlameGraphViewModel viewModel() {
        return viewModel;
    }

    public FlameGraphView graph() {
        return graph;
    }

    public CallTreeView callTree() {
        return callTree;
    }

    /** Shows the call tree ({@code true}) or the flame graph with its function table. */
    public void showCallTree(boolean show) {
        views.getSelectionModel().select(show ? 1 : 0);
    }

    public SandwichView sandwich() {
        return sandwich;
    }

    /** Shows the sandwich of {@code function}: its callers above, its callees below. */
    public void showSandwich(String function) {
        viewModel.selectedFunctionProperty().set(function);
        views.getSelectionModel().select(2);
    }

    /** The function table beside the graph. */
    public FunctionTableView functionTable() {
        return functionTable;
    }

    public TextField searchField() {
        return search.field();
    }

    public Label matchedLabel() {
        return search.matchedLabel();
    }

    public HBox breadcrumb() {
        return breadcrumb;
    }

    public FlowPane transformChips() {
        return chips;
    }

    public Label statusLine() {
        return status;
    }

    /** The spinner and "Building the flame graph…" shown over the graph until its first state is computed. */
    public VBox loadingOverlay() {
        return loadingOverlay;
    }

    /** Shows the root at the top (icicle) or at the bottom (flame). */
    public void setIcicle(boolean icicle) {
        (icicle ? icicleButton : flameButton).setSelected(true);
    }

    /** Merges stacks from the leaf (reversed, bottom-up) or from the root (top-down). */
    public void setReversed(boolean reversed) {
        (reversed ? reversedButton : topDownButton).setSelected(true);
    }

    public ToggleButton icicleButton() {
        return icicleButton;
    }

    public ToggleButton reversedButton() {
        return reversedButton;
    }

    /** Line numbers on or off; shown only for profiles whose frames know their line. */
    public ToggleButton linesButton() {
        return linesButton;
    }

    public ToggleButton regexButton() {
        return search.regexButton();
    }

    public ToggleButton caseButton() {
        return search.caseButton();
    }

    public CheckComboBox<ThreadInfo> threadSelector() {
        return threads;
    }

    /**
     * Shows only thread {@code index} (of the profile's threads), as checking it alone in the thread selector
     * does; -1 shows all threads again.
     */
    public void selectThread(int index) {
        Set<Integer> now = viewModel.specProperty().get().threads();
        if (index < 0 ? now.isEmpty() : now.equals(Set.of(index))) {
            return;
        }
        if (index < 0) {
            threads.getCheckModel().clearChecks();
        } else if (index < threads.getItems().size()) {
            updatingThreads = true;
            try {
                threads.getCheckModel().clearChecks();
            } finally {
                updatingThreads = false;
            }
            threads.getCheckModel().check(index);
        }
    }

    /**
     * Stops this pane's work for good, when it leaves the window: the view model drops what is still running, and
     * the background thread the pane started itself (the no-argument constructor) is shut down.
     */
    public void dispose() {
        callTree.getViewModel().close();
        sandwich.getViewModel().close();
        viewModel.close();
        if (ownExecutor != null) {
            ownExecutor.shutdownNow();
        }
    }
}
