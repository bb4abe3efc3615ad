package dev.perfdesk.core.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The nearest-rank rule of {@link Percentiles}, which HdrHistogram uses, agrees with HdrHistogram's own
 * percentiles of the same data to within the histogram's precision. (Benchmarks' raw samples use linear
 * interpolation instead, so that p50 is the median: see {@link BenchmarkFiguresTest}.)
 */
class PercentilesAgreeWithHdrHistogramTest {
    static final double[] PERCENTILES = {0, 1, 10, 25, 50, 75, 90, 95, 99, 99.9, 99.99, 100};

    static Stream<Arguments> dataSets() {
        SplittableRandom r = new SplittableRandom(7);
        double[] lognormal = new double[100_000];
        for (int i = 0; i < lognormal.length; i++) {
            lognormal[i] = Math.exp(10 + 1.5 * gaussian(r));
        }
        double[] bimodal = new double[9_999];
        for (int i = 0; i < bimodal.length; i++) {
            bimodal[i] = (i % 3 == 0 ? 2_000_000 : 40_000) + r.nextInt(5_000);
        }
        double[] tiny = {5_123, 17, 901, 44_000_000, 3};
        return Stream.of(Arguments.of("lognormal", lognormal), Arguments.of("bimodal", bimodal),
                Arguments.of("five values", tiny));
    }

    private static double gaussian(SplittableRandom r) {
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dataSets")
    void rawSamplePercentilesMatchTheHistogramWithinItsPrecision(String name, double[] values) {
        for (int digits = 2; digits <= 4; digits++) {
            Distribution d = Distribution.ofValues(values, "ns", 1, digits);
            Histogram h = d.histogram();
            double[] sorted = values.clone();
            Arrays.sort(sorted);
            for (double p : PERCENTILES) {
                double exact = Percentiles.nearestRank(sorted, p);
                double fromHistogram = d.percentile(p);
                double bucket = h.sizeOfEquivalentValueRange(Math.round(exact));
                assertTrue(Math.abs(fromHistogram - exact) <= bucket,
                        name + " p" + p + " at " + digits + " digits: raw " + exact + ", histogram " + fromHistogram);
                assertTrue(Math.abs(fromHistogram - exact) <= exact * Math.pow(10, 1 - digits) + 1,
                        name + " p" + p + ": relative error beyond " + digits + " significant digits");
                assertEquals(h.lowestEquivalentValue(Math.round(exact)),
                        h.lowestEquivalentValue(Math.round(fromHistogram)),
                        name + " p" + p + ": raw value and histogram value fall in one bucket");
            }
        }
    }
}
