package dev.perfdesk.importers.heaptrack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.perfdesk.core.model.Frame;
import dev.perfdesk.core.model.FrameKind;
import dev.perfdesk.core.model.ProfileBuilder;
import dev.perfdesk.core.model.ProfileInfo;
import dev.perfdesk.core.model.WeightUnit;
import dev.perfdesk.core.spi.ImportSink;
import dev.perfdesk.core.util.IntArrayList;
import dev.perfdesk.core.util.LongArrayList;
import dev.perfdesk.importers.spi.ByteLineReader;
import dev.perfdesk.importers.spi.ImportException;
import dev.perfdesk.importers.spi.ImportSource;

/**
 * One pass over a heaptrack trace, as KDE/heaptrack's {@code AccumulatedTraceData::read} makes it: the string, ip
 * and trace tables (1-based, 0 meaning none), the allocation-info table ({@code a size trace}, 0-based) and the
 * events ({@code + info}, {@code - info}). Costs are kept per allocation site (one per trace, as heaptrack's
 * {@code Allocation}), so memory follows the unique stacks, not the events. Unlike heaptrack, which warns on stderr
 * and goes on, a line it cannot read is refused here with its line number.
 */
final class HeaptrackReader {
    /** The newest file format heaptrack 1.4 to 1.6 write and read. */
    static final int MAX_FILE_VERSION = 3;

    /** heaptrack's built-in leak suppressions ({@code src/analyze/suppressions.cpp}). */
    private static final List<String> BUILTIN_SUPPRESSIONS = List.of("__nss_module_allocate", "__gconv_read_conf",
            "__new_exitfn", "tzset_internal", "dl_open_worker", "g_main_context_new", "g_thread_self");

    private static final Set<String> OPERATOR_NEW = Set.of("operator new(unsigned long)",
            "operator new[](unsigned long)", "operator new(unsigned int)", "operator new[](unsigned int)");

    /** How many events the peak's replay log holds before it gives way to copying the live state at a new peak. */
    private static final int PEAK_LOG_LIMIT = 1 << 20;

    private final ImportSource source;
    private final Path file;

    private final List<String> strings = new ArrayList<>();
    private final Set<Integer> operatorNewStrings = new HashSet<>();
    /** Per ip (0-based here, 1-based in the file): address, module string, frames (function, file, line)... */
    private final LongArrayList ipAddress = new LongArrayList();
    private final IntArrayList ipModule = new IntArrayList();
    private final List<int[]> ipFrames = new ArrayList<>();
    private final Set<Integer> operatorNewIps = new HashSet<>();
    /** Per trace (0-based here): its ip and parent trace, both 1-based as in the file. */
    private final IntArrayList traceIp = new IntArrayList();
    private final IntArrayList traceParent = new IntArrayList();
    /** Per allocation info (0-based as in the file): its size and its site. */
    private final LongArrayList infoSize = new LongArrayList();
    private final IntArrayList infoSite = new IntArrayList();
    /** Per site: its trace (1-based), calls, temporary calls, live bytes and bytes at the peak. */
    private final IntArrayList siteTrace = new IntArrayList();
    private final IntArrayList siteOfTrace = new IntArrayList();
    private final LongArrayList siteCalls = new LongArrayList();
    private final LongArrayList siteTemporary = new LongArrayList();
    private final LongArrayList siteLive = new LongArrayList();
    private long[] sitePeak = new long[16];
    private final IntArrayList peakLog = new IntArrayList();
    private boolean peakLogValid = true;
    private final List<String> suppressions = new ArrayList<>(BUILTIN_SUPPRESSIONS);

    private int fileVersion = -1;
    private long heaptrackVersion;
    private String command = "";
    private long pageSize;
    private long peakRssPages;
    private long timeMs;
    private long totalCalls;
    private long totalTemporary;
    private long live;
    private long peak;
    private long lastAllocation;
    private boolean attached;
    private long lineNumber;

