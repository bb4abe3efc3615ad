package dev.perfdesk.core.report;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.perfdesk.core.bench.BenchUnits;
import dev.perfdesk.core.bench.Benchmark;
import dev.perfdesk.core.bench.BenchmarkRun;
import dev.perfdesk.core.bench.DisplayUnits;
import dev.perfdesk.core.stats.BenchmarkStatistics;

/**
 * The {@code OVERALL_GEOMEAN} row of Google Benchmark's compare.py, for parity with it: in each run, the geometric
 * mean of every repetition's real time and, apart, of every cpu time, in seconds, over all benchmarks of the run
 * (matched in the other run or not, leaving out values the tool reported as aggregates,
 * {@link Benchmark#AGGREGATE_SAMPLES}); then compare.py's change between the two runs' means.
 *
 * <p>It is not Perfdesk's geomean ({@link RunComparison#geomeans()}, the geometric mean of each matched
 * benchmark's candidate / baseline, per unit and direction): a ratio of two means over different sets of values
 * moves with what one run has and the other lacks. In compare.py's test1 a benchmark measured in seconds in one run
 * and in nanoseconds in the other, which compare.py's own table does not compare, pulls it to -81.13% where the 13
 * compared benchmarks give -18.27%; in its test3 it is +164.05% although no compared real time got slower by more
 * than 11%.
 *
 * @param baselineRealTime  the baseline's geometric mean of real times, in seconds
 * @param baselineCpuTime   the baseline's geometric mean of cpu times, in seconds; NaN without cpu times
 * @param candidateRealTime the candidate's geometric mean of real times, in seconds
 * @param candidateCpuTime  the candidate's geometric mean of cpu times, in seconds; NaN without cpu times
 */
public record ComparePyGeomean(double baselineRealTime, double baselineCpuTime, double candidateRealTime,
                               double candidateCpuTime) {
    /** The metric Google Benchmark's importer gives cpu times. */
    public static final String CPU_TIME = "cpu_time";

    /** compare.py's change of the real times' means: -0.8113 in its test1. */
    public double timeChange() {
        return PairedChange.change(baselineRealTime, candidateRealTime);
    }

    /** compare.py's change of the cpu times' means: -0.7779 in its test1; NaN without cpu times. */
    public double cpuChange() {
        return PairedChange.change(baselineCpuTime, candidateCpuTime);
    }

    /** The figure for two runs; empty when a run has no real time that is not an aggregate, as compare.py. */
    static Optional<ComparePyGeomean> of(BenchmarkRun baseline, BenchmarkRun candidate) {
        double br = mean(baseline, Benchmark.PRIMARY);
        double cr = mean(candidate, Benchmark.PRIMARY);
        if (Double.isNaN(br) || Double.isNaN(cr)) {
            return Optional.empty();
        }
        return Optional.of(new ComparePyGeomean(br, mean(baseline, CPU_TIME), cr, mean(candidate, CPU_TIME)));
    }

    private static double mean(BenchmarkRun run, String metric) {
        List<Double> seconds = new ArrayList<>();
        for (Benchmark b : run.benchmarks()) {
            if (!b.metric().equals(metric) || !BenchUnits.isTime(b.unit())) {
                continue;
            }
            Set<Integer> aggregates = new HashSet<>();
            String listed = b.attributes().getOrDefault(Benchmark.AGGREGATE_SAMPLES, "");
            for (String i : listed.isEmpty() ? new String[0] : listed.split(",")) {
                aggregates.add(Integer.parseInt(i.strip()));
            }
            double[] values = b.samples();
            double factor = DisplayUnits.factor(b.unit(), "s");
            for (int i = 0; i < values.length; i++) {
                if (!aggregates.contains(i)) {
                    seconds.add(values[i] * factor);
                }
            }
        }
        return seconds.isEmpty() ? Double.NaN
                : BenchmarkStatistics.geometricMean(seconds.stream().mapToDouble(Double::doubleValue).toArray());
    }
}
