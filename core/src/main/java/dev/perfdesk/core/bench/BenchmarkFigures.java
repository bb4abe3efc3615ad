package dev.perfdesk.core.bench;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

import org.HdrHistogram.Histogram;

import dev.perfdesk.core.stats.SampleSummary;
import dev.perfdesk.core.stats.ScoreSummary;

/**
 * The one place a benchmark's headline numbers are computed: its centre and what it is, the spread around it and
 * what that is, n, and its percentiles. The run table, {@code perfdesk show}, comparisons, the trend and the
 * reports all take a benchmark's numbers from here, so the same benchmark reads the same everywhere. Values are in
 * the benchmark's recorded unit; {@link DisplayUnits} converts and formats them. Immutable.
 *
 * <p>The rules, in order:
 * <ul>
 *   <li><b>Centre.</b> The tool's score when it reports one with its error (JMH's score ± 99.9% CI); else the median
 *       of the raw samples with their interquartile range; else the median of the distribution (a histogram) with
 *       its interquartile range; else the centre the tool reported: its median (with the interquartile range
 *       when it reports p25 and p75), else its mean (± its standard deviation when it reports one), else a rate,
 *       a value or a count.</li>
 *   <li><b>Percentiles.</b> From the raw samples by linear interpolation between closest ranks (numpy's default,
 *       R's type 7 and k6's rule), so the median is the median and p50 equals it; else from the distribution as
 *       HdrHistogram computes them; else as the tool reported them. A benchmark whose
 *       {@link Benchmark#PERCENTILES_BY} is {@link Benchmark#GATLING_PERCENTILES} takes them from its raw samples
 *       by Gatling's own rule instead ({@link TDigestPercentiles}), so they equal Gatling's report.</li>
 *   <li><b>n.</b> The number of raw samples; else the score's iterations; else the histogram's count; else the
 *       count the tool reported.</li>
 * </ul>
 *
 * <pre>{@code
 * BenchmarkFigures f = BenchmarkFigures.of(benchmark);
 * f.centre();       // 11.23, in f.unit()
 * f.centreKind();   // MEDIAN
 * f.spreadText();   // "IQR 0.42"
 * f.percentile(99); // from the samples, the histogram or the tool's report
 * }</pre>
 */
public final class BenchmarkFigures {
    /** The percentiles tables show. */
    public static final double[] TABLE_PERCENTILES = {50, 90, 99};
    /**
     * Where percentiles come from, in the one sentence every report, table note and view says it (the rule of
     * {@link #percentile(double)}).
     */
    public static final String PERCENTILE_RULE = "Percentiles from the raw samples by linear interpolation, else "
            + "from the recorded distribution, else as the tool reported them; never averaged.";
    /** Raw samples count as a latency distribution from this many on (fewer are too few for percentiles). */
    public static final int MIN_DISTRIBUTION_SAMPLES = 10;

    /** What a centre is. */
    public enum Centre {
        /** The score the tool reports with its error (JMH): the mean of its iterations. */
        SCORE("score"),
        /** The median of raw samples or of a histogram. */
        MEDIAN("median"),
        /** The mean the tool reported. */
        MEAN("mean"),
        /** The median the tool reported. */
        REPORTED_MEDIAN("median"),
        /** A rate the tool reported (k6's share of true checks, wrk's requests/s). */
        RATE("rate"),
        /** A value the tool reported (a k6 gauge's last value). */
        VALUE("value"),
        /** A count the tool reported. */
        COUNT("count"),
        /** No centre is known. */
        NONE("");

        private final String label;

        Centre(String label) {
            this.label = label;
        }

        /** How a table names it: {@code median}, {@code score}, {@code mean}. */
        public String label() {
            return label;
        }
    }

    /** What a spread is. */
    public enum Spread {
        /** The half-width of a confidence interval of the mean, at {@link BenchmarkFigures#confidence()}. */
        CI,
        /** The interquartile range, p75 - p25. */
        IQR,
        /** The standard deviation the tool reported. */
        SD,
        /** None is known. */
        NONE
    }

    /** Where the percentiles come from. */
    public enum Source {
        /** The raw samples. */
        SAMPLES,
        /** A histogram. */
        HISTOGRAM,
        /** The tool's own report. */
        REPORTED,
        /** Nowhere: the benchmark has none. */
        NONE
    }

