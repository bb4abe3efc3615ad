package dev.perfdesk.core.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import dev.perfdesk.core.bench.BenchUnits;
import dev.perfdesk.core.bench.Benchmark;
import dev.perfdesk.core.bench.BenchmarkRun;
import dev.perfdesk.core.bench.BenchmarkFigures;
import dev.perfdesk.core.bench.BenchmarkStatus;
import dev.perfdesk.core.bench.TimeSeries;
import dev.perfdesk.core.stats.BenchmarkComparator;
import dev.perfdesk.core.stats.BenchmarkKey;
import dev.perfdesk.core.stats.BenchmarkResult;
import dev.perfdesk.core.stats.ComparisonOptions;
import dev.perfdesk.core.stats.ComparisonReport;
import dev.perfdesk.core.stats.BenchmarkStatistics;
import dev.perfdesk.core.stats.Comparison;
import dev.perfdesk.core.stats.ComparisonRow;
import dev.perfdesk.core.stats.Estimate;
import dev.perfdesk.core.stats.ScoreSummary;
import dev.perfdesk.core.stats.Verdict;

/**
 * A candidate benchmark run compared with its baseline, ready for a report: the statistics of every matched
 * benchmark ({@link BenchmarkComparator}), latency percentiles of both runs against optional targets, throughputs,
 * resources where the tool reports them, and the {@link OverallVerdict} with the thresholds used. Immutable.
 *
 * <pre>{@code
 * RunComparison c = RunComparison.compare("main", before, "my-branch", after, ComparisonOptions.DEFAULTS,
 *         List.of(LatencyTarget.parse("p99=20ms")));
 * String markdown = new MarkdownReportWriter().write(c);
 * int exitCode = c.verdict().verdict() == ReportVerdict.FAIL ? 1 : 0;
 * }</pre>
 */
public final class RunComparison {
    /** The percentiles of the latency table. */
    public static final double[] LATENCY_PERCENTILES = {50, 95, 99};

    private final String baselineTitle;
    private final String candidateTitle;
    private final BenchmarkRun baseline;
    private final BenchmarkRun candidate;
    private final ComparisonOptions options;
    private final List<LatencyTarget> targets;
    private final ComparisonReport report;
    private final List<BenchmarkComparison> benchmarks;
    private final List<BenchmarkKey> onlyInBaseline;
    private final List<BenchmarkKey> onlyInCandidate;
    private final List<String> notCompared;
    private final List<LatencyRow> latency;
    private final List<ResourceRow> resources;
    private final List<String> targetWarnings;
    private final OverallVerdict verdict;
    private final Map<MatchKey, Benchmark> baselineByKey;
    private final Map<MatchKey, Benchmark> candidateByKey;
    private final List<KeyNote> notComparedNotes;
    private final List<KeyNote> failedNotes;
    private final String commonPrefix;

