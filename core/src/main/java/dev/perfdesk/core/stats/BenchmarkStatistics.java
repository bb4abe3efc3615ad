package dev.perfdesk.core.stats;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.commons.statistics.inference.AlternativeHypothesis;
import org.apache.commons.statistics.inference.DataDispersion;
import org.apache.commons.statistics.inference.TTest;

/**
 * Compares a candidate benchmark with its baseline the way benchstat does, and summarises many comparisons with
 * a geometric mean.
 *
 * <p>With raw samples on both sides the centres are medians with order-statistic intervals and the test is a
 * two-sided Mann-Whitney U test ({@link MannWhitney}). With only JMH-style {@code score ± error} on a side the
 * centres are the scores and the test is Welch's t-test on the summary statistics (Commons Statistics'
 * {@link TTest}), and the comparison says so in its warnings.
 *
 * <pre>{@code
 * Comparison c = BenchmarkStatistics.compare(oldNanos, newNanos, true, ComparisonOptions.DEFAULTS);
 * System.out.printf("%+.2f%% p=%.3f %s%n", c.changePercent(), c.pValue(), c.verdict().symbol());
 * }</pre>
 */
public final class BenchmarkStatistics {
    private static final TTest WELCH = TTest.withDefaults()
            .with(DataDispersion.HETEROSCEDASTIC).with(AlternativeHypothesis.TWO_SIDED);

    private BenchmarkStatistics() {
    }

    /**
     * Compares raw samples.
     *
     * @param baseline      the baseline's samples, at least one
     * @param candidate     the candidate's samples, at least one
     * @param lowerIsBetter true for times and sizes, false for throughputs
     * @throws IllegalArgumentException if a side is empty or holds NaN
     */
    public static Comparison compare(double[] baseline, double[] candidate, boolean lowerIsBetter,
                                     ComparisonOptions options) {
        SampleSummary base = SampleSummary.of(baseline, options.confidence());
        SampleSummary cand = SampleSummary.of(candidate, options.confidence());
        List<String> warnings = new ArrayList<>();
        if (!base.medianInterval().isBounded() || !cand.medianInterval().isBounded()) {
            warnings.add(String.format(Locale.ROOT,
                    "too few samples for a %s confidence interval of the median: need >= %d",
                    percent(options.confidence()),
                    OrderStatisticInterval.minimumSampleSize(0.5, options.confidence())));
        }
        MannWhitneyResult test = MannWhitney.test(baseline, candidate, options.mannWhitneyMode());
        if (test.method() == TestMethod.NONE) {
            warnings.add("all values are equal; there is nothing to test");
        }
        if (test.pValue() > options.alpha()) {
            double smallest = MannWhitney.smallestPossiblePValue(base.n(), cand.n());
            if (smallest > options.alpha()) {
                warnings.add(String.format(Locale.ROOT,
                        "too few samples: with n=%d and n=%d the smallest possible p-value is %s > alpha %s;"
                                + " need >= %d a side",
                        base.n(), cand.n(), compact(smallest), compact(options.alpha()),
                        MannWhitney.minimumSamplesPerSide(options.alpha())));
            }
        }
        Estimate b = new Estimate(base.median(), base.medianInterval(), base.n());
        Estimate c = new Estimate(cand.median(), cand.medianInterval(), cand.n());
        return conclude(b, c, test.pValue(), test.method(), lowerIsBetter, options, warnings);
    }

