package dev.perfdesk.importers.callgrind;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.perfdesk.core.model.Frame;
import dev.perfdesk.core.model.FrameKind;
import dev.perfdesk.core.model.ProfileBuilder;
import dev.perfdesk.core.model.ProfileInfo;
import dev.perfdesk.core.model.ThreadInfo;
import dev.perfdesk.core.model.WeightUnit;
import dev.perfdesk.core.progress.ProgressMonitor;
import dev.perfdesk.core.spi.ImportSink;
import dev.perfdesk.core.util.LongIntHashMap;
import dev.perfdesk.importers.spi.ByteLineReader;
import dev.perfdesk.importers.spi.ImportException;
import dev.perfdesk.importers.spi.ImportSource;

/** One read of a Callgrind file: the line parser, its state, and the profiles it builds. Not thread-safe. */
final class CallgrindReader {
    static final int MAX_LINE = 4 << 20;

    static final String NOTE = "Callgrind records self costs per function and line, and calls from a line to a "
            + "function with their inclusive cost, not whole stacks. The stacks here are rebuilt from those calls as "
            + "gprof and KCachegrind do: a function's cost is split among its callers in proportion to their calls' "
            + "inclusive cost, as if every call of it cost the same; deeper cycles are cut. Self cost per function "
            + "and line, and the total, are exact; the call paths above them are estimates.";

    private final ImportSource source;
    private final Path file;
    private final ProgressMonitor monitor;

    // Name compression: one id space each for objects, files and functions (spec "Name compression").
    private final Map<Long, String> obNames = new HashMap<>();
    private final Map<Long, String> flNames = new HashMap<>();
    private final Map<Long, String> fnNames = new HashMap<>();

    // Interned names, functions (file of definition, name) and frames (function name, file of the code, line).
    private final Map<String, Integer> stringIds = new HashMap<>();
    private final List<String> strings = new ArrayList<>();
    private final LongIntHashMap funcIndex = new LongIntHashMap(1 << 12);
    private int funcCount;
    private final LongIntHashMap locIndex = new LongIntHashMap(1 << 12);
    private int locCount;
    private final LongIntHashMap frameIndex = new LongIntHashMap(1 << 12);
    private final List<Frame> frames = new ArrayList<>();

    // The profiles, one per event name, in the order the names first appear.
    private final Map<String, ProfileBuilder> builders = new LinkedHashMap<>();
    private final Map<String, String> longNames = new LinkedHashMap<>();
    private final Map<String, String> attributes = new LinkedHashMap<>();
    private final List<ThreadInfo> parts = new ArrayList<>();
    /** Per event, the sum over the parts of their summary: lines, which callgrind_annotate prints as the total. */
    private final Map<String, Long> summaries = new LinkedHashMap<>();
    private String creator = "";
    private String command = "";

    // The current part.
    private CallGraph graph;
    private String[] events;
    private ProfileBuilder[] columns;
    private boolean[] positionIsLine = {true};
    private long[] previous = new long[1];
    private long[] costs;
    private boolean bodySeen;
    private long pid = -1;
    private long thread = -1;
    private long partNumber = -1;
    private String partCommand = "";
    private long[] totalsLine;
    private long totalsLineNumber;
    private long[] summaryLine;
    private long summaryLineNumber;

    // Position state of the body.
    private int curFl = -1;
    private int curFile = -1;
    private int curFn = -1;
    private int curFunc = -1;
    private int cfi = -1;
    private int cfn = -1;
    private long pendingCallLine = -1;
    private int pendingCallee = -1;
    private int lastSiteFunc = -1;
    private int lastSiteFile = -1;
    private long lastSiteLine = Long.MIN_VALUE;
    private int lastSite = -1;

    private long lineNumber;
    private boolean sawEvents;

    CallgrindReader(ImportSource source, ProgressMonitor monitor) {
        this.source = source;
        this.file = source.path();
        this.monitor = monitor == null ? ProgressMonitor.NONE : monitor;
    }

    private long costLines;

    void readAll(InputStream in) throws IOException, ImportException {
        ByteLineReader lines = new ByteLineReader(in, source, MAX_LINE, monitor);
        boolean any = false;
        while (lines.next()) {
            lineNumber = lines.lineNumber();
            if (lines.lastLineUnterminated()) {
                throw fail("the file ends in the middle of a line; it looks truncated");
            }
            byte[] b = lines.buffer();
            int s = skipSpace(b, lines.start(), lines.end());
            int e = lines.end();
            while (e > s && (b[e - 1] == ' ' || b[e - 1] == '\t')) {
                e--;
            }
            if (s == e) {
                continue;
            }
            any = true;
            if (b[s] == '#') {
                continue;
            }
            line(b, s, e);
        }
        if (!any) {
            throw ImportException.whole(file, "the file is empty");
        }
        if (pendingCallLine > 0) {
            throw ImportException.atLine(file, pendingCallLine,
                    "the file ends after this calls= line, before the call's cost line; it looks truncated");
        }
        if (!sawEvents) {
            throw ImportException.whole(file, "no 'events:' line: this is not a Callgrind or Cachegrind profile");
        }
        finishPart();
        if (costLines == 0) {
            throw ImportException.whole(file, "the file has no cost lines");
        }
    }

