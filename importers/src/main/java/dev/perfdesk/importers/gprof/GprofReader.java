package dev.perfdesk.importers.gprof;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.perfdesk.core.progress.ProgressMonitor;
import dev.perfdesk.importers.spi.ByteLineReader;
import dev.perfdesk.importers.spi.ImportException;
import dev.perfdesk.importers.spi.ImportSource;

/**
 * Parses gprof's text output ({@code gprof prog gmon.out}, with or without {@code -b}, {@code -p}, {@code -q},
 * {@code -l}) into its two tables: the flat profile and the call graph. Not thread-safe.
 */
final class GprofReader {
    static final int MAX_LINE = 1 << 20;
    private static final String DASHES = "-----------------------------------------------";
    /** SI prefixes of the per-call columns, as binutils' {@code hist.c} picks them. */
    private static final String PREFIXES = "TGMK munpfa";

    private static final Pattern SAMPLE = Pattern.compile("Each sample counts as ([0-9.eE+-]+) (\\S+)\\.");
    private static final Pattern PER_CALL = Pattern.compile(
            "\\s*time\\s+seconds\\s+seconds\\s+calls\\s+(\\S?)s/call\\s+(\\S?)s/call\\s+name\\s*");
    private static final Pattern PRIMARY = Pattern.compile(
            "\\[(\\d+)\\]\\s+(\\d+\\.\\d+)\\s+(\\d+\\.\\d+)\\s+(\\d+\\.\\d+)\\s+"
                    + "(?:(\\d+)(?:\\+(\\d+))?\\s+)?(.+?) \\[(\\d+)\\]");
    private static final Pattern ARC = Pattern.compile(
            "\\s+(?:(\\d+\\.\\d+)\\s+(\\d+\\.\\d+)\\s+)?(\\d+)(?:/(\\d+))?\\s+(.+?) \\[(\\d+)\\]");
    private static final Pattern CYCLE_MEMBER = Pattern.compile("(.+) <cycle (\\d+)>");
    private static final Pattern CYCLE_WHOLE = Pattern.compile("<cycle (\\d+) as a whole>");
    private static final Pattern INDEX_ENTRY = Pattern.compile("\\[(\\d+)\\] (.+?)(?=\\s+\\[\\d+\\]|\\s*$)");

    /** One row of the flat profile. */
    record FlatRow(String name, long selfNanos, long calls, long selfPerCallNanos, long totalPerCallNanos, long line) {
    }

    /** An arc line of a call graph entry: the other function, the calls, and (outside a cycle) their total. */
    record Arc(int index, long calls, long ofTotal, String name) {
    }

    /** A call graph entry (the line starting with {@code [index]}, its callers above, its callees below). */
    static final class Entry {
        int index;
        String name;
        int cycle;
        boolean wholeCycle;
        long selfNanos;
        long childrenNanos;
        long calls = -1;
        long recursiveCalls;
        boolean spontaneous;
        final List<Arc> parents = new ArrayList<>();
        final List<Arc> children = new ArrayList<>();
        long line;
    }

    private final ImportSource source;
    private final Path file;
    private final ProgressMonitor monitor;
    private ByteLineReader lines;
    private long lineNumber;

    String sampleSeconds;
    String perCallPrefix;
    final List<FlatRow> flat = new ArrayList<>();
    final Map<Integer, Entry> entries = new LinkedHashMap<>();
    /** Each function's file from the index by function name ({@code [7] fib (gp.c)}), where printed. */
    final Map<String, String> files = new HashMap<>();
    boolean sawFlat;
    boolean sawCallGraph;
    boolean noTime;
    String granularity;

    GprofReader(ImportSource source, ProgressMonitor monitor) {
        this.source = source;
        this.file = source.path();
        this.monitor = monitor == null ? ProgressMonitor.NONE : monitor;
    }

    Path file() {
        return file;
    }

