package dev.perfdesk.core.changepoint;

/**
 * A point where a series' level changes, with the statistics of the segments on either side (bounded by the
 * neighbouring change points or the ends of the series).
 *
 * @param index        the 0-based index of the first point of the new regime
 * @param time         the time of that point, or its index when the series has no times
 * @param meanBefore   the mean of the segment before
 * @param stddevBefore the population standard deviation of the segment before (0 for a single point)
 * @param meanAfter    the mean of the segment from {@code index} on
 * @param stddevAfter  the population standard deviation of the segment after
 * @param pValue       the two-sided Student's t-test p-value between the two segments
 */
public record ChangePoint(int index, double time, double meanBefore, double stddevBefore, double meanAfter,
                          double stddevAfter, double pValue) {

    /** meanAfter / meanBefore - 1, or 0 when the mean before is 0. */
    public double forwardChange() {
        return meanBefore == 0 ? 0 : meanAfter / meanBefore - 1;
    }

    /** The change in percent: -11.6 for a fall of 11.6%. */
    public double changePercent() {
        return percentChange(meanBefore, meanAfter);
    }

    /**
     * The one rule for a change in percent from {@code before} to {@code after}, as the change points' tables and
     * dialogs print it: {@code (after / before - 1) * 100}; 0 when {@code before} is 0, NaN when either is NaN.
     *
     * <pre>{@code
     * ChangePoint.percentChange(12534, 11224);   // -10.45...
     * }</pre>
     */
    public static double percentChange(double before, double after) {
        if (Double.isNaN(before) || Double.isNaN(after)) {
            return Double.NaN;
        }
        return before == 0 ? 0 : (after / before - 1) * 100;
    }

    /** max(|after/before - 1|, |before/after - 1|), the measure the minimum magnitude is compared with. */
    public double magnitude() {
        double backward = meanAfter == 0 ? 0 : meanBefore / meanAfter - 1;
        return Math.max(Math.abs(forwardChange()), Math.abs(backward));
    }

    /** Whether the change goes the wrong way for a metric with this direction. */
    public boolean isRegression(Direction direction) {
        return direction == Direction.HIGHER_IS_BETTER ? meanAfter < meanBefore : meanAfter > meanBefore;
    }
}
