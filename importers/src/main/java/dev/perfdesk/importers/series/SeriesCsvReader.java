package dev.perfdesk.importers.series;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import dev.perfdesk.core.series.SeriesSet;
import dev.perfdesk.core.progress.ProgressMonitor;
import dev.perfdesk.importers.spi.ByteLineReader;
import dev.perfdesk.importers.spi.ImportException;
import dev.perfdesk.importers.spi.ImportSource;

/**
 * Reads a table of runs in Apache Otava's CSV layout into a {@link SeriesSet}: a header line, then one line per run
 * with a time column, attribute columns (commit, version, build link, ...) and metric columns (numbers).
 *
 * <pre>
 * time,commit,build,throughput,p99
 * 2024-01-01T03:00:00Z,aaa0,https://ci.example/1,154023,10.43
 * 2024.01.02 3:00:00 +0100,aaa1,"https://ci.example/2",138455,10.23
 * </pre>
 *
 * <ul>
 *   <li><b>Time.</b> The column named by {@link #withTimeColumn}, else the first of {@code time}, {@code timestamp},
 *   {@code date}, {@code datetime} (any case). ISO-8601 (no offset means UTC), Otava's
 *   {@code yyyy.MM.dd H:mm:ss Z}, or Unix time in seconds, milliseconds, microseconds or nanoseconds, told apart by
 *   the size of the first value. Stored as epoch milliseconds.</li>
 *   <li><b>Metrics and attributes.</b> Columns named by {@link #withAttributes} are attributes and those named by
 *   {@link #withMetrics} are metrics. Otherwise a column whose name looks like a label (commit, sha, hash, revision,
 *   version, branch, build, url, link, tag, run, job, host, or ending in {@code id}) is an attribute, and so is one
 *   whose first non-empty cell is not a number; the rest are metrics. An empty or {@code NaN} metric cell is a
 *   missing value; any other non-number in a metric column is an error.</li>
 *   <li><b>Syntax.</b> RFC 4180 quoting (delimiters, quotes and line breaks inside double quotes), UTF-8 with or
 *   without a byte-order mark, LF or CRLF, blank lines and {@code #} comments skipped; a header written as the last
 *   comment line, as HdrHistogram's histostat CSV has it, is found too.</li>
 * </ul>
 *
 * <p>Rows keep the file's order; the change-point analysis, like Otava's, takes them as given. Errors are
 * {@link ImportException}s that name the file and the line.
 *
 * <pre>{@code
 * SeriesSet set = SeriesCsvReader.DEFAULT.withTimeColumn("timestamp").read(Path.of("kpi.csv"));
 * }</pre>
 */
public final class SeriesCsvReader {
    /** Auto-detected time column, comma-separated, columns classified by name and content. */
    public static final SeriesCsvReader DEFAULT = new SeriesCsvReader(null, ',', Set.of(), Set.of());

    private static final List<String> TIME_NAMES = List.of("time", "timestamp", "date", "datetime");
    private static final Set<String> LABEL_NAMES = Set.of("commit", "sha", "hash", "revision", "rev", "version",
            "branch", "build", "url", "link", "tag", "run", "job", "host", "machine", "buildurl", "buildlink",
            "commitsha", "githash", "gitcommit");
    private static final long MAX_BYTES = 1L << 30;
    /** The longest line read, in bytes: a table of runs has short lines, and a longer one is damage. */
    static final int MAX_LINE = 1 << 20;

    private final String timeColumn;
    private final char delimiter;
    private final Set<String> metrics;
    private final Set<String> attributes;

    private SeriesCsvReader(String timeColumn, char delimiter, Set<String> metrics, Set<String> attributes) {
        this.timeColumn = timeColumn;
        this.delimiter = delimiter;
        this.metrics = Set.copyOf(metrics);
        this.attributes = Set.copyOf(attributes);
    }

    /** Reads {@code file} with the default settings. */
    public static SeriesSet read(Path file) throws ImportException, IOException {
        return DEFAULT.readFile(file);
    }

    /** This reader with the time column named; null to detect it. */
    public SeriesCsvReader withTimeColumn(String name) {
        return new SeriesCsvReader(name, delimiter, metrics, attributes);
    }

    /** This reader with another field delimiter, e.g. ';' or a tab. */
    public SeriesCsvReader withDelimiter(char c) {
        if (c == '"' || c == '\n' || c == '\r' || c == '#') {
            throw new IllegalArgumentException("cannot use " + c + " as the delimiter");
        }
        return new SeriesCsvReader(timeColumn, c, metrics, attributes);
    }

    /** This reader with these columns taken as metrics whatever their names. */
    public SeriesCsvReader withMetrics(Set<String> names) {
        return new SeriesCsvReader(timeColumn, delimiter, names, attributes);
    }

    /** This reader with these columns taken as attributes whatever they hold. */
    public SeriesCsvReader withAttributes(Set<String> names) {
        return new SeriesCsvReader(timeColumn, delimiter, metrics, names);
    }

