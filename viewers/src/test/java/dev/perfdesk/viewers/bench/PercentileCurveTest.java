package dev.perfdesk.viewers.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import dev.perfdesk.core.report.PercentileCurve;
import dev.perfdesk.core.bench.Benchmark;
import dev.perfdesk.core.bench.Distribution;
import dev.perfdesk.core.bench.BenchmarkFigures;

/**
 * Percentile curves against HdrHistogram itself: the steps of a curve are the lines HdrHistogram's
 * {@code outputPercentileDistribution} prints for the same histogram, and a curve of raw samples gives the
 * samples' own percentiles within the histogram's precision.
 */
class PercentileCurveTest {

    /** The value, percentile and 1/(1-p) columns of {@code outputPercentileDistribution}, 100% left out. */
    static List<double[]> hgrm(Histogram h, double scale, int ticks) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        h.outputPercentileDistribution(new PrintStream(bytes, true, StandardCharsets.UTF_8), ticks, scale);
        List<double[]> rows = new ArrayList<>();
        for (String line : bytes.toString(StandardCharsets.UTF_8).split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length == 4 && f[0].matches("[0-9.]+")) {
                rows.add(new double[] {Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[3])});
            }
        }
        return rows;
    }

    private static void assertMatchesHgrm(Distribution d) {
        PercentileCurve c = PercentileCurve.of("d", d, 5);
        List<double[]> printed = hgrm(d.histogram(), d.scale(), 5);
        assertEquals(printed.size(), c.size(), "one step per printed line");
        for (int i = 0; i < c.size(); i++) {
            double[] row = printed.get(i);
            // printed with three decimals: the value to 0.0005, the percentile to 1e-12, 1/(1-p) to 0.005
            assertEquals(row[0], c.value(i), 0.0005 + Math.abs(row[0]) * 1e-12, "value at step " + i);
            assertEquals(row[1] * 100, c.percentile(i), 1e-9, "percentile at step " + i);
            assertEquals(row[2], c.x(i), 0.005 + row[2] * 1e-9, "1/(1-p) at step " + i);
        }
    }

    @Test
    void stepsAreTheLinesHdrHistogramPrintsForJmhSampleMode() throws Exception {
        Benchmark sample = BenchData.jmhSample();
        assertMatchesHgrm(sample.distribution());
    }

    @Test
    void stepsAreTheLinesHdrHistogramPrintsForWrk2sSpectrum() throws Exception {
        assertMatchesHgrm(BenchData.wrk2Latency().distribution());
    }

    @Test
    void stepsAreTheLinesHdrHistogramPrintsForALogNormalHistogram() {
        SplittableRandom r = new SplittableRandom(7);
        Histogram h = new Histogram(3);
        for (int i = 0; i < 200_000; i++) {
            h.recordValue((long) (1000 * Math.exp(r.nextGaussian() * 0.8 + 3)));
        }
        assertMatchesHgrm(new Distribution(h, "us", 1000));
    }

    @Test
    void curveOfRawSamplesGoesThroughTheTablesPercentiles() {
        SplittableRandom r = new SplittableRandom(11);
        double[] samples = new double[5000];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = 0.004 * Math.exp(r.nextGaussian() * 0.6);
        }
        double[] sorted = samples.clone();
        Arrays.sort(sorted);
        PercentileCurve c = PercentileCurve.ofSamples("raw", samples, "s");
        assertEquals(samples.length, c.count());
        for (double p : new double[] {0, 1, 10, 25, 50, 75, 90, 95, 99, 99.9, 100}) {
            assertEquals(BenchmarkFigures.interpolated(sorted, p), c.valueAt(p), "p" + p);
        }
        for (int i = 0; i < c.size(); i++) {
            assertEquals(BenchmarkFigures.interpolated(sorted, c.percentile(i)), c.value(i), "step " + i);
        }
        assertEquals(sorted[sorted.length - 1], c.max());
    }

    @Test
    void convertsToAnotherTimeUnitWithoutChangingPercentiles() {
        PercentileCurve us = PercentileCurve.ofSamples("x", new double[] {1000, 2000, 3000, 4000}, "us/op");
        PercentileCurve ms = us.inUnit("ms");
        assertEquals("ms", ms.unit());
        for (int i = 0; i < us.size(); i++) {
            assertEquals(us.value(i) / 1000, ms.value(i), 1e-12);
            assertEquals(us.percentile(i), ms.percentile(i));
        }
        assertEquals(us.valueAt(50) / 1000, ms.valueAt(50), 1e-12);
        assertTrue(NinesAxis.label(1000).equals("99.9%") && NinesAxis.label(2).equals("50%")
                && NinesAxis.label(1).equals("0%") && NinesAxis.label(10).equals("90%"));
    }
}
