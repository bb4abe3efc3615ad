package dev.perfdesk.importers.perf;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.perfdesk.core.model.Frame;
import dev.perfdesk.core.model.FrameKind;
import dev.perfdesk.core.model.LocalFrames;
import dev.perfdesk.core.model.ProfileBuilder;
import dev.perfdesk.core.model.ProfileInfo;
import dev.perfdesk.core.model.StackTable;
import dev.perfdesk.core.model.ThreadInfo;
import dev.perfdesk.core.model.WeightOverflowException;
import dev.perfdesk.core.model.WeightUnit;
import dev.perfdesk.core.spi.ImportSink;
import dev.perfdesk.core.model.TimelineWriter;
import dev.perfdesk.core.util.IntArrayList;
import dev.perfdesk.importers.spi.ByteLineReader;
import dev.perfdesk.importers.spi.ImportException;
import dev.perfdesk.importers.spi.ImportSource;

/** The state of one perf script parse: samples grouped by event, frames interned from byte slices. */
final class PerfLineParser {
    /** A header whose period is there but is no count: {@code 12.000001: -5 cpu-clock:}. */
    private static final Pattern BAD_PERIOD = Pattern.compile("\\d:\\s+(\\S+)\\s+(\\S+):\\s*$");
    private static final Pattern TIME = Pattern.compile("\\s(\\d+)\\.(\\d+):");
    private static final Pattern META = Pattern.compile("^#\\s*([A-Za-z][A-Za-z _]*?)\\s*:\\s?(.*)$");
    private static final Pattern PERF_MAP = Pattern.compile("/tmp/perf-\\d+\\.map");
    private static final byte[] UNKNOWN = "[unknown]".getBytes(StandardCharsets.US_ASCII);
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final ImportSource source;
    private final Path file;
    private final ImportSink sink;

    private final ByteSliceInterner frameKeys = new ByteSliceInterner();
    private final List<Frame> frames = new ArrayList<>();
    private byte[] key = new byte[512];

    private final Map<String, EventProfile> events = new LinkedHashMap<>();
    private final Map<String, String> attributes = new LinkedHashMap<>();
    private String host = "";
    private String command = "";

    private EventProfile current;
    private int currentThread;
    private long currentWeight;
    private long currentTime;
    private final IntArrayList stack = new IntArrayList(128);
    private int[] localStack = new int[128];

    private long skippedLines;
    private long firstSkippedLine;

    PerfLineParser(ImportSource source, ImportSink sink) {
        this.source = source;
        this.file = source == null ? null : source.path();
        this.sink = sink;
    }

    /** One event's profile under construction. */
    private final class EventProfile {
        final String event;
        final TimelineWriter timeline;
        final ProfileBuilder builder;
        final Map<ThreadInfo, Integer> threads = new LinkedHashMap<>();
        final LocalFrames localFrames;
        int[] threadByKey = new int[16];
        boolean weighted;

        EventProfile(String event) {
            this.event = event;
            this.timeline = sink.openTimeline();
            this.builder = new ProfileBuilder(timeline);
            this.localFrames = new LocalFrames(builder, frames::get);
            Arrays.fill(threadByKey, -1);
        }

        /** The thread index of the thread with header key {@code key} (see {@code threadKeys}), added if new. */
        int threadIndex(int key, ThreadInfo thread) {
            if (key >= threadByKey.length) {
                int old = threadByKey.length;
                threadByKey = Arrays.copyOf(threadByKey, Math.max(old * 2, key + 1));
                Arrays.fill(threadByKey, old, threadByKey.length, -1);
            }
            int index = threadByKey[key];
            if (index < 0) {
                Integer known = threads.get(thread);
                if (known == null) {
                    known = builder.thread(thread);
                    threads.put(thread, known);
                }
                index = known;
                threadByKey[key] = index;
            }
            return index;
        }

        int localFrame(int global) {
            return localFrames.local(global);
        }
    }

