package dev.perfdesk.core.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import dev.perfdesk.core.stats.ScoreSummary;

/** {@link BenchmarkFigures#mean()} and {@link BenchmarkFigures#standardDeviation()}, which relative speed uses. */
class BenchmarkFiguresMeanTest {

    @Test
    void takesTheMeanAndStddevTheToolReportedOverTheRawSamples() {
        Benchmark b = Benchmark.builder("sleep").unit("s").lowerIsBetter(true).samples(new double[] {1, 2, 6})
                .statistic("mean", 3.5).statistic("stddev", 0.25).build();
        assertEquals(3.5, b.figures().mean());
        assertEquals(0.25, b.figures().standardDeviation());
    }

    @Test
    void aReportedMeanWithoutStddevHasNoneRatherThanOneFromTheSamples() {
        Benchmark b = Benchmark.builder("sleep").unit("s").lowerIsBetter(true).samples(new double[] {1, 2, 6})
                .statistic("mean", 3).build();
        assertTrue(Double.isNaN(b.figures().standardDeviation()));
    }

    @Test
    void jmhScoreIsTheMeanAndItsErrorGivesTheStddev() {
        ScoreSummary score = new ScoreSummary(100, 12, ScoreSummary.JMH_CONFIDENCE, 6);
        Benchmark b = Benchmark.builder("parse").mode("avgt").unit("us/op").lowerIsBetter(true)
                .samples(new double[] {90, 95, 100, 100, 105, 110}).score(score).build();
        assertEquals(100, b.figures().mean());
        assertEquals(score.stddev(), b.figures().standardDeviation(), 1e-12);
    }

    @Test
    void rawSamplesAloneGiveTheirMeanAndSampleStddev() {
        Benchmark b = Benchmark.builder("t").unit("ms").lowerIsBetter(true).samples(new double[] {1, 2, 3, 6})
                .build();
        assertEquals(3, b.figures().mean());
        assertEquals(Math.sqrt((4 + 1 + 0 + 9) / 3.0), b.figures().standardDeviation(), 1e-12);
        Benchmark one = Benchmark.builder("t").unit("ms").lowerIsBetter(true).samples(new double[] {4}).build();
        assertTrue(Double.isNaN(one.figures().standardDeviation()));
        assertTrue(Double.isNaN(Benchmark.builder("none").build().figures().mean()));
    }
}
