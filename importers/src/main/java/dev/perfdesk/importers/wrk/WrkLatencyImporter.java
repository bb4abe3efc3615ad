package dev.perfdesk.importers.wrk;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.HdrHistogram.Histogram;

import dev.perfdesk.core.bench.BenchUnits;
import dev.perfdesk.core.bench.Benchmark;
import dev.perfdesk.core.bench.BenchmarkRun;
import dev.perfdesk.core.bench.Distribution;
import dev.perfdesk.core.progress.ProgressMonitor;
import dev.perfdesk.core.spi.ImportSink;
import dev.perfdesk.importers.spi.ByteLineReader;
import dev.perfdesk.importers.spi.ImportException;
import dev.perfdesk.importers.spi.Numbers;
import dev.perfdesk.importers.spi.ImportSource;
import dev.perfdesk.importers.spi.Importer;

/**
 * Reads what wrk and wrk2 print with {@code --latency}: the thread statistics of latency and requests per second,
 * the latency percentiles, and the totals. wrk2's detailed percentile spectrum (value in milliseconds, percentile,
 * total count) is turned back into an HdrHistogram: each line's new count is recorded at its value, so percentiles
 * of the result agree with wrk2's to the spectrum's precision. Latencies are kept in milliseconds (wrk prints each
 * with its own unit, {@code 985.00us} or {@code 7.90ms}); requests per second as printed ({@code 1.04k} is 1040).
 */
public final class WrkLatencyImporter implements Importer {
    public static final String FORMAT = "wrk-latency";
    private static final Pattern RUNNING = Pattern.compile("Running (\\S+) test @ (\\S+)");
    private static final Pattern THREADS = Pattern.compile("(\\d+) threads and (\\d+) connections");
    private static final Pattern STATS = Pattern.compile(
            "(Latency|Req/Sec)\\s+(\\S+)\\s+(\\S+)\\s+(\\S+)\\s+(\\S+)%");
    private static final Pattern PERCENTILE = Pattern.compile("(\\d+(?:\\.\\d+)?)%\\s+(\\S+)");
    private static final Pattern SPECTRUM = Pattern.compile(
            "(-?\\d+(?:\\.\\d+)?)\\s+(\\d+(?:\\.\\d+)?)\\s+(\\d+)\\s+(\\S+)");
    private static final Pattern TOTAL = Pattern.compile("#\\[Max\\s*=\\s*(\\S+),\\s*Total count\\s*=\\s*(\\d+)]");
    private static final Pattern REQUESTS = Pattern.compile("(\\d+) requests in (\\S+), (\\S+) read");
    private static final Pattern VALUE = Pattern.compile("(-?\\d+(?:\\.\\d+)?)([a-zA-Z]*)");

    /** The percentiles wrk's {@code --latency} distribution always prints (wrk2 prints more). */
    private static final java.util.Set<Double> WRK_PERCENTILES = java.util.Set.of(50.0, 75.0, 90.0, 99.0);

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public String description() {
        return "wrk / wrk2 --latency output";
    }

    @Override
    public int detect(byte[] head) {
        String text = new String(head, 0, Math.min(head.length, 4096), StandardCharsets.UTF_8).stripLeading();
        if (text.startsWith("Running ") && RUNNING.matcher(text).lookingAt() && text.contains("connections")) {
            return 90;
        }
        return 0;
    }

