package dev.perfdesk.importers.ghz;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.perfdesk.core.progress.ProgressMonitor;
import dev.perfdesk.core.spi.ImportSink;
import dev.perfdesk.importers.spi.ByteLineReader;
import dev.perfdesk.importers.spi.ImportException;
import dev.perfdesk.importers.spi.Numbers;
import dev.perfdesk.importers.spi.ImportSource;
import dev.perfdesk.importers.spi.Importer;

/**
 * Reads ghz's default summary text ({@code -O summary}, printer/template.go), which is also what grpc_bench keeps
 * per implementation as {@code <name>_bench.report}: the summary block, the response-time histogram, the latency
 * distribution, status codes and errors (see {@link GhzReport}). ghz prints times scaled ({@code 9876 ns},
 * {@code 0.96 ms}, {@code 60.00 s}); they are converted to nanoseconds exactly, so they print back as ghz printed
 * them. Lines before {@code Summary:} (a shell prompt with the ghz command) are kept as the run's {@code command}, and
 * its {@code --call} names the benchmark when the summary has no {@code Name:}.
 */
public final class GhzSummaryImporter implements Importer {
    public static final String FORMAT = "ghz-summary";
    private static final Pattern FIELD = Pattern.compile("^(Name|Count|Total|Slowest|Fastest|Average|Requests/sec):"
            + "\\s*(.*)$");
    private static final Pattern TIME = Pattern.compile("^(\\d+(?:\\.\\d+)?)\\s*(ns|µs|us|ms|s)$");
    private static final Pattern BUCKET = Pattern.compile("^(\\d+(?:\\.\\d+)?)\\s+\\[(\\d+)\\]\\s*\\|.*$");
    private static final Pattern PERCENTILE = Pattern.compile("^(\\d+(?:\\.\\d+)?)\\s*%\\s+in\\s+(.+)$");
    private static final Pattern STATUS = Pattern.compile("^\\[(.+?)\\]\\s+(\\d+)\\s+responses?$");
    private static final Pattern ERROR = Pattern.compile("^\\[(\\d+)\\]\\s+(.*)$");
    private static final Pattern CALL = Pattern.compile("--call[= ]\\s*['\"]?([\\w./-]+)");

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public String description() {
        return "ghz summary text (-O summary, grpc_bench's .report)";
    }

    @Override
    public int detect(byte[] head) {
        String text = new String(head, 0, Math.min(head.length, 8192), StandardCharsets.UTF_8);
        int at = text.indexOf("\nSummary:");
        if (at < 0 && text.startsWith("Summary:")) {
            at = 0;
        }
        if (at < 0) {
            return 0;
        }
        String rest = text.substring(at);
        return rest.matches("(?s)\\n?Summary:\\s*\\r?\\n(\\s+Name:[^\\n]*\\n)?\\s+Count:\\s*\\d+.*") ? 85 : 0;
    }

    @Override
    public void read(ImportSource source, ImportSink sink, ProgressMonitor monitor)
            throws IOException, ImportException {
        Path file = source.path();
        GhzReport r = new GhzReport();
        StringBuilder command = new StringBuilder();
        String section = "";
        boolean summary = false;
        long lastLine = 0;
        try (InputStream in = source.open()) {
            ByteLineReader lines = new ByteLineReader(in, source, 1 << 16, monitor);
            while (lines.next()) {
                long n = lines.lineNumber();
                lastLine = n;
                String line = new String(lines.buffer(), lines.start(), lines.end() - lines.start(),
                        StandardCharsets.UTF_8).strip();
                if (line.indexOf('\0') >= 0) {
                    throw ImportException.atLine(file, n, "binary data where ghz's summary text was expected");
                }
                if (!summary) {
                    if (line.equals("Summary:")) {
                        summary = true;
                        section = "summary";
                    } else if (!line.isEmpty()) {
                        if (n > 20) {
                            throw ImportException.atLine(file, n, "expected ghz's 'Summary:' line within the first "
                                    + "20 lines");
                        }
                        command.append(command.length() == 0 ? "" : " ").append(line.startsWith("$ ")
                                ? line.substring(2) : line);
                    }
                    continue;
                }
                if (line.isEmpty()) {
                    continue;
                }
                switch (line) {
                    case "Response time histogram:" -> section = "histogram";
                    case "Latency distribution:" -> section = "latency";
                    case "Status code distribution:" -> section = "status";
                    case "Error distribution:" -> section = "errors";
                    default -> parse(file, n, line, section, r);
                }
            }
        }
        if (!summary) {
            throw ImportException.whole(file, lastLine == 0 ? "the file is empty"
                    : "no 'Summary:' line: this is not ghz's summary text");
        }
        for (Object[] required : new Object[][] {{"Count", (double) r.count}, {"Total", r.total},
            {"Slowest", r.slowest}, {"Fastest", r.fastest}, {"Average", r.average}}) {
            if (((double) required[1]) < 0 || Double.isNaN((double) required[1])) {
                throw ImportException.atLine(file, lastLine, "the summary ends without its '" + required[0]
                        + ":' line; the file looks truncated");
            }
        }
        if (r.percentiles.isEmpty()) {
            throw ImportException.atLine(file, lastLine, "the summary has no 'Latency distribution:'; the file looks "
                    + "truncated");
        }
        if (command.length() > 0) {
            r.options.put("command", command.toString());
            Matcher call = CALL.matcher(command);
            if (call.find()) {
                r.call = call.group(1);
            }
        }
        sink.addRun(r.toRun(source.fileName(), FORMAT));
    }

