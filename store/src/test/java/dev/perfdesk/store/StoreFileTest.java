package dev.perfdesk.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SQLite store's file: an import commits only into the file it opened (issue 13: deleting the store during an
 * import reported success with nothing on disk), and reading a store writes nothing beside it (issue 13: a store in
 * a read-only folder could not even be listed).
 */
class StoreFileTest {
    @TempDir
    Path dir;

    private static void deleteStore(Path db) throws IOException {
        Files.delete(db);
        Files.deleteIfExists(Path.of(db + "-wal"));
        Files.deleteIfExists(Path.of(db + "-shm"));
    }

    @Test
    void anImportIntoAStoreDeletedMeanwhileIsRefusedAtCommit() throws IOException {
        Path db = dir.resolve("perfdesk.db");
        try (Store store = Store.open(db)) {
            try (ImportTransaction tx = store.beginImport(Path.of("a.json"), "jmh-json", 1)) {
                tx.addRun(BenchmarkRunStoreTest.sampleRun());
                deleteStore(db);
                StoreException e = assertThrows(StoreException.class, () -> tx.commit("0a".repeat(32)));
                assertTrue(e.getMessage().contains(db.toString()) && e.getMessage().contains("was deleted during the "
                        + "import; nothing was imported"), e.getMessage());
                assertTrue(!e.getMessage().contains("\n"));
            }
        }
        assertTrue(!Files.exists(db) || Files.size(db) == 0 || countRuns(db) == 0, "nothing imported");
    }

    @Test
    void anImportIntoAStoreReplacedMeanwhileIsRefusedAtCommit() throws IOException {
        Path db = dir.resolve("perfdesk.db");
        Path other = dir.resolve("other.db");
        try (Store s = Store.open(other)) {
            assertTrue(s.listRuns().isEmpty());
        }
        try (Store store = Store.open(db)) {
            try (ImportTransaction tx = store.beginImport(Path.of("a.json"), "jmh-json", 1)) {
                tx.addRun(BenchmarkRunStoreTest.sampleRun());
                deleteStore(db);
                Files.move(other, db, StandardCopyOption.ATOMIC_MOVE);
                StoreException e = assertThrows(StoreException.class, () -> tx.commit("0a".repeat(32)));
                assertTrue(e.getMessage().contains("was replaced by another file during the import"), e.getMessage());
            }
        }
        assertEquals(0, countRuns(db));
    }

    @Test
    void anImportIntoTheSameFileStillCommits() {
        Path db = dir.resolve("perfdesk.db");
        try (Store store = Store.open(db)) {
            try (ImportTransaction tx = store.beginImport(Path.of("a.json"), "jmh-json", 1)) {
                tx.addRun(BenchmarkRunStoreTest.sampleRun());
                tx.commit("0a".repeat(32));
            }
            assertEquals(1, store.listRuns().size());
        }
    }

    private static long countRuns(Path db) {
        try (Store s = Store.openReadOnly(new StoreLocation.SqliteFile(db))) {
            return s.listRuns().size();
        }
    }

    /** Every file in the folder with its size and modification time. */
    private static Map<String, String> listing(Path folder) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path p : files.toList()) {
                out.put(p.getFileName().toString(), Files.size(p) + "@" + Files.getLastModifiedTime(p).toMillis());
            }
        }
        return out;
    }

    @Test
    void readingAStoreCreatesAndChangesNoFileBesideIt() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("ro"));
        Path db = folder.resolve("perfdesk.db");
        try (Store store = Store.open(db)) {
            try (ImportTransaction tx = store.beginImport(Path.of("a.json"), "jmh-json", 1)) {
                tx.addRun(BenchmarkRunStoreTest.sampleRun());
                tx.commit("0a".repeat(32));
            }
        }
        Map<String, String> before = listing(folder);
        assertEquals(java.util.Set.of("perfdesk.db"), before.keySet(), "the writer left only the store: " + before);
        byte[] bytes = Files.readAllBytes(db);
        try (Store store = Store.openReadOnly(new StoreLocation.SqliteFile(db))) {
            assertEquals(1, store.listRuns().size());
            store.loadRun(store.listRuns().get(0).id());
            assertTrue(store.listProfiles().isEmpty());
            assertEquals(before, listing(folder), "no -wal or -shm while reading");
            StoreException e = assertThrows(StoreException.class, () -> store.deleteRun(1));
            assertTrue(e.getMessage().contains("read-only"), e.getMessage());
        }
        assertEquals(before, listing(folder), "nothing created, nothing modified");
        assertTrue(java.util.Arrays.equals(bytes, Files.readAllBytes(db)), "the store's bytes are the same");
    }

    @Test
    void readingAStoreOfAnOlderSchemaSaysItNeedsAnUpgradeAndWritesNothing() throws Exception {
        Path db = dir.resolve("old.db");
        SqliteEngine engine = new SqliteEngine(db, db.toString());
        try (java.sql.Connection c = engine.connect()) {
            Schema.migrate(engine, c, 1);
        }
        byte[] bytes = Files.readAllBytes(db);
        StoreException e = assertThrows(StoreException.class,
                () -> Store.openReadOnly(new StoreLocation.SqliteFile(db)));
        assertTrue(e.getMessage().contains("older Perfdesk (schema 1, this one uses " + Schema.VERSION + ")"),
                e.getMessage());
        assertTrue(java.util.Arrays.equals(bytes, Files.readAllBytes(db)), "not migrated");
    }

    @Test
    void aForeignDatabaseReadOnlyIsRefusedAsBefore() throws Exception {
        Path db = dir.resolve("foreign.db");
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db);
             java.sql.Statement st = c.createStatement()) {
            st.execute("CREATE TABLE t(x)");
        }
        StoreException e = assertThrows(StoreException.class,
                () -> Store.openReadOnly(new StoreLocation.SqliteFile(db)));
        assertTrue(e.getMessage().contains("another application"), e.getMessage());
    }
}