    @Override
    public void read(ImportSource source, ImportSink sink, ProgressMonitor monitor)
            throws IOException, ImportException {
        Path file = source.path();
        Map<String, String> tags = new LinkedHashMap<>();
        Benchmark.Builder latency = null;
        Benchmark.Builder perThread = null;
        Histogram spectrum = null;
        long spectrumCount = 0;
        long totalCount = -1;
        long requests = -1;
        double rate = Double.NaN;
        boolean inSpectrum = false;
        boolean percentiles = false;
        java.util.Set<Double> distributionPercentiles = new java.util.TreeSet<>();
        long distributionLine = 0;
        long lastLine = 0;
        try (InputStream in = source.open()) {
            ByteLineReader lines = new ByteLineReader(in, source, 1 << 16, monitor);
            while (lines.next()) {
                String line = new String(lines.buffer(), lines.start(), lines.end() - lines.start(),
                        StandardCharsets.UTF_8).strip();
                long n = lines.lineNumber();
                lastLine = n;
                if (n == 1) {
                    Matcher m = RUNNING.matcher(line);
                    if (!m.lookingAt()) {
                        throw ImportException.atLine(file, n, "expected 'Running DURATION test @ URL' as wrk prints it");
                    }
                    tags.put("duration", m.group(1));
                    tags.put("url", m.group(2));
                    continue;
                }
                Matcher m;
                if (line.isEmpty() || line.startsWith("Thread calibration") || line.startsWith("Thread Stats")
                        || line.startsWith("Value") || line.startsWith("----")) {
                    continue;
                }
                if ((m = THREADS.matcher(line)).matches()) {
                    tags.put("threads", m.group(1));
                    tags.put("connections", m.group(2));
                } else if ((m = STATS.matcher(line)).matches()) {
                    boolean isLatency = m.group(1).equals("Latency");
                    Benchmark.Builder b = Benchmark.builder(isLatency ? "latency" : "requests per thread")
                            .unit(isLatency ? "ms" : "req/s").lowerIsBetter(isLatency);
                    b.statistic("avg", value(file, n, m.group(2), isLatency))
                            .statistic("stdev", value(file, n, m.group(3), isLatency))
                            .statistic("max", value(file, n, m.group(4), isLatency))
                            .statistic("+/- stdev %", Numbers.finite(file, n, m.group(5), "the share in 1 stdev"));
                    if (isLatency) {
                        latency = b;
                    } else {
                        perThread = b;
                    }
                } else if (line.startsWith("Latency Distribution")) {
                    percentiles = true;
                    distributionLine = n;
                    int open = line.indexOf('(');
                    int close = line.lastIndexOf(')');
                    // "Latency Distribution (HdrHistogram - Recorded Latency)"; a ')' missing or before the '(' is
                    // no note, not a reason to stop
                    if (open >= 0 && close > open) {
                        tags.put("latency distribution", line.substring(open + 1, close));
                    }
                } else if (line.startsWith("Detailed Percentile spectrum")) {
                    inSpectrum = true;
                    percentiles = false;
                    spectrum = new Histogram(Distribution.SIGNIFICANT_DIGITS);
                } else if (inSpectrum && (m = SPECTRUM.matcher(line)).matches()) {
                    double v = Numbers.finite(file, n, m.group(1), "the latency");
                    long total = Numbers.count(file, n, m.group(3), "the total count");
                    if (v < 0) {
                        throw ImportException.atLine(file, n, "a latency cannot be negative: " + m.group(1));
                    }
                    if (total < spectrumCount) {
                        throw ImportException.atLine(file, n, "the total count goes down from " + spectrumCount
                                + " to " + total);
                    }
                    spectrum.recordValueWithCount(Distribution.toRecorded(v, 1000), total - spectrumCount);
                    spectrumCount = total;
                } else if (inSpectrum && (m = TOTAL.matcher(line)).matches()) {
                    totalCount = Numbers.count(file, n, m.group(2), "the total count");
                    inSpectrum = false;
                } else if (line.startsWith("#[")) {
                    continue;
                } else if (percentiles && (m = PERCENTILE.matcher(line)).matches()) {
                    if (latency == null) {
                        throw ImportException.atLine(file, n, "latency percentiles before the 'Latency' statistics");
                    }
                    double p = Numbers.percentile(file, n, m.group(1));
                    latency.reportedPercentile(p, value(file, n, m.group(2), true));
                    distributionPercentiles.add(p);
                    distributionLine = n;
                } else if ((m = REQUESTS.matcher(line)).matches()) {
                    requests = Numbers.count(file, n, m.group(1), "the number of requests");
                    tags.put("requests", line);
                    percentiles = false;
                } else if (line.startsWith("Requests/sec:")) {
                    rate = value(file, n, line.substring(line.indexOf(':') + 1).strip(), false);
                } else if (line.startsWith("Transfer/sec:") || line.startsWith("Socket errors:")
                        || line.startsWith("Non-2xx or 3xx responses:")) {
                    int colon = line.indexOf(':');
                    tags.put(line.substring(0, colon), line.substring(colon + 1).strip());
                } else if (inSpectrum) {
                    throw ImportException.atLine(file, n, "expected a line of the percentile spectrum (value, "
                            + "percentile, total count), found '" + abbreviate(line) + "'");
                }
            }
        } catch (java.util.zip.ZipException | java.io.EOFException e) {
            throw source.damaged(e);
        }
        if (inSpectrum) {
            throw ImportException.atLine(file, lastLine, "the percentile spectrum ends early (no '#[Max = ..., Total "
                    + "count = ...]' line); the output looks cut short");
        }
        if (latency == null) {
            throw ImportException.atLine(file, Math.max(1, lastLine), "found no 'Latency' thread statistics; "
                    + "expected the output of wrk or wrk2 run with --latency");
        }
        if (distributionLine > 0 && !distributionPercentiles.containsAll(WRK_PERCENTILES)) {
            throw ImportException.atLine(file, distributionLine, "the latency distribution is cut short: it has "
                    + (distributionPercentiles.isEmpty() ? "no percentiles" : "only " + distributionPercentiles
                    .stream().map(p -> java.math.BigDecimal.valueOf(p).stripTrailingZeros().toPlainString() + "%")
                    .collect(java.util.stream.Collectors.joining(", "))) + "; wrk prints 50%, 75%, 90% and 99%");
        }
        if (Double.isNaN(rate)) {
            throw ImportException.atLine(file, Math.max(1, lastLine), "the output ends before its 'Requests/sec:' "
                    + "line; it looks cut short");
        }
        if (spectrum != null) {
            if (totalCount >= 0 && totalCount != spectrumCount) {
                throw ImportException.whole(file, "the percentile spectrum counts " + spectrumCount
                        + " requests but its footer says " + totalCount);
            }
            latency.distribution(new Distribution(spectrum, "ms", 1000));
            latency.attribute(Benchmark.DISTRIBUTION_SOURCE, Benchmark.SPECTRUM);
        }
        if (requests >= 0) {
            latency.count(spectrum != null ? spectrumCount : requests);
        }
        List<Benchmark> benchmarks = new ArrayList<>();
        benchmarks.add(latency.build());
        if (perThread != null) {
            benchmarks.add(perThread.build());
        }
        if (!Double.isNaN(rate)) {
            Benchmark.Builder b = Benchmark.builder("requests").unit("req/s").lowerIsBetter(false)
                    .statistic("rate", rate);
            if (requests >= 0) {
                b.count(requests);
            }
            benchmarks.add(b.build());
        }
        String tool = tags.containsKey("latency distribution") || spectrum != null ? "wrk2" : "wrk";
        sink.addRun(new BenchmarkRun(source.fileName(), tool, FORMAT, null, Map.of(), "", "", tags, benchmarks));
    }