    HeaptrackReader(ImportSource source) {
        this.source = source;
        this.file = source.path();
    }

    void readAll(ByteLineReader lines) throws IOException, ImportException {
        while (lines.next()) {
            lineNumber = lines.lineNumber();
            byte[] b = lines.buffer();
            int s = lines.start();
            int e = lines.end();
            if (s == e) {
                continue;
            }
            char mode = (char) (b[s] & 0xFF);
            if (fileVersion < 0 && mode != 'v' && mode != '#') {
                throw fail("this is not a heaptrack trace: it starts with '" + preview(b, s, e) + "', not the "
                        + "version line 'v <heaptrack version> <file format>'");
            }
            if (e - s > 1 && b[s + 1] != ' ') {
                throw fail("a record is one character and a space, found '" + preview(b, s, e) + "'");
            }
            int k = s + 2;
            switch (mode) {
                case 'v' -> version(b, k, e);
                case 'X' -> {
                    if (!command.isEmpty()) {
                        throw fail("a second debuggee line 'X'; the file is corrupt");
                    }
                    command = e > k ? new String(b, k, e - k, StandardCharsets.UTF_8) : "";
                }
                case 'I' -> {
                    long[] n = numbers(b, k, e, 2, 2, "system information 'I <page size> <pages>'");
                    pageSize = n[0];
                }
                case 's' -> string(b, k, e);
                case 'i' -> ip(b, k, e);
                case 't' -> trace(b, k, e);
                case 'a' -> allocationInfo(b, k, e);
                case '+' -> allocate(b, k, e);
                case '-' -> free(b, k, e);
                case 'c' -> {
                    long t = numbers(b, k, e, 1, 1, "a time stamp 'c <ms>'")[0];
                    if (t >= timeMs) {
                        timeMs = t; // heaptrack drops a time stamp that goes back, as damaged
                    }
                }
                case 'R' -> peakRssPages = Math.max(peakRssPages, numbers(b, k, e, 1, 1, "'R <RSS pages>'")[0]);
                case 'A' -> {
                    attached = true;
                    totalCalls = 0;
                    totalTemporary = 0;
                    live = 0;
                    peak = 0;
                }
                case 'S' -> suppression(new String(b, k, Math.max(k, e) - k, StandardCharsets.UTF_8));
                case '#' -> {
                    // a comment
                }
                case 'm', 'x' -> throw fail("this is a raw heaptrack trace ('" + mode + "' lines) that needs to be "
                        + "interpreted first: heaptrack -i " + source.fileName() + " (or record with heaptrack, "
                        + "which interprets as it writes)");
                default -> throw fail("unknown heaptrack record '" + preview(b, s, e) + "'; the file is corrupt or "
                        + "not a heaptrack trace");
            }
        }
        if (fileVersion < 0) {
            throw ImportException.whole(file, "this is not a heaptrack trace: no version line 'v ...'");
        }
        if (lines.lastLineUnterminated()) {
            throw ImportException.atLine(file, lineNumber, "the file ends in the middle of a line; it looks cut");
        }
    }

    private void version(byte[] b, int k, int e) throws ImportException {
        if (fileVersion >= 0) {
            throw fail("a second version line; the file is corrupt");
        }
        long[] n = numbers(b, k, e, 1, 2, "the version line 'v <heaptrack version> <file format>'");
        heaptrackVersion = n[0];
        // before 1.0, heaptrack wrote only its version, 0x010200, and that is file format 1
        fileVersion = n.length > 1 ? (int) Math.min(n[1], Integer.MAX_VALUE) : heaptrackVersion == 0x010200 ? 1 : 0;
        if (fileVersion > MAX_FILE_VERSION) {
            throw fail("file format " + fileVersion + " (heaptrack " + versionText(heaptrackVersion) + ") is newer than"
                    + " the formats 1 to " + MAX_FILE_VERSION + " Perfdesk reads");
        }
        if (fileVersion < 1) {
            throw fail("file format 0 (heaptrack before 1.0, '+ size trace pointer' events) is not supported; "
                    + "re-record with heaptrack 1.0 or later");
        }
    }