    /**
     * Reads a CSV file; the set is named after the file.
     *
     * @throws ImportException naming the file and line when the content is not a series table
     * @throws IOException     when the file cannot be read
     */
    public SeriesSet readFile(Path file) throws ImportException, IOException {
        Objects.requireNonNull(file, "file");
        ImportSource source = ImportSource.of(file);
        try (InputStream in = source.open()) {
            return read(source, in, ProgressMonitor.NONE);
        } catch (java.util.zip.ZipException | java.io.EOFException e) {
            throw source.damaged(e);
        }
    }

    /**
     * Reads the decompressed content {@code in} of {@code source} line by line, holding each line to
     * {@value #MAX_LINE} bytes and the whole to 1 GiB as it goes, so a cell of 100 MB, or a small gzip that expands
     * into one, is refused at its line after a megabyte rather than read whole.
     *
     * @throws ImportException naming the file and line when the content is not a series table
     */
    public SeriesSet read(ImportSource source, InputStream in, ProgressMonitor monitor)
            throws ImportException, IOException {
        Path file = source.path();
        ByteLineReader lines = new ByteLineReader(in, source, MAX_LINE, monitor);
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        while (lines.next()) {
            int control = lines.firstControlByte(true);
            if (control >= 0) {
                int at = lines.start();
                while (lines.buffer()[at] != control) {
                    at++;
                }
                throw ImportException.atByte(file, lines.lineOffset() + at - lines.start(), String.format(
                        Locale.ROOT, "binary data (byte 0x%02x); this is not a CSV text file", control));
            }
            if ((long) text.size() + lines.end() - lines.start() + 1 > MAX_BYTES) {
                throw ImportException.atLine(file, lines.lineNumber(), "the table is larger than 1 GiB here; a "
                        + "series table is expected to be far smaller");
            }
            text.write(lines.buffer(), lines.start(), lines.end() - lines.start());
            if (!lines.lastLineUnterminated()) {
                // the line's own ending, CRLF kept: a line break inside a quoted field is part of the value
                if (lines.buffer()[lines.end()] == '\r') {
                    text.write('\r');
                }
                text.write('\n');
            }
        }
        return parse(file, decode(file, text.toByteArray()));
    }

