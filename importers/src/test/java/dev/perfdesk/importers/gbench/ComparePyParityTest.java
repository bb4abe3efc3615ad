package dev.perfdesk.importers.gbench;

import static dev.perfdesk.importers.bench.BenchFiles.importRun;
import static dev.perfdesk.importers.bench.BenchFiles.testdata;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.perfdesk.core.report.BenchmarkComparison;
import dev.perfdesk.core.report.RunComparison;
import dev.perfdesk.core.report.UnitGeomean;
import dev.perfdesk.core.stats.ComparisonOptions;
import dev.perfdesk.core.stats.MannWhitneyMode;

/**
 * Google Benchmark files imported and compared as {@code perfdesk compare} does, against what compare.py reports
 * for them (testdata/gbench/EXPECTED.md). Where a benchmark has one value a side, compare.py's change is ours; where
 * it has repetitions, compare.py lists a change per repetition pair and we compare the medians, so there the U
 * test's p-values are what must agree (with scipy's choice of exact or approximate test).
 */
class ComparePyParityTest {
    private static final ComparisonOptions SCIPY = ComparisonOptions.DEFAULTS
            .withMannWhitneyMode(MannWhitneyMode.SCIPY_AUTO);

    private static RunComparison compare(String before, String after, ComparisonOptions options) throws Exception {
        return RunComparison.compare(importRun(testdata("gbench/" + before), "gbench-json"),
                importRun(testdata("gbench/" + after), "gbench-json"), options);
    }

    private static BenchmarkComparison row(RunComparison c, String name, String metric) {
        for (BenchmarkComparison b : c.benchmarks()) {
            if (b.baseline().name().equals(name) && b.baseline().metric().equals(metric)) {
                return b;
            }
        }
        return null;
    }

    private static String f4(double v) {
        return String.format(Locale.ROOT, "%+.4f", v);
    }

    @ParameterizedTest(name = "test1 {0}: {1} {2}")
    @CsvSource(delimiter = '|', textBlock = """
            BM_SameTimes          | +0.0000 | +0.0000
            BM_2xFaster           | -0.5000 | -0.5000
            BM_2xSlower           | +1.0000 | +1.0000
            BM_1PercentFaster     | -0.0100 | -0.0100
            BM_1PercentSlower     | +0.0100 | +0.0100
            BM_10PercentFaster    | -0.1000 | -0.1000
            BM_10PercentSlower    | +0.1000 | +0.1000
            BM_100xSlower         | +99.0000 | +99.0000
            BM_100xFaster         | -0.9900 | -0.9900
            BM_10PercentCPUToTime | +0.1000 | -0.1000
            BM_ThirdFaster        | -0.3333 | -0.3334
            BM_NotBadTimeUnit     | -0.9000 | +0.2000
            BM_hasLabel           | +0.0000 | +0.0000
            """)
    void test1ChangesMatchComparePy(String name, String time, String cpu) throws Exception {
        RunComparison c = compare("test1_run1.json", "test1_run2.json", SCIPY);
        BenchmarkComparison real = row(c, name, "primary");
        BenchmarkComparison cpuRow = row(c, name, "cpu_time");
        assertNotNull(real, name + " compared");
        assertNotNull(cpuRow, name + " cpu_time compared");
        assertEquals(time, f4(real.comparison().change()), "real_time");
        assertEquals(cpu, f4(cpuRow.comparison().change()), "cpu_time");
    }

    @Test
    void test1GeometricMeanIsOneOverRealTimesInNanosecondsAndSeconds() throws Exception {
        RunComparison c = compare("test1_run1.json", "test1_run2.json", SCIPY);
        List<UnitGeomean> g = c.geomeans();
        assertEquals(1, g.size(), "ns and s are one unit for a ratio: " + g);
        assertEquals(13, g.get(0).count());
        assertEquals("-0.1827", String.format(Locale.ROOT, "%+.4f", g.get(0).ratio() - 1),
                "the geometric mean of the 13 ratios; compare.py's OVERALL_GEOMEAN (-0.8113) is a ratio of geometric "
                        + "means of all entries, not of matched pairs");
    }

    @Test
    void test3AggregateEntriesWithoutAggregateNameAreComparedAsComparePyDoes() throws Exception {
        RunComparison c = compare("test3_run0.json", "test3_run1.json", SCIPY);
        assertTrue(c.notCompared().stream().noneMatch(s -> s.startsWith("short") || s.startsWith("BM_One")),
                c.notCompared().toString());
        BenchmarkComparison one = row(c, "BM_One", "primary");
        assertEquals("-0.1000", f4(one.comparison().change()));
        assertEquals("+0.1000", f4(row(c, "BM_One", "cpu_time").comparison().change()));
        assertEquals("-0.1250", f4(row(c, "short", "primary").comparison().change()), "median 8 vs median 7");
    }

    @ParameterizedTest(name = "test3 {0}: p {1} {2}")
    @CsvSource(delimiter = '|', textBlock = """
            BM_Two | 1.0000 | 0.6667
            short  | 0.7671 | 0.2000
            """)
    void test3UTestPValuesMatchComparePy(String name, String timeP, String cpuP) throws Exception {
        RunComparison c = compare("test3_run0.json", "test3_run1.json", SCIPY);
        assertEquals(timeP, String.format(Locale.ROOT, "%.4f", row(c, name, "primary").comparison().pValue()));
        assertEquals(cpuP, String.format(Locale.ROOT, "%.4f", row(c, name, "cpu_time").comparison().pValue()));
    }
}
