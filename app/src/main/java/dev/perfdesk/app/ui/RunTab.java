package dev.perfdesk.app.ui;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceDialog;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import dev.perfdesk.core.bench.Benchmark;
import dev.perfdesk.core.bench.BenchmarkRun;
import dev.perfdesk.core.bench.RelativeSpeed;
import dev.perfdesk.store.StoredProfile;
import dev.perfdesk.viewers.bench.BenchmarkDetailView;
import dev.perfdesk.viewers.bench.RunSeriesChart;
import dev.perfdesk.viewers.bench.RunTableView;

/**
 * A tab showing one stored benchmark run: the run's table of benchmarks above, and the selected benchmark in detail
 * below. The run is read in the background while the tab shows a spinner. "Overlay another run…" in the detail
 * looks for the same benchmark (name, parameters, mode and metric) in the other stored runs, in the background,
 * and draws the one picked on the percentile chart.
 */
public final class RunTab extends Tab {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    private final long runId;
    private final RunTabModel model;
    private Function<List<RunTabModel.Candidate>, Optional<RunTabModel.Candidate>> chooser = this::askForCandidate;

    /**
     * @param model the run's store-facing side
     * @param entry its library entry (of kind RUN)
     */
    public RunTab(RunTabModel model, LibraryEntry entry) {
        this.runId = model.runId();
        this.model = model;
        setText(entry.title());
        setTooltip(new Tooltip(entry.title() + "\n" + entry.details()));
        getStyleClass().add("run-tab");
        setContent(TabContent.loading("Loading " + entry.title() + "…"));
        TaskRunner.Cancellable loading = model.load(loaded -> {
            RunView view = new RunView(this, loaded.run());
            view.setAttachedProfiles(loaded.profiles(), p -> onOpenProfile.accept(p));
            setContent(view);
        }, message -> setContent(TabContent.failed("Could not open this run: " + message)));
        tabPaneProperty().addListener((o, was, now) -> {
            if (was != null && now == null) {
                loading.cancel();
            }
        });
    }

    private java.util.function.Consumer<StoredProfile> onOpenProfile = p -> { };

    /** What opens an attached profile (the window's profile tab). */
    public void setOnOpenProfile(java.util.function.Consumer<StoredProfile> handler) {
        onOpenProfile = handler;
    }

    /** The id of the run shown. */
    public long runId() {
        return runId;
    }

    /** The view, once the run is loaded; null before. */
    public RunView view() {
        return getContent() instanceof RunView ? (RunView) getContent() : null;
    }

    /** Replaces the dialog that picks a run to overlay (for tests); it gets every match, possibly none. */
    void setOverlayChooser(Function<List<RunTabModel.Candidate>, Optional<RunTabModel.Candidate>> value) {
        chooser = value;
    }

    /** Looks for {@code b} in the other runs in the background, asks which to overlay, and overlays it. */
    void overlayAnotherRun(RunView view) {
        Benchmark b = view.table().getSelectedBenchmark();
        if (b == null) {
            return;
        }
        model.findInOtherRuns(b, found -> chooser.apply(found).ifPresent(c -> {
            if (view.table().getSelectedBenchmark() == b) {
                String label = c.run().name().equals(getText()) ? c.run().name() + " (r" + c.run().id() + ")"
                        : c.run().name();
                view.detail().addOverlay(label, c.benchmark());
            }
        }), message -> view.detail().slaStatusLabel().setText("Could not look for other runs: " + message));
    }

    private Optional<RunTabModel.Candidate> askForCandidate(List<RunTabModel.Candidate> candidates) {
        if (candidates.isEmpty()) {
            Alert none = new Alert(Alert.AlertType.INFORMATION, "No other run in the library has this benchmark "
                    + "with the same name, parameters, mode and metric.");
            none.setHeaderText("Nothing to overlay");
            if (getTabPane() != null && getTabPane().getScene() != null) {
                none.initOwner(getTabPane().getScene().getWindow());
            }
            none.show();
            return Optional.empty();
        }
        ChoiceDialog<RunTabModel.Candidate> dialog = new ChoiceDialog<>(candidates.get(0), candidates);
        dialog.setTitle("Overlay another run");
        dialog.setHeaderText("Draw the same benchmark from another run on the percentile chart");
        dialog.setContentText("Run:");
        if (getTabPane() != null && getTabPane().getScene() != null) {
            dialog.initOwner(getTabPane().getScene().getWindow());
        }
        return dialog.showAndWait();
    }

