package dev.perfdesk.importers.locust;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import dev.perfdesk.core.bench.Benchmark;
import dev.perfdesk.core.bench.BenchmarkRun;
import dev.perfdesk.core.bench.TimeSeries;
import dev.perfdesk.core.progress.ProgressMonitor;
import dev.perfdesk.core.spi.ImportSink;
import dev.perfdesk.importers.spi.ImportException;
import dev.perfdesk.importers.spi.ImportSource;
import dev.perfdesk.importers.spi.Importer;

/**
 * Reads Locust's {@code --csv PREFIX} results: a run per {@code PREFIX_stats.csv}, with its siblings
 * {@code PREFIX_stats_history.csv}, {@code PREFIX_failures.csv} and {@code PREFIX_exceptions.csv} read too when they
 * sit beside it. Columns are found by the names in each header, so the 2.x versions (whose column sets differ) read
 * alike.
 *
 * <p>Per endpoint (Type and Name, {@code GET /api/items}) and for the {@code Aggregated} row: a latency benchmark in
 * milliseconds with the request and failure counts, Locust's median, average, min and max, and its percentiles
 * ({@code 50%} .. {@code 100%}) kept as <em>reported</em> percentiles: Locust computes them from its own rounded
 * response-time buckets, so they are integers ("147 becomes 150") and Perfdesk shows them as Locust printed them
 * rather than recomputing anything; and a {@code requests/s} benchmark with Locust's rate. The history becomes
 * series over time ({@link TimeSeries#LOCUST_HISTORY}) per endpoint: requests/s, failures/s, p50, p95 and p99, and
 * the user count. Failures and exceptions are listed in the run's tags and, per endpoint, in its attributes.
 *
 * <p>Each sibling file imported alone is refused with a sentence naming the stats file to import instead.
 */
public final class LocustImporter implements Importer {
    public static final String FORMAT = "locust-csv";
    /** The tag attribute that marks the {@code Aggregated} row's benchmarks. */
    public static final String AGGREGATE = "aggregate";
    /** The metric of the requests-per-second benchmarks. */
    public static final String RPS = "requests/s";

    private static final String STATS_HEAD = "Type,Name,Request Count,Failure Count";
    private static final String HISTORY_HEAD = "Timestamp,User Count,Type,Name";
    private static final String FAILURES_HEAD = "Method,Name,Error,Occurrences";
    private static final String EXCEPTIONS_HEAD = "Count,Message,Traceback,Nodes";
    private static final Pattern PERCENTILE = Pattern.compile("(\\d+(?:\\.\\d+)?)%");
    private static final double[] HISTORY_PERCENTILES = {50, 95, 99};

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public String description() {
        return "Locust CSV results (--csv PREFIX: PREFIX_stats.csv)";
    }

    @Override
    public int detect(byte[] head) {
        return kindOf(firstLine(head)) == null ? 0 : 95;
    }

    private static String firstLine(byte[] head) {
        int nl = 0;
        while (nl < head.length && head[nl] != '\n' && head[nl] != '\r') {
            nl++;
        }
        String line = new String(head, 0, nl, StandardCharsets.UTF_8);
        return line.startsWith("\uFEFF") ? line.substring(1) : line;
    }

    /** Which of Locust's files a header line is: stats, history, failures or exceptions; null for none. */
    static String kindOf(String header) {
        if (header.startsWith(STATS_HEAD)) {
            return "stats";
        }
        if (header.startsWith(HISTORY_HEAD)) {
            return "stats history";
        }
        if (header.startsWith(FAILURES_HEAD)) {
            return "failures";
        }
        if (header.equals(EXCEPTIONS_HEAD)) {
            return "exceptions";
        }
        return null;
    }

    /**
     * Whether {@code file} is one of the files a Locust stats file reads beside it ({@code _stats_history.csv},
     * {@code _failures.csv}, {@code _exceptions.csv}) and that stats file exists, so a folder import reads it
     * through the stats file and not on its own.
     */
    public static boolean isCompanionOfStats(Path file) {
        Path stats = statsFileOf(file);
        return stats != null && Files.isRegularFile(stats);
    }

