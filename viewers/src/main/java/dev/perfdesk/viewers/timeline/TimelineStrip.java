package dev.perfdesk.viewers.timeline;

import java.util.List;
import java.util.function.IntFunction;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.control.Control;
import javafx.scene.control.Skin;

import dev.perfdesk.core.timeline.ActivityHistogram;
import dev.perfdesk.core.timeline.TimeRange;

/**
 * The activity strip above a flame graph: sample weight over time, all threads in one row or one lane per thread.
 * Dragging selects a time range ({@link #selectionProperty()}); a click without dragging, a double click or Esc
 * clears it. In lanes, a click on a lane selects its thread ({@link #selectedThreadProperty()}); the range's label
 * is written above the bars. The histogram is computed off the FX thread ({@link ActivityHistogram#of}) and set in one step.
 *
 * <pre>{@code
 * TimelineStrip strip = new TimelineStrip();
 * strip.setHistogram(ActivityHistogram.of(profile.timeline(), 600, 8, t -> true));
 * strip.selectionProperty().addListener((o, was, range) -> viewModel.setTimeRange(range));
 * }</pre>
 */
public class TimelineStrip extends Control {
    private static final String DEFAULT_STYLE_CLASS = "timeline-strip";

    private final ObjectProperty<ActivityHistogram> histogram = new SimpleObjectProperty<>(this, "histogram");
    private final ObjectProperty<TimeRange> selection = new SimpleObjectProperty<>(this, "selection");
    private final BooleanProperty perThread = new SimpleBooleanProperty(this, "perThread", false);
    private final IntegerProperty selectedThread = new SimpleIntegerProperty(this, "selectedThread", -1);
    private final ObjectProperty<IntFunction<String>> threadNames = new SimpleObjectProperty<>(this, "threadNames",
            t -> t < 0 ? "(no thread)" : "thread " + t);

    public TimelineStrip() {
        getStyleClass().add(DEFAULT_STYLE_CLASS);
        setFocusTraversable(true);
    }

    @Override
    protected Skin<?> createDefaultSkin() {
        return new TimelineStripSkin(this);
    }

    @Override
    public String getUserAgentStylesheet() {
        return TimelineStrip.class.getResource("timeline-strip.css").toExternalForm();
    }

    /** What is drawn; null draws an empty strip. */
    public ObjectProperty<ActivityHistogram> histogramProperty() {
        return histogram;
    }

    public ActivityHistogram getHistogram() {
        return histogram.get();
    }

    public void setHistogram(ActivityHistogram value) {
        histogram.set(value);
    }

    /** The selected time range, or null for all of it. */
    public ObjectProperty<TimeRange> selectionProperty() {
        return selection;
    }

    public TimeRange getSelection() {
        return selection.get();
    }

    public void setSelection(TimeRange value) {
        selection.set(value);
    }

    /** One lane per thread (the histogram's lanes) instead of one row for all. */
    public BooleanProperty perThreadProperty() {
        return perThread;
    }

    public boolean isPerThread() {
        return perThread.get();
    }

    public void setPerThread(boolean value) {
        perThread.set(value);
    }

    /** Names lanes by thread index. */
    public ObjectProperty<IntFunction<String>> threadNamesProperty() {
        return threadNames;
    }

    public void setThreadNames(IntFunction<String> names) {
        threadNames.set(names);
    }

    /**
     * The thread whose lane is marked (an index into the profile's threads), or -1. Clicking a lane without
     * dragging sets it to that lane's thread, or back to -1 when it was already that thread.
     */
    public IntegerProperty selectedThreadProperty() {
        return selectedThread;
    }

    public int getSelectedThread() {
        return selectedThread.get();
    }

    public void setSelectedThread(int thread) {
        selectedThread.set(thread);
    }

    /** The height of one thread's lane, in pixels. */
    static final double LANE_HEIGHT = 24;
    /** The band above the bars where the selected range's label is written, clear of the bars. */
    static final double LABEL_BAND = 15;
    /** The time axis below the bars. */
    static final double AXIS = 16;

    /** The height the strip wants for its mode: one row, or a row per lane. */
    double preferredHeight() {
        ActivityHistogram h = getHistogram();
        List<ActivityHistogram.Lane> lanes = h == null ? List.of() : h.lanes();
        return isPerThread() && !lanes.isEmpty() ? LABEL_BAND + AXIS + lanes.size() * LANE_HEIGHT : 72;
    }
}
