package dev.perfdesk.importers.gprof;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.perfdesk.core.calltree.CallCounts;
import dev.perfdesk.core.model.Frame;
import dev.perfdesk.core.model.FrameKind;
import dev.perfdesk.core.model.Profile;
import dev.perfdesk.core.model.ProfileBuilder;
import dev.perfdesk.core.model.ProfileInfo;
import dev.perfdesk.core.model.StackTable;
import dev.perfdesk.core.model.TimelineWriter;
import dev.perfdesk.core.model.WeightUnit;
import dev.perfdesk.importers.spi.ImportException;

/**
 * Turns gprof's two tables into stacks. gprof records self time per function and call counts per arc (caller to
 * callee), never whole stacks, and its call graph propagates time upwards on one assumption: every call of a function
 * costs the same, so a function's time (self and children) goes to its callers in proportion to their calls.
 * Recursive calls are not propagated, and a cycle of mutually recursive functions is propagated as one unit
 * ({@code <cycle N as a whole>}). The stacks here follow exactly that rule downwards: from each function nobody
 * (profiled) calls, every path through the arcs, each carrying the share {@code calls on the arc / calls of the
 * callee} of the callee's time; a cycle is one frame with its members above it, each with its own self time, and
 * the calls out of a member continue above that member. Each function's self time is then shared out over its
 * paths by those weights, exactly, in whole nanoseconds.
 *
 * <p>So each function's self time and calls are gprof's, and each function's total (self and children) is gprof's
 * {@code self + children}; which caller a particular call came from is only an estimate.
 */
final class GprofGraph {
    static final int MAX_DEPTH = 200;
    static final int MAX_PATHS = 250_000;
    static final String NOTE = "gprof records each function's self time (sampled) and the calls along each "
            + "caller-to-callee arc, not whole call stacks. The tree here is rebuilt from those arcs the way gprof's "
            + "call graph propagates time: a function's time is shared among its callers in proportion to their "
            + "calls, as if every call cost the same; recursive calls are not followed and each cycle of mutual "
            + "recursion is one frame (<cycle N as a whole>) with its members above it. Self times, calls and each "
            + "function's total are gprof's; the call paths between them are estimates.";
    private static final Pattern LINE_NAME = Pattern.compile("(.+) \\((.+):(\\d{1,9})(?: @ ([0-9a-fA-F]+))?\\)");

    private final GprofReader reader;
    private final ProfileBuilder builder = new ProfileBuilder(TimelineWriter.DISCARD);

    /** A node of the collapsed graph: a function outside any cycle, or a whole cycle. */
    private static final class Node {
        final String name;
        GprofReader.Entry entry;
        long calls;
        long selfNanos;
        final List<Node> members = new ArrayList<>();
        /** A function's calls to other nodes (a cycle's calls out are its members'), by callee. */
        final Map<Node, Long> out = new LinkedHashMap<>();
        long callsIn;
        int frame = -1;
        final List<int[]> stacks = new ArrayList<>();
        final List<Double> shares = new ArrayList<>();
        Node cycle;

        Node(String name) {
            this.name = name;
        }
    }

    GprofGraph(GprofReader reader) {
        this.reader = reader;
    }

