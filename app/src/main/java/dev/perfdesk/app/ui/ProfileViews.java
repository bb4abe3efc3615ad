package dev.perfdesk.app.ui;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Future;

import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import dev.perfdesk.core.diff.ProfileDiff;
import dev.perfdesk.core.calltree.CallCounts;
import dev.perfdesk.core.flame.FlameViewState;
import dev.perfdesk.core.heap.HeapSeries;
import dev.perfdesk.core.model.Profile;
import dev.perfdesk.core.model.ProfileInfo;
import dev.perfdesk.core.model.ThreadInfo;
import dev.perfdesk.core.model.Timeline;
import dev.perfdesk.core.model.WeightUnit;
import dev.perfdesk.core.naming.FrameNamer;
import dev.perfdesk.core.naming.FrameNamers;
import dev.perfdesk.core.progress.ProgressMonitor;
import dev.perfdesk.core.timeline.ActivityHistogram;
import dev.perfdesk.core.timeline.TimeRange;
import dev.perfdesk.store.StoredProfile;
import dev.perfdesk.viewers.flame.FlameGraphPane;
import dev.perfdesk.viewers.heap.HeapChart;
import dev.perfdesk.viewers.timeline.TimelineStrip;

/**
 * The view of an opened profile: a header with the event selector (the other profiles of the same file, such as a
 * JFR recording's CPU, allocation and lock profiles), the activity timeline whose dragged range filters the flame
 * graph and function table, the flame graph pane, and an info panel with the recording's metadata. A heap profile
 * with snapshots over time (Valgrind Massif, see {@link HeapSeries}) shows its heap chart instead of the activity
 * timeline: choosing a snapshot there shows that snapshot's tree in the flame graph and table.
 */
public final class ProfileViews {
    private static final int BINS = 600;
    private static final int LANES = 8;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    private ProfileViews() {
    }

    /** What a profile view needs besides the profile. */
    public record Context(ProfileTabModel model, ProfileTab tab) {
        /** The runner for the view's own background work. */
        public TaskRunner tasks() {
            return model.tasks();
        }
    }

    /**
     * A new view showing {@code profile}, with the flame graph state it opens with computed elsewhere (null to
     * compute it here); called on the FX thread.
     */
    public static Node create(Context context, Profile profile, Future<FlameViewState> opening) {
        return new ProfileView(context, profile, opening);
    }

    /** The profile view; takes Ctrl+F and Esc from the window wherever the focus is. */
    static final class ProfileView extends BorderPane implements MainView.KeyboardTarget {
        private final Context context;
        private final FlameGraphPane pane = new FlameGraphPane();
        private final TimelineStrip timeline = new TimelineStrip();
        private final HeapChart heapChart = new HeapChart();
        /** The heap snapshots of the profile shown, or null when it has none. */
        private HeapSeries heap;
        private boolean syncingHeap;
        private final ComboBox<StoredProfile> events = new ComboBox<>();
        private final ToggleButton lanes = new ToggleButton("Per thread");
        private final ToggleButton info = new ToggleButton("Info");
        private final Button clearRange = new Button("Clear range");
        private final Button compareRange = new Button("Compare range");
        private final Button pinBaseline = new Button("Use as baseline");
        /** A selection of this profile pinned as the baseline of the next comparison, or null. */
        private Selection pinned;
        private final Label rangeLabel = new Label();
        private final Label note = new Label();
        private final VBox timelineBox;
        private final ScrollPane infoPanel = new ScrollPane();
        private Profile profile;
        private boolean switching;