    /**
     * Compares two results known only as {@code score ± error} over n measurements, with Welch's t-test on the
     * means and the standard deviations recovered from the errors (see {@link ScoreSummary#stddev()}).
     *
     * @param lowerIsBetter true for times and sizes, false for throughputs
     */
    public static Comparison compareSummaries(ScoreSummary baseline, ScoreSummary candidate, boolean lowerIsBetter,
                                              ComparisonOptions options) {
        List<String> warnings = new ArrayList<>();
        warnings.add("no raw samples: Welch's t-test on score, error and n");
        Estimate b = new Estimate(baseline.score(), baseline.interval(options.confidence()), baseline.n());
        Estimate c = new Estimate(candidate.score(), candidate.interval(options.confidence()), candidate.n());
        double sd1 = baseline.stddev();
        double sd2 = candidate.stddev();
        if (Double.isNaN(sd1) || Double.isNaN(sd2)) {
            warnings.add("too few samples: Welch's t-test needs n >= 2 and a known error on both sides");
            return conclude(b, c, Double.NaN, TestMethod.NONE, lowerIsBetter, options, warnings);
        }
        double p;
        if (sd1 == 0 && sd2 == 0) {
            p = baseline.score() == candidate.score() ? 1 : 0;
            warnings.add("both errors are 0; the scores are compared as exact values");
        } else {
            p = WELCH.test(baseline.score(), sd1 * sd1, baseline.n(), candidate.score(), sd2 * sd2, candidate.n())
                    .getPValue();
        }
        return conclude(b, c, p, TestMethod.WELCH, lowerIsBetter, options, warnings);
    }

    /**
     * candidate / baseline, with benchstat's rules for zeros: 0 / 0 is 1 (no change) and x / 0 is NaN (the change
     * cannot be computed).
     */
    public static double ratio(double baseline, double candidate) {
        if (baseline == candidate) {
            return 1;
        }
        if (baseline == 0) {
            return Double.NaN;
        }
        return candidate / baseline;
    }

    /**
     * The geometric mean of ratios, exp(mean(log r)); NaN when there are none or any is NaN, zero or negative (a
     * ratio that cannot be computed makes the summary unknown, as benchstat prints "?").
     */
    public static double geometricMean(double... ratios) {
        if (ratios.length == 0) {
            return Double.NaN;
        }
        double logSum = 0;
        for (double r : ratios) {
            if (!(r > 0) || Double.isInfinite(r)) {
                return Double.NaN;
            }
            logSum += Math.log(r);
        }
        return Math.exp(logSum / ratios.length);
    }

    /**
     * The same comparison with other centres on each side (the benchmark's headline centre, such as a JMH score,
     * where the test ran on its raw samples): the p-value and the test stay, the change and the verdict follow the
     * new centres.
     *
     * <pre>{@code
     * Comparison c = BenchmarkStatistics.withCentres(byMedians, scoreBase, scoreCand, true, options);
     * }</pre>
     */
    public static Comparison withCentres(Comparison c, Estimate base, Estimate cand, boolean lowerIsBetter,
                                         ComparisonOptions options) {
        List<String> warnings = new ArrayList<>(c.warnings());
        warnings.remove("the baseline's centre is 0; the change cannot be expressed in percent");
        return conclude(base, cand, c.pValue(), c.test(), lowerIsBetter, options, warnings);
    }

    private static Comparison conclude(Estimate base, Estimate cand, double p, TestMethod method,
                                       boolean lowerIsBetter, ComparisonOptions options, List<String> warnings) {
        double change = ratio(base.centre(), cand.centre()) - 1;
        if (Double.isNaN(change)) {
            warnings.add("the baseline's centre is 0; the change cannot be expressed in percent");
        }
        Verdict verdict;
        if (!(p <= options.alpha())) {
            verdict = Verdict.NO_CHANGE;
        } else if (change == 0 || Math.abs(change) < options.noiseThreshold()) {
            verdict = Verdict.WITHIN_NOISE;
        } else {
            boolean increased = cand.centre() > base.centre();
            verdict = increased == lowerIsBetter ? Verdict.REGRESSION : Verdict.IMPROVED;
        }
        return new Comparison(base, cand, change, p, method, verdict, warnings);
    }

    private static String percent(double level) {
        return compact(level * 100) + "%";
    }

    /** Up to three significant digits without trailing zeros: 0.1, 0.0286, 95. */
    static String compact(double value) {
        return new BigDecimal(value).round(new MathContext(3)).stripTrailingZeros().toPlainString();
    }
}
