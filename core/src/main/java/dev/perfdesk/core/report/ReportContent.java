package dev.perfdesk.core.report;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import dev.perfdesk.core.bench.Benchmark;
import dev.perfdesk.core.bench.BenchmarkFigures;
import dev.perfdesk.core.bench.BenchmarkRun;
import dev.perfdesk.core.bench.DisplayUnits;
import dev.perfdesk.core.bench.RelativeSpeed;
import dev.perfdesk.core.diff.DiffText;
import dev.perfdesk.core.diff.FunctionDiff;
import dev.perfdesk.core.stats.Comparison;
import dev.perfdesk.core.stats.ComparisonOptions;
import dev.perfdesk.core.stats.MannWhitneyMode;
import dev.perfdesk.core.stats.TestMethod;
import dev.perfdesk.core.stats.Verdict;

/** The sentences and rows every report format shares, as plain text; each writer escapes and lays them out. */
final class ReportContent {
    /** Beyond this many names a bullet gives a count instead of listing them. */
    private static final int MAX_NAMES = 12;
    /** The sentence before the prefix elided from names ({@link RunComparison#commonPrefix()}), in every format. */
    static final String PREFIX_NOTE = "Names are shown without their common prefix ";

    private ReportContent() {
    }

    /** A configuration row: what, the baseline's value, the candidate's. */
    record ConfigRow(String label, String baseline, String candidate) {
    }

    static String title(RunComparison c) {
        return "Benchmark comparison: " + c.baselineTitle() + " vs " + c.candidateTitle();
    }

    /** {@code threshold 5%, alpha 0.05}. */
    static String shortThresholds(ComparisonOptions o) {
        return "threshold " + ReportFormat.percent(o.noiseThreshold()) + ", alpha " + ReportFormat.plain(o.alpha());
    }

    /** The full sentence on the thresholds and tests used. */
    static String thresholds(RunComparison c) {
        ComparisonOptions o = c.options();
        StringBuilder sb = new StringBuilder();
        sb.append("A change counts when its two-sided p-value is at most alpha ").append(ReportFormat.plain(o.alpha()))
                .append(" and it is at least the noise threshold of ").append(ReportFormat.percent(o.noiseThreshold()))
                .append("; smaller significant changes are within noise. Centres are each benchmark's headline "
                        + "centre (the tool's score where it reports one, else the median of the raw samples) with ")
                .append(ReportFormat.percent(o.confidence())).append(" confidence intervals. Tests: Mann-Whitney U, ")
                .append(o.mannWhitneyMode() == MannWhitneyMode.BENCHSTAT
                        ? "exact as benchstat computes it (with ties, up to 25 values a side; without, up to 50)"
                        : "exact as scipy's default method (no ties, a side of at most 8)")
                .append(", normal approximation beyond; Welch's t-test from score, error and n where only those "
                        + "are known.");
        if (!c.targets().isEmpty()) {
            sb.append(" Latency targets: ");
            List<String> ts = new ArrayList<>();
            for (LatencyTarget t : c.targets()) {
                ts.add(t.toString());
            }
            sb.append(String.join(", ", ts)).append('.');
        }
        return sb.toString();
    }

    /** Groups of more comparable benchmarks than this are left out of the relative speeds of the text reports. */
    static final int MAX_RELATIVE = 12;

    /**
     * The relative speeds within one run of a comparison: each group of its comparable primary benchmarks (one
     * mode, unit and direction, {@link RelativeSpeed#groups}) against its fastest.
     *
     * @param role    {@code Baseline} or {@code Candidate}
     * @param title   the run's title
     * @param shown   the groups of 2 to {@link #MAX_RELATIVE} benchmarks, whose sentences the reports give
     * @param leftOut the larger groups
     */
    record RunSpeeds(String role, String title, List<RelativeSpeed> shown, List<RelativeSpeed> leftOut) {
        /** Every group with something to say, shown or not, in the run's order. */
        List<RelativeSpeed> all() {
            List<RelativeSpeed> out = new ArrayList<>(shown);
            out.addAll(leftOut);
            return out;
        }
    }

    /** Both runs' relative speeds, baseline first. */
    static List<RunSpeeds> relativeSpeeds(RunComparison c) {
        return List.of(runSpeeds("Baseline", c.baselineTitle(), c.baseline()),
                runSpeeds("Candidate", c.candidateTitle(), c.candidate()));
    }