    private java.util.function.Consumer<String> onHistory = name -> { };

    /** What opens a benchmark's history across runs (the window's trend tab). */
    public void setOnHistory(java.util.function.Consumer<String> handler) {
        onHistory = handler;
    }

    void openHistory(dev.perfdesk.core.bench.Benchmark b) {
        if (b != null) {
            onHistory.accept(dev.perfdesk.core.series.RunHistory.seriesName(b));
        }
    }

    /** The run's table above its selected benchmark's detail; Ctrl+F filters the table, Esc clears. */
    public static final class RunView extends BorderPane implements MainView.KeyboardTarget {
        private final RunTableView table = new RunTableView();
        private final BenchmarkDetailView detail = new BenchmarkDetailView();
        private final RunSeriesChart overTime = new RunSeriesChart();
        private final BenchmarkRun run;

        RunView(RunTab tab, BenchmarkRun run) {
            this.run = run;
            getStyleClass().add("run-view");
            Label header = new Label(headerText(run));
            header.getStyleClass().add("run-header");
            header.setPadding(new Insets(4, 8, 4, 8));
            header.setMinWidth(0);
            header.setTooltip(new Tooltip(environmentText(run)));
            detail.setOnOverlayRequest(() -> tab.overlayAnotherRun(this));
            Button history = new Button("History…");
            history.setTooltip(new Tooltip("The selected benchmark across every stored run, with its change points"));
            history.disableProperty().bind(table.selectedBenchmarkProperty().isNull());
            history.setOnAction(e -> tab.openHistory(table.getSelectedBenchmark()));
            history.setMinWidth(Region.USE_PREF_SIZE);
            HBox top = new HBox(8, header, history);
            top.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
            HBox.setHgrow(header, Priority.ALWAYS);
            header.setMaxWidth(Double.MAX_VALUE);
            // the charts take the unit of the benchmark's row, so the table and every chart read the same
            table.selectedRowProperty().addListener((o, was, row) -> detail.setBenchmark(tab.getText(),
                    row == null ? null : row.benchmark(), row == null ? "" : row.unit()));
            SplitPane split = new SplitPane(table, detail);
            split.setOrientation(Orientation.VERTICAL);
            split.setDividerPositions(0.38);
            top.setPadding(new Insets(0, 8, 0, 0));
            setTop(top);
            if (run.series().isEmpty()) {
                setCenter(split);
            } else {
                // the run's own history and the resources attached to it, on one time axis
                overTime.setSeries(run.series());
                TabPane views = new TabPane(new Tab("Benchmarks", split), new Tab("Over time", overTime));
                views.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
                views.getStyleClass().add("run-views");
                setCenter(views);
            }
            table.relativeSpeedEnabledProperty().set(RelativeSpeed.comparesAlternatives(run));
            table.setRun(run);
            fitTableToRows(split, table);
        }

        /**
         * Gives the table the height its rows and the relative speeds under it need (at most 38% of the view, 44%
         * with the relative speeds, and at least 15%), so that a run of a few benchmarks leaves the charts the room;
         * until the divider is dragged by hand.
         */
        private static void fitTableToRows(SplitPane split, RunTableView table) {
            boolean[] moved = {false};
            SplitPane.Divider divider = split.getDividers().get(0);
            split.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> {
                for (Node n = e.getTarget() instanceof Node t ? t : null; n != null && n != split; n = n.getParent()) {
                    if (n.getStyleClass().contains("split-pane-divider")) {
                        moved[0] = true;
                    }
                }
            });
            Runnable fit = () -> {
                double height = split.getHeight();
                if (moved[0] || height <= 0) {
                    return;
                }
                // filter bar, column header, rows, a little air, and the relative speeds under the table
                javafx.scene.layout.VBox speeds = table.relativeSpeedPane();
                double below = speeds.isVisible() ? speeds.prefHeight(split.getWidth()) : 0;
                double wanted = 40 + 28 + table.unfilteredRowCount() * 24.0 + 36 + below;
                divider.setPosition(Math.max(0.15, Math.min(0.38 + (below > 0 ? 0.06 : 0), wanted / height)));
            };
            split.heightProperty().addListener((o, was, now) -> fit.run());
            table.table().rootProperty().addListener((o, was, now) -> fit.run());
            table.relativeSpeedPane().visibleProperty().addListener((o, was, now) -> fit.run());
            table.relativeSpeedProperty().addListener((o, was, now) -> javafx.application.Platform.runLater(fit));
        }

