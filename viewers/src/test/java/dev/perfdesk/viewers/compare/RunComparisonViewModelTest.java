package dev.perfdesk.viewers.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.perfdesk.core.report.BenchmarkComparison;
import dev.perfdesk.core.report.NoteGroup;
import dev.perfdesk.core.stats.Verdict;

/** The comparison's state without a toolkit: report order, filter, shared prefix and note groups of 76 JMH rows. */
class RunComparisonViewModelTest {
    private static RunComparisonViewModel vm;

    @BeforeAll
    static void compare() {
        vm = new RunComparisonViewModel(Runnable::run, Runnable::run);
        vm.setRuns("baseline", JmhComparisonData.baseline(), "candidate", JmhComparisonData.candidate());
    }

    @Test
    void comparesAllSeventySixRowsOfTheGeneratedJmhPair() {
        assertEquals(76, vm.getComparison().benchmarks().size());
        assertEquals(76, vm.rows().size());
        BenchmarkComparison row41 = vm.getComparison().benchmarks().get(40);
        BenchmarkComparison row46 = vm.getComparison().benchmarks().get(45);
        assertEquals(Verdict.REGRESSION, row41.verdict(), row41.key().toString());
        assertEquals(Verdict.REGRESSION, row46.verdict(), row46.key().toString());
    }

    @Test
    void ordersPrimaryMetricsThenSecondaryEachRegressionsByLargestChangeThenImprovementsThenTheRest() {
        List<BenchmarkComparison> rows = vm.rows();
        assertEquals(vm.getComparison().benchmarksInReportOrder(), rows);
        int primaries = vm.getComparison().primary().size();
        assertTrue(primaries > 0 && primaries < rows.size(), "both kinds: " + primaries);
        assertTrue(rows.subList(0, primaries).stream().allMatch(b -> b.baseline().metric().equals("primary")),
                "the primary metrics first");
        assertTrue(rows.subList(primaries, rows.size()).stream().noneMatch(b -> b.baseline().metric()
                .equals("primary")), "then the secondary ones");
        assertTrue(rows.get(primaries).key().name().contains("MapBench.put"),
                "25% more allocation heads the secondary metrics");
        for (List<BenchmarkComparison> group : List.of(rows.subList(0, primaries),
                rows.subList(primaries, rows.size()))) {
            int rank = 0;
            double lastChange = Double.POSITIVE_INFINITY;
            for (BenchmarkComparison b : group) {
                int r = b.verdict() == Verdict.REGRESSION ? 0 : b.verdict() == Verdict.IMPROVED ? 1 : 2;
                assertTrue(r >= rank, "regressions, improvements, the rest: " + b.key());
                if (r != rank) {
                    lastChange = Double.POSITIVE_INFINITY;
                    rank = r;
                }
                if (r < 2) {
                    double change = Math.abs(b.comparison().change());
                    assertTrue(change <= lastChange, "largest change first: " + b.key());
                    lastChange = change;
                }
            }
        }
        assertTrue(rows.stream().filter(b -> b.verdict() == Verdict.REGRESSION).count() >= 2);
        assertTrue(rows.stream().filter(b -> b.verdict() == Verdict.IMPROVED).count() >= 2);
    }

    @Test
    void namesDropThePackagePrefixEveryRowShares() {
        assertEquals(JmhComparisonData.PACKAGE, vm.namePrefixProperty().get());
        assertTrue(vm.shortName(vm.rows().get(0)).startsWith("collections.MapBench."));
    }

    @Test
    void filterShowsRowsWhoseNameContainsTheTextIgnoringCase() {
        vm.filterProperty().set("queuebench");
        try {
            assertEquals(8, vm.visibleRows().size(), "two parameter sets, primary and three gc metrics");
            assertTrue(vm.visibleRows().stream().allMatch(b -> b.key().name().contains("QueueBench")));
        } finally {
            vm.filterProperty().set("");
        }
        assertEquals(76, vm.visibleRows().size());
    }

    @Test
    void groupsNotesByKindWithTheirBenchmarks() {
        List<NoteGroup> groups = vm.noteGroups();
        assertTrue(groups.size() >= 2, groups.toString());
        NoteGroup fewSamples = groups.stream()
                .filter(g -> g.kind().equals("too-few-samples")).findFirst().orElseThrow();
        assertEquals(12, fewSamples.items().size(), "three single-shot benchmarks, four rows each");
        assertTrue(fewSamples.title().startsWith("12 "), fewSamples.title());
    }
}