    private void string(byte[] b, int k, int e) throws ImportException {
        String text;
        if (fileVersion >= 3) {
            int space = k;
            while (space < e && b[space] != ' ') {
                space++;
            }
            long length = hex(b, k, space, "the length of a string 's <length> <text>'");
            int from = Math.min(space + 1, e);
            if (length != e - from) {
                throw fail("the string's length says " + length + " bytes but the line holds " + (e - from));
            }
            text = new String(b, from, e - from, StandardCharsets.UTF_8);
        } else {
            text = new String(b, k, Math.max(k, e) - k, StandardCharsets.UTF_8);
        }
        strings.add(text);
        if (OPERATOR_NEW.contains(text)) {
            operatorNewStrings.add(strings.size());
        }
    }

    private void ip(byte[] b, int k, int e) throws ImportException {
        long[] n = numbers(b, k, e, 2, Integer.MAX_VALUE, "an instruction pointer 'i <ip> <module> [<function> "
                + "<file> <line>]...'");
        int rest = n.length - 2;
        if (rest > 1 && rest % 3 != 0) {
            throw fail("an instruction pointer's frames come as function, file and line; found " + rest
                    + " numbers after the module");
        }
        checkString(n[1], "module");
        int frameCount = rest <= 1 ? rest : rest / 3;
        int[] frames = new int[frameCount * 3];
        // the first frame may lack file and line (function only): 'i ip module function'
        int p = 2;
        for (int f = 0; f < frameCount; f++) {
            frames[f * 3] = checkString(n[p++], "function");
            if (p < n.length) {
                frames[f * 3 + 1] = checkString(n[p++], "file");
                frames[f * 3 + 2] = (int) Math.min(n[p++], Integer.MAX_VALUE);
            }
        }
        ipAddress.add(n[0]);
        ipModule.add((int) n[1]);
        ipFrames.add(frames);
        if (frameCount > 0 && operatorNewStrings.contains(frames[0])) {
            operatorNewIps.add(ipFrames.size());
        }
    }

    private void trace(byte[] b, int k, int e) throws ImportException {
        long[] n = numbers(b, k, e, 2, 2, "a trace 't <ip> <parent trace>'");
        if (n[0] < 1 || n[0] > ipFrames.size()) {
            throw fail("the trace's ip " + Long.toHexString(n[0]) + " is not one of the " + ipFrames.size()
                    + " ips read so far");
        }
        if (n[1] > traceIp.size()) {
            throw fail("the trace's parent " + Long.toHexString(n[1]) + " is not one of the " + traceIp.size()
                    + " traces read so far");
        }
        int ip = (int) n[0];
        int parent = (int) n[1];
        // heaptrack skips operator new and operator new[] at the leaf: the trace becomes its parent's
        while (operatorNewIps.contains(ip)) {
            ip = parent > 0 ? traceIp.get(parent - 1) : 0;
            parent = parent > 0 ? traceParent.get(parent - 1) : 0;
        }
        traceIp.add(ip);
        traceParent.add(parent);
    }

    private void allocationInfo(byte[] b, int k, int e) throws ImportException {
        long[] n = numbers(b, k, e, 2, 2, "an allocation info 'a <size> <trace>'");
        if (n[1] > traceIp.size()) {
            throw fail("the allocation's trace " + Long.toHexString(n[1]) + " is not one of the " + traceIp.size()
                    + " traces read so far");
        }
        int trace = (int) n[1];
        while (siteOfTrace.size() <= trace) {
            siteOfTrace.add(-1);
        }
        int site = siteOfTrace.get(trace);
        if (site < 0) {
            site = siteTrace.size();
            siteOfTrace.set(trace, site);
            siteTrace.add(trace);
            siteCalls.add(0);
            siteTemporary.add(0);
            siteLive.add(0);
        }
        infoSize.add(n[0]);
        infoSite.add(site);
    }