    private static final String[] MEANS = {"mean", "avg"};
    private static final String[] MEDIANS = {"median", "med"};
    private static final String[] SPREADS = {"stddev", "stdev"};

    private final Benchmark benchmark;
    private final double[] sorted;
    private final Distribution distribution;
    private final double centre;
    private final Centre centreKind;
    private final double spread;
    private final Spread spreadKind;
    private final double confidence;
    private final String spreadNote;
    private final long n;
    private final Source source;
    private final double[] tablePercentiles;
    /** Gatling's percentiles of the samples, or null when the benchmark follows the usual rule. */
    private final TDigestPercentiles toolRule;

    private BenchmarkFigures(Benchmark b) {
        this.benchmark = b;
        this.sorted = Arrays.stream(b.samples()).filter(v -> !Double.isNaN(v)).sorted().toArray();
        this.toolRule = sorted.length > 0
                && Benchmark.GATLING_PERCENTILES.equals(b.attributes().get(Benchmark.PERCENTILES_BY))
                ? TDigestPercentiles.ofGatling(b.samples()) : null;
        this.distribution = distributionOf(b);
        ScoreSummary score = b.score();
        double c = Double.NaN;
        Centre ck = Centre.NONE;
        double s = Double.NaN;
        Spread sk = Spread.NONE;
        double conf = Double.NaN;
        String note = "";
        if (score != null && Double.isFinite(score.score())) {
            c = score.score();
            ck = Centre.SCORE;
            conf = score.confidence();
            if (Double.isFinite(score.error())) {
                s = score.error();
                sk = Spread.CI;
            } else {
                note = "n=" + score.n();
            }
        } else if (sorted.length > 0) {
            c = samplePercentile(50);
            ck = Centre.MEDIAN;
            s = samplePercentile(75) - samplePercentile(25);
            sk = Spread.IQR;
        } else if (distribution != null) {
            c = distribution.percentile(50);
            ck = Centre.MEDIAN;
            s = distribution.percentile(75) - distribution.percentile(25);
            sk = Spread.IQR;
        } else {
            Reported found = reportedCentre(b);
            if (found != null) {
                c = found.value();
                ck = found.kind();
                Double q1 = b.statistics().get(Benchmark.percentileKey(25));
                Double q3 = b.statistics().get(Benchmark.percentileKey(75));
                if (ck == Centre.REPORTED_MEDIAN && q1 != null && q3 != null && Double.isFinite(q3 - q1)) {
                    s = q3 - q1;
                    sk = Spread.IQR;
                }
                for (String key : ck == Centre.MEAN ? SPREADS : new String[0]) {
                    Double v = b.statistics().get(key);
                    if (v != null && Double.isFinite(v)) {
                        s = v;
                        sk = Spread.SD;
                        break;
                    }
                }
            }
        }
        this.centre = c;
        this.centreKind = ck;
        this.spread = s;
        this.spreadKind = sk;
        this.confidence = conf;
        this.spreadNote = note;
        if (sorted.length > 0) {
            this.n = sorted.length;
        } else if (score != null) {
            this.n = score.n();
        } else if (distribution != null) {
            this.n = distribution.totalCount();
        } else {
            this.n = b.count();
        }
        if (sorted.length > 0) {
            this.source = Source.SAMPLES;
        } else if (distribution != null) {
            this.source = Source.HISTOGRAM;
        } else if (b.statistics().keySet().stream().anyMatch(k -> k.matches("p\\d+(\\.\\d+)?"))) {
            this.source = Source.REPORTED;
        } else {
            this.source = Source.NONE;
        }
        this.tablePercentiles = new double[TABLE_PERCENTILES.length];
        for (int i = 0; i < TABLE_PERCENTILES.length; i++) {
            tablePercentiles[i] = percentile(TABLE_PERCENTILES[i]);
        }
    }

    /** The figures of {@code benchmark}. */
    public static BenchmarkFigures of(Benchmark benchmark) {
        return new BenchmarkFigures(Objects.requireNonNull(benchmark, "benchmark"));
    }

    private static Distribution distributionOf(Benchmark b) {
        if (b.distribution() != null && b.distribution().totalCount() > 0) {
            return b.distribution();
        }
        IntervalHistograms intervals = b.intervals();
        if (intervals != null && intervals.totalCount() > 0) {
            return intervals.distribution(null);
        }
        return null;
    }

