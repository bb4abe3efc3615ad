package dev.perfdesk.benchmarks;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import dev.perfdesk.core.bench.Distribution;
import dev.perfdesk.core.bench.Percentiles;

/**
 * The p99 of {@code size} latencies, two ways: sorting the raw samples, and recording them into an HdrHistogram.
 * Small and quick, in every JMH mode, so that a short run gives a JMH JSON file with all four modes, parameters, a
 * sample-mode histogram and (with {@code -prof gc}) secondary metrics: {@code sample-data/bench/jmh} holds one.
 *
 * <pre>{@code
 * java -cp ... org.openjdk.jmh.Main PercentileBenchmark -f 1 -wi 1 -i 3 -w 1s -r 1s -prof gc -rf json
 * }</pre>
 *
 * <p>With {@code -Dperfdesk.bench.candidate=true} ({@code -jvmArgsAppend}) {@code sortRawSamples} takes a
 * deliberately slower path for large inputs ({@code size} of at least {@value #LARGE}): it sorts a buffer a quarter
 * longer than the samples, the first quarter counted twice, as a double-counting bug would. Sorting 25% more values
 * costs about 25-30% more time. {@code sample-data/bench/jmh/record.sh} records a baseline without it and a
 * candidate with it, so that the candidate has two genuine regressions (that benchmark's {@code thrpt} and
 * {@code avgt} rows at {@code size=10000}) and everything else unchanged. The property is not a JMH parameter, so
 * both runs have the same benchmark keys.
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.Throughput, Mode.AverageTime, Mode.SampleTime, Mode.SingleShotTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PercentileBenchmark {
    /** Inputs of at least this many samples take the candidate's slower path. */
    static final int LARGE = 10_000;
    static final boolean CANDIDATE = Boolean.getBoolean("perfdesk.bench.candidate");

    @Param({"1000", "10000"})
    int size;

    double[] latencies;
    /** What {@code sortRawSamples} copies and sorts: the samples, or in the candidate's slow path 25% more. */
    double[] toSort;

    @Setup
    public void setUp() {
        SplittableRandom random = new SplittableRandom(42);
        latencies = new double[size];
        for (int i = 0; i < size; i++) {
            latencies[i] = Math.exp(10 + random.nextDouble() * 3);
        }
        if (CANDIDATE && size >= LARGE) {
            toSort = Arrays.copyOf(latencies, size + size / 4);
            System.arraycopy(latencies, 0, toSort, size, size / 4);
        } else {
            toSort = latencies;
        }
    }

    @Benchmark
    public double sortRawSamples() {
        double[] sorted = toSort.clone();
        Arrays.sort(sorted);
        return Percentiles.nearestRank(sorted, 99);
    }

    @Benchmark
    public double recordHistogram() {
        return Distribution.ofValues(latencies, "ns", 1, Distribution.SIGNIFICANT_DIGITS).percentile(99);
    }
}