    private static Path statsFileOf(Path file) {
        String name = String.valueOf(file.getFileName());
        for (String suffix : new String[] {"_stats_history.csv", "_failures.csv", "_exceptions.csv"}) {
            if (name.endsWith(suffix) && name.length() > suffix.length()) {
                return file.resolveSibling(name.substring(0, name.length() - suffix.length()) + "_stats.csv");
            }
        }
        return null;
    }

    @Override
    public void read(ImportSource source, ImportSink sink, ProgressMonitor monitor)
            throws IOException, ImportException {
        Path file = source.path();
        List<Benchmark> latency = new ArrayList<>();
        List<Benchmark> rates = new ArrayList<>();
        try (LocustCsv csv = new LocustCsv(source, monitor)) {
            LocustCsv.Row header = csv.next();
            if (header == null) {
                throw ImportException.whole(file, "the file is empty");
            }
            String headerText = String.join(",", header.fields());
            String kind = kindOf(headerText);
            if (kind == null) {
                throw ImportException.atLine(file, header.line(), "expected Locust's stats header starting with '"
                        + STATS_HEAD + "', found '" + abbreviate(headerText) + "'");
            }
            if (!kind.equals("stats")) {
                Path stats = statsFileOf(file);
                throw ImportException.whole(file, "this is Locust's " + kind + " file; import the run's "
                        + (stats == null ? "PREFIX_stats.csv" : stats.getFileName().toString())
                        + ", which reads it with the other files");
            }
            Columns c = new Columns(file, header);
            int type = c.required("Type");
            int name = c.required("Name");
            int requests = c.required("Request Count");
            int failures = c.required("Failure Count");
            int median = c.required("Median Response Time");
            int average = c.required("Average Response Time");
            int min = c.required("Min Response Time");
            int max = c.required("Max Response Time");
            int rps = c.required("Requests/s");
            int failRps = c.optional("Failures/s");
            int size = c.optional("Average Content Size");
            Map<Integer, Double> percentiles = c.percentiles();
            LocustCsv.Row row;
            while ((row = csv.next()) != null) {
                c.checkWidth(row, csv.lastLineUnterminated());
                boolean aggregate = row.get(type).isEmpty() && row.get(name).equals("Aggregated");
                String title = endpoint(row.get(type), row.get(name));
                long n = c.count(row, requests);
                Benchmark.Builder b = Benchmark.builder(title).unit("ms").lowerIsBetter(true).count(n)
                        .statistic("requests", n).statistic("failures", c.count(row, failures))
                        .statistic("median", c.number(row, median, true))
                        .statistic("mean", c.number(row, average, true))
                        .statistic("min", c.number(row, min, true))
                        .statistic("max", c.number(row, max, true));
                if (size >= 0) {
                    b.statistic("average content size", c.number(row, size, true));
                }
                for (Map.Entry<Integer, Double> p : percentiles.entrySet()) {
                    double v = c.number(row, p.getKey(), true);
                    if (!Double.isNaN(v)) {
                        b.reportedPercentile(p.getValue(), v);
                    }
                }
                Benchmark.Builder r = Benchmark.builder(title).metric(RPS).unit("req/s").lowerIsBetter(false)
                        .count(n).statistic("rate", c.number(row, rps, false));
                if (failRps >= 0) {
                    r.statistic("failures/s", c.number(row, failRps, false));
                }
                if (!row.get(type).isEmpty()) {
                    b.attribute("method", row.get(type));
                    r.attribute("method", row.get(type));
                }
                if (aggregate) {
                    b.attribute(AGGREGATE, "true");
                    r.attribute(AGGREGATE, "true");
                }
                latency.add(b.build());
                rates.add(r.build());
            }
            if (latency.isEmpty()) {
                throw ImportException.whole(file, "the file has a header but no rows: Locust wrote no statistics");
            }
        } catch (java.util.zip.ZipException | java.io.EOFException e) {
            throw source.damaged(e);
        }
        String prefix = prefixOf(file);
        Map<String, String> tags = new LinkedHashMap<>();
        Map<String, Map<String, String>> failuresByEndpoint = new LinkedHashMap<>();
        List<TimeSeries> series = List.of();
        Instant start = null;
        if (prefix != null) {
            Path failures = file.resolveSibling(prefix + "_failures.csv");
            if (Files.isRegularFile(failures)) {
                readFailures(failures, tags, failuresByEndpoint, monitor);
            }
            Path exceptions = file.resolveSibling(prefix + "_exceptions.csv");
            if (Files.isRegularFile(exceptions)) {
                readExceptions(exceptions, tags, monitor);
            }
            Path history = file.resolveSibling(prefix + "_stats_history.csv");
            if (Files.isRegularFile(history)) {
                LocustHistory h = LocustHistory.read(ImportSource.of(history), HISTORY_PERCENTILES, monitor);
                series = h.series();
                start = h.start();
                if (h.fullHistory()) {
                    tags.put("history percentiles", "over Locust's last 10 s window (--csv-full-history)");
                } else {
                    tags.put("history percentiles", "since the start of the run");
                }
            }
        }
        List<Benchmark> benchmarks = new ArrayList<>();
        for (int i = 0; i < latency.size(); i++) {
            Benchmark b = latency.get(i);
            Map<String, String> failed = failuresByEndpoint.get(b.name());
            if (failed != null) {
                Benchmark.Builder with = b.toBuilder();
                failed.forEach((error, count) -> with.attribute("failure " + error, count));
                b = with.build();
            }
            benchmarks.add(b);
            benchmarks.add(rates.get(i));
        }
        String runName = source.fileName();
        sink.addRun(new BenchmarkRun(runName, "Locust", FORMAT, start, Map.of(), "", "", tags, benchmarks, series));
    }