    private RunComparison(String baselineTitle, BenchmarkRun baseline, String candidateTitle, BenchmarkRun candidate,
                          ComparisonOptions options, List<LatencyTarget> targets) {
        this.baselineTitle = Objects.requireNonNull(baselineTitle, "baselineTitle");
        this.candidateTitle = Objects.requireNonNull(candidateTitle, "candidateTitle");
        this.baseline = Objects.requireNonNull(baseline, "baseline");
        this.candidate = Objects.requireNonNull(candidate, "candidate");
        this.options = Objects.requireNonNull(options, "options");
        this.targets = List.copyOf(targets);

        Map<MatchKey, Benchmark> base = index(baseline, "baseline");
        Map<MatchKey, Benchmark> cand = index(candidate, "candidate");
        this.baselineByKey = base;
        this.candidateByKey = cand;
        List<BenchmarkResult> baseResults = new ArrayList<>();
        List<BenchmarkResult> candResults = new ArrayList<>();
        List<BenchmarkKey> onlyBase = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        List<KeyNote> skippedNotes = new ArrayList<>();
        for (Map.Entry<MatchKey, Benchmark> e : base.entrySet()) {
            Benchmark b = e.getValue();
            Benchmark c = cand.get(e.getKey());
            if (c == null) {
                onlyBase.add(b.key());
                continue;
            }
            BenchmarkResult br = b.toResult();
            BenchmarkResult cr = c.toResult();
            if (br != null && cr != null) {
                baseResults.add(br);
                candResults.add(cr);
            } else {
                String why = whyNotTested(b, br == null, c, cr == null);
                skipped.add(b.key() + " (" + why + ")");
                skippedNotes.add(new KeyNote(b.key(), why));
            }
        }
        List<BenchmarkKey> onlyCand = new ArrayList<>();
        for (Map.Entry<MatchKey, Benchmark> e : cand.entrySet()) {
            if (!base.containsKey(e.getKey())) {
                onlyCand.add(e.getValue().key());
            }
        }
        this.report = BenchmarkComparator.compare(baseResults, candResults, options);
        List<BenchmarkComparison> rows = new ArrayList<>();
        for (ComparisonRow row : report.rows()) {
            MatchKey k = new MatchKey(row.key(), row.unit());
            rows.add(new BenchmarkComparison(headlineCentres(row, base.get(k), cand.get(k), options), base.get(k),
                    cand.get(k)));
        }
        this.benchmarks = List.copyOf(rows);
        this.onlyInBaseline = List.copyOf(onlyBase);
        this.onlyInCandidate = List.copyOf(onlyCand);
        this.notCompared = List.copyOf(skipped);
        this.notComparedNotes = List.copyOf(skippedNotes);
        this.commonPrefix = commonPrefix(base, cand);

        List<String> unusedTargets = new ArrayList<>();
        this.latency = List.copyOf(latencyRows(base, cand, unusedTargets));
        this.targetWarnings = List.copyOf(unusedTargets);
        this.resources = List.copyOf(resourceRows(base, cand));
        OverallVerdict v = OverallVerdict.evaluate(primary(), latency, onlyInBaseline, onlyInCandidate, notCompared,
                options);
        List<String> warnings = new ArrayList<>(v.warnings());
        warnings.addAll(targetWarnings);
        this.failedNotes = List.copyOf(failedNotes(base, cand));
        warnings.addAll(failedInCandidate(failedNotes));
        ReportVerdict overall = v.verdict() == ReportVerdict.PASS && !warnings.isEmpty()
                ? ReportVerdict.PASS_WITH_WARNING : v.verdict();
        this.verdict = new OverallVerdict(overall, v.failures(), warnings);
    }

    /**
     * Compares {@code candidate} with {@code baseline}.
     *
     * @param baselineTitle  how reports name the baseline, such as {@code main (r3)}
     * @param candidateTitle how reports name the candidate
     * @param targets        latency targets the candidate must meet; empty for none
     * @throws IllegalArgumentException if a run holds the same benchmark twice in one unit
     */
    public static RunComparison compare(String baselineTitle, BenchmarkRun baseline, String candidateTitle,
                                        BenchmarkRun candidate, ComparisonOptions options,
                                        List<LatencyTarget> targets) {
        return new RunComparison(baselineTitle, baseline, candidateTitle, candidate, options, targets);
    }

    /** Compares the runs under their own names, without targets. */
    public static RunComparison compare(BenchmarkRun baseline, BenchmarkRun candidate, ComparisonOptions options) {
        return compare(baseline.name(), baseline, candidate.name(), candidate, options, List.of());
    }

    /** The same runs compared with other thresholds. */
    public RunComparison withOptions(ComparisonOptions newOptions) {
        return new RunComparison(baselineTitle, baseline, candidateTitle, candidate, newOptions, targets);
    }

    /** How reports name the baseline. */
    public String baselineTitle() {
        return baselineTitle;
    }

    /** How reports name the candidate. */
    public String candidateTitle() {
        return candidateTitle;
    }

    /** The baseline run. */
    public BenchmarkRun baseline() {
        return baseline;
    }

    /** The candidate run. */
    public BenchmarkRun candidate() {
        return candidate;
    }

    /** The thresholds: alpha, noise threshold, confidence level, U test mode. */
    public ComparisonOptions options() {
        return options;
    }

    /** The latency targets given. */
    public List<LatencyTarget> targets() {
        return targets;
    }

    /** The statistics as {@link BenchmarkComparator} reports them, with the geometric means. */
    public ComparisonReport report() {
        return report;
    }

    /** Every benchmark compared, in the baseline's order. */
    public List<BenchmarkComparison> benchmarks() {
        return benchmarks;
    }

    /**
     * The compared metrics counts, geometric means and the verdict are over: the primary metrics (a JMH score, a
     * Go benchmark's ns/op), or every metric when {@link ComparisonOptions#allMetrics()} is set. Baseline order.
     */
    public List<BenchmarkComparison> primary() {
        return options.allMetrics() ? benchmarks
                : benchmarks.stream().filter(b -> Benchmark.PRIMARY.equals(b.baseline().metric())).toList();
    }

    /** The compared secondary metrics (JMH's {@code gc.*} and the like) kept apart; empty with all metrics. */
    public List<BenchmarkComparison> secondary() {
        return options.allMetrics() ? List.of()
                : benchmarks.stream().filter(b -> !Benchmark.PRIMARY.equals(b.baseline().metric())).toList();
    }