    private static void parse(Path file, long n, String line, String section, GhzReport r) throws ImportException {
        Matcher m;
        switch (section) {
            case "summary" -> {
                if (!(m = FIELD.matcher(line)).matches()) {
                    throw ImportException.atLine(file, n, "expected a summary line such as 'Count: 200', found '"
                            + shorten(line) + "'");
                }
                String value = m.group(2).strip();
                switch (m.group(1)) {
                    case "Name" -> r.name = value;
                    case "Count" -> r.count = (long) number(file, n, value, "Count");
                    case "Total" -> r.total = nanos(file, n, value);
                    case "Slowest" -> r.slowest = nanos(file, n, value);
                    case "Fastest" -> r.fastest = nanos(file, n, value);
                    case "Average" -> r.average = nanos(file, n, value);
                    default -> r.rps = number(file, n, value, "Requests/sec");
                }
            }
            case "histogram" -> {
                if (!(m = BUCKET.matcher(line)).matches()) {
                    throw ImportException.atLine(file, n, "expected a histogram line 'MARK [COUNT] |∎∎', found '"
                            + shorten(line) + "'");
                }
                r.histogram.add(new double[] {Numbers.finite(file, n, m.group(1), "the histogram mark") / 1000,
                        Numbers.finite(file, n, m.group(2), "the histogram count")});
            }
            case "latency" -> {
                if (!(m = PERCENTILE.matcher(line)).matches()) {
                    throw ImportException.atLine(file, n, "expected a latency line such as '50 % in 0.99 ms', found '"
                            + shorten(line) + "'");
                }
                double p = Numbers.finite(file, n, m.group(1), "the percentage");
                if (p > 100) {
                    throw ImportException.atLine(file, n, "a percentage must be at most 100, found " + m.group(1));
                }
                r.percentiles.put(p, nanos(file, n, m.group(2).strip()));
            }
            case "status" -> {
                if (!(m = STATUS.matcher(line)).matches()) {
                    throw ImportException.atLine(file, n, "expected a status line such as '[OK]   186 responses', "
                            + "found '" + shorten(line) + "'");
                }
                r.statusCodes.put(m.group(1), Numbers.count(file, n, m.group(2), "the count of responses"));
            }
            case "errors" -> {
                if (!(m = ERROR.matcher(line)).matches()) {
                    throw ImportException.atLine(file, n, "expected an error line such as '[8]   rpc error: ...', "
                            + "found '" + shorten(line) + "'");
                }
                r.errors.merge(m.group(2).strip(), Numbers.count(file, n, m.group(1), "the count of errors"), Long::sum);
            }
            default -> throw ImportException.atLine(file, n, "unexpected line '" + shorten(line) + "'");
        }
    }

    /** A time as ghz prints it ({@code 9876 ns}, {@code 0.96 ms}, {@code 1.13 s}) in nanoseconds. */
    static double nanos(Path file, long n, String text) throws ImportException {
        Matcher m = TIME.matcher(text);
        if (!m.matches()) {
            throw ImportException.atLine(file, n, "expected a time such as '0.96 ms' (a finite number >= 0 and ns, "
                    + "ms or s), found '" + shorten(text) + "'");
        }
        BigDecimal v = new BigDecimal(m.group(1));
        BigDecimal scale = switch (m.group(2)) {
            case "ns" -> BigDecimal.ONE;
            case "µs", "us" -> BigDecimal.valueOf(1_000);
            case "ms" -> BigDecimal.valueOf(1_000_000);
            default -> BigDecimal.valueOf(1_000_000_000);
        };
        return v.multiply(scale).doubleValue();
    }

    private static double number(Path file, long n, String text, String what) throws ImportException {
        if (!text.matches("\\d+(\\.\\d+)?")) {
            throw ImportException.atLine(file, n, "'" + what + "' must be a finite number >= 0, found '"
                    + shorten(text) + "'");
        }
        return Double.parseDouble(text);
    }

    private static String shorten(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }
}
