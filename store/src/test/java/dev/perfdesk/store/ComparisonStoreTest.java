package dev.perfdesk.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.perfdesk.core.model.Frame;
import dev.perfdesk.core.model.FrameKind;
import dev.perfdesk.core.model.ProfileBuilder;
import dev.perfdesk.core.model.ProfileInfo;
import dev.perfdesk.core.model.StackTable;
import dev.perfdesk.core.model.WeightUnit;
import dev.perfdesk.core.model.TimelineWriter;

/** Saved comparisons (migration 3): save, list, find, delete, and gone with either side. */
class ComparisonStoreTest {
    @TempDir
    Path dir;

    private static long importRun(Store store, String file) {
        try (ImportTransaction tx = store.beginImport(Path.of(file), "jmh-json", file.length())) {
            tx.addRun(BenchmarkRunStoreTest.sampleRun().withName(file));
            return tx.commit(Integer.toHexString(file.hashCode()).repeat(8)).runs().get(0).id();
        }
    }

    private static long importProfile(Store store, String name) {
        try (ImportTransaction tx = store.beginImport(Path.of(name), "folded", 10)) {
            ProfileBuilder b = new ProfileBuilder(TimelineWriter.DISCARD);
            int node = b.child(StackTable.ROOT, b.frame(Frame.of("main", FrameKind.UNKNOWN)));
            b.sample(node, -1, 3, ProfileBuilder.NO_TIME);
            tx.addProfile(b.build(new ProfileInfo(name, "folded", "", WeightUnit.SAMPLES, "", "", "", "", null, -1, 0,
                    0, Map.of())), TimelineWriter.DISCARD);
            return tx.commit(Integer.toHexString(name.hashCode()).repeat(8)).profiles().get(0).id();
        }
    }

    @EngineTest
    void savesListsFindsAndDeletesComparisons(TestEngine engine) {
        try (Store store = engine.open("s")) {
            long a = importRun(store, "main.json");
            long b = importRun(store, "branch.json");
            StoredComparison first = store.saveComparison("", StoredComparison.Kind.RUN, a, b, 0.05, 0.05, "PASS");
            assertEquals("main.json vs branch.json", first.name(), "named after both sides by default");
            assertEquals(StoredComparison.Kind.RUN, first.kind());
            assertEquals(a, first.baselineId());
            assertEquals(b, first.candidateId());
            assertEquals(0.05, first.threshold());
            assertEquals("PASS", first.verdict());
            StoredComparison second = store.saveComparison("gate", StoredComparison.Kind.RUN, b, a, 0.1, 0.01, "FAIL");
            assertEquals(List.of(second, first), store.listComparisons(), "newest first");
            assertEquals(first, store.findComparison(first.id()).orElseThrow());
            assertTrue(store.deleteComparison(first.id()));
            assertFalse(store.deleteComparison(first.id()));
            assertEquals(List.of(second), store.listComparisons());
            assertEquals(2, store.listRuns().size(), "the runs stay");
        }
    }

    @EngineTest
    void refusesComparisonsOfWhatIsNotStored(TestEngine engine) {
        try (Store store = engine.open("s")) {
            long a = importRun(store, "main.json");
            StoreException e = assertThrows(StoreException.class,
                    () -> store.saveComparison("", StoredComparison.Kind.RUN, a, 99, 0.05, 0.05, "PASS"));
            assertTrue(e.getMessage().startsWith("no run with id r99"), e.getMessage());
            assertThrows(StoreException.class,
                    () -> store.saveComparison("", StoredComparison.Kind.PROFILE, a, a, 0.05, 0.05, ""));
            assertThrows(StoreException.class,
                    () -> store.saveComparison("", StoredComparison.Kind.RUN, a, a, -1, 0.05, ""));
            assertThrows(StoreException.class,
                    () -> store.saveComparison("", StoredComparison.Kind.RUN, a, a, 0.05, 1, ""));
            assertEquals(List.of(), store.listComparisons());
        }
    }

    @EngineTest
    void aComparisonGoesWithEitherSide(TestEngine engine) {
        try (Store store = engine.open("s")) {
            long a = importRun(store, "main.json");
            long b = importRun(store, "branch.json");
            long c = importRun(store, "other.json");
            long p = importProfile(store, "before.folded");
            long q = importProfile(store, "after.folded");
            StoredComparison ab = store.saveComparison("", StoredComparison.Kind.RUN, a, b, 0.05, 0.05, "PASS");
            StoredComparison bc = store.saveComparison("", StoredComparison.Kind.RUN, b, c, 0.05, 0.05, "PASS");
            StoredComparison pq = store.saveComparison("", StoredComparison.Kind.PROFILE, p, q, 0.05, 0.05, "");
            // Profile and run ids are numbered apart; the same number must not take the other kind's comparison.
            assertTrue(store.deleteRun(a));
            assertEquals(List.of(pq, bc), store.listComparisons());
            assertTrue(store.deleteProfile(q));
            assertEquals(List.of(bc), store.listComparisons());
            assertTrue(store.findComparison(ab.id()).isEmpty());
        }
    }

    @EngineTest
    void aVersionThreeStoreGainsTheComparisonTable(TestEngine engine) throws Exception {
        StoreLocation db = engine.location("v3");
        try (Store store = Store.open(db)) {
            importRun(store, "main.json");
        }
        // a version 3 store had neither the comparison table (4), interval histograms (5), run series (6) nor
        // labels (7), attached profiles (8) or c2c reports (9)
        engine.execute("v3", "DROP TABLE comparison", "DROP TABLE benchmark_intervals", "DROP TABLE run_series",
                "DROP TABLE run_label", "DROP TABLE profile_label", "DROP TABLE run_profile", "DROP TABLE c2c_report");
        engine.setVersion("v3", 3);
        try (Store store = Store.open(db)) {
            long run = store.listRuns().get(0).id();
            store.saveComparison("self", StoredComparison.Kind.RUN, run, run, 0.05, 0.05, "PASS");
            assertEquals(1, store.listComparisons().size());
        }
    }
}
