package dev.perfdesk.viewers.flame;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
import dev.perfdesk.core.calltree.NamedStacks;
import dev.perfdesk.core.flame.Butterfly;
import dev.perfdesk.core.flame.ColorMode;
import dev.perfdesk.core.flame.FlameSearch;
import dev.perfdesk.core.flame.FlameViewSpec;
import dev.perfdesk.core.flame.FlameViewState;
import dev.perfdesk.core.flame.SearchQuery;
import dev.perfdesk.core.flame.StackTransform;
import dev.perfdesk.core.model.Profile;
import dev.perfdesk.core.naming.FrameNamer;
import dev.perfdesk.core.naming.FrameNamers;
import dev.perfdesk.core.naming.NamingOptions;
import dev.perfdesk.core.progress.CancelledException;
import dev.perfdesk.core.progress.ProgressMonitor;
import dev.perfdesk.core.timeline.TimeRange;
import dev.perfdesk.viewers.LatestWins;

/**
 * The observable state of a flame graph pane and the only place that computes: a {@link FlameViewState} for the
 * profile and {@link FlameViewSpec}, the search result and the butterfly of the selected function. Work runs on an
 * injectable executor, and only the latest request of each kind is applied (older ones are cancelled), in one step
 * on the UI executor ({@link LatestWins}). Tests pass {@code Runnable::run} for both to compute and apply on the
 * calling thread.
 *
 * <pre>{@code
 * FlameGraphViewModel vm = new FlameGraphViewModel(FlameGraphViewModel.defaultExecutor());
 * vm.setProfile(profile);
 * vm.addTransform(StackTransform.exclude("Interpreter"));
 * }</pre>
 */
public final class FlameGraphViewModel implements AutoCloseable {
    private final Executor executor;
    private final Executor ui;
    private final LatestWins stateWork;
    private final LatestWins searchWork;
    private final LatestWins butterflyWork;

    private final ReadOnlyObjectWrapper<Profile> profile = new ReadOnlyObjectWrapper<>(this, "profile");
    private final ObjectProperty<FlameViewSpec> spec =
            new SimpleObjectProperty<>(this, "spec", FlameViewSpec.DEFAULT);
    private final ReadOnlyObjectWrapper<FlameViewState> state = new ReadOnlyObjectWrapper<>(this, "state");
    private final IntegerProperty zoomNode = new SimpleIntegerProperty(this, "zoomNode", CallTree.ROOT);
    private final ObjectProperty<SearchQuery> query = new SimpleObjectProperty<>(this, "query", SearchQuery.NONE);
    private final ReadOnlyObjectWrapper<FlameSearch.Result> searchResult =
            new ReadOnlyObjectWrapper<>(this, "searchResult");
    private final ReadOnlyStringWrapper searchError = new ReadOnlyStringWrapper(this, "searchError", "");
    private final ReadOnlyIntegerWrapper currentMatch = new ReadOnlyIntegerWrapper(this, "currentMatch", -1);
    private final StringProperty selectedFunction = new SimpleStringProperty(this, "selectedFunction");
    private final ReadOnlyIntegerWrapper highlightedName = new ReadOnlyIntegerWrapper(this, "highlightedName", -1);
    private final ReadOnlyObjectWrapper<Butterfly> butterfly = new ReadOnlyObjectWrapper<>(this, "butterfly");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");

    private FrameNamer namer;
    /** The namer with line numbers, made when first asked for. */
    private FrameNamer linesNamer;
    /** A state computed elsewhere for the profile being opened (see {@link #setProfile(Profile, Future)}). */
    private Profile openingProfile;
    private Future<FlameViewState> openingState;
    private int matchIndex = -1;
    /** Base stacks of the last thread selection: transforms and orientation changes reuse them. */
    private final Object cacheLock = new Object();
    private Profile cachedProfile;
    private Set<Integer> cachedThreads;
    private TimeRange cachedRange;
    private boolean cachedLines;
    private NamedStacks cachedBase;

    /** A view model computing on {@code executor} and applying results on the FX thread. */
    public FlameGraphViewModel(Executor executor) {
        this(executor, LatestWins.fxThread());
    }

