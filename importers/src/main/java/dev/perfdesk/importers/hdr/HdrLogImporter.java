package dev.perfdesk.importers.hdr;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;
import org.HdrHistogram.HistogramLogReader;

import dev.perfdesk.core.bench.Benchmark;
import dev.perfdesk.core.bench.BenchmarkRun;
import dev.perfdesk.core.bench.Distribution;
import dev.perfdesk.core.bench.IntervalHistograms;
import dev.perfdesk.core.progress.ProgressMonitor;
import dev.perfdesk.core.spi.ImportSink;
import dev.perfdesk.importers.spi.ImportException;
import dev.perfdesk.importers.spi.ImportSource;
import dev.perfdesk.importers.spi.Importer;

/**
 * Reads an HdrHistogram interval log ({@code .hlog}, as jHiccup, wrk2's and HdrHistogram's own
 * {@code HistogramLogWriter} write it) with HdrHistogram's {@link HistogramLogReader}. One benchmark per tag (the
 * untagged intervals first) keeps every interval histogram of that tag with its start and end
 * ({@link IntervalHistograms}: non-zero buckets only, never the recorded values one by one), so percentiles over
 * time and over any time range come from the recorded values; its distribution is the sum of all its intervals, as
 * HdrHistogram's own {@code HistogramLogProcessor} adds them. Recorded values are taken to be nanoseconds, the
 * convention of jHiccup and of the log's {@code Interval_Max} column (written in milliseconds by default); values are
 * shown in milliseconds.
 */
public final class HdrLogImporter implements Importer {
    public static final String FORMAT = "hdr-log";
    private static final Pattern INTERVAL = Pattern.compile(
            "(Tag=[^,]*,)?\\d+(\\.\\d+)?,\\d+(\\.\\d+)?,\\d+(\\.\\d+)?,\\S+");
    private static final double NANOS_PER_MS = 1e6;
    /** The latest time stamp whose nanoseconds fit in a long (the year 2262). */
    private static final long MAX_MILLIS = Long.MAX_VALUE / 1_000_000L;

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public String description() {
        return "HdrHistogram interval log (.hlog)";
    }

