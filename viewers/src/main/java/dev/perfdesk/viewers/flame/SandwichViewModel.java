package dev.perfdesk.viewers.flame;

import java.util.concurrent.Executor;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import dev.perfdesk.core.flame.FlameViewState;
import dev.perfdesk.core.flame.Sandwich;
import dev.perfdesk.viewers.LatestWins;

/**
 * The sandwich of the selected function over a flame graph's view: recomputed off the UI thread, the latest
 * request winning, whenever the view or the function changes.
 *
 * <pre>{@code
 * SandwichViewModel vm = new SandwichViewModel(executor, LatestWins.fxThread());
 * vm.stateProperty().bind(flame.stateProperty());
 * vm.functionProperty().bind(flame.selectedFunctionProperty());
 * }</pre>
 */
public final class SandwichViewModel implements AutoCloseable {
    private final LatestWins work;
    private final ObjectProperty<FlameViewState> state = new SimpleObjectProperty<>(this, "state");
    private final StringProperty function = new SimpleStringProperty(this, "function");
    private final ReadOnlyObjectWrapper<Sandwich> sandwich = new ReadOnlyObjectWrapper<>(this, "sandwich");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");

    /**
     * @param compute where the halves are computed; {@code Runnable::run} computes on the caller
     * @param ui      where results are applied; {@link LatestWins#fxThread()} in the application
     */
    public SandwichViewModel(Executor compute, Executor ui) {
        work = new LatestWins(compute, ui);
        state.addListener((o, was, now) -> recompute());
        function.addListener((o, was, now) -> recompute());
    }

    private void recompute() {
        FlameViewState s = state.get();
        String f = function.get();
        if (s == null || f == null || s.names().id(f) < 0 || s.totalOfName(s.names().id(f)) <= 0) {
            work.cancel();
            sandwich.set(null);
            return;
        }
        error.set(null);
        work.submit(monitor -> Sandwich.of(s, f, monitor), sandwich::set,
                e -> error.set("Could not build the sandwich of " + f + ": " + e.getMessage()));
    }

    /** The flame graph's view. */
    public ObjectProperty<FlameViewState> stateProperty() {
        return state;
    }

    /** The function in the middle, or null. */
    public StringProperty functionProperty() {
        return function;
    }

    /** The latest sandwich, or null when no function of the view is chosen. */
    public ReadOnlyObjectProperty<Sandwich> sandwichProperty() {
        return sandwich.getReadOnlyProperty();
    }

    public Sandwich getSandwich() {
        return sandwich.get();
    }

    /** What went wrong, or null. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    @Override
    public void close() {
        work.close();
    }
}
