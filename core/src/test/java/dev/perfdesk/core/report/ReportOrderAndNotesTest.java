package dev.perfdesk.core.report;

import static dev.perfdesk.core.report.TestRuns.around;
import static dev.perfdesk.core.report.TestRuns.run;
import static dev.perfdesk.core.report.TestRuns.samples;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.perfdesk.core.bench.Benchmark;
import dev.perfdesk.core.bench.BenchmarkStatus;
import dev.perfdesk.core.stats.ComparisonOptions;

/** Report order (regressions, improvements, the rest) and notes grouped by kind. */
class ReportOrderAndNotesTest {
    private static final String P = "dev.perfdesk.bench.";

    @Test
    void ordersRegressionsThenImprovementsLargestFirstThenTheRestInFileOrder() {
        RunComparison c = RunComparison.compare(
                run("base", samples(P + "a", "ns/op", around(100, 20)), samples(P + "b", "ns/op", around(100, 20)),
                        samples(P + "c", "ns/op", around(100, 20)), samples(P + "d", "ns/op", around(100, 20)),
                        samples(P + "e", "ns/op", around(100, 20)), samples(P + "f", "ns/op", around(100, 20))),
                run("cand", samples(P + "a", "ns/op", around(100, 20)), samples(P + "b", "ns/op", around(80, 20)),
                        samples(P + "c", "ns/op", around(110, 20)), samples(P + "d", "ns/op", around(130, 20)),
                        samples(P + "e", "ns/op", around(100, 20)), samples(P + "f", "ns/op", around(60, 20))),
                ComparisonOptions.DEFAULTS);
        assertEquals(List.of("d", "c", "f", "b", "a", "e"),
                c.benchmarksInReportOrder().stream().map(b -> c.shortName(b.key())).toList());
        assertEquals(6, c.benchmarks().size());
        assertEquals(P + "a", c.benchmarks().get(0).key().name());
    }

    @Test
    void groupsNotesByKindWithCountsAndShortNames() {
        RunComparison c = RunComparison.compare(
                run("base", samples(P + "few1", "ns/op", new double[] {1, 2, 3}),
                        samples(P + "few2", "ns/op", new double[] {4, 5, 6}),
                        Benchmark.builder(P + "empty").unit("ns/op").build(),
                        samples(P + "gone", "ns/op", around(100, 20)),
                        samples(P + "broken", "ns/op", around(100, 20))),
                run("cand", samples(P + "few1", "ns/op", new double[] {1, 2, 3}),
                        samples(P + "few2", "ns/op", new double[] {4, 5, 6}),
                        Benchmark.builder(P + "empty").unit("ns/op").build(),
                        samples(P + "new", "ns/op", around(100, 20)),
                        Benchmark.builder(P + "broken").unit("ns/op").status(BenchmarkStatus.FAILED, "boom")
                                .build()),
                ComparisonOptions.DEFAULTS);
        List<NoteGroup> groups = c.noteGroups();
        assertEquals(List.of("failed", "too-few-samples", "not-compared", "only-in-baseline", "only-in-candidate"),
                groups.stream().map(NoteGroup::kind).toList());
        NoteGroup few = groups.get(1);
        assertEquals("2 benchmarks have too few samples for a confidence interval or a significant test",
                few.title());
        assertEquals(List.of("few1", "few2"), few.items());
        assertEquals(List.of("gone"), groups.get(3).items());
        assertEquals(List.of("new"), groups.get(4).items());
        assertEquals("1 benchmark is only in the baseline", groups.get(3).title());
        assertEquals(List.of("broken (Failed: boom)"), groups.get(0).items());
        assertEquals(2, groups.get(2).count());
    }
}
