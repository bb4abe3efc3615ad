package dev.perfdesk.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.perfdesk.core.bench.Benchmark;
import dev.perfdesk.core.bench.BenchmarkRun;
import dev.perfdesk.core.bench.BenchmarkStatus;
import dev.perfdesk.core.bench.Distribution;
import dev.perfdesk.core.bench.TimedPoints;
import dev.perfdesk.core.stats.ScoreSummary;

/** Benchmark runs go into the store in the import transaction and come back exactly. */
class BenchmarkRunStoreTest {
    @TempDir
    Path dir;

    static BenchmarkRun sampleRun() {
        Histogram h = new Histogram(3);
        h.recordValueWithCount(32_192, 1);
        h.recordValueWithCount(33_408, 10);
        h.recordValueWithCount(1_180_700, 2);
        Map<String, String> params = new LinkedHashMap<>();
        params.put("size", "1000");
        params.put("kind", "b");
        TimedPoints.Builder points = new TimedPoints.Builder();
        points.add(1_614_173_830_000_000_001L, 12.5, Map.of("status", "200"));
        points.add(1_614_173_830_500_000_000L, 7.25, Map.of("status", "503"));
        points.add(1_614_173_831_000_000_000L, 0.001, Map.of("status", "200"));
        Benchmark sample = Benchmark.builder("dev.perfdesk.Bench.parse").params(params).mode("sample").unit("us/op")
                .lowerIsBetter(true).score(new ScoreSummary(63.2, Double.NaN, ScoreSummary.JMH_CONFIDENCE, 13))
                .distribution(new Distribution(h, "us/op", 1000)).reportedPercentile(50, 33.408)
                .reportedPercentile(99.9, Double.POSITIVE_INFINITY).attribute("forks", "1").build();
        Benchmark times = Benchmark.builder("sleep 0.01").unit("s").samples(new double[] {0.0101, 0.0123, 0.0099})
                .statistic("mean", 0.0107).statistic("stddev", Double.NaN).points(points.build()).build();
        Benchmark whole = Benchmark.builder("GET /").unit("ms").samples(new double[] {3, 40, 17, -0.0, 5e15}).build();
        Benchmark failed = Benchmark.builder("BM_NeedsNetwork").metric("cpu_time").unit("ns")
                .status(BenchmarkStatus.FAILED, "no network").build();
        Map<String, String> env = new LinkedHashMap<>();
        env.put("jdkVersion", "17.0.15");
        env.put("num_cpus", "2");
        return new BenchmarkRun("results.json", "JMH", "jmh-json", Instant.parse("2024-05-14T09:31:10.474354Z"), env,
                "main", "5b78858e", Map.of("url", "http://127.0.0.1:8765/"), List.of(sample, times, whole, failed));
    }

    @EngineTest
    void storesAndLoadsARunWithSamplesHistogramsAndPoints(TestEngine engine) {
        BenchmarkRun run = sampleRun();
        try (Store store = engine.open("s")) {
            ImportTransaction.Outcome outcome;
            try (ImportTransaction tx = store.beginImport(Path.of("results.json"), "jmh-json", 100)) {
                tx.addRun(run);
                outcome = tx.commit("aa".repeat(32));
            }
            assertFalse(outcome.duplicate());
            assertEquals(0, outcome.profiles().size());
            assertEquals(1, outcome.runs().size());
            StoredRun stored = outcome.runs().get(0);
            assertEquals("results.json", stored.name());
            assertEquals(4, stored.benchmarkCount());
            assertEquals(List.of(stored), store.listRuns());
            assertEquals(List.of(), store.listProfiles(), "runs are not profiles");

            BenchmarkRun back = store.loadRun(stored.id());
            assertEquals(run.startTime(), back.startTime());
            assertEquals(run.environment(), back.environment());
            assertEquals(List.copyOf(run.environment().keySet()), List.copyOf(back.environment().keySet()));
            assertEquals(run.tags(), back.tags());
            assertEquals("main", back.label());
            assertEquals("5b78858e", back.commit());
            for (int i = 0; i < run.benchmarks().size(); i++) {
                assertSameBenchmark(run.benchmarks().get(i), back.benchmarks().get(i));
            }
        }
    }