    /** {@link #primary()} in report order. */
    public List<BenchmarkComparison> primaryInReportOrder() {
        return inReportOrder(primary());
    }

    /** {@link #secondary()} in report order. */
    public List<BenchmarkComparison> secondaryInReportOrder() {
        return inReportOrder(secondary());
    }

    /**
     * The geometric mean of candidate / baseline over {@link #primary()}, one per unit and direction (plain times in
     * different units count as one unit, {@code time}), in the order the units first appear.
     */
    public List<UnitGeomean> geomeans() {
        Map<String, List<BenchmarkComparison>> groups = new LinkedHashMap<>();
        for (BenchmarkComparison b : primary()) {
            // ratios are free of units, so times in ns and in s share one mean, as compare.py's does
            String dimension = BenchUnits.isTime(b.unit()) ? "time" : b.unit();
            groups.computeIfAbsent(dimension + '\u0000' + b.lowerIsBetter(), k -> new ArrayList<>()).add(b);
        }
        List<UnitGeomean> out = new ArrayList<>();
        for (List<BenchmarkComparison> g : groups.values()) {
            double r = BenchmarkStatistics.geometricMean(g.stream().mapToDouble(b -> b.comparison().ratio()).toArray());
            boolean oneUnit = g.stream().map(BenchmarkComparison::unit).distinct().count() == 1;
            out.add(new UnitGeomean(oneUnit ? g.get(0).unit() : "time", g.get(0).lowerIsBetter(), g.size(), r));
        }
        return out;
    }

    /**
     * compare.py's {@code OVERALL_GEOMEAN}, for parity with Google Benchmark's tools: the change between the runs'
     * geometric means of all their real and cpu times, matched or not. Not the geomean Perfdesk reports
     * ({@link #geomeans()}); {@link ComparePyGeomean} says why they differ. Empty when a run has no time values.
     */
    public java.util.Optional<ComparePyGeomean> comparePyStyleGeomean() {
        return ComparePyGeomean.of(baseline, candidate);
    }

    /**
     * The geometric mean over {@link #primary()} of each ratio oriented so that above 1 is better (baseline /
     * candidate where lower is better, candidate / baseline where higher is); NaN when there is none or a ratio
     * could not be computed.
     */
    public double geomeanSpeedup() {
        return BenchmarkStatistics.geometricMean(primary().stream().mapToDouble(b -> b.lowerIsBetter()
                ? 1 / b.comparison().ratio() : b.comparison().ratio()).toArray());
    }

    /**
     * The one-line summary every output shows after the verdict, the same in the window, the CLI and each report:
     * {@code 12 primary metrics compared: 2 regressions, 1 improved, 0 within noise, 9 ~ (no significant change);
     * geomean speedup 0.95× ...}. Counts are over {@link #primary()}.
     */
    public String summary() {
        java.util.Map<Verdict, Integer> n = new java.util.EnumMap<>(Verdict.class);
        for (Verdict v : Verdict.values()) {
            n.put(v, 0);
        }
        for (BenchmarkComparison b : primary()) {
            n.merge(b.verdict(), 1, Integer::sum);
        }
        int total = primary().size();
        String what = options.allMetrics() || secondary().isEmpty() ? " benchmark" : " primary metric";
        StringBuilder sb = new StringBuilder();
        sb.append(total).append(what).append(total == 1 ? "" : "s").append(" compared: ")
                .append(n.get(Verdict.REGRESSION)).append(n.get(Verdict.REGRESSION) == 1 ? " regression"
                        : " regressions")
                .append(", ").append(n.get(Verdict.IMPROVED)).append(" improved, ")
                .append(n.get(Verdict.WITHIN_NOISE)).append(" within noise, ")
                .append(n.get(Verdict.NO_CHANGE)).append(" ~ (no significant change)");
        if (total > 0) {
            sb.append("; ").append(geomeanSentence());
        }
        return sb.toString();
    }

    /**
     * The overall figure in words: {@code geomean +9.82%} with one unit and direction, else
     * {@code geomean speedup 1.08× over 38 primary metrics (each ratio oriented so > 1 is better)}.
     */
    public String geomeanSentence() {
        List<UnitGeomean> g = geomeans();
        if (g.isEmpty()) {
            return "";
        }
        if (g.size() == 1) {
            return "geomean " + ReportFormat.geomean(g.get(0).ratio());
        }
        double s = geomeanSpeedup();
        int n = primary().size();
        return "geomean speedup " + (Double.isNaN(s) ? "unknown (a ratio could not be computed)"
                : String.format(Locale.ROOT, "%.2f×", s)) + " over " + n + (options.allMetrics() ? " metrics"
                : n == 1 ? " primary metric" : " primary metrics") + " (each ratio oriented so > 1 is better)";
    }