    /**
     * A view model computing on {@code executor} and applying results on {@code ui}: {@link LatestWins#fxThread()}
     * in the application, {@code Runnable::run} in plain unit tests.
     */
    public FlameGraphViewModel(Executor executor, Executor ui) {
        Objects.requireNonNull(executor, "executor");
        Objects.requireNonNull(ui, "ui");
        this.executor = executor;
        this.ui = ui;
        this.stateWork = new LatestWins(executor, ui);
        this.searchWork = new LatestWins(executor, ui);
        this.butterflyWork = new LatestWins(executor, ui);
        spec.addListener((o, was, now) -> recompute(was != null && was.reversed() == now.reversed()));
        query.addListener((o, was, now) -> research());
        selectedFunction.addListener((o, was, now) -> updateSelection());
    }

    /**
     * A call tree table's model over this model's view (the same threads, range and transforms), computing on the
     * same executors; the caller closes it.
     */
    public CallTreeViewModel newCallTree() {
        CallTreeViewModel calls = new CallTreeViewModel(executor, ui);
        calls.stateProperty().bind(stateProperty());
        return calls;
    }

    /**
     * A sandwich view's model over this model's view, following its selected function, computing on the same
     * executors; the caller closes it.
     */
    public SandwichViewModel newSandwich() {
        SandwichViewModel sandwich = new SandwichViewModel(executor, ui);
        sandwich.stateProperty().bind(stateProperty());
        sandwich.functionProperty().set(selectedFunction.get());
        selectedFunction.addListener((o, was, now) -> {
            if (now != null) {
                sandwich.functionProperty().set(now);
            }
        });
        return sandwich;
    }

