package dev.perfdesk.core.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import dev.perfdesk.core.stats.SampleSummary;
import dev.perfdesk.core.stats.ScoreSummary;

/**
 * The one set of rules for a benchmark's headline numbers. Expected percentiles are numpy 1.24's
 * {@code np.percentile(values, p)} (linear interpolation, its default), computed on this machine.
 */
class BenchmarkFiguresTest {
    private static final double[] P = {0, 25, 50, 75, 90, 99, 100};

    private static void assertPercentiles(double[] values, double[] expected) {
        Benchmark b = Benchmark.builder("b").unit("ms").samples(values).build();
        BenchmarkFigures f = b.figures();
        for (int i = 0; i < P.length; i++) {
            assertEquals(expected[i], f.percentile(P[i]), Math.abs(expected[i]) * 1e-12, "p" + P[i]);
        }
    }

    @Test
    void rawPercentilesInterpolateAsNumpyDoes() {
        assertPercentiles(new double[] {1, 2, 3, 4}, new double[] {1, 1.75, 2.5, 3.25, 3.7, 3.97, 4});
        assertPercentiles(new double[] {5123, 17, 901, 44_000_000, 3},
                new double[] {3, 17, 901, 5123, 26402049.2, 42240204.92, 44_000_000});
        assertPercentiles(new double[] {0.0101, 0.0099, 0.0123, 0.0105, 0.0131, 0.0102, 0.0100, 0.0150, 0.0104,
            0.0110}, new double[] {0.0099, 0.010125, 0.01045, 0.011975, 0.01329, 0.014829, 0.015});
    }

    @Test
    void theMedianIsTheMedianAndP50EqualsIt() {
        double[] values = {1, 2, 3, 4};
        BenchmarkFigures f = Benchmark.builder("b").unit("ms").samples(values).build().figures();
        assertEquals(BenchmarkFigures.Centre.MEDIAN, f.centreKind());
        assertEquals(2.5, f.centre());
        assertEquals(SampleSummary.of(values).median(), f.centre());
        assertEquals(f.centre(), f.tablePercentiles()[0]);
        assertEquals(1.5, f.spread());
        assertEquals("median, IQR", f.description());
        assertEquals(4, f.n());
    }

    @Test
    void aJmhScoreIsTheCentreWithItsErrorAsA999PercentInterval() {
        Benchmark b = Benchmark.builder("parse").mode("avgt").unit("us/op")
                .samples(new double[] {10, 11, 12}).score(new ScoreSummary(11, 9.1, 0.999, 3)).build();
        BenchmarkFigures f = b.figures();
        assertEquals(11, f.centre());
        assertEquals(9.1, f.spread());
        assertEquals("99.9% CI", f.spreadLabel());
        assertEquals("score ± 99.9% CI", f.description());
        assertEquals(3, f.n());
        assertFalse(f.hasLatencyDistribution(), "three iteration averages are no latency distribution");
    }

    @Test
    void aScoreWithoutAnErrorSaysWhyInAWord() {
        Benchmark b = Benchmark.builder("once").mode("ss").unit("ms/op")
                .score(new ScoreSummary(5, Double.NaN, 0.999, 1)).build();
        BenchmarkFigures f = b.figures();
        assertTrue(Double.isNaN(f.spread()));
        assertEquals("n=1", f.spreadNote());
        assertEquals("score (n=1)", f.description());
    }

    @Test
    void aHistogramGivesMedianIqrAndPercentilesAsHdrHistogramComputesThem() {
        Distribution d = Distribution.ofValues(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, "ms", 1000, 3);
        BenchmarkFigures f = Benchmark.builder("lat").unit("ms").distribution(d).build().figures();
        assertEquals(d.percentile(50), f.centre());
        assertEquals(d.percentile(75) - d.percentile(25), f.spread());
        assertEquals(d.percentile(99), f.percentile(99));
        assertEquals(BenchmarkFigures.Source.HISTOGRAM, f.percentileSource());
        assertTrue(f.hasLatencyDistribution());
        assertEquals(10, f.n());
    }

    @Test
    void reportedStatisticsPreferTheMedianThenTheMeanWithItsDeviation() {
        Benchmark k6 = Benchmark.builder("http_req_duration").unit("ms").statistic("avg", 5.2)
                .statistic("med", 4.9).reportedPercentile(90, 7.5).build();
        BenchmarkFigures f = k6.figures();
        assertEquals(4.9, f.centre());
        assertEquals(BenchmarkFigures.Centre.REPORTED_MEDIAN, f.centreKind());
        assertEquals(7.5, f.percentile(90));
        assertEquals(BenchmarkFigures.Source.REPORTED, f.percentileSource());

        Benchmark wrk = Benchmark.builder("latency").unit("ms").statistic("avg", 2.5).statistic("stdev", 0.4)
                .build();
        assertEquals(2.5, wrk.figures().centre());
        assertEquals(0.4, wrk.figures().spread());
        assertEquals("mean ± sd", wrk.figures().description());
    }

    @Test
    void manySingleMeasurementsInTimeAreADistributionButThroughputsAreNot() {
        double[] ten = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        assertTrue(Benchmark.builder("cmd").unit("s").samples(ten).build().figures().hasLatencyDistribution());
        assertFalse(Benchmark.builder("cmd").unit("s").samples(new double[] {1, 2, 3}).build().figures()
                .hasLatencyDistribution());
        assertFalse(Benchmark.builder("x").unit("ops/s").lowerIsBetter(false).samples(ten).build().figures()
                .hasLatencyDistribution());
        assertFalse(Benchmark.builder("x").mode("thrpt").unit("ops/us").lowerIsBetter(false).samples(ten).build()
                .figures().hasLatencyDistribution());
    }
}