    /** The compared benchmarks whose values are throughputs (higher is better). */
    public List<BenchmarkComparison> throughput() {
        return benchmarks.stream().filter(b -> !b.lowerIsBetter() || BenchUnits.isThroughput(b.unit())).toList();
    }

    /** Benchmarks of the baseline the candidate lacks, with or without data. */
    public List<BenchmarkKey> onlyInBaseline() {
        return onlyInBaseline;
    }

    /** Benchmarks of the candidate the baseline lacks. */
    public List<BenchmarkKey> onlyInCandidate() {
        return onlyInCandidate;
    }

    /** Benchmarks in both runs that could not be compared, with the reason: {@code parse (no data in candidate)}. */
    public List<String> notCompared() {
        return notCompared;
    }

    /**
     * Latency percentiles of benchmarks in time units where both runs have a latency distribution
     * ({@link dev.perfdesk.core.bench.BenchmarkFigures#hasLatencyDistribution()}): not a JMH {@code gc.time}, not
     * the average of three iterations.
     */
    public List<LatencyRow> latency() {
        return latency;
    }

    /** Resources used, where the tool reports them. */
    public List<ResourceRow> resources() {
        return resources;
    }

    /** The overall verdict and its reasons. */
    public OverallVerdict verdict() {
        return verdict;
    }

    /** The baseline's and the candidate's benchmark for a latency row or a comparison, by key and unit. */
    public Benchmark[] benchmarksOf(BenchmarkKey key, String unit) {
        MatchKey k = new MatchKey(key, unit);
        return new Benchmark[] {baselineByKey.get(k), candidateByKey.get(k)};
    }

    private List<LatencyRow> latencyRows(Map<MatchKey, Benchmark> base, Map<MatchKey, Benchmark> cand,
                                         List<String> unusedTargets) {
        List<LatencyRow> rows = new ArrayList<>();
        boolean[] used = new boolean[targets.size()];
        for (Map.Entry<MatchKey, Benchmark> e : base.entrySet()) {
            Benchmark b = e.getValue();
            Benchmark c = cand.get(e.getKey());
            if (c == null || !b.lowerIsBetter() || !BenchUnits.isTime(b.unit())
                    || !b.figures().hasLatencyDistribution() || !c.figures().hasLatencyDistribution()) {
                continue;
            }
            List<PercentileChange> ps = new ArrayList<>();
            List<Integer> applied = new ArrayList<>();
            boolean any = false;
            for (double p : LATENCY_PERCENTILES) {
                double bv = percentile(b, p);
                double cv = percentile(c, p);
                any |= !Double.isNaN(bv) && !Double.isNaN(cv);
                double target = Double.NaN;
                for (int t = 0; t < targets.size(); t++) {
                    LatencyTarget lt = targets.get(t);
                    double v = lt.percentile() == p && lt.appliesTo(b.key()) ? lt.valueIn(b.unit()) : Double.NaN;
                    if (!Double.isNaN(v)) {
                        applied.add(t);
                        target = Double.isNaN(target) ? v : Math.min(target, v);
                    }
                }
                ps.add(new PercentileChange(p, bv, cv, target));
            }
            if (any) {
                rows.add(new LatencyRow(b.key(), b.unit(), countOf(b), countOf(c), ps));
                applied.forEach(t -> used[t] = true);
            }
        }
        for (int t = 0; t < targets.size(); t++) {
            LatencyTarget lt = targets.get(t);
            boolean standard = false;
            for (double p : LATENCY_PERCENTILES) {
                standard |= p == lt.percentile();
            }
            if (!standard) {
                unusedTargets.add("Target " + lt + " not checked: the latency table has p50, p95 and p99 only");
            } else if (!used[t]) {
                unusedTargets.add("Target " + lt + " matched no latency benchmark with percentiles in both runs");
            }
        }
        return rows;
    }

    private static long countOf(Benchmark b) {
        return b.figures().n();
    }

    /**
     * The row with each side's centre as {@link dev.perfdesk.core.bench.BenchmarkFigures#centre()} gives it, so a
     * JMH score compared on its raw iterations shows the score the run table shows; the p-value stays.
     */
    static ComparisonRow headlineCentres(ComparisonRow row, Benchmark b, Benchmark c, ComparisonOptions options) {
        Comparison cmp = row.comparison();
        double bc = b.figures().centre();
        double cc = c.figures().centre();
        if (Double.isNaN(bc) || Double.isNaN(cc)
                || (bc == cmp.baseline().centre() && cc == cmp.candidate().centre())) {
            return row;
        }
        Comparison moved = BenchmarkStatistics.withCentres(cmp, estimate(b, bc, cmp.baseline(), options),
                estimate(c, cc, cmp.candidate(), options), b.lowerIsBetter(), options);
        return new ComparisonRow(row.key(), row.unit(), moved);
    }

