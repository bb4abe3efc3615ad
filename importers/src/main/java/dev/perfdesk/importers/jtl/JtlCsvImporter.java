package dev.perfdesk.importers.jtl;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.HdrHistogram.Histogram;

import dev.perfdesk.core.bench.Benchmark;
import dev.perfdesk.core.bench.BenchmarkRun;
import dev.perfdesk.core.bench.Distribution;
import dev.perfdesk.core.bench.TimedPoints;
import dev.perfdesk.core.progress.ProgressMonitor;
import dev.perfdesk.core.spi.ImportSink;
import dev.perfdesk.importers.spi.ByteLineReader;
import dev.perfdesk.importers.spi.ImportException;
import dev.perfdesk.importers.spi.ImportSource;
import dev.perfdesk.importers.spi.Importer;

/**
 * Reads a JMeter results file (JTL) in CSV form, by the names in its header line, streaming: one benchmark per
 * sampler label, with every sample's {@code elapsed} time in milliseconds as a raw sample, a point (its
 * {@code timeStamp}, the elapsed time, and the tags {@code responseCode} and {@code success}) and an HdrHistogram.
 * {@code Latency} and {@code Connect}, when present, become secondary metrics. Fields may be quoted as JMeter quotes
 * them; the delimiter is the one the header uses.
 */
public final class JtlCsvImporter implements Importer {
    public static final String FORMAT = "jmeter-jtl-csv";
    private static final int MAX_LINE = 1 << 20;

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public String description() {
        return "JMeter JTL (CSV with a header)";
    }

    @Override
    public int detect(byte[] head) {
        int nl = 0;
        while (nl < head.length && head[nl] != '\n') {
            nl++;
        }
        String header = new String(head, 0, nl, StandardCharsets.UTF_8).strip();
        if (header.startsWith("\uFEFF")) {
            header = header.substring(1);
        }
        if (!header.startsWith("timeStamp") || header.length() < 10) {
            return 0;
        }
        List<String> names = split(header, header.charAt(9));
        return names.contains("elapsed") && names.contains("label") ? 90 : 0;
    }

    /** One label's samples while they arrive. */
    private static final class Label {
        final String name;
        final TimedPoints.Builder points = new TimedPoints.Builder();
        final Histogram histogram = new Histogram(Distribution.SIGNIFICANT_DIGITS);
        double[] elapsed = new double[64];
        double[] latency = new double[64];
        double[] connect = new double[64];
        int n;
        long failures;

        Label(String name) {
            this.name = name;
        }

        void add(long time, double e, double l, double c, Map<String, String> tags, boolean failed) {
            if (n == elapsed.length) {
                elapsed = Arrays.copyOf(elapsed, n * 2);
                latency = Arrays.copyOf(latency, n * 2);
                connect = Arrays.copyOf(connect, n * 2);
            }
            elapsed[n] = e;
            latency[n] = l;
            connect[n] = c;
            n++;
            points.add(time, e, tags);
            histogram.recordValue((long) e);
            if (failed) {
                failures++;
            }
        }
    }

