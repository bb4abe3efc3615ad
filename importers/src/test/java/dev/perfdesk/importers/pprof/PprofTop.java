package dev.perfdesk.importers.pprof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.perfdesk.core.calltree.CallTreeBuilder;
import dev.perfdesk.core.calltree.FunctionStats;
import dev.perfdesk.core.calltree.WeightedStacks;
import dev.perfdesk.core.model.Profile;
import dev.perfdesk.core.naming.FrameNamer;
import dev.perfdesk.core.naming.FrameNamers;

/**
 * What {@code go tool pprof -top -nodefraction=0} printed, parsed: the sample type, the total, how many nodes there
 * were, and the rows (flat, cum, function name without pprof's {@code (inline)} and {@code (partial-inline)}
 * marks); and the check that a Perfdesk profile's function table gives the same numbers.
 */
record PprofTop(String type, long total, int nodes, boolean byCum, List<Row> rows) {
    private static final Pattern TOTAL = Pattern.compile("of (\\d+)(?:B|ns)? total");
    private static final Pattern OUT_OF = Pattern.compile("Showing top \\d+ nodes out of (\\d+)");
    private static final Pattern ROW = Pattern.compile(
            "^\\s*(\\d+)(?:B|ns)?\\s+\\S+\\s+\\S+\\s+(\\d+)(?:B|ns)?\\s+\\S+\\s{2}(.*)$");

    /** One row of the table. */
    record Row(long flat, long cum, String name) {
    }

    static PprofTop parse(Path file) throws IOException {
        String type = null;
        long total = -1;
        int nodes = -1;
        List<Row> rows = new ArrayList<>();
        boolean table = false;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.startsWith("Type: ")) {
                type = line.substring(6).trim();
            }
            Matcher t = TOTAL.matcher(line);
            if (t.find()) {
                total = Long.parseLong(t.group(1));
            }
            Matcher o = OUT_OF.matcher(line);
            if (o.find()) {
                nodes = Integer.parseInt(o.group(1));
            }
            if (line.trim().startsWith("flat  flat%")) {
                table = true;
                continue;
            }
            if (table) {
                Matcher r = ROW.matcher(line);
                assertTrue(r.matches(), "a row of " + file + ": " + line);
                String name = r.group(3);
                for (String mark : new String[] {" (inline)", " (partial-inline)"}) {
                    if (name.endsWith(mark)) {
                        name = name.substring(0, name.length() - mark.length());
                    }
                }
                rows.add(new Row(Long.parseLong(r.group(1)), Long.parseLong(r.group(2)), name));
            }
        }
        if (nodes < 0) {
            nodes = rows.size();
        }
        assertNotNull(type, "no Type: line in " + file);
        assertTrue(total >= 0, "no total in " + file);
        return new PprofTop(type, total, nodes, file.getFileName().toString().endsWith(".cum.top"), rows);
    }

    /** Perfdesk's function table of {@code profile}, named as the CLI and the table name them, without roots. */
    static Map<String, FunctionStats> functionTable(Profile profile) {
        FrameNamer names = FrameNamers.forProfile(profile);
        FrameNamer withoutRoots = new FrameNamer() {
            @Override
            public void appendNames(int frame, int thread, List<String> out) {
                names.appendNames(frame, thread, out);
            }

            @Override
            public String rootName(int thread) {
                return null;
            }
        };
        Map<String, FunctionStats> out = new HashMap<>();
        for (FunctionStats f : FunctionStats.of(CallTreeBuilder.topDown(profile, withoutRoots,
                WeightedStacks.of(profile.samples())))) {
            out.put(f.name(), f);
        }
        return out;
    }

    /**
     * Asserts that {@code profile}'s total, number of functions and the table's rows equal pprof's: each row's flat
     * and cum, and that pprof's top rows are Perfdesk's top rows (the same values, whatever the order of ties).
     */
    void assertSameAs(Profile profile, String what) {
        assertEquals(total, profile.info().totalWeight(), what + ": total");
        Map<String, FunctionStats> table = functionTable(profile);
        assertEquals(nodes, table.size(), what + ": number of functions");
        for (Row row : rows) {
            FunctionStats f = table.get(row.name());
            assertNotNull(f, what + ": Perfdesk has no function '" + row.name() + "'");
            assertEquals(row.flat(), f.self(), what + ": flat of " + row.name());
            assertEquals(row.cum(), f.total(), what + ": cum of " + row.name());
        }
        Comparator<FunctionStats> order = byCum ? Comparator.comparingLong(FunctionStats::total)
                : Comparator.comparingLong(FunctionStats::self);
        List<Long> ours = table.values().stream().sorted(order.reversed()).limit(rows.size())
                .map(f -> byCum ? f.total() : f.self()).toList();
        List<Long> theirs = rows.stream().map(r -> byCum ? r.cum() : r.flat()).toList();
        assertEquals(theirs, ours, what + ": the top " + rows.size() + " values by " + (byCum ? "cum" : "flat"));
    }
}