    @Override
    public int detect(byte[] head) {
        String text = new String(head, 0, Math.min(head.length, 8192), StandardCharsets.ISO_8859_1);
        if (text.contains("#[Histogram log format version")) {
            return 95;
        }
        for (String line : text.split("\n")) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#") || l.startsWith("\"StartTimestamp\"")) {
                continue;
            }
            return INTERVAL.matcher(l).matches() && l.contains(",HIST") ? 80 : 0;
        }
        return 0;
    }

    /** One tag's intervals while they arrive. */
    private static final class Series {
        final String tag;
        final IntervalHistograms.Builder intervals = new IntervalHistograms.Builder("ms", NANOS_PER_MS);

        Series(String tag) {
            this.tag = tag;
        }
    }

    @Override
    public void read(ImportSource source, ImportSink sink, ProgressMonitor monitor)
            throws IOException, ImportException {
        Path file = source.path();
        Map<String, Series> series = new LinkedHashMap<>();
        int read = 0;
        Instant start;
        try (CheckedLines in = new CheckedLines(source.open(), file)) {
            HistogramLogReader reader = new HistogramLogReader(in);
            while (true) {
                monitor.checkCancelled();
                EncodableHistogram h;
                try {
                    h = reader.nextIntervalHistogram();
                } catch (RuntimeException e) {
                    if (in.problem() != null) {
                        throw in.problem();
                    }
                    throw failure(source, read, e);
                }
                if (in.problem() != null) {
                    throw in.problem();
                }
                if (h == null) {
                    break;
                }
                if (!(h instanceof Histogram)) {
                    throw ImportException.atLine(file, intervalLine(source, read), "this interval holds a "
                            + h.getClass().getSimpleName() + "; Perfdesk reads integer-valued histograms only");
                }
                read++;
                Histogram interval = (Histogram) h;
                String tag = interval.getTag() == null ? "" : interval.getTag();
                long startMillis = interval.getStartTimeStamp();
                long endMillis = Math.max(startMillis, interval.getEndTimeStamp());
                if (startMillis < 0 || endMillis > MAX_MILLIS) {
                    throw ImportException.atLine(file, intervalLine(source, read - 1), "the interval's time stamp "
                            + "is out of range (" + startMillis + " to " + endMillis + " ms since the epoch)");
                }
                if (!countsAgree(interval)) {
                    throw ImportException.atLine(file, intervalLine(source, read - 1), "the interval's histogram "
                            + "is damaged: its buckets do not add up to its total count of "
                            + interval.getTotalCount());
                }
                series.computeIfAbsent(tag, Series::new).intervals.add(startMillis * 1_000_000L,
                        endMillis * 1_000_000L, interval);
                if ((read & 1023) == 0) {
                    monitor.progress(source.rawBytesRead(), source.size());
                }
            }
            double startSec = reader.getStartTimeSec();
            start = startSec > 0 ? Instant.ofEpochMilli((long) (startSec * 1000)) : null;
        } catch (java.util.zip.ZipException | java.io.EOFException e) {
            throw source.damaged(e);
        }
        if (read == 0) {
            throw ImportException.whole(file, "the log has no interval histograms");
        }
        List<Benchmark> benchmarks = new ArrayList<>();
        for (Series s : series.values()) {
            IntervalHistograms intervals = s.intervals.build();
            Distribution total = intervals.distribution(null);
            Benchmark.Builder b = Benchmark.builder("latency").unit("ms").lowerIsBetter(true)
                    .distribution(total).intervals(intervals)
                    .attribute("intervals", Integer.toString(intervals.size()));
            if (!s.tag.isEmpty()) {
                b.param("tag", s.tag);
            }
            if (total.totalCount() > 0) {
                b.statistic("mean", total.mean()).statistic("max", total.max());
            }
            benchmarks.add(b.build());
        }
        sink.addRun(new BenchmarkRun(source.fileName(), "HdrHistogram", FORMAT, start, Map.of(), "", "",
                header(source), benchmarks));
    }

    /**
     * Whether a decoded interval is whole: a line cut or damaged inside its compressed payload can still decode into
     * a histogram whose total count disagrees with its buckets (HdrHistogram's iterators then fail half-way).
     */
    static boolean countsAgree(Histogram histogram) {
        long sum = 0;
        try {
            for (HistogramIterationValue v : histogram.recordedValues()) {
                long count = v.getCountAddedInThisIterationStep();
                if (count < 0) {
                    return false;
                }
                sum = Math.addExact(sum, count);
            }
        } catch (RuntimeException e) {
            return false;
        }
        return sum == histogram.getTotalCount();
    }

    private static ImportException failure(ImportSource source, int read, RuntimeException e) throws IOException {
        // HdrHistogram's own text (an index out of bounds, a zlib complaint, "no valid cookie found") is no sentence
        // for users; the cause keeps it for whoever debugs.
        String message = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
        String why = message.contains("cookie") ? "the base64 text is not an encoded HdrHistogram"
                : e instanceof NumberFormatException ? "a number in it is not valid"
                : "the encoded histogram is damaged or cut";
        long line = intervalLine(source, read);
        return new ImportException(source.path(), line, -1, "interval " + (read + 1) + " cannot be decoded: " + why
                + "; the log looks damaged or truncated", e);
    }

    /**
     * The log as HdrHistogram's reader should see it: empty lines dropped (the reader fails on one, "No line
     * found", and edited or concatenated logs have them), and every other line checked before the reader gets it.
     * The reader reads through a {@link java.util.Scanner}, which takes a read error for the end of the input and
     * would keep the intervals before a bad line as if they were the whole log; so a bad line is kept here as
     * {@link #problem()} and the importer refuses the file with it after the reader stops. Lines are bounded
     * ({@link #MAX_LINE} bytes), so a long line costs linear time and bounded memory.
     */
    static final class CheckedLines extends InputStream {
        /** The longest line accepted: a compressed interval histogram is a few kilobytes. */
        static final int MAX_LINE = 1 << 18;

        private final InputStream in;
        private final Path file;
        private byte[] line = new byte[256];
        private int pos;
        private int len;
        private long lineNumber;
        private ImportException problem;

        CheckedLines(InputStream in, Path file) {
            this.in = new BufferedInputStream(in, 1 << 16);
            this.file = file;
        }

        /** The first bad line's refusal, or null. */
        ImportException problem() {
            return problem;
        }

        @Override
        public int read() throws IOException {
            if (pos == len && !nextLine()) {
                return -1;
            }
            return line[pos++] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            Objects.checkFromIndexSize(offset, length, buffer.length);
            if (length == 0) {
                return 0;
            }
            if (pos == len && !nextLine()) {
                return -1;
            }
            int n = Math.min(length, len - pos);
            System.arraycopy(line, pos, buffer, offset, n);
            pos += n;
            return n;
        }

        private boolean nextLine() throws IOException {
            while (problem == null) {
                len = 0;
                pos = 0;
                int b;
                boolean any = false;
                while ((b = readByte()) >= 0) {
                    any = true;
                    if (b == '\n') {
                        break;
                    }
                    if (len == MAX_LINE) {
                        problem = ImportException.atLine(file, lineNumber + 1, "the line is longer than "
                                + MAX_LINE / 1024 + " KiB; no interval histogram is that long");
                        len = 0;
                        return false;
                    }
                    if (len == line.length) {
                        line = java.util.Arrays.copyOf(line, Math.min(MAX_LINE + 1, line.length * 2));
                    }
                    line[len++] = (byte) b;
                }
                if (!any || problem != null) {
                    len = 0;
                    return false;
                }
                lineNumber++;
                if (len > 0 && line[len - 1] == '\r') {
                    len--;
                }
                String text = new String(line, 0, len, StandardCharsets.ISO_8859_1).strip();
                if (text.isEmpty()) {
                    continue;
                }
                if (!text.startsWith("#") && !text.startsWith("\"StartTimestamp\"")
                        && !INTERVAL.matcher(text).matches()) {
                    problem = ImportException.atLine(file, lineNumber, "this is neither a comment, the column "
                            + "header nor an interval (start,length,max,HIST...): " + preview(text));
                    len = 0;
                    return false;
                }
                if (len == line.length) {
                    line = java.util.Arrays.copyOf(line, line.length + 1);
                }
                line[len++] = '\n';
                return true;
            }
            return false;
        }

        /** The next byte; a damaged gzip stream becomes {@link #problem()}, as the reader would swallow it. */
        private int readByte() throws IOException {
            try {
                return in.read();
            } catch (java.util.zip.ZipException | java.io.EOFException e) {
                problem = ImportException.atLine(file, lineNumber + 1, "the compressed data is corrupt or truncated ("
                        + e.getMessage() + ")");
                return -1;
            }
        }

        private static String preview(String text) {
            String shown = text.length() > 60 ? text.substring(0, 60) + "…" : text;
            StringBuilder sb = new StringBuilder();
            for (char c : shown.toCharArray()) {
                sb.append(c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) ? '?' : c);
            }
            return "\"" + sb + "\"";
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    /** The 1-based line of the interval after {@code before} intervals; the reader does not count lines itself. */
    private static long intervalLine(ImportSource source, int before) throws IOException {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(source.open(), StandardCharsets.UTF_8))) {
            String line;
            long n = 0;
            int seen = 0;
            while ((line = r.readLine()) != null) {
                n++;
                String l = line.strip();
                if (l.isEmpty() || l.startsWith("#") || l.startsWith("\"StartTimestamp\"")
                        || l.startsWith("StartTime")) {
                    continue;
                }
                if (seen++ == before) {
                    return n;
                }
            }
            return Math.max(1, n);
        }
    }

    /** The log's comment header lines ({@code #[Logged with jHiccup version 2.0.7]}) as run tags. */
    private static Map<String, String> header(ImportSource source) throws IOException {
        Map<String, String> tags = new LinkedHashMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(source.open(), StandardCharsets.UTF_8))) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null && n++ < 20) {
                String l = line.strip();
                if (l.startsWith("#[") && l.endsWith("]")) {
                    String body = l.substring(2, l.length() - 1);
                    int colon = body.indexOf(':');
                    if (colon > 0) {
                        tags.put(body.substring(0, colon).strip(), body.substring(colon + 1).strip());
                    } else {
                        tags.put("comment", body);
                    }
                }
            }
        }
        return tags;
    }
}
