package dev.perfdesk.viewers.flame;

import java.util.List;
import java.util.concurrent.Executor;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import dev.perfdesk.core.calltree.CallTree;
import dev.perfdesk.core.calltree.CallTreeNavigation;
import dev.perfdesk.core.flame.FlameViewState;
import dev.perfdesk.viewers.LatestWins;

/**
 * The state of a call tree table over a flame graph's view (the same threads, range and transforms): the tree,
 * top-down or bottom-up, and the nodes matching a search. The tree the flame graph already holds is reused when the
 * direction agrees; the other direction is built on the compute executor, the latest request winning.
 *
 * <pre>{@code
 * CallTreeViewModel vm = new CallTreeViewModel(executor, LatestWins.fxThread());
 * vm.stateProperty().bind(flameViewModel.stateProperty());
 * vm.bottomUpProperty().set(true);
 * }</pre>
 */
public final class CallTreeViewModel implements AutoCloseable {
    /** How many search matches are kept; the table steps through them. */
    public static final int MAX_MATCHES = 10_000;

    private final LatestWins work;
    private final ObjectProperty<FlameViewState> state = new SimpleObjectProperty<>(this, "state");
    private final BooleanProperty bottomUp = new SimpleBooleanProperty(this, "bottomUp");
    private final StringProperty query = new SimpleStringProperty(this, "query", "");
    private final ReadOnlyObjectWrapper<CallTree> tree = new ReadOnlyObjectWrapper<>(this, "tree");
    private final ReadOnlyObjectWrapper<List<Integer>> matches = new ReadOnlyObjectWrapper<>(this, "matches",
            List.of());
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");

    /**
     * @param compute where the other direction's tree is built; {@code Runnable::run} builds it on the caller
     * @param ui      where results are applied; {@link LatestWins#fxThread()} in the application
     */
    public CallTreeViewModel(Executor compute, Executor ui) {
        this.work = new LatestWins(compute, ui);
        state.addListener((o, was, now) -> rebuild());
        bottomUp.addListener((o, was, now) -> rebuild());
        query.addListener((o, was, now) -> search());
        tree.addListener((o, was, now) -> search());
    }

    private void rebuild() {
        FlameViewState s = state.get();
        boolean wantReversed = bottomUp.get();
        if (s == null) {
            work.cancel();
            tree.set(null);
            return;
        }
        if (s.spec().reversed() == wantReversed) {
            work.cancel();
            tree.set(s.tree());
            return;
        }
        work.submit(monitor -> wantReversed ? s.stacks().bottomUp() : s.stacks().topDown(), tree::set,
                e -> error.set("Could not build the call tree: " + e.getMessage()));
    }

    private void search() {
        CallTree t = tree.get();
        matches.set(t == null ? List.of() : CallTreeNavigation.matches(t, query.get(), MAX_MATCHES));
    }

    /** The flame graph's view the tree shows. */
    public ObjectProperty<FlameViewState> stateProperty() {
        return state;
    }

    /** Bottom-up (each function where time is spent, its callers below) instead of top-down. */
    public BooleanProperty bottomUpProperty() {
        return bottomUp;
    }

    /** The search: nodes whose name contains it, ignoring case. */
    public StringProperty queryProperty() {
        return query;
    }

    /** The tree shown, or null while none. */
    public ReadOnlyObjectProperty<CallTree> treeProperty() {
        return tree.getReadOnlyProperty();
    }

    public CallTree getTree() {
        return tree.get();
    }

    /** The nodes matching the search, in table order (depth first, heaviest first); at most {@link #MAX_MATCHES}. */
    public ReadOnlyObjectProperty<List<Integer>> matchesProperty() {
        return matches.getReadOnlyProperty();
    }

    /** What went wrong building the tree, or null. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** Stops building; nothing more is applied. The executors stay their creators'. */
    @Override
    public void close() {
        work.close();
    }
}