        ProfileView(Context context, Profile profile, Future<FlameViewState> opening) {
            this.context = context;
            getStyleClass().add("profile-view");
            events.setVisibleRowCount(12);
            events.setCellFactory(v -> new EventCell());
            events.setButtonCell(new EventCell());
            events.setTooltip(new Tooltip("The event kinds recorded in this file"));
            events.valueProperty().addListener((o, was, now) -> {
                if (!switching && now != null && (this.profile == null || now.id() != context.tab().profileId())) {
                    switchTo(now);
                }
            });
            lanes.setTooltip(new Tooltip("One lane per thread in the timeline"));
            timeline.perThreadProperty().bind(lanes.selectedProperty());
            info.setTooltip(new Tooltip("Recording metadata"));
            info.selectedProperty().addListener((o, was, now) -> setRight(now ? infoPanel : null));
            clearRange.setOnAction(e -> timeline.setSelection(null));
            clearRange.getStyleClass().add("small-button");
            compareRange.getStyleClass().add("small-button");
            compareRange.setTooltip(new Tooltip("Compare the selected range with the whole profile (same threads, "
                    + "normalised) in a new tab"));
            compareRange.setOnAction(e -> compareRange());
            pinBaseline.getStyleClass().add("small-button");
            pinBaseline.setTooltip(new Tooltip("Remember the current selection (threads and time range) as the "
                    + "baseline; then select another range or other threads and press Compare"));
            pinBaseline.setOnAction(e -> pin());
            rangeLabel.getStyleClass().add("range-label");
            note.getStyleClass().add("profile-note");
            note.setWrapText(false);
            timeline.selectionProperty().addListener((o, was, range) -> {
                pane.viewModel().setTimeRange(range);
                showRange(range);
                if (heap != null && !syncingHeap) {
                    syncingHeap = true;
                    heapChart.setSelected(range == null ? shownSnapshot() : heap.byNumber((int) range.from()));
                    syncingHeap = false;
                }
            });
            // A snapshot chosen on the heap chart: its tree is the timeline's rows at its number (see HeapSeries).
            heapChart.selectedProperty().addListener((o, was, now) -> {
                if (heap != null && !syncingHeap) {
                    syncingHeap = true;
                    HeapSeries.Snapshot shown = shownSnapshot();
                    timeline.setSelection(now == null || now.equals(shown) ? null : HeapSeries.rangeOf(now));
                    if (now == null) {
                        heapChart.setSelected(shown);
                    }
                    syncingHeap = false;
                }
            });
            // A clicked lane shows that thread alone; the lane of a thread chosen alone in the selector is marked.
            timeline.selectedThreadProperty().addListener((o, was, now) -> pane.selectThread(now.intValue()));
            pane.viewModel().specProperty().addListener((o, was, now) -> {
                Set<Integer> chosen = now.threads();
                timeline.setSelectedThread(chosen.size() == 1 ? chosen.iterator().next() : -1);
            });
            Label eventLabel = new Label("Event");
            // Only the note gives way when the header is narrow; labels and buttons keep their size.
            for (javafx.scene.control.Control c : List.of(eventLabel, clearRange, compareRange, pinBaseline, lanes, info,
                    rangeLabel)) {
                c.setMinWidth(Region.USE_PREF_SIZE);
            }
            events.setMinWidth(160);
            note.setMinWidth(0);
            HBox.setHgrow(note, Priority.SOMETIMES);
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            HBox header = new HBox(8, eventLabel, events, note, spacer, rangeLabel, pinBaseline, compareRange, clearRange,
                    lanes,
                    info);
            header.setAlignment(Pos.CENTER_LEFT);
            header.setPadding(new Insets(4, 8, 4, 8));
            header.getStyleClass().add("profile-header");
            timelineBox = new VBox(timeline, heapChart);
            timelineBox.setPadding(new Insets(0, 8, 4, 8));
            setTop(new VBox(header, timelineBox));
            setCenter(pane);
            infoPanel.setFitToWidth(true);
            infoPanel.setPrefWidth(340);
            infoPanel.getStyleClass().add("info-panel");
            showRange(null);
            show(profile, opening);
            loadSiblings();
        }

        /** Stops the flame graph's background work for good: the tab showing this view was closed. */
        void dispose() {
            pane.dispose();
        }

        FlameGraphPane pane() {
            return pane;
        }

        TimelineStrip timeline() {
            return timeline;
        }

        HeapChart heapChart() {
            return heapChart;
        }

        ComboBox<StoredProfile> events() {
            return events;
        }

        Button compareRangeButton() {
            return compareRange;
        }

        ToggleButton infoButton() {
            return info;
        }

        ToggleButton lanesButton() {
            return lanes;
        }

        private void show(Profile p) {
            show(p, null);
        }