    private int info(byte[] b, int k, int e, String what) throws ImportException {
        long index = numbers(b, k, e, 1, 1, what)[0];
        if (index >= infoSize.size()) {
            throw fail("the allocation info " + Long.toHexString(index) + " is not one of the " + infoSize.size()
                    + " 'a' lines read so far");
        }
        return (int) index;
    }

    private void allocate(byte[] b, int k, int e) throws ImportException {
        int index = info(b, k, e, "an allocation '+ <allocation info>'");
        long size = infoSize.get(index);
        int site = infoSite.get(index);
        lastAllocation = index;
        siteCalls.addTo(site, 1);
        siteLive.addTo(site, size);
        totalCalls++;
        live += size;
        logPeakEvent(index + 1);
    }

    private void free(byte[] b, int k, int e) throws ImportException {
        int index = info(b, k, e, "a free '- <allocation info>'");
        // heaptrack's rule: a free right after the allocation of the same info is temporary
        boolean temporary = lastAllocation == index;
        lastAllocation = 0;
        long size = infoSize.get(index);
        int site = infoSite.get(index);
        siteLive.addTo(site, -size);
        live -= size;
        if (temporary) {
            siteTemporary.addTo(site, 1);
            totalTemporary++;
        }
        logPeakEvent(-(index + 1));
    }

    /**
     * Keeps the bytes of each site at the first moment the heap was largest, as heaptrack's {@code PeakTracker}:
     * {@link #sitePeak} plus the log replays to the live state; at a new peak the log is applied (each event once),
     * or, when it grew past its limit and was dropped, the live state is copied.
     */
    private void logPeakEvent(int signedInfo) {
        if (peakLogValid) {
            peakLog.add(signedInfo);
            if (peakLog.size() > PEAK_LOG_LIMIT) {
                peakLog.clear();
                peakLogValid = false;
            }
        }
        if (live > peak) {
            peak = live;
            if (sitePeak.length < siteLive.size()) {
                sitePeak = java.util.Arrays.copyOf(sitePeak, Math.max(siteLive.size(), sitePeak.length * 2));
            }
            if (peakLogValid) {
                for (int i = 0; i < peakLog.size(); i++) {
                    int event = peakLog.get(i);
                    int index = Math.abs(event) - 1;
                    long size = infoSize.get(index);
                    sitePeak[infoSite.get(index)] += event > 0 ? size : -size;
                }
            } else {
                java.util.Arrays.fill(sitePeak, 0);
                for (int s = 0; s < siteLive.size(); s++) {
                    sitePeak[s] = siteLive.get(s);
                }
                peakLogValid = true;
            }
            peakLog.clear();
        }
    }

    private void suppression(String line) {
        String text = line.strip();
        if (text.startsWith("leak:")) {
            suppressions.add(text.substring(5));
        }
    }

    private int checkString(long index, String what) throws ImportException {
        if (index > strings.size()) {
            throw fail("the " + what + " string " + Long.toHexString(index) + " is not one of the " + strings.size()
                    + " strings read so far");
        }
        return (int) index;
    }

    private String str(int index) {
        return index <= 0 ? "" : strings.get(index - 1);
    }

    /** The space-separated hex numbers of {@code b[k, e)}, between {@code min} and {@code max} of them. */
    private long[] numbers(byte[] b, int k, int e, int min, int max, String what) throws ImportException {
        long[] out = new long[Math.min(8, Math.max(min, 1))];
        int count = 0;
        int i = k;
        while (i < e) {
            int from = i;
            while (i < e && b[i] != ' ') {
                i++;
            }
            if (count == out.length) {
                out = java.util.Arrays.copyOf(out, out.length * 2);
            }
            out[count++] = hex(b, from, i, what);
            i++;
        }
        if (count < min || count > max) {
            throw fail("expected " + what + ", found '" + preview(b, k - 2, e) + "'");
        }
        return java.util.Arrays.copyOf(out, count);
    }

