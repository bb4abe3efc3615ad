package dev.perfdesk.core.bench;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How much faster or slower each benchmark of one run is than a reference benchmark of the same run, as hyperfine's
 * summary says it ({@code 'sleep 0.01' ran 2.30 ± 1.53 times faster than 'sleep 0.02'}), computed exactly as
 * hyperfine computes it ({@code src/benchmark/relative_speed.rs}): the ratio is of <b>means</b> (the slower mean over
 * the faster one, so it is at least 1), and its uncertainty propagates the two standard deviations as if the means
 * were independent: {@code ratio * sqrt((sd/mean)^2 + (sdRef/meanRef)^2)}. A benchmark without a standard deviation
 * gets a ratio without one. Means and standard deviations come from {@link BenchmarkFigures#mean()} and
 * {@link BenchmarkFigures#standardDeviation()}.
 *
 * <p>Only benchmarks of the reference's metric, unit and direction are compared (a throughput is not faster or
 * slower than a time); the others are listed in {@link #notCompared()} with the reason. For a throughput (higher is
 * better) the faster one has the higher mean. The reference is the fastest, as hyperfine's default, or the one
 * named. Benchmarks without a mean (failed, skipped) are not compared either.
 *
 * <pre>{@code
 * RelativeSpeed speed = RelativeSpeed.of(run.benchmarks(), null);      // against the fastest
 * RelativeSpeed.of(run.benchmarks(), "sleep 0.02");                    // against a chosen one
 * speed.sentences();   // ["sleep 0.01 ran 2.30 ± 1.53 times faster than sleep 0.02", ...]
 * }</pre>
 */
public final class RelativeSpeed {
    /** What the ratios are, in one line, for the output that shows them. */
    public static final String BASIS = "ratio of means ± standard deviation propagated from both, as hyperfine "
            + "computes it";

    private static final String METRIC = "metric ";

    /** How a benchmark relates to the reference. */
    public enum Relation {
        /** It is the reference. */
        REFERENCE,
        /** The reference is faster than it: "REF ran x times faster than it". */
        SLOWER,
        /** The reference is slower than it: "REF ran x times slower than it". */
        FASTER,
        /** Equal means: "REF ran as fast as it". */
        SAME
    }

    /**
     * One compared benchmark.
     *
     * @param benchmark   the benchmark
     * @param mean        its mean, in the run's unit
     * @param stddev      its standard deviation; NaN when unknown
     * @param ratio       the slower mean over the faster one (at least 1); 1 for the reference; +Inf when this mean
     *                    is 0 and the reference's is not
     * @param ratioStddev the ratio's propagated standard deviation; NaN when either standard deviation is unknown
     *                    or for the reference
     * @param relation    how it relates to the reference
     * @param name        what the sentences call it: its name, with its parameters ({@link Benchmark#displayName()})
     *                    when the name alone is not unique among the compared, and its mode when that is not either
     *                    ({@code parse{size=1000} avgt}); hyperfine's commands already hold their parameters
     */
    public record Entry(Benchmark benchmark, double mean, double stddev, double ratio, double ratioStddev,
                        Relation relation, String name) {
    }

    /**
     * A benchmark of the run that was not compared.
     *
     * @param benchmark the benchmark
     * @param reason    why, in a few words: {@code unit ops/us, higher is better}
     */
    public record Excluded(Benchmark benchmark, String reason) {
    }

    private final Entry reference;
    private final List<Entry> entries;
    private final List<Excluded> notCompared;
    private final String unit;
    private final boolean lowerIsBetter;

    private RelativeSpeed(Entry reference, List<Entry> entries, List<Excluded> notCompared, String unit,
                          boolean lowerIsBetter) {
        this.reference = reference;
        this.entries = List.copyOf(entries);
        this.notCompared = List.copyOf(notCompared);
        this.unit = unit;
        this.lowerIsBetter = lowerIsBetter;
    }

    /**
     * The relative speeds of {@code benchmarks} (one run's) against the benchmark whose {@link Benchmark#name()} or
     * {@link Benchmark#displayName()} is {@code referenceName}, or against the fastest when it is null or empty.
     * Without a name, the benchmarks compared are those of the first benchmark's metric, unit and direction that has
     * a mean.
     *
     * @throws IllegalArgumentException when no benchmark has the reference name, or several do (name it with its
     *                                  parameters, as {@code displayName()})
     */
    public static RelativeSpeed of(List<Benchmark> benchmarks, String referenceName) {
        Objects.requireNonNull(benchmarks, "benchmarks");
        Benchmark ref = null;
        if (referenceName != null && !referenceName.isEmpty()) {
            List<Benchmark> named = benchmarks.stream().filter(b -> b.displayName().equals(referenceName)
                    && b.metric().equals(Benchmark.PRIMARY)).toList();
            if (named.isEmpty()) {
                named = benchmarks.stream().filter(b -> (b.displayName() + " " + b.mode()).equals(referenceName)
                        && b.metric().equals(Benchmark.PRIMARY)).toList();
            }
            if (named.isEmpty()) {
                named = benchmarks.stream().filter(b -> b.name().equals(referenceName)
                        && b.metric().equals(Benchmark.PRIMARY)).toList();
            }
            if (named.isEmpty()) {
                throw new IllegalArgumentException("no benchmark named '" + referenceName + "' in the run");
            }
            if (named.size() > 1) {
                throw new IllegalArgumentException(named.size() + " benchmarks are named '" + referenceName
                        + "': name one with its parameters and mode, such as '" + label(named.get(0), named) + "'");
            }
            ref = named.get(0);
            if (!Double.isFinite(ref.figures().mean())) {
                throw new IllegalArgumentException("the reference '" + referenceName + "' has no mean");
            }
        } else {
            for (Benchmark b : benchmarks) {
                if (Double.isFinite(b.figures().mean())) {
                    ref = b;
                    break;
                }
            }
        }
        if (ref == null) {
            return new RelativeSpeed(null, List.of(), benchmarks.stream().map(b -> new Excluded(b, "no mean"))
                    .toList(), "", true);
        }
        List<Benchmark> group = new ArrayList<>();
        List<Excluded> excluded = new ArrayList<>();
        for (Benchmark b : benchmarks) {
            String reason = reasonNotComparable(b, ref);
            if (reason == null) {
                group.add(b);
            } else {
                excluded.add(new Excluded(b, reason));
            }
        }
        boolean lower = ref.lowerIsBetter();
        if (referenceName == null || referenceName.isEmpty()) {
            for (Benchmark b : group) {
                if (faster(b.figures().mean(), ref.figures().mean(), lower)) {
                    ref = b;
                }
            }
        }
        Entry refEntry = null;
        List<Entry> entries = new ArrayList<>();
        for (Benchmark b : group) {
            Entry e = entry(b, ref, lower, label(b, group));
            entries.add(e);
            if (b == ref) {
                refEntry = e;
            }
        }
        return new RelativeSpeed(refEntry, entries, excluded, ref.unit(), lower);
    }

    /**
     * Whether the benchmarks of {@code run} are alternatives to one another (hyperfine's commands, JMH's or Google
     * Benchmark's parameter values), so that one running faster than another says something; the metrics and
     * endpoints of one load test (k6's {@code http_req_blocked} and {@code http_req_duration}, Locust's and JMeter's
     * requests and their aggregate, ghz's latency and rate) are not, nor are the different programs of one
     * benchmark suite (SPEC CPU 2017's {@code 500.perlbench_r} and {@code 502.gcc_r}) or the conditions of one
     * kube-burner job; they get no relative speeds in the run view, {@code show} or the reports, unless a reference
     * is named. grpc_bench's implementations are alternatives.
     */
    public static boolean comparesAlternatives(BenchmarkRun run) {
        return !LOAD_TESTS.contains(run.tool());
    }

    /** The tools whose runs are one load test, suite or job measured several ways. */
    private static final java.util.Set<String> LOAD_TESTS = java.util.Set.of("k6", "Locust", "JMeter", "Gatling",
            "ghz", "SPEC CPU 2017", "kube-burner");

    /**
     * The relative speeds within each group of comparable benchmarks of {@code benchmarks}: one mode, metric, unit
     * and direction, each group against its fastest, in the order the groups' first benchmarks come; benchmarks
     * without a mean are in none. As in {@link #of}, each mode is a group of its own: a single shot ({@code ss})
     * includes the warm-up that an average time ({@code avgt}) leaves out, so "avgt ran 1.8 times faster than ss"
     * says nothing about the code. A group of one benchmark has nothing to say ({@link #isEmpty()}).
     *
     * <pre>{@code
     * RelativeSpeed.groups(jmhRun.benchmarks());   // the thrpt benchmarks (ops/us), then the avgt ones (us/op), ...
     * }</pre>
     */
    public static List<RelativeSpeed> groups(List<Benchmark> benchmarks) {
        java.util.Map<String, List<Benchmark>> byMode = new java.util.LinkedHashMap<>();
        for (Benchmark b : benchmarks) {
            if (Double.isFinite(b.figures().mean())) {
                byMode.computeIfAbsent(b.mode(), k -> new ArrayList<>()).add(b);
            }
        }
        List<RelativeSpeed> out = new ArrayList<>();
        for (List<Benchmark> mode : byMode.values()) {
            List<Benchmark> rest = mode;
            while (!rest.isEmpty()) {
                RelativeSpeed speed = of(rest, null);
                out.add(speed);
                rest = speed.notCompared().stream().map(Excluded::benchmark).toList();
            }
        }
        return out;
    }

    /**
     * The name by which {@link #of(List, String)} takes {@code b} as the reference among {@code benchmarks}: the
     * first of its display name, that with its mode, and its name that names it alone; null when none does or it
     * cannot be a reference (a secondary metric, or no mean).
     */
    public static String referenceName(Benchmark b, List<Benchmark> benchmarks) {
        if (!b.metric().equals(Benchmark.PRIMARY) || !Double.isFinite(b.figures().mean())) {
            return null;
        }
        for (String name : List.of(b.displayName(), b.displayName() + " " + b.mode(), b.name())) {
            try {
                RelativeSpeed speed = of(benchmarks, name);
                if (speed.reference() != null && speed.reference().benchmark() == b) {
                    return name;
                }
            } catch (IllegalArgumentException notThisName) {
                // ambiguous or another benchmark's: try the next way of naming it
            }
        }
        return null;
    }

    /** The shortest of name, name with parameters, and that with the mode, that no other of {@code group} has. */
    static String label(Benchmark b, List<Benchmark> group) {
        List<java.util.function.Function<Benchmark, String>> ways = List.of(Benchmark::name, Benchmark::displayName,
                x -> x.mode().isEmpty() ? x.displayName() : x.displayName() + " " + x.mode());
        for (java.util.function.Function<Benchmark, String> way : ways) {
            String mine = way.apply(b);
            if (group.stream().filter(x -> way.apply(x).equals(mine)).count() == 1) {
                return mine;
            }
        }
        return ways.get(ways.size() - 1).apply(b);
    }

    private static String reasonNotComparable(Benchmark b, Benchmark ref) {
        if (!Double.isFinite(b.figures().mean())) {
            return "no mean";
        }
        if (!b.metric().equals(ref.metric())) {
            return METRIC + b.metric();
        }
        if (!b.unit().equals(ref.unit()) || b.lowerIsBetter() != ref.lowerIsBetter()) {
            return "unit " + DisplayUnits.label(b.unit()) + ", " + direction(b.lowerIsBetter()) + ", not "
                    + DisplayUnits.label(ref.unit()) + ", "
                    + direction(ref.lowerIsBetter());
        }
        if (!b.mode().equals(ref.mode())) {
            // A single shot (ss) includes the warm-up an average time (avgt) leaves out: not faster or slower code.
            return "mode " + b.mode() + ", not " + ref.mode();
        }
        return null;
    }

    private static String direction(boolean lowerIsBetter) {
        return lowerIsBetter ? "lower is better" : "higher is better";
    }

    /** Whether a mean of {@code a} is faster than one of {@code b}: smaller times, larger throughputs. */
    private static boolean faster(double a, double b, boolean lowerIsBetter) {
        return lowerIsBetter ? a < b : a > b;
    }

    private static Entry entry(Benchmark b, Benchmark ref, boolean lower, String name) {
        BenchmarkFigures f = b.figures();
        BenchmarkFigures r = ref.figures();
        double mean = f.mean();
        double sd = f.standardDeviation();
        double refMean = r.mean();
        double refSd = r.standardDeviation();
        if (b == ref) {
            return new Entry(b, mean, sd, 1.0, Double.NaN, Relation.REFERENCE, name);
        }
        Relation relation = faster(mean, refMean, lower) ? Relation.FASTER
                : faster(refMean, mean, lower) ? Relation.SLOWER : Relation.SAME;
        // hyperfine: a zero time is infinitely faster than anything else, and has no uncertainty.
        double time = lower ? mean : refMean;
        if (time == 0.0) {
            return new Entry(b, mean, sd, Double.POSITIVE_INFINITY, Double.NaN, relation, name);
        }
        double ratio = switch (relation) {
            case SAME, REFERENCE -> 1.0;
            default -> Math.max(mean, refMean) / Math.min(mean, refMean);
        };
        double ratioSd = Double.isFinite(sd) && Double.isFinite(refSd)
                ? ratio * Math.sqrt(Math.pow(sd / mean, 2) + Math.pow(refSd / refMean, 2)) : Double.NaN;
        return new Entry(b, mean, sd, ratio, ratioSd, relation, name);
    }

    /** The reference, or null when no benchmark has a mean. */
    public Entry reference() {
        return reference;
    }

    /** Every compared benchmark, the reference among them, in the run's order. */
    public List<Entry> entries() {
        return entries;
    }

    /** The benchmarks that were compared, without the reference, fastest first. */
    public List<Entry> others() {
        List<Entry> others = new ArrayList<>(entries.stream().filter(e -> e.relation() != Relation.REFERENCE)
                .toList());
        others.sort((a, c) -> lowerIsBetter ? Double.compare(a.mean(), c.mean()) : Double.compare(c.mean(), a.mean()));
        return others;
    }

    /** The benchmarks of the run that were not compared, with the reason. */
    public List<Excluded> notCompared() {
        return notCompared;
    }

    /**
     * What was not compared and why, one line per reason with how many: {@code 4 in ops/us, higher is better, not
     * us/op, lower is better}; the other metrics in one line: {@code 48 of other metrics (gc.alloc.rate, gc.count)}.
     */
    public List<String> notComparedSummary() {
        java.util.Map<String, Integer> byReason = new java.util.LinkedHashMap<>();
        java.util.Set<String> metrics = new java.util.LinkedHashSet<>();
        int otherMetrics = 0;
        for (Excluded x : notCompared) {
            if (x.reason().startsWith(METRIC)) {
                otherMetrics++;
                metrics.add(x.reason().substring(METRIC.length()));
            } else {
                byReason.merge(x.reason(), 1, Integer::sum);
            }
        }
        List<String> out = new ArrayList<>();
        byReason.forEach((reason, count) -> out.add(count + (count == 1 ? " benchmark: " : " benchmarks: ")
                + reason));
        if (otherMetrics > 0) {
            out.add(otherMetrics + " of other metrics (" + String.join(", ", metrics) + ")");
        }
        return out;
    }

    /** The unit of the compared means. */
    public String unit() {
        return unit;
    }

    /** Whether the compared benchmarks are better lower (times) or higher (throughputs). */
    public boolean lowerIsBetter() {
        return lowerIsBetter;
    }

    /** Whether there is something to say: a reference and at least one other benchmark. */
    public boolean isEmpty() {
        return reference == null || entries.size() < 2;
    }

    /**
     * One sentence per other benchmark, fastest first, as hyperfine's summary says them with two decimals:
     * {@code sleep 0.01 ran 2.30 ± 1.53 times faster than sleep 0.02}; {@code ... ran 1.20 times slower than ...}
     * when the reference is not the fastest; {@code ... ran as fast (1.00 ± 0.02) as ...} for equal means.
     */
    public List<String> sentences() {
        List<String> out = new ArrayList<>();
        if (isEmpty()) {
            return out;
        }
        for (Entry e : others()) {
            out.add(sentence(e));
        }
        return out;
    }

    /** The sentence for {@code e}, one of {@link #entries()} other than the reference. */
    public String sentence(Entry e) {
        String ratio = ratioText(e);
        String start = reference.name() + " ran ";
        return switch (e.relation()) {
            case SLOWER -> start + ratio + " times faster than " + e.name();
            case FASTER -> start + ratio + " times slower than " + e.name();
            case SAME -> start + "as fast (" + ratio + ") as " + e.name();
            case REFERENCE -> e.name() + " is the reference";
        };
    }

    /**
     * The ratio of {@code e} as its sentence and hyperfine's Markdown export's "Relative" column write it:
     * {@code 2.30 ± 1.53}, {@code 1.20} without a standard deviation, {@code 1.00} for the reference. Whether the
     * reference is faster or slower than {@code e} is {@link Entry#relation()}: the ratio is at least 1 either way.
     */
    public static String ratioText(Entry e) {
        String ratio = twoDecimals(e.ratio());
        return Double.isNaN(e.ratioStddev()) ? ratio : ratio + " ± " + twoDecimals(e.ratioStddev());
    }

    /**
     * {@code 2.30}, as hyperfine prints a ratio (Rust's {@code {:.2}}: the double's exact decimal value rounded,
     * an exact tie, which real ratios hardly ever are, to even; Java's {@code %.2f} would round 1.005, really
     * 1.00499..., up); {@code inf} for an infinite one.
     */
    public static String twoDecimals(double v) {
        if (Double.isInfinite(v)) {
            return "inf";
        }
        if (Double.isNaN(v)) {
            return "NaN";
        }
        return new BigDecimal(v).setScale(2, RoundingMode.HALF_EVEN).toPlainString();
    }

    @Override
    public String toString() {
        return String.join("; ", sentences());
    }
}
