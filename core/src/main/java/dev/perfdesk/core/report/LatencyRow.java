package dev.perfdesk.core.report;

import java.util.List;

import dev.perfdesk.core.stats.BenchmarkKey;

/**
 * A latency benchmark's percentiles in both runs: from raw samples by linear interpolation, else from the latency
 * distribution, else as the tool reported them; never averaged.
 *
 * @param key            the benchmark's name and parameters
 * @param unit           the unit of the values
 * @param baselineCount  how many measurements the baseline's percentiles come from; -1 when unknown
 * @param candidateCount the same for the candidate
 * @param percentiles    p50, p95 and p99, in that order
 */
public record LatencyRow(BenchmarkKey key, String unit, long baselineCount, long candidateCount,
                         List<PercentileChange> percentiles) {

    public LatencyRow {
        percentiles = List.copyOf(percentiles);
    }

    /** Whether the candidate misses any target of this row. */
    public boolean missesTarget() {
        return percentiles.stream().anyMatch(PercentileChange::missesTarget);
    }
}