    private long hex(byte[] b, int from, int to, String what) throws ImportException {
        if (from >= to || to - from > 16) {
            throw fail("expected " + what + " in hexadecimal, found '" + preview(b, from, to) + "'");
        }
        long v = 0;
        for (int i = from; i < to; i++) {
            int c = b[i];
            int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
                    : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
            if (d < 0) {
                throw fail("expected " + what + " in hexadecimal, found '" + preview(b, from, to) + "'");
            }
            v = (v << 4) | d;
        }
        return v;
    }

    private ImportException fail(String problem) {
        return ImportException.atLine(file, lineNumber, problem);
    }

    private static String preview(byte[] b, int s, int e) {
        StringBuilder sb = new StringBuilder();
        for (int i = Math.max(0, s); i < e && sb.length() < 60; i++) {
            int c = b[i] & 0xFF;
            sb.append(c < 0x20 || c >= 0x7F ? '?' : (char) c);
        }
        return e - s > 60 ? sb + "..." : sb.toString();
    }

    private static String versionText(long v) {
        return String.format(Locale.ROOT, "%d.%d.%d", (v >> 16) & 0xFF, (v >> 8) & 0xFF, v & 0xFF);
    }

    /** Leaked bytes per site after the suppressions, as heaptrack's {@code applyLeakSuppressions}. */
    private long[] leakedAfterSuppressions() {
        long[] leaked = siteLive.toArray();
        boolean[] stringMatch = new boolean[strings.size() + 1];
        boolean any = false;
        for (int i = 0; i < strings.size(); i++) {
            for (String pattern : suppressions) {
                if (SuppressionMatch.matches(pattern, strings.get(i))) {
                    stringMatch[i + 1] = true;
                    any = true;
                    break;
                }
            }
        }
        if (!any) {
            return leaked;
        }
        boolean[] ipMatch = new boolean[ipFrames.size() + 1];
        for (int ip = 1; ip <= ipFrames.size(); ip++) { // ip 0 (none) stays unmatched
            boolean m = stringMatch[ipModule.get(ip - 1)];
            int[] frames = ipFrames.get(ip - 1);
            for (int f = 0; f < frames.length && !m; f += 3) {
                m = stringMatch[frames[f]] || stringMatch[frames[f + 1]];
            }
            ipMatch[ip] = m;
        }
        boolean[] traceMatch = new boolean[traceIp.size() + 1];
        for (int t = 1; t <= traceIp.size(); t++) {
            traceMatch[t] = traceMatch[traceParent.get(t - 1)] || ipMatch[traceIp.get(t - 1)];
        }
        for (int s = 0; s < leaked.length; s++) {
            if (traceMatch[siteTrace.get(s)]) {
                leaked[s] = 0;
            }
        }
        return leaked;
    }

    /** The frames of a trace, root first: per ip its inlined frames outermost first, then the ip's own frame. */
    private int[] stack(ProfileBuilder builder, int trace, IntArrayList scratch) {
        scratch.clear();
        int t = trace;
        int guard = 0;
        while (t > 0 && guard++ <= traceIp.size()) {
            int ip = traceIp.get(t - 1);
            if (ip == 0) { // a trace of operator new alone
                t = traceParent.get(t - 1);
                continue;
            }
            int[] frames = ipFrames.get(ip - 1);
            String module = str(ipModule.get(ip - 1));
            if (frames.length == 0) {
                scratch.add(builder.frame(new Frame("0x" + Long.toHexString(ipAddress.get(ip - 1)), module,
                        FrameKind.NATIVE, "", -1)));
            } else {
                int n = frames.length / 3;
                for (int f = 0; f < n; f++) { // leaf first here; reversed below
                    int fn = frames[f * 3];
                    int fl = frames[f * 3 + 1];
                    String name = fn > 0 ? str(fn) : "0x" + Long.toHexString(ipAddress.get(ip - 1));
                    String where = fl > 0 ? str(fl) : module;
                    int line = fl > 0 ? frames[f * 3 + 2] : -1;
                    FrameKind kind = f < n - 1 ? FrameKind.INLINED : FrameKind.NATIVE;
                    scratch.add(builder.frame(new Frame(name, where, kind, "", line)));
                }
            }
            t = traceParent.get(t - 1);
        }
        int[] rootFirst = new int[scratch.size()];
        for (int i = 0; i < rootFirst.length; i++) {
            rootFirst[i] = scratch.get(scratch.size() - 1 - i);
        }
        return rootFirst;
    }