    private void line(byte[] b, int s, int e) throws ImportException {
        byte c = b[s];
        if ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '*') {
            costLine(b, s, e);
            return;
        }
        int k = s;
        while (k < e && ((b[k] >= 'a' && b[k] <= 'z') || (b[k] >= 'A' && b[k] <= 'Z') || b[k] == '_')) {
            k++;
        }
        if (k == s || k == e || (b[k] != '=' && b[k] != ':')) {
            throw fail("expected a Callgrind header line (key: value), a position (fn=...) or a cost line, found '"
                    + abbreviate(b, s, e) + "'");
        }
        String key = new String(b, s, k - s, StandardCharsets.US_ASCII);
        if (pendingCallLine > 0) {
            throw fail("expected the cost line of the call on line " + pendingCallLine + ", found '"
                    + abbreviate(b, s, e) + "'");
        }
        if (b[k] == '=') {
            spec(key, b, k + 1, e);
        } else {
            header(key, new String(b, k + 1, e - k - 1, StandardCharsets.UTF_8).strip());
        }
    }

    private void header(String key, String value) throws ImportException {
        switch (key) {
            case "totals":
                requireEvents("totals:");
                totalsLine = numbers(value, "totals:");
                totalsLineNumber = lineNumber;
                return;
            case "summary":
                requireEvents("summary:");
                summaryLine = numbers(value, "summary:");
                summaryLineNumber = lineNumber;
                return;
            default:
                break;
        }
        if (bodySeen) {
            switch (key) {
                case "part": case "events": case "positions": case "cmd": case "pid": case "thread": case "desc":
                case "version": case "creator": case "event":
                    finishPart();
                    break;
                default:
                    throw fail("'" + key + ":' cannot follow cost lines");
            }
        }
        switch (key) {
            case "version":
                if (!value.equals("1")) {
                    throw fail("format version " + value + " is not one Perfdesk reads (it reads version 1)");
                }
                break;
            case "creator":
                creator = value;
                attributes.put("creator", value);
                break;
            case "cmd":
                partCommand = value;
                if (command.isEmpty()) {
                    command = value;
                }
                break;
            case "pid":
                pid = integer(value, "pid:");
                break;
            case "thread":
                thread = integer(value, "thread:");
                break;
            case "part":
                partNumber = integer(value, "part:");
                break;
            case "desc":
                int colon = value.indexOf(':');
                if (colon > 0) {
                    String v = value.substring(colon + 1).strip();
                    if (!v.isEmpty()) {
                        attributes.putIfAbsent(value.substring(0, colon).strip(), v);
                    }
                }
                break;
            case "positions":
                positions(value);
                break;
            case "events":
                events(value);
                break;
            case "event":
                int c = value.indexOf(':');
                if (c > 0) {
                    String name = value.substring(0, c).strip();
                    int eq = name.indexOf('=');
                    longNames.putIfAbsent(eq < 0 ? name : name.substring(0, eq).strip(), value.substring(c + 1).strip());
                }
                break;
            default:
                // Other writers add keys of their own (the grammar's Description is open); they carry no costs.
                break;
        }
    }

    private void positions(String value) throws ImportException {
        String[] names = value.isEmpty() ? new String[0] : value.split("\\s+");
        if (names.length == 0) {
            throw fail("'positions:' names no position");
        }
        positionIsLine = new boolean[names.length];
        for (int i = 0; i < names.length; i++) {
            switch (names[i]) {
                case "line":
                    positionIsLine[i] = true;
                    break;
                case "instr":
                case "addr":
                    break;
                default:
                    throw fail("unknown position '" + names[i] + "'; expected instr and/or line");
            }
        }
        previous = new long[names.length];
    }

    private void events(String value) throws ImportException {
        String[] names = value.isEmpty() ? new String[0] : value.split("\\s+");
        if (names.length == 0) {
            throw fail("'events:' names no event");
        }
        events = names;
        columns = new ProfileBuilder[names.length];
        for (int i = 0; i < names.length; i++) {
            ProfileBuilder builder = builders.computeIfAbsent(names[i], n -> new ProfileBuilder(null));
            for (int j = 0; j < i; j++) {
                if (columns[j] == builder) {
                    throw fail("the event '" + names[i] + "' is named twice");
                }
            }
            columns[i] = builder;
        }
        costs = new long[names.length];
        graph = new CallGraph(names.length);
        sawEvents = true;
    }

    private void requireEvents(String what) throws ImportException {
        if (events == null) {
            throw fail("'" + what + "' comes before the 'events:' line that says what its numbers are");
        }
    }

    private void spec(String key, byte[] b, int s, int e) throws ImportException {
        switch (key) {
            case "fn":
                curFn = intern(name(fnNames, b, s, e, "fn"));
                curFunc = function(curFl, curFn);
                cfi = -1;
                cfn = -1;
                break;
            case "fl":
                curFl = intern(name(flNames, b, s, e, "fl"));
                curFile = curFl;
                break;
            case "fi":
            case "fe":
                curFile = intern(name(flNames, b, s, e, "fl"));
                break;
            case "ob":
                name(obNames, b, s, e, "ob");
                break;
            case "cob":
                name(obNames, b, s, e, "ob");
                break;
            case "cfi":
            case "cfl":
                cfi = intern(name(flNames, b, s, e, "fl"));
                break;
            case "cfn":
                cfn = intern(name(fnNames, b, s, e, "fn"));
                break;
            case "jfi":
                name(flNames, b, s, e, "fl");
                break;
            case "jfn":
                name(fnNames, b, s, e, "fn");
                break;
            case "calls":
                calls(b, s, e);
                break;
            case "jump":
            case "jcnd":
                // Jumps carry counts of their own, not event costs; the cost line after them is an ordinary one.
                break;
            default:
                throw fail("unknown position '" + key + "='; expected ob, fl, fi, fe, fn, cob, cfi, cfn, calls, jump "
                        + "or jcnd");
        }
    }

    private void calls(byte[] b, int s, int e) throws ImportException {
        requireFunction();
        if (cfn < 0) {
            throw fail("calls= without a cfn= line naming the function called");
        }
        int k = skipSpace(b, s, e);
        int start = k;
        while (k < e && b[k] >= '0' && b[k] <= '9') {
            k++;
        }
        if (k == start) {
            throw fail("expected 'calls=COUNT TARGET', found '" + abbreviate(b, s, e) + "'");
        }
        pendingCallee = function(cfi >= 0 ? cfi : curFile, cfn);
        pendingCallLine = lineNumber;
    }

    private void requireFunction() throws ImportException {
        if (events == null) {
            throw fail("a cost line comes before the 'events:' line that says what its numbers are");
        }
        if (curFunc < 0) {
            throw fail("a cost line comes before any fn= line naming its function");
        }
    }

    private void costLine(byte[] b, int s, int e) throws ImportException {
        requireFunction();
        bodySeen = true;
        costLines++;
        int k = s;
        long line = -1;
        for (int p = 0; p < previous.length; p++) {
            if (k >= e) {
                throw fail("the cost line has fewer positions than 'positions:' names");
            }
            long value;
            byte c = b[k];
            if (c == '*') {
                value = previous[p];
                k++;
            } else if (c == '+' || c == '-') {
                int start = ++k;
                long n = 0;
                while (k < e && b[k] >= '0' && b[k] <= '9') {
                    n = n * 10 + (b[k++] - '0');
                }
                if (k == start || k - start > 18) {
                    throw fail("expected a number after '" + (char) c + "', found '" + abbreviate(b, s, e) + "'");
                }
                value = c == '+' ? previous[p] + n : previous[p] - n;
            } else {
                int start = k;
                value = number(b, k, e);
                k = numberEnd;
                if (k == start) {
                    throw fail("expected a position, found '" + abbreviate(b, s, e) + "'");
                }
            }
            if (k < e && b[k] != ' ' && b[k] != '\t') {
                throw fail("expected a position, found '" + abbreviate(b, s, e) + "'");
            }
            previous[p] = value;
            if (positionIsLine[p]) {
                line = value;
            }
            k = skipSpace(b, k, e);
        }
        int n = 0;
        while (k < e) {
            if (n == costs.length) {
                throw fail("the cost line has more costs than the " + costs.length + " events of 'events:'");
            }
            int start = k;
            long value = number(b, k, e);
            k = numberEnd;
            if (k == start || (k < e && b[k] != ' ' && b[k] != '\t')) {
                throw fail("expected a cost (a whole number), found '" + abbreviate(b, s, e) + "'");
            }
            costs[n++] = value;
            k = skipSpace(b, k, e);
        }
        for (int i = n; i < costs.length; i++) {
            costs[i] = 0;
        }
        if (pendingCallLine > 0) {
            graph.addCall(site(curFunc, curFile, line), pendingCallee, costs);
            pendingCallLine = -1;
            cfi = -1;
        } else if (!graph.addSelf(site(curFunc, curFile, line), costs)) {
            throw fail("the costs add up to more than " + Long.MAX_VALUE + ", the most a profile can hold");
        }
    }

    private int numberEnd;

    /** Parses a decimal or {@code 0x} hex number at {@code b[k]}; sets {@link #numberEnd} (== k when none). */
    private long number(byte[] b, int k, int e) throws ImportException {
        int start = k;
        long v = 0;
        if (k + 1 < e && b[k] == '0' && (b[k + 1] == 'x' || b[k + 1] == 'X')) {
            k += 2;
            int digits = k;
            while (k < e) {
                int d = Character.digit(b[k], 16);
                if (d < 0) {
                    break;
                }
                v = (v << 4) | d;
                k++;
            }
            if (k == digits || k - digits > 16) {
                throw fail("expected a hex number, found '" + abbreviate(b, start, e) + "'");
            }
        } else {
            while (k < e && b[k] >= '0' && b[k] <= '9') {
                if (v > (Long.MAX_VALUE - 9) / 10) {
                    throw fail("the number is too large for 64 bits: '" + abbreviate(b, start, e) + "'");
                }
                v = v * 10 + (b[k++] - '0');
            }
        }
        numberEnd = k;
        return v;
    }

    private int site(int func, int fileId, long line) {
        if (func == lastSiteFunc && fileId == lastSiteFile && line == lastSiteLine) {
            return lastSite;
        }
        int lineNo = line > 0 && line <= Integer.MAX_VALUE ? (int) line : -1;
        long locKey = ((long) fileId << 32) | (lineNo & 0xFFFFFFFFL);
        int loc = locIndex.get(locKey);
        if (loc < 0) {
            loc = locCount++;
            locIndex.putIfAbsent(locKey, loc);
        }
        int fn = funcName(func);
        long frameKey = ((long) loc << 32) | (fn & 0xFFFFFFFFL);
        int frame = frameIndex.get(frameKey);
        if (frame < 0) {
            frame = frames.size();
            frameIndex.putIfAbsent(frameKey, frame);
            frames.add(new Frame(strings.get(fn), fileId < 0 ? "" : strings.get(fileId), FrameKind.NATIVE, "", lineNo));
        }
        lastSiteFunc = func;
        lastSiteFile = fileId;
        lastSiteLine = line;
        lastSite = graph.site(func, frame);
        return lastSite;
    }

    private final List<Integer> funcNames = new ArrayList<>();

    private int funcName(int func) {
        return funcNames.get(func);
    }

    private int function(int fileId, int fnId) {
        long key = ((long) fileId << 32) | (fnId & 0xFFFFFFFFL);
        int func = funcIndex.get(key);
        if (func < 0) {
            func = funcCount++;
            funcIndex.putIfAbsent(key, func);
            funcNames.add(fnId);
        }
        return func;
    }

    private int intern(String name) {
        Integer id = stringIds.get(name);
        if (id == null) {
            id = strings.size();
            strings.add(name);
            stringIds.put(name, id);
        }
        return id;
    }

    /** The name of a position spec, {@code (id) name}, {@code (id)} or {@code name}, with compression resolved. */
    private String name(Map<Long, String> space, byte[] b, int s, int e, String kind) throws ImportException {
        int k = skipSpace(b, s, e);
        if (k < e && b[k] == '(') {
            int close = k + 1;
            long id = 0;
            while (close < e && b[close] >= '0' && b[close] <= '9' && close - k < 18) {
                id = id * 10 + (b[close++] - '0');
            }
            if (close == k + 1 || close >= e || b[close] != ')') {
                throw fail("expected '(NUMBER) name' for name compression, found '" + abbreviate(b, s, e) + "'");
            }
            int rest = skipSpace(b, close + 1, e);
            if (rest < e) {
                String name = new String(b, rest, e - rest, StandardCharsets.UTF_8);
                space.put(id, name);
                return name;
            }
            String known = space.get(id);
            if (known == null) {
                throw fail("the compressed " + kind + " name (" + id + ") is used before it is defined");
            }
            return known;
        }
        return new String(b, k, e - k, StandardCharsets.UTF_8);
    }

    private void finishPart() throws ImportException {
        if (graph == null) {
            return;
        }
        if (pendingCallLine > 0) {
            throw ImportException.atLine(file, pendingCallLine, "this calls= line has no cost line after it");
        }
        if (totalsLine != null) {
            check(totalsLine, totalsLineNumber, "totals:", true);
        } else if (creator.startsWith("callgrind")) {
            throw ImportException.atLine(file, lineNumber, "the part ends without the 'totals:' line Callgrind "
                    + "writes at its end; the file looks truncated");
        } else if (summaryLine != null) {
            check(summaryLine, summaryLineNumber, "summary:", !creator.isEmpty());
        }
        if (summaryLine != null) {
            for (int c = 0; c < events.length && c < summaryLine.length; c++) {
                summaries.merge(events[c], summaryLine[c], Long::sum);
            }
        }
        int threadIndex = parts.size();
        String name = "part " + (partNumber >= 0 ? partNumber : threadIndex + 1)
                + (partCommand.isEmpty() ? "" : " of " + partCommand) + (thread >= 0 ? ", thread " + thread : "");
        ThreadInfo info = new ThreadInfo(name, pid, thread);
        parts.add(info);
        for (int c = 0; c < columns.length; c++) {
            ProfileBuilder builder = columns[c];
            // Every builder holds every frame, in the same order, so frame ids are the same in all of them.
            for (Frame f : frames) {
                builder.frame(f);
            }
            int t = builder.thread(info);
            graph.emit(c, funcCount, builder, t);
        }
        for (ProfileBuilder builder : builders.values()) {
            for (Frame f : frames) {
                builder.frame(f);
            }
        }
        graph = new CallGraph(events.length);
        lastSiteFunc = -1;
        lastSite = -1;
        java.util.Arrays.fill(previous, 0);
        bodySeen = false;
        totalsLine = null;
        summaryLine = null;
        partNumber = -1;
        thread = -1;
        monitor.checkCancelled();
    }

    private void check(long[] given, long line, String what, boolean exact) throws ImportException {
        for (int c = 0; c < events.length; c++) {
            long expected = c < given.length ? given[c] : 0;
            long got = graph.total(c);
            if (exact ? got != expected : got > expected) {
                throw ImportException.atLine(file, line, String.format(Locale.ROOT,
                        "the cost lines add up to %,d %s but '%s' says %,d; the file is damaged or cut short",
                        got, events[c], what, expected));
            }
        }
        if (given.length > events.length) {
            throw ImportException.atLine(file, line, "'" + what + "' has more numbers than the " + events.length
                    + " events");
        }
    }

    void deliver(ImportSink sink) {
        String base = source.fileName();
        for (Map.Entry<String, ProfileBuilder> e : builders.entrySet()) {
            Map<String, String> attrs = new LinkedHashMap<>();
            String longName = longNames.get(e.getKey());
            if (longName != null) {
                attrs.put("event name", longName);
            }
            attrs.putAll(attributes);
            Long summary = summaries.get(e.getKey());
            if (summary != null) {
                attrs.put("summary", Long.toString(summary));
            }
            attrs.put("events in the file", String.join(" ", builders.keySet()));
            if (parts.size() > 1) {
                attrs.put("parts", Integer.toString(parts.size()));
            }
            attrs.put("note", NOTE);
            ProfileInfo info = new ProfileInfo(base + " · " + e.getKey(), CallgrindImporter.FORMAT, e.getKey(),
                    WeightUnit.EVENTS, "", "", "", command, null, -1, 0, 0, attrs);
            sink.addProfile(e.getValue().build(info), null);
        }
    }

    private long[] numbers(String value, String what) throws ImportException {
        String[] parts = value.isEmpty() ? new String[0] : value.split("\\s+");
        long[] out = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                out[i] = Long.parseLong(parts[i]);
            } catch (NumberFormatException e) {
                throw fail("'" + what + "' expects whole numbers, found '" + parts[i] + "'");
            }
        }
        return out;
    }

    private long integer(String value, String what) throws ImportException {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw fail("'" + what + "' expects a whole number, found '" + value + "'");
        }
    }

    private ImportException fail(String problem) {
        return ImportException.atLine(file, lineNumber, problem);
    }

    private static int skipSpace(byte[] b, int k, int e) {
        while (k < e && (b[k] == ' ' || b[k] == '\t')) {
            k++;
        }
        return k;
    }

    private static String abbreviate(byte[] b, int s, int e) {
        StringBuilder sb = new StringBuilder();
        for (int i = s; i < e && sb.length() < 60; i++) {
            int c = b[i] & 0xFF;
            sb.append(c < 0x20 || c >= 0x7F ? '?' : (char) c);
        }
        return e - s > 60 ? sb + "..." : sb.toString();
    }
}