    private static RunSpeeds runSpeeds(String role, String title, BenchmarkRun run) {
        List<Benchmark> primary = run.benchmarks().stream().filter(b -> b.metric().equals(Benchmark.PRIMARY))
                .toList();
        List<RelativeSpeed> shown = new ArrayList<>();
        List<RelativeSpeed> leftOut = new ArrayList<>();
        for (RelativeSpeed g : RelativeSpeed.comparesAlternatives(run) ? RelativeSpeed.groups(primary)
                : List.<RelativeSpeed>of()) {
            if (g.isEmpty()) {
                continue;
            }
            (g.entries().size() <= MAX_RELATIVE ? shown : leftOut).add(g);
        }
        return new RunSpeeds(role, title, shown, leftOut);
    }

    /** Whether either run has relative speeds to give or to say it leaves out. */
    static boolean hasRelativeSpeeds(List<RunSpeeds> speeds) {
        return speeds.stream().anyMatch(s -> !s.all().isEmpty());
    }

    /** What the relative speeds are and which are given, for the line under the section's title. */
    static String relativeSpeedNote() {
        return "Within each run, each group of primary benchmarks of one mode, unit and direction against its "
                + "fastest: " + RelativeSpeed.BASIS + ". Groups of 2 to " + MAX_RELATIVE + " benchmarks are given; "
                + "larger ones (a JMH run of many benchmarks and parameters) would bury the comparison; perfdesk show "
                + "gives any group, against any reference, with --reference NAME.";
    }

    /** {@code Baseline hyperfine-relative.json, 3 benchmarks in s (lower is better)}. */
    static String relativeSpeedHeading(RunSpeeds run, RelativeSpeed g) {
        String mode = g.reference().benchmark().mode();
        return run.role() + " " + run.title() + ", " + g.entries().size() + " benchmarks in " + DisplayUnits.label(g.unit()) + " ("
                + (g.lowerIsBetter() ? "lower" : "higher") + " is better)" + (mode.isEmpty() ? "" : ", mode " + mode);
    }

    /** {@code 18 benchmarks in us/op (lower is better): left out, more than 12}. */
    static String relativeSpeedLeftOut(RelativeSpeed g) {
        String mode = g.reference().benchmark().mode();
        return g.entries().size() + " benchmarks in " + DisplayUnits.label(g.unit()) + " (" + (g.lowerIsBetter() ? "lower" : "higher")
                + " is better)" + (mode.isEmpty() ? "" : ", mode " + mode) + ": left out, more than " + MAX_RELATIVE;
    }

    static List<ConfigRow> configuration(RunComparison c) {
        BenchmarkRun b = c.baseline();
        BenchmarkRun k = c.candidate();
        List<ConfigRow> rows = new ArrayList<>();
        rows.add(new ConfigRow("Run", c.baselineTitle(), c.candidateTitle()));
        add(rows, "Tool", b.tool(), k.tool());
        add(rows, "Format", b.format(), k.format());
        add(rows, "Date", b.startTime() == null ? "" : DateTimeFormatter.ISO_INSTANT.format(b.startTime()),
                k.startTime() == null ? "" : DateTimeFormatter.ISO_INSTANT.format(k.startTime()));
        add(rows, "Label", b.label(), k.label());
        add(rows, "Commit", b.commit(), k.commit());
        add(rows, "Benchmarks", Integer.toString(b.benchmarks().size()), Integer.toString(k.benchmarks().size()));
        union(rows, shownLabels(b), shownLabels(k));
        union(rows, b.environment(), k.environment());
        union(rows, b.tags(), k.tags());
        return rows;
    }