    void parse(ByteLineReader lines) throws IOException, ImportException {
        while (lines.next()) {
            byte[] b = lines.buffer();
            int s = lines.start();
            int e = lines.end();
            if (lines.lastLineUnterminated() && e > s) {
                throw ImportException.atLine(file, lines.lineNumber(), "the file ends in the middle of a line"
                        + (current != null ? " inside a stack" : "") + "; it looks truncated");
            }
            if (s == e) {
                try {
                    endSample();
                } catch (WeightOverflowException overflow) {
                    throw ImportException.atLine(file, lines.lineNumber(), "in the sample that ends here, "
                            + overflow.getMessage());
                }
                continue;
            }
            byte first = b[s];
            if (first == '#') {
                comment(new String(b, s, e - s, StandardCharsets.UTF_8));
            } else if (!isSpace(first) && isHeader(b, s, e)) {
                header(b, s, e, lines.lineNumber());
            } else if (!isSpace(first) && !looksLikeFrame(b, s, e)) {
                String line = new String(b, s, e - s, StandardCharsets.UTF_8);
                throw ImportException.atLine(file, lines.lineNumber(), "expected a sample header such as "
                        + "'comm pid/tid [cpu] time: period event:' or a stack frame, found '" + abbreviate(line) + "'");
            } else if (current != null) {
                frameLine(b, s, e, lines.lineNumber());
            } else if (!isBlank(b, s, e) && !looksLikeFrame(b, s, e)) {
                skipped(lines.lineNumber());
            }
        }
        if (current != null) {
            // stackcollapse-perf.pl only counts a sample at the blank line that ends it; a last sample with no blank
            // line after it is left out there, so it is left out here too, for identical folded output.
            current = null;
        }
        finish(lines);
    }

    private void comment(String line) {
        Matcher m = META.matcher(line);
        if (!m.find()) {
            return;
        }
        String name = m.group(1).trim();
        String value = m.group(2).trim();
        switch (name) {
            case "hostname":
                host = value;
                break;
            case "cmdline":
                command = value;
                break;
            case "captured on":
            case "os release":
            case "perf version":
            case "arch":
            case "nrcpus online":
            case "nrcpus avail":
            case "cpudesc":
            case "total memory":
                attributes.put(name, value);
                break;
            default:
                break;
        }
    }

    /** What {@link #scanHeader} returns for a line it cannot decide byte by byte. */
    private static final int UNDECIDED = -1;

    private String headerText;
    private Matcher headerMatch;

    // The header found by scanHeader, as byte offsets into the line: the command ends at headerCommEnd, the ids
    // (pid[/tid], stackcollapse-perf.pl's groups 2 and 3) lie in [headerIdsStart, headerIdsEnd), and group 3, if
    // any, starts at headerTidStart (else -1); headerAfterIds is where the match ends.
    private boolean headerFast;
    private int headerCommEnd;
    private int headerIdsStart;
    private int headerPidEnd;
    private int headerTidStart;
    private int headerIdsEnd;
    private int headerAfterIds;

    // Threads seen, keyed by the header bytes from the command to the end of the ids, so that a known thread needs
    // no String, regex or ThreadInfo; each profile maps these keys to its own thread indexes.
    private final ByteSliceInterner threadKeys = new ByteSliceInterner();
    private final List<ThreadInfo> threadKeyInfos = new ArrayList<>();
    private byte[] lastEvent;
    private EventProfile lastEventProfile;

    /** Whether the line matches stackcollapse-perf.pl's header pattern; keeps the match for {@link #header}. */
    private boolean isHeader(byte[] b, int s, int e) {
        int fast = scanHeader(b, s, e);
        headerFast = fast != UNDECIDED;
        if (headerFast) {
            return fast == 1;
        }
        headerText = new String(b, s, e - s, StandardCharsets.UTF_8);
        headerMatch = PerfScriptImporter.HEADER.matcher(headerText);
        return headerMatch.find();
    }

