package dev.perfdesk.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.perfdesk.core.model.Frame;
import dev.perfdesk.core.model.FrameKind;
import dev.perfdesk.core.model.Profile;
import dev.perfdesk.core.model.ProfileBuilder;
import dev.perfdesk.core.model.ProfileInfo;
import dev.perfdesk.core.model.StackTable;
import dev.perfdesk.core.model.ThreadInfo;
import dev.perfdesk.core.model.Timeline;
import dev.perfdesk.core.model.WeightUnit;
import dev.perfdesk.core.model.TimelineWriter;

class StoreTest {
    @TempDir
    Path dir;

    private static ProfileInfo info(String name) {
        return new ProfileInfo(name, "perf-script", "cpu-clock", WeightUnit.NANOSECONDS, "", "", "host1", "perf record",
                Instant.ofEpochSecond(1_700_000_000L, 123), -1, 0, 0, Map.of("perf version", "6.1", "arch", "x86_64"));
    }

    /** Writes a small profile with a timeline of {@code timed} samples into {@code sink}. */
    private static Profile writeProfile(ImportTransaction tx, String name, int timed) {
        TimelineWriter timeline = tx.openTimeline();
        ProfileBuilder b = new ProfileBuilder(timeline);
        int t0 = b.thread(new ThreadInfo("java", 10, 11));
        int t1 = b.thread(new ThreadInfo("V8 Worker", -1, 12));
        int main = b.frame(new Frame("main", "/bin/app", FrameKind.NATIVE, "", -1));
        int work = b.frame(new Frame("work", "/bin/app", FrameKind.NATIVE, "", 42));
        int unknown = b.frame(new Frame("[unknown]", "[unknown]", FrameKind.UNKNOWN, "7f00dead", -1));
        int kernel = b.frame(new Frame("sys_read", "[kernel.kallsyms]", FrameKind.KERNEL, "", -1));
        int s1 = b.child(b.child(StackTable.ROOT, main), work);
        int s2 = b.child(b.child(s1, unknown), kernel);
        for (int i = 0; i < timed; i++) {
            b.sample(i % 3 == 0 ? s2 : s1, i % 2 == 0 ? t0 : t1, 1_000_000L + i, 5_000_000_000L + i * 1_000_000L);
        }
        b.sample(StackTable.ROOT, t0, 7, ProfileBuilder.NO_TIME);
        Profile p = b.build(info(name));
        tx.addProfile(p, timeline);
        return p;
    }

    @EngineTest
    void readsBackExactlyWhatWasImported(TestEngine engine) {
        StoreLocation db = engine.location("a");
        Profile written;
        long id;
        try (Store store = Store.open(db)) {
            try (ImportTransaction tx = store.beginImport(Path.of("in.txt"), "perf-script", 123)) {
                written = writeProfile(tx, "first", 200_000);
                ImportTransaction.Outcome outcome = tx.commit("abc");
                assertFalse(outcome.duplicate());
                assertEquals(1, outcome.profiles().size());
                id = outcome.profiles().get(0).id();
            }
        }
        try (Store store = Store.open(db)) {
            StoredProfile stored = store.findProfile(id).orElseThrow();
            assertEquals("first", stored.info().name());
            assertEquals("in.txt", stored.info().sourcePath());
            assertEquals("abc", stored.info().sourceHash());
            assertEquals(written.info(), stored.info().withSource("", ""));
            assertEquals(200_000, stored.timelineSize());
            Profile read = store.loadProfile(id);
            assertEquals(written.frames(), read.frames());
            assertEquals(written.threads(), read.threads());
            assertArrayEquals(written.stacks().parentArray(), read.stacks().parentArray());
            assertArrayEquals(written.stacks().frameArray(), read.stacks().frameArray());
            assertEquals(written.samples().size(), read.samples().size());
            for (int i = 0; i < read.samples().size(); i++) {
                assertEquals(written.samples().stack(i), read.samples().stack(i));
                assertEquals(written.samples().thread(i), read.samples().thread(i));
                assertEquals(written.samples().weight(i), read.samples().weight(i));
                assertEquals(written.samples().count(i), read.samples().count(i));
            }
            Timeline timeline = store.loadTimeline(id);
            assertEquals(200_000, timeline.size());
            assertEquals(5_000_000_000L + 199_999 * 1_000_000L, timeline.time(199_999));
            assertEquals(1, timeline.thread(199_999));
            assertEquals(1_000_000L + 199_999, timeline.weight(199_999));
        }
    }

