package dev.perfdesk.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * The embedded engine: one SQLite file in WAL mode. The schema version is SQLite's {@code user_version} and the file
 * is marked as Perfdesk's by {@code application_id}; writers take the write lock when their transaction begins.
 */
final class SqliteEngine implements Engine {
    /** Marks the file as a Perfdesk store ({@code PRAGMA application_id}): "PDSK". */
    static final int APPLICATION_ID = Schema.APPLICATION_ID;
    /** How long a writer waits for another one to finish before giving up, in milliseconds. */
    static final int BUSY_TIMEOUT_MILLIS = 10_000;

    private final Path absolute;
    private final String where;
    private final boolean readOnly;
    /** The store file's identity (device and inode) once opened: a commit checks it is still the file at the path. */
    private volatile Object fileKey;

    SqliteEngine(Path absolute, String where) {
        this(absolute, where, false);
    }

    /**
     * @param readOnly open read-only: no journal-mode switch, nothing written, and, when no writer has a WAL
     *                 beside the file, as an immutable file so that not even the {@code -shm} index is created
     *                 (a store in a read-only folder can be read)
     */
    SqliteEngine(Path absolute, String where, boolean readOnly) {
        this.absolute = absolute;
        this.where = where;
        this.readOnly = readOnly;
    }

    @Override
    public boolean readOnly() {
        return readOnly;
    }

    /** Remembers which file the store is, once it exists. */
    void rememberFile() {
        fileKey = currentKey();
    }

    private Object currentKey() {
        try {
            return java.nio.file.Files.readAttributes(absolute, java.nio.file.attribute.BasicFileAttributes.class)
                    .fileKey();
        } catch (java.io.IOException e) {
            return null;
        }
    }

    @Override
    public void checkSameStore() {
        Object opened = fileKey;
        if (opened == null) {
            return;
        }
        if (!java.nio.file.Files.exists(absolute)) {
            throw new StoreException("the store file " + where + " was deleted during the import; nothing was "
                    + "imported");
        }
        if (!opened.equals(currentKey())) {
            throw new StoreException("the store file " + where + " was replaced by another file during the import; "
                    + "nothing was imported");
        }
    }

    @Override
    public StoreLocation location() {
        return new StoreLocation.SqliteFile(absolute);
    }

    @Override
    public String where() {
        return where;
    }

    @Override
    public Connection connect() {
        try {
            if (readOnly) {
                return connectReadOnly();
            }
            Properties properties = new Properties();
            // Writers take the write lock when their transaction begins, so a second writer waits for it (up to
            // the busy timeout) instead of failing at once when a read lock cannot be upgraded.
            properties.setProperty("transaction_mode", "IMMEDIATE");
            Connection c = DriverManager.getConnection("jdbc:sqlite:" + absolute, properties);
            try (Statement st = c.createStatement()) {
                st.execute("PRAGMA busy_timeout = " + BUSY_TIMEOUT_MILLIS);
                st.execute("PRAGMA foreign_keys = ON");
                // refuse a foreign or newer file before anything is written to it, even the journal mode
                readVersion(c);
                st.execute("PRAGMA journal_mode = WAL");
                st.execute("PRAGMA synchronous = NORMAL");
            } catch (SQLException | RuntimeException e) {
                Database.closeQuietly(c);
                throw e;
            }
            return c;
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    /**
     * A read-only connection. With no {@code -wal} file beside the store no writer is at work and every commit is
     * in the file, so it is opened immutable: SQLite then creates no {@code -shm} or {@code -wal} file, which it
     * could not in a read-only folder. With a WAL present, a writer may be at work, and the shared index is used.
     */
    private Connection connectReadOnly() throws SQLException {
        boolean wal = java.nio.file.Files.exists(Path.of(absolute + "-wal"));
        String uri = absolute.toUri().toString().replaceFirst("^file:///", "file:/") + "?mode=ro"
                + (wal ? "" : "&immutable=1");
        org.sqlite.SQLiteConfig config = new org.sqlite.SQLiteConfig();
        config.setReadOnly(true);
        config.setOpenMode(org.sqlite.SQLiteOpenMode.OPEN_URI);
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + uri, config.toProperties());
        try (Statement st = c.createStatement()) {
            st.execute("PRAGMA busy_timeout = " + BUSY_TIMEOUT_MILLIS);
            readVersion(c);
        } catch (SQLException | RuntimeException e) {
            Database.closeQuietly(c);
            throw e;
        }
        return c;
    }

    @Override
    public String ddl(String sqliteDdl) {
        return sqliteDdl;
    }

    @Override
    public int readVersion(Connection c) throws SQLException {
        int version;
        int applicationId;
        try (Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("PRAGMA user_version")) {
                version = rs.next() ? rs.getInt(1) : 0;
            }
            try (ResultSet rs = st.executeQuery("PRAGMA application_id")) {
                applicationId = rs.next() ? rs.getInt(1) : 0;
            }
        }
        if (applicationId != 0 && applicationId != APPLICATION_ID) {
            throw new StoreException(where + " is an SQLite database of another application, not a Perfdesk store");
        }
        if (applicationId == 0 && version == 0 && hasTables(c)) {
            throw new StoreException(where + " is an SQLite database of another application, not a Perfdesk store");
        }
        return version;
    }

    private static boolean hasTables(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM sqlite_master WHERE type = 'table'")) {
            return rs.next() && rs.getInt(1) > 0;
        }
    }

    @Override
    public void lockForMigration(Connection c) {
        // the IMMEDIATE transaction mode already holds the write lock
    }

    @Override
    public void writeVersion(Connection c, int version) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("PRAGMA application_id = " + APPLICATION_ID);
            st.execute("PRAGMA user_version = " + version);
        }
    }

    @Override
    public PreparedStatement insertReturningId(Connection c, String sql) throws SQLException {
        return c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS);
    }

    @Override
    public boolean isUniqueViolation(SQLException e) {
        String m = String.valueOf(e.getMessage());
        return m.contains("SQLITE_CONSTRAINT_UNIQUE") || m.contains("SQLITE_CONSTRAINT_PRIMARYKEY")
                || m.contains("UNIQUE constraint failed");
    }

    @Override
    public boolean isConnectionLost(SQLException e) {
        return false;
    }

    @Override
    public StoreException translate(SQLException e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("SQLITE_NOTADB") || message.contains("file is not a database")) {
            return new StoreException(where + " is not a Perfdesk store (not an SQLite database)", e);
        }
        if (message.contains("SQLITE_CANTOPEN")) {
            return new StoreException("cannot open the store " + where + " (check the path and permissions)", e);
        }
        if (message.contains("SQLITE_READONLY")) {
            return new StoreException("the store " + where + " is read-only", e);
        }
        if (message.contains("SQLITE_BUSY") || message.contains("database is locked")) {
            return new StoreException("the store " + where + " is busy: another Perfdesk kept it locked for "
                    + BUSY_TIMEOUT_MILLIS / 1000 + " s; try again when it has finished", e);
        }
        if (message.contains("SQLITE_CORRUPT")) {
            return new StoreException("the store " + where + " is damaged: " + message, e);
        }
        if (message.contains("SQLITE_FULL")) {
            return new StoreException("the disk holding the store " + where + " is full", e);
        }
        return new StoreException("store " + where + ": " + message, e);
    }
}