    private static Estimate estimate(Benchmark b, double centre, Estimate tested, ComparisonOptions options) {
        ScoreSummary s = b.score();
        if (s != null && s.score() == centre) {
            return new Estimate(centre, s.interval(options.confidence()), s.n());
        }
        return new Estimate(centre, tested.interval(), tested.n());
    }

    /** The percentile by the one rule of {@link dev.perfdesk.core.bench.BenchmarkFigures#percentile(double)}. */
    static double percentile(Benchmark b, double p) {
        return b.percentile(p);
    }

    private List<ResourceRow> resourceRows(Map<MatchKey, Benchmark> base, Map<MatchKey, Benchmark> cand) {
        List<ResourceRow> rows = new ArrayList<>();
        Map<MatchKey, BenchmarkComparison> compared = new LinkedHashMap<>();
        for (BenchmarkComparison bc : benchmarks) {
            compared.put(new MatchKey(bc.key(), bc.unit()), bc);
        }
        for (Map.Entry<MatchKey, Benchmark> e : base.entrySet()) {
            Benchmark b = e.getValue();
            Benchmark c = cand.get(e.getKey());
            if (c == null) {
                continue;
            }
            BenchmarkComparison bc = compared.get(e.getKey());
            if (isResource(b.metric()) && bc != null) {
                BenchmarkKey owner = new BenchmarkKey(b.name(), b.params());
                rows.add(new ResourceRow(owner, b.metric(), b.unit(), bc.comparison().baseline().centre(),
                        bc.comparison().candidate().centre(), bc.verdict()));
            }
            if (Benchmark.PRIMARY.equals(b.metric())) {
                for (String stat : new String[] {"user", "system"}) {
                    Double bv = b.statistics().get(stat);
                    Double cv = c.statistics().get(stat);
                    if (bv != null && cv != null && BenchUnits.isTime(b.unit())) {
                        rows.add(new ResourceRow(b.key(), stat + " CPU (mean)", b.unit(), bv, cv, null));
                    }
                }
            }
        }
        rows.addAll(attachedResourceRows(baseline, candidate));
        return rows;
    }

    /**
     * Rows for the resource series attached to both runs (Prometheus: CPU, memory, any query), matched by name and
     * labels: the mean and the peak of each side's finite values, taken from {@code BenchmarkFigures} of the series
     * as samples; not tested, since consecutive scrapes are not independent samples.
     */
    static List<ResourceRow> attachedResourceRows(BenchmarkRun baseline, BenchmarkRun candidate) {
        List<ResourceRow> rows = new ArrayList<>();
        for (TimeSeries b : baseline.resourceSeries()) {
            TimeSeries c = candidate.resourceSeries().stream()
                    .filter(t -> t.name().equals(b.name()) && t.labels().equals(b.labels())).findFirst().orElse(null);
            if (c == null) {
                continue;
            }
            BenchmarkFigures bf = b.asBenchmark().figures();
            BenchmarkFigures cf = c.asBenchmark().figures();
            if (bf.n() <= 0 || cf.n() <= 0) {
                continue;
            }
            BenchmarkKey key = new BenchmarkKey(b.name().isEmpty() ? b.displayName() : b.name(), b.labels());
            String what = b.unit().equals("%") ? "CPU %" : b.unit().equals("B") ? "memory" : "value";
            rows.add(new ResourceRow(key, what + " (mean)", b.unit(), bf.mean(), cf.mean(), null));
            rows.add(new ResourceRow(key, what + " (peak)", b.unit(), bf.percentile(100), cf.percentile(100), null));
        }
        return rows;
    }

    /** CPU time, allocation, GC and memory metrics. */
    static boolean isResource(String metric) {
        String m = metric.toLowerCase(Locale.ROOT);
        return m.equals("cpu_time") || m.startsWith("gc.") || m.contains("alloc") || m.contains("memory")
                || m.contains("rss") || m.startsWith("·gc");
    }

    private static List<KeyNote> failedNotes(Map<MatchKey, Benchmark> base, Map<MatchKey, Benchmark> cand) {
        List<KeyNote> out = new ArrayList<>();
        for (Map.Entry<MatchKey, Benchmark> e : cand.entrySet()) {
            Benchmark c = e.getValue();
            Benchmark b = base.get(e.getKey());
            if (c.status() != BenchmarkStatus.OK && (b == null || b.status() == BenchmarkStatus.OK)) {
                String status = c.status().name().charAt(0) + c.status().name().substring(1).toLowerCase(Locale.ROOT);
                out.add(new KeyNote(c.key(), status + (c.statusMessage().isEmpty() ? "" : ": " + c.statusMessage())));
            }
        }
        return out;
    }

