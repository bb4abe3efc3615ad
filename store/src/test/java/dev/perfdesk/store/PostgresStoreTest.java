package dev.perfdesk.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What only a server store has: many writers at once, connections lost or refused, passwords. Runs on the
 * PostgreSQL test server ({@link TestEngine#PG_VARIABLE}); skipped, saying so, when there is none.
 */
class PostgresStoreTest {
    private TestEngine.Postgres engine;

    @BeforeEach
    void server() {
        String why = TestEngine.postgresUnavailable();
        Assumptions.assumeTrue(why == null, () -> "skipped PostgresStoreTest (" + why + ")");
        engine = new TestEngine.Postgres();
    }

    @AfterEach
    void clean() throws SQLException {
        if (engine != null) {
            engine.close();
        }
    }

    private static String password() {
        return ((PostgresLocation) StoreLocation.parse(TestEngine.postgresUrl())).password();
    }

    private static StoredRun importRun(Store store, String name, String hash) {
        try (ImportTransaction tx = store.beginImport(Path.of(name), "jmh-json", 100)) {
            tx.addRun(BenchmarkRunStoreTest.sampleRun().withName(name));
            return tx.commit(hash).runs().get(0);
        }
    }

    /** Ends, from a second connection, the server process of the import the test has open. */
    private static int terminateImport(String applicationName) throws SQLException {
        try (Connection admin = TestEngine.admin(); PreparedStatement ps = admin.prepareStatement(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = ? "
                        + "AND state = 'idle in transaction' AND pid <> pg_backend_pid()")) {
            ps.setString(1, applicationName);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    @Test
    void aConnectionKilledMidImportLeavesTheStoreUnchangedAndTheNextImportWorks() throws Exception {
        String app = "perfdesk-kill-" + System.nanoTime();
        StoreLocation where = StoreLocation.parse(engine.url("kill") + "&application_name=" + app);
        try (Store store = Store.open(where)) {
            importRun(store, "before.json", "01".repeat(32));
            ImportTransaction tx = store.beginImport(Path.of("dropped.json"), "jmh-json", 100);
            tx.addRun(BenchmarkRunStoreTest.sampleRun().withName("dropped.json"));
            assertEquals(1, terminateImport(app), "the import's server process was found and ended");
            StoreException e = assertThrows(StoreException.class, () -> {
                tx.addRun(BenchmarkRunStoreTest.sampleRun().withName("dropped 2"));
                tx.commit("02".repeat(32));
            });
            tx.close();
            String message = e.getMessage();
            assertTrue(message.startsWith("lost the connection to the store " + where), message);
            assertFalse(message.contains("\n"), "one line: " + message);
            assertFalse(message.contains(password()), message);
            assertEquals(List.of("before.json"), store.listRuns().stream().map(StoredRun::name).toList());
            assertEquals(1, engine.count("kill", "source_file"), "nothing of the dropped import was written");
            assertEquals(1, engine.count("kill", "run"));
            StoredRun after = importRun(store, "after.json", "03".repeat(32));
            assertEquals("after.json", store.findRun(after.id()).orElseThrow().name());
            assertEquals(2, store.listRuns().size());
        }
    }

    /**
     * A reader in another process (another Store) during a write: it is not blocked by the open import, sees only
     * what was committed before it, and sees the import once committed.
     */
    @Test
    void aReaderDuringAWriteSeesOnlyCommittedImportsAndIsNotBlocked() throws Exception {
        StoreLocation where = StoreLocation.parse(engine.url("reader"));
        try (Store writer = Store.open(where); Store reader = Store.open(where)) {
            importRun(writer, "committed.json", "11".repeat(32));
            try (ImportTransaction tx = writer.beginImport(Path.of("open.json"), "jmh-json", 100)) {
                tx.addRun(BenchmarkRunStoreTest.sampleRun().withName("open.json"));
                ExecutorService pool = Executors.newSingleThreadExecutor();
                try {
                    Future<List<String>> read = pool.submit(() -> reader.listRuns().stream().map(StoredRun::name)
                            .toList());
                    assertEquals(List.of("committed.json"), read.get(60, java.util.concurrent.TimeUnit.SECONDS),
                            "the reader sees the committed run only, without waiting for the import");
                    Future<Long> loaded = pool.submit(() -> (long) reader.loadRun(reader.listRuns().get(0).id())
                            .benchmarks().size());
                    assertTrue(loaded.get(60, java.util.concurrent.TimeUnit.SECONDS) > 0);
                } finally {
                    pool.shutdownNow();
                }
                tx.commit("12".repeat(32));
            }
            assertEquals(List.of("committed.json", "open.json"), reader.listRuns().stream().map(StoredRun::name)
                    .sorted().toList());
        }
    }

    @Test
    void aReaderWhoseConnectionWasEndedReconnectsOnTheNextRead() throws Exception {
        String app = "perfdesk-reader-" + System.nanoTime();
        try (Store store = Store.open(StoreLocation.parse(engine.url("reader") + "&application_name=" + app))) {
            importRun(store, "a.json", "04".repeat(32));
            try (Connection admin = TestEngine.admin(); PreparedStatement ps = admin.prepareStatement(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = ?")) {
                ps.setString(1, app);
                ps.executeQuery().close();
            }
            StoreException lost = assertThrows(StoreException.class, store::listRuns);
            assertTrue(lost.getMessage().startsWith("lost the connection"), lost.getMessage());
            assertEquals(1, store.listRuns().size(), "the next read has a new connection");
        }
    }

    @Test
    void concurrentImportsOfTheSameFileKeepOneCopy() throws Exception {
        int writers = 6;
        StoreLocation where = engine.location("same");
        Store.open(where).close();
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<ImportTransaction.Outcome>> outcomes = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                int n = i;
                outcomes.add(pool.submit(() -> {
                    try (Store store = Store.open(where);
                         ImportTransaction tx = store.beginImport(Path.of("copy" + n + ".json"), "jmh-json", 100)) {
                        tx.addRun(BenchmarkRunStoreTest.sampleRun());
                        return tx.commit("05".repeat(32));
                    }
                }));
            }
            int fresh = 0;
            long id = -1;
            for (Future<ImportTransaction.Outcome> f : outcomes) {
                ImportTransaction.Outcome o = f.get();
                fresh += o.duplicate() ? 0 : 1;
                assertEquals(1, o.runs().size(), "every importer is told of the one run");
                assertTrue(id < 0 || id == o.runs().get(0).id());
                id = o.runs().get(0).id();
            }
            assertEquals(1, fresh, "exactly one import wrote the file");
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, engine.count("same", "source_file"));
        assertEquals(1, engine.count("same", "run"));
    }

    @Test
    void theDatabaseItselfRefusesASecondCopyOfAFile() throws Exception {
        try (Store store = engine.open("unique")) {
            importRun(store, "a.json", "06".repeat(32));
        }
        SQLException e = assertThrows(SQLException.class, () -> engine.execute("unique", "INSERT INTO source_file"
                + "(path, sha256, size, format, imported_at) VALUES ('b.json', '" + "06".repeat(32) + "', 1, 'x', 0)"));
        assertEquals("23505", e.getSQLState(), "a unique constraint on the content hash");
    }

    @Test
    void concurrentWritersOfDifferentFilesLoseNothing() throws Exception {
        StoreLocation where = engine.location("many");
        Store.open(where).close();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                int writer = w;
                done.add(pool.submit(() -> {
                    try (Store store = Store.open(where)) {
                        for (int i = 0; i < 10; i++) {
                            importRun(store, "w" + writer + "-" + i + ".json",
                                    String.format("%064x", writer * 1000 + i));
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        try (Store store = Store.open(where)) {
            assertEquals(40, store.listRuns().size());
        }
    }

    @Test
    void aWrongPasswordIsOneLineNamingTheStoreWithoutThePassword() {
        String url = engine.url("pw").replaceFirst("://([^:@/]+):[^@]*@", "://$1:not-the-password-42@");
        StoreException e = assertThrows(StoreException.class, () -> Store.open(StoreLocation.parse(url)));
        String m = e.getMessage();
        assertTrue(m.startsWith("cannot log in to the store postgresql://"), m);
        assertTrue(m.contains("refused the password"), m);
        assertFalse(m.contains("not-the-password-42"), m);
        assertFalse(m.contains("\n"), m);
    }

    @Test
    void anUnreachableServerIsOneLine() {
        StoreException refused = assertThrows(StoreException.class,
                () -> Store.open(StoreLocation.parse("postgresql://u:secret-pw@127.0.0.1:1/perfdesk")));
        assertEquals("cannot reach the store postgresql://u@127.0.0.1:1/perfdesk: nothing answers at 127.0.0.1:1 "
                + "(is the server running, and are the host and port right?)", refused.getMessage());
        StoreException unknown = assertThrows(StoreException.class,
                () -> Store.open(StoreLocation.parse("postgresql://u:secret-pw@no-such-host.invalid/perfdesk")));
        assertEquals("cannot reach the store postgresql://u@no-such-host.invalid:5432/perfdesk: unknown host "
                + "no-such-host.invalid", unknown.getMessage());
    }

    @Test
    void aMissingDatabaseIsNamed() {
        String url = TestEngine.postgresUrl().replaceFirst("/[^/?]+(\\?|$)", "/perfdesk_no_such_db$1");
        StoreException e = assertThrows(StoreException.class, () -> Store.open(StoreLocation.parse(url)));
        assertTrue(e.getMessage().contains("the server has no database perfdesk_no_such_db"), e.getMessage());
        assertFalse(e.getMessage().contains(password()), e.getMessage());
    }

    @Test
    void aSchemaOfAnotherApplicationIsRefusedAndLeftAlone() throws Exception {
        engine.schema("foreign");
        engine.execute("foreign", "CREATE TABLE orders (id INTEGER)", "INSERT INTO orders VALUES (1)");
        StoreException e = assertThrows(StoreException.class, () -> engine.open("foreign"));
        assertTrue(e.getMessage().contains("another application"), e.getMessage());
        assertEquals(1, engine.count("foreign", "orders"));
        try (Connection c = engine.connect("foreign"); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM information_schema.tables "
                     + "WHERE table_schema = current_schema()")) {
            rs.next();
            assertEquals(1, rs.getInt(1), "no table was created");
        }
    }

    @Test
    void theStoreShowsNoPasswordAnywhere() {
        try (Store store = engine.open("shown")) {
            String shown = store.location().toString();
            assertTrue(shown.startsWith("postgresql://"), shown);
            assertFalse(shown.contains(password()), shown);
            StoreException e = assertThrows(StoreException.class, () -> store.loadRun(99));
            assertFalse(e.getMessage().contains(password()), e.getMessage());
            assertThrows(StoreException.class, store::path, "a server store has no file");
        }
    }
}