    @EngineTest
    void failedImportLeavesNothingBehind(TestEngine engine) {
        StoreLocation db = engine.location("b");
        try (Store store = Store.open(db)) {
            try (ImportTransaction tx = store.beginImport(Path.of("ok.txt"), "perf-script", 1)) {
                writeProfile(tx, "kept", 10);
                tx.commit("h1");
            }
            try (ImportTransaction tx = store.beginImport(Path.of("bad.txt"), "perf-script", 2)) {
                writeProfile(tx, "dropped", 100_000);
                // closed without commit, as when the importer throws or the user cancels
            }
            assertEquals(List.of("kept"), store.listProfiles().stream().map(p -> p.info().name()).toList());
        }
        assertEquals(1, engine.count("b", "profile"));
        assertEquals(1, engine.count("b", "source_file"));
        assertEquals(1, engine.count("b", "timeline_block"));
    }

    @EngineTest
    void sameContentIsReportedNotDuplicated(TestEngine engine) {
        try (Store store = engine.open("c")) {
            long first;
            try (ImportTransaction tx = store.beginImport(Path.of("x.txt"), "perf-script", 5)) {
                writeProfile(tx, "x", 3);
                first = tx.commit("same").profiles().get(0).id();
            }
            try (ImportTransaction tx = store.beginImport(Path.of("copy-of-x.txt"), "perf-script", 5)) {
                writeProfile(tx, "x again", 3);
                ImportTransaction.Outcome outcome = tx.commit("same");
                assertTrue(outcome.duplicate());
                assertEquals(first, outcome.profiles().get(0).id());
            }
            assertEquals(1, store.listProfiles().size());
            assertTrue(store.hasSourceOfSize(5));
        }
    }

    @EngineTest
    void deletesAndRenames(TestEngine engine) {
        try (Store store = engine.open("d")) {
            long id;
            try (ImportTransaction tx = store.beginImport(Path.of("x.txt"), "perf-script", 5)) {
                writeProfile(tx, "x", 3);
                id = tx.commit("h").profiles().get(0).id();
            }
            assertTrue(store.renameProfile(id, "  renamed "));
            assertEquals("renamed", store.findProfile(id).orElseThrow().info().name());
            assertThrows(StoreException.class, () -> store.renameProfile(id, " "));
            assertTrue(store.deleteProfile(id));
            assertFalse(store.deleteProfile(id));
            assertTrue(store.listProfiles().isEmpty());
            assertFalse(store.hasSourceOfSize(5), "the source is forgotten with its last profile");
            assertNull(store.loadTimeline(id));
        }
    }

    @EngineTest
    void refusesStoreWrittenByNewerVersion(TestEngine engine) throws Exception {
        StoreLocation db = engine.location("new");
        Store.open(db).close();
        engine.setVersion("new", Schema.VERSION + 1);
        StoreException e = assertThrows(StoreException.class, () -> Store.open(db));
        assertTrue(e.getMessage().contains("newer Perfdesk"), e.getMessage());
    }

