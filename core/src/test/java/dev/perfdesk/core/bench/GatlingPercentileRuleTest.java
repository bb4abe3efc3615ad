package dev.perfdesk.core.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import dev.perfdesk.core.report.PercentileCurve;

/**
 * A benchmark marked {@link Benchmark#GATLING_PERCENTILES} takes its percentiles, median and IQR from its raw samples
 * by Gatling's t-digest rule, the same on every call and for every copy, and its percentile curve goes through them;
 * without the mark the usual interpolation applies.
 */
class GatlingPercentileRuleTest {
    // 80 response times in ms with a slow tail, in log order: where t-digest and interpolation part at p99
    static final double[] TIMES = new double[80];

    static {
        for (int i = 0; i < TIMES.length; i++) {
            TIMES[i] = 2 + (i * 7) % 5;
        }
        TIMES[10] = 203;
        TIMES[40] = 70;
    }

    private static Benchmark gatling() {
        return Benchmark.builder("pages").unit("ms").samples(TIMES)
                .attribute(Benchmark.PERCENTILES_BY, Benchmark.GATLING_PERCENTILES).build();
    }

    @Test
    void figuresFollowGatlingsRuleDeterministically() {
        BenchmarkFigures f = gatling().figures();
        TDigestPercentiles rule = TDigestPercentiles.ofGatling(TIMES);
        assertTrue(f.followsToolPercentileRule());
        for (double p : new double[] {25, 50, 75, 90, 95, 99}) {
            assertEquals(rule.percentile(p), f.percentile(p), "p" + p);
            assertEquals(f.percentile(p), gatling().figures().percentile(p), "the same for another copy");
            assertEquals(Math.rint(f.percentile(p)), f.percentile(p), "whole ms as Gatling prints them");
        }
        assertEquals(f.percentile(50), f.centre());
        assertEquals(f.percentile(75) - f.percentile(25), f.spread());
        BenchmarkFigures plain = Benchmark.builder("pages").unit("ms").samples(TIMES).build().figures();
        assertFalse(plain.followsToolPercentileRule());
        assertEquals(BenchmarkFigures.interpolated(plain.sortedSamples(), 99), plain.percentile(99));
        assertTrue(f.percentile(99) > plain.percentile(99), f.percentile(99) + " against " + plain.percentile(99));
    }

    @Test
    void theCurveGoesThroughTheTablesPercentiles() {
        Benchmark b = gatling();
        PercentileCurve curve = PercentileCurve.of(b);
        for (double p : BenchmarkFigures.TABLE_PERCENTILES) {
            assertEquals(b.figures().percentile(p), curve.valueAt(p), "p" + p);
        }
    }
}