    /**
     * {@link PerfScriptImporter#HEADER}, {@code ^(\S.+?)\s+(\d+)/*(\d+)*\s+}, matched on the bytes of a line of
     * ASCII without a carriage return, where bytes and chars coincide: the shortest command of two characters or more
     * followed by white space, then a run of digits and slashes shaped digits, slashes, digits, then white space.
     * Since digits and slashes are not white space, the run must be the whole run and the regex's groups are its
     * leading digits and its trailing digits. Returns 1 for a match, 0 for none, {@link #UNDECIDED} for other lines.
     */
    private int scanHeader(byte[] b, int s, int e) {
        for (int i = s; i < e; i++) {
            if (b[i] < 0 || b[i] == '\r') {
                return UNDECIDED;
            }
        }
        int p = s + 2;
        while (p < e) {
            if (!isSpace(b[p])) {
                p++;
                continue;
            }
            int i = p;
            while (i < e && isSpace(b[i])) {
                i++;
            }
            if (i < e && isDigit(b[i])) {
                int pidEnd = i;
                while (pidEnd < e && isDigit(b[pidEnd])) {
                    pidEnd++;
                }
                int tidStart = pidEnd;
                while (tidStart < e && b[tidStart] == '/') {
                    tidStart++;
                }
                int idsEnd = tidStart;
                while (idsEnd < e && isDigit(b[idsEnd])) {
                    idsEnd++;
                }
                if (idsEnd < e && isSpace(b[idsEnd])) {
                    int after = idsEnd;
                    while (after < e && isSpace(b[after])) {
                        after++;
                    }
                    headerCommEnd = p;
                    headerIdsStart = i;
                    headerPidEnd = pidEnd;
                    headerTidStart = idsEnd > tidStart ? tidStart : -1;
                    headerIdsEnd = idsEnd;
                    headerAfterIds = after;
                    return 1;
                }
            }
            // Every start inside this run of white space leads to the same digits: go past it.
            p = i;
        }
        return 0;
    }

    /**
     * A sample header. Like stackcollapse-perf.pl, a header inside a sample (no blank line before it) replaces the
     * sample's command, thread and period but keeps the frames read so far.
     */
    private void header(byte[] b, int s, int e, long lineNumber) throws ImportException {
        if (!headerFast) {
            headerByRegex(lineNumber);
            return;
        }
        int key = threadKeys.find(b, s, headerIdsEnd - s, ByteSliceInterner.hash(b, s, headerIdsEnd - s));
        ThreadInfo thread = null;
        if (key < 0) {
            String pidText = new String(b, headerIdsStart, headerPidEnd - headerIdsStart, StandardCharsets.US_ASCII);
            String tidText = headerTidStart < 0 ? null
                    : new String(b, headerTidStart, headerIdsEnd - headerTidStart, StandardCharsets.US_ASCII);
            thread = new ThreadInfo(new String(b, s, headerCommEnd - s, StandardCharsets.US_ASCII),
                    tidText != null ? parseId(pidText, lineNumber) : -1, parseId(tidText != null ? tidText : pidText,
                    lineNumber));
            key = threadKeys.add(b, s, headerIdsEnd - s, ByteSliceInterner.hash(b, s, headerIdsEnd - s));
            threadKeyInfos.add(thread);
        }
        // EVENT, ":\s*(\d+)*\s+(\S+):\s*$", from the end: the line ends in a word and a colon, the word follows
        // white space, and before that come optional digits (the period) between white space and a colon.
        EventProfile profile = null;
        boolean hasPeriod = false;
        long period = 0;
        int colon = e - 1;
        while (colon >= s && isSpace(b[colon])) {
            colon--;
        }
        if (colon >= s && b[colon] == ':') {
            int word = colon;
            while (word > s && !isSpace(b[word - 1])) {
                word--;
            }
            if (word < colon && word > s) {
                int digitsEnd = word - 1;
                while (digitsEnd >= s && isSpace(b[digitsEnd])) {
                    digitsEnd--;
                }
                int digitsStart = digitsEnd;
                while (digitsStart >= s && isDigit(b[digitsStart])) {
                    digitsStart--;
                }
                int before = digitsStart;
                while (before >= s && isSpace(b[before])) {
                    before--;
                }
                if (before >= s && b[before] == ':') {
                    if (digitsEnd > digitsStart) {
                        hasPeriod = true;
                        period = parsePeriod(b, digitsStart + 1, digitsEnd + 1, lineNumber);
                    }
                    profile = eventProfile(b, word, colon);
                }
            }
        }
        if (profile == null) {
            refuseBadPeriod(new String(b, s, e - s, StandardCharsets.ISO_8859_1), lineNumber);
            profile = events.isEmpty() ? events.computeIfAbsent("", EventProfile::new)
                    : events.values().iterator().next();
        }
        profile.weighted |= hasPeriod;
        int index = profile.threadIndex(key, thread != null ? thread : threadKeyInfos.get(key));
        startSample(profile, index, period, findTime(b, headerAfterIds - 1, e));
    }