    /**
     * The run's labels that its other rows do not already show: a label the file recorded (JMH's {@code jdkVersion},
     * Go's {@code goos}) keeps its environment or tag row, and a commit label its Commit row.
     */
    static Map<String, String> shownLabels(BenchmarkRun run) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        run.labels().forEach((key, value) -> {
            boolean shown = value.equals(run.environment().get(key)) || value.equals(run.tags().get(key))
                    || key.equals("commit") && value.equals(run.commit());
            if (!shown) {
                out.put(key, value);
            }
        });
        return out;
    }

    private static void union(List<ConfigRow> rows, Map<String, String> b, Map<String, String> k) {
        Set<String> keys = new LinkedHashSet<>(b.keySet());
        keys.addAll(k.keySet());
        for (String key : keys) {
            add(rows, key, b.getOrDefault(key, ""), k.getOrDefault(key, ""));
        }
    }

    private static void add(List<ConfigRow> rows, String label, String b, String k) {
        if (!b.isEmpty() || !k.isEmpty()) {
            rows.add(new ConfigRow(label, b.isEmpty() ? "-" : b, k.isEmpty() ? "-" : k));
        }
    }

    /** The analysis: failures, then what changed, then warnings, the tests used and the geometric mean. */
    static List<String> analysis(RunComparison c) {
        List<String> out = new ArrayList<>(c.verdict().failures());
        List<BenchmarkComparison> improved = new ArrayList<>();
        List<BenchmarkComparison> noiseBetter = new ArrayList<>();
        List<BenchmarkComparison> unchanged = new ArrayList<>();
        for (BenchmarkComparison b : c.benchmarks()) {
            if (b.verdict() == Verdict.IMPROVED) {
                improved.add(b);
            } else if (b.verdict() == Verdict.WITHIN_NOISE && !b.isRegressionWithinNoise()) {
                noiseBetter.add(b);
            } else if (b.verdict() == Verdict.NO_CHANGE) {
                unchanged.add(b);
            }
        }
        if (!improved.isEmpty()) {
            out.add("Improved: " + list(improved, ReportContent::changeAndP));
        }
        if (!noiseBetter.isEmpty()) {
            out.add("Improved within noise (significant but smaller than "
                    + ReportFormat.percent(c.options().noiseThreshold()) + "): " + list(noiseBetter,
                    ReportContent::changeAndP));
        }
        if (!unchanged.isEmpty()) {
            out.add("No significant change (~): " + list(unchanged, b -> b.key() + " ("
                    + ReportFormat.pPhrase(b.comparison().pValue()) + ")"));
        }
        out.addAll(c.verdict().warnings());
        List<String> tails = tailChanges(c);
        if (!tails.isEmpty()) {
            out.add("Tail moved by at least " + ReportFormat.percent(c.options().noiseThreshold()) + " while the "
                    + "centre did not change significantly (percentiles are not tested): " + String.join(", ", tails));
        }
        Map<TestMethod, Integer> tests = new LinkedHashMap<>();
        for (BenchmarkComparison b : c.benchmarks()) {
            tests.merge(b.comparison().test(), 1, Integer::sum);
        }
        if (!tests.isEmpty()) {
            List<String> parts = new ArrayList<>();
            tests.forEach((t, n) -> parts.add(t.label() + " for " + n + (n == 1 ? " benchmark" : " benchmarks")));
            out.add("Tests: " + String.join("; ", parts) + ".");
        }
        List<UnitGeomean> geomeans = c.geomeans();
        if (geomeans.size() == 1) {
            UnitGeomean g = geomeans.get(0);
            out.add("Geometric mean of candidate / baseline over " + g.count() + (g.count() == 1 ? " benchmark: "
                    : " benchmarks: ") + (Double.isNaN(g.ratio()) ? "unknown (a ratio could not be computed)"
                    : ReportFormat.plain(round4(g.ratio())) + " (" + ReportFormat.geomean(g.ratio()) + ")") + ".");
        } else if (geomeans.size() > 1) {
            List<String> parts = new ArrayList<>();
            for (UnitGeomean g : geomeans) {
                parts.add(g.label() + ": " + ReportFormat.geomean(g.ratio()));
            }
            out.add("Geometric mean of candidate / baseline by unit and direction: " + String.join("; ", parts)
                    + ". Overall: " + c.geomeanSentence() + ".");
        }
        List<String> reported = c.toolReportedChanges();
        if (!reported.isEmpty()) {
            out.add("Changes " + c.candidate().tool() + " itself reported against its own baseline (beside "
                    + "Perfdesk's verdict, not part of it): " + String.join("; ", reported) + ".");
        }
        if (!c.secondary().isEmpty()) {
            out.add(c.secondary().size() + " secondary " + (c.secondary().size() == 1 ? "metric is" : "metrics are")
                    + " listed apart and not counted in the verdict or the geometric means (use --all-metrics to "
                    + "count them).");
        }
        return out;
    }

    /**
     * p99 changes of at least the noise threshold in benchmarks whose centre shows no significant change, where both
     * runs have at least 100 values (with fewer, p99 is just the largest).
     */
    private static List<String> tailChanges(RunComparison c) {
        List<String> out = new ArrayList<>();
        for (LatencyRow row : c.latency()) {
            if (row.baselineCount() < 100 || row.candidateCount() < 100) {
                continue;
            }
            BenchmarkComparison compared = null;
            for (BenchmarkComparison b : c.benchmarks()) {
                if (b.key().equals(row.key()) && b.unit().equals(row.unit())) {
                    compared = b;
                }
            }
            if (compared == null || compared.verdict() == Verdict.REGRESSION
                    || compared.verdict() == Verdict.IMPROVED) {
                continue;
            }
            PercentileChange p99 = row.percentiles().get(row.percentiles().size() - 1);
            if (Math.abs(p99.change()) >= c.options().noiseThreshold()) {
                out.add(row.key() + " " + ReportFormat.percentileLabel(p99.percentile()) + " "
                        + ReportFormat.change(p99.change()));
            }
        }
        return out;
    }

    private static double round4(double v) {
        return new java.math.BigDecimal(v).round(new java.math.MathContext(4)).doubleValue();
    }

    private static String changeAndP(BenchmarkComparison b) {
        Comparison c = b.comparison();
        return b.key() + " " + ReportFormat.change(c.change()) + " (" + ReportFormat.pPhrase(c.pValue()) + ")";
    }

    private static String list(List<BenchmarkComparison> items, Function<BenchmarkComparison, String> text) {
        if (items.size() > MAX_NAMES) {
            List<String> first = new ArrayList<>();
            for (BenchmarkComparison b : items.subList(0, MAX_NAMES)) {
                first.add(text.apply(b));
            }
            return String.join(", ", first) + " and " + (items.size() - MAX_NAMES) + " more";
        }
        List<String> all = new ArrayList<>();
        for (BenchmarkComparison b : items) {
            all.add(text.apply(b));
        }
        return String.join(", ", all);
    }

    /** The display unit of a row: readable for the baseline's centre. */
    static String displayUnit(BenchmarkComparison b) {
        return ReportFormat.displayUnit(b.comparison().baseline().centre(), b.unit());
    }

    /** The display unit of a latency row: readable for its median. */
    static String displayUnit(LatencyRow row) {
        double ref = row.percentiles().get(0).baseline();
        if (Double.isNaN(ref)) {
            ref = row.percentiles().get(0).candidate();
        }
        return ReportFormat.displayUnit(ref, row.unit());
    }

    /** {@code 10+10}. */
    static String counts(Comparison c) {
        return c.baseline().n() + "+" + c.candidate().n();
    }

    /** The sentence under the title of the repetitions table. */
    static final String PAIRED_NOTE = "Repetitions paired by position, as Google Benchmark's compare.py lists them; "
            + "the verdict is on the centres, the U test over all values.";

    /**
     * The compared benchmarks whose repetitions compare.py would list pair by pair, where that says more than the
     * table: both runs from Google Benchmark, and two pairs or more, or sides of different sizes. Baseline order.
     */
    static List<BenchmarkComparison> pairedRows(RunComparison c) {
        if (!GBENCH.equals(c.baseline().format()) || !GBENCH.equals(c.candidate().format())) {
            return List.of();
        }
        List<BenchmarkComparison> out = new ArrayList<>();
        for (BenchmarkComparison b : c.benchmarks()) {
            int pairs = b.pairedChanges().size();
            if (pairs >= 2 || pairs == 1 && b.baseline().samples().length != b.candidate().samples().length) {
                out.add(b);
            }
        }
        return out;
    }

    private static final String GBENCH = "gbench-json";

    /** The note under the latency table on where percentiles come from. */
    static String latencyNote(RunComparison c) {
        long fewest = Long.MAX_VALUE;
        for (LatencyRow r : c.latency()) {
            if (r.baselineCount() > 0) {
                fewest = Math.min(fewest, r.baselineCount());
            }
            if (r.candidateCount() > 0) {
                fewest = Math.min(fewest, r.candidateCount());
            }
        }
        String note = BenchmarkFigures.PERCENTILE_RULE;
        if (fewest <= 100) {
            // by linear interpolation, p99 of n <= 100 values lies at rank 0.99 (n - 1) > n - 2
            note += " With 100 values or fewer (here as few as " + fewest + ") p99 lies between the two largest.";
        }
        return note;
    }

    /** The summary line of a profile comparison. */
    static String profileSummary(ProfileComparison p) {
        long delta = p.candidateTotal() - p.baselineTotal();
        return "Total " + p.unit().format(p.baselineTotal()) + " \u2192 " + p.unit().format(p.candidateTotal())
                + " (" + DiffText.percent(delta, p.baselineTotal()) + ")"
                + (p.diff().isNormalized() ? "; baseline scaled to the candidate's total" : "")
                + "; " + p.diff().functions().size() + " functions"
                + (p.diff().unitsDiffer() ? ". The profiles count in different units (" + p.diff().baseline().unit()
                        .symbol() + " and " + p.diff().candidate().unit().symbol() + "), so amounts do not compare; "
                        + "shares do" : "");
    }

    /** Function, baseline total, candidate total, change, change %, self change. */
    static String[] functionRow(ProfileComparison p, FunctionDiff f) {
        return new String[] {f.name(), p.unit().format(f.baselineTotal()), p.unit().format(f.candidateTotal()),
            DiffText.signed(p.unit(), f.change()), f.isNew() ? "new" : f.isGone() ? "gone"
                    : DiffText.percent(f.change(), f.baselineTotal()),
            DiffText.signed(p.unit(), f.selfChange())};
    }
}
