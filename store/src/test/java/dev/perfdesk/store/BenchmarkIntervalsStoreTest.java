package dev.perfdesk.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.perfdesk.core.bench.Benchmark;
import dev.perfdesk.core.bench.BenchmarkRun;
import dev.perfdesk.core.bench.IntervalHistograms;
import dev.perfdesk.core.timeline.TimeRange;

/** Interval histograms (migration 5) go into the store and come back exactly; a version 4 store migrates. */
class BenchmarkIntervalsStoreTest {
    @TempDir
    Path dir;

    /** The sample log's untagged intervals, read with HdrHistogram's own reader. */
    static IntervalHistograms sampleLog() throws Exception {
        Path file = Path.of(System.getProperty("perfdesk.sampledata", "../sample-data"), "bench", "hdr",
                "tagged-Log.logV2.hlog");
        IntervalHistograms.Builder b = new IntervalHistograms.Builder("ms", 1e6);
        try (InputStream in = Files.newInputStream(file)) {
            HistogramLogReader reader = new HistogramLogReader(in);
            EncodableHistogram h;
            while ((h = reader.nextIntervalHistogram()) != null) {
                if (h.getTag() == null) {
                    b.add(h.getStartTimeStamp() * 1_000_000L, h.getEndTimeStamp() * 1_000_000L, (Histogram) h);
                }
            }
        }
        return b.build();
    }

    static BenchmarkRun hlogRun(IntervalHistograms intervals) {
        Benchmark b = Benchmark.builder("latency").unit("ms").intervals(intervals).distribution(
                intervals.distribution(null)).attribute("intervals", Integer.toString(intervals.size())).build();
        return new BenchmarkRun("tagged-Log.logV2.hlog", "HdrHistogram", "hdr-log", null, Map.of(), "", "", Map.of(),
                List.of(b));
    }

    static StoredRun importRun(Store store, BenchmarkRun run, String hash) {
        try (ImportTransaction tx = store.beginImport(Path.of(run.name()), run.format(), 5615)) {
            tx.addRun(run);
            return tx.commit(hash).runs().get(0);
        }
    }

    static void assertSameIntervals(IntervalHistograms a, IntervalHistograms b) {
        assertEquals(a.size(), b.size());
        assertEquals(a.unit(), b.unit());
        assertEquals(a.scale(), b.scale());
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.startNanos(i), b.startNanos(i), "start of " + i);
            assertEquals(a.endNanos(i), b.endNanos(i), "end of " + i);
            assertEquals(a.histogram(i), b.histogram(i), "histogram of " + i);
        }
    }

    @EngineTest
    void storesAndLoadsEveryIntervalHistogramWithItsTimes(TestEngine engine) throws Exception {
        IntervalHistograms intervals = sampleLog();
        assertEquals(21, intervals.size());
        try (Store store = engine.open("s")) {
            StoredRun stored = importRun(store, hlogRun(intervals), "cc".repeat(32));
            Benchmark back = store.loadRun(stored.id()).benchmarks().get(0);
            assertSameIntervals(intervals, back.intervals());
            assertNull(back.points());
            TimeRange middle = new TimeRange(intervals.startNanos(5), intervals.startNanos(12));
            assertEquals(intervals.merge(middle), back.intervals().merge(middle));
            assertEquals(intervals.totalCount(), back.count());
        }
        try (Connection c = engine.connect("s");
             Statement st = c.createStatement();
             var rs = st.executeQuery("SELECT n, total_count, length(data) FROM benchmark_intervals")) {
            assertTrue(rs.next());
            assertEquals(21, rs.getInt(1));
            assertEquals(intervals.totalCount(), rs.getLong(2));
            assertTrue(rs.getInt(3) < 21 * 200, "HdrHistogram's compressed encoding: " + rs.getInt(3) + " bytes");
        }
    }

    @EngineTest
    void emptyIntervalsAndIntervalsOutOfTheUsualRangeComeBack(TestEngine engine) {
        IntervalHistograms.Builder b = new IntervalHistograms.Builder("us", 1000);
        Histogram empty = new Histogram(3);
        Histogram wide = new Histogram(3);
        wide.recordValueWithCount(0, 3);
        wide.recordValueWithCount(1, 1);
        wide.recordValueWithCount(Long.MAX_VALUE / 4, 2);
        b.add(0, 0, empty);
        b.add(1_000_000_000L, 3_000_000_000L, wide);
        b.add(2_000_000_000L, 2_000_000_001L, empty);
        IntervalHistograms intervals = b.build();
        try (Store store = engine.open("s")) {
            StoredRun stored = importRun(store, hlogRun(intervals), "dd".repeat(32));
            assertSameIntervals(intervals, store.loadRun(stored.id()).benchmarks().get(0).intervals());
        }
    }

    @Test
    void aVersionFourStoreMigratesAndKeepsItsRunsWithIntervalMaxima() throws Exception {
        // written by Perfdesk before migration 5: see src/test/resources/stores/README.md
        Path db = dir.resolve("v4.db");
        try (InputStream in = BenchmarkIntervalsStoreTest.class.getResourceAsStream("/stores/v4-hlog.db")) {
            Files.copy(in, db);
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement();
             var rs = st.executeQuery("PRAGMA user_version")) {
            assertTrue(rs.next());
            assertEquals(4, rs.getInt(1));
        }
        IntervalHistograms intervals = sampleLog();
        try (Store store = Store.open(db)) {
            StoredRun old = store.listRuns().get(0);
            assertEquals("tagged-Log.logV2.hlog", old.name());
            Benchmark back = store.loadRun(old.id()).benchmarks().get(0);
            assertNull(back.intervals(), "an old run has no intervals to migrate");
            assertTrue(store.loadRun(old.id()).series().isEmpty(), "nor series over time");
            assertEquals(21, back.points().size(), "it keeps the intervals' maxima it had");
            assertEquals(intervals.totalCount(), back.distribution().totalCount());
            assertEquals("21", back.attributes().get("intervals"));
            assertTrue(store.deleteRun(old.id()));
            StoredRun fresh = importRun(store, hlogRun(intervals), "ff".repeat(32));
            assertSameIntervals(intervals, store.loadRun(fresh.id()).benchmarks().get(0).intervals());
            assertTrue(store.deleteRun(fresh.id()));
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
            var rs = st.executeQuery("PRAGMA user_version");
            assertTrue(rs.next());
            assertEquals(Schema.VERSION, rs.getInt(1), "migrated through 5 (intervals) and 6 (run series)");
            rs = st.executeQuery("SELECT count(*) FROM benchmark_intervals");
            assertTrue(rs.next());
            assertEquals(0, rs.getInt(1), "deleting a run deletes its intervals");
        }
    }
}
