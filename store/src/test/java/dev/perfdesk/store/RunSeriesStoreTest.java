package dev.perfdesk.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.perfdesk.core.bench.Benchmark;
import dev.perfdesk.core.bench.BenchmarkRun;
import dev.perfdesk.core.bench.TimeSeries;

/** A run's series over time survive the store as they were, NaN and infinities included, and attach later too. */
class RunSeriesStoreTest {
    @TempDir
    Path dir;

    @Test
    void keepsARunsSeriesAndAttachesMore() {
        TimeSeries p95 = new TimeSeries("p95", Map.of("endpoint", "Aggregated"), "ms", TimeSeries.LOCUST_HISTORY,
                new long[] {1_796_231_474_000_000_000L, 1_796_231_475_000_000_000L}, new double[] {Double.NaN, 7});
        TimeSeries cpu = new TimeSeries("instance:process_cpu_percent:rate5s", Map.of("job", "server"), "%",
                TimeSeries.PROMETHEUS, new long[] {1_796_231_474_336_000_000L, 1_796_231_475_000_000_000L},
                new double[] {Double.POSITIVE_INFINITY, 12.25});
        BenchmarkRun run = new BenchmarkRun("x_stats.csv", "Locust", "locust-csv", null, Map.of(), "", "", Map.of(),
                List.of(Benchmark.builder("GET /").unit("ms").statistic("median", 2).build()), List.of(p95));
        try (Store store = Store.open(dir.resolve("s.db"))) {
            long id;
            try (ImportTransaction tx = store.beginImport(dir.resolve("x_stats.csv"), "locust-csv", 10)) {
                tx.addRun(run);
                id = tx.commit("ab".repeat(32)).runs().get(0).id();
            }
            assertEquals(List.of(p95), store.loadRun(id).series());
            assertTrue(store.attachSeries(id, List.of(cpu)));
            assertEquals(List.of(p95, cpu), store.loadRun(id).series());
            assertEquals(List.of(cpu), store.loadRun(id).resourceSeries());
            assertFalse(store.attachSeries(id + 100, List.of(cpu)), "no such run");
            assertTrue(store.deleteRun(id));
        }
    }
}