    /** The regex path of {@link #header}, for lines with bytes outside printable ASCII. */
    private void headerByRegex(long lineNumber) throws ImportException {
        String line = headerText;
        Matcher m = headerMatch;
        String comm = m.group(1);
        long pid;
        long tid;
        try {
            if (m.group(3) != null) {
                pid = Long.parseLong(m.group(2));
                tid = Long.parseLong(m.group(3));
            } else {
                pid = -1;
                tid = Long.parseLong(m.group(2));
            }
        } catch (NumberFormatException ex) {
            throw ImportException.atLine(file, lineNumber, "the process or thread id is too large");
        }
        int afterIds = m.end();
        String event = null;
        long period = 0;
        Matcher ev = PerfScriptImporter.EVENT.matcher(line);
        boolean hasPeriod = false;
        if (ev.find()) {
            event = ev.group(2);
            if (ev.group(1) != null) {
                hasPeriod = true;
                try {
                    period = Long.parseLong(ev.group(1));
                } catch (NumberFormatException ex) {
                    throw ImportException.atLine(file, lineNumber, "the sample period " + ev.group(1) + " is too large");
                }
            }
        }
        if (event == null) {
            refuseBadPeriod(line, lineNumber);
        }
        EventProfile profile;
        if (event != null) {
            profile = events.get(event);
            if (profile == null) {
                profile = new EventProfile(event);
                events.put(event, profile);
            }
        } else if (!events.isEmpty()) {
            profile = events.values().iterator().next();
        } else {
            profile = events.computeIfAbsent("", EventProfile::new);
        }
        profile.weighted |= hasPeriod;
        ThreadInfo thread = new ThreadInfo(comm, pid, tid);
        Integer index = profile.threads.get(thread);
        if (index == null) {
            index = profile.builder.thread(thread);
            profile.threads.put(thread, index);
        }
        long time = ProfileBuilder.NO_TIME;
        Matcher t = TIME.matcher(line);
        if (t.find(afterIds - 1)) {
            time = parseTime(t.group(1), t.group(2));
        }
        startSample(profile, index, period, time);
    }

    /**
     * Refuses a header whose period, between the time's colon and the event, is not a count: {@code -5}, {@code NaN},
     * {@code 1.5}, {@code abc}. Such a sample would otherwise count once, as a header without a period does.
     */
    private void refuseBadPeriod(String header, long lineNumber) throws ImportException {
        Matcher m = BAD_PERIOD.matcher(header);
        if (m.find()) {
            String period = m.group(1).length() > 40 ? m.group(1).substring(0, 40) + "…" : m.group(1);
            throw ImportException.atLine(file, lineNumber, "the sample period '" + period + "' of event '"
                    + m.group(2) + "' is not a whole number; perf script writes a count of events, 0 or more, here");
        }
    }

