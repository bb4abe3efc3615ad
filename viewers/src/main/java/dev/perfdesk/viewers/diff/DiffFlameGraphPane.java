package dev.perfdesk.viewers.diff;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import dev.perfdesk.core.calltree.CallTree;
import dev.perfdesk.core.diff.DiffColors;
import dev.perfdesk.core.diff.DiffText;
import dev.perfdesk.core.diff.ProfileDiff;
import dev.perfdesk.core.flame.FramePalette;
import dev.perfdesk.viewers.flame.FlameExports;
import dev.perfdesk.viewers.flame.ExportMenu;
import dev.perfdesk.viewers.flame.FlameGraphView;
import dev.perfdesk.viewers.flame.FlameLegend;
import dev.perfdesk.viewers.flame.FrameSearchBar;
import dev.perfdesk.viewers.flame.FlameGraphViewModel;
import dev.perfdesk.viewers.Toolbars;

/**
 * A comparison of two profiles, or of two selections of one: the differential flame graph beside the
 * {@link DiffTableView}. The toolbar switches flame or icicle, the candidate's shape or the baseline's (where
 * vanished frames show), normalisation of totals, whether colours show self or total change, swaps the sides,
 * searches frames and exports SVG, PNG or difffolded lines. A header names both sides, the legend says what the
 * colours mean, and the status line gives the hovered frame's baseline and candidate values and their change.
 *
 * <pre>{@code
 * DiffFlameGraphPane pane = new DiffFlameGraphPane();
 * pane.setSides(ProfileDiff.Side.of(before, monitor), ProfileDiff.Side.of(after, monitor));
 * pane.exportSvg(Path.of("diff.svg"));
 * }</pre>
 */
public class DiffFlameGraphPane extends BorderPane {
    private final DiffViewModel viewModel;
    /** The executor this pane created and so shuts down, or null. */
    private final ExecutorService ownExecutor;
    private final FlameGraphView graph = new FlameGraphView();
    private final DiffTableView table = new DiffTableView();

    private final ToggleButton flameButton = new ToggleButton("Flame");
    private final ToggleButton icicleButton = new ToggleButton("Icicle");
    private final ToggleButton candidateShapeButton = new ToggleButton("Candidate shape");
    private final ToggleButton baselineShapeButton = new ToggleButton("Baseline shape");
    private final ToggleButton normalizeButton = new ToggleButton("Normalise");
    private final ChoiceBox<DiffColors.Basis> basis = new ChoiceBox<>();
    private final Button swapButton = new Button("Swap \u21c4");
    private final Button resetZoomButton = new Button("Reset zoom");
    private final FrameSearchBar search;
    private final ExportMenu exportButton;
    private final Label sidesLabel = new Label();
    private final Label noteLabel = new Label();
    private final FlameLegend legend = new FlameLegend();
    private final Label status = new Label();

    /** A pane computing on its own background thread, which {@link #dispose()} stops. */
    public DiffFlameGraphPane() {
        this(FlameGraphViewModel.defaultExecutor(), true);
    }

    /** A pane computing on {@code own}, which {@link #dispose()} shuts down when {@code owned}. */
    DiffFlameGraphPane(ExecutorService own, boolean owned) {
        this(new DiffViewModel(own), owned ? own : null);
    }

    /** A pane computing on {@code executor}; {@code Runnable::run} computes on the calling thread. */
    public DiffFlameGraphPane(Executor executor) {
        this(new DiffViewModel(executor));
    }

    /** A pane showing {@code viewModel}, whose executor stays its creator's to shut down. */
    public DiffFlameGraphPane(DiffViewModel viewModel) {
        this(viewModel, null);
    }

