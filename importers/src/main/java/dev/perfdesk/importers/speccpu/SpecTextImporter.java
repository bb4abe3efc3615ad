package dev.perfdesk.importers.speccpu;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.perfdesk.core.progress.ProgressMonitor;
import dev.perfdesk.core.spi.ImportSink;
import dev.perfdesk.importers.spi.ByteLineReader;
import dev.perfdesk.importers.spi.ImportException;
import dev.perfdesk.importers.spi.ImportSource;
import dev.perfdesk.importers.spi.Importer;

/**
 * Reads the {@code .txt} result of a SPEC CPU 2017 {@code runcpu} report: the results table of every iteration (in
 * run order, the selected one marked {@code *}), the selected rows repeated after a rule of {@code =}, the suite
 * metric lines ({@code SPECrate(R)2017_int_base   1.99}), the {@code Key: value} lines of the header and of the
 * HARDWARE and SOFTWARE sections (an indented line without a key continues the one before). Times and ratios are
 * as the report prints them, to three significant digits. See {@link SpecResult} for the run made of it.
 */
public final class SpecTextImporter implements Importer {
    public static final String FORMAT = "spec-cpu2017-txt";
    /** The longest line read, in bytes: ten times the widest line of a runcpu report. */
    static final int MAX_LINE = 4096;
    private static final Pattern TITLE = Pattern.compile("^SPEC CPU(?:\\(R\\)|®)?\\s?2017 .*Result$");
    private static final Pattern ROW = Pattern.compile("^(\\d{3}\\.\\w+)\\s+(.*)$");
    private static final Pattern GROUP = Pattern.compile("(\\S+)\\s+(\\S+)\\s+(\\S+)\\s+([S*]|CE|RE|VE|RF)(?=\\s|$)");
    private static final Pattern METRIC = Pattern.compile("^(?:Est\\. )?(SPEC(?:rate|speed)(?:\\(R\\)|®)?\\d{4}_"
            + "(?:int|fp)_(?:base|peak))\\s*(?:=\\s*)?(.*)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern FIELD = Pattern.compile("^([A-Z][A-Za-z0-9 ./()#-]*?):\\s+(.*)$");

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public String description() {
        return "SPEC CPU 2017 result (.txt of a runcpu report)";
    }

    @Override
    public int detect(byte[] head) {
        String text = new String(head, 0, Math.min(head.length, 16384), StandardCharsets.UTF_8);
        String[] lines = text.split("\n", 6);
        boolean title = false;
        for (int i = 0; i < Math.min(lines.length, 5); i++) {
            title |= TITLE.matcher(lines[i].strip()).matches();
        }
        return title && text.contains("\nBenchmarks ") ? 92 : 0;
    }

    @Override
    public void read(ImportSource source, ImportSink sink, ProgressMonitor monitor)
            throws IOException, ImportException {
        Path file = source.path();
        SpecResult result = new SpecResult(file);
        boolean table = false;
        boolean selected = false;
        boolean sawTitle = false;
        String lastField = null;
        long lastLine = 0;
        try (InputStream in = source.open()) {
            // runcpu writes lines of at most a few hundred characters; the row and field patterns are not linear on
            // a long line, so a longer one is refused at once (found by the import fuzzer: 256 KiB of digits hung).
            ByteLineReader lines = new ByteLineReader(in, source, MAX_LINE, monitor);
            while (lines.next()) {
                long n = lines.lineNumber();
                lastLine = n;
                String raw = new String(lines.buffer(), lines.start(), lines.end() - lines.start(),
                        StandardCharsets.UTF_8);
                if (raw.indexOf('\0') >= 0) {
                    throw ImportException.atLine(file, n, "binary data where a SPEC CPU 2017 text result was "
                            + "expected");
                }
                String line = raw.strip();
                if (line.isEmpty()) {
                    lastField = null;
                    continue;
                }
                if (!sawTitle) {
                    if (TITLE.matcher(line).matches()) {
                        sawTitle = true;
                        result.tags.put("report", line);
                    } else if (n >= 5) {
                        throw ImportException.atLine(file, n, "expected the report title 'SPEC CPU(R)2017 ... "
                                + "Result' in the first lines");
                    }
                    continue;
                }
                if (line.startsWith("Benchmarks ")) {
                    table = true;
                    continue;
                }
                if (line.startsWith("-----") || line.equals("HARDWARE") || line.equals("SOFTWARE")) {
                    continue;
                }
                if (line.startsWith("=====")) {
                    selected = true;
                    continue;
                }
                Matcher m;
                if (table && (m = ROW.matcher(line)).matches()) {
                    row(result, file, n, m.group(1), m.group(2), selected);
                    continue;
                }
                if ((m = METRIC.matcher(line)).matches()) {
                    String value = m.group(2).strip();
                    if (table && !value.isEmpty() && !value.equalsIgnoreCase("Not Run")) {
                        result.metrics.put(m.group(1).replace("(R)", "").replace("®", ""),
                                new double[] {SpecResult.number(file, n, value, m.group(1)), n});
                    }
                    continue;
                }
                if (line.startsWith("Tested with ")) {
                    result.tags.put("SPEC CPU version", line.replaceAll(".*\\s(v[\\d.]+)\\.?$", "$1"));
                    continue;
                }
                if (table && !result.metrics.isEmpty() && (m = FIELD.matcher(line)).matches()
                        && raw.indexOf(':') < 24) {
                    lastField = m.group(1);
                    result.environment.put(lastField, m.group(2).strip());
                } else if (lastField != null && raw.startsWith("                    ")) {
                    result.environment.merge(lastField, line, (a, b) -> a + " " + b);
                } else if (!table) {
                    for (String part : line.split("\\s{2,}")) {
                        int colon = part.indexOf(": ");
                        if (colon > 0) {
                            result.tags.put(part.substring(0, colon).strip(), part.substring(colon + 2).strip());
                        }
                    }
                }
            }
        }
        if (lastLine == 0) {
            throw ImportException.whole(file, "the file is empty");
        }
        if (!sawTitle) {
            throw ImportException.atLine(file, lastLine, "no 'SPEC CPU(R)2017 ... Result' title");
        }
        if (!table) {
            throw ImportException.atLine(file, lastLine, "no results table ('Benchmarks  Copies  Run Time ...'); "
                    + "the file looks truncated");
        }
        if (result.metrics.isEmpty()) {
            throw ImportException.atLine(file, lastLine, "no suite metric line (SPECrate(R)2017_int_base ...) after "
                    + "the results table; the file looks truncated");
        }
        sink.addRun(result.toRun(source.fileName(), FORMAT, lastLine));
    }

    private static void row(SpecResult result, Path file, long n, String name, String rest, boolean selected)
            throws ImportException {
        Matcher g = GROUP.matcher(rest);
        int tune = 0;
        int end = 0;
        while (g.find()) {
            if (rest.substring(end, g.start()).strip().length() > 0) {
                break;
            }
            end = g.end();
            String tuning = tune == 0 ? "base" : "peak";
            String prefix = tune == 0 ? "Base " : "Peak ";
            int copies = (int) SpecResult.number(file, n, g.group(1), prefix + "Copies");
            double seconds = SpecResult.number(file, n, g.group(2), prefix + "Run Time");
            double ratio = SpecResult.number(file, n, g.group(3), prefix + "Rate");
            if (!(seconds > 0)) {
                throw ImportException.atLine(file, n, "'" + prefix + "Run Time' must be above 0, found " + seconds);
            }
            String mark = g.group(4);
            String status = mark.equals("*") || mark.equals("S") ? "S" : mark;
            SpecResult.Iteration it = new SpecResult.Iteration(copies, seconds, ratio, mark.equals("*"), status, n);
            SpecResult.Entry e = result.entry(name, tuning);
            if (selected) {
                e.selected = e.iterations.stream().filter(x -> x.selected() && x.seconds() == seconds).findFirst()
                        .orElse(it);
            } else {
                e.iterations.add(it);
            }
            tune++;
            if (tune > 1) {
                break;
            }
        }
        if (tune == 0 || rest.substring(end).strip().length() > 0) {
            throw ImportException.atLine(file, n, "expected '" + name + "  COPIES  RUN-TIME  RATIO  *' (a finite "
                    + "number >= 0 in each column, '*' or 'S' after the ratio), found '" + name + " "
                    + (rest.length() > 50 ? rest.substring(0, 50) + "…" : rest.strip()) + "'");
        }
    }
}
