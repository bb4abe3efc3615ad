package dev.perfdesk.core.heap;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import dev.perfdesk.core.model.ProfileInfo;
import dev.perfdesk.core.timeline.TimeRange;

/**
 * Memory in use over a program's run, as Valgrind Massif samples it: one {@link Snapshot} per point in time with its
 * useful heap, the allocator's extra heap and the stacks, and for some snapshots a detailed tree of allocation sites.
 *
 * <p>A profile imported from a Massif file carries this series in its attributes ({@link #ATTRIBUTE},
 * {@link #UNIT_ATTRIBUTE}). Its samples are the tree of one snapshot (the peak); the trees of all detailed snapshots
 * are in its timeline, each at the <em>snapshot number</em> as its time, so {@link #rangeOf} of a snapshot selects that
 * snapshot's tree through the ordinary time-range filter of the flame graph and table.
 *
 * <pre>{@code
 * HeapSeries series = HeapSeries.of(profile.info());   // null for other profiles
 * Snapshot peak = series.peak();
 * TimeRange tree = HeapSeries.rangeOf(peak);
 * }</pre>
 *
 * @param timeUnit  what the snapshot times count: {@code i} (instructions executed), {@code ms} or {@code B} (bytes
 *                  allocated and freed), as Massif's {@code time_unit:} line says
 * @param snapshots the snapshots in time order
 */
public record HeapSeries(String timeUnit, List<Snapshot> snapshots) {
    /** The profile attribute holding {@link #encode()}. */
    public static final String ATTRIBUTE = "heap snapshots";
    /** The profile attribute holding {@link #timeUnit()}. */
    public static final String UNIT_ATTRIBUTE = "time unit";
    /** The profile attribute holding the number of the snapshot whose tree the profile's samples are. */
    public static final String SHOWN_ATTRIBUTE = "snapshot shown";

    /** Whether a snapshot has a tree of allocation sites, and whether it is the peak. */
    public enum Tree {
        /** Only the totals were recorded. */
        EMPTY,
        /** A detailed tree was recorded. */
        DETAILED,
        /** A detailed tree was recorded, and it is the peak Massif kept. */
        PEAK
    }

    /**
     * One snapshot.
     *
     * @param number    Massif's snapshot number
     * @param time      when, in {@link HeapSeries#timeUnit()}
     * @param heap      useful heap bytes ({@code mem_heap_B})
     * @param extraHeap the allocator's overhead and alignment bytes ({@code mem_heap_extra_B})
     * @param stacks    stack bytes ({@code mem_stacks_B}; 0 unless Massif ran with {@code --stacks=yes})
     * @param tree      whether it has a tree
     */
    public record Snapshot(int number, long time, long heap, long extraHeap, long stacks, Tree tree) {
        public Snapshot {
            Objects.requireNonNull(tree, "tree");
        }

        /** All memory in use: heap, extra heap and stacks, as ms_print's {@code total(B)}. */
        public long total() {
            return heap + extraHeap + stacks;
        }

        /** Whether the snapshot has a tree of allocation sites. */
        public boolean detailed() {
            return tree != Tree.EMPTY;
        }
    }

    public HeapSeries {
        Objects.requireNonNull(timeUnit, "timeUnit");
        snapshots = List.copyOf(snapshots);
    }

    /** The series a profile carries, or null when it has none (it was not imported from Massif). */
    public static HeapSeries of(ProfileInfo info) {
        Map<String, String> attributes = info.attributes();
        String text = attributes.get(ATTRIBUTE);
        if (text == null) {
            return null;
        }
        return decode(attributes.getOrDefault(UNIT_ATTRIBUTE, "i"), text);
    }

    /** The time range of a profile's timeline that holds {@code snapshot}'s tree. */
    public static TimeRange rangeOf(Snapshot snapshot) {
        return new TimeRange(snapshot.number(), snapshot.number() + 1L);
    }

    /**
     * The snapshot with the peak tree; without one, the snapshot with the most memory in use (the first of equals);
     * null when there are no snapshots.
     */
    public Snapshot peak() {
        Snapshot best = null;
        for (Snapshot s : snapshots) {
            if (s.tree() == Tree.PEAK) {
                return s;
            }
            if (best == null || s.total() > best.total()) {
                best = s;
            }
        }
        return best;
    }

