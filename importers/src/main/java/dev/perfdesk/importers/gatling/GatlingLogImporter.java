package dev.perfdesk.importers.gatling;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.perfdesk.core.progress.ProgressMonitor;
import dev.perfdesk.core.spi.ImportSink;
import dev.perfdesk.importers.spi.ByteLineReader;
import dev.perfdesk.importers.spi.ImportException;
import dev.perfdesk.importers.spi.ImportSource;
import dev.perfdesk.importers.spi.Importer;

/**
 * Reads Gatling's {@code simulation.log}, a run per file, in both of its layouts (gatling-core's
 * {@code LogFileDataWriter}), told apart by content:
 * <ul>
 *   <li><b>text</b>, Gatling 3.6 to 3.12: tab-separated records {@code RUN}, {@code USER}, {@code REQUEST},
 *       {@code GROUP}, {@code ERROR} and {@code ASSERTION}, times in epoch milliseconds;</li>
 *   <li><b>binary</b>, Gatling 3.13 and later: big-endian records behind a one-byte header (0 run, 1 request, 2 user,
 *       3 group, 4 error), times as int milliseconds after the run's start, strings as a byte length, the bytes and
 *       a coder byte (0 Latin-1, 1 UTF-16), names and messages cached by id. The run record names the version; the
 *       layout is checked here for 3.13.4, 3.13.5 and 3.15.1, and versions outside 3.13 to 3.15 are refused, since
 *       Gatling changes this internal format without notice.</li>
 * </ul>
 * Per request and group: the response times as raw samples (percentiles by Gatling's own rule,
 * {@link dev.perfdesk.core.bench.Benchmark#GATLING_PERCENTILES}), their start times for latency over time, OK and KO
 * counts, the report's response-time ranges and KO messages; see {@link GatlingRun}.
 */
public final class GatlingLogImporter implements Importer {
    public static final String FORMAT = "gatling-log";
    /** The longest text line accepted; Gatling's are short, KO messages included. */
    static final int MAX_LINE = 1 << 20;
    /** The longest string accepted in a binary log. */
    static final int MAX_STRING = 1 << 20;

    private static final Pattern VERSION = Pattern.compile("(\\d{1,9})\\.(\\d{1,9})(?:\\.\\d+)?(?:[-.].*)?");

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public String description() {
        return "Gatling simulation.log (text before 3.13, binary from 3.13)";
    }

    @Override
    public int detect(byte[] head) {
        if (isText(head)) {
            return 95;
        }
        return isBinary(head) ? 95 : 0;
    }

    private static boolean isText(byte[] head) {
        String start = new String(head, 0, Math.min(head.length, 16), StandardCharsets.ISO_8859_1);
        return start.startsWith("RUN\t") || start.startsWith("ASSERTION\t");
    }

    /** A run record: byte 0, then the version string's int length (1..64) and a digit. */
    private static boolean isBinary(byte[] head) {
        if (head.length < 7 || head[0] != 0) {
            return false;
        }
        int len = ((head[1] & 0xFF) << 24) | ((head[2] & 0xFF) << 16) | ((head[3] & 0xFF) << 8) | (head[4] & 0xFF);
        return len > 0 && len <= 64 && head[5] >= '0' && head[5] <= '9' && head[6] == '.';
    }

