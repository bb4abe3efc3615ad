package dev.perfdesk.importers.massif;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.perfdesk.core.heap.HeapSeries;
import dev.perfdesk.core.heap.HeapSeries.Snapshot;
import dev.perfdesk.core.heap.HeapSeries.Tree;
import dev.perfdesk.core.model.Frame;
import dev.perfdesk.core.model.FrameKind;
import dev.perfdesk.core.model.ProfileBuilder;
import dev.perfdesk.core.model.ProfileInfo;
import dev.perfdesk.core.model.TimelineWriter;
import dev.perfdesk.core.model.WeightUnit;
import dev.perfdesk.core.progress.ProgressMonitor;
import dev.perfdesk.core.spi.ImportSink;
import dev.perfdesk.core.util.IntArrayList;
import dev.perfdesk.core.util.LongArrayList;
import dev.perfdesk.importers.spi.ByteLineReader;
import dev.perfdesk.importers.spi.ImportException;
import dev.perfdesk.importers.spi.ImportSource;

/** One read of a Massif file: the line parser, the snapshots and the trees it builds. Not thread-safe. */
final class MassifReader {
    static final int MAX_LINE = 1 << 20;
    /** Deeper than Massif's own limit ({@code --depth}, at most 200), so a deeper tree is a corrupt file. */
    static final int MAX_DEPTH = 1000;
    static final String EXTRA_HEAP = "[extra-heap]";
    static final String STACKS = "[stacks]";
    static final String NO_TREE = "[heap: no tree recorded]";

    static final String NOTE = "Massif records the memory in use at snapshots, and for some of them (every "
            + "--detailed-freq'th and the peak) a tree of allocation sites with their callers. The flame graph shows "
            + "one snapshot's tree (the peak unless another is chosen on the heap chart): allocation sites on top, "
            + "their callers below; [extra-heap] is the allocator's overhead and [stacks] the stacks (--stacks=yes). "
            + "Sites Massif grouped below its threshold stay grouped. Times are in the file's unit, not wall time.";

    private static final String SEPARATOR = "#-----------";

    private final ImportSource source;
    private final Path file;
    private final ProgressMonitor monitor;
    private ByteLineReader lines;
    private long lineNumber;

    private String desc;
    private String cmd;
    private String timeUnit;
    private final List<Snapshot> snapshots = new ArrayList<>();
    /** Per snapshot number with a tree: its rows (stack, bytes). */
    private final Map<Integer, Rows> trees = new LinkedHashMap<>();
    private final ProfileBuilder builder = new ProfileBuilder(TimelineWriter.DISCARD);
    private int[] path = new int[64];

    /** A tree's samples: stack ids and bytes. */
    private record Rows(IntArrayList stacks, LongArrayList bytes) {
        Rows() {
            this(new IntArrayList(16), new LongArrayList(16));
        }
    }

    MassifReader(ImportSource source, ProgressMonitor monitor) {
        this.source = source;
        this.file = source.path();
        this.monitor = monitor == null ? ProgressMonitor.NONE : monitor;
    }