    private DiffFlameGraphPane(DiffViewModel viewModel, ExecutorService ownExecutor) {
        this.viewModel = viewModel;
        this.ownExecutor = ownExecutor;
        this.search = new FrameSearchBar("Search (Ctrl+F)", 10, viewModel.queryProperty()::set);
        this.exportButton = new ExportMenu(this, () -> viewModel.getDiff() != null, status::setText, List.of(
                new ExportMenu.Item("Interactive SVG\u2026", "SVG image", "*.svg", "diff.svg", this::exportSvg),
                new ExportMenu.Item("PNG image\u2026", "PNG image", "*.png", "diff.png", this::exportPng),
                new ExportMenu.Item("Diff folded (difffolded.pl lines)\u2026", "Diff folded stacks", "*.folded",
                        "diff.folded", this::exportFolded)));
        getStyleClass().addAll("flame-graph-pane", "diff-flame-graph-pane");
        getStylesheets().addAll(
                FlameGraphView.class.getResource("flame-graph-pane.css").toExternalForm(),
                DiffFlameGraphPane.class.getResource("diff-flame-graph-pane.css").toExternalForm());
        sidesLabel.getStyleClass().add("diff-sides");
        sidesLabel.setMinWidth(0);
        noteLabel.getStyleClass().add("diff-note");
        noteLabel.setMinWidth(Region.USE_PREF_SIZE);
        Region headerSpacer = new Region();
        HBox.setHgrow(headerSpacer, Priority.ALWAYS);
        HBox header = new HBox(12, sidesLabel, headerSpacer, noteLabel);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("diff-header");
        setTop(new VBox(buildToolbar(), header));
        status.getStyleClass().add("flame-status");
        status.setMaxWidth(Double.MAX_VALUE);
        setBottom(status);

        VBox graphBox = new VBox(graph, legend);
        VBox.setVgrow(graph, Priority.ALWAYS);
        graphBox.getStyleClass().add("flame-graph-box");
        // The legend wraps rather than holding the divider back.
        graphBox.setMinWidth(160);
        SplitPane split = new SplitPane(graphBox, table);
        // The graph takes a little less than half the width, so that the table's numbers fit beside it in a window
        // of 1400 pixels with the library open; also when the pane is first laid out small in a new tab.
        split.setDividerPositions(0.45);
        setCenter(split);
        bind();
    }

    private ToolBar buildToolbar() {
        ToggleGroup orientation = new ToggleGroup();
        flameButton.setToggleGroup(orientation);
        icicleButton.setToggleGroup(orientation);
        flameButton.setSelected(true);
        flameButton.setTooltip(new Tooltip("Root at the bottom"));
        icicleButton.setTooltip(new Tooltip("Root at the top"));
        Toolbars.keepOneSelected(orientation);
        ToggleGroup shape = new ToggleGroup();
        candidateShapeButton.setToggleGroup(shape);
        baselineShapeButton.setToggleGroup(shape);
        candidateShapeButton.setSelected(true);
        candidateShapeButton.setTooltip(new Tooltip("Widths are the candidate's: where it spends, and how that "
                + "changed; frames new in the candidate are purple"));
        baselineShapeButton.setTooltip(new Tooltip("Widths are the baseline's (the reversed diff): frames that "
                + "vanished from the candidate show, in teal"));
        Toolbars.keepOneSelected(shape);
        normalizeButton.setTooltip(new Tooltip("Scale the baseline to the candidate's total before comparing, so "
                + "shares are compared rather than amounts. Each stack is rounded so the totals come out equal; "
                + "difffolded.pl -n truncates instead, which drops stacks of few samples when scaling down"));
        basis.getItems().setAll(DiffColors.Basis.values());
        basis.setValue(DiffColors.Basis.TOTAL);
        basis.setConverter(new StringConverter<>() {
            @Override
            public String toString(DiffColors.Basis b) {
                return b == null ? "" : b.label();
            }

            @Override
            public DiffColors.Basis fromString(String s) {
                return null;
            }
        });
        basis.setTooltip(new Tooltip("What the colours show. Total change colours each frame by how its width "
                + "changed; self change colours only where time was added or saved, as flamegraph.pl does"));
        swapButton.setTooltip(new Tooltip("Make the candidate the baseline and the baseline the candidate"));
        resetZoomButton.setTooltip(new Tooltip("Zoom out to all frames (Esc)"));
        HBox orientationBox = Toolbars.segmented(flameButton, icicleButton);
        HBox shapeBox = Toolbars.segmented(candidateShapeButton, baselineShapeButton);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        ToolBar bar = new ToolBar(orientationBox, shapeBox, normalizeButton, basis, swapButton, resetZoomButton,
                spacer, search, exportButton);
        bar.getStyleClass().add("flame-toolbar");
        return bar;
    }