    private void startSample(EventProfile profile, int threadIndex, long period, long time) {
        currentThread = threadIndex;
        currentWeight = period == 0 ? 1 : period;
        currentTime = time;
        if (current == null) {
            stack.clear();
        }
        current = profile;
    }

    private long parseId(String digits, long lineNumber) throws ImportException {
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException ex) {
            throw ImportException.atLine(file, lineNumber, "the process or thread id is too large");
        }
    }

    private long parsePeriod(byte[] b, int from, int to, long lineNumber) throws ImportException {
        if (to - from <= 18) {
            return parseDigits(b, from, to);
        }
        String digits = new String(b, from, to - from, StandardCharsets.US_ASCII);
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException ex) {
            throw ImportException.atLine(file, lineNumber, "the sample period " + digits + " is too large");
        }
    }

    /** The profile of the event named by {@code b[from, to)}, remembering the last one to spare a String. */
    private EventProfile eventProfile(byte[] b, int from, int to) {
        if (lastEvent != null && Arrays.equals(lastEvent, 0, lastEvent.length, b, from, to)) {
            return lastEventProfile;
        }
        String event = new String(b, from, to - from, StandardCharsets.US_ASCII);
        EventProfile profile = events.get(event);
        if (profile == null) {
            profile = new EventProfile(event);
            events.put(event, profile);
        }
        lastEvent = Arrays.copyOfRange(b, from, to);
        lastEventProfile = profile;
        return profile;
    }

    /**
     * {@link #TIME}, {@code \s(\d+)\.(\d+):}, searched from {@code from}: white space, digits, a dot, digits and a
     * colon; the time in nanoseconds, or {@link ProfileBuilder#NO_TIME}.
     */
    private static long findTime(byte[] b, int from, int e) {
        for (int k = from; k < e; k++) {
            if (!isSpace(b[k])) {
                continue;
            }
            int secondsEnd = k + 1;
            while (secondsEnd < e && isDigit(b[secondsEnd])) {
                secondsEnd++;
            }
            if (secondsEnd == k + 1 || secondsEnd >= e || b[secondsEnd] != '.') {
                continue;
            }
            int fractionEnd = secondsEnd + 1;
            while (fractionEnd < e && isDigit(b[fractionEnd])) {
                fractionEnd++;
            }
            if (fractionEnd == secondsEnd + 1 || fractionEnd >= e || b[fractionEnd] != ':') {
                continue;
            }
            return parseTime(b, k + 1, secondsEnd, secondsEnd + 1, fractionEnd);
        }
        return ProfileBuilder.NO_TIME;
    }

    /** {@link #parseTime(String, String)} on bytes. */
    private static long parseTime(byte[] b, int secondsStart, int secondsEnd, int fractionStart, int fractionEnd) {
        if (secondsEnd - secondsStart > 10) {
            return ProfileBuilder.NO_TIME;
        }
        long nanos = 0;
        for (int i = 0; i < 9; i++) {
            int k = fractionStart + i;
            nanos = nanos * 10 + (k < fractionEnd ? b[k] - '0' : 0);
        }
        long seconds = parseDigits(b, secondsStart, secondsEnd);
        return seconds > MAX_SECONDS ? ProfileBuilder.NO_TIME : seconds * 1_000_000_000L + nanos;
    }

    /** The most seconds a nanosecond time in a {@code long} can hold (about 292 years). */
    private static final long MAX_SECONDS = Long.MAX_VALUE / 1_000_000_000L - 1;

    /** The value of 1 to 18 ASCII digits. */
    private static long parseDigits(byte[] b, int from, int to) {
        long v = 0;
        for (int i = from; i < to; i++) {
            v = v * 10 + (b[i] - '0');
        }
        return v;
    }

    private static long parseTime(String seconds, String fraction) {
        if (seconds.length() > 10) {
            return ProfileBuilder.NO_TIME;
        }
        String digits = fraction.length() >= 9 ? fraction.substring(0, 9) : (fraction + "000000000").substring(0, 9);
        long whole = Long.parseLong(seconds);
        return whole > MAX_SECONDS ? ProfileBuilder.NO_TIME : whole * 1_000_000_000L + Long.parseLong(digits);
    }

    private void frameLine(byte[] b, int s, int e, long lineNumber) {
        int i = s;
        while (i < e && isSpace(b[i])) {
            i++;
        }
        int pcStart = i;
        while (i < e && isWord(b[i])) {
            i++;
        }
        int pcEnd = i;
        while (i < e && isSpace(b[i])) {
            i++;
        }
        int funcStart = i;
        if (pcEnd == pcStart || pcEnd >= e) {
            skipped(lineNumber);
            return;
        }
        // The greedy "(.+) \((\S*)\)" of stackcollapse-perf.pl: the last " (" followed by a run of non-space
        // characters that contains a ")"; the module ends at the last ")" of that run.
        int split = -1;
        int modEnd = -1;
        if (b[e - 1] == ')') {
            // The usual line ends in ")" with no white space in the module: if the last byte up to 0x20 (white space
            // is among those) starts " (", that is the split and the run after it ends at the line's last byte.
            int p = lastAtMostSpace(b, pcEnd + 1, e - 1);
            if (p >= 0 && b[p] == ' ' && b[p + 1] == '(') {
                split = p;
                modEnd = e - 1;
            }
        }
        for (int p = e - 2; split < 0 && p >= pcEnd + 1; p--) {
            if (b[p] == ' ' && b[p + 1] == '(') {
                int q = p + 2;
                int lastParen = -1;
                while (q < e && !isSpace(b[q])) {
                    if (b[q] == ')') {
                        lastParen = q;
                    }
                    q++;
                }
                if (lastParen >= 0) {
                    split = p;
                    modEnd = lastParen;
                    break;
                }
            }
        }
        if (split < 0) {
            skipped(lineNumber);
            return;
        }
        // "\s*" gives back white space when the symbol is empty: "pc  (module)" has the symbol " ".
        funcStart = Math.min(funcStart, split - 1);
        int funcEnd = stripOffset(b, funcStart, split);
        if (b[funcStart] == '(') {
            return; // stackcollapse-perf.pl skips process-name frames such as "(/usr/bin/java)"
        }
        int modStart = split + 2;
        boolean unknown = contains(b, funcStart, funcEnd, UNKNOWN);
        int funcLen = funcEnd - funcStart;
        int modLen = modEnd - modStart;
        int pcLen = unknown ? pcEnd - pcStart : 0;
        int keyLen = funcLen + 1 + modLen + (unknown ? 1 + pcLen : 0);
        if (key.length < keyLen) {
            key = new byte[keyLen * 2];
        }
        System.arraycopy(b, funcStart, key, 0, funcLen);
        key[funcLen] = 0;
        System.arraycopy(b, modStart, key, funcLen + 1, modLen);
        if (unknown) {
            key[funcLen + 1 + modLen] = 0;
            System.arraycopy(b, pcStart, key, funcLen + 2 + modLen, pcLen);
        }
        int h = ByteSliceInterner.hash(key, 0, keyLen);
        int id = frameKeys.find(key, 0, keyLen, h);
        if (id < 0) {
            id = frameKeys.add(key, 0, keyLen, h);
            String name = new String(b, funcStart, funcLen, StandardCharsets.UTF_8);
            String module = new String(b, modStart, modLen, StandardCharsets.UTF_8);
            String address = unknown ? new String(b, pcStart, pcLen, StandardCharsets.US_ASCII) : "";
            frames.add(new Frame(name, module, kindOf(name, module), address, -1));
        }
        stack.add(id);
    }

    /** Removes a trailing {@code +0x[0-9a-f]+} symbol offset, returning the new end. */
    private static int stripOffset(byte[] b, int start, int end) {
        int i = end;
        while (i > start && isLowerHex(b[i - 1])) {
            i--;
        }
        if (i < end && i - 3 >= start && b[i - 1] == 'x' && b[i - 2] == '0' && b[i - 3] == '+') {
            return i - 3;
        }
        return end;
    }

    static FrameKind kindOf(String name, String module) {
        if (module.equals("[unknown]") || module.isEmpty()) {
            return FrameKind.UNKNOWN;
        }
        if (PERF_MAP.matcher(module).find()) {
            return name.startsWith("Interpreter") ? FrameKind.INTERPRETED : FrameKind.JIT;
        }
        if (module.equals("[vdso]") || module.equals("[vsyscall]")) {
            return FrameKind.NATIVE;
        }
        if (module.startsWith("[") || module.endsWith("vmlinux")) {
            return FrameKind.KERNEL;
        }
        return FrameKind.NATIVE;
    }

    private void endSample() {
        EventProfile profile = current;
        if (profile == null) {
            return;
        }
        current = null;
        int n = stack.size();
        if (localStack.length < n) {
            localStack = new int[n * 2];
        }
        // perf prints the leaf first; the trie wants the root first.
        for (int k = 0; k < n; k++) {
            localStack[k] = profile.localFrame(stack.get(n - 1 - k));
        }
        int node = StackTable.ROOT;
        ProfileBuilder builder = profile.builder;
        for (int k = 0; k < n; k++) {
            node = builder.child(node, localStack[k]);
        }
        builder.sample(node, currentThread, currentWeight, currentTime);
    }

    private void skipped(long lineNumber) {
        if (skippedLines++ == 0) {
            firstSkippedLine = lineNumber;
        }
    }

    private void finish(ByteLineReader lines) throws ImportException {
        long total = 0;
        for (EventProfile p : events.values()) {
            total += p.builder.rowCount();
        }
        if (total == 0) {
            throw ImportException.whole(file, lines.lineNumber() == 0 ? "the file is empty"
                    : "no samples with stacks were found; record with 'perf record -g' and save 'perf script' output");
        }
        if (skippedLines > 0) {
            attributes.put("skipped lines", skippedLines + " (first at line " + firstSkippedLine + ")");
        }
        String fileName = source == null ? "perf script" : source.fileName();
        for (EventProfile p : events.values()) {
            if (p.builder.rowCount() == 0) {
                continue;
            }
            WeightUnit unit;
            if (!p.weighted) {
                unit = WeightUnit.SAMPLES;
            } else if (p.event.equals("cpu-clock") || p.event.equals("task-clock")) {
                unit = WeightUnit.NANOSECONDS;
            } else {
                unit = WeightUnit.EVENTS;
            }
            String name = p.event.isEmpty() ? fileName : fileName + " · " + p.event;
            ProfileInfo info = new ProfileInfo(name, PerfScriptImporter.FORMAT, p.event, unit, "", "", host, command,
                    null, -1, 0, 0, attributes);
            sink.addProfile(p.builder.build(info), p.timeline);
        }
    }

    /** Whether a line that starts with white space is a frame line in stackcollapse-perf.pl's sense. */
    static boolean looksLikeFrame(String line) {
        byte[] b = line.getBytes(StandardCharsets.ISO_8859_1);
        return looksLikeFrame(b, 0, b.length);
    }

    private static boolean looksLikeFrame(byte[] b, int s, int e) {
        int i = s;
        while (i < e && isSpace(b[i])) {
            i++;
        }
        int pc = i;
        while (i < e && isWord(b[i])) {
            i++;
        }
        if (i == pc) {
            return false;
        }
        for (int p = e - 2; p > i; p--) {
            if (b[p] == ' ' && b[p + 1] == '(') {
                for (int q = p + 2; q < e && !isSpace(b[q]); q++) {
                    if (b[q] == ')') {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean isBlank(byte[] b, int s, int e) {
        for (int i = s; i < e; i++) {
            if (!isSpace(b[i])) {
                return false;
            }
        }
        return true;
    }

    private static boolean contains(byte[] b, int s, int e, byte[] needle) {
        for (int i = indexOf(b, s, e - needle.length + 1, needle[0]); i >= 0;
                i = indexOf(b, i + 1, e - needle.length + 1, needle[0])) {
            if (Arrays.equals(b, i, i + needle.length, needle, 0, needle.length)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The last index in {@code b[from, to)} of a byte from 0x00 to 0x20, or -1; eight bytes at a time. Per byte,
     * {@code (x & 0x7f) + 0x5f} sets the high bit exactly when the low seven bits exceed 0x20 and never carries into
     * the next byte, so {@code ~(t | x) & 0x80..} marks exactly the bytes up to 0x20.
     */
    private static int lastAtMostSpace(byte[] b, int from, int to) {
        int i = to;
        for (; i - 8 >= from; i -= 8) {
            long x = (long) LONGS.get(b, i - 8);
            long found = ~(((x & 0x7F7F7F7F7F7F7F7FL) + 0x5F5F5F5F5F5F5F5FL) | x) & 0x8080808080808080L;
            if (found != 0) {
                return i - 8 + ((63 - Long.numberOfLeadingZeros(found)) >>> 3);
            }
        }
        for (i--; i >= from; i--) {
            if ((b[i] & 0xFF) <= 0x20) {
                return i;
            }
        }
        return -1;
    }

    /** The first {@code c} in {@code b[from, to)}, or -1; eight bytes at a time, as ByteLineReader finds line ends. */
    private static int indexOf(byte[] b, int from, int to, byte c) {
        long pattern = (c & 0xFFL) * 0x0101010101010101L;
        int i = from;
        for (; i <= to - 8; i += 8) {
            long x = (long) LONGS.get(b, i) ^ pattern;
            long found = (x - 0x0101010101010101L) & ~x & 0x8080808080808080L;
            if (found != 0) {
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (b[i] == c) {
                return i;
            }
        }
        return -1;
    }

    private static final byte SPACE = 1;
    private static final byte WORD = 2;
    private static final byte LOWER_HEX = 4;
    private static final byte DIGIT = 8;
    /** Byte classes, so that the scans over every frame line test one table entry per byte. */
    private static final byte[] CLASSES = new byte[256];

    static {
        for (char c : new char[] {' ', '\t', '\n', '\r', '\f', 0x0B}) {
            CLASSES[c] |= SPACE;
        }
        for (int c = 0; c < 256; c++) {
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_') {
                CLASSES[c] |= WORD;
            }
            if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')) {
                CLASSES[c] |= LOWER_HEX;
            }
            if (c >= '0' && c <= '9') {
                CLASSES[c] |= DIGIT;
            }
        }
    }

    /** Perl's {@code \s}: space, tab, newline, carriage return, form feed, vertical tab. */
    static boolean isSpace(byte c) {
        return (CLASSES[c & 0xFF] & SPACE) != 0;
    }

    private static boolean isDigit(byte c) {
        return (CLASSES[c & 0xFF] & DIGIT) != 0;
    }

    /** Perl's {@code \w} on bytes. */
    private static boolean isWord(byte c) {
        return (CLASSES[c & 0xFF] & WORD) != 0;
    }

    private static boolean isLowerHex(byte c) {
        return (CLASSES[c & 0xFF] & LOWER_HEX) != 0;
    }

    private static String abbreviate(String line) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < line.length() && sb.length() < 60; i++) {
            char c = line.charAt(i);
            sb.append(c < 0x20 || c == 0x7F || c == '\uFFFD' ? '?' : c);
        }
        return line.length() > 60 ? sb + "..." : sb.toString();
    }
}
