package dev.perfdesk.core.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.perfdesk.core.stats.ScoreSummary;

class RelativeSpeedTest {

    /** A hyperfine result as its importer builds it: the mean and stddev hyperfine computed, in seconds. */
    private static Benchmark command(String name, double mean, double stddev) {
        Benchmark.Builder b = Benchmark.builder(name).unit("s").lowerIsBetter(true).statistic("mean", mean);
        if (!Double.isNaN(stddev)) {
            b.statistic("stddev", stddev);
        }
        return b.build();
    }

    @Test
    void ratiosAgainstTheFastestAreHyperfinesOwnUnitTest() {
        // hyperfine's test_compute_relative_speed: means 3, 2, 5 (stddev 1) give 1.5, 1.0, 2.5.
        List<Benchmark> run = List.of(command("cmd1", 3, 1), command("cmd2", 2, 1), command("cmd3", 5, 1));
        RelativeSpeed speed = RelativeSpeed.of(run, null);
        assertEquals("cmd2", speed.reference().name());
        assertEquals(1.5, speed.entries().get(0).ratio(), 1e-15);
        assertEquals(1.0, speed.entries().get(1).ratio(), 1e-15);
        assertEquals(2.5, speed.entries().get(2).ratio(), 1e-15);
        assertEquals(RelativeSpeed.Relation.REFERENCE, speed.entries().get(1).relation());
    }

    @Test
    void reproducesHyperfinesPrintedSummaryFromItsJsonMeansAndStddevs() {
        // sample-data/bench/hyperfine/hyperfine-relative.json and the summary hyperfine 1.15.0 printed
        // (hyperfine-relative.md): 'sleep 0.01' ran 2.30 ± 1.53 / 3.02 ± 1.51 times faster than ...
        List<Benchmark> run = List.of(command("sleep 0.01", 0.014611735399999999, 0.0062199156181833685),
                command("sleep 0.02", 0.0336790472, 0.01712510465001324),
                command("sleep 0.03", 0.0441386046, 0.011517427442653732));
        assertEquals(List.of("sleep 0.01 ran 2.30 ± 1.53 times faster than sleep 0.02",
                "sleep 0.01 ran 3.02 ± 1.51 times faster than sleep 0.03"), RelativeSpeed.of(run, null).sentences());
    }

    @Test
    void propagatesBothRelativeDeviationsIntoTheRatio() {
        RelativeSpeed speed = RelativeSpeed.of(List.of(command("a", 2, 0.2), command("b", 6, 0.3)), null);
        RelativeSpeed.Entry b = speed.entries().get(1);
        assertEquals(3.0, b.ratio(), 1e-15);
        assertEquals(3.0 * Math.sqrt(0.1 * 0.1 + 0.05 * 0.05), b.ratioStddev(), 1e-15);
        assertEquals(RelativeSpeed.Relation.SLOWER, b.relation());
    }

    @Test
    void aChosenSlowerReferenceRunsSlowerThanTheFasterOnes() {
        List<Benchmark> run = List.of(command("a", 2, 0.2), command("b", 6, 0.3), command("c", 12, 0.6));
        RelativeSpeed speed = RelativeSpeed.of(run, "b");
        assertEquals("b", speed.reference().name());
        assertEquals(List.of("b ran 3.00 ± 0.34 times slower than a", "b ran 2.00 ± 0.14 times faster than c"),
                speed.sentences());
    }

    @Test
    void equalMeansRunAsFast() {
        RelativeSpeed speed = RelativeSpeed.of(List.of(command("a", 2, 0.2), command("b", 2, 0.2)), null);
        assertEquals(List.of("a ran as fast (1.00 ± 0.14) as b"), speed.sentences());
    }

    @Test
    void withoutAStandardDeviationTheRatioHasNone() {
        RelativeSpeed speed = RelativeSpeed.of(List.of(command("one run", 1, Double.NaN), command("b", 2, 0.1)),
                null);
        assertEquals(List.of("one run ran 2.00 times faster than b"), speed.sentences());
    }

