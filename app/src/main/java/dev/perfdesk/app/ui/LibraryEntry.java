package dev.perfdesk.app.ui;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.perfdesk.core.model.WeightUnit;

import dev.perfdesk.store.StoredComparison;
import dev.perfdesk.store.StoredProfile;
import dev.perfdesk.store.StoredRun;
import dev.perfdesk.store.StoredSeries;

/**
 * One item of the library sidebar: a profile or a benchmark run. Profiles and runs are numbered apart in the store,
 * so an item is known by its kind and id together ({@link #key()}).
 *
 * @param kind     what it is
 * @param id       its id in the store, among items of its kind
 * @param title    its name
 * @param format   the format it was imported from (a run: the tool that wrote it)
 * @param event    what was sampled, or empty
 * @param samples  how many samples a profile holds, or how many benchmarks a run holds
 * @param imported when it was imported
 * @param group    the file a profile came from (its content hash), shared by the profiles of one file such as a JFR
 *                 recording's event kinds; empty for other items
 * @param unit     a profile's weight unit (samples for other items)
 * @param total    a profile's total weight in {@code unit}
 * @param labels   its labels by key ({@code platform=aws-m6i}); empty when none
 */
public record LibraryEntry(Kind kind, long id, String title, String format, String event, long samples,
                           Instant imported, String group, WeightUnit unit, long total, Map<String, String> labels) {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    /** The kinds of item the library lists. */
    public enum Kind {
        PROFILE,
        RUN,
        /** A series set: a CSV table of runs over time. */
        SERIES,
        /** A saved comparison of two runs or two profiles. */
        COMPARISON,
        /** A perf c2c report: shared cache lines and their offsets. */
        C2C
    }

    /** Copies the labels, keeping their order. */
    public LibraryEntry {
        labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels == null ? Map.of() : labels));
    }

    /** An entry that is not a profile, without labels. */
    public LibraryEntry(Kind kind, long id, String title, String format, String event, long samples,
                        Instant imported) {
        this(kind, id, title, format, event, samples, imported, "", WeightUnit.SAMPLES, 0, Map.of());
    }

    public static LibraryEntry of(StoredProfile p) {
        return new LibraryEntry(Kind.PROFILE, p.id(), p.info().name(), p.info().format(), p.info().event(),
                p.info().sampleCount(), p.importedAt(), p.info().sourceHash(), p.info().unit(),
                p.info().totalWeight(), p.labels());
    }

    public static LibraryEntry of(StoredRun r) {
        return new LibraryEntry(Kind.RUN, r.id(), r.name(), r.tool(), "", r.benchmarkCount(), r.importedAt(), "",
                WeightUnit.SAMPLES, 0, r.labels());
    }

    /** The labels as one line, {@code platform=aws-m6i · branch=main}; empty when none. */
    public String labelText() {
        return labelText(null);
    }

    /** The labels as one line with {@code first} ({@code key=value}, the library's filter) first when it has it. */
    public String labelText(String first) {
        List<String> parts = new ArrayList<>();
        labels.forEach((k, v) -> parts.add(k + "=" + v));
        if (first != null && parts.remove(first)) {
            parts.add(0, first);
        }
        return String.join(" · ", parts);
    }

    /** Whether the entry carries the label {@code key=value} given as one text; true for null or empty. */
    public boolean hasLabel(String keyValue) {
        if (keyValue == null || keyValue.isBlank()) {
            return true;
        }
        int eq = keyValue.indexOf('=');
        return eq > 0 && keyValue.substring(eq + 1).equals(labels.get(keyValue.substring(0, eq)));
    }

    public static LibraryEntry of(StoredSeries x) {
        return new LibraryEntry(Kind.SERIES, x.id(), x.name(), "series", String.join(", ", x.metrics()), x.runs(),
                x.importedAt());
    }

    /** A c2c report; its event is the events perf sampled, its samples its false-sharing lines' count. */
    public static LibraryEntry of(dev.perfdesk.store.StoredC2c x) {
        return new LibraryEntry(Kind.C2C, x.id(), x.name(), "perf-c2c", x.events(), x.cacheLines(), x.importedAt());
    }

    public static LibraryEntry of(StoredComparison c) {
        return new LibraryEntry(Kind.COMPARISON, c.id(), c.name(), c.kind().id() + " comparison", c.verdict(), 0,
                c.createdAt());
    }

    /** Whether this is a benchmark run. */
    public boolean isRun() {
        return kind == Kind.RUN;
    }

    /** The item's id as the command line and the settings write it: {@code 12} for a profile, {@code r3} for a run. */
    public String key() {
        return key(kind, id);
    }

    /** {@code 12} for a profile, {@code r3} for a run, {@code s2} for a series set. */
    public static String key(Kind kind, long id) {
        switch (kind) {
            case RUN:
                return "r" + id;
            case SERIES:
                return "s" + id;
            case COMPARISON:
                return "c" + id;
            case C2C:
                return "cl" + id;
            default:
                return Long.toString(id);
        }
    }

    /** Whether this entry is the item of {@code kind} with {@code id}. */
    public boolean is(Kind otherKind, long otherId) {
        return kind == otherKind && id == otherId;
    }

    /** The second line of the entry: format, event, samples, date; for a run, tool, benchmarks, date. */
    public String details() {
        if (kind == Kind.RUN) {
            return format + " · " + String.format(Locale.ROOT, "%,d %s", samples, samples == 1 ? "benchmark"
                    : "benchmarks") + " · " + WHEN.format(imported);
        }
        if (kind == Kind.COMPARISON) {
            return format + (event.isEmpty() ? "" : " · " + event) + " · " + WHEN.format(imported);
        }
        if (kind == Kind.C2C) {
            return "perf c2c · " + String.format(Locale.ROOT, "%,d shared cache %s", samples, samples == 1 ? "line"
                    : "lines") + (event.isEmpty() ? "" : " · " + event) + " · " + WHEN.format(imported);
        }
        if (kind == Kind.SERIES) {
            return "history · " + String.format(Locale.ROOT, "%,d runs", samples) + " · " + event + " · "
                    + WHEN.format(imported);
        }
        StringBuilder sb = new StringBuilder(format);
        if (!event.isEmpty()) {
            sb.append(" · ").append(event);
        }
        sb.append(" · ").append(amount());
        sb.append(" · ").append(WHEN.format(imported));
        return sb.toString();
    }

    /**
     * How much a profile holds, in its unit: {@code 922 samples}, and for weighed samples or events their total
     * too ({@code 269 events, 2.97 s}); for folded stacks, whose weights carry no unit, the total weight.
     */
    public String amount() {
        if ("folded".equals(format) && unit == WeightUnit.SAMPLES) {
            return String.format(Locale.ROOT, "total weight %,d", total);
        }
        boolean events = unit == WeightUnit.EVENTS || "jfr".equals(format);
        String count = String.format(Locale.ROOT, "%,d %s", samples, events ? (samples == 1 ? "event" : "events")
                : samples == 1 ? "sample" : "samples");
        return unit == WeightUnit.SAMPLES || unit == WeightUnit.EVENTS ? count : count + ", " + unit.format(total);
    }

    /** The file part of a profile's title ({@code lock-io.jfr} of {@code lock-io.jfr · Socket read}). */
    public String fileTitle() {
        int dot = title.indexOf(" · ");
        return dot >= 0 ? title.substring(0, dot) : title;
    }

    /** The event part of a profile's title ({@code Socket read} of {@code lock-io.jfr · Socket read}), or the title. */
    public String eventTitle() {
        int dot = title.indexOf(" · ");
        return dot >= 0 ? title.substring(dot + 3) : title;
    }

    /**
     * Whether the entry matches a search: every word appears in its title, details or labels, ignoring case; a word
     * {@code key=value} must be one of its labels exactly, ignoring case.
     */
    public boolean matches(String query) {
        if (query == null || query.isBlank()) {
            return true;
        }
        String haystack = (title + " " + details() + " " + labelText()).toLowerCase(Locale.ROOT);
        for (String word : query.toLowerCase(Locale.ROOT).trim().split("\\s+")) {
            int eq = word.indexOf('=');
            if (eq > 0) {
                String key = word.substring(0, eq);
                String value = word.substring(eq + 1);
                if (labels.entrySet().stream().noneMatch(e -> e.getKey().toLowerCase(Locale.ROOT).equals(key)
                        && e.getValue().toLowerCase(Locale.ROOT).equals(value))) {
                    return false;
                }
            } else if (!haystack.contains(word)) {
                return false;
            }
        }
        return true;
    }
}
