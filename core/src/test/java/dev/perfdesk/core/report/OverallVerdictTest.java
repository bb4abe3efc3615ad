package dev.perfdesk.core.report;

import static dev.perfdesk.core.report.TestRuns.around;
import static dev.perfdesk.core.report.TestRuns.run;
import static dev.perfdesk.core.report.TestRuns.samples;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.perfdesk.core.bench.Benchmark;
import dev.perfdesk.core.bench.BenchmarkRun;
import dev.perfdesk.core.stats.ComparisonOptions;
import dev.perfdesk.core.stats.ScoreSummary;
import dev.perfdesk.core.stats.Verdict;

/** PASS, PASS WITH WARNING and FAIL: which findings lead to which verdict. */
class OverallVerdictTest {

    private static RunComparison compare(BenchmarkRun base, BenchmarkRun cand) {
        return RunComparison.compare(base, cand, ComparisonOptions.DEFAULTS);
    }

    /** One benchmark of 20 samples a side, the candidate's scaled by {@code factor}. */
    private static RunComparison scaled(String unit, double factor) {
        return compare(run("base", samples("parse", unit, around(100, 20))),
                run("cand", samples("parse", unit, around(100 * factor, 20))));
    }

    @ParameterizedTest(name = "{0} x{1}: {2}, {3}")
    @CsvSource(delimiter = '|', textBlock = """
            ns/op | 1.00  | NO_CHANGE    | PASS
            ns/op | 1.10  | REGRESSION   | FAIL
            ns/op | 0.90  | IMPROVED     | PASS
            ns/op | 1.03  | WITHIN_NOISE | PASS_WITH_WARNING
            ns/op | 0.97  | WITHIN_NOISE | PASS
            ops/s | 0.90  | REGRESSION   | FAIL
            ops/s | 1.10  | IMPROVED     | PASS
            ops/s | 0.97  | WITHIN_NOISE | PASS_WITH_WARNING
            """)
    void decidesByDirectionAndThreshold(String unit, double factor, Verdict row, ReportVerdict overall) {
        RunComparison c = scaled(unit, factor);
        assertEquals(row, c.benchmarks().get(0).verdict());
        assertEquals(overall, c.verdict().verdict(), c.verdict().toString());
    }

    @Test
    void failsWithTheRegressionNamedAndTheThresholdUsed() {
        OverallVerdict v = scaled("ns/op", 1.10).verdict();
        assertEquals(List.of("Regression beyond the 5% threshold: parse +10.00% (p<0.001)"), v.failures());
        assertTrue(v.warnings().isEmpty(), v.warnings().toString());
    }

    @Test
    void aRegressionWithinNoiseWarns() {
        OverallVerdict v = scaled("ns/op", 1.03).verdict();
        assertEquals(List.of("Regression within noise (significant but smaller than 5%): parse +3.00% (p<0.001)"),
                v.warnings());
    }

    @Test
    void changingTheThresholdReEvaluates() {
        RunComparison c = scaled("ns/op", 1.03);
        assertEquals(ReportVerdict.FAIL, c.withOptions(ComparisonOptions.DEFAULTS.withNoiseThreshold(0.02))
                .verdict().verdict());
        RunComparison wider = scaled("ns/op", 1.10).withOptions(ComparisonOptions.DEFAULTS.withNoiseThreshold(0.15));
        assertEquals(Verdict.WITHIN_NOISE, wider.benchmarks().get(0).verdict());
        assertEquals(ReportVerdict.PASS_WITH_WARNING, wider.verdict().verdict());
    }

    @Test
    void tooFewSamplesWarn() {
        RunComparison c = compare(run("base", samples("parse", "ns/op", new double[] {100, 101, 102})),
                run("cand", samples("parse", "ns/op", new double[] {110, 111, 112})));
        assertEquals(Verdict.NO_CHANGE, c.benchmarks().get(0).verdict(), "3 a side cannot reach p <= 0.05");
        assertEquals(ReportVerdict.PASS_WITH_WARNING, c.verdict().verdict());
        assertTrue(c.verdict().warnings().contains("Too few samples: with n=3 and n=3 the smallest possible p-value "
                + "is 0.1 > alpha 0.05; need >= 4 a side (parse)"), c.verdict().warnings().toString());
    }

