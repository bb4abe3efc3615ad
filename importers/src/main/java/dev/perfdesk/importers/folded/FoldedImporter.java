package dev.perfdesk.importers.folded;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.perfdesk.core.model.Frame;
import dev.perfdesk.core.model.FrameKind;
import dev.perfdesk.core.model.ProfileBuilder;
import dev.perfdesk.core.model.ProfileInfo;
import dev.perfdesk.core.model.StackTable;
import dev.perfdesk.core.model.WeightOverflowException;
import dev.perfdesk.core.model.WeightUnit;
import dev.perfdesk.core.progress.ProgressMonitor;
import dev.perfdesk.core.spi.ImportSink;
import dev.perfdesk.importers.spi.ByteLineReader;
import dev.perfdesk.importers.spi.ImportException;
import dev.perfdesk.importers.spi.ImportSource;
import dev.perfdesk.importers.spi.Importer;
import dev.perfdesk.importers.spi.Utf8Text;

/**
 * Reads folded stacks, {@code root;frame;leaf COUNT} per line, as FlameGraph's stackcollapse scripts and
 * async-profiler's collapsed output write them. Lines with two counts ({@code difffolded.pl} output) give two
 * profiles: the baseline (first count) and the candidate (second count).
 *
 * <p>Files as other tools write them are read too: UTF-8 with or without a byte-order mark, UTF-16 with a
 * little- or big-endian mark, LF or CRLF line ends. Lines without a count at their end are skipped, as speedscope
 * does, and each profile says how many and where in its {@code skipped lines} attribute; a file with more such lines
 * than good ones is refused as not folded stacks.
 */
public final class FoldedImporter implements Importer {
    public static final String FORMAT = "folded";
    /** The attribute that says how many lines were skipped, and the first few of their numbers. */
    public static final String SKIPPED_LINES = "skipped lines";
    private static final int MAX_LINE = 4 << 20;
    private static final int SKIPPED_LINES_LISTED = 5;

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public String description() {
        return "folded stacks";
    }

    @Override
    public int detect(byte[] head) {
        String text = new String(Utf8Text.head(head), StandardCharsets.UTF_8);
        String[] lines = text.split("\n", -1);
        int good = 0;
        int bad = 0;
        for (int i = 0; i < lines.length - 1 && good + bad < 20; i++) {
            String line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
            if (line.isEmpty()) {
                continue;
            }
            if (Character.isWhitespace(line.charAt(0)) || line.startsWith("#") || line.startsWith("{")
                    || line.startsWith("[")) {
                return 0;
            }
            if (parseCounts(line) == null) {
                bad++;
            } else {
                good++;
            }
        }
        if (bad > 0) {
            // a few malformed lines are skipped on import; more than one in three is another format
            return good > 0 && bad * 2 <= good ? 60 : 0;
        }
        if (good == 0 && lines.length == 1) {
            // a single line without a newline
            return parseCounts(lines[0]) != null ? 50 : 0;
        }
        return good > 0 ? 80 : 0;
    }

    /**
     * Splits a folded line into {stack end index, count1, count2 (or -1)}; null when it has no count at its end.
     */
    static long[] parseCounts(String line) {
        int end = line.length();
        int sp = line.lastIndexOf(' ');
        if (sp <= 0 || sp == end - 1) {
            return null;
        }
        long last = parseCount(line, sp + 1, end);
        if (last < 0) {
            return null;
        }
        int sp2 = line.lastIndexOf(' ', sp - 1);
        if (sp2 > 0) {
            long first = parseCount(line, sp2 + 1, sp);
            if (first >= 0) {
                return new long[] {sp2, first, last};
            }
        }
        return new long[] {sp, last, -1};
    }