        private void show(Profile p, Future<FlameViewState> opening) {
            this.profile = p;
            timeline.setSelection(null);
            pane.setProfile(p, opening);
            heap = HeapSeries.of(p.info());
            heapChart.setSeries(heap);
            heapChart.setVisible(heap != null);
            heapChart.setManaged(heap != null);
            if (heap != null) {
                syncingHeap = true;
                heapChart.setSelected(shownSnapshot());
                syncingHeap = false;
            }
            Timeline t = p.timeline();
            boolean timed = heap == null && t != null && t.size() > 0;
            timeline.setVisible(timed);
            timeline.setManaged(timed);
            timelineBox.setVisible(timed || heap != null);
            timelineBox.setManaged(timed || heap != null);
            lanes.setDisable(!timed);
            List<ThreadInfo> threads = p.threads();
            timeline.setThreadNames(i -> i >= 0 && i < threads.size() ? threads.get(i).label() : "(no thread)");
            timeline.setHistogram(null);
            if (timed) {
                Task<ActivityHistogram> task = new Task<>() {
                    @Override
                    protected ActivityHistogram call() {
                        return ActivityHistogram.of(t, BINS, LANES, i -> true);
                    }
                };
                task.setOnSucceeded(e -> {
                    if (profile == p) {
                        timeline.setHistogram(task.getValue());
                    }
                });
                context.tasks().run(task);
            }
            String threshold = p.info().attributes().get("threshold");
            if (threshold != null && !threshold.isBlank()) {
                note.setText(threshold.matches("0+(\\.0+)?\\s*\\S*") ? "Every event was recorded (threshold " + threshold
                        + ")." : "Events shorter than " + threshold + " were not recorded (threshold).");
                note.setTooltip(new Tooltip(note.getText()));
            } else if (p.info().event().equals("jdk.NativeMethodSample")) {
                note.setText("Threads in native code, sampled; not CPU time.");
            } else if (p.info().attributes().containsKey("note")) {
                // What the format cannot say (gprof's and Callgrind's rebuilt call paths, Massif's snapshots).
                note.setText(p.info().attributes().get("note"));
                note.setTooltip(new Tooltip(note.getText()));
                note.getTooltip().setWrapText(true);
                note.getTooltip().setMaxWidth(520);
            } else {
                note.setText("");
            }
            infoPanel.setContent(infoGrid(p));
        }

        private void showRange(TimeRange range) {
            clearRange.setText(heap != null ? "Show " + shownName() : "Clear range");
            clearRange.setVisible(range != null);
            clearRange.setManaged(range != null);
            compareRange.setVisible(range != null || pinned != null);
            compareRange.setManaged(range != null || pinned != null);
            compareRange.setText(pinned != null ? "Compare with baseline" : heap != null ? "Compare with "
                    + shownName() : "Compare range");
            rangeLabel.setVisible(range != null);
            rangeLabel.setManaged(range != null);
            if (range != null && heap != null) {
                rangeLabel.setText("Tree of snapshot " + range.from());
            } else if (range != null) {
                rangeLabel.setText(String.format(Locale.ROOT, "Range: %s", WeightUnit.NANOSECONDS.format(
                        range.duration())));
            }
        }

        /** Opens a tab comparing the selected range (candidate) with the whole profile (baseline). */
        /** A selection of the profile: some threads (empty for all) and a time range (null for all). */
        private record Selection(Set<Integer> threads, TimeRange range, String name) {
        }

        /** The snapshot whose tree the profile's own samples are (the peak), or null. */
        private HeapSeries.Snapshot shownSnapshot() {
            if (heap == null) {
                return null;
            }
            String shown = profile == null ? null : profile.info().attributes().get(HeapSeries.SHOWN_ATTRIBUTE);
            HeapSeries.Snapshot s = shown == null || !shown.matches("\\d{1,9}") ? null
                    : heap.byNumber(Integer.parseInt(shown));
            return s != null ? s : heap.peak();
        }

        private String shownName() {
            HeapSeries.Snapshot s = shownSnapshot();
            return s == null ? "whole profile" : "snapshot " + s.number() + (s.tree() == HeapSeries.Tree.PEAK
                    ? " (peak)" : "");
        }

        private Selection currentSelection() {
            Set<Integer> threads = pane.viewModel().specProperty().get().threads();
            TimeRange range = timeline.getSelection();
            List<String> parts = new ArrayList<>();
            if (heap != null) {
                parts.add(range == null ? shownName() : "snapshot " + range.from());
            } else if (range != null) {
                parts.add("range of " + WeightUnit.NANOSECONDS.format(range.duration()) + " at "
                        + WeightUnit.NANOSECONDS.format(range.from() - timelineStart()));
            }
            if (!threads.isEmpty()) {
                parts.add(threads.size() == 1 ? "1 thread" : threads.size() + " threads");
            }
            return new Selection(Set.copyOf(threads), range, parts.isEmpty() ? "whole profile" : String.join(", ", parts));
        }

        private long timelineStart() {
            Timeline t = profile == null ? null : profile.timeline();
            long min = Long.MAX_VALUE;
            for (int i = 0; t != null && i < t.size(); i++) {
                min = Math.min(min, t.time(i));
            }
            return min == Long.MAX_VALUE ? 0 : min;
        }

        /** Pins the current selection as the baseline of the next comparison. */
        void pin() {
            pinned = currentSelection();
            pinBaseline.setText("Baseline: " + pinned.name());
            showRange(timeline.getSelection());
        }

