package dev.perfdesk.core.report;

import static dev.perfdesk.core.report.TestRuns.around;
import static dev.perfdesk.core.report.TestRuns.run;
import static dev.perfdesk.core.report.TestRuns.samples;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.perfdesk.core.bench.Benchmark;
import dev.perfdesk.core.bench.BenchmarkRun;
import dev.perfdesk.core.stats.ComparisonOptions;
import dev.perfdesk.core.stats.ScoreSummary;
import dev.perfdesk.core.stats.TestMethod;

/** Centres, geometric means, primary and secondary metrics, and numbers as reports write them. */
class HonestComparisonTest {

    private static Benchmark jmh(String name, String metric, String unit, double score, double[] iterations) {
        return Benchmark.builder(name).mode("avgt").metric(metric).unit(unit).lowerIsBetter(true)
                .samples(iterations).score(new ScoreSummary(score, score * 0.1, 0.999, iterations.length)).build();
    }

    @Test
    void aJmhRowsCentreIsItsScoreAndTheTestStaysOnTheIterations() {
        double[] base = {10, 10, 10, 10, 30};
        double[] cand = {11, 11, 11, 11, 33};
        RunComparison c = RunComparison.compare(run("b", jmh("p.A.x", Benchmark.PRIMARY, "ns/op", 14, base)),
                run("c", jmh("p.A.x", Benchmark.PRIMARY, "ns/op", 15.4, cand)), ComparisonOptions.DEFAULTS);
        BenchmarkComparison b = c.benchmarks().get(0);
        assertEquals(14, b.comparison().baseline().centre(), "the score, as figures().centre() gives it");
        assertEquals(b.baseline().figures().centre(), b.comparison().baseline().centre());
        assertEquals(0.10, b.comparison().change(), 1e-12);
        assertEquals(TestMethod.MANN_WHITNEY_EXACT, b.comparison().test());
    }

    private static RunComparison mixed(ComparisonOptions options) {
        BenchmarkRun base = run("b", samples("p.A.lat", "ns/op", around(100, 20)),
                samples("p.A.rate", "ops/s", around(100, 20)),
                Benchmark.builder("p.A.lat").metric("gc.alloc.rate.norm").unit("B/op").lowerIsBetter(true)
                        .samples(around(100, 20)).build());
        BenchmarkRun cand = run("c", samples("p.A.lat", "ns/op", around(80, 20)),
                samples("p.A.rate", "ops/s", around(125, 20)),
                Benchmark.builder("p.A.lat").metric("gc.alloc.rate.norm").unit("B/op").lowerIsBetter(true)
                        .samples(around(200, 20)).build());
        return RunComparison.compare(base, cand, options);
    }

    @Test
    void geomeansAreByUnitAndDirectionAndTheOverallFigureIsOrientedSoAboveOneIsBetter() {
        RunComparison c = mixed(ComparisonOptions.DEFAULTS);
        List<UnitGeomean> g = c.geomeans();
        assertEquals(2, g.size(), g.toString());
        assertEquals(0.8, g.get(0).ratio(), 1e-9);
        assertEquals(1.25, g.get(1).ratio(), 1e-9);
        assertEquals(1.25, c.geomeanSpeedup(), 1e-9, "both got 25% better");
        assertEquals("geomean speedup 1.25× over 2 primary metrics (each ratio oriented so > 1 is better)",
                c.geomeanSentence());
    }

    @Test
    void secondaryMetricsAreListedApartAndLeaveTheVerdictAlone() {
        RunComparison c = mixed(ComparisonOptions.DEFAULTS);
        assertEquals(2, c.primary().size());
        assertEquals(1, c.secondary().size());
        assertEquals(ReportVerdict.PASS, c.verdict().verdict(), c.verdict().toString());
        String text = new TextReportWriter().write(c);
        assertTrue(text.contains("Secondary metrics"), text);
        assertTrue(text.startsWith("Benchmark comparison: b vs c\nPASS: 2 primary metrics compared"), text);
        RunComparison all = mixed(ComparisonOptions.DEFAULTS.withAllMetrics(true));
        assertEquals(3, all.primary().size());
        assertEquals(ReportVerdict.FAIL, all.verdict().verdict(), "the doubled allocation counts now");
    }