    /** A centre the tool reported, and what it is. */
    private record Reported(double value, Centre kind) {
    }

    private static Reported reportedCentre(Benchmark b) {
        for (String key : MEDIANS) {
            Double v = b.statistics().get(key);
            if (v != null && Double.isFinite(v)) {
                return new Reported(v, Centre.REPORTED_MEDIAN);
            }
        }
        Double p50 = b.statistics().get(Benchmark.percentileKey(50));
        if (p50 != null && Double.isFinite(p50)) {
            return new Reported(p50, Centre.REPORTED_MEDIAN);
        }
        for (String key : MEANS) {
            Double v = b.statistics().get(key);
            if (v != null && Double.isFinite(v)) {
                return new Reported(v, Centre.MEAN);
            }
        }
        String[] keys = {"rate", "value", "count"};
        Centre[] kinds = {Centre.RATE, Centre.VALUE, Centre.COUNT};
        for (int i = 0; i < keys.length; i++) {
            Double v = b.statistics().get(keys[i]);
            if (v != null && Double.isFinite(v)) {
                return new Reported(v, kinds[i]);
            }
        }
        return null;
    }

    /**
     * The value at {@code percentile} (0..100) of ascending {@code sorted} values by linear interpolation between
     * closest ranks: position {@code p/100 * (n - 1)}, as numpy's default, R's type 7 and k6 compute it. NaN when
     * there are none.
     */
    public static double interpolated(double[] sorted, double percentile) {
        int n = sorted.length;
        if (n == 0) {
            return Double.NaN;
        }
        double p = Math.min(Math.max(percentile, 0), 100);
        double pos = p / 100 * (n - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, n - 1);
        double frac = pos - lo;
        return frac == 0 ? sorted[lo] : sorted[lo] + (sorted[hi] - sorted[lo]) * frac;
    }

    /** The benchmark these figures are of. */
    public Benchmark benchmark() {
        return benchmark;
    }

    /** The unit of every value here: the benchmark's recorded unit. */
    public String unit() {
        return benchmark.unit();
    }

    /** True for times and sizes, false for throughputs. */
    public boolean lowerIsBetter() {
        return benchmark.lowerIsBetter();
    }

    /** The centre; NaN when none is known. */
    public double centre() {
        return centre;
    }

    /** What the centre is. */
    public Centre centreKind() {
        return centreKind;
    }

    /** The spread around the centre; NaN when none is known. */
    public double spread() {
        return spread;
    }

    /** What the spread is. */
    public Spread spreadKind() {
        return spreadKind;
    }

    /** The confidence level of a {@link Spread#CI} spread (0.999 for JMH); NaN otherwise. */
    public double confidence() {
        return confidence;
    }

    /** Why a spread is missing where one was expected, in a word ({@code n=1}); empty otherwise. */
    public String spreadNote() {
        return spreadNote;
    }

    /** What the spread is, as a column says it: {@code 99.9% CI}, {@code IQR}, {@code sd}; empty when none. */
    public String spreadLabel() {
        return switch (spreadKind) {
            case CI -> percent(confidence) + " CI";
            case IQR -> "IQR";
            case SD -> "sd";
            case NONE -> "";
        };
    }

    /**
     * What the figure is, in words, for a column or a tooltip: {@code score ± 99.9% CI}, {@code median, IQR},
     * {@code mean ± sd}, {@code score (n=1)}; empty when there is no centre.
     */
    public String description() {
        String c = centreKind.label();
        return switch (spreadKind) {
            case CI -> c + " ± " + spreadLabel();
            case IQR -> c + ", IQR";
            case SD -> c + " ± sd";
            case NONE -> spreadNote.isEmpty() ? c : c + " (" + spreadNote + ")";
        };
    }

    /**
     * The mean of the measurements, for figures that need a mean rather than the centre (relative speed, as
     * hyperfine computes it): the mean the tool reported (hyperfine, pytest-benchmark, Google Benchmark); else the
     * tool's score when it is a mean (JMH's score is the mean of its iterations); else the mean of the raw samples;
     * NaN when none is known.
     *
     * <pre>{@code
     * hyperfineBenchmark.figures().mean();   // 0.0146, the "mean" of hyperfine's JSON, in s
     * }</pre>
     */
    public double mean() {
        for (String key : MEANS) {
            Double v = benchmark.statistics().get(key);
            if (v != null && Double.isFinite(v)) {
                return v;
            }
        }
        ScoreSummary score = benchmark.score();
        if (score != null && Double.isFinite(score.score())) {
            return score.score();
        }
        SampleSummary samples = benchmark.sampleSummary();
        return samples == null ? Double.NaN : samples.mean();
    }