    @Override
    public void read(ImportSource source, ImportSink sink, ProgressMonitor monitor)
            throws IOException, ImportException {
        Path file = source.path();
        byte[] head;
        try {
            head = source.head(16);
        } catch (java.util.zip.ZipException | java.io.EOFException e) {
            throw ImportException.whole(file, "the gzip data is corrupt or truncated (" + e.getMessage() + ")");
        }
        if (head.length == 0) {
            throw ImportException.whole(file, "the file is empty");
        }
        GatlingRun run;
        try {
            if (isText(head)) {
                run = readText(source, monitor);
            } else if (head[0] == 0) {
                run = new BinaryReader(source, monitor).read();
            } else {
                throw ImportException.atLine(file, 1, "not a Gatling simulation.log: expected a text log starting "
                        + "with 'RUN' or 'ASSERTION' and a tab, or a binary log starting with byte 0");
            }
        } catch (java.util.zip.ZipException e) {
            throw ImportException.whole(file, "the gzip data is corrupt or truncated (" + e.getMessage() + ")");
        }
        if (!run.hasRequests()) {
            throw ImportException.whole(file, "the log has no REQUEST records: Gatling recorded no requests");
        }
        sink.addRun(run.toRun(runName(source), FORMAT));
    }

    /**
     * The file name, with the report folder in front when Gatling's own names say nothing: every log is
     * {@code simulation.log} and every report's statistics {@code js/stats.json}, so they are named
     * {@code perfdesksimulation-20261202195906038/simulation.log} and {@code .../js/stats.json}.
     */
    static String runName(ImportSource source) {
        String name = source.fileName();
        Path parent = source.path().toAbsolutePath().getParent();
        if (parent != null && parent.getFileName() != null && parent.getFileName().toString().equals("js")
                && name.matches("(global_)?stats\\.(json|js)")) {
            name = "js/" + name;
            parent = parent.getParent();
        } else if (!name.equals("simulation.log")) {
            return name;
        }
        return parent == null || parent.getFileName() == null ? name : parent.getFileName() + "/" + name;
    }

