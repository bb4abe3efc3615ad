package dev.perfdesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * What differs between the database engines a store can live in (SQLite, PostgreSQL): connecting, the SQL dialect
 * of the schema, where the schema version is kept, and how errors read. Everything else, the repositories and their
 * SQL, is shared.
 */
interface Engine {
    /** The store, for messages (never with a password). */
    StoreLocation location();

    /** The store as messages name it. */
    default String where() {
        return location().toString();
    }

    /** A new connection in auto-commit mode, or a {@link StoreException} that says why there is none. */
    Connection connect();

    /** Makes one migration statement, written in SQLite's dialect, this engine's. */
    String ddl(String sqliteDdl);

    /**
     * The schema version of the store at {@code c}: 0 for an empty one. Refuses, reading only, a database that
     * belongs to another application.
     */
    int readVersion(Connection c) throws SQLException;

    /** Called first in the migration transaction: waits until no other process migrates the same store. */
    void lockForMigration(Connection c) throws SQLException;

    /** Records {@code version} as the store's, inside the migration transaction. */
    void writeVersion(Connection c, int version) throws SQLException;

    /** An INSERT whose generated {@code id} column {@code ResultSet#getLong(1)} of its generated keys reads. */
    PreparedStatement insertReturningId(Connection c, String sql) throws SQLException;

    /** Whether {@code e} is a unique constraint refusing a row. */
    boolean isUniqueViolation(SQLException e);

    /** Whether {@code e} means the connection is gone, so a new one is needed. */
    boolean isConnectionLost(SQLException e);

    /** One line people can act on, naming the store and never its password. */
    StoreException translate(SQLException e);

    /** A read connection's settings: called once when the engine opens one for reading. */
    default void prepareReader(Connection c) throws SQLException {
    }

    /**
     * Called after rows were inserted into {@code table} with their ids given (a store copy): makes the ids the
     * engine generates next follow them. SQLite does so by itself.
     */
    default void afterExplicitIds(Connection c, String table) throws SQLException {
    }

    /** Whether this engine only reads: the store is opened without migrating or writing anything. */
    default boolean readOnly() {
        return false;
    }

    /**
     * Called at an import's commit, before it is made durable: refuses when the store is no longer the one opened
     * (an SQLite file deleted or replaced meanwhile, whose commit would go into a file nobody can open again).
     */
    default void checkSameStore() {
    }

    /** Whether reads run in a transaction of their own, so a read of many tables sees one state. */
    default boolean readsInTransactions() {
        return false;
    }
}