    @Test
    void aZeroTimeIsInfinitelyFasterAsInHyperfine() {
        RelativeSpeed speed = RelativeSpeed.of(List.of(command("a", 1, 0.1), command("zero", 0, 0)), "a");
        assertEquals(List.of("a ran inf times slower than zero"), speed.sentences());
    }

    @Test
    void throughputsAreFasterWhenHigher() {
        Benchmark fast = Benchmark.builder("fast").mode("thrpt").unit("ops/s").lowerIsBetter(false)
                .score(new ScoreSummary(300, 0, ScoreSummary.JMH_CONFIDENCE, 3)).build();
        Benchmark slow = Benchmark.builder("slow").mode("thrpt").unit("ops/s").lowerIsBetter(false)
                .score(new ScoreSummary(100, 0, ScoreSummary.JMH_CONFIDENCE, 3)).build();
        RelativeSpeed speed = RelativeSpeed.of(List.of(slow, fast), null);
        assertEquals(List.of("fast ran 3.00 ± 0.00 times faster than slow"), speed.sentences());
    }

    @Test
    void comparesOnlyTheReferencesMetricUnitAndDirection() {
        Benchmark time = command("a", 2, 0.1);
        Benchmark slower = command("b", 4, 0.1);
        Benchmark thrpt = Benchmark.builder("a").mode("thrpt").unit("ops/s").lowerIsBetter(false)
                .statistic("mean", 500).build();
        Benchmark gc = Benchmark.builder("a").metric("gc.alloc.rate").unit("MB/sec").lowerIsBetter(true)
                .statistic("mean", 5).build();
        Benchmark failed = Benchmark.builder("c").unit("s").lowerIsBetter(true)
                .status(BenchmarkStatus.FAILED, "exit 3").build();
        RelativeSpeed speed = RelativeSpeed.of(List.of(time, slower, thrpt, gc, failed), null);
        assertEquals(2, speed.entries().size());
        assertEquals(List.of("1 benchmark: unit ops/s, higher is better, not s, lower is better",
                "1 benchmark: no mean", "1 of other metrics (gc.alloc.rate)"), speed.notComparedSummary());
    }

