package dev.perfdesk.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import dev.perfdesk.core.changepoint.ChangePointOptions;
import dev.perfdesk.core.changepoint.Direction;
import dev.perfdesk.core.series.ChangePointReport;
import dev.perfdesk.core.series.ChangePointReview;
import dev.perfdesk.core.series.ChangePointReviews;
import dev.perfdesk.core.series.RunHistory;
import dev.perfdesk.core.series.SeriesAnalysis;
import dev.perfdesk.core.series.SeriesChangePoint;
import dev.perfdesk.core.series.SeriesPoint;
import dev.perfdesk.core.series.SeriesSet;
import dev.perfdesk.importers.series.SeriesCsvReader;
import dev.perfdesk.importers.spi.ImportException;
import dev.perfdesk.store.Store;
import dev.perfdesk.store.StoreLocation;
import dev.perfdesk.store.StoredRun;

/**
 * {@code perfdesk changepoints FILE.csv}: the change points of each metric of a CSV table of runs, found as Apache
 * Otava finds them, listed as a table or JSON. Exits 1 when one is a regression, so a CI job can fail on it.
 */
@Command(name = "changepoints", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"List the change points of each metric in a CSV table of runs (Apache Otava's layout: a time "
                + "column, label columns such as commit, version or build link, and numeric metric columns), found "
                + "by e-divisive means with significance testing as Otava does it.",
                "",
                "Exit codes: 0 no regression, 1 a regression was found (or the file could not be read; one line on "
                        + "stderr), 2 usage error.",
                "SERIES is a stored series set (s2, from an imported CSV table) or a benchmark's history across the "
                        + "store's runs, named as 'perfdesk show rN' names it (a unique part of the name is "
                        + "enough). Change points acknowledged or dismissed in the app do not count as regressions; a "
                        + "CSV file given by path has no reviews, so every regression in it counts."})
final class ChangepointsCommand implements Callable<Integer> {
    @Parameters(paramLabel = "SERIES|FILE.csv", description = "A stored series (s2), a benchmark's name across "
            + "stored runs, or a CSV table of runs.")
    String target;

    @Mixin
    StoreOption store;

    @Option(names = "--metric", paramLabel = "NAME",
            description = "Analyse only this metric (repeatable); of a benchmark's history, the series to analyse "
                    + "(thrpt, avgt · gc.alloc.rate.norm). Default: every numeric column.")
    List<String> metrics = new ArrayList<>();

    @Mixin
    ChangePointFlags changePoints = new ChangePointFlags();

    @Option(names = "--direction", paramLabel = "NAME=up|down",
            description = "Which way a metric gets better: up (higher is better, e.g. throughput; the default, as "
                    + "in Otava) or down (lower is better, e.g. latency). Repeatable.")
    Map<String, String> directions = new LinkedHashMap<>();

    @Option(names = "--time-column", paramLabel = "NAME",
            description = "The time column. Default: the first of time, timestamp, date, datetime.")
    String timeColumn;

