package dev.perfdesk.core.stats;

/**
 * Thresholds for comparing a candidate with a baseline.
 *
 * @param alpha           the significance level: a change is significant when p &le; alpha (benchstat's rule)
 * @param noiseThreshold  a significant relative change smaller than this (0.05 = 5%) is reported as
 *                        {@link Verdict#WITHIN_NOISE}
 * @param confidence      the level of the confidence intervals around each side's centre
 * @param mannWhitneyMode when the U test uses its exact distribution
 * @param allMetrics      whether counts, geometric means and the verdict take secondary metrics (JMH's
 *                        {@code gc.*} and the like) too; by default they take primary metrics only
 */
public record ComparisonOptions(double alpha, double noiseThreshold, double confidence,
                               MannWhitneyMode mannWhitneyMode, boolean allMetrics) {

    /** alpha 0.05, noise threshold 5%, 95% intervals, benchstat's choice of exact or approximate U test. */
    public static final ComparisonOptions DEFAULTS = new ComparisonOptions(0.05, 0.05, 0.95, MannWhitneyMode.BENCHSTAT);

    /** Options over primary metrics only. */
    public ComparisonOptions(double alpha, double noiseThreshold, double confidence, MannWhitneyMode mannWhitneyMode) {
        this(alpha, noiseThreshold, confidence, mannWhitneyMode, false);
    }

    /** Checks the ranges. */
    public ComparisonOptions {
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1): " + alpha);
        }
        if (!(noiseThreshold >= 0)) {
            throw new IllegalArgumentException("noise threshold must be at least 0: " + noiseThreshold);
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be in (0, 1): " + confidence);
        }
        if (mannWhitneyMode == null) {
            throw new IllegalArgumentException("Mann-Whitney mode is required");
        }
    }

    /** These options with another significance level. */
    public ComparisonOptions withAlpha(double newAlpha) {
        return new ComparisonOptions(newAlpha, noiseThreshold, confidence, mannWhitneyMode, allMetrics);
    }

    /** These options with another noise threshold. */
    public ComparisonOptions withNoiseThreshold(double threshold) {
        return new ComparisonOptions(alpha, threshold, confidence, mannWhitneyMode, allMetrics);
    }

    /** These options with another confidence level for the intervals. */
    public ComparisonOptions withConfidence(double level) {
        return new ComparisonOptions(alpha, noiseThreshold, level, mannWhitneyMode, allMetrics);
    }

    /** These options with another rule for exact U tests. */
    public ComparisonOptions withMannWhitneyMode(MannWhitneyMode mode) {
        return new ComparisonOptions(alpha, noiseThreshold, confidence, mode, allMetrics);
    }

    /** These options with secondary metrics counted in the verdict and the geometric means, or not. */
    public ComparisonOptions withAllMetrics(boolean all) {
        return new ComparisonOptions(alpha, noiseThreshold, confidence, mannWhitneyMode, all);
    }
}