    @Override
    public void read(ImportSource source, ImportSink sink, ProgressMonitor monitor)
            throws IOException, ImportException {
        Path file = source.path();
        Map<String, Label> labels = new LinkedHashMap<>();
        long first = Long.MAX_VALUE;
        try (InputStream in = source.open()) {
            ByteLineReader lines = new ByteLineReader(in, source, MAX_LINE, monitor);
            if (!lines.next()) {
                throw ImportException.whole(file, "the file is empty");
            }
            String header = text(lines).strip();
            if (header.startsWith("\uFEFF")) {
                header = header.substring(1);
            }
            if (!header.startsWith("timeStamp") || header.length() < 10) {
                throw ImportException.atLine(file, 1, "expected a JTL header line starting with 'timeStamp', found '"
                        + abbreviate(header) + "'");
            }
            char delimiter = header.charAt(9);
            List<String> names = split(header, delimiter);
            int time = names.indexOf("timeStamp");
            int elapsed = names.indexOf("elapsed");
            int label = names.indexOf("label");
            if (elapsed < 0 || label < 0) {
                throw ImportException.atLine(file, 1, "the header has no '" + (elapsed < 0 ? "elapsed" : "label")
                        + "' column; JMeter's CSV results need timeStamp, elapsed and label");
            }
            int code = names.indexOf("responseCode");
            int success = names.indexOf("success");
            int latency = names.indexOf("Latency");
            int connect = names.indexOf("Connect");
            while (lines.next()) {
                if (lines.end() == lines.start()) {
                    continue;
                }
                long lineNumber = lines.lineNumber();
                String row = text(lines);
                while (openQuote(row) && lines.next()) {
                    row = row + "\n" + text(lines);
                }
                List<String> f = split(row, delimiter);
                if (f.size() != names.size()) {
                    throw ImportException.atLine(file, lineNumber, lines.lastLineUnterminated()
                            ? "the file ends in the middle of a line; it looks truncated"
                            : "expected " + names.size() + " fields as in the header, found " + f.size());
                }
                long millis = number(file, lineNumber, "timeStamp", f.get(time));
                long ms = number(file, lineNumber, "elapsed", f.get(elapsed));
                long lat = latency < 0 ? -1 : number(file, lineNumber, "Latency", f.get(latency));
                long con = connect < 0 ? -1 : number(file, lineNumber, "Connect", f.get(connect));
                Map<String, String> tags = new LinkedHashMap<>();
                if (code >= 0) {
                    tags.put("responseCode", f.get(code));
                }
                boolean failed = false;
                if (success >= 0) {
                    tags.put("success", f.get(success));
                    failed = !f.get(success).equalsIgnoreCase("true");
                }
                first = Math.min(first, millis);
                labels.computeIfAbsent(f.get(label), Label::new).add(millis * 1_000_000L, ms, lat, con, tags, failed);
            }
            if (labels.isEmpty()) {
                throw ImportException.whole(file, "the file has a header but no samples");
            }
            List<Benchmark> benchmarks = new ArrayList<>();
            for (Label l : labels.values()) {
                double[] e = Arrays.copyOf(l.elapsed, l.n);
                benchmarks.add(Benchmark.builder(l.name).unit("ms").lowerIsBetter(true).samples(e)
                        .points(l.points.build()).distribution(new Distribution(l.histogram, "ms", 1))
                        .statistic("errors", l.failures).statistic("error rate", (double) l.failures / l.n).build());
                if (latency >= 0) {
                    benchmarks.add(Benchmark.builder(l.name).metric("Latency").unit("ms").lowerIsBetter(true)
                            .samples(Arrays.copyOf(l.latency, l.n)).build());
                }
                if (connect >= 0) {
                    benchmarks.add(Benchmark.builder(l.name).metric("Connect").unit("ms").lowerIsBetter(true)
                            .samples(Arrays.copyOf(l.connect, l.n)).build());
                }
            }
            sink.addRun(new BenchmarkRun(source.fileName(), "JMeter", FORMAT, Instant.ofEpochMilli(first), Map.of(),
                    "", "", Map.of(), benchmarks));
        } catch (java.util.zip.ZipException | java.io.EOFException e) {
            throw source.damaged(e);
        }
    }

    private static long number(Path file, long line, String column, String text) throws ImportException {
        try {
            long v = Long.parseLong(text.strip());
            if (v < 0) {
                throw ImportException.atLine(file, line, "'" + column + "' cannot be negative: " + v);
            }
            return v;
        } catch (NumberFormatException e) {
            throw ImportException.atLine(file, line, "expected a whole number of milliseconds in '" + column
                    + "', found '" + abbreviate(text) + "'");
        }
    }

    private static String text(ByteLineReader lines) {
        return new String(lines.buffer(), lines.start(), lines.end() - lines.start(), StandardCharsets.UTF_8);
    }

    private static boolean openQuote(String row) {
        boolean quoted = false;
        for (int i = 0; i < row.length(); i++) {
            if (row.charAt(i) == '"') {
                quoted = !quoted;
            }
        }
        return quoted;
    }

    /** Splits a CSV row, with fields quoted in double quotes and quotes doubled inside them. */
    static List<String> split(String row, char delimiter) {
        List<String> out = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < row.length(); i++) {
            char c = row.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < row.length() && row.charAt(i + 1) == '"') {
                    sb.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    sb.append(c);
                }
            } else if (c == '"' && sb.length() == 0) {
                quoted = true;
            } else if (c == delimiter) {
                out.add(sb.toString());
                sb.setLength(0);
            } else {
                sb.append(c);
            }
        }
        out.add(sb.toString());
        return out;
    }

    private static String abbreviate(String s) {
        String t = s.length() > 60 ? s.substring(0, 60) + "..." : s;
        return t.replaceAll("\\p{Cntrl}", "?");
    }
}