    void readAll(InputStream in) throws IOException, ImportException {
        lines = new ByteLineReader(in, source, MAX_LINE, monitor);
        String first = nextOrNull();
        if (first == null) {
            throw ImportException.whole(file, "the file is empty");
        }
        desc = header(first, "desc: ");
        cmd = header(expectLine("the 'cmd:' line"), "cmd: ");
        timeUnit = header(expectLine("the 'time_unit:' line"), "time_unit: ");
        if (!timeUnit.equals("i") && !timeUnit.equals("ms") && !timeUnit.equals("B")) {
            throw fail("the time unit is '" + abbreviate(timeUnit) + "'; Massif writes i, ms or B");
        }
        String line = nextOrNull();
        long previousTime = Long.MIN_VALUE;
        while (line != null) {
            if (!line.equals(SEPARATOR)) {
                throw fail("expected '" + SEPARATOR + "' before a snapshot, found '" + abbreviate(line) + "'");
            }
            long number = value(expectLine("'snapshot='"), "snapshot");
            if (number != snapshots.size()) {
                throw fail("expected snapshot=" + snapshots.size() + " (snapshots are numbered from 0 in order), found "
                        + number);
            }
            String sep = expectLine("'" + SEPARATOR + "'");
            if (!sep.equals(SEPARATOR)) {
                throw fail("expected '" + SEPARATOR + "' after snapshot=, found '" + abbreviate(sep) + "'");
            }
            long time = value(expectLine("'time='"), "time");
            if (time < previousTime) {
                throw fail("time=" + time + " is earlier than the previous snapshot's " + previousTime
                        + "; Massif writes snapshots in time order");
            }
            previousTime = time;
            long heap = value(expectLine("'mem_heap_B='"), "mem_heap_B");
            long extra = value(expectLine("'mem_heap_extra_B='"), "mem_heap_extra_B");
            long stacks = value(expectLine("'mem_stacks_B='"), "mem_stacks_B");
            String treeLine = expectLine("'heap_tree='");
            if (!treeLine.startsWith("heap_tree=")) {
                throw fail("expected 'heap_tree=empty|detailed|peak', found '" + abbreviate(treeLine) + "'");
            }
            Tree tree = switch (treeLine.substring("heap_tree=".length())) {
                case "empty" -> Tree.EMPTY;
                case "detailed" -> Tree.DETAILED;
                case "peak" -> Tree.PEAK;
                default -> throw fail("expected 'heap_tree=empty|detailed|peak', found '" + abbreviate(treeLine)
                        + "'");
            };
            if (tree == Tree.PEAK && snapshots.stream().anyMatch(s -> s.tree() == Tree.PEAK)) {
                throw fail("a second peak snapshot; Massif writes one");
            }
            if (heap + extra < 0 || heap + extra + stacks < 0) {
                throw fail("the snapshot's bytes add up to more than " + Long.MAX_VALUE);
            }
            Snapshot snapshot = new Snapshot((int) number, time, heap, extra, stacks, tree);
            snapshots.add(snapshot);
            if (tree != Tree.EMPTY) {
                readTree(snapshot);
            }
            line = nextOrNull();
        }
        if (snapshots.isEmpty()) {
            throw fail("the file ends after its header, with no snapshot; it looks truncated");
        }
    }

    /** Reads a detailed snapshot's tree: the root line, then each node's children after it, depth first. */
    private void readTree(Snapshot snapshot) throws IOException, ImportException {
        String root = expectLine("the snapshot's tree (heap_tree=" + snapshot.tree().name().toLowerCase(Locale.ROOT)
                + ")");
        Node node = node(root, 0);
        if (!node.rest().startsWith("(heap allocation functions)")
                && !node.rest().startsWith("(page allocation syscalls)")) {
            throw fail("expected the tree's root '(heap allocation functions) ...', found '" + abbreviate(root) + "'");
        }
        if (node.bytes() != snapshot.heap()) {
            throw fail("the tree's root holds " + String.format(Locale.ROOT, "%,d", node.bytes())
                    + " bytes but mem_heap_B says " + String.format(Locale.ROOT, "%,d", snapshot.heap()));
        }
        Rows rows = new Rows();
        trees.put(snapshot.number(), rows);
        children(node, 0, rows);
        if (snapshot.extraHeap() > 0) {
            rows.stacks().add(builder.child(0, builder.frame(Frame.of(EXTRA_HEAP))));
            rows.bytes().add(snapshot.extraHeap());
        }
        if (snapshot.stacks() > 0) {
            rows.stacks().add(builder.child(0, builder.frame(Frame.of(STACKS))));
            rows.bytes().add(snapshot.stacks());
        }
    }

    /** Reads the {@code parent.children()} subtrees below a node at {@code depth} whose frames are {@code path}. */
    private void children(Node parent, int depth, Rows rows) throws IOException, ImportException {
        long parentLine = lineNumber;
        long sum = 0;
        for (int i = 0; i < parent.children(); i++) {
            String text = nextOrNull();
            if (text == null) {
                throw ImportException.atLine(file, parentLine, "the file ends inside the tree: this node announces "
                        + parent.children() + " children and " + i + " follow; it looks truncated");
            }
            Node child = node(text, depth + 1);
            if (depth + 1 > MAX_DEPTH) {
                throw fail("the tree is deeper than " + MAX_DEPTH + " levels; Massif's --depth is at most 200");
            }
            if (depth >= path.length) {
                path = java.util.Arrays.copyOf(path, path.length * 2);
            }
            path[depth] = builder.frame(frame(child.rest()));
            sum += child.bytes();
            if (sum < 0) {
                throw fail("the children's bytes add up to more than " + Long.MAX_VALUE);
            }
            if (child.children() == 0) {
                addRow(rows, depth + 1, child.bytes());
            } else {
                children(child, depth + 1, rows);
            }
        }
        if (sum > parent.bytes()) {
            throw ImportException.atLine(file, parentLine, "the node's children hold " + String.format(Locale.ROOT,
                    "%,d", sum) + " bytes, more than its own " + String.format(Locale.ROOT, "%,d", parent.bytes()));
        }
        if (sum < parent.bytes()) {
            // Massif's children always add up to their parent; keep any difference at the node itself.
            addRow(rows, depth, parent.bytes() - sum);
        }
    }

