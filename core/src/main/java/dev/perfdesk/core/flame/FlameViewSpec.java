package dev.perfdesk.core.flame;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import dev.perfdesk.core.timeline.TimeRange;

/**
 * What a flame graph view shows, apart from zoom and search: which threads, which transforms, top-down or
 * reversed, and how frames are coloured. Immutable; the {@code with} methods return changed copies.
 *
 * @param threads    thread indexes to include; empty for all threads merged
 * @param transforms stack transforms, applied in order
 * @param reversed   whether stacks are merged from the leaf (bottom-up) rather than from the root
 * @param colorMode  how frames are coloured
 * @param timeRange  only samples in this time range (from the profile's timeline), or null for all
 * @param lines      whether frames that know their line are named {@code name:line} (a method at two lines is then
 *                   two frames)
 */
public record FlameViewSpec(Set<Integer> threads, List<StackTransform> transforms, boolean reversed,
                            ColorMode colorMode, TimeRange timeRange, boolean lines) {
    /** All threads, no transforms, top-down, coloured by kind. */
    public static final FlameViewSpec DEFAULT = new FlameViewSpec(Set.of(), List.of(), false, ColorMode.KIND);

    public FlameViewSpec {
        threads = Set.copyOf(new TreeSet<>(threads));
        transforms = List.copyOf(transforms);
        Objects.requireNonNull(colorMode, "colorMode");
    }

    /** A spec over all times. */
    public FlameViewSpec(Set<Integer> threads, List<StackTransform> transforms, boolean reversed, ColorMode colorMode) {
        this(threads, transforms, reversed, colorMode, null, false);
    }

    /** A spec without line numbers. */
    public FlameViewSpec(Set<Integer> threads, List<StackTransform> transforms, boolean reversed, ColorMode colorMode,
                         TimeRange timeRange) {
        this(threads, transforms, reversed, colorMode, timeRange, false);
    }

    /** A copy naming frames with (or without) their line numbers. */
    public FlameViewSpec withLines(boolean newLines) {
        return new FlameViewSpec(threads, transforms, reversed, colorMode, timeRange, newLines);
    }

    public FlameViewSpec withThreads(Set<Integer> newThreads) {
        return new FlameViewSpec(newThreads, transforms, reversed, colorMode, timeRange, lines);
    }

    public FlameViewSpec withTransforms(List<StackTransform> newTransforms) {
        return new FlameViewSpec(threads, newTransforms, reversed, colorMode, timeRange, lines);
    }

    /** A copy limited to {@code range}, or over all times when null. */
    public FlameViewSpec withTimeRange(TimeRange range) {
        return new FlameViewSpec(threads, transforms, reversed, colorMode, range, lines);
    }

    /** A copy with {@code transform} appended. */
    public FlameViewSpec plus(StackTransform transform) {
        List<StackTransform> list = new ArrayList<>(transforms);
        list.add(transform);
        return withTransforms(list);
    }

    /** A copy without {@code transform}. */
    public FlameViewSpec minus(StackTransform transform) {
        List<StackTransform> list = new ArrayList<>(transforms);
        list.remove(transform);
        return withTransforms(list);
    }

    public FlameViewSpec withReversed(boolean newReversed) {
        return new FlameViewSpec(threads, transforms, newReversed, colorMode, timeRange, lines);
    }

    public FlameViewSpec withColorMode(ColorMode newMode) {
        return new FlameViewSpec(threads, transforms, reversed, newMode, timeRange, lines);
    }
}
