package dev.perfdesk.importers.locust;

import static dev.perfdesk.importers.bench.BenchFiles.find;
import static dev.perfdesk.importers.bench.BenchFiles.importRun;
import static dev.perfdesk.importers.bench.BenchFiles.sample;
import static dev.perfdesk.importers.bench.BenchFiles.testdata;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.perfdesk.core.bench.Benchmark;
import dev.perfdesk.core.bench.BenchmarkFigures;
import dev.perfdesk.core.bench.BenchmarkRun;

/**
 * Locust's {@code --json} statistics ({@code serialize_stats()}) against the {@code --csv} stats of the same run
 * ({@code sample-data/bench/locust-json/record.sh}: both written from one run's statistics by Debian's
 * python3-locust 2.12.1, with its console summary in {@code run.stdout.txt}): every endpoint's counts, median,
 * mean, min, max, content size and percentiles are the CSV importer's figures; requests/s within 0.5%, since the
 * JSON does not record the moment Locust's statistics were reset, which its rate divides by.
 */
class LocustJsonGoldenTest {
    private static final double[] PERCENTILES = {50, 66, 75, 80, 90, 95, 98, 99, 99.9, 99.99, 100};

    @Test
    void theJsonReadsAsTheCsvOfTheSameRun() throws Exception {
        BenchmarkRun json = importRun(sample("locust-json", "run.json"), LocustJsonImporter.FORMAT);
        BenchmarkRun csv = importRun(sample("locust-json", "csv/run_stats.csv"), LocustImporter.FORMAT);
        assertEquals("Locust", json.tool());
        List<String> names = json.benchmarks().stream().map(Benchmark::name).distinct().toList();
        assertEquals(csv.benchmarks().stream().map(Benchmark::name).distinct().toList(), names);
        assertEquals(List.of("GET /", "GET /api/items?id=[id]", "GET /missing", "Aggregated"), names);
        for (String name : names) {
            Benchmark j = find(json, name, "", Benchmark.PRIMARY);
            Benchmark c = find(csv, name, "", Benchmark.PRIMARY);
            BenchmarkFigures fj = j.figures();
            BenchmarkFigures fc = c.figures();
            assertEquals(fc.n(), fj.n(), name);
            assertEquals(fc.centre(), fj.centre(), name + " median");
            assertEquals(fc.centreKind(), fj.centreKind(), name);
            assertEquals(fc.mean(), fj.mean(), 1e-9, name + " mean");
            for (String stat : new String[] {"requests", "failures", "min", "max", "average content size"}) {
                assertEquals(c.statistics().get(stat), j.statistics().get(stat), 1e-9, name + " " + stat);
            }
            for (double p : PERCENTILES) {
                assertEquals(fc.percentile(p), fj.percentile(p), name + " p" + p);
            }
            assertEquals(c.attributes(), j.attributes(), name);
            Benchmark rj = find(json, name, "", LocustImporter.RPS);
            Benchmark rc = find(csv, name, "", LocustImporter.RPS);
            double rate = rc.figures().centre();
            assertEquals(rate, rj.figures().centre(), rate * 0.005, name + " requests/s");
        }
        // as the console summary printed them: Aggregated 1478 requests, 200 failures, p99 21 ms, 99.9% 1000 ms
        Benchmark all = find(json, "Aggregated", "", Benchmark.PRIMARY);
        assertEquals(1478, all.figures().n());
        assertEquals(200.0, all.statistics().get("failures"));
        assertEquals(21.0, all.figures().percentile(99));
        assertEquals(1000.0, all.figures().percentile(99.9));
        assertEquals(Map.of(LocustImporter.AGGREGATE, "true"), all.attributes());
        assertTrue(json.series().stream().anyMatch(s -> s.name().equals(LocustImporter.RPS) && s.size() >= 9));
    }

    @Test
    void theDossiersJsonRecordingReadsAsItsCounts() throws Exception {
        BenchmarkRun json = importRun(testdata("locust/serialize_stats.like--json.json"), LocustJsonImporter.FORMAT);
        Benchmark big = find(json, "GET /big.txt", "", Benchmark.PRIMARY);
        assertEquals(73, big.figures().n());
        assertEquals(207.21996800011766 / 73, big.figures().mean(), 1e-12);
        assertEquals(38.0, find(json, "GET /does-not-exist", "", Benchmark.PRIMARY).statistics().get("failures"));
        assertEquals(73 + 38 + 171 + 32, find(json, "Aggregated", "", Benchmark.PRIMARY).figures().n());
    }
}