    /** A row for the stack {@code path[0 .. length)}, given allocation site first: reversed, outermost caller first. */
    private void addRow(Rows rows, int length, long bytes) {
        if (bytes == 0 || length == 0) {
            return;
        }
        int node = 0;
        for (int i = length - 1; i >= 0; i--) {
            node = builder.child(node, path[i]);
        }
        rows.stacks().add(node);
        rows.bytes().add(bytes);
    }

    private record Node(int children, long bytes, String rest) {
    }

    /** Parses {@code <depth spaces>n<children>: <bytes> <rest>}. */
    private Node node(String line, int depth) throws ImportException {
        int spaces = 0;
        while (spaces < line.length() && line.charAt(spaces) == ' ') {
            spaces++;
        }
        if (spaces != depth || spaces >= line.length() || line.charAt(spaces) != 'n') {
            throw fail("expected a tree node 'n<children>: <bytes> ...' indented by " + depth + (depth == 1
                    ? " space" : " spaces") + ", found '" + abbreviate(line) + "'");
        }
        int colon = line.indexOf(": ", spaces);
        int space = colon < 0 ? -1 : line.indexOf(' ', colon + 2);
        if (colon < 0 || space < 0) {
            throw fail("expected a tree node 'n<children>: <bytes> ...', found '" + abbreviate(line) + "'");
        }
        long children = number(line.substring(spaces + 1, colon), line);
        long bytes = number(line.substring(colon + 2, space), line);
        if (children > Integer.MAX_VALUE) {
            throw fail("too many children: '" + abbreviate(line) + "'");
        }
        return new Node((int) children, bytes, line.substring(space + 1));
    }

    /**
     * The frame of a node's text: {@code 0x<ip>: <function> (<file>:<line>)}, {@code 0x<ip>: <function> (in <object>)},
     * {@code 0x<ip>: ???}, or Massif's group of small sites {@code in N places, [all ]below massif's threshold (..)}.
     */
    private Frame frame(String rest) throws ImportException {
        if (rest.startsWith("in ") && rest.contains("below massif's threshold")) {
            return Frame.of("[" + rest + "]");
        }
        if (!rest.startsWith("0x")) {
            throw fail("expected '0x<address>: <function>' or 'in N places, below massif's threshold', found '"
                    + abbreviate(rest) + "'");
        }
        int colon = rest.indexOf(": ");
        if (colon < 0) {
            throw fail("expected '0x<address>: <function>', found '" + abbreviate(rest) + "'");
        }
        String address = rest.substring(0, colon);
        String what = rest.substring(colon + 2);
        String module = "";
        int line = -1;
        if (what.endsWith(")")) {
            int open = what.lastIndexOf(" (");
            if (open >= 0) {
                String location = what.substring(open + 2, what.length() - 1);
                if (location.startsWith("in ")) {
                    module = location.substring(3);
                    what = what.substring(0, open);
                } else {
                    int c = location.lastIndexOf(':');
                    if (c > 0 && c < location.length() - 1 && location.substring(c + 1).chars()
                            .allMatch(Character::isDigit) && location.length() - c - 1 < 10) {
                        module = location.substring(0, c);
                        line = Integer.parseInt(location.substring(c + 1));
                        what = what.substring(0, open);
                    }
                }
            }
        }
        if (what.equals("???")) {
            return new Frame(address, module, FrameKind.UNKNOWN, address, -1);
        }
        return new Frame(what, module, FrameKind.NATIVE, "", line);
    }