    private static List<String> failedInCandidate(List<KeyNote> failed) {
        List<String> out = new ArrayList<>();
        for (KeyNote n : failed) {
            int colon = n.reason().indexOf(": ");
            String status = colon < 0 ? n.reason() : n.reason().substring(0, colon);
            String message = colon < 0 ? "" : n.reason().substring(colon);
            out.add(status + " in the candidate: " + n.key() + message);
        }
        return out;
    }

    /**
     * Every compared benchmark in the order reports show them: the primary metrics ({@link #primaryInReportOrder()})
     * and then the secondary ones ({@link #secondaryInReportOrder()}), each regressions first, the largest change
     * first; then improvements, the largest first; then the rest in the baseline's order. So a secondary metric's
     * regression (a JMH {@code gc.count}) never sits above a primary one, in a table or in a report.
     *
     * <pre>{@code
     * for (BenchmarkComparison b : comparison.benchmarksInReportOrder()) { ... }
     * }</pre>
     */
    public List<BenchmarkComparison> benchmarksInReportOrder() {
        List<BenchmarkComparison> out = new ArrayList<>(primaryInReportOrder());
        out.addAll(secondaryInReportOrder());
        return List.copyOf(out);
    }

    /** {@code rows} in report order (see {@link #benchmarksInReportOrder()}); the sort is stable. */
    static List<BenchmarkComparison> inReportOrder(List<BenchmarkComparison> rows) {
        List<BenchmarkComparison> regressions = new ArrayList<>();
        List<BenchmarkComparison> improvements = new ArrayList<>();
        List<BenchmarkComparison> rest = new ArrayList<>();
        for (BenchmarkComparison b : rows) {
            (b.verdict() == Verdict.REGRESSION ? regressions : b.verdict() == Verdict.IMPROVED ? improvements : rest)
                    .add(b);
        }
        Comparator<BenchmarkComparison> largestFirst = Comparator.comparingDouble(
                (BenchmarkComparison b) -> Double.isNaN(b.comparison().change()) ? 0
                        : Math.abs(b.comparison().change())).reversed();
        regressions.sort(largestFirst);
        improvements.sort(largestFirst);
        List<BenchmarkComparison> out = new ArrayList<>(regressions);
        out.addAll(improvements);
        out.addAll(rest);
        return List.copyOf(out);
    }

    /**
     * The prefix every benchmark name of both runs shares, ending at a separator ({@code .}, {@code /}, {@code ::},
     * {@code :}, {@code #}) so that it never cuts a word: {@code dev.perfdesk.bench.}, {@code BM_Sort/},
     * {@code /data/runs/}, {@code ns::Parser::}. Empty when there is none worth eliding: it must hold a letter or
     * digit and at least three characters ({@code ./} of {@code ./parse} and {@code ./print} is not elided), and
     * every name must keep a letter or digit after it. A dot between digits ({@code v1.2}) is no separator, and a
     * prefix with a space (a command line: {@code python3 run.py --fast}) is not elided, as a command reads whole.
     */
    public String commonPrefix() {
        return commonPrefix;
    }

    /** The benchmark's name with parameters, without {@link #commonPrefix()}: {@code Parse.json{size=10}}. */
    public String shortName(BenchmarkKey key) {
        String s = key.toString();
        return !commonPrefix.isEmpty() && s.startsWith(commonPrefix) && s.length() > commonPrefix.length()
                ? s.substring(commonPrefix.length()) : s;
    }

    private static String commonPrefix(Map<MatchKey, Benchmark> base, Map<MatchKey, Benchmark> cand) {
        List<String> names = new ArrayList<>();
        for (Map<MatchKey, Benchmark> m : List.of(base, cand)) {
            for (Benchmark b : m.values()) {
                names.add(b.name());
            }
        }
        return commonPrefix(names);
    }

    /** {@link #commonPrefix()} of these names. */
    static String commonPrefix(List<String> names) {
        if (names.isEmpty()) {
            return "";
        }
        String shared = names.get(0);
        for (String n : names) {
            int i = 0;
            while (i < shared.length() && i < n.length() && shared.charAt(i) == n.charAt(i)) {
                i++;
            }
            shared = shared.substring(0, i);
        }
        for (int end = shared.length(); end >= 3; end--) {
            int cut = end;
            String prefix = shared.substring(0, cut);
            if (endsAtSeparator(names.get(0), end) && prefix.codePoints().anyMatch(Character::isLetterOrDigit)
                    && prefix.codePoints().noneMatch(Character::isWhitespace)
                    && names.stream().allMatch(n -> n.substring(cut).codePoints()
                            .anyMatch(Character::isLetterOrDigit))) {
                return prefix;
            }
        }
        return "";
    }