    @Test
    void unmatchedBenchmarksWarn() {
        RunComparison c = compare(
                run("base", samples("parse", "ns/op", around(100, 20)), samples("old", "ns/op", around(5, 20))),
                run("cand", samples("parse", "ns/op", around(100, 20)), samples("new", "ns/op", around(5, 20))));
        assertEquals(ReportVerdict.PASS_WITH_WARNING, c.verdict().verdict());
        assertEquals(List.of("Only in the baseline: old", "Only in the candidate: new"), c.verdict().warnings());
    }

    @Test
    void aBenchmarkWithoutDataOnOneSideIsNotComparedAndWarns() {
        Benchmark empty = Benchmark.builder("parse").unit("ns/op").build();
        RunComparison c = compare(run("base", samples("parse", "ns/op", around(100, 20))), run("cand", empty));
        assertTrue(c.benchmarks().isEmpty());
        assertEquals(List.of("parse (no samples or score in the candidate)"), c.notCompared());
        assertEquals(ReportVerdict.PASS_WITH_WARNING, c.verdict().verdict());
    }

    @Test
    void welchOnSummariesIsANoteNotAWarning() {
        Benchmark before = Benchmark.builder("parse").unit("ns/op").mode("avgt")
                .score(new ScoreSummary(100, 1, ScoreSummary.JMH_CONFIDENCE, 25)).build();
        Benchmark after = Benchmark.builder("parse").unit("ns/op").mode("avgt")
                .score(new ScoreSummary(100.2, 1, ScoreSummary.JMH_CONFIDENCE, 25)).build();
        RunComparison c = compare(run("base", before), run("cand", after));
        assertTrue(c.benchmarks().get(0).comparison().warnings().get(0).startsWith("no raw samples"));
        assertEquals(ReportVerdict.PASS, c.verdict().verdict(), c.verdict().toString());
    }

    @Test
    void aMissedLatencyTargetFails() {
        RunComparison c = RunComparison.compare("base", run("base", samples("get", "ms", around(10, 50))), "cand",
                run("cand", samples("get", "ms", around(10, 50))), ComparisonOptions.DEFAULTS,
                List.of(LatencyTarget.parse("p99=10050us"), LatencyTarget.parse("get@p50=20ms")));
        assertEquals(ReportVerdict.FAIL, c.verdict().verdict());
        assertEquals(List.of("Latency target missed: get p99 10.098 ms > target 10.050 ms"), c.verdict().failures());
        assertTrue(c.latency().get(0).percentiles().get(0).hasTarget());
        assertTrue(!c.latency().get(0).percentiles().get(0).missesTarget());
    }

    @Test
    void aTargetMatchingNothingWarns() {
        RunComparison c = RunComparison.compare("base", run("base", samples("get", "ms", around(10, 50))), "cand",
                run("cand", samples("get", "ms", around(10, 50))), ComparisonOptions.DEFAULTS,
                List.of(LatencyTarget.parse("post@p99=1s")));
        assertEquals(ReportVerdict.PASS_WITH_WARNING, c.verdict().verdict());
        assertEquals(List.of("Target post@p99=1s matched no latency benchmark with percentiles in both runs"),
                c.verdict().warnings());
    }

    @Test
    void aRunComparedWithItselfIsNoChangeEverywhere() {
        BenchmarkRun r = run("r", samples("a", "ns/op", around(100, 20)), samples("b", "ops/s", around(7, 30)));
        RunComparison c = compare(r, r);
        assertTrue(c.benchmarks().stream().allMatch(b -> b.verdict() == Verdict.NO_CHANGE));
        assertEquals(ReportVerdict.PASS, c.verdict().verdict());
        assertEquals(1.0, c.report().geometricMean(), 1e-12);
    }
}
