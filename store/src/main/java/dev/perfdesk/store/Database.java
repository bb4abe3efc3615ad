package dev.perfdesk.store;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The connection and transaction layer every repository shares: one read connection, and a connection of its own
 * for each write, in one transaction. A read connection found lost is replaced on the next read, so a store whose
 * server restarted keeps working once it is back.
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
        try (Connection c = engine.connect()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(c);
                throw e;
            }
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    /** A new connection with a transaction begun, for an import the caller commits or rolls back. */
    Connection openTransaction() {
        Connection c = engine.connect();
        try {
            c.setAutoCommit(false);
            return c;
        } catch (SQLException e) {
            closeQuietly(c);
            throw translate(e);
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
    }
}
