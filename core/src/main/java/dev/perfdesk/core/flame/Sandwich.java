package dev.perfdesk.core.flame;

import java.util.List;

import dev.perfdesk.core.progress.ProgressMonitor;

/**
 * A function's sandwich, as speedscope shows it: a flame graph of its callers above (the function at the bottom,
 * its calling contexts growing up) and of its callees below (the function at the top, what it called growing down).
 * Both halves come from the same view (threads, range, transforms) as the flame graph, cut at the function's first
 * (outermost) frame in each stack, as {@link StackTransform#focus} cuts, so each half's total is the function's
 * total in the function table.
 *
 * @param function the function, as the graph names it
 * @param callers  the calling contexts, merged from the function (a bottom-up tree whose only top-level node is it)
 * @param callees  what the function called, merged from it (a top-down tree whose only top-level node is it)
 */
public record Sandwich(String function, FlameViewState callers, FlameViewState callees) {

    /** The sandwich of {@code function} in {@code view}. */
    public static Sandwich of(FlameViewState view, String function, ProgressMonitor monitor) {
        FlameViewSpec plain = view.spec().withTransforms(List.of());
        FlameViewState callers = FlameViewState.compute(StackTransforms.callersOf(view.stacks(), function),
                view.info(), view.threads(), plain.withReversed(true), monitor);
        FlameViewState callees = FlameViewState.compute(
                StackTransforms.apply(view.stacks(), StackTransform.focus(function)), view.info(), view.threads(),
                plain.withReversed(false), monitor);
        return new Sandwich(function, callers, callees);
    }

    /** The function's total weight: what both halves hold. */
    public long total() {
        return callees.totalWeight();
    }
}