    /** A value as wrk prints it: {@code 7.90ms}, {@code 985.00us}, {@code 1.04k}; latencies in milliseconds. */
    static double value(Path file, long line, String text, boolean latency) throws ImportException {
        Matcher m = VALUE.matcher(text);
        if (!m.matches()) {
            throw ImportException.atLine(file, line, "expected a number such as 7.90ms or 1.04k, found '"
                    + abbreviate(text) + "'");
        }
        double v = Numbers.finite(file, line, m.group(1), "the value");
        if (v < 0) {
            throw ImportException.atLine(file, line, "a negative value where wrk prints none: " + text);
        }
        String suffix = m.group(2);
        if (latency) {
            double ms = suffix.isEmpty() ? v : BenchUnits.convert(v, suffix, "ms");
            if (Double.isNaN(ms)) {
                throw ImportException.atLine(file, line, "unknown time unit '" + suffix + "' in '" + text + "'");
            }
            return ms;
        }
        switch (suffix.toLowerCase(Locale.ROOT)) {
            case "":
                return v;
            case "k":
                return v * 1e3;
            case "m":
                return v * 1e6;
            case "g":
                return v * 1e9;
            default:
                throw ImportException.atLine(file, line, "unknown suffix '" + suffix + "' in '" + text + "'");
        }
    }

    private static String abbreviate(String s) {
        return (s.length() > 60 ? s.substring(0, 60) + "..." : s).replaceAll("\\p{Cntrl}", "?");
    }
}
