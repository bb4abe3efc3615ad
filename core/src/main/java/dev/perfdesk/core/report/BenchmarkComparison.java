package dev.perfdesk.core.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dev.perfdesk.core.bench.Benchmark;
import dev.perfdesk.core.stats.BenchmarkKey;
import dev.perfdesk.core.stats.Comparison;
import dev.perfdesk.core.stats.ComparisonRow;
import dev.perfdesk.core.stats.Verdict;

/**
 * One matched benchmark of a {@link RunComparison}: the statistics' row and the two benchmarks it came from, for
 * their percentiles and curves.
 *
 * @param row       the comparison as {@code BenchmarkComparator} made it
 * @param baseline  the baseline's benchmark
 * @param candidate the candidate's benchmark
 */
public record BenchmarkComparison(ComparisonRow row, Benchmark baseline, Benchmark candidate) {

    public BenchmarkComparison {
        Objects.requireNonNull(row, "row");
        Objects.requireNonNull(baseline, "baseline");
        Objects.requireNonNull(candidate, "candidate");
    }

    /** The benchmark's name and parameters. */
    public BenchmarkKey key() {
        return row.key();
    }

    /** The unit of both sides' values. */
    public String unit() {
        return row.unit();
    }

    /** The statistics. */
    public Comparison comparison() {
        return row.comparison();
    }

    /** The verdict of the statistics. */
    public Verdict verdict() {
        return row.comparison().verdict();
    }

    /** True for times and sizes, false for throughputs. */
    public boolean lowerIsBetter() {
        return baseline.lowerIsBetter();
    }

    /** Whether the candidate's centre moved in the worse direction, significant or not. */
    public boolean movedWorse() {
        double b = comparison().baseline().centre();
        double c = comparison().candidate().centre();
        return lowerIsBetter() ? c > b : c < b;
    }

    /** A significant change in the worse direction that is smaller than the noise threshold. */
    public boolean isRegressionWithinNoise() {
        return verdict() == Verdict.WITHIN_NOISE && movedWorse();
    }

    /**
     * The baseline's raw values paired with the candidate's by position, each with its change, as compare.py lists
     * the repetitions of a benchmark (see {@link PairedChange}); empty when a side has no raw values. The verdict
     * stays that of the centres ({@link #comparison()}).
     */
    public List<PairedChange> pairedChanges() {
        double[] b = baseline.samples();
        double[] c = candidate.samples();
        List<PairedChange> out = new ArrayList<>();
        for (int i = 0; i < Math.min(b.length, c.length); i++) {
            out.add(PairedChange.of(i, b[i], c[i]));
        }
        return List.copyOf(out);
    }
}
