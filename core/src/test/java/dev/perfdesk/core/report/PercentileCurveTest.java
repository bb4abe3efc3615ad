package dev.perfdesk.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import dev.perfdesk.core.bench.Benchmark;
import dev.perfdesk.core.bench.Distribution;

class PercentileCurveTest {

    @Test
    void reachesOneMinusOneOverNOfTheSamples() {
        double[] values = new double[1000];
        for (int i = 0; i < values.length; i++) {
            values[i] = i + 1;
        }
        PercentileCurve c = PercentileCurve.of(TestRuns.samples("x", "ms", values));
        assertEquals(0, c.percentile(0));
        assertEquals(1, c.value(0));
        assertEquals(99.9, c.percentile(c.size() - 1), 1e-9, "three nines for 1000 values");
        assertEquals(999.001, c.value(c.size() - 1), 1e-9, "99.9% of 1..1000 interpolated, as the table's rule");
        assertEquals(61, c.size(), "20 points a decade");
        assertEquals(10, PercentileCurve.nines(90), 1e-12);
    }

    @Test
    void comesFromTheDistributionWithoutSamples() {
        double[] values = new double[100];
        for (int i = 0; i < values.length; i++) {
            values[i] = 10 + i;
        }
        Benchmark b = Benchmark.builder("x").unit("us").distribution(Distribution.ofValues(values, "us", 1, 3))
                .build();
        PercentileCurve c = PercentileCurve.of(b);
        assertEquals(100, c.count());
        assertEquals(b.figures().distribution().percentile(90), c.valueAt(90), "90% from the histogram");
        assertEquals(109, c.max(), "the largest value");
        for (int i = 1; i < c.size(); i++) {
            assertTrue(c.percentile(i) > c.percentile(i - 1) && c.value(i) >= c.value(i - 1), "HdrHistogram's steps");
        }
        assertNull(PercentileCurve.of(Benchmark.builder("y").unit("us").build()));
    }
}