        private static String headerText(BenchmarkRun run) {
            List<String> parts = new ArrayList<>();
            parts.add(run.tool());
            if (run.startTime() != null) {
                parts.add("started " + WHEN.format(run.startTime()));
            }
            if (!run.label().isEmpty()) {
                parts.add(run.label());
            }
            if (!run.commit().isEmpty()) {
                parts.add("commit " + run.commit());
            }
            int shown = 0;
            // the test configuration first: the run's labels, else its first environment facts
            for (Map.Entry<String, String> e : run.labels().entrySet()) {
                if (!e.getKey().equals("commit") && shown++ < 4) {
                    parts.add(e.getKey() + "=" + e.getValue());
                }
            }
            for (Map.Entry<String, String> e : run.environment().entrySet()) {
                if (shown++ < 3) {
                    parts.add(e.getKey() + " " + e.getValue());
                }
            }
            return String.join(" · ", parts);
        }

        private static String environmentText(BenchmarkRun run) {
            StringBuilder sb = new StringBuilder(run.name());
            if (!run.labels().isEmpty()) {
                sb.append("\n\nTest configuration (labels):");
                run.labels().forEach((k, v) -> sb.append('\n').append(k).append('=').append(v));
                sb.append("\n\nEnvironment:");
            }
            run.environment().forEach((k, v) -> sb.append('\n').append(k).append(": ").append(v));
            run.tags().forEach((k, v) -> sb.append('\n').append(k).append(": ").append(v));
            return sb.toString();
        }

        /** The run shown. */
        public BenchmarkRun run() {
            return run;
        }

        private final javafx.scene.layout.FlowPane attached = new javafx.scene.layout.FlowPane(6, 2);

        /**
         * Lists the profiles attached to the run under its header, each a link that {@code open} opens; nothing
         * when there are none.
         */
        void setAttachedProfiles(List<StoredProfile> profiles, java.util.function.Consumer<StoredProfile> open) {
            attached.getChildren().clear();
            if (profiles.isEmpty()) {
                if (getTop() instanceof VBox box) {
                    setTop(box.getChildren().get(0));
                }
                return;
            }
            Label title = new Label(profiles.size() == 1 ? "Attached profile:" : "Attached profiles:");
            title.getStyleClass().add("attached-title");
            attached.getChildren().add(title);
            for (StoredProfile p : profiles) {
                javafx.scene.control.Hyperlink link = new javafx.scene.control.Hyperlink(p.info().name() + " ("
                        + p.id() + ")");
                link.setTooltip(new Tooltip(p.info().format() + " · " + p.info().event() + " · "
                        + p.info().unit().format(p.info().totalWeight()) + " · "
                        + String.format(Locale.ROOT, "%,d samples", p.info().sampleCount())
                        + "\nOpen its flame graph"));
                link.setOnAction(e -> open.accept(p));
                attached.getChildren().add(link);
            }
            attached.getStyleClass().add("attached-profiles");
            attached.setAlignment(Pos.CENTER_LEFT);
            attached.setPadding(new Insets(0, 8, 2, 8));
            if (!(getTop() instanceof VBox)) {
                setTop(new VBox(getTop(), attached));
            }
        }

        /** The links to the attached profiles (after the title label); for tests. */
        public List<javafx.scene.control.Hyperlink> attachedProfileLinks() {
            return attached.getChildren().stream().filter(n -> n instanceof javafx.scene.control.Hyperlink)
                    .map(n -> (javafx.scene.control.Hyperlink) n).toList();
        }

        public RunTableView table() {
            return table;
        }

        /** The chart of the run's series over time; empty when the run has none. */
        public RunSeriesChart overTime() {
            return overTime;
        }

        /** The selected benchmark's detail. */
        public BenchmarkDetailView detail() {
            return detail;
        }

        @Override
        public void focusSearch() {
            table.filterField().requestFocus();
            table.filterField().selectAll();
        }

        @Override
        public boolean escape() {
            if (detail.rangeProperty().get() != null) {
                detail.rangeProperty().set(null);
                return true;
            }
            if (!table.filterField().getText().isEmpty()) {
                table.filterField().clear();
                return true;
            }
            return false;
        }
    }
}
