package dev.perfdesk.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.perfdesk.core.series.ChangePointKey;
import dev.perfdesk.core.series.ChangePointReview;
import dev.perfdesk.core.series.ReviewStatus;

/**
 * {@link StoreCopy}: a whole store copied from SQLite into each engine and back gives the same rows, ids included,
 * in every table; into a store that has items, files are kept once by content hash and the rest joins them.
 */
class StoreCopyTest {
    @TempDir
    Path dir;

    /** A store with a bit of everything: profiles with timelines, runs with attached profiles, series, reviews. */
    static void fill(Store store) {
        try (ImportTransaction tx = store.beginImport(Path.of("results.json"), "jmh-json", 100)) {
            tx.addRun(BenchmarkRunStoreTest.sampleRun());
            ImportTransaction.Staged run = tx.stage("run-1");
            tx.nextFile(Path.of("profile.perf.txt"), "perf-script", 200);
            tx.addProfile(RunProfileStoreTest.profile("p1", 90), null);
            ImportTransaction.Staged p = tx.stage("prof-1");
            tx.link(run.runIds().get(0), p.profileIds().get(0));
            tx.commit();
        }
        try (ImportTransaction tx = store.beginImport(Path.of("other.json"), "jmh-json", 101)) {
            tx.addRun(BenchmarkRunStoreTest.sampleRun());
            tx.commit("run-2");
        }
        try (ImportTransaction tx = store.beginImport(Path.of("p2.txt"), "perf-script", 300)) {
            var timeline = tx.openTimeline();
            var b = new dev.perfdesk.core.model.ProfileBuilder(timeline);
            int t = b.thread(new dev.perfdesk.core.model.ThreadInfo("main", 1, 2));
            int f = b.frame(new dev.perfdesk.core.model.Frame("work", "app",
                    dev.perfdesk.core.model.FrameKind.NATIVE, "", 7));
            int s = b.child(dev.perfdesk.core.model.StackTable.ROOT, f);
            for (int i = 0; i < 5000; i++) {
                b.sample(s, t, 3, 1_000_000L * i);
            }
            tx.addProfile(b.build(RunProfileStoreTest.profile("p2", 1).info()), timeline);
            tx.commit("prof-2");
        }
        try (ImportTransaction tx = store.beginImport(Path.of("nightly.csv"), "series-csv", 10)) {
            tx.addSeries(StoreSeriesTest.set());
            tx.commit("series-1");
        }
        // ids with a gap, so that keeping them is tested
        long gone = store.listRuns().stream().filter(r -> r.sourcePath().equals("other.json")).findFirst()
                .orElseThrow().id();
        try (ImportTransaction tx = store.beginImport(Path.of("third.json"), "jmh-json", 102)) {
            tx.addRun(BenchmarkRunStoreTest.sampleRun());
            tx.commit("run-3");
        }
        store.deleteRun(gone);
        List<StoredRun> runs = store.listRuns();
        store.saveComparison("a vs b", StoredComparison.Kind.RUN, runs.get(1).id(), runs.get(0).id(), 0.05, 0.05,
                "PASS");
        store.saveReview(new ChangePointKey("nightly", "p99", 1_700_000_060_000L),
                new ChangePointReview(ReviewStatus.ACKNOWLEDGED, "expected: new allocator"));
    }