    /** Whether {@code name} cut before index {@code end} ends with a separator, not inside {@code ::} or 0.1. */
    private static boolean endsAtSeparator(String name, int end) {
        char last = name.charAt(end - 1);
        char next = end < name.length() ? name.charAt(end) : '\0';
        return switch (last) {
            case '/', '#' -> true;
            case ':' -> next != ':';
            case '.' -> !(end >= 2 && Character.isDigit(name.charAt(end - 2)) && Character.isDigit(next));
            default -> false;
        };
    }

    /**
     * What the candidate's tool itself reported about each compared benchmark's change against its own saved
     * baseline (Criterion.rs's {@code change/estimates.json}), beside Perfdesk's verdict and never part of it:
     * {@code fib 15: mean +33.58% [+16.12% +53.63%], median +12.86% [+0.44% +54.99%] (against its saved
     * baseline (change/estimates.json); Perfdesk: ▲ regressed +30.10%)}. Empty when the tool reports none.
     */
    public List<String> toolReportedChanges() {
        List<String> out = new ArrayList<>();
        for (BenchmarkComparison b : benchmarks) {
            Benchmark c = b.candidate();
            if (c == null) {
                continue;
            }
            List<dev.perfdesk.core.bench.ReportedEstimate> changes =
                    dev.perfdesk.core.bench.ReportedEstimate.changesOf(c);
            if (changes.isEmpty()) {
                continue;
            }
            String against = c.attributes().getOrDefault(dev.perfdesk.core.bench.ReportedEstimate.CHANGE_AGAINST,
                    "its own baseline");
            out.add(shortName(b.key()) + ": " + changes.stream().map(e -> e.describe(c.unit()))
                    .collect(java.util.stream.Collectors.joining(", ")) + " (against " + against + "; Perfdesk: "
                    + ReportFormat.verdictSymbol(b.verdict()) + " "
                    + ReportFormat.change(b.comparison().change()) + ")");
        }
        return out;
    }

    /**
     * Every note and warning of this comparison, grouped by kind in a stable order: failures in the candidate,
     * unchecked targets, regressions within noise, too few samples, not compared, only in one run, all values
     * equal, a zero baseline, exact scores, nothing matched, and how p-values were found.
     *
     * <pre>{@code
     * for (NoteGroup g : comparison.noteGroups()) {
     *     System.out.println(g.title() + ": " + String.join(", ", g.items()));
     * }
     * }</pre>
     */
    public List<NoteGroup> noteGroups() {
        Map<String, List<KeyNote>> byKind = new LinkedHashMap<>();
        for (String kind : NOTE_KINDS) {
            byKind.put(kind, new ArrayList<>());
        }
        byKind.get("failed").addAll(failedNotes);
        for (String t : targetWarnings) {
            byKind.get("target").add(new KeyNote(null, t));
        }
        for (BenchmarkComparison b : benchmarks) {
            if (b.isRegressionWithinNoise()) {
                byKind.get("within-noise").add(new KeyNote(b.key(), ReportFormat.change(b.comparison().change())
                        + ", " + ReportFormat.pPhrase(b.comparison().pValue())));
            }
            for (String w : b.comparison().warnings()) {
                byKind.get(kindOf(w)).add(new KeyNote(b.key(), w));
            }
        }
        byKind.get("not-compared").addAll(notComparedNotes);
        for (String t : toolReportedChanges()) {
            byKind.get("tool-reported").add(new KeyNote(null, t));
        }
        onlyInBaseline.forEach(k -> byKind.get("only-in-baseline").add(new KeyNote(k, "")));
        onlyInCandidate.forEach(k -> byKind.get("only-in-candidate").add(new KeyNote(k, "")));
        if (benchmarks.isEmpty() && latency.isEmpty()) {
            byKind.get("no-match").add(new KeyNote(null,
                    "No benchmark of the candidate matched one of the baseline with data to compare"));
        }
        List<NoteGroup> groups = new ArrayList<>();
        byKind.forEach((kind, notes) -> {
            if (!notes.isEmpty()) {
                List<String> items = items(kind, notes);
                groups.add(new NoteGroup(kind, title(kind, items.size()), items));
            }
        });
        return List.copyOf(groups);
    }