    private static String decode(Path file, byte[] bytes) throws ImportException {
        for (int i = 0; i < bytes.length; i++) {
            if ((bytes[i] & 0xff) == 0x7f) {
                throw ImportException.atByte(file, i, "binary data (byte 0x7f); this is not a CSV text file");
            }
        }
        int skip = bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb
                && (bytes[2] & 0xff) == 0xbf ? 3 : 0;
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, skip, bytes.length - skip);
        try {
            CharBuffer chars = decoder.decode(in);
            return chars.toString();
        } catch (CharacterCodingException e) {
            throw ImportException.atByte(file, in.position(), "not UTF-8 text; save the CSV as UTF-8");
        }
    }

    private SeriesSet parse(Path file, String text) throws ImportException {
        if (text.isBlank()) {
            throw ImportException.whole(file, "the file is empty; expected a CSV header line and one line per run");
        }
        List<CsvRecords.Line> lines = CsvRecords.split(file, text, delimiter);
        int first = 0;
        while (first < lines.size() && lines.get(first).comment()) {
            first++;
        }
        if (first == lines.size()) {
            throw ImportException.whole(file, "the file holds only comments; expected a CSV header line and one "
                    + "line per run");
        }
        CsvRecords.Line headerLine = lines.get(first);
        int dataStart = first + 1;
        if (first > 0) {
            CsvRecords.Line comment = lines.get(first - 1);
            if (comment.fields().size() == headerLine.fields().size()
                    && headerLine.fields().stream().anyMatch(TimeParser::isNumber)
                    && comment.fields().stream().noneMatch(TimeParser::isNumber)) {
                headerLine = comment;
                dataStart = first;
            }
        }
        List<String> header = header(file, headerLine);
        if (header.size() == 1) {
            for (char other : new char[] {';', '\t', ',', '|'}) {
                if (other != delimiter && header.get(0).indexOf(other) >= 0) {
                    throw ImportException.atLine(file, headerLine.number(), "the header is a single column '"
                            + header.get(0) + "'; is the delimiter '" + (other == '\t' ? "\\t" : other)
                            + "' rather than '" + delimiter + "'? Name the delimiter explicitly");
                }
            }
        }
        List<CsvRecords.Line> rows = new ArrayList<>();
        for (int k = dataStart; k < lines.size(); k++) {
            CsvRecords.Line row = lines.get(k);
            if (row.comment()) {
                continue;
            }
            if (row.fields().size() != header.size()) {
                boolean last = k == lines.size() - 1;
                if (last && !row.terminated() && row.fields().size() < header.size()) {
                    throw ImportException.atLine(file, row.number(), "the file ends in the middle of a line ("
                            + row.fields().size() + " of " + header.size() + " fields); it may be cut short");
                }
                throw ImportException.atLine(file, row.number(), "this line has " + row.fields().size()
                        + " fields but the header (line " + headerLine.number() + ") has " + header.size());
            }
            rows.add(row);
        }
        if (rows.isEmpty()) {
            throw ImportException.atLine(file, headerLine.number(), "only a header, no runs; expected one line per "
                    + "run after it");
        }
        int time = timeColumn(file, header, headerLine.number());
        List<Integer> metricColumns = new ArrayList<>();
        List<Integer> attributeColumns = new ArrayList<>();
        for (int c = 0; c < header.size(); c++) {
            if (c != time) {
                (isMetric(header.get(c), c, rows) ? metricColumns : attributeColumns).add(c);
            }
        }
        for (String m : metrics) {
            if (!header.contains(m)) {
                throw ImportException.atLine(file, headerLine.number(), "no metric column named '" + m
                        + "'; the columns are " + String.join(", ", header));
            }
        }
        SeriesSet.Builder builder = SeriesSet.builder(file.getFileName().toString(),
                metricColumns.stream().map(header::get).toList(), attributeColumns.stream().map(header::get).toList());
        TimeParser times = new TimeParser();
        double[] values = new double[metricColumns.size()];
        String[] labels = new String[attributeColumns.size()];
        for (CsvRecords.Line row : rows) {
            List<String> f = row.fields();
            String cell = f.get(time);
            if (cell.isEmpty()) {
                throw ImportException.atLine(file, row.number(), "the time ('" + header.get(time) + "') is empty");
            }
            long t;
            try {
                t = times.parse(cell);
            } catch (DateTimeException | ArithmeticException e) {
                if (e.getMessage() != null && e.getMessage().startsWith("out of range")) {
                    throw ImportException.atLine(file, row.number(), "the time '" + cell + "' in column '"
                            + header.get(time) + "' is " + e.getMessage());
                }
                throw ImportException.atLine(file, row.number(), "cannot read '" + cell + "' in column '"
                        + header.get(time) + "' as a time; expected ISO-8601 (2024-01-31T09:00:00Z), Otava's "
                        + "2024.01.31 9:00:00 +0100 or Unix time");
            }
            for (int m = 0; m < values.length; m++) {
                String v = f.get(metricColumns.get(m));
                if (v.isEmpty() || v.equalsIgnoreCase("nan")) {
                    values[m] = Double.NaN;
                } else if (TimeParser.isNumber(v)) {
                    values[m] = Double.parseDouble(v);
                    if (Double.isInfinite(values[m])) {
                        throw ImportException.atLine(file, row.number(), "'" + v + "' in metric column '"
                                + header.get(metricColumns.get(m)) + "' (column " + (metricColumns.get(m) + 1)
                                + ") is too large for a number");
                    }
                } else {
                    throw ImportException.atLine(file, row.number(), "'" + v + "' in metric column '"
                            + header.get(metricColumns.get(m)) + "' is not a number");
                }
            }
            for (int a = 0; a < labels.length; a++) {
                labels[a] = f.get(attributeColumns.get(a));
            }
            builder.add(t, values, labels);
        }
        return builder.build();
    }

    private static List<String> header(Path file, CsvRecords.Line line) throws ImportException {
        List<String> names = line.fields();
        Set<String> seen = new HashSet<>();
        for (int c = 0; c < names.size(); c++) {
            if (names.get(c).isEmpty()) {
                throw ImportException.atLine(file, line.number(), "column " + (c + 1) + " of the header has no name");
            }
            if (!seen.add(names.get(c))) {
                throw ImportException.atLine(file, line.number(), "the header names column '" + names.get(c)
                        + "' twice");
            }
        }
        return names;
    }

    private int timeColumn(Path file, List<String> header, int headerLine) throws ImportException {
        if (timeColumn != null) {
            int c = header.indexOf(timeColumn);
            if (c < 0) {
                throw ImportException.atLine(file, headerLine, "no time column named '" + timeColumn
                        + "'; the columns are " + String.join(", ", header));
            }
            return c;
        }
        for (String name : TIME_NAMES) {
            for (int c = 0; c < header.size(); c++) {
                if (header.get(c).equalsIgnoreCase(name)) {
                    return c;
                }
            }
        }
        throw ImportException.atLine(file, headerLine, "no time column (time, timestamp, date or datetime); the "
                + "columns are " + String.join(", ", header) + "; name the time column explicitly");
    }

    private boolean isMetric(String name, int column, List<CsvRecords.Line> rows) {
        if (attributes.contains(name)) {
            return false;
        }
        if (metrics.contains(name)) {
            return true;
        }
        if (looksLikeLabel(name)) {
            return false;
        }
        for (CsvRecords.Line row : rows) {
            String v = row.fields().get(column);
            if (!v.isEmpty() && !v.equalsIgnoreCase("nan")) {
                return TimeParser.isNumber(v);
            }
        }
        return false;
    }

    static boolean looksLikeLabel(String name) {
        String n = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        return LABEL_NAMES.contains(n) || n.endsWith("id");
    }
}