    private static long parseCount(String s, int from, int to) {
        if (from >= to || to - from > 18) {
            return -1;
        }
        long v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    @Override
    public void read(ImportSource source, ImportSink sink, ProgressMonitor monitor) throws IOException, ImportException {
        Path file = source.path();
        ProfileBuilder baseline = null;
        ProfileBuilder candidate = null;
        Map<String, Integer> baseFrames = new HashMap<>();
        Map<String, Integer> candFrames = new HashMap<>();
        Boolean twoCounts = null;
        long good = 0;
        long skipped = 0;
        StringBuilder where = new StringBuilder();
        String firstBad = null;
        long firstBadLine = -1;
        try (InputStream in = Utf8Text.stream(source.open())) {
            ByteLineReader lines = new ByteLineReader(in, source, MAX_LINE, monitor);
            while (lines.next()) {
                if (lines.lastLineUnterminated() && lines.end() > lines.start()) {
                    // A last line without a newline is accepted only when it ends in a count.
                    String last = new String(lines.buffer(), lines.start(), lines.end() - lines.start(),
                            StandardCharsets.UTF_8);
                    if (parseCounts(last) == null) {
                        throw ImportException.atLine(file, lines.lineNumber(),
                                "the file ends in the middle of a line; it looks truncated");
                    }
                }
                if (lines.end() == lines.start()) {
                    continue;
                }
                String line = new String(lines.buffer(), lines.start(), lines.end() - lines.start(),
                        StandardCharsets.UTF_8);
                long[] counts = parseCounts(line);
                if (counts == null) {
                    if (skipped++ == 0) {
                        firstBad = line;
                        firstBadLine = lines.lineNumber();
                    }
                    if (skipped <= SKIPPED_LINES_LISTED) {
                        where.append(where.length() == 0 ? "" : ", ").append(lines.lineNumber());
                    }
                    continue;
                }
                good++;
                boolean two = counts[2] >= 0;
                if (twoCounts == null) {
                    twoCounts = two;
                    baseline = new ProfileBuilder(null);
                    if (two) {
                        candidate = new ProfileBuilder(null);
                    }
                } else if (twoCounts != two) {
                    throw ImportException.atLine(file, lines.lineNumber(), two
                            ? "this line has two counts but the lines before it have one"
                            : "this line has one count but the lines before it have two (baseline and candidate)");
                }
                String stack = line.substring(0, (int) counts[0]);
                try {
                    add(baseline, baseFrames, stack, counts[1]);
                    if (two) {
                        add(candidate, candFrames, stack, counts[2]);
                    }
                } catch (WeightOverflowException e) {
                    throw ImportException.atLine(file, lines.lineNumber(), e.getMessage());
                }
            }
        } catch (java.util.zip.ZipException | java.io.EOFException e) {
            throw source.damaged(e);
        }
        if (skipped > good) {
            throw ImportException.atLine(file, firstBadLine, "expected 'frame;frame;... COUNT', found '"
                    + abbreviate(firstBad) + "'" + (skipped > 1 ? " (" + skipped + " of " + (skipped + good)
                    + " lines are like that)" : ""));
        }
        if (baseline == null) {
            throw ImportException.whole(file, "the file has no stacks");
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        if (skipped > 0) {
            attributes.put(SKIPPED_LINES, skipped + " not 'frame;frame;... COUNT' (line" + (skipped > 1 ? "s " : " ")
                    + where + (skipped > SKIPPED_LINES_LISTED ? ", ..." : "") + ")");
        }
        String name = source.fileName();
        if (candidate == null) {
            sink.addProfile(baseline.build(info(name, attributes)), null);
        } else {
            sink.addProfile(baseline.build(info(name + " · baseline", attributes)), null);
            sink.addProfile(candidate.build(info(name + " · candidate", attributes)), null);
        }
    }

    private static ProfileInfo info(String name, Map<String, String> attributes) {
        return new ProfileInfo(name, FORMAT, "", WeightUnit.SAMPLES, "", "", "", "", null, -1, 0, 0, attributes);
    }

    private static void add(ProfileBuilder builder, Map<String, Integer> frameIds, String stack, long count) {
        if (count == 0) {
            return;
        }
        int node = StackTable.ROOT;
        int from = 0;
        while (from <= stack.length()) {
            int semi = stack.indexOf(';', from);
            int to = semi < 0 ? stack.length() : semi;
            String name = stack.substring(from, to);
            Integer id = frameIds.get(name);
            if (id == null) {
                id = builder.frame(new Frame(name, "", kindOf(name), "", -1));
                frameIds.put(name, id);
            }
            node = builder.child(node, id);
            if (semi < 0) {
                break;
            }
            from = semi + 1;
        }
        builder.samples(node, -1, count, count, ProfileBuilder.NO_TIME);
    }

    /** The kind flamegraph.pl's annotations give: {@code _[k]} kernel, {@code _[j]} JIT, {@code _[i]} inlined. */
    static FrameKind kindOf(String name) {
        if (name.endsWith("_[k]")) {
            return FrameKind.KERNEL;
        } else if (name.endsWith("_[j]")) {
            return FrameKind.JIT;
        } else if (name.endsWith("_[i]")) {
            return FrameKind.INLINED;
        }
        return FrameKind.UNKNOWN;
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