    Profile build(String fileName) throws ImportException {
        Map<String, GprofReader.FlatRow> flatByName = new LinkedHashMap<>();
        Set<String> duplicates = new HashSet<>();
        for (GprofReader.FlatRow row : reader.flat) {
            if (flatByName.putIfAbsent(row.name(), row) != null) {
                duplicates.add(row.name());
            }
        }
        Map<String, GprofReader.FlatRow> flatRows = new HashMap<>(flatByName);
        Map<Integer, Node> byIndex = new LinkedHashMap<>();
        Map<Integer, Node> cycles = new HashMap<>();
        List<Node> functions = new ArrayList<>();
        for (GprofReader.Entry e : reader.entries.values()) {
            if (e.wholeCycle) {
                Node c = new Node("<cycle " + e.cycle + " as a whole>");
                c.entry = e;
                c.calls = Math.max(0, e.calls);
                cycles.put(e.cycle, c);
            }
        }
        for (GprofReader.Entry e : reader.entries.values()) {
            if (e.wholeCycle) {
                byIndex.put(e.index, cycles.get(e.cycle));
                continue;
            }
            Node f = new Node(e.name);
            f.entry = e;
            f.calls = Math.max(0, e.calls);
            f.selfNanos = e.selfNanos;
            GprofReader.FlatRow row = flatByName.remove(e.name);
            if (row != null && !duplicates.contains(e.name)) {
                if (row.selfNanos() != e.selfNanos) {
                    throw reader.atLine(e.line, "the call graph gives " + e.name + " " + seconds(e.selfNanos)
                            + " s of self time, the flat profile (line " + row.line() + ") " + seconds(row.selfNanos())
                            + " s; the file is corrupt");
                }
                if (row.calls() >= 0 && e.calls >= 0 && row.calls() != e.calls) {
                    throw reader.atLine(e.line, "the call graph counts " + e.calls + " calls of " + e.name
                            + ", the flat profile (line " + row.line() + ") " + row.calls() + "; the file is corrupt");
                }
            }
            if (e.cycle > 0) {
                // Line mode (-l) prints the members without the cycle's own entry: its calls are then the arcs in.
                Node c = cycles.computeIfAbsent(e.cycle, k -> new Node("<cycle " + k + " as a whole>"));
                f.cycle = c;
                c.members.add(f);
                c.selfNanos += f.selfNanos;
            }
            byIndex.put(e.index, f);
            functions.add(f);
        }
        // Functions of the flat profile the call graph does not list (or a flat profile alone): roots of their own.
        for (GprofReader.FlatRow row : flatByName.values()) {
            Node f = new Node(row.name());
            f.calls = Math.max(0, row.calls());
            f.selfNanos = row.selfNanos();
            functions.add(f);
        }
        for (Node f : functions) {
            f.frame = builder.frame(frame(f.name));
        }
        for (Node c : cycles.values()) {
            c.frame = builder.frame(Frame.of(c.name));
        }

        // The arcs, from each entry's callee lines, between collapsed nodes.
        for (GprofReader.Entry e : reader.entries.values()) {
            Node from = byIndex.get(e.index);
            if (from == null || e.wholeCycle) {
                continue;
            }
            for (GprofReader.Arc arc : e.children) {
                Node to = byIndex.get(arc.index());
                if (to == null) {
                    throw reader.atLine(e.line, "the entry of " + e.name + " calls [" + arc.index() + "], which has "
                            + "no entry");
                }
                Node target = to.cycle != null ? to.cycle : to;
                Node source = from.cycle != null ? from.cycle : from;
                if (target == source) {
                    continue; // recursion, or a call inside a cycle: gprof propagates neither
                }
                from.out.merge(target, arc.calls(), Long::sum);
                target.callsIn += arc.calls();
            }
        }
        List<Node> nodes = new ArrayList<>();
        for (Node f : functions) {
            if (f.cycle == null) {
                nodes.add(f);
            }
        }
        nodes.addAll(cycles.values());
        Expansion x = new Expansion();
        for (Node n : nodes) {
            long denominator = Math.max(n.calls, n.callsIn);
            double share = denominator == 0 ? 1.0 : (double) (denominator - n.callsIn) / denominator;
            if (share > 0) {
                x.visit(n, StackTable.ROOT, share, 0, new HashSet<>());
            }
        }
        for (Node f : functions) {
            apportion(f);
        }
        Map<String, String> attrs = new LinkedHashMap<>();
        attrs.put("sample period", reader.sampleSeconds == null ? "" : reader.sampleSeconds);
        if (reader.granularity != null) {
            attrs.put("granularity", reader.granularity);
        }
        attrs.put("tables", reader.sawFlat && reader.sawCallGraph ? "flat profile and call graph"
                : reader.sawFlat ? "flat profile only (no call graph: every function is a root)" : "call graph only");
        if (reader.noTime) {
            attrs.put("warning", "gprof accumulated no time (the run was shorter than one sample)");
        }
        Map<String, CallCounts.Calls> calls = new LinkedHashMap<>();
        for (Node f : functions) {
            GprofReader.FlatRow row = flatRows.get(f.name);
            if (f.entry != null ? f.entry.calls >= 0 : f.calls > 0) {
                calls.putIfAbsent(builderName(f), new CallCounts.Calls(f.calls,
                        row == null ? -1 : row.selfPerCallNanos(), row == null ? -1 : row.totalPerCallNanos()));
            }
        }
        attrs.put(CallCounts.ATTRIBUTE, new CallCounts(calls).encode());
        attrs.put("note", NOTE);
        ProfileInfo info = new ProfileInfo(fileName + " · cpu time", GprofImporter.FORMAT, "gprof samples",
                WeightUnit.NANOSECONDS, "", "", "", "", null, -1, 0, 0, attrs);
        return builder.build(info);
    }

