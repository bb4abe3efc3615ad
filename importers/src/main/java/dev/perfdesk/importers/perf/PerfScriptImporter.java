package dev.perfdesk.importers.perf;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.perfdesk.core.progress.ProgressMonitor;
import dev.perfdesk.core.spi.ImportSink;
import dev.perfdesk.importers.spi.ByteLineReader;
import dev.perfdesk.importers.spi.ImportException;
import dev.perfdesk.importers.spi.ImportSource;
import dev.perfdesk.importers.spi.Importer;

/**
 * Reads the text {@code perf script} prints: one profile per event, in the order events first appear, with
 * period-weighted samples, threads ({@code comm pid/tid}), timestamps, and raw frames (symbol, module, and the
 * address where the symbol is unknown) from which stackcollapse-perf.pl's names are derived at export time.
 */
public final class PerfScriptImporter implements Importer {
    public static final String FORMAT = "perf-script";

    /** The sample header as stackcollapse-perf.pl matches it: command, then pid[/tid]. */
    // stackcollapse-perf.pl's ^(\S.+?)\s+(\d+)\/*(\d+)*\s+, matching the same lines with the same groups in
    // linear time: the command ends in a non-blank (or is one character and a blank: the only shortest match that
    // can end in a blank), and runs of blanks and digits are taken whole, since giving any back cannot help. The
    // regex as written backtracks over a run of blanks for each end of the command it tries: a line of 512 KiB of
    // spaces took minutes (found by ImportFuzzTest, seed 1 case 5114).
    static final Pattern HEADER = Pattern.compile(
            "^(\\S(?:[ \\t\\x0B\\f]|.*?[^\\s\\u0085\\u2028\\u2029]))\\s++(\\d++)/*+(\\d++)*+\\s+");
    /** The period and event at the end of a header: {@code : 10101010 cpu-clock:}. */
    static final Pattern EVENT = Pattern.compile(":\\s*(\\d+)*\\s+(\\S+):\\s*$");

    /** The longest line accepted; perf script lines are short, even with C++ templates. */
    static final int MAX_LINE = 1 << 20;

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public String description() {
        return "perf script text";
    }

    @Override
    public int detect(byte[] head) {
        String text = new String(head, 0, Math.min(head.length, 16 * 1024), StandardCharsets.ISO_8859_1);
        String[] lines = text.split("\n", -1);
        int headers = 0;
        int events = 0;
        int frames = 0;
        boolean perfComments = false;
        // The last piece may be cut by the head limit, so it is not judged.
        for (int i = 0; i < lines.length - 1 && headers < 5; i++) {
            String line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
            if (line.startsWith("# ========") || line.startsWith("# captured on") || line.startsWith("# perf version")) {
                perfComments = true;
            }
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (!Character.isWhitespace(line.charAt(0)) && HEADER.matcher(line).find()) {
                headers++;
                if (EVENT.matcher(line).find()) {
                    events++;
                }
            } else if (PerfLineParser.looksLikeFrame(line)) {
                frames++;
            } else if (!line.isBlank()) {
                return 0;
            }
        }
        if (headers == 0 || (frames == 0 && events == 0)) {
            return 0;
        }
        return perfComments || frames > 0 ? 90 : 60;
    }

    @Override
    public void read(ImportSource source, ImportSink sink, ProgressMonitor monitor) throws IOException, ImportException {
        try (InputStream in = source.open()) {
            ByteLineReader lines = new ByteLineReader(in, source, MAX_LINE, monitor);
            new PerfLineParser(source, sink).parse(lines);
        } catch (java.util.zip.ZipException | java.io.EOFException e) {
            throw source.damaged(e);
        }
    }

    /** The event and period at the end of a header line, for tests. */
    static String[] eventOf(String header) {
        Matcher m = EVENT.matcher(header);
        return m.find() ? new String[] {m.group(1), m.group(2)} : null;
    }
}