    private void bind() {
        DiffViewModel vm = viewModel;
        graph.zoomNodeProperty().bindBidirectional(vm.zoomNodeProperty());
        graph.searchResultProperty().bind(vm.searchResultProperty());
        graph.highlightedNameProperty().bind(vm.highlightedNameProperty());
        graph.frameStyleProperty().bind(vm.styleProperty());
        graph.icicleProperty().bind(icicleButton.selectedProperty());
        table.diffProperty().bind(vm.diffProperty());
        table.selectedFunctionProperty().bindBidirectional(vm.selectedFunctionProperty());

        baselineShapeButton.selectedProperty().addListener((o, was, now) ->
                vm.setShape(now ? ProfileDiff.Shape.BASELINE : ProfileDiff.Shape.CANDIDATE));
        normalizeButton.selectedProperty().addListener((o, was, now) -> {
            // Only a click changes the mode; following the view model (difffolded -n set there) must not.
            if (now != (vm.optionsProperty().get().normalization() != ProfileDiff.Normalization.NONE)) {
                vm.setNormalize(now);
            }
        });
        basis.valueProperty().addListener((o, was, now) -> {
            if (now != null) {
                vm.setBasis(now);
            }
        });
        vm.optionsProperty().addListener((o, was, now) -> {
            normalizeButton.setSelected(now.normalization() != ProfileDiff.Normalization.NONE);
            (now.shape() == ProfileDiff.Shape.BASELINE ? baselineShapeButton : candidateShapeButton)
                    .setSelected(true);
        });
        swapButton.setOnAction(e -> vm.swap());
        resetZoomButton.setOnAction(e -> graph.resetZoom());

        search.setOnLeave(graph::requestFocus);
        addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.F && e.isShortcutDown()) {
                focusSearch();
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                escape();
                e.consume();
            }
        });

        vm.diffProperty().addListener((o, was, now) -> {
            graph.setState(now == null ? null : now.view());
            updateHeader();
            updateLegend();
            updateStatus();
        });
        vm.styleProperty().addListener(o -> updateLegend());
        vm.zoomNodeProperty().addListener(o -> updateStatus());
        vm.busyProperty().addListener(o -> updateStatus());
        vm.errorProperty().addListener(o -> updateStatus());
        vm.searchResultProperty().addListener(o -> updateMatched());
        vm.searchErrorProperty().addListener(o -> updateMatched());
        graph.hoveredNodeProperty().addListener(o -> updateStatus());
        updateHeader();
        updateStatus();
    }

    /** Compares {@code candidate} with {@code baseline}; computed in the background, shown when done. */
    public void setSides(ProfileDiff.Side baseline, ProfileDiff.Side candidate) {
        viewModel.setSides(baseline, candidate);
    }

    /** Puts the keyboard focus in the search field. */
    public void focusSearch() {
        search.focus();
    }

    /** Zooms out and clears search and selection. */
    public void escape() {
        graph.resetZoom();
        search.clearText();
        search.push();
        viewModel.selectedFunctionProperty().set(null);
    }

    private void updateHeader() {
        ProfileDiff d = viewModel.getDiff();
        ProfileDiff.Side b = viewModel.baselineProperty().get();
        ProfileDiff.Side c = viewModel.candidateProperty().get();
        if (b == null || c == null) {
            sidesLabel.setText("Nothing to compare yet");
            noteLabel.setText("");
            return;
        }
        if (d == null) {
            sidesLabel.setText("Baseline: " + b.name() + "   \u2192   Candidate: " + c.name());
            noteLabel.setText("");
            return;
        }
        sidesLabel.setText("Baseline: " + d.baseline().name() + " (" + d.baseline().unit().format(
                d.rawBaselineWeight()) + ")   \u2192   Candidate: " + d.candidate().name() + " ("
                + d.unit().format(d.candidateWeight()) + ")");
        sidesLabel.setTooltip(new Tooltip(sidesLabel.getText()));
        StringBuilder note = new StringBuilder();
        if (d.unitsDiffer()) {
            note.append("Units differ (").append(d.baseline().unit().symbol()).append(" vs ")
                    .append(d.unit().symbol()).append("): compare normalised. ");
        }
        if (d.isNormalized() && d.options().normalization() == ProfileDiff.Normalization.DIFFFOLDED) {
            // difffolded.pl -n truncates each stack's scaled count, so the totals meet only roughly.
            note.append(String.format(Locale.ROOT, "Baseline scaled \u00d7%.3f per stack, truncated as "
                    + "difffolded.pl -n: %s \u2192 %s", d.baselineScale(), d.baseline().unit().format(
                    d.rawBaselineWeight()), d.unit().format(d.baselineWeight())));
        } else if (d.isNormalized()) {
            note.append(String.format(Locale.ROOT, "Shares compared: baseline scaled \u00d7%.3f, %s \u2192 %s",
                    d.baselineScale(), d.baseline().unit().format(d.rawBaselineWeight()),
                    d.unit().format(d.baselineWeight())));
        } else {
            long change = d.candidateWeight() - d.baselineWeight();
            note.append("Total change ").append(DiffText.signed(d.unit(), change)).append(" (")
                    .append(DiffText.percent(change, d.baselineWeight())).append(')');
        }
        noteLabel.setText(note.toString().trim());
    }

    private void updateLegend() {
        legend.getChildren().clear();
        ProfileDiff d = viewModel.getDiff();
        if (d == null) {
            return;
        }
        legend.setEntries(DiffColors.legend(d));
        DiffColors.Basis b = viewModel.basisProperty().get();
        long max = DiffColors.scaleMaximum(d, b);
        Region gradient = new Region();
        gradient.getStyleClass().add("diff-gradient");
        gradient.setStyle("-fx-background-color: linear-gradient(to right, " + FramePalette.hex(DiffColors.scale(
                -max, max)) + ", " + FramePalette.hex(DiffColors.scale(-1, 1_000_000)) + " 49%, "
                + FramePalette.hex(DiffColors.UNCHANGED) + " 50%, " + FramePalette.hex(DiffColors.scale(1, 1_000_000))
                + " 51%, " + FramePalette.hex(DiffColors.scale(max, max)) + ");");
        Label low = new Label(DiffText.signed(d.unit(), -max));
        Label high = new Label(DiffText.signed(d.unit(), max));
        low.getStyleClass().add("legend-entry");
        high.getStyleClass().add("legend-entry");
        Label what = new Label(b.label() + ":");
        what.getStyleClass().add("legend-entry");
        HBox scale = new HBox(5, what, low, gradient, high);
        scale.setAlignment(Pos.CENTER_LEFT);
        Tooltip.install(scale, new Tooltip("The colour deepens with the size of the change, to full at the largest "
                + "(" + d.unit().format(max) + ")"));
        legend.getChildren().add(scale);
    }

    private void updateMatched() {
        search.showResult(viewModel.searchResultProperty().get(), viewModel.searchErrorProperty().get(), -1);
    }

    private void updateStatus() {
        ProfileDiff d = viewModel.getDiff();
        String err = viewModel.errorProperty().get();
        if (!err.isEmpty()) {
            status.setText(err);
            return;
        }
        if (d == null) {
            status.setText(viewModel.busyProperty().get() ? "Comparing\u2026" : "Nothing to compare");
            return;
        }
        int hovered = graph.getHoveredNode();
        if (hovered >= 0 && hovered < d.tree().size()) {
            status.setText(d.describe(hovered));
            return;
        }
        long grew = d.functions().stream().filter(f -> f.change() > 0).count();
        long shrank = d.functions().stream().filter(f -> f.change() < 0).count();
        StringBuilder sb = new StringBuilder(d.title()).append(" \u2014 ").append(d.options().shape().label())
                .append(String.format(Locale.ROOT, "; %,d functions grew, %,d shrank", grew, shrank));
        int zoom = graph.getZoomNode();
        if (zoom != CallTree.ROOT && zoom < d.tree().size()) {
            sb.append("; zoomed to ").append(d.tree().name(zoom));
        }
        if (viewModel.busyProperty().get()) {
            sb.append("  (updating\u2026)");
        }
        status.setText(sb.toString());
    }

    /** Writes the differential flame graph as shown (shape, colours, zoom) as a standalone interactive SVG. */
    public void exportSvg(Path file) throws IOException {
        ProfileDiff d = requireDiff();
        FlameExports.writeSvg(d.view(), viewModel.styleProperty().get(), graph.getZoomNode(), graph.isIcicle(),
                d.title(), file);
    }

    /** Writes the graph as it is on screen as PNG. Call on the FX thread. */
    public void exportPng(Path file) throws IOException {
        requireDiff();
        FlameExports.writePng(graph, file);
    }

    /** Writes every stack with its baseline and candidate weight, as difffolded.pl prints them. */
    public void exportFolded(Path file) throws IOException {
        ProfileDiff d = requireDiff();
        try (OutputStream out = Files.newOutputStream(file)) {
            d.writeFolded(out);
        }
    }

    private ProfileDiff requireDiff() throws IOException {
        ProfileDiff d = viewModel.getDiff();
        if (d == null) {
            throw new IOException("no comparison to export yet");
        }
        return d;
    }

    public DiffViewModel viewModel() {
        return viewModel;
    }

    public FlameGraphView graph() {
        return graph;
    }

    public DiffTableView table() {
        return table;
    }

    public ToggleButton normalizeButton() {
        return normalizeButton;
    }

    public ToggleButton baselineShapeButton() {
        return baselineShapeButton;
    }

    public ToggleButton candidateShapeButton() {
        return candidateShapeButton;
    }

    public ChoiceBox<DiffColors.Basis> basisChoice() {
        return basis;
    }

    public Button swapButton() {
        return swapButton;
    }

    public TextField searchField() {
        return search.field();
    }

    public Label sidesLabel() {
        return sidesLabel;
    }

    public FlowPane legend() {
        return legend;
    }

    public Label statusLine() {
        return status;
    }

    /** Shows the root at the top (icicle) or at the bottom (flame). */
    public void setIcicle(boolean icicle) {
        (icicle ? icicleButton : flameButton).setSelected(true);
    }

    /**
     * Stops this pane's work for good, when it leaves the window: the view model drops what is still running, and
     * the background thread the pane started itself (the no-argument constructor) is shut down.
     */
    public void dispose() {
        viewModel.close();
        if (ownExecutor != null) {
            ownExecutor.shutdownNow();
        }
    }
}