    /** One daemon thread for background work. */
    public static ExecutorService defaultExecutor() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "flame-graph-worker");
            t.setDaemon(true);
            return t;
        });
    }

    /** Shows {@code newProfile}: all threads, no transforms, no zoom; orientation and colours are kept. */
    public void setProfile(Profile newProfile) {
        setProfile(newProfile, null);
    }

    /**
     * As {@link #setProfile(Profile)}, with the state the profile opens with being computed elsewhere already
     * (see {@link #openingState}), so that opening need not wait for this model to exist before that work starts.
     * It is used if it was computed for the spec this model opens the profile with, and recomputed otherwise.
     */
    public void setProfile(Profile newProfile, Future<FlameViewState> opening) {
        openingProfile = opening == null ? null : newProfile;
        openingState = opening;
        profile.set(newProfile);
        namer = newProfile == null ? null : FrameNamers.forProfile(newProfile);
        linesNamer = null;
        zoomNode.set(CallTree.ROOT);
        selectedFunction.set(null);
        FlameViewSpec reset = spec.get().withThreads(Set.of()).withTransforms(List.of()).withTimeRange(null);
        if (reset.equals(spec.get())) {
            recompute(false);
        } else {
            spec.set(reset);
        }
    }

    private void recompute(boolean keepZoom) {
        Profile p = profile.get();
        if (p == null) {
            stateWork.cancel();
            state.set(null);
            return;
        }
        FlameViewSpec s = spec.get();
        SearchQuery q = query.get();
        String selected = selectedFunction.get();
        FrameNamer n = s.lines() ? linesNamer(p) : namer;
        FlameViewState old = state.get();
        String[] zoomPath = keepZoom && old != null && zoomNode.get() < old.tree().size()
                ? old.tree().path(zoomNode.get()) : new String[0];
        Future<FlameViewState> opening = openingProfile == p ? openingState : null;
        openingProfile = null;
        openingState = null;
        busy.set(true);
        stateWork.submit(monitor -> {
            FlameViewState st = opened(opening, p, s);
            if (st == null) {
                NamedStacks base = base(p, n, s.threads(), s.timeRange(), s.lines(), monitor);
                st = FlameViewState.compute(base, p.info(), p.threads(), s, monitor);
            }
            SearchOutcome found = search(st, q, monitor);
            Butterfly b = selected == null ? null : Butterfly.of(st.stacks(), selected);
            return new Computed(st, found, b, st.findPath(zoomPath));
        }, done -> {
            searchWork.cancel();
            butterflyWork.cancel();
            FlameViewState computed = done.state();
            state.set(computed);
            zoomNode.set(done.zoom());
            applySearch(done.found());
            butterfly.set(done.butterfly());
            highlightedName.set(selected == null ? -1 : computed.names().id(selected));
            error.set("");
            busy.set(false);
        }, e -> {
            error.set("Could not build the flame graph: " + e.getMessage());
            busy.set(false);
        });
    }

    /** A state computed off the UI thread, with everything applied with it. */
    private record Computed(FlameViewState state, SearchOutcome found, Butterfly butterfly, int zoom) {
    }

    /**
     * The state {@code opening} holds, when it was computed for {@code spec} (which must then have no threads,
     * transforms or range: the opening spec); its stacks become the cached base. Null when there is none to use.
     */
    private FlameViewState opened(Future<FlameViewState> opening, Profile p, FlameViewSpec spec) {
        if (opening == null) {
            return null;
        }
        FlameViewState st;
        try {
            st = opening.get();
        } catch (ExecutionException | CancellationException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException();
        }
        if (st == null || !st.spec().equals(spec) || !spec.transforms().isEmpty() || !spec.threads().isEmpty()
                || spec.timeRange() != null || spec.lines()) {
            return null;
        }
        synchronized (cacheLock) {
            cachedProfile = p;
            cachedThreads = spec.threads();
            cachedRange = null;
            cachedLines = false;
            cachedBase = st.stacks();
        }
        return st;
    }

    /**
     * The state a profile opens with in a new model (all threads, no transforms, default orientation and colours),
     * for computing while the view is still being built; hand it to {@link #setProfile(Profile, Future)}.
     */
    public static FlameViewState openingState(Profile p, ProgressMonitor monitor) {
        return FlameViewState.compute(p, FrameNamers.forProfile(p), FlameViewSpec.DEFAULT, monitor);
    }

    private FrameNamer linesNamer(Profile p) {
        if (linesNamer == null) {
            linesNamer = FrameNamers.forProfile(p, NamingOptions.DEFAULT.withLines(true));
        }
        return linesNamer;
    }

    private NamedStacks base(Profile p, FrameNamer n, Set<Integer> threads, TimeRange range, boolean lines,
                             ProgressMonitor monitor) {
        synchronized (cacheLock) {
            if (cachedProfile == p && threads.equals(cachedThreads) && Objects.equals(range, cachedRange)
                    && lines == cachedLines) {
                return cachedBase;
            }
        }
        NamedStacks base = FlameViewState.baseStacks(p, n, threads, range, monitor);
        synchronized (cacheLock) {
            cachedProfile = p;
            cachedThreads = threads;
            cachedRange = range;
            cachedLines = lines;
            cachedBase = base;
        }
        return base;
    }

    /** Names frames that know their line {@code name:line} (a method at two lines is two frames), or not. */
    public void setLines(boolean lines) {
        changeSpec(spec.get().withLines(lines));
    }

    /** Shows only samples in {@code range} (the profile's timeline), or all samples when null. */
    public void setTimeRange(TimeRange range) {
        changeSpec(spec.get().withTimeRange(range));
    }

    private record SearchOutcome(FlameSearch.Result result, String error) {
    }

    private static SearchOutcome search(FlameViewState st, SearchQuery q, ProgressMonitor monitor) {
        try {
            return new SearchOutcome(FlameSearch.search(st.tree(), q, monitor), "");
        } catch (PatternSyntaxException e) {
            return new SearchOutcome(FlameSearch.none(st.tree()), "Invalid expression: " + e.getDescription());
        }
    }

    private void applySearch(SearchOutcome found) {
        searchResult.set(found.result());
        searchError.set(found.error());
        matchIndex = -1;
        currentMatch.set(-1);
    }

    private void research() {
        FlameViewState st = state.get();
        SearchQuery q = query.get();
        if (st == null) {
            searchWork.cancel();
            return;
        }
        searchWork.submit(monitor -> search(st, q, monitor), found -> {
            if (state.get() == st) {
                applySearch(found);
            }
        }, e -> {
            // A search that fails for another reason than its expression leaves the last result shown.
        });
    }

    private void updateSelection() {
        FlameViewState st = state.get();
        String name = selectedFunction.get();
        if (st == null || name == null) {
            butterflyWork.cancel();
            highlightedName.set(-1);
            butterfly.set(null);
            return;
        }
        highlightedName.set(st.names().id(name));
        butterflyWork.submit(monitor -> Butterfly.of(st.stacks(), name), b -> {
            if (state.get() == st) {
                butterfly.set(b);
            }
        }, e -> {
            // The butterfly of the last selection stays.
        });
    }

    /** Drops any work still running: its result is not applied. The executor is left to its owner. */
    @Override
    public void close() {
        stateWork.close();
        searchWork.close();
        butterflyWork.close();
    }

    /** Moves to the next search match (wrapping) and returns its node, or -1 when nothing matches. */
    public int nextMatch() {
        return stepMatch(1);
    }

    /** Moves to the previous search match (wrapping) and returns its node, or -1. */
    public int previousMatch() {
        return stepMatch(-1);
    }

    private int stepMatch(int step) {
        FlameSearch.Result r = searchResult.get();
        if (r == null || r.matchCount() == 0) {
            currentMatch.set(-1);
            return -1;
        }
        matchIndex = Math.floorMod(matchIndex < 0 && step < 0 ? 0 : matchIndex + step, r.matchCount());
        currentMatch.set(r.match(matchIndex));
        return currentMatch.get();
    }

    /** The position of the current match, counting from 0, or -1. */
    public int currentMatchIndex() {
        return currentMatch.get() < 0 ? -1 : matchIndex;
    }

    /** Adds a transform, unless the same one is already applied. */
    public void addTransform(StackTransform transform) {
        if (!spec.get().transforms().contains(transform)) {
            spec.set(spec.get().plus(transform));
        }
    }

    public void removeTransform(StackTransform transform) {
        changeSpec(spec.get().minus(transform));
    }

    /** Shows only these thread indexes; empty for all threads merged. */
    public void setThreads(Set<Integer> threads) {
        changeSpec(spec.get().withThreads(threads));
    }

    private void changeSpec(FlameViewSpec newSpec) {
        if (!newSpec.equals(spec.get())) {
            spec.set(newSpec);
        }
    }

    public void setReversed(boolean reversed) {
        if (reversed != spec.get().reversed()) {
            zoomNode.set(CallTree.ROOT);
            spec.set(spec.get().withReversed(reversed));
        }
    }

    public void setColorMode(ColorMode mode) {
        changeSpec(spec.get().withColorMode(mode));
    }

    /** Clears search, current match and function selection. */
    public void clearSearchAndSelection() {
        query.set(SearchQuery.NONE);
        selectedFunction.set(null);
    }

    /** The names from the root down to the zoomed frame, the root first. */
    public List<String> zoomPath() {
        FlameViewState st = state.get();
        if (st == null) {
            return List.of();
        }
        return Arrays.asList(st.tree().path(zoomNode.get()));
    }

    public ReadOnlyObjectProperty<Profile> profileProperty() {
        return profile.getReadOnlyProperty();
    }

    public ObjectProperty<FlameViewSpec> specProperty() {
        return spec;
    }

    public ReadOnlyObjectProperty<FlameViewState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public FlameViewState getState() {
        return state.get();
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

    /** The current match's node, or -1. */
    public ReadOnlyIntegerProperty currentMatchProperty() {
        return currentMatch.getReadOnlyProperty();
    }

    /** The function selected in the table or the graph, or null. */
    public StringProperty selectedFunctionProperty() {
        return selectedFunction;
    }

    /** The selected function's name id in the current state, or -1. */
    public ReadOnlyIntegerProperty highlightedNameProperty() {
        return highlightedName.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Butterfly> butterflyProperty() {
        return butterfly.getReadOnlyProperty();
    }

    /** Whether a state is being computed. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** A sentence for people when computing failed, else empty. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
