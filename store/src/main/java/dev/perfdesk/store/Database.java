package dev.perfdesk.store;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The connection and transaction layer every repository shares: one read connection, and a connection of its own
 * for each write, in one transaction. A read connection found lost is replaced on the next read, so a store whose
 * server restarted keeps working once it is back. A write connection is kept for the next write once its
 * transaction ended cleanly (one idle at most, checked before reuse): a new PostgreSQL connection costs a password
 * exchange, tens of milliseconds, which would otherwise be most of a small import.
 */
final class Database implements AutoCloseable {
    /** Work on a connection, which may throw {@link SQLException}s. */
    @FunctionalInterface
    interface SqlWork<T> {
        T run(Connection c) throws SQLException;
    }

    private final Engine engine;
    private Connection reader;
    private int readDepth;
    private final Object idleLock = new Object();
    private Connection idleWriter;
    private boolean closed;

    Database(Engine engine, Connection reader) throws SQLException {
        this.engine = engine;
        this.reader = reader;
        engine.prepareReader(reader);
    }

    /** The engine. */
    Engine engine() {
        return engine;
    }

    /** The store, for messages. */
    String where() {
        return engine.where();
    }

    /** One line for an error; never the password. */
    StoreException translate(SQLException e) {
        return engine.translate(e);
    }

    /**
     * Runs {@code work} on the read connection. On an engine that reads in transactions, the outermost read is one
     * transaction, so everything it reads is one committed state.
     */
    synchronized <T> T read(SqlWork<T> work) {
        try {
            if (reader == null) {
                Connection c = engine.connect();
                try {
                    engine.prepareReader(c);
                } catch (SQLException e) {
                    closeQuietly(c);
                    throw e;
                }
                reader = c;
            }
            readDepth++;
            try {
                T result = work.run(reader);
                if (readDepth == 1 && engine.readsInTransactions()) {
                    reader.commit();
                }
                return result;
            } catch (SQLException | RuntimeException e) {
                if (readDepth == 1 && engine.readsInTransactions()) {
                    rollbackQuietly(reader);
                }
                throw e;
            } finally {
                readDepth--;
            }
        } catch (SQLException e) {
            if (engine.isConnectionLost(e) && readDepth == 0) {
                closeQuietly(reader);
                reader = null;
            }
            throw translate(e);
        }
    }

    /** Runs {@code work} in one transaction on a connection of its own: all of it is kept, or none. */
    <T> T write(SqlWork<T> work) {
        Connection c = openTransaction();
        boolean clean = false;
        try {
            T result = work.run(c);
            c.commit();
            clean = true;
            return result;
        } catch (SQLException e) {
            clean = rollback(c);
            throw translate(e);
        } catch (RuntimeException e) {
            clean = rollback(c);
            throw e;
        } finally {
            release(c, clean);
        }
    }

    /**
     * A connection with a transaction begun, for an import the caller commits or rolls back and then hands back
     * with {@link #release}: the idle one when it still answers, else a new one.
     */
    Connection openTransaction() {
        Connection c = null;
        synchronized (idleLock) {
            if (idleWriter != null) {
                c = idleWriter;
                idleWriter = null;
            }
        }
        if (c != null && !answers(c)) {
            closeQuietly(c);
            c = null;
        }
        if (c == null) {
            c = engine.connect();
        }
        try {
            c.setAutoCommit(false);
            return c;
        } catch (SQLException e) {
            closeQuietly(c);
            throw translate(e);
        }
    }

    /**
     * Hands back a write connection whose transaction has ended: kept for the next write when {@code clean} (its
     * commit or rollback went through) and none is idle, else closed.
     */
    void release(Connection c, boolean clean) {
        // idle in auto-commit: SQLite's driver would otherwise begin the next (IMMEDIATE, write-locking)
        // transaction at once after a commit and hold it while the connection waits
        if (clean && !autoCommit(c)) {
            clean = false;
        }
        if (clean) {
            synchronized (idleLock) {
                if (idleWriter == null && !closed) {
                    idleWriter = c;
                    return;
                }
            }
        }
        closeQuietly(c);
    }

    private static boolean autoCommit(Connection c) {
        try {
            c.setAutoCommit(true);
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private static boolean answers(Connection c) {
        try {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    /** Rolls back; false when that failed, so the connection is not to be used again. */
    static boolean rollback(Connection c) {
        try {
            c.rollback();
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // the connection is closed next; the server discards the transaction either way
        }
    }

    static void closeQuietly(Connection c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (SQLException ignored) {
            // nothing more to do
        }
    }

    @Override
    public synchronized void close() {
        closeQuietly(reader);
        reader = null;
        synchronized (idleLock) {
            closed = true;
            closeQuietly(idleWriter);
            idleWriter = null;
        }
    }
}