    @Test
    void namesCarryParametersOnlyWhenTheNameAloneIsAmbiguousAndModesAreComparedApart() {
        Benchmark small = Benchmark.builder("sort").param("size", "10").mode("avgt").unit("us/op")
                .lowerIsBetter(true).statistic("mean", 1).build();
        Benchmark large = Benchmark.builder("sort").param("size", "100").mode("avgt").unit("us/op")
                .lowerIsBetter(true).statistic("mean", 4).build();
        Benchmark shot = Benchmark.builder("sort").param("size", "10").mode("ss").unit("us/op")
                .lowerIsBetter(true).statistic("mean", 40).build();
        RelativeSpeed speed = RelativeSpeed.of(List.of(small, large, shot), null);
        // A single shot includes the warm-up an average time leaves out: the ss row is not compared with avgt.
        assertEquals(List.of("sort{size=10} ran 4.00 times faster than sort{size=100}"), speed.sentences());
        assertEquals(List.of("1 benchmark: mode ss, not avgt"), speed.notComparedSummary());
        assertEquals("sort{size=100}", RelativeSpeed.of(List.of(small, large, shot), "sort{size=100}")
                .reference().name());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RelativeSpeed.of(List.of(small, large, shot), "sort"));
        assertTrue(e.getMessage().contains("3 benchmarks are named 'sort'"), e.getMessage());
        assertTrue(e.getMessage().endsWith("such as 'sort{size=10} avgt'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RelativeSpeed.of(List.of(small), "nope"));
    }

    @Test
    void roundsTheExactDecimalValueAsRustDoes() {
        assertEquals("1.00", RelativeSpeed.twoDecimals(1.005));   // really 1.00499999999999989...
        assertEquals("2.31", RelativeSpeed.twoDecimals(2.3051));
    }

    @Test
    void aSingleBenchmarkHasNothingToSay() {
        assertTrue(RelativeSpeed.of(List.of(command("a", 1, 0.1)), null).isEmpty());
        assertTrue(RelativeSpeed.of(List.of(command("a", 1, 0.1)), null).sentences().isEmpty());
    }

    @Test
    void theRatioTextIsTheSentencesAndHyperfinesMarkdownColumn() {
        List<Benchmark> run = List.of(command("sleep 0.01", 0.014611735399999999, 0.0062199156181833685),
                command("sleep 0.02", 0.0336790472, 0.01712510465001324), command("once", 0.05, Double.NaN));
        RelativeSpeed speed = RelativeSpeed.of(run, null);
        assertEquals("1.00", RelativeSpeed.ratioText(speed.reference()));
        assertEquals("2.30 ± 1.53", RelativeSpeed.ratioText(speed.entries().get(1)));
        assertEquals("3.42", RelativeSpeed.ratioText(speed.entries().get(2)));
        for (RelativeSpeed.Entry e : speed.others()) {
            assertTrue(speed.sentence(e).contains(" " + RelativeSpeed.ratioText(e) + " times faster than "),
                    speed.sentence(e));
        }
    }

    @Test
    void groupsComparesEachModeMetricUnitAndDirectionAgainstItsFastest() {
        Benchmark thrptSlow = Benchmark.builder("a").mode("thrpt").unit("ops/us").lowerIsBetter(false)
                .score(new ScoreSummary(100, 0, ScoreSummary.JMH_CONFIDENCE, 3)).build();
        Benchmark thrptFast = Benchmark.builder("b").mode("thrpt").unit("ops/us").lowerIsBetter(false)
                .score(new ScoreSummary(200, 0, ScoreSummary.JMH_CONFIDENCE, 3)).build();
        Benchmark avgt = Benchmark.builder("a").mode("avgt").unit("us/op").lowerIsBetter(true)
                .statistic("mean", 3).build();
        Benchmark failed = Benchmark.builder("c").unit("s").lowerIsBetter(true)
                .status(BenchmarkStatus.FAILED, "exit 3").build();
        Benchmark shot = Benchmark.builder("a").mode("ss").unit("us/op").lowerIsBetter(true)
                .statistic("mean", 30).build();
        Benchmark avgtB = Benchmark.builder("b").mode("avgt").unit("us/op").lowerIsBetter(true)
                .statistic("mean", 6).build();
        List<RelativeSpeed> groups = RelativeSpeed.groups(List.of(thrptSlow, avgt, thrptFast, failed, shot, avgtB));
        assertEquals(3, groups.size());
        assertEquals(List.of("b ran 2.00 ± 0.00 times faster than a"), groups.get(0).sentences());
        assertEquals("us/op", groups.get(1).unit());
        assertEquals(List.of("a ran 2.00 times faster than b"), groups.get(1).sentences());
        assertTrue(groups.get(2).isEmpty(), "a single shot is not compared with average times");
    }

    @Test
    void referenceNameIsTheNameThatTakesTheBenchmarkAsReference() {
        Benchmark small = Benchmark.builder("sort").param("size", "10").mode("avgt").unit("us/op")
                .lowerIsBetter(true).statistic("mean", 1).build();
        Benchmark shot = Benchmark.builder("sort").param("size", "10").mode("ss").unit("us/op")
                .lowerIsBetter(true).statistic("mean", 40).build();
        Benchmark gc = Benchmark.builder("sort").metric("gc.count").unit("counts").lowerIsBetter(true)
                .statistic("mean", 5).build();
        List<Benchmark> run = List.of(small, shot, gc);
        assertEquals("sort{size=10} ss", RelativeSpeed.referenceName(shot, run));
        assertEquals(shot, RelativeSpeed.of(run, RelativeSpeed.referenceName(shot, run)).reference().benchmark());
        assertEquals(null, RelativeSpeed.referenceName(gc, run));
    }
}
