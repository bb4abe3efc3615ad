package dev.perfdesk.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.perfdesk.core.bench.Benchmark;
import dev.perfdesk.core.bench.BenchmarkRun;
import dev.perfdesk.core.changepoint.ChangePointOptions;
import dev.perfdesk.core.series.ChangePointReport;
import dev.perfdesk.core.series.ChangePointReview;
import dev.perfdesk.core.series.ChangePointReviews;
import dev.perfdesk.core.series.ReviewStatus;
import dev.perfdesk.core.series.RunHistory;
import dev.perfdesk.core.series.SeriesAnalysis;
import dev.perfdesk.core.series.SeriesChangePoint;

/** The CI summary: the gate follows the reviews, names from input are escaped, numbers come from their homes. */
class CiSummaryTest {

    private static List<ChangePointReport> reports() {
        List<RunHistory.IdentifiedRun> runs = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            double level = i < 12 ? 10 : 11.2;
            Benchmark b = Benchmark.builder("sleep | <img src=x>").unit("ms").lowerIsBetter(true)
                    .samples(new double[] {level, level * 1.001, level * 0.999}).build();
            BenchmarkRun run = new BenchmarkRun("b" + i + ".json", "hyperfine", "hyperfine-json",
                    Instant.ofEpochSecond(1_700_000_000L + i * 3600L), Map.of(), "", "", Map.of(), List.of(b),
                    List.of(), Map.of("platform", "aws-m6i", "commit", "c" + i));
            runs.add(new RunHistory.IdentifiedRun("r" + (i + 1), run, Instant.EPOCH));
        }
        List<ChangePointReport> out = new ArrayList<>();
        for (RunHistory.RunSeries s : RunHistory.of(runs)) {
            out.addAll(SeriesAnalysis.analyze(s.set(), ChangePointOptions.DEFAULTS, s.directions()));
        }
        return out;
    }

    @Test
    void anUnreviewedRegressionFailsAndItsReviewClearsTheGate() {
        List<ChangePointReport> reports = reports();
        CiSummary fresh = new CiSummary("b19.json (r20)", Map.of("platform", "aws-m6i"), reports, 20,
                ChangePointReviews.NONE, null);
        assertTrue(fresh.fails());
        SeriesChangePoint cp = fresh.newRegressions().get(0);
        assertEquals(12, cp.index());
        String md = fresh.markdown();
        assertTrue(md.startsWith("## Perfdesk: FAIL\n"), md);
        assertTrue(md.contains("sleep \\| &lt;img src=x>"), "names escaped: " + md);
        assertFalse(md.contains("<img"), md);
        assertTrue(md.contains("| r13 · commit c12 |"), "the first run of the new level, with its commit: " + md);
        assertTrue(md.contains("| 10.000 ms | 11.200 ms | +12.0% |"), md);
        assertTrue(md.contains("`platform=aws-m6i`"), md);

        ChangePointReviews reviews = ChangePointReviews.of(Map.of(cp.key(),
                new ChangePointReview(ReviewStatus.DISMISSED, "noisy | neighbour")));
        CiSummary reviewed = new CiSummary("b19.json (r20)", Map.of(), reports, 20, reviews, null);
        assertFalse(reviewed.fails());
        assertTrue(reviewed.markdown().contains("regression, dismissed: noisy \\| neighbour"), reviewed.markdown());
        assertTrue(reviewed.markdown().contains("No new regression in the series."));
    }
}