    private static String prefixOf(Path file) {
        String name = String.valueOf(file.getFileName());
        return name.endsWith("_stats.csv") ? name.substring(0, name.length() - "_stats.csv".length()) : null;
    }

    /** {@code GET /api/items}, or the name alone for the Aggregated row and rows without a type. */
    static String endpoint(String type, String name) {
        return type.isEmpty() ? name : type + " " + name;
    }

    private static void readFailures(Path file, Map<String, String> tags, Map<String, Map<String, String>> byEndpoint,
                                     ProgressMonitor monitor) throws IOException, ImportException {
        try (LocustCsv csv = new LocustCsv(ImportSource.of(file), monitor)) {
            LocustCsv.Row header = csv.next();
            if (header == null) {
                return;
            }
            if (!String.join(",", header.fields()).startsWith(FAILURES_HEAD)) {
                throw ImportException.atLine(file, header.line(), "expected Locust's failures header '"
                        + FAILURES_HEAD + "', found '" + abbreviate(String.join(",", header.fields())) + "'");
            }
            Columns c = new Columns(file, header);
            int method = c.required("Method");
            int name = c.required("Name");
            int error = c.required("Error");
            int occurrences = c.required("Occurrences");
            LocustCsv.Row row;
            int i = 0;
            while ((row = csv.next()) != null) {
                c.checkWidth(row, csv.lastLineUnterminated());
                long n = c.count(row, occurrences);
                String endpoint = endpoint(row.get(method), row.get(name));
                tags.put("failure " + (++i), n + " × " + endpoint + ": " + row.get(error));
                byEndpoint.computeIfAbsent(endpoint, k -> new LinkedHashMap<>()).put(row.get(error), Long.toString(n));
            }
        }
    }