    void readAll(InputStream in) throws IOException, ImportException {
        lines = new ByteLineReader(in, source, MAX_LINE, monitor);
        String line = nextOrNull();
        boolean any = false;
        while (line != null && line.isBlank()) {
            line = nextOrNull();
        }
        if (line == null) {
            throw ImportException.whole(file, "the file is empty");
        }
        if (!line.equals("Flat profile:") && !line.strip().startsWith("Call graph")) {
            throw fail("expected gprof's 'Flat profile:' or 'Call graph' title, found '" + abbreviate(line) + "'");
        }
        while (line != null) {
            String s = line.strip();
            if (line.equals("Flat profile:")) {
                if (sawFlat) {
                    throw fail("a second flat profile; gprof prints one");
                }
                sawFlat = true;
                line = flatProfile();
                any = true;
                continue;
            }
            if (s.startsWith("Call graph") && !sawCallGraph) {
                sawCallGraph = true;
                line = callGraph();
                any = true;
                continue;
            }
            if (line.equals("Index by function name")) {
                line = index();
                continue;
            }
            // gprof's explanations between the tables, and anything after them, are not read.
            line = nextOrNull();
        }
        if (!any) {
            throw ImportException.whole(file, "no flat profile and no call graph: this is not gprof's output");
        }
    }

    /** Reads the flat profile after its title; returns the first line after it. */
    private String flatProfile() throws IOException, ImportException {
        String line = nextNonBlank("the flat profile's 'Each sample counts as' line");
        Matcher m = SAMPLE.matcher(line);
        if (!m.matches()) {
            throw fail("expected 'Each sample counts as N seconds.', found '" + abbreviate(line) + "'");
        }
        sampleSeconds = m.group(1) + " " + m.group(2);
        line = expectLine("the flat profile's header");
        if (line.strip().equals("no time accumulated")) {
            noTime = true;
            line = nextNonBlank("the flat profile's header");
        }
        if (!line.strip().startsWith("%") || !line.contains("cumulative")) {
            throw fail("expected the flat profile's header ('%   cumulative   self ...'), found '" + abbreviate(line)
                    + "'");
        }
        line = expectLine("the flat profile's header");
        m = PER_CALL.matcher(line);
        if (!m.matches()) {
            throw fail("expected the flat profile's header ('time   seconds   seconds    calls  ms/call ...'), "
                    + "found '" + abbreviate(line) + "'");
        }
        String prefix = m.group(1).isEmpty() ? " " : m.group(1);
        if (!m.group(1).equals(m.group(2)) || PREFIXES.indexOf(prefix.charAt(0)) < 0) {
            throw fail("the per-call unit '" + m.group(1) + "s/call' is not one gprof prints");
        }
        perCallPrefix = m.group(1);
        while (true) {
            line = nextOrNull();
            if (line == null || line.isBlank()) {
                return line;
            }
            flat.add(flatRow(line));
        }
    }

    /** {@code %time cumulative self [calls self/call total/call] name}; the calls columns blank without -pg. */
    private FlatRow flatRow(String line) throws ImportException {
        String[] tokens = new String[6];
        int pos = 0;
        int count = 0;
        int nameStart = -1;
        while (count < 6) {
            while (pos < line.length() && line.charAt(pos) == ' ') {
                pos++;
            }
            int start = pos;
            while (pos < line.length() && line.charAt(pos) != ' ') {
                pos++;
            }
            String token = line.substring(start, pos);
            boolean numeric = !token.isEmpty() && token.chars().allMatch(c -> (c >= '0' && c <= '9') || c == '.');
            if (!numeric || (count == 3 && token.contains("."))) {
                nameStart = start;
                break;
            }
            tokens[count++] = token;
        }
        if (nameStart < 0) {
            while (pos < line.length() && line.charAt(pos) == ' ') {
                pos++;
            }
            nameStart = pos;
        }
        String name = line.substring(Math.min(nameStart, line.length())).strip();
        if ((count != 3 && count != 6) || name.isEmpty()) {
            throw fail("expected a flat profile row '%time cumulative self [calls self/call total/call] name', "
                    + "found '" + abbreviate(line) + "'");
        }
        for (int i = 0; i < 3; i++) {
            if (!tokens[i].matches("\\d+\\.\\d+")) {
                throw fail("expected seconds like 0.40, found '" + tokens[i] + "' in '" + abbreviate(line) + "'");
            }
        }
        long calls = count == 6 ? whole(tokens[3], line) : -1;
        return new FlatRow(name, nanos(tokens[2], line), calls, count == 6 ? perCall(tokens[4], line) : -1,
                count == 6 ? perCall(tokens[5], line) : -1, lineNumber);
    }