    /** The function name the views show for {@code f}: its frame's name. */
    private String builderName(Node f) {
        return frame(f.name).name();
    }

    /** Shares {@code f}'s self time over its paths by their weights, exactly. */
    private void apportion(Node f) {
        if (f.selfNanos == 0) {
            return;
        }
        double sum = 0;
        for (double s : f.shares) {
            sum += s;
        }
        if (sum <= 0) {
            builder.sample(builder.child(StackTable.ROOT, f.frame), -1, f.selfNanos, ProfileBuilder.NO_TIME);
            return;
        }
        int n = f.shares.size();
        long[] parts = new long[n];
        double[] remainders = new double[n];
        long given = 0;
        for (int i = 0; i < n; i++) {
            double exact = f.selfNanos * (f.shares.get(i) / sum);
            parts[i] = (long) Math.floor(exact);
            remainders[i] = exact - parts[i];
            given += parts[i];
        }
        long left = f.selfNanos - given;
        while (left > 0) {
            int best = 0;
            for (int i = 1; i < n; i++) {
                if (remainders[i] > remainders[best]) {
                    best = i;
                }
            }
            parts[best]++;
            remainders[best] = -1;
            left--;
        }
        for (int i = 0; i < n; i++) {
            if (parts[i] > 0) {
                builder.sample(f.stacks.get(i)[0], -1, parts[i], ProfileBuilder.NO_TIME);
            }
        }
    }

    /** The walk over the collapsed graph. */
    private final class Expansion {
        private int paths;

        void visit(Node n, int parent, double share, int depth, Set<Node> onPath) {
            if (depth > MAX_DEPTH || paths >= MAX_PATHS || !onPath.add(n)) {
                return;
            }
            paths++;
            int stack = builder.child(parent, n.frame);
            if (n.members.isEmpty()) {
                n.stacks.add(new int[] {stack});
                n.shares.add(share);
                follow(n, stack, share, depth, onPath);
            } else {
                for (Node m : n.members) {
                    int memberStack = builder.child(stack, m.frame);
                    m.stacks.add(new int[] {memberStack});
                    m.shares.add(share);
                    follow(m, memberStack, share, depth + 1, onPath);
                }
            }
            onPath.remove(n);
        }

        /** The calls out of {@code from}: a function outside any cycle, or a member of the cycle being visited. */
        private void follow(Node from, int stack, double share, int depth, Set<Node> onPath) {
            for (Map.Entry<Node, Long> e : from.out.entrySet()) {
                Node target = e.getKey();
                long calls = e.getValue();
                if (calls == 0) {
                    continue;
                }
                long denominator = Math.max(target.calls, target.callsIn);
                visit(target, stack, share * calls / denominator, depth + 1, onPath);
            }
        }
    }

    /** A frame for a gprof name: {@code fib}, or in line mode {@code fib (gp.c:7 @ 1232)}. */
    private Frame frame(String name) {
        Matcher m = LINE_NAME.matcher(name);
        if (m.matches()) {
            return new Frame(m.group(1), m.group(2), FrameKind.NATIVE, "", Integer.parseInt(m.group(3)));
        }
        return new Frame(name, reader.files.getOrDefault(name, ""), FrameKind.NATIVE, "", -1);
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.2f", nanos / 1e9);
    }
}
