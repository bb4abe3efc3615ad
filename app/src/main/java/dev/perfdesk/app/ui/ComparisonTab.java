package dev.perfdesk.app.ui;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;

import dev.perfdesk.core.diff.ProfileDiff;
import dev.perfdesk.viewers.diff.DiffFlameGraphPane;

/**
 * A tab comparing two stored profiles, or two selections of one, in a {@link DiffFlameGraphPane}. Both sides are
 * read and named in the background while the tab shows a spinner; the pane then computes the diff on its own
 * thread. The title follows the pane's Swap button.
 */
public final class ComparisonTab extends Tab {
    private final long baselineId;
    private final long candidateId;

    /** Compares the stored profile {@code candidate} with {@code baseline}, read through {@code model}. */
    public ComparisonTab(ProfileTabModel model, LibraryEntry baseline, LibraryEntry candidate) {
        this(baseline.id(), candidate.id(), baseline.title() + " vs " + candidate.title(),
                (show, fail) -> model.comparison(baseline, candidate, show, fail));
    }

    /**
     * Compares two sides made in the background by {@code sides} through {@code tasks}, such as two selections of
     * one profile.
     */
    public ComparisonTab(String title, TaskRunner tasks, Callable<Sides> sides) {
        this(-1, -1, title, (show, fail) -> tasks.submit(sides, show, fail));
    }

    /** Starts making the two sides, handing them (or what went wrong) to the consumers on the FX thread. */
    private interface SidesSource {
        TaskRunner.Cancellable start(Consumer<Sides> show, Consumer<String> fail);
    }

    private ComparisonTab(long baselineId, long candidateId, String title, SidesSource sidesSource) {
        this.baselineId = baselineId;
        this.candidateId = candidateId;
        setText(title);
        setTooltip(new Tooltip(title));
        getStyleClass().add("comparison-tab");
        setContent(TabContent.loading("Loading " + title + "\u2026"));
        TaskRunner.Cancellable sides = sidesSource.start(loaded -> {
            ComparisonView view = new ComparisonView();
            view.pane.viewModel().candidateProperty().addListener((o, was, now) -> {
                ProfileDiff.Side b = view.pane.viewModel().baselineProperty().get();
                setText(b.name() + " vs " + now.name());
                setTooltip(new Tooltip(getText()));
            });
            view.setNote(loaded.note());
            view.pane.viewModel().setNormalize(loaded.normalize());
            view.pane.setSides(loaded.baseline(), loaded.candidate());
            setContent(view);
        }, message -> setContent(TabContent.failed("Could not compare: " + message)));
        // Closed by any means (the close button, Ctrl+W): the reading stops, and the pane stops its thread.
        tabPaneProperty().addListener((o, was, now) -> {
            if (was != null && now == null) {
                sides.cancel();
                if (pane() != null) {
                    pane().dispose();
                }
            }
        });
    }

    /**
     * The two sides of a comparison, read and named.
     *
     * @param normalize whether to compare shares rather than amounts from the start (a range against the whole)
     * @param note      a line above the comparison saying where the sides come from (the runs around a change
     *                  point), or empty
     */
    public record Sides(ProfileDiff.Side baseline, ProfileDiff.Side candidate, boolean normalize, String note) {
        /** Two sides without a note. */
        public Sides(ProfileDiff.Side baseline, ProfileDiff.Side candidate, boolean normalize) {
            this(baseline, candidate, normalize, "");
        }
    }

    /** Whether the tab compares these two stored profiles, in this order. */
    public boolean compares(long baseline, long candidate) {
        return baselineId == baseline && candidateId == candidate;
    }

    /** Whether either side is the stored profile {@code id}. */
    public boolean involves(long id) {
        return id >= 0 && (baselineId == id || candidateId == id);
    }

    /** The pane, once both sides are loaded; null before. */
    public DiffFlameGraphPane pane() {
        return getContent() instanceof ComparisonView ? ((ComparisonView) getContent()).pane : null;
    }

    /** The comparison view; takes Ctrl+F and Esc from the window wherever the focus is. */
    static final class ComparisonView extends BorderPane implements MainView.KeyboardTarget {
        private final DiffFlameGraphPane pane = new DiffFlameGraphPane();

        /** The differential flame graph. */
        DiffFlameGraphPane pane() {
            return pane;
        }

        ComparisonView() {
            getStyleClass().add("comparison-view");
            setCenter(pane);
        }

        /** Shows {@code note} above the comparison; nothing when it is empty. */
        void setNote(String note) {
            if (note == null || note.isEmpty()) {
                setTop(null);
                return;
            }
            Label label = new Label(note);
            label.getStyleClass().add("comparison-note");
            label.setWrapText(true);
            label.setPadding(new javafx.geometry.Insets(4, 8, 4, 8));
            label.setMaxWidth(Double.MAX_VALUE);
            setTop(label);
        }

        /** The note above the comparison, or null when there is none; for tests. */
        Label note() {
            return getTop() instanceof Label l ? l : null;
        }

        @Override
        public void focusSearch() {
            pane.focusSearch();
        }

        @Override
        public boolean escape() {
            pane.escape();
            return true;
        }
    }
}