    private static void readExceptions(Path file, Map<String, String> tags, ProgressMonitor monitor)
            throws IOException, ImportException {
        try (LocustCsv csv = new LocustCsv(ImportSource.of(file), monitor)) {
            LocustCsv.Row header = csv.next();
            if (header == null) {
                return;
            }
            if (!String.join(",", header.fields()).equals(EXCEPTIONS_HEAD)) {
                throw ImportException.atLine(file, header.line(), "expected Locust's exceptions header '"
                        + EXCEPTIONS_HEAD + "', found '" + abbreviate(String.join(",", header.fields())) + "'");
            }
            Columns c = new Columns(file, header);
            LocustCsv.Row row;
            int i = 0;
            while ((row = csv.next()) != null) {
                c.checkWidth(row, csv.lastLineUnterminated());
                tags.put("exception " + (++i), c.count(row, 0) + " × " + row.get(1)
                        + (row.get(3).isEmpty() ? "" : " (on " + row.get(3) + ")"));
            }
        }
    }

    static String abbreviate(String s) {
        String t = s.length() > 60 ? s.substring(0, 60) + "..." : s;
        return t.replaceAll("\\p{Cntrl}", "?");
    }

    /** A header's columns by name, and the checked reading of numbers in rows. */
    static final class Columns {
        private final Path file;
        private final LocustCsv.Row header;
        private final List<String> names;

        Columns(Path file, LocustCsv.Row header) {
            this.file = file;
            this.header = header;
            this.names = header.fields();
        }

        int required(String name) throws ImportException {
            int i = names.indexOf(name);
            if (i < 0) {
                throw ImportException.atLine(file, header.line(), "the header has no '" + name + "' column");
            }
            return i;
        }

        int optional(String name) {
            return names.indexOf(name);
        }

        /** The percentile columns ({@code 50%} .. {@code 100%}) by index, with their percentile. */
        Map<Integer, Double> percentiles() {
            Map<Integer, Double> out = new LinkedHashMap<>();
            for (int i = 0; i < names.size(); i++) {
                var m = PERCENTILE.matcher(names.get(i));
                if (m.matches()) {
                    out.put(i, Double.parseDouble(m.group(1)));
                }
            }
            return out;
        }

        void checkWidth(LocustCsv.Row row, boolean unterminated) throws ImportException {
            if (row.fields().size() != names.size()) {
                throw ImportException.atLine(file, row.line(), unterminated
                        ? "the file ends in the middle of a line; it looks truncated"
                        : "expected " + names.size() + " fields as in the header, found " + row.fields().size());
            }
        }

        String name(int column) {
            return names.get(column);
        }

        /**
         * A number >= 0 in {@code column}; {@code N/A} (Locust's "no requests yet") is NaN when {@code naAllowed}.
         * NaN and infinities written out ({@code nan}, {@code inf}) are refused: Locust writes none.
         */
        double number(LocustCsv.Row row, int column, boolean naAllowed) throws ImportException {
            String text = row.get(column).strip();
            if (naAllowed && text.equals("N/A")) {
                return Double.NaN;
            }
            String lower = text.toLowerCase(Locale.ROOT);
            if (lower.matches("[+-]?(nan|inf|infinity)")) {
                throw ImportException.atLine(file, row.line(), "'" + names.get(column)
                        + "' must be a finite number >= 0, found '" + abbreviate(text) + "'");
            }
            double v;
            try {
                v = Double.parseDouble(text);
            } catch (NumberFormatException e) {
                throw ImportException.atLine(file, row.line(), "expected a number in '" + names.get(column)
                        + "', found '" + abbreviate(text) + "'");
            }
            if (!Double.isFinite(v) || v < 0) {
                throw ImportException.atLine(file, row.line(), "'" + names.get(column)
                        + "' must be a finite number >= 0, found '" + abbreviate(text) + "'");
            }
            return v;
        }

        long count(LocustCsv.Row row, int column) throws ImportException {
            String text = row.get(column).strip();
            try {
                long v = Long.parseLong(text);
                if (v >= 0) {
                    return v;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw ImportException.atLine(file, row.line(), "expected a whole number >= 0 in '" + names.get(column)
                    + "', found '" + abbreviate(text) + "'");
        }
    }
}