    /** The snapshot with the most memory in use (the first of equals), or null when there are none. */
    public Snapshot largest() {
        Snapshot best = null;
        for (Snapshot s : snapshots) {
            if (best == null || s.total() > best.total()) {
                best = s;
            }
        }
        return best;
    }

    /** The snapshots with a tree. */
    public List<Snapshot> detailed() {
        return snapshots.stream().filter(Snapshot::detailed).toList();
    }

    /** The snapshot numbered {@code number}, or null. */
    public Snapshot byNumber(int number) {
        for (Snapshot s : snapshots) {
            if (s.number() == number) {
                return s;
            }
        }
        return null;
    }

    /** The detailed snapshot nearest in time to {@code time} (the earlier of two as near), or null when none is. */
    public Snapshot nearestDetailed(double time) {
        Snapshot best = null;
        double bestDistance = Double.MAX_VALUE;
        for (Snapshot s : snapshots) {
            double d = Math.abs(s.time() - time);
            if (s.detailed() && d < bestDistance) {
                best = s;
                bestDistance = d;
            }
        }
        return best;
    }

    /** The time unit for people: {@code instructions}, {@code ms}, {@code bytes allocated/freed}. */
    public String timeUnitLabel() {
        switch (timeUnit) {
            case "i":
                return "instructions executed";
            case "B":
                return "bytes allocated and freed";
            default:
                return timeUnit;
        }
    }

    /** A time for people in the series' unit: {@code 1,437,606 i}, {@code 213 ms}, {@code 1,024 B}. */
    public String formatTime(long time) {
        return String.format(Locale.ROOT, "%,d %s", time, timeUnit);
    }

    /** A one-line summary: how many snapshots, how many detailed, and the peak. */
    public String summary() {
        Snapshot peak = peak();
        long detailedCount = snapshots.stream().filter(Snapshot::detailed).count();
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%,d snapshots (%,d detailed)",
                snapshots.size(), detailedCount));
        if (peak != null) {
            sb.append(String.format(Locale.ROOT, "; %s snapshot %d at %s: %,d B in use (heap %,d B, extra heap %,d B,"
                    + " stacks %,d B)", peak.tree() == Tree.PEAK ? "peak" : "largest", peak.number(),
                    formatTime(peak.time()), peak.total(), peak.heap(), peak.extraHeap(), peak.stacks()));
        }
        return sb.toString();
    }

    /** The series as one attribute value: {@code number time heap extra stacks e|d|p}, snapshots separated by ';'. */
    public String encode() {
        StringBuilder sb = new StringBuilder(snapshots.size() * 40);
        for (Snapshot s : snapshots) {
            if (sb.length() > 0) {
                sb.append(';');
            }
            sb.append(s.number()).append(' ').append(s.time()).append(' ').append(s.heap()).append(' ')
                    .append(s.extraHeap()).append(' ').append(s.stacks()).append(' ')
                    .append(s.tree() == Tree.PEAK ? 'p' : s.tree() == Tree.DETAILED ? 'd' : 'e');
        }
        return sb.toString();
    }

    /**
     * Reads {@link #encode()}'s form.
     *
     * @throws IllegalArgumentException when {@code text} is not in that form
     */
    public static HeapSeries decode(String timeUnit, String text) {
        List<Snapshot> out = new ArrayList<>();
        if (!text.isEmpty()) {
            for (String part : text.split(";", -1)) {
                String[] f = part.split(" ", -1);
                if (f.length != 6 || f[5].length() != 1) {
                    throw new IllegalArgumentException("not a heap snapshot: '" + part + "'");
                }
                Tree tree = switch (f[5].charAt(0)) {
                    case 'p' -> Tree.PEAK;
                    case 'd' -> Tree.DETAILED;
                    case 'e' -> Tree.EMPTY;
                    default -> throw new IllegalArgumentException("not a heap snapshot kind: '" + f[5] + "'");
                };
                out.add(new Snapshot(Integer.parseInt(f[0]), Long.parseLong(f[1]), Long.parseLong(f[2]),
                        Long.parseLong(f[3]), Long.parseLong(f[4]), tree));
            }
        }
        return new HeapSeries(timeUnit, out);
    }
}
