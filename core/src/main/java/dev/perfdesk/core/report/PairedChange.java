package dev.perfdesk.core.report;

/**
 * One repetition of a benchmark paired with the candidate's repetition at the same position, as Google Benchmark's
 * compare.py pairs them (the i-th value of the baseline with the i-th of the candidate, as many pairs as the shorter
 * side has values), with compare.py's relative change. These changes are shown beside the comparison of the
 * centres, which alone decides the verdict; the U test is over all values of both sides.
 *
 * <pre>{@code
 * for (PairedChange p : benchmarkComparison.pairedChanges()) {
 *     System.out.println("#" + (p.index() + 1) + " " + p.baseline() + " -> " + p.candidate() + " " + p.change());
 * }
 * }</pre>
 *
 * @param index     0-based position of the pair in both runs' values, in file order
 * @param baseline  the baseline's value, in the benchmark's unit
 * @param candidate the candidate's value, in the same unit
 * @param change    {@link #change(double, double)} of the two
 */
public record PairedChange(int index, double baseline, double candidate, double change) {

    /** The pair at {@code index} with its change. */
    public static PairedChange of(int index, double baseline, double candidate) {
        return new PairedChange(index, baseline, candidate, change(baseline, candidate));
    }

    /**
     * compare.py's {@code calculate_change}: (new - old) / |old|; 0 when both are 0; (new - old) / mean of the two
     * when only the old value is 0.
     */
    public static double change(double oldValue, double newValue) {
        if (oldValue == 0 && newValue == 0) {
            return 0;
        }
        if (oldValue == 0) {
            return (newValue - oldValue) / ((oldValue + newValue) / 2);
        }
        return (newValue - oldValue) / Math.abs(oldValue);
    }
}