        private void compareRange() {
            Profile p = profile;
            if (p == null || context.tab().getTabPane() == null) {
                return;
            }
            Selection current = currentSelection();
            Selection baseline = pinned != null ? pinned
                    : new Selection(current.threads(), null, heap != null ? shownName() : "whole profile");
            if (pinned == null && current.range() == null) {
                return;
            }
            java.util.concurrent.Callable<ComparisonTab.Sides> sides = () -> {
                FrameNamer namer = FrameNamers.forProfile(p);
                return new ComparisonTab.Sides(
                        ProfileDiff.Side.of(p, namer, baseline.threads(), baseline.range(), baseline.name(),
                                ProgressMonitor.NONE),
                        ProfileDiff.Side.of(p, namer, current.threads(), current.range(), current.name(),
                                ProgressMonitor.NONE), true);
            };
            ComparisonTab tab = new ComparisonTab(p.info().name() + ": " + baseline.name() + " vs " + current.name(),
                    context.tasks(), sides);
            context.tab().getTabPane().getTabs().add(tab);
            context.tab().getTabPane().getSelectionModel().select(tab);
        }

        Button pinBaselineButton() {
            return pinBaseline;
        }

        private void loadSiblings() {
            long id = context.tab().profileId();
            context.model().siblings(id, found -> {
                switching = true;
                events.getItems().setAll(found);
                found.stream().filter(p -> p.id() == id).findFirst().ifPresent(events::setValue);
                switching = false;
                events.setDisable(events.getItems().size() < 2);
            }, message -> events.setDisable(true));
        }

        private void switchTo(StoredProfile target) {
            context.model().load(target.id(), loaded -> {
                context.tab().showing(target);
                show(loaded);
            }, message -> note.setText("Could not open " + target.info().name() + ": " + message));
        }

        private static Node infoGrid(Profile p) {
            ProfileInfo i = p.info();
            GridPane grid = new GridPane();
            grid.setHgap(10);
            grid.setVgap(4);
            grid.setPadding(new Insets(10));
            grid.getStyleClass().add("info-grid");
            int[] row = {0};
            java.util.function.BiConsumer<String, String> add = (key, value) -> {
                if (value == null || value.isBlank()) {
                    return;
                }
                Label k = new Label(key);
                k.getStyleClass().add("info-key");
                k.setMinWidth(Region.USE_PREF_SIZE);
                Label v = new Label(value);
                v.setWrapText(true);
                v.getStyleClass().add("info-value");
                grid.add(k, 0, row[0]);
                grid.add(v, 1, row[0]++);
            };
            add.accept("Name", i.name());
            add.accept("Format", i.format());
            add.accept("Event", i.event());
            add.accept("Unit", i.unit().symbol());
            add.accept("Samples", String.format(Locale.ROOT, "%,d", i.sampleCount()));
            add.accept("Total", i.unit().format(i.totalWeight()));
            if (i.startTime() != null) {
                add.accept("Started", WHEN.format(i.startTime()));
            }
            if (i.durationNanos() >= 0) {
                add.accept("Duration", WeightUnit.NANOSECONDS.format(i.durationNanos()));
            }
            add.accept("Threads", String.format(Locale.ROOT, "%,d", p.threads().size()));
            add.accept("Frames", String.format(Locale.ROOT, "%,d", p.frames().size()));
            add.accept("Host", i.host());
            add.accept("Command", i.command());
            add.accept("Source", i.sourcePath());
            for (Map.Entry<String, String> e : i.attributes().entrySet()) {
                // Data for the views (the heap chart, the table's calls), summarised in other rows.
                if (!e.getKey().equals(HeapSeries.ATTRIBUTE) && !e.getKey().equals(CallCounts.ATTRIBUTE)) {
                    add.accept(e.getKey(), e.getValue());
                }
            }
            Label title = new Label("Recording");
            title.getStyleClass().add("info-title");
            VBox box = new VBox(4, title, grid);
            box.setPadding(new Insets(6));
            return box;
        }

        @Override
        public void focusSearch() {
            pane.searchField().requestFocus();
            pane.searchField().selectAll();
        }

        @Override
        public boolean escape() {
            if (timeline.getSelection() != null) {
                timeline.setSelection(null);
                return true;
            }
            // The pane zooms out and clears search and selection on Esc; hand it the key.
            pane.fireEvent(new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.ESCAPE, false, false, false, false));
            return true;
        }
    }

    /** An event choice: the event kind, and how many samples it has. */
    private static final class EventCell extends ListCell<StoredProfile> {
        @Override
        protected void updateItem(StoredProfile item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setText(null);
            } else {
                String name = item.info().name();
                int dot = name.lastIndexOf(" · ");
                String kind = dot >= 0 ? name.substring(dot + 3) : item.info().event().isEmpty() ? name
                        : item.info().event();
                setText(kind + String.format(Locale.ROOT, "  (%,d)", item.info().sampleCount()));
            }
        }
    }
}