    void deliver(ImportSink sink) {
        long[] leaked = leakedAfterSuppressions();
        long leakedTotal = 0;
        long suppressed = 0;
        for (int s = 0; s < leaked.length; s++) {
            leakedTotal += leaked[s];
            suppressed += siteLive.get(s) - leaked[s];
        }
        String[] names = {"allocations", "temporary allocations", "peak heap", "leaked"};
        WeightUnit[] units = {WeightUnit.EVENTS, WeightUnit.EVENTS, WeightUnit.BYTES, WeightUnit.BYTES};
        String base = source.fileName();
        for (int p = 0; p < names.length; p++) {
            ProfileBuilder builder = new ProfileBuilder(null);
            IntArrayList scratch = new IntArrayList();
            for (int s = 0; s < siteTrace.size(); s++) {
                long calls = siteCalls.get(s);
                long weight = switch (p) {
                    case 0 -> calls;
                    case 1 -> siteTemporary.get(s);
                    case 2 -> s < sitePeak.length ? sitePeak[s] : 0;
                    default -> leaked[s];
                };
                if (weight <= 0) {
                    continue;
                }
                int[] frames = stack(builder, siteTrace.get(s), scratch);
                int node = builder.stack(frames, frames.length);
                builder.samples(node, -1, weight, p == 1 ? weight : calls, ProfileBuilder.NO_TIME);
            }
            Map<String, String> attrs = new LinkedHashMap<>();
            attrs.put("heaptrack version", versionText(heaptrackVersion));
            attrs.put("file format", Integer.toString(fileVersion));
            attrs.put("calls to allocation functions", Long.toString(totalCalls));
            attrs.put("temporary allocations", Long.toString(totalTemporary));
            attrs.put("peak heap bytes", Long.toString(peak));
            attrs.put("leaked bytes", Long.toString(leakedTotal));
            if (suppressed > 0) {
                attrs.put("suppressed leaks (bytes)", Long.toString(suppressed));
            }
            if (pageSize > 0 && peakRssPages > 0) {
                attrs.put("peak RSS bytes (with heaptrack's overhead)", Long.toString(peakRssPages * pageSize));
            }
            attrs.put("runtime ms", Long.toString(timeMs));
            if (attached) {
                attrs.put("attached", "heaptrack attached to a running process; earlier allocations are unknown");
            }
            attrs.put("note", switch (p) {
                case 0 -> "number of calls to allocation functions (malloc, new, realloc, ...) from each stack";
                case 1 -> "allocations freed right after they were made, with no other allocation in between "
                        + "(heaptrack's rule)";
                case 2 -> "bytes each stack held at the first moment the heap was at its largest (" + peak + " bytes)";
                default -> "bytes allocated and never freed, after heaptrack's leak suppressions";
            });
            ProfileInfo info = new ProfileInfo(base + " · " + names[p], HeaptrackImporter.FORMAT, names[p], units[p],
                    "", "", "", command, null, (timeMs + 1) * 1_000_000L, 0, 0, attrs);
            sink.addProfile(builder.build(info), null);
        }
    }
}
