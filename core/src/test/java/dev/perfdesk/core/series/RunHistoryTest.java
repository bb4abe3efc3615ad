package dev.perfdesk.core.series;

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
import dev.perfdesk.core.changepoint.Direction;
import dev.perfdesk.core.stats.ScoreSummary;

class RunHistoryTest {

    private static Benchmark bench(String mode, String metric, String unit, boolean lowerIsBetter, double score) {
        return Benchmark.builder("dev.perfdesk.Parse.json").param("size", "1000").mode(mode).metric(metric)
                .unit(unit).lowerIsBetter(lowerIsBetter).score(new ScoreSummary(score, score / 100, 0.999, 5))
                .build();
    }

    private static RunHistory.IdentifiedRun run(String id, int day, String label, String commit, String jdk,
                                                String avgtUnit, double scale) {
        List<Benchmark> benchmarks = new ArrayList<>();
        benchmarks.add(bench("thrpt", Benchmark.PRIMARY, "ops/us", false, 12.5 * scale));
        benchmarks.add(bench("avgt", Benchmark.PRIMARY, avgtUnit, true, avgtUnit.equals("ns/op") ? 80 * scale
                : 0.08 * scale));
        benchmarks.add(bench("avgt", "gc.alloc.rate.norm", "B/op", true, 1024 * scale));
        benchmarks.add(bench("sample", Benchmark.PRIMARY, "us/op", true, 0.09 * scale));
        benchmarks.add(bench("ss", Benchmark.PRIMARY, "us/op", true, 30 * scale));
        BenchmarkRun r = new BenchmarkRun(id + ".json", "JMH", "jmh-json",
                Instant.parse("2026-01-01T00:00:00Z").plusSeconds(86_400L * day),
                Map.of("jdkVersion", jdk, "os", "Linux"), label, commit, Map.of(), benchmarks);
        return new RunHistory.IdentifiedRun(id, r, Instant.parse("2026-02-01T00:00:00Z"));
    }

    @Test
    void everyModeMetricAndUnitIsItsOwnSeriesWithOnePointPerRun() {
        List<RunHistory.RunSeries> all = RunHistory.of(List.of(
                run("r6", 1, "main", "aaa111", "17.0.15", "us/op", 1.0),
                run("r16", 2, "feature", "bbb222", "21.0.4", "us/op", 0.9)));
        List<RunHistory.RunSeries> parse = RunHistory.ofBenchmark(all, "dev.perfdesk.Parse.json{size=1000}");
        assertEquals(List.of("thrpt · ops/µs", "avgt · µs/op", "avgt · gc.alloc.rate.norm · B/op", "sample · µs/op",
                "ss · µs/op"), parse.stream().map(RunHistory.RunSeries::label).toList());
        for (RunHistory.RunSeries s : parse) {
            assertEquals(2, s.set().size(), s.label());
            assertEquals("dev.perfdesk.Parse.json{size=1000}", s.set().name());
        }
        assertEquals(Direction.HIGHER_IS_BETTER, parse.get(0).direction());
        assertEquals(Direction.LOWER_IS_BETTER, parse.get(1).direction());
        assertEquals(12.5, parse.get(0).set().values("thrpt")[0], 1e-12);
        assertEquals(12.5 * 0.9, parse.get(0).set().values("thrpt")[1], 1e-12);
    }

    @Test
    void convertibleUnitsJoinOneSeriesInTheOldestRunsUnit() {
        List<RunHistory.RunSeries> all = RunHistory.of(List.of(
                run("r1", 1, "", "", "17", "us/op", 1.0),
                run("r2", 2, "", "", "17", "ns/op", 1.0)));
        RunHistory.RunSeries avgt = all.stream().filter(s -> s.metric().equals("avgt")).findFirst().orElseThrow();
        assertEquals("us/op", avgt.unit());
        assertEquals(2, avgt.set().size());
        assertEquals(0.08, avgt.set().values("avgt")[1], 1e-12, "80 ns/op read as 0.08 us/op");
    }

    @Test
    void unitsThatDoNotConvertAreSeparateSeries() {
        BenchmarkRun a = new BenchmarkRun("a", "tool", "f", Instant.EPOCH, Map.of(), "", "", Map.of(),
                List.of(bench("", Benchmark.PRIMARY, "B/op", true, 10)));
        BenchmarkRun b = new BenchmarkRun("b", "tool", "f", Instant.EPOCH.plusSeconds(1), Map.of(), "", "", Map.of(),
                List.of(bench("", Benchmark.PRIMARY, "us/op", true, 10)));
        List<RunHistory.RunSeries> all = RunHistory.of(List.of(new RunHistory.IdentifiedRun("r1", a, Instant.EPOCH),
                new RunHistory.IdentifiedRun("r2", b, Instant.EPOCH)));
        assertEquals(List.of("score · B/op", "score · µs/op"), all.stream().map(RunHistory.RunSeries::label).toList());
        assertEquals(List.of("score · B/op", "score · us/op"), all.stream().map(RunHistory.RunSeries::metric).toList(),
                "the metric columns differ, so reviews of one are not taken for the other");
        assertTrue(all.stream().allMatch(s -> s.set().size() == 1));
    }

    @Test
    void pointsCarryTheRunIdAndTheEnvironmentFactsThatDiffer() {
        List<RunHistory.RunSeries> all = RunHistory.of(List.of(
                run("r6", 1, "main", "aaa111", "17.0.15", "us/op", 1.0),
                run("r16", 2, "feature", "bbb222", "21.0.4", "us/op", 0.9)));
        SeriesSet set = all.get(0).set();
        assertEquals(List.of(RunHistory.RUN_LABEL, "label", "commit", "tool", "jdkVersion"), set.attributeNames(),
                "os is the same in both runs, so it is no configuration");
        assertEquals("r16", set.attribute(RunHistory.RUN_LABEL, 1));
        assertEquals("21.0.4", set.attribute("jdkVersion", 1));
    }

    @Test
    void configurationsAreLabelsNeverRunIds() {
        List<RunHistory.IdentifiedRun> runs = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            runs.add(run("r" + (i + 1), i, i % 2 == 0 ? "main" : "feature", "c" + i, i < 3 ? "17" : "21", "us/op",
                    1 + i * 0.01));
        }
        SeriesSet set = RunHistory.of(runs).get(0).set();
        List<String> choices = RunHistory.configurations(set);
        assertEquals(List.of("label=main", "label=feature", "jdkVersion=17", "jdkVersion=21"), choices);
        assertFalse(choices.stream().anyMatch(c -> c.startsWith(RunHistory.RUN_LABEL + "=")));
    }

    @Test
    void historyIsOfTheBenchmarkWithItsParams() {
        Benchmark b = bench("avgt", "gc.alloc.rate.norm", "B/op", true, 1);
        assertEquals("dev.perfdesk.Parse.json{size=1000}", RunHistory.seriesName(b));
        assertEquals("avgt · gc.alloc.rate.norm", RunHistory.metricName(b));
        assertEquals(b.figures().centre(), RunHistory.centre(b));
    }
}
