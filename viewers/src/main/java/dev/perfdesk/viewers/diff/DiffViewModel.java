package dev.perfdesk.viewers.diff;

import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.regex.PatternSyntaxException;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import dev.perfdesk.core.calltree.CallTree;
import dev.perfdesk.core.diff.DiffColors;
import dev.perfdesk.core.diff.ProfileDiff;
import dev.perfdesk.core.flame.FlameSearch;
import dev.perfdesk.core.flame.FrameStyle;
import dev.perfdesk.core.flame.SearchQuery;
import dev.perfdesk.core.progress.ProgressMonitor;
import dev.perfdesk.viewers.LatestWins;
import dev.perfdesk.viewers.flame.FlameGraphViewModel;

/**
 * The observable state of a comparison and the only place that computes: the {@link ProfileDiff} of two sides
 * for the chosen {@link ProfileDiff.Options}, its {@link FrameStyle} for the chosen colour basis, and the search
 * result. Work runs on an injectable executor; only the latest request is applied (older ones are cancelled), in
 * one step on the UI executor ({@link LatestWins}). Tests pass {@code Runnable::run} for both to compute and apply
 * on the calling thread.
 *
 * <pre>{@code
 * DiffViewModel vm = new DiffViewModel(FlameGraphViewModel.defaultExecutor());
 * vm.setSides(ProfileDiff.Side.of(before, monitor), ProfileDiff.Side.of(after, monitor));
 * vm.setNormalize(true);
 * vm.swap();
 * }</pre>
 */
public final class DiffViewModel implements AutoCloseable {
    private final LatestWins diffWork;
    private final LatestWins searchWork;

    private final ReadOnlyObjectWrapper<ProfileDiff.Side> baseline = new ReadOnlyObjectWrapper<>(this, "baseline");
    private final ReadOnlyObjectWrapper<ProfileDiff.Side> candidate =
            new ReadOnlyObjectWrapper<>(this, "candidate");
    private final ReadOnlyObjectWrapper<ProfileDiff.Options> options =
            new ReadOnlyObjectWrapper<>(this, "options", ProfileDiff.Options.DEFAULT);
    private final ReadOnlyObjectWrapper<DiffColors.Basis> basis =
            new ReadOnlyObjectWrapper<>(this, "basis", DiffColors.Basis.TOTAL);
    private final ReadOnlyObjectWrapper<ProfileDiff> diff = new ReadOnlyObjectWrapper<>(this, "diff");
    private final ReadOnlyObjectWrapper<FrameStyle> style = new ReadOnlyObjectWrapper<>(this, "style");
    private final IntegerProperty zoomNode = new SimpleIntegerProperty(this, "zoomNode", CallTree.ROOT);
    private final ObjectProperty<SearchQuery> query = new SimpleObjectProperty<>(this, "query", SearchQuery.NONE);
    private final ReadOnlyObjectWrapper<FlameSearch.Result> searchResult =
            new ReadOnlyObjectWrapper<>(this, "searchResult");
    private final ReadOnlyStringWrapper searchError = new ReadOnlyStringWrapper(this, "searchError", "");
    private final StringProperty selectedFunction = new SimpleStringProperty(this, "selectedFunction");
    private final ReadOnlyIntegerWrapper highlightedName = new ReadOnlyIntegerWrapper(this, "highlightedName", -1);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");

    /** A view model computing on {@code executor}; see {@link FlameGraphViewModel#defaultExecutor()}. */
    public DiffViewModel(Executor executor) {
        this(executor, LatestWins.fxThread());
    }

    /**
     * A view model computing on {@code executor} and applying results on {@code ui}: {@link LatestWins#fxThread()}
     * in the application, {@code Runnable::run} in plain unit tests.
     */
    public DiffViewModel(Executor executor, Executor ui) {
        Objects.requireNonNull(executor, "executor");
        Objects.requireNonNull(ui, "ui");
        this.diffWork = new LatestWins(executor, ui);
        this.searchWork = new LatestWins(executor, ui);
        query.addListener((o, was, now) -> research());
        selectedFunction.addListener((o, was, now) -> updateHighlight());
    }

    /**
     * Compares {@code newCandidate} with {@code newBaseline}. Sides counting in different units are normalised,
     * as nothing else compares them.
     */
    public void setSides(ProfileDiff.Side newBaseline, ProfileDiff.Side newCandidate) {
        baseline.set(Objects.requireNonNull(newBaseline, "baseline"));
        candidate.set(Objects.requireNonNull(newCandidate, "candidate"));
        if (newBaseline.unit() != newCandidate.unit()
                && options.get().normalization() == ProfileDiff.Normalization.NONE) {
            options.set(options.get().withNormalization(ProfileDiff.Normalization.SHARES));
        }
        zoomNode.set(CallTree.ROOT);
        recompute();
    }

    /** Makes the baseline the candidate and the other way round: every change changes sign. */
    public void swap() {
        ProfileDiff.Side b = baseline.get();
        if (b == null) {
            return;
        }
        baseline.set(candidate.get());
        candidate.set(b);
        recompute();
    }

    /** Compares shares ({@link ProfileDiff.Normalization#SHARES}) or amounts. */
    public void setNormalize(boolean normalize) {
        setNormalization(normalize ? ProfileDiff.Normalization.SHARES : ProfileDiff.Normalization.NONE);
    }