    @Test
    void noInfinityNoExponentAndAnIntervalThatCannotBeComputedSaysWhy() {
        RunComparison c = RunComparison.compare(
                run("b", samples("p.A.x", "ops/us", new double[] {0.00099, 0.001, 0.00101})),
                run("c", samples("p.A.x", "ops/us", new double[] {0.00097, 0.00098, 0.00099})),
                ComparisonOptions.DEFAULTS);
        for (ReportWriter w : List.of(new TextReportWriter(), new MarkdownReportWriter(), new HtmlReportWriter(),
                new JsonReportWriter())) {
            String out = w.write(c);
            assertFalse(out.contains("\u221e"), w.extension() + ": " + out);
            assertFalse(out.matches("(?s).*\\d\\.\\d+e-\\d.*"), w.extension() + ": " + out);
            if (!(w instanceof JsonReportWriter)) {
                assertTrue(out.contains("(n=3)"), w.extension() + ": " + out);
            }
        }
    }

    @Test
    void latencyTableOnlyForMetricsWithADistributionOnBothSides() {
        Benchmark gcTime = Benchmark.builder("p.A.x").mode("avgt").metric("gc.time").unit("ms").lowerIsBetter(true)
                .samples(new double[] {3, 4, 5}).reportedPercentile(50, 4).reportedPercentile(99, 5).build();
        Benchmark latency = samples("p.A.get", "ms", around(10, 50));
        RunComparison c = RunComparison.compare(run("b", gcTime, latency), run("c", gcTime, latency),
                ComparisonOptions.DEFAULTS);
        assertEquals(List.of("p.A.get"), c.latency().stream().map(r -> r.key().toString()).toList());
    }

    @Test
    void markdownWritesNumbersAndFixedTextWithoutEscapes() {
        RunComparison c = RunComparison.compare(run("b", samples("p.A.x", "ms", around(1.37, 20))),
                run("c", samples("p.A.x", "ms", around(2, 20))), ComparisonOptions.DEFAULTS);
        String md = new MarkdownReportWriter().write(c);
        assertFalse(md.contains("\\."), md);
        assertFalse(md.contains("&lt;"), md);
        assertFalse(md.contains("\\~"), md);
        assertTrue(md.contains("p<0.001"), md);
        assertEquals("a\\|b \\`c\\` &lt;img src=x> 1.37 p<0.001 (~)",
                MarkdownText.escape("a|b `c` <img src=x> 1.37 p<0.001 (~)"));
    }

    @Test
    void htmlShowsShortNamesWithTheFullNameOnHoverAndNotesAsDetails() {
        RunComparison c = RunComparison.compare(
                run("b", samples("dev.perfdesk.bench.Parse.json", "ns/op", new double[] {1, 2, 3}),
                        samples("dev.perfdesk.bench.Parse.xml", "ns/op", around(10, 20))),
                run("c", samples("dev.perfdesk.bench.Parse.json", "ns/op", new double[] {1, 2, 3}),
                        samples("dev.perfdesk.bench.Parse.xml", "ns/op", around(10, 20))),
                ComparisonOptions.DEFAULTS);
        String html = new HtmlReportWriter().write(c);
        assertTrue(html.contains("<td class=\"name\" title=\"dev.perfdesk.bench.Parse.xml\">xml</td>"), html);
        assertTrue(html.contains("<details class=\"notes too-few-samples\"><summary>1 benchmark has too few"), html);
        assertTrue(html.contains(">json</text>"), "chart label without the common prefix");
    }
}