    private static final List<String> NOTE_KINDS = List.of("failed", "target", "within-noise", "too-few-samples",
            "not-compared", "only-in-baseline", "only-in-candidate", "all-equal", "zero-baseline", "exact-scores",
            "no-match", "method", "tool-reported");

    private static final List<String> ALWAYS_WITH_REASON = List.of("failed", "within-noise", "not-compared");

    private static String kindOf(String warning) {
        if (warning.startsWith("too few samples")) {
            return "too-few-samples";
        }
        if (warning.startsWith("all values are equal")) {
            return "all-equal";
        }
        if (warning.startsWith("the baseline's centre is 0")) {
            return "zero-baseline";
        }
        if (warning.startsWith("both errors are 0")) {
            return "exact-scores";
        }
        return "method";
    }

    private static String title(String kind, int n) {
        String benchmarks = n == 1 ? "1 benchmark" : n + " benchmarks";
        boolean one = n == 1;
        return switch (kind) {
            case "failed" -> benchmarks + (one ? " failed" : " failed") + " in the candidate";
            case "target" -> n + (one ? " latency target" : " latency targets") + " not checked";
            case "within-noise" -> benchmarks + (one ? " is" : " are")
                    + " significantly worse but within the noise threshold";
            case "too-few-samples" -> benchmarks + (one ? " has" : " have")
                    + " too few samples for a confidence interval or a significant test";
            case "not-compared" -> benchmarks + " in both runs could not be compared";
            case "only-in-baseline" -> benchmarks + (one ? " is" : " are") + " only in the baseline";
            case "only-in-candidate" -> benchmarks + (one ? " is" : " are") + " only in the candidate";
            case "all-equal" -> benchmarks + (one ? " has" : " have") + " all values equal: nothing to test";
            case "zero-baseline" -> benchmarks + (one ? " has" : " have")
                    + " a baseline of 0: the change cannot be expressed in percent";
            case "exact-scores" -> benchmarks + (one ? " has" : " have")
                    + " errors of 0 on both sides: scores compared as exact values";
            case "no-match" -> "Nothing to compare";
            case "tool-reported" -> benchmarks + (one ? " has" : " have")
                    + " a change the tool itself reported against its own baseline, shown beside Perfdesk's verdict";
            default -> benchmarks + " tested on summary statistics or noted";
        };
    }

    private List<String> items(String kind, List<KeyNote> notes) {
        Map<BenchmarkKey, List<String>> reasons = new LinkedHashMap<>();
        List<String> free = new ArrayList<>();
        for (KeyNote n : notes) {
            if (n.key() == null) {
                free.add(n.reason());
            } else {
                reasons.computeIfAbsent(n.key(), k -> new ArrayList<>()).add(n.reason());
            }
        }
        boolean same = !ALWAYS_WITH_REASON.contains(kind)
                && reasons.values().stream().map(r -> String.join("; ", r)).distinct().count() <= 1;
        List<String> out = new ArrayList<>(free);
        reasons.forEach((key, r) -> {
            String reason = String.join("; ", r);
            out.add(same || reason.isEmpty() ? shortName(key) : shortName(key) + " (" + reason + ")");
        });
        return out;
    }

    /** A note about one benchmark, or about none when the key is null. */
    private record KeyNote(BenchmarkKey key, String reason) {
    }

    private static boolean hasLatency(Benchmark b) {
        return b.hasSamples() || b.distribution() != null
                || b.statistics().containsKey(Benchmark.percentileKey(50));
    }

    private static String whyNotTested(Benchmark b, boolean baseMissing, Benchmark c, boolean candMissing) {
        String side = baseMissing && candMissing ? "either run" : baseMissing ? "the baseline" : "the candidate";
        Benchmark failed = baseMissing && b.status() != BenchmarkStatus.OK ? b
                : candMissing && c.status() != BenchmarkStatus.OK ? c : null;
        if (failed != null) {
            return failed.status().name().toLowerCase(Locale.ROOT) + " in " + (failed == b ? "the baseline"
                    : "the candidate");
        }
        if (hasLatency(b) && hasLatency(c)) {
            return "percentiles only, no samples or score to test";
        }
        return "no samples or score in " + side;
    }

    private static Map<MatchKey, Benchmark> index(BenchmarkRun run, String side) {
        Map<MatchKey, Benchmark> map = new LinkedHashMap<>();
        for (Benchmark b : run.benchmarks()) {
            if (map.put(new MatchKey(b.key(), b.unit()), b) != null) {
                throw new IllegalArgumentException("the " + side + " run " + run.name() + " holds " + b.key()
                        + " in " + b.unit() + " twice");
            }
        }
        return map;
    }

    private record MatchKey(BenchmarkKey key, String unit) {
    }
}
