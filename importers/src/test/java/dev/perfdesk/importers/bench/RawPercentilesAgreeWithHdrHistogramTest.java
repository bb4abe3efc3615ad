package dev.perfdesk.importers.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.perfdesk.core.bench.Benchmark;
import dev.perfdesk.core.bench.BenchmarkRun;
import dev.perfdesk.core.bench.Distribution;
import dev.perfdesk.core.bench.Percentiles;
import dev.perfdesk.importers.spi.ImportSource;
import dev.perfdesk.importers.Importers;

/**
 * On the real files' raw samples (hyperfine's run times, pytest-benchmark's rounds, JMeter's elapsed times, k6's
 * durations, JMH's iteration scores), the nearest-rank percentiles of the raw samples ({@link Percentiles}) and
 * HdrHistogram's percentiles of a histogram of the same values fall in the same histogram bucket: they agree within
 * HdrHistogram's precision, so a histogram built from samples reads as its samples do.
 */
class RawPercentilesAgreeWithHdrHistogramTest {
    static final double[] PERCENTILES = {0, 10, 25, 50, 75, 90, 95, 99, 99.9, 100};

    static Stream<Arguments> benchmarksWithSamples() throws Exception {
        List<Arguments> out = new ArrayList<>();
        for (Path file : BenchFiles.all()) {
            BenchmarkRun run = BenchFiles.read(file, Importers.detect(ImportSource.of(file)));
            for (Benchmark b : run.benchmarks()) {
                double[] s = b.samples();
                if (s.length >= 3 && java.util.Arrays.stream(s).allMatch(v -> v >= 0 && Double.isFinite(v))) {
                    out.add(Arguments.of(file.getFileName() + " " + b, b));
                }
            }
        }
        assertFalse(out.isEmpty());
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("benchmarksWithSamples")
    void rawSamplePercentilesFallInHdrHistogramsBucket(String name, Benchmark b) {
        double[] samples = b.samples();
        double max = java.util.Arrays.stream(samples).max().orElse(1);
        // Scale so the largest value is about 10^9 units: whole numbers with nine digits of the tool's precision.
        double scale = max == 0 ? 1 : Math.pow(10, Math.floor(9 - Math.log10(max)));
        Distribution d = Distribution.ofValues(samples, b.unit(), scale, 3);
        Histogram h = d.histogram();
        for (double p : PERCENTILES) {
            double[] sorted = samples.clone();
            java.util.Arrays.sort(sorted);
            long raw = Distribution.toRecorded(Percentiles.nearestRank(sorted, p), scale);
            long fromHistogram = Distribution.toRecorded(d.percentile(p), scale);
            assertEquals(h.lowestEquivalentValue(raw), h.lowestEquivalentValue(fromHistogram),
                    name + " p" + p + ": raw " + raw + ", histogram " + d.percentile(p));
        }
    }
}