    static void assertSameBenchmark(Benchmark a, Benchmark b) {
        assertEquals(a.toString(), b.toString());
        assertEquals(List.copyOf(a.params().keySet()), List.copyOf(b.params().keySet()));
        assertEquals(a.params(), b.params());
        assertEquals(a.lowerIsBetter(), b.lowerIsBetter());
        assertEquals(a.count(), b.count());
        assertEquals(a.status(), b.status());
        assertEquals(a.statusMessage(), b.statusMessage());
        assertEquals(a.statistics(), b.statistics());
        assertEquals(a.attributes(), b.attributes());
        assertEquals(a.score(), b.score());
        assertArrayEquals(a.samples(), b.samples());
        if (a.distribution() == null) {
            assertNull(b.distribution());
        } else {
            assertEquals(a.distribution().histogram(), b.distribution().histogram());
            assertEquals(a.distribution().unit(), b.distribution().unit());
            assertEquals(a.distribution().scale(), b.distribution().scale());
        }
        if (a.points() == null) {
            assertNull(b.points());
        } else {
            assertArrayEquals(a.points().timesNanos(), b.points().timesNanos());
            assertArrayEquals(a.points().values(), b.points().values());
            for (int i = 0; i < a.points().size(); i++) {
                assertEquals(a.points().tags(i), b.points().tags(i));
            }
        }
        if (a.intervals() == null) {
            assertNull(b.intervals());
        } else {
            BenchmarkIntervalsStoreTest.assertSameIntervals(a.intervals(), b.intervals());
        }
    }

    @EngineTest
    void theSameFileTwiceIsADuplicateAndRenameAndDeleteWork(TestEngine engine) {
        try (Store store = engine.open("s")) {
            long id;
            try (ImportTransaction tx = store.beginImport(Path.of("a.json"), "jmh-json", 100)) {
                tx.addRun(sampleRun());
                id = tx.commit("bb".repeat(32)).runs().get(0).id();
            }
            try (ImportTransaction tx = store.beginImport(Path.of("copy.json"), "jmh-json", 100)) {
                tx.addRun(sampleRun());
                ImportTransaction.Outcome again = tx.commit("bb".repeat(32));
                assertTrue(again.duplicate());
                assertEquals(id, again.runs().get(0).id());
            }
            assertEquals(1, store.listRuns().size());
            assertTrue(store.renameRun(id, "  baseline  "));
            assertEquals("baseline", store.findRun(id).orElseThrow().name());
            assertTrue(store.deleteRun(id));
            assertFalse(store.deleteRun(id));
            assertTrue(store.findRun(id).isEmpty());
            assertFalse(store.hasSourceOfSize(100), "the source file is forgotten with its last run");
        }
    }

    @EngineTest
    void anImportClosedWithoutCommitLeavesNoRun(TestEngine engine) {
        try (Store store = engine.open("s")) {
            try (ImportTransaction tx = store.beginImport(Path.of("a.json"), "jmh-json", 100)) {
                tx.addRun(sampleRun());
            }
            assertEquals(List.of(), store.listRuns());
        }
    }

    @Test
    void aVersionOneStoreIsMigratedAndKeepsItsProfilesApart() throws Exception {
        Path db = dir.resolve("old.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE source_file (id INTEGER PRIMARY KEY, path TEXT NOT NULL, sha256 TEXT NOT NULL "
                    + "UNIQUE, size INTEGER NOT NULL, format TEXT NOT NULL, imported_at INTEGER NOT NULL)");
            st.execute("PRAGMA application_id = " + Schema.APPLICATION_ID);
            st.execute("PRAGMA user_version = 1");
        }
        try (Store store = Store.open(db)) {
            assertEquals(List.of(), store.listRuns());
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement();
             var rs = st.executeQuery("PRAGMA user_version")) {
            assertTrue(rs.next());
            assertEquals(Schema.VERSION, rs.getInt(1));
        }
    }
}