    /** Major and minor of a version string, or null. */
    static int[] majorMinor(String version) {
        Matcher m = VERSION.matcher(version);
        return m.matches() ? new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))} : null;
    }

    // ---- text ----

    private static GatlingRun readText(ImportSource source, ProgressMonitor monitor)
            throws IOException, ImportException {
        Path file = source.path();
        GatlingRun run = new GatlingRun();
        boolean sawRun = false;
        try (InputStream in = source.open()) {
            ByteLineReader lines = new ByteLineReader(in, source, MAX_LINE, monitor);
            while (lines.next()) {
                long n = lines.lineNumber();
                if (lines.end() == lines.start()) {
                    continue;
                }
                String line = new String(lines.buffer(), lines.start(), lines.end() - lines.start(),
                        StandardCharsets.UTF_8);
                if (lines.lastLineUnterminated() && !line.startsWith("ASSERTION")) {
                    // Gatling ends every record with a line break; a last line without one was cut off
                    String[] f = line.split("\t", -1);
                    if (!complete(f)) {
                        throw ImportException.atLine(file, n, "the file ends in the middle of a record; it looks "
                                + "truncated");
                    }
                }
                String[] f = line.split("\t", -1);
                switch (f[0]) {
                    case "ASSERTION" -> fields(file, n, f, 2, "ASSERTION\\t<base64>");
                    case "RUN" -> {
                        fields(file, n, f, 6, "RUN\\t<class>\\t<id>\\t<start ms>\\t<description>\\t<version>");
                        run.simulation = f[1];
                        run.simulationId = f[2];
                        run.runStartMs = millis(file, n, f[3], "the run's start");
                        run.description = f[4];
                        run.version = f[5].strip();
                        int[] v = majorMinor(run.version);
                        if (v == null || v[0] != 3 || v[1] < 6 || v[1] > 12) {
                            throw ImportException.atLine(file, n, "a text log of Gatling '"
                                    + abbreviate(run.version) + "'; Perfdesk reads the text layout of Gatling 3.6 to "
                                    + "3.12 (older layouts differ; 3.13 and later write a binary log)");
                        }
                        sawRun = true;
                    }
                    case "USER" -> {
                        requireRun(file, n, sawRun);
                        fields(file, n, f, 4, "USER\\t<scenario>\\tSTART|END\\t<ms>");
                        if (!f[2].equals("START") && !f[2].equals("END")) {
                            throw ImportException.atLine(file, n, "expected START or END in a USER record, found '"
                                    + abbreviate(f[2]) + "'");
                        }
                        run.time(millis(file, n, f[3], "the user's time"));
                        if (f[2].equals("START")) {
                            run.users++;
                            if (!run.scenarios.contains(f[1])) {
                                run.scenarios.add(f[1]);
                            }
                        }
                    }
                    case "REQUEST" -> {
                        requireRun(file, n, sawRun);
                        fields(file, n, f, 7,
                                "REQUEST\\t<groups>\\t<name>\\t<start ms>\\t<end ms>\\tOK|KO\\t<message>");
                        long start = millis(file, n, f[3], "the request's start");
                        long end = millis(file, n, f[4], "the request's end");
                        checkOrder(file, n, start, end);
                        String message = String.join("\t", Arrays.asList(f).subList(6, f.length));
                        run.request(groups(f[1]), f[2], start, end, status(file, n, f[5]), message);
                    }
                    case "GROUP" -> {
                        requireRun(file, n, sawRun);
                        fields(file, n, f, 6, "GROUP\\t<groups>\\t<start ms>\\t<end ms>\\t<cumulated ms>\\tOK|KO");
                        long start = millis(file, n, f[2], "the group's start");
                        long end = millis(file, n, f[3], "the group's end");
                        checkOrder(file, n, start, end);
                        long cumulated = millis(file, n, f[4], "the group's cumulated response time");
                        if (cumulated < 0) {
                            throw ImportException.atLine(file, n, "the group's cumulated response time is negative");
                        }
                        run.group(groups(f[1]), start, end, cumulated, status(file, n, f[5]));
                    }
                    case "ERROR" -> {
                        requireRun(file, n, sawRun);
                        fields(file, n, f, 3, "ERROR\\t<message>\\t<ms>");
                        run.time(millis(file, n, f[f.length - 1], "the error's time"));
                        run.errors.merge(f[1].strip(), 1L, Long::sum);
                    }
                    default -> throw ImportException.atLine(file, n, "expected a Gatling record (RUN, USER, REQUEST, "
                            + "GROUP, ERROR or ASSERTION and a tab), found '" + abbreviate(line) + "'");
                }
            }
        }
        if (!sawRun) {
            throw ImportException.whole(file, "the log has no RUN record; it looks truncated");
        }
        return run;
    }

    private static boolean complete(String[] f) {
        int want = switch (f[0]) {
            case "RUN", "GROUP" -> 6;
            case "USER" -> 4;
            case "REQUEST" -> 7;
            case "ERROR" -> 3;
            default -> Integer.MAX_VALUE;
        };
        if (f.length < want) {
            return false;
        }
        // the last field of these is a number or a status: cut off if it is not whole
        return switch (f[0]) {
            case "USER", "ERROR" -> f[f.length - 1].matches("\\d+");
            case "GROUP" -> f[5].equals("OK") || f[5].equals("KO");
            case "RUN" -> majorMinor(f[5].strip()) != null;
            default -> true;
        };
    }

    private static void requireRun(Path file, long line, boolean sawRun) throws ImportException {
        if (!sawRun) {
            throw ImportException.atLine(file, line, "a record before the RUN record; expected the RUN record first");
        }
    }

    private static void fields(Path file, long line, String[] f, int n, String layout) throws ImportException {
        if (f.length < n) {
            throw ImportException.atLine(file, line, "expected " + n + " tab-separated fields (" + layout
                    + "), found " + f.length);
        }
    }

    private static long millis(Path file, long line, String text, String what) throws ImportException {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw ImportException.atLine(file, line, "expected " + what + " in epoch milliseconds, found '"
                    + abbreviate(text) + "'");
        }
    }

    private static boolean status(Path file, long line, String text) throws ImportException {
        if (text.equals("OK")) {
            return true;
        }
        if (text.equals("KO")) {
            return false;
        }
        throw ImportException.atLine(file, line, "expected the status OK or KO, found '" + abbreviate(text) + "'");
    }

    private static void checkOrder(Path file, long line, long start, long end) throws ImportException {
        if (end < start) {
            throw ImportException.atLine(file, line, "the end (" + end + ") is before the start (" + start + ")");
        }
        if (end - start > Integer.MAX_VALUE) {
            throw ImportException.atLine(file, line, "a response time of " + (end - start) + " ms is not plausible");
        }
    }

    private static List<String> groups(String field) {
        return field.isEmpty() ? List.of() : Arrays.asList(field.split(","));
    }

    static String abbreviate(String s) {
        String t = s.length() > 60 ? s.substring(0, 60) + "..." : s;
        return t.replaceAll("\\p{Cntrl}", "?");
    }

    // ---- binary ----

    /** Reads the binary log, counting bytes so errors name the offset. */
    private static final class BinaryReader {
        private final Path file;
        private final InputStream in;
        private final ProgressMonitor monitor;
        private final GatlingRun run = new GatlingRun();
        private final List<String> cache = new ArrayList<>();
        private long offset;
        private long recordStart;

        BinaryReader(ImportSource source, ProgressMonitor monitor) throws IOException {
            this.file = source.path();
            this.in = new BufferedInputStream(source.open(), 1 << 16);
            this.monitor = monitor;
            cache.add(null);
        }

        GatlingRun read() throws IOException, ImportException {
            try (in) {
                int type = in.read();
                offset++;
                if (type != 0) {
                    throw ImportException.atByte(file, 0, "expected Gatling's run record (byte 0) first");
                }
                long versionAt = offset;
                run.version = string("the Gatling version");
                int[] v = majorMinor(run.version);
                if (v == null || v[0] != 3 || v[1] < 13 || v[1] > 15) {
                    throw ImportException.atByte(file, versionAt, "a binary log of Gatling '"
                            + abbreviate(run.version) + "'; Perfdesk reads the binary logs of Gatling 3.13 to 3.15 "
                            + "(the layout is internal to Gatling and changes between versions)");
                }
                run.simulation = string("the simulation class");
                run.runStartMs = readLong();
                run.description = string("the run description");
                int scenarios = count("scenarios");
                for (int i = 0; i < scenarios; i++) {
                    run.scenarios.add(string("a scenario name"));
                }
                int assertions = count("assertions");
                for (int i = 0; i < assertions; i++) {
                    skip(count("assertion bytes"));
                }
                long records = 0;
                while (true) {
                    recordStart = offset;
                    int t = in.read();
                    if (t < 0) {
                        break;
                    }
                    offset++;
                    switch (t) {
                        case 1 -> request();
                        case 2 -> user();
                        case 3 -> group();
                        case 4 -> error();
                        default -> throw ImportException.atByte(file, recordStart, "unknown record type " + t
                                + "; expected 1 (request), 2 (user), 3 (group) or 4 (error) in a Gatling "
                                + run.version + " log");
                    }
                    if ((++records & 0x3FFF) == 0) {
                        monitor.checkCancelled();
                    }
                }
            }
            return run;
        }

        private void request() throws IOException, ImportException {
            List<String> groups = groups();
            String name = cached();
            long start = run.runStartMs + readInt();
            long end = run.runStartMs + readInt();
            boolean ok = bool();
            String message = cached();
            if (end < start) {
                throw ImportException.atByte(file, recordStart, "a request whose end is before its start");
            }
            run.request(groups, name, start, end, ok, message);
        }

        private void user() throws IOException, ImportException {
            int scenario = readInt();
            if (scenario < 0 || scenario >= run.scenarios.size()) {
                throw ImportException.atByte(file, recordStart, "a user record names scenario " + scenario
                        + " of " + run.scenarios.size());
            }
            boolean start = bool();
            run.time(run.runStartMs + readInt());
            if (start) {
                run.users++;
            }
        }

        private void group() throws IOException, ImportException {
            List<String> groups = groups();
            long start = run.runStartMs + readInt();
            long end = run.runStartMs + readInt();
            int cumulated = readInt();
            boolean ok = bool();
            if (end < start || cumulated < 0) {
                throw ImportException.atByte(file, recordStart, "a group whose end is before its start or whose "
                        + "cumulated response time is negative");
            }
            run.group(groups, start, end, cumulated, ok);
        }

        private void error() throws IOException, ImportException {
            String message = cached();
            run.time(run.runStartMs + readInt());
            run.errors.merge(message.strip(), 1L, Long::sum);
        }

        private List<String> groups() throws IOException, ImportException {
            int n = count("groups");
            List<String> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                out.add(cached());
            }
            return out;
        }

        /** A cached string: a positive id and the new string, or a negative id of one read before. */
        private String cached() throws IOException, ImportException {
            long at = offset;
            int k = readInt();
            if (k > 0) {
                if (k > cache.size() + MAX_STRING) {
                    throw ImportException.atByte(file, at, "a string id of " + k + " is not plausible");
                }
                String s = string("a string");
                while (cache.size() <= k) {
                    cache.add(null);
                }
                cache.set(k, s);
                return s;
            }
            if (k == 0 || -(long) k >= cache.size() || cache.get(-k) == null) {
                throw ImportException.atByte(file, at, "a reference to string " + (-(long) k)
                        + ", which the log has not defined");
            }
            return cache.get(-k);
        }

        private String string(String what) throws IOException, ImportException {
            long at = offset;
            int len = readInt();
            if (len == 0) {
                return "";
            }
            if (len < 0 || len > MAX_STRING) {
                throw ImportException.atByte(file, at, "a string length of " + len + " bytes for " + what
                        + "; expected 0 to " + MAX_STRING);
            }
            byte[] b = bytes(len);
            int coder = readByte();
            if (coder == 0) {
                return new String(b, StandardCharsets.ISO_8859_1);
            }
            if (coder == 1 && len % 2 == 0) {
                return new String(b, StandardCharsets.UTF_16LE);
            }
            throw ImportException.atByte(file, offset - 1, "expected a string coder byte 0 (Latin-1) or 1 (UTF-16) "
                    + "after " + what + ", found " + coder);
        }

        private int count(String what) throws IOException, ImportException {
            long at = offset;
            int n = readInt();
            if (n < 0 || n > MAX_STRING) {
                throw ImportException.atByte(file, at, "a count of " + n + " " + what + " is not plausible");
            }
            return n;
        }

        private boolean bool() throws IOException, ImportException {
            int b = readByte();
            if (b > 1) {
                throw ImportException.atByte(file, offset - 1, "expected a boolean byte 0 or 1, found " + b);
            }
            return b == 1;
        }

        private int readByte() throws IOException, ImportException {
            int b = in.read();
            if (b < 0) {
                throw truncated();
            }
            offset++;
            return b;
        }

        private int readInt() throws IOException, ImportException {
            byte[] b = bytes(4);
            return ((b[0] & 0xFF) << 24) | ((b[1] & 0xFF) << 16) | ((b[2] & 0xFF) << 8) | (b[3] & 0xFF);
        }

        private long readLong() throws IOException, ImportException {
            long hi = readInt() & 0xFFFFFFFFL;
            long lo = readInt() & 0xFFFFFFFFL;
            return (hi << 32) | lo;
        }

        private byte[] bytes(int n) throws IOException, ImportException {
            byte[] b = in.readNBytes(n);
            if (b.length < n) {
                throw truncated();
            }
            offset += n;
            return b;
        }

        private void skip(int n) throws IOException, ImportException {
            bytes(n);
        }

        private ImportException truncated() {
            return ImportException.atByte(file, recordStart, "the file ends in the middle of a record; it looks "
                    + "truncated");
        }
    }
}