    /** Reads the call graph after its title; returns the first line after its table. */
    private String callGraph() throws IOException, ImportException {
        String line = nextNonBlank("the call graph's 'granularity:' line");
        if (!line.startsWith("granularity:")) {
            throw fail("expected the call graph's 'granularity: ...' line, found '" + abbreviate(line) + "'");
        }
        granularity = line.substring("granularity:".length()).strip();
        line = nextNonBlank("the call graph's header");
        if (!line.startsWith("index") || !line.contains("called") || !line.contains("children")) {
            throw fail("expected the call graph's header 'index % time    self  children    called     name', "
                    + "found '" + abbreviate(line) + "'");
        }
        List<String> block = new ArrayList<>();
        List<Long> blockLines = new ArrayList<>();
        while (true) {
            line = nextOrNull();
            if (line == null || line.isBlank() || line.equals("\f")) {
                if (!block.isEmpty()) {
                    throw ImportException.atLine(file, blockLines.get(0), "the call graph ends inside an entry, "
                            + "without its line of dashes; it looks truncated");
                }
                return line;
            }
            if (line.equals(DASHES)) {
                entry(block, blockLines);
                block.clear();
                blockLines.clear();
            } else {
                block.add(line);
                blockLines.add(lineNumber);
            }
        }
    }

    private void entry(List<String> block, List<Long> blockLines) throws ImportException {
        Entry entry = null;
        boolean spontaneous = false;
        List<Arc> parents = new ArrayList<>();
        for (int i = 0; i < block.size(); i++) {
            String line = block.get(i);
            long at = blockLines.get(i);
            if (line.startsWith("[")) {
                if (entry != null) {
                    throw ImportException.atLine(file, at, "a second primary line '[index] ...' in one call graph "
                            + "entry");
                }
                Matcher m = PRIMARY.matcher(line);
                if (!m.matches() || !m.group(1).equals(m.group(8))) {
                    throw ImportException.atLine(file, at, "expected a call graph entry '[index] %time self children "
                            + "called name [index]', found '" + abbreviate(line) + "'");
                }
                entry = new Entry();
                entry.line = at;
                entry.index = index(m.group(1));
                entry.selfNanos = nanos(m.group(3), line);
                entry.childrenNanos = nanos(m.group(4), line);
                if (m.group(5) != null) {
                    entry.calls = whole(m.group(5), line);
                    entry.recursiveCalls = m.group(6) == null ? 0 : whole(m.group(6), line);
                }
                String name = m.group(7);
                Matcher whole = CYCLE_WHOLE.matcher(name);
                Matcher member = CYCLE_MEMBER.matcher(name);
                if (whole.matches()) {
                    entry.wholeCycle = true;
                    entry.cycle = index(whole.group(1));
                } else if (member.matches()) {
                    entry.cycle = index(member.group(2));
                    name = member.group(1);
                }
                entry.name = name;
                continue;
            }
            if (line.strip().equals("<spontaneous>")) {
                if (entry != null) {
                    throw ImportException.atLine(file, at, "'<spontaneous>' below the entry's primary line");
                }
                spontaneous = true;
                continue;
            }
            Matcher m = ARC.matcher(line);
            if (!m.matches()) {
                throw ImportException.atLine(file, at, "expected a caller or callee line 'self children called name "
                        + "[index]', found '" + abbreviate(line) + "'");
            }
            long calls = whole(m.group(3), line);
            long ofTotal = m.group(4) == null ? -1 : whole(m.group(4), line);
            String name = m.group(5);
            Matcher member = CYCLE_MEMBER.matcher(name);
            if (member.matches()) {
                name = member.group(1);
            }
            Arc arc = new Arc(index(m.group(6)), calls, ofTotal, name);
            if (entry == null) {
                parents.add(arc);
            } else {
                entry.children.add(arc);
            }
        }
        if (entry == null) {
            throw ImportException.atLine(file, blockLines.isEmpty() ? lineNumber : blockLines.get(0),
                    "a call graph entry without its primary line '[index] ...'");
        }
        entry.parents.addAll(parents);
        entry.spontaneous = spontaneous;
        if (entries.putIfAbsent(entry.index, entry) != null) {
            throw ImportException.atLine(file, entry.line, "a second call graph entry [" + entry.index + "]");
        }
    }