    @Test
    void refusesFilesThatAreNotStores() throws Exception {
        Path text = dir.resolve("notes.db");
        Files.writeString(text, "this is not a database, just some text that is long enough ".repeat(20));
        StoreException e = assertThrows(StoreException.class, () -> Store.open(text));
        assertTrue(e.getMessage().contains("not a Perfdesk store"), e.getMessage());

        Path other = dir.resolve("other.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + other); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE t(x)");
        }
        e = assertThrows(StoreException.class, () -> Store.open(other));
        assertTrue(e.getMessage().contains("another application"), e.getMessage());
        assertThrows(StoreException.class, () -> Store.open(dir));
    }

    @Test
    void leavesAnotherApplicationsDatabaseExactlyAsItWas() throws Exception {
        Path other = dir.resolve("other-app.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + other); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE t(x)");
            st.execute("INSERT INTO t VALUES (1)");
        }
        byte[] before = Files.readAllBytes(other);
        StoreException e = assertThrows(StoreException.class, () -> Store.open(other));
        assertTrue(e.getMessage().contains("another application"), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(other), "not even the journal mode changed");
        assertFalse(Files.exists(dir.resolve("other-app.db-wal")));
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + other); Statement st = c.createStatement();
             var rs = st.executeQuery("PRAGMA journal_mode")) {
            assertEquals("delete", rs.getString(1));
        }
    }

    @Test
    void refusesUrlsAndPathsThatTheDriverWouldReadAsParameters() {
        StoreException url = assertThrows(StoreException.class,
                () -> Store.open(Path.of("postgresql://db.example:5432/perfdesk")));
        assertTrue(url.getMessage().contains("looks like a URL"), url.getMessage());
        StoreException query = assertThrows(StoreException.class, () -> Store.open(dir.resolve("s.db?mode=ro")));
        assertTrue(query.getMessage().contains("contains '?'"), query.getMessage());
        assertFalse(Files.exists(Path.of("postgresql:")), "no folder named postgresql: is created");
    }

    @Test
    void aSecondWriterWaitsForTheFirstInsteadOfFailingAtOnce() throws Exception {
        Path db = dir.resolve("busy.db");
        try (Store s = Store.open(db)) {
            try (ImportTransaction tx = s.beginImport(Path.of("a.txt"), "perf-script", 1)) {
                writeProfile(tx, "waits", 10);
                tx.commit("h1");
            }
            try (Connection holder = DriverManager.getConnection("jdbc:sqlite:" + db);
                 Statement st = holder.createStatement()) {
                st.execute("BEGIN IMMEDIATE");
                Thread release = new Thread(() -> {
                    try {
                        Thread.sleep(500);
                        st.execute("COMMIT");
                    } catch (Exception ignored) {
                        // the test fails below if the lock is never released
                    }
                });
                release.start();
                assertTrue(s.renameProfile(s.listProfiles().get(0).id(), "renamed"), "the rename waited and won");
                release.join();
            }
        }
    }

    /**
     * Deleting or renaming while another Perfdesk imports: the writer waits for the import's transaction instead
     * of failing at once with "database is locked" (the campaign's {@code delete} during an import).
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"delete", "rename"})
    void deleteAndRenameWaitForAnImportInAnotherStoreHandle(String writer) throws Exception {
        Path db = dir.resolve("import-" + writer + ".db");
        try (Store importing = Store.open(db); Store other = Store.open(db)) {
            try (ImportTransaction tx = importing.beginImport(Path.of("a.txt"), "perf-script", 1)) {
                writeProfile(tx, "old", 10);
                tx.commit("h1");
            }
            long id = other.listProfiles().get(0).id();
            ImportTransaction running = importing.beginImport(Path.of("b.txt"), "perf-script", 2);
            writeProfile(running, "new", 10);
            Thread commit = new Thread(() -> {
                try {
                    Thread.sleep(500);
                    running.commit("h2");
                    running.close();
                } catch (Exception ignored) {
                    // the test fails below if the import never ends
                }
            });
            commit.start();
            boolean done = writer.equals("delete") ? other.deleteProfile(id) : other.renameProfile(id, "renamed");
            commit.join();
            assertTrue(done, writer + " waited for the import and then did its work");
            assertEquals(writer.equals("delete") ? 1 : 2, other.listProfiles().size());
            assertTrue(other.listProfiles().stream().anyMatch(p -> p.info().name().equals("new")), "the import kept");
        }
    }

    /** A writer waits a bounded time: a lock held for good ends in one clear line, not a hang. */
    @Test
    void aWriterGivesUpAfterTheBusyTimeoutWithAClearMessage() throws Exception {
        Path db = dir.resolve("held.db");
        try (Store s = Store.open(db)) {
            try (ImportTransaction tx = s.beginImport(Path.of("a.txt"), "perf-script", 1)) {
                writeProfile(tx, "held", 10);
                tx.commit("h1");
            }
            long id = s.listProfiles().get(0).id();
            try (Connection holder = DriverManager.getConnection("jdbc:sqlite:" + db);
                 Statement st = holder.createStatement()) {
                st.execute("BEGIN IMMEDIATE");
                StoreException e = assertThrows(StoreException.class, () -> s.deleteProfile(id));
                assertTrue(e.getMessage().contains("is busy"), e.getMessage());
                assertTrue(e.getMessage().contains(SqliteEngine.BUSY_TIMEOUT_MILLIS / 1000 + " s"), e.getMessage());
                assertFalse(e.getMessage().contains("SQLITE"), e.getMessage());
                st.execute("ROLLBACK");
            }
            assertEquals(1, s.listProfiles().size(), "nothing was deleted");
        }
    }

    @Test
    void resolvesDefaultLocation() {
        assertEquals(Path.of("/x/given.db"), StorePaths.resolve(Path.of("/x/given.db"), Map.of("PERFDESK_DB", "/e.db"), "/h"));
        assertEquals(Path.of("/e.db"), StorePaths.resolve(null, Map.of("PERFDESK_DB", "/e.db"), "/h"));
        assertEquals(Path.of("/xdg/perfdesk/perfdesk.db"), StorePaths.resolve(null, Map.of("XDG_DATA_HOME", "/xdg"), "/h"));
        assertEquals(Path.of("/h/.local/share/perfdesk/perfdesk.db"),
                StorePaths.resolve(null, Map.of("XDG_DATA_HOME", "relative"), "/h"));
        assertEquals(Path.of("/h/.local/share/perfdesk/perfdesk.db"), StorePaths.resolve(null, Map.of(), "/h"));
    }

    @Test
    void usesWriteAheadLogging() throws Exception {
        Path db = dir.resolve("wal.db");
        Store.open(db).close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement();
             var rs = st.executeQuery("PRAGMA journal_mode")) {
            assertTrue(rs.next());
            assertEquals("wal", rs.getString(1));
        }
    }

    private static long count(Path db, String table) {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement();
             var rs = st.executeQuery("SELECT count(*) FROM " + table)) {
            return rs.next() ? rs.getLong(1) : -1;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