    /**
     * The standard deviation of the measurements that goes with {@link #mean()}: the one the tool reported with its
     * mean; else the one JMH's error implies ({@link ScoreSummary#stddev()}); else the sample standard deviation
     * (n - 1) of the raw samples; NaN when none is known or there is a single measurement.
     */
    public double standardDeviation() {
        boolean reportedMean = false;
        for (String key : MEANS) {
            Double v = benchmark.statistics().get(key);
            reportedMean |= v != null && Double.isFinite(v);
        }
        if (reportedMean) {
            for (String key : SPREADS) {
                Double v = benchmark.statistics().get(key);
                if (v != null && Double.isFinite(v)) {
                    return v;
                }
            }
            return Double.NaN;
        }
        ScoreSummary score = benchmark.score();
        if (score != null && Double.isFinite(score.score())) {
            return score.stddev();
        }
        SampleSummary samples = benchmark.sampleSummary();
        return samples == null || samples.n() < 2 ? Double.NaN : samples.stddev();
    }

    /** How many measurements the figures stand for; -1 when unknown. */
    public long n() {
        return n;
    }

    /** Where the percentiles come from. */
    public Source percentileSource() {
        return source;
    }

    /**
     * Whether the benchmark has a latency distribution worth percentiles and a percentile chart: a histogram, or at
     * least {@value #MIN_DISTRIBUTION_SAMPLES} raw samples of single measurements (not iteration averages or
     * throughputs: JMH's {@code thrpt} and {@code avgt} iterations are averages), or, without raw samples,
     * percentiles the tool reported; and values that are times.
     */
    public boolean hasLatencyDistribution() {
        if (!BenchUnits.isTime(unit()) || !lowerIsBetter()) {
            return false;
        }
        if (distribution != null) {
            return true;
        }
        if (sorted.length > 0) {
            // raw samples decide, even where the tool also reported percentiles of them (JMH does for every
            // metric, gc.time and three single-shot iterations included)
            String mode = benchmark.mode();
            boolean averages = mode.equals("thrpt") || mode.equals("avgt");
            return !averages && sorted.length >= MIN_DISTRIBUTION_SAMPLES;
        }
        return source == Source.REPORTED;
    }

    /** The value at {@code percentile} (0..100), by the rules in the class comment; NaN when not known. */
    public double percentile(double percentile) {
        if (sorted.length > 0) {
            return samplePercentile(percentile);
        }
        if (distribution != null) {
            return distribution.percentile(percentile);
        }
        Double reported = benchmark.statistics().get(Benchmark.percentileKey(percentile));
        return reported == null ? Double.NaN : reported;
    }

    /**
     * Whether the percentiles of the raw samples follow the tool's own rule ({@link Benchmark#PERCENTILES_BY})
     * rather than linear interpolation; a percentile curve then follows it too.
     */
    public boolean followsToolPercentileRule() {
        return toolRule != null;
    }

    private double samplePercentile(double percentile) {
        return toolRule != null ? toolRule.percentile(percentile) : interpolated(sorted, percentile);
    }

    /** p50, p90 and p99 ({@link #TABLE_PERCENTILES}), computed once. */
    public double[] tablePercentiles() {
        return tablePercentiles.clone();
    }

    /** The raw samples without NaN, ascending; empty when there are none. */
    public double[] sortedSamples() {
        return sorted.clone();
    }

    /** The latency histogram: the distribution, else the merge of the interval histograms; null when neither. */
    public Distribution distribution() {
        return distribution;
    }

    /** The distribution's histogram, or null. */
    public Histogram histogram() {
        return distribution == null ? null : distribution.histogram();
    }

    private static String percent(double level) {
        if (Double.isNaN(level)) {
            return "";
        }
        return new BigDecimal(level * 100).round(new MathContext(4)).stripTrailingZeros().toPlainString() + "%";
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s %s %s %s n=%d", benchmark, description(), centre, spread, n);
    }
}