    /** Reads the index by function name: {@code [7] fib (gp.c)}, several to a line. */
    private String index() throws IOException, ImportException {
        while (true) {
            String line = nextOrNull();
            if (line == null || line.equals("\f")) {
                return line;
            }
            Matcher m = INDEX_ENTRY.matcher(line);
            while (m.find()) {
                String text = m.group(2).strip();
                int open = text.lastIndexOf(" (");
                if (open > 0 && text.endsWith(")") && !text.contains(":")) {
                    files.putIfAbsent(text.substring(0, open), text.substring(open + 2, text.length() - 1));
                }
            }
        }
    }

    private long nanos(String seconds, String line) throws ImportException {
        try {
            return new BigDecimal(seconds).movePointRight(9).longValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            throw fail("expected seconds, found '" + seconds + "' in '" + abbreviate(line) + "'");
        }
    }

    /** A per-call figure in the header's unit ({@code ms/call}, {@code s/call}, ...) in nanoseconds. */
    private long perCall(String value, String line) throws ImportException {
        int exponent = switch (perCallPrefix) {
            case "T" -> 21;
            case "G" -> 18;
            case "M" -> 15;
            case "K" -> 12;
            case "" -> 9;
            case "m" -> 6;
            case "u" -> 3;
            case "n" -> 0;
            case "p" -> -3;
            case "f" -> -6;
            default -> -9;
        };
        try {
            return new BigDecimal(value).movePointRight(exponent).setScale(0, java.math.RoundingMode.HALF_EVEN)
                    .longValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            throw fail("expected a time per call, found '" + value + "' in '" + abbreviate(line) + "'");
        }
    }

    /** A call graph index or cycle number: digits that fit an int, or a refusal at the line. */
    private int index(String digits) throws ImportException {
        if (digits.length() > 9 || !digits.chars().allMatch(Character::isDigit)) {
            throw fail("expected an index of at most 9 digits, found '" + abbreviate(digits) + "'");
        }
        return Integer.parseInt(digits);
    }

    private long whole(String digits, String line) throws ImportException {
        if (digits.length() > 18) {
            throw fail("the count is too large: '" + abbreviate(line) + "'");
        }
        return Long.parseLong(digits);
    }

    private String nextNonBlank(String what) throws IOException, ImportException {
        String line = expectLine(what);
        while (line.isBlank() || line.equals("\f")) {
            line = expectLine(what);
        }
        return line;
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
        int control = lines.firstControlByte(true);
        if (control >= 0) {
            throw fail("the line holds a control byte (0x" + String.format(Locale.ROOT, "%02x", control)
                    + "); this is binary data, not gprof's text output");
        }
        if (lines.lastLineUnterminated()) {
            throw fail("the file ends in the middle of a line; it looks truncated");
        }
        return new String(lines.buffer(), lines.start(), lines.end() - lines.start(), StandardCharsets.UTF_8);
    }

    ImportException atLine(long line, String problem) {
        return ImportException.atLine(file, line, problem);
    }

    ImportException fail(String problem) {
        return ImportException.atLine(file, lineNumber, problem);
    }

    static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }
}
