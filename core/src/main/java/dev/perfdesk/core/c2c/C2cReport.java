package dev.perfdesk.core.c2c;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A {@code perf c2c report --stdio}: its summaries (Trace Event Information, Global Shared Cache Line Event
 * Information, c2c details) as label and value, the Shared Data Cache Line Table with its columns as perf named them
 * (a group heading and the column's own name, such as {@code Load Hitm LclHitm}), and for each cache line the offsets
 * of the Shared Cache Line Distribution Pareto. Column sets differ between perf versions and options, so cells stay
 * as perf printed them, in the column order of the file; {@link #lineCell} and {@link C2cOffset#cell} find one by name.
 *
 * @param name          a name for people, by default the file name
 * @param traceEvents   "Trace Event Information", label to value as printed
 * @param sharedEvents  "Global Shared Cache Line Event Information"
 * @param details       "c2c details": events, sort order, data grouping
 * @param lineColumns   the columns of the Shared Data Cache Line Table
 * @param offsetColumns the columns of the pareto's offset rows
 * @param lines         the cache lines, in the file's order (perf's sort)
 */
public record C2cReport(String name, Map<String, String> traceEvents, Map<String, String> sharedEvents,
                        Map<String, String> details, List<String> lineColumns, List<String> offsetColumns,
                        List<C2cLine> lines) {

    public C2cReport {
        Objects.requireNonNull(name, "name");
        traceEvents = Collections.unmodifiableMap(new LinkedHashMap<>(traceEvents));
        sharedEvents = Collections.unmodifiableMap(new LinkedHashMap<>(sharedEvents));
        details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
        lineColumns = List.copyOf(lineColumns);
        offsetColumns = List.copyOf(offsetColumns);
        lines = List.copyOf(lines);
    }

    /** A copy with another name. */
    public C2cReport withName(String newName) {
        return new C2cReport(newName, traceEvents, sharedEvents, details, lineColumns, offsetColumns, lines);
    }

    /** The cell of {@code line} in the first table column named {@code column}, or null when there is none. */
    public String lineCell(C2cLine line, String column) {
        int i = lineColumns.indexOf(column);
        return i < 0 || i >= line.cells().size() ? null : line.cells().get(i);
    }

    /** The events perf sampled ({@code c2c details: Events}), joined by commas; empty when not given. */
    public String events() {
        return details.getOrDefault("Events", "");
    }

    /** The offsets of every line, in order, each with its line. */
    public List<Map.Entry<C2cLine, C2cOffset>> allOffsets() {
        List<Map.Entry<C2cLine, C2cOffset>> out = new ArrayList<>();
        for (C2cLine line : lines) {
            for (C2cOffset offset : line.offsets()) {
                out.add(Map.entry(line, offset));
            }
        }
        return out;
    }
}