    /** Every row of every table, values normalised across drivers (numbers, text, bytes as hex), sorted. */
    static Map<String, List<String>> dump(Connection c) throws SQLException {
        Map<String, List<String>> out = new TreeMap<>();
        for (String table : StoreCopy.tableNames()) {
            List<String> rows = new ArrayList<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT * FROM " + table)) {
                ResultSetMetaData md = rs.getMetaData();
                while (rs.next()) {
                    StringBuilder sb = new StringBuilder();
                    for (int i = 1; i <= md.getColumnCount(); i++) {
                        Object v = rs.getObject(i);
                        String text = v == null ? "null" : v instanceof byte[] bytes ? HexFormat.of().formatHex(bytes)
                                : v instanceof Double || v instanceof Float ? Double.toString(((Number) v)
                                .doubleValue()) : v instanceof Number n ? Long.toString(n.longValue()) : v.toString();
                        sb.append(md.getColumnName(i).toLowerCase(java.util.Locale.ROOT)).append('=').append(text)
                                .append(' ');
                    }
                    rows.add(sb.toString());
                }
            }
            rows.sort(null);
            out.put(table, rows);
        }
        return out;
    }

    @EngineTest
    void aCopyIntoAnEmptyStoreAndBackHasEveryRowWithItsId(TestEngine engine) throws SQLException {
        Path original = dir.resolve("original.db");
        Path back = dir.resolve("back.db");
        try (Store a = Store.open(original)) {
            fill(a);
        }
        try (Store a = Store.open(original); Store b = engine.open("copy")) {
            StoreCopy.Result r = StoreCopy.copy(a, b, StoreCopy.Listener.NONE);
            assertFalse(r.merged());
            assertEquals(5, r.sourceFiles());
            assertEquals(2, r.runs());
            assertEquals(2, r.profiles());
            assertEquals(1, r.series());
            assertEquals(0, r.duplicateFiles());
        }
        try (Store b = engine.open("copy"); Store c = Store.open(back)) {
            StoreCopy.copy(b, c, StoreCopy.Listener.NONE);
        }
        Map<String, List<String>> before;
        try (Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + original)) {
            before = dump(c);
        }
        assertEquals(1, before.get("run_profile").size());
        assertEquals(1, before.get("change_point_review").size());
        assertFalse(before.get("timeline_block").isEmpty());
        assertFalse(before.get("benchmark_histogram").isEmpty());
        try (Connection c = engine.connect("copy")) {
            assertEquals(before, dump(c), "the copy in " + engine);
        }
        try (Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + back)) {
            assertEquals(before, dump(c), "the copy back from " + engine);
        }
        try (Store b = engine.open("copy")) {
            // the ids the engine gives next follow the copied ones
            try (ImportTransaction tx = b.beginImport(Path.of("new.json"), "jmh-json", 5)) {
                tx.addRun(BenchmarkRunStoreTest.sampleRun());
                long next = tx.commit("run-new").runs().get(0).id();
                assertTrue(b.listRuns().stream().filter(x -> x.id() != next).allMatch(x -> x.id() < next));
            }
            StoredRun withProfile = b.listRuns().stream().filter(x -> !b.profilesOfRun(x.id()).isEmpty())
                    .findFirst().orElseThrow();
            assertEquals("main", b.profilesOfRun(withProfile.id()).get(0).info().attributes().get("label"));
            assertEquals(ReviewStatus.ACKNOWLEDGED, b.reviews().reviewOf(new ChangePointKey("nightly", "p99",
                    1_700_000_060_000L)).status());
        }
    }

    @EngineTest
    void intoAStoreWithItemsEachFileIsKeptOnceAndTheRestJoinsIt(TestEngine engine) {
        Path source = dir.resolve("source.db");
        try (Store a = Store.open(source)) {
            fill(a);
        }
        try (Store b = engine.open("team")) {
            try (ImportTransaction tx = b.beginImport(Path.of("team.json"), "jmh-json", 7)) {
                tx.addRun(BenchmarkRunStoreTest.sampleRun());
                tx.commit("team-run");
            }
            try (ImportTransaction tx = b.beginImport(Path.of("profile.perf.txt"), "perf-script", 200)) {
                tx.addProfile(RunProfileStoreTest.profile("p1 in the team store", 90), null);
                tx.commit("prof-1");
            }
        }
        try (Store a = Store.open(source); Store b = engine.open("team")) {
            StoreCopy.Result r = StoreCopy.copy(a, b, StoreCopy.Listener.NONE);
            assertTrue(r.merged());
            assertEquals(1, r.duplicateFiles(), "prof-1 is there already");
            assertEquals(4, r.sourceFiles());
            assertEquals(3, b.listRuns().size());
            assertEquals(2, b.listProfiles().size());
            StoredRun attached = b.listRuns().stream().filter(x -> x.sourcePath().equals("results.json"))
                    .findFirst().orElseThrow();
            List<StoredProfile> profiles = b.profilesOfRun(attached.id());
            assertEquals(1, profiles.size());
            assertEquals("p1 in the team store", profiles.get(0).info().name(), "joined to the team's copy");
            assertEquals(1, b.listComparisons().size());
            long before = engine.count("team", "benchmark");
            StoreCopy.Result again = StoreCopy.copy(a, b, StoreCopy.Listener.NONE);
            assertEquals(0, again.sourceFiles(), "a second merge adds nothing");
            assertEquals(5, again.duplicateFiles());
            assertEquals(before, engine.count("team", "benchmark"));
            assertEquals(1, b.listComparisons().size());
            assertEquals(1, engine.count("team", "run_profile"));
        }
    }

    @Test
    void aStoreIsNotCopiedIntoItself() {
        try (Store a = Store.open(dir.resolve("a.db")); Store b = Store.open(dir.resolve("a.db"))) {
            assertThrows(StoreException.class, () -> StoreCopy.copy(a, b, StoreCopy.Listener.NONE));
        }
    }

    @Test
    void everyTableOfTheSchemaIsCopied() throws SQLException {
        try (Store a = Store.open(dir.resolve("t.db"))) {
            a.listRuns();
        }
        Set<String> tables = new TreeSet<>();
        try (Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("t.db"));
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table' "
                     + "AND name NOT LIKE 'sqlite_%'")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        assertEquals(tables, new TreeSet<>(StoreCopy.tableNames()), "a table StoreCopy.TABLES does not know is "
                + "not copied: add it there, parents first");
    }
}