    void deliver(ImportSink sink) {
        HeapSeries series = new HeapSeries(timeUnit, snapshots);
        Snapshot shown = series.peak();
        if (shown != null && !shown.detailed()) {
            Snapshot best = null;
            for (Snapshot s : snapshots) {
                if (s.detailed() && (best == null || s.total() > best.total())) {
                    best = s;
                }
            }
            shown = best == null ? series.largest() : best;
        }
        Rows rows = trees.get(shown.number());
        if (rows == null) {
            // No tree in the file at all: the totals of the largest snapshot, without allocation sites.
            rows = new Rows();
            long[] parts = {shown.heap(), shown.extraHeap(), shown.stacks()};
            String[] names = {NO_TREE, EXTRA_HEAP, STACKS};
            for (int i = 0; i < 3; i++) {
                if (parts[i] > 0) {
                    rows.stacks().add(builder.child(0, builder.frame(Frame.of(names[i]))));
                    rows.bytes().add(parts[i]);
                }
            }
        }
        for (int i = 0; i < rows.stacks().size(); i++) {
            builder.sample(rows.stacks().get(i), -1, rows.bytes().get(i), ProfileBuilder.NO_TIME);
        }
        TimelineWriter timeline = trees.isEmpty() ? null : sink.openTimeline();
        for (Map.Entry<Integer, Rows> e : trees.entrySet()) {
            Rows r = e.getValue();
            for (int i = 0; i < r.stacks().size(); i++) {
                timeline.append(e.getKey(), r.stacks().get(i), -1, r.bytes().get(i));
            }
        }
        Map<String, String> attrs = new LinkedHashMap<>();
        attrs.put("massif arguments", desc);
        attrs.put(HeapSeries.UNIT_ATTRIBUTE, timeUnit);
        attrs.put(HeapSeries.SHOWN_ATTRIBUTE, Integer.toString(shown.number()));
        attrs.put("snapshots", series.summary());
        attrs.put(HeapSeries.ATTRIBUTE, series.encode());
        attrs.put("note", NOTE + (trees.isEmpty() ? " This file has no detailed snapshot, so no allocation sites."
                : ""));
        ProfileInfo info = new ProfileInfo(source.fileName() + " · heap", MassifImporter.FORMAT, "heap",
                WeightUnit.BYTES, "", "", "", cmd, null, -1, 0, 0, attrs);
        sink.addProfile(builder.build(info), timeline);
    }

    private String header(String line, String key) throws ImportException {
        if (!line.startsWith(key)) {
            throw fail("expected '" + key.strip() + " ...' (a Massif file starts with desc:, cmd: and time_unit: "
                    + "lines), found '" + abbreviate(line) + "'");
        }
        return line.substring(key.length());
    }

    private long value(String line, String key) throws ImportException {
        if (!line.startsWith(key + "=")) {
            throw fail("expected '" + key + "=', found '" + abbreviate(line) + "'");
        }
        return number(line.substring(key.length() + 1), line);
    }

    private long number(String digits, String line) throws ImportException {
        if (digits.isEmpty() || digits.length() > 19 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw fail("expected a whole number, found '" + abbreviate(line) + "'");
        }
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw fail("the number is too large for 64 bits: '" + abbreviate(line) + "'");
        }
    }

    private String expectLine(String what) throws IOException, ImportException {
        String line = nextOrNull();
        if (line == null) {
            throw ImportException.atLine(file, lineNumber, "the file ends here, before " + what
                    + "; it looks truncated");
        }
        return line;
    }

    /** The next line as text, or null at the end; a last line without its newline is a cut file. */
    private String nextOrNull() throws IOException, ImportException {
        if (!lines.next()) {
            return null;
        }
        lineNumber = lines.lineNumber();
        int control = lines.firstControlByte(false);
        if (control >= 0) {
            throw fail("the line holds a control byte (0x" + String.format(Locale.ROOT, "%02x", control)
                    + "); this is binary data, not Massif's text");
        }
        if (lines.lastLineUnterminated()) {
            throw fail("the file ends in the middle of a line; it looks truncated");
        }
        return new String(lines.buffer(), lines.start(), lines.end() - lines.start(), StandardCharsets.UTF_8);
    }

    private ImportException fail(String problem) {
        return ImportException.atLine(file, lineNumber, problem);
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }
}