    @Option(names = "--where", paramLabel = "LABEL=VALUE",
            description = "Only the runs with this label value, e.g. branch=main. Repeatable.")
    Map<String, String> where = new LinkedHashMap<>();

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (default) or json.")
    String format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!format.equals("text") && !format.equals("json")) {
            return usage(err, "--format must be text or json, not '" + format + "'");
        }
        ChangePointOptions options;
        try {
            options = changePoints.options();
        } catch (IllegalArgumentException e) {
            return usage(err, e.getMessage());
        }
        Map<String, Direction> directionOf = new LinkedHashMap<>();
        for (Map.Entry<String, String> d : directions.entrySet()) {
            Direction direction = parseDirection(d.getValue());
            if (direction == null) {
                return usage(err, "--direction " + d.getKey() + "=" + d.getValue() + ": the direction must be up "
                        + "(higher is better) or down (lower is better)");
            }
            directionOf.put(d.getKey(), direction);
        }
        SeriesSet set;
        List<String> metricNames = metrics;
        ChangePointReviews reviews = ChangePointReviews.NONE;
        boolean storeBacked = true;
        Path file = Path.of(target);
        if (target.matches("s\\d{1,18}")) {
            long id = Long.parseLong(target.substring(1));
            try (Store s = store.openForReading()) {
                if (s.findSeries(id).isEmpty()) {
                    return usage(err, "no series " + target + " in " + s.location() + "; 'perfdesk list' shows them");
                }
                set = s.loadSeries(id);
                reviews = s.reviews();
            }
        } else if (Files.isRegularFile(file)) {
            storeBacked = false;
            try {
                set = SeriesCsvReader.DEFAULT.withTimeColumn(timeColumn).readFile(file);
            } catch (ImportException e) {
                err.println(e.getMessage());
                return 1;
            }
        } else {
            if (store.location() instanceof StoreLocation.SqliteFile local && !Files.exists(local.path())) {
                return usage(err, "no file, stored series or benchmark named '" + target + "'");
            }
            List<RunHistory.RunSeries> matches;
            try (Store s = store.openForReading()) {
                List<RunHistory.IdentifiedRun> runs = new ArrayList<>();
                // the runs carrying the --where labels come from the store's label index; other --where columns
                // (tool, an environment fact) are filtered on the series below
                Map<String, String> byLabel = new LinkedHashMap<>(where);
                byLabel.keySet().retainAll(s.runs().labelValues().keySet());
                for (StoredRun r : s.listRuns(byLabel)) {
                    runs.add(new RunHistory.IdentifiedRun(ItemId.ofRun(r.id()), s.loadRun(r.id()), r.importedAt()));
                }
                matches = matching(RunHistory.of(runs), target);
                reviews = s.reviews();
            }
            if (matches.isEmpty()) {
                return usage(err, "no file, stored series or benchmark named '" + target + "'");
            }
            List<String> benchmarks = matches.stream().map(RunHistory.RunSeries::benchmark).distinct().toList();
            if (benchmarks.size() > 1) {
                return usage(err, "'" + target + "' names " + benchmarks.size() + " benchmarks; give one of: "
                        + names(benchmarks.stream().limit(12).toList()));
            }
            List<RunHistory.RunSeries> ofBenchmark = matches;
            if (matches.size() > 1 && !metrics.isEmpty()) {
                matches = matches.stream().filter(m -> metrics.contains(m.metric()) || metrics.contains(m.label()))
                        .toList();
                if (matches.size() == 1) {
                    metricNames = List.of(matches.get(0).metric());
                }
            }
            if (matches.size() != 1) {
                return usage(err, "'" + benchmarks.get(0) + "' has " + ofBenchmark.size() + " series (one per mode, "
                        + "metric and unit); choose one with --metric: " + names(ofBenchmark.stream()
                        .map(RunHistory.RunSeries::metric).toList()));
            }
            set = matches.get(0).set();
            for (Map.Entry<String, Direction> d : matches.get(0).directions().entrySet()) {
                directionOf.putIfAbsent(d.getKey(), d.getValue());
            }
        }
        for (Map.Entry<String, Direction> guessed : SeriesAnalysis.guessDirections(set).entrySet()) {
            directionOf.putIfAbsent(guessed.getKey(), guessed.getValue());
        }
        for (Map.Entry<String, String> w : where.entrySet()) {
            if (!set.attributeNames().contains(w.getKey())) {
                return usage(err, "--where " + w.getKey() + ": " + set.name() + " has no label column '" + w.getKey()
                        + "'; its labels are " + names(set.attributeNames()));
            }
            set = set.filter(w.getKey(), w.getValue());
        }
        List<String> unknown = new ArrayList<>(metricNames);
        unknown.addAll(directionOf.keySet());
        unknown.removeAll(set.metricNames());
        if (!unknown.isEmpty()) {
            return usage(err, "no metric '" + unknown.get(0) + "' in " + set.name() + "; its metrics are "
                    + names(set.metricNames()));
        }
        if (!metricNames.isEmpty()) {
            set = set.withMetrics(metricNames.stream().distinct().toList());
        }
        List<ChangePointReport> reports = SeriesAnalysis.analyze(set, options, directionOf);
        int regressions = 0;
        for (ChangePointReport r : reports) {
            regressions += r.unreviewedRegressions(reviews).size();
        }
        if (format.equals("json")) {
            out.println(json(set, options, reports, regressions, reviews, storeBacked));
        } else {
            printText(out, set, options, reports, regressions, reviews, storeBacked);
        }
        out.flush();
        return regressions > 0 ? 1 : 0;
    }

    /** The run series named exactly {@code query} (ignoring case), else those whose name contains it. */
    static List<RunHistory.RunSeries> matching(List<RunHistory.RunSeries> all, String query) {
        String q = query.toLowerCase(Locale.ROOT);
        List<RunHistory.RunSeries> exact = all.stream()
                .filter(r -> r.set().name().toLowerCase(Locale.ROOT).equals(q)).toList();
        if (!exact.isEmpty()) {
            return exact;
        }
        return all.stream().filter(r -> r.set().name().toLowerCase(Locale.ROOT).contains(q)).toList();
    }

    private int usage(PrintWriter err, String message) {
        err.println("perfdesk changepoints: " + message);
        err.flush();
        return 2;
    }

    private static Direction parseDirection(String s) {
        switch (s.toLowerCase(Locale.ROOT)) {
            case "up":
            case "higher":
                return Direction.HIGHER_IS_BETTER;
            case "down":
            case "lower":
                return Direction.LOWER_IS_BETTER;
            default:
                return null;
        }
    }

    private static String names(List<String> names) {
        return names.isEmpty() ? "(none)" : String.join(", ", names);
    }

    private static void printText(PrintWriter out, SeriesSet set, ChangePointOptions options,
                                  List<ChangePointReport> reports, int regressions, ChangePointReviews reviews,
                                  boolean storeBacked) {
        out.printf(Locale.ROOT, "%s: %d runs; window %d, max p-value %s, min magnitude %s%n", set.name(), set.size(),
                options.windowLength(), number(options.maxPValue()), number(options.minMagnitude()));
        for (ChangePointReport report : reports) {
            List<SeriesChangePoint> cps = report.changePoints();
            out.printf(Locale.ROOT, "%n%s (%s): %s%n", report.series().metric(),
                    report.series().lowerIsBetter() ? "lower is better" : "higher is better",
                    cps.isEmpty() ? "no change points" : cps.size() + (cps.size() == 1 ? " change point" : " change "
                            + "points"));
            if (cps.isEmpty()) {
                continue;
            }
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"INDEX", "TIME", "RUN AFTER", "BEFORE", "AFTER", "CHANGE", "P-VALUE", ""});
            for (SeriesChangePoint cp : cps) {
                rows.add(new String[] {
                    String.valueOf(cp.index()),
                    time(cp.time()),
                    labels(cp.after()),
                    number(cp.meanBefore()) + " ± " + number(cp.stddevBefore()),
                    number(cp.meanAfter()) + " ± " + number(cp.stddevAfter()),
                    String.format(Locale.ROOT, "%+.1f%%", cp.changePercent()),
                    pValue(cp.pValue()),
                    (cp.regression() ? "REGRESSION" : "improvement") + reviewNote(reviews, cp)});
            }
            printTable(out, rows);
        }
        out.println();
        out.println(regressions == 0 ? "No unreviewed regressions."
                : regressions + (regressions == 1 ? " regression" : " regressions")
                        + (storeBacked ? " not yet acknowledged or dismissed."
                        : " (a CSV file given by path has no reviews, so every regression counts)."));
    }

    private static String reviewNote(ChangePointReviews reviews, SeriesChangePoint cp) {
        ChangePointReview review = reviews.reviewOf(cp.key());
        if (review == null || !review.isReviewed()) {
            return "";
        }
        return ", " + review.status().name().toLowerCase(Locale.ROOT)
                + (review.reason().isEmpty() ? "" : ": " + review.reason());
    }

    /** Columns padded to their widest cell; INDEX, CHANGE and P-VALUE right-aligned. */
    private static void printTable(PrintWriter out, List<String[]> rows) {
        int columns = rows.get(0).length;
        int[] width = new int[columns];
        for (String[] row : rows) {
            for (int c = 0; c < columns; c++) {
                width[c] = Math.max(width[c], row[c].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder("  ");
            for (int c = 0; c < columns; c++) {
                boolean right = c == 0 || c == 5 || c == 6;
                String cell = row[c];
                String pad = " ".repeat(width[c] - cell.length());
                line.append(right ? pad + cell : cell + (c == columns - 1 ? "" : pad));
                if (c < columns - 1) {
                    line.append("  ");
                }
            }
            out.println(line.toString().stripTrailing());
        }
    }

    /** The run's short label, with its other labels in brackets: {@code aaa6 (build=https://ci/6)}. */
    private static String labels(SeriesPoint run) {
        String label = run.label();
        if (label.isEmpty()) {
            return "-";
        }
        StringBuilder sb = new StringBuilder(label);
        List<String> others = new ArrayList<>();
        run.attributes().forEach((k, v) -> {
            if (!v.equals(label)) {
                others.add(k + "=" + v);
            }
        });
        if (!others.isEmpty()) {
            sb.append(" (").append(String.join(", ", others)).append(')');
        }
        return sb.toString();
    }

    /** Three significant digits; a p-value too small for a double (0) shows as {@code <1e-300}. */
    static String pValue(double p) {
        return p == 0 ? "<1e-300" : String.format(Locale.ROOT, "%.3g", p);
    }

    static String time(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis).toString();
    }

    /** Six significant digits, plain notation, no trailing zeros: 148889, 10.48, 0.0707107. */
    static String number(double v) {
        if (!Double.isFinite(v)) {
            return String.valueOf(v);
        }
        if (v == 0) {
            return "0";
        }
        BigDecimal d = new BigDecimal(v).round(new MathContext(6)).stripTrailingZeros();
        return Math.abs(v) >= 1e-4 && Math.abs(v) < 1e15 ? d.toPlainString() : d.toString();
    }

    private static String json(SeriesSet set, ChangePointOptions options, List<ChangePointReport> reports,
                               int regressions, ChangePointReviews reviews, boolean storeBacked) throws IOException {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("file", set.name());
        root.put("runs", set.size());
        ObjectNode o = root.putObject("options");
        o.put("window", options.windowLength());
        o.put("maxPValue", options.maxPValue());
        o.put("minMagnitude", options.minMagnitude());
        ArrayNode metricsNode = root.putArray("metrics");
        for (ChangePointReport report : reports) {
            ObjectNode m = metricsNode.addObject();
            m.put("metric", report.series().metric());
            m.put("direction", report.series().lowerIsBetter() ? "down" : "up");
            ArrayNode cps = m.putArray("changePoints");
            for (SeriesChangePoint cp : report.changePoints()) {
                ObjectNode c = cps.addObject();
                c.put("index", cp.index());
                c.put("time", time(cp.time()));
                c.put("timeMillis", cp.time());
                putNumber(c, "meanBefore", cp.meanBefore());
                putNumber(c, "stddevBefore", cp.stddevBefore());
                putNumber(c, "meanAfter", cp.meanAfter());
                putNumber(c, "stddevAfter", cp.stddevAfter());
                putNumber(c, "changePercent", cp.changePercent());
                putNumber(c, "pValue", cp.pValue());
                c.put("regression", cp.regression());
                ChangePointReview review = reviews.reviewOf(cp.key());
                c.put("status", review == null ? "new" : review.status().name().toLowerCase(Locale.ROOT));
                if (review != null && review.isReviewed()) {
                    c.put("reason", review.reason());
                }
                run(c.putObject("before"), cp.index() - 1, cp.before());
                run(c.putObject("after"), cp.index(), cp.after());
            }
        }
        root.put("regressions", regressions);
        root.put("acknowledgements", storeBacked ? "from the store: acknowledged and dismissed change points do not "
                + "count" : "none: a CSV file given by path has no reviews, so every regression counts");
        return mapper.writeValueAsString(root);
    }

    private static void run(ObjectNode node, int index, SeriesPoint run) {
        node.put("index", index);
        node.put("time", time(run.time()));
        putNumber(node, "value", run.value());
        ObjectNode labels = node.putObject("labels");
        run.attributes().forEach(labels::put);
    }

    /** JSON has no NaN or infinity; such values are written as null. */
    private static void putNumber(ObjectNode node, String name, double v) {
        if (Double.isFinite(v)) {
            node.put(name, v);
        } else {
            node.putNull(name);
        }
    }
}
