package dev.perfdesk.core.report;

import java.util.List;
import java.util.Objects;

/**
 * Notes of a comparison that share a cause, shown together: "12 benchmarks have too few samples for a confidence
 * interval" and the twelve names, instead of twelve sentences.
 *
 * <pre>{@code
 * for (NoteGroup g : comparison.noteGroups()) {
 *     System.out.println(g.title());
 *     g.items().forEach(i -> System.out.println("  " + i));
 * }
 * }</pre>
 *
 * @param kind  what the notes are about: {@code failed}, {@code target}, {@code within-noise},
 *              {@code too-few-samples}, {@code not-compared}, {@code only-in-baseline}, {@code only-in-candidate},
 *              {@code all-equal}, {@code zero-baseline}, {@code exact-scores}, {@code no-match}, {@code method},
 *              {@code tool-reported}
 * @param title a short sentence with the count
 * @param items the benchmarks by display name without the prefix all names share, with the reason where it differs
 *              from item to item; or the sentences themselves for notes not about one benchmark
 */
public record NoteGroup(String kind, String title, List<String> items) {

    public NoteGroup {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(title, "title");
        items = List.copyOf(items);
    }

    /** The number of items. */
    public int count() {
        return items.size();
    }
}