    /** Whether and how the baseline is scaled to the candidate's total first. */
    public void setNormalization(ProfileDiff.Normalization normalization) {
        setOptions(options.get().withNormalization(normalization));
    }

    /** Draws the candidate's shape, or the baseline's (the reversed diff, where vanished frames show). */
    public void setShape(ProfileDiff.Shape shape) {
        setOptions(options.get().withShape(shape));
    }

    private void setOptions(ProfileDiff.Options newOptions) {
        if (!newOptions.equals(options.get())) {
            options.set(newOptions);
            recompute();
        }
    }

    /** Colours frames by the change of their self or of their total weight. */
    public void setBasis(DiffColors.Basis newBasis) {
        if (newBasis != basis.get()) {
            basis.set(newBasis);
            recompute();
        }
    }

    private void recompute() {
        ProfileDiff.Side b = baseline.get();
        ProfileDiff.Side c = candidate.get();
        if (b == null || c == null) {
            diffWork.cancel();
            return;
        }
        ProfileDiff.Options o = options.get();
        DiffColors.Basis colorBasis = basis.get();
        SearchQuery q = query.get();
        String selected = selectedFunction.get();
        ProfileDiff old = diff.get();
        String[] zoomPath = old != null && zoomNode.get() < old.tree().size()
                ? old.tree().path(zoomNode.get()) : new String[0];
        busy.set(true);
        diffWork.submit(monitor -> {
            ProfileDiff d = ProfileDiff.compute(b, c, o, monitor);
            FrameStyle st = DiffColors.style(d, colorBasis);
            SearchOutcome found = search(d, q, monitor);
            return new Computed(d, st, found, d.view().findPath(zoomPath));
        }, done -> {
            searchWork.cancel();
            ProfileDiff d = done.diff();
            diff.set(d);
            style.set(done.style());
            zoomNode.set(done.zoom());
            applySearch(done.found());
            highlightedName.set(selected == null ? -1 : d.view().names().id(selected));
            error.set("");
            busy.set(false);
        }, e -> {
            error.set("Could not compare the profiles: " + e.getMessage());
            busy.set(false);
        });
    }

    /** A diff computed off the UI thread, with everything applied with it. */
    private record Computed(ProfileDiff diff, FrameStyle style, SearchOutcome found, int zoom) {
    }

    private record SearchOutcome(FlameSearch.Result result, String error) {
    }

    private static SearchOutcome search(ProfileDiff d, SearchQuery q, ProgressMonitor monitor) {
        try {
            return new SearchOutcome(FlameSearch.search(d.tree(), q, monitor), "");
        } catch (PatternSyntaxException e) {
            return new SearchOutcome(FlameSearch.none(d.tree()), "Invalid expression: " + e.getDescription());
        }
    }

    private void applySearch(SearchOutcome found) {
        searchResult.set(found.result());
        searchError.set(found.error());
    }

    private void research() {
        ProfileDiff d = diff.get();
        SearchQuery q = query.get();
        if (d == null) {
            searchWork.cancel();
            return;
        }
        searchWork.submit(monitor -> search(d, q, monitor), found -> {
            if (diff.get() == d) {
                applySearch(found);
            }
        }, e -> {
            // A search that fails for another reason than its expression leaves the last result shown.
        });
    }

    private void updateHighlight() {
        ProfileDiff d = diff.get();
        String name = selectedFunction.get();
        highlightedName.set(d == null || name == null ? -1 : d.view().names().id(name));
    }

    /** Drops any work still running: its result is not applied. The executor is left to its owner. */
    @Override
    public void close() {
        diffWork.close();
        searchWork.close();
    }

    public ReadOnlyObjectProperty<ProfileDiff.Side> baselineProperty() {
        return baseline.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ProfileDiff.Side> candidateProperty() {
        return candidate.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ProfileDiff.Options> optionsProperty() {
        return options.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<DiffColors.Basis> basisProperty() {
        return basis.getReadOnlyProperty();
    }

    /** The latest comparison, or null before the first is computed. */
    public ReadOnlyObjectProperty<ProfileDiff> diffProperty() {
        return diff.getReadOnlyProperty();
    }

    public ProfileDiff getDiff() {
        return diff.get();
    }

    /** The colours and tooltips of {@link #getDiff()}'s frames. */
    public ReadOnlyObjectProperty<FrameStyle> styleProperty() {
        return style.getReadOnlyProperty();
    }

    public IntegerProperty zoomNodeProperty() {
        return zoomNode;
    }

    public ObjectProperty<SearchQuery> queryProperty() {
        return query;
    }

    public ReadOnlyObjectProperty<FlameSearch.Result> searchResultProperty() {
        return searchResult.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty searchErrorProperty() {
        return searchError.getReadOnlyProperty();
    }

    /** The function selected in the table, or null. */
    public StringProperty selectedFunctionProperty() {
        return selectedFunction;
    }

    /** The selected function's name id in the current diff's tree, or -1. */
    public ReadOnlyIntegerProperty highlightedNameProperty() {
        return highlightedName.getReadOnlyProperty();
    }

    /** Whether a comparison is being computed. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** A sentence for people when computing failed, else empty. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
