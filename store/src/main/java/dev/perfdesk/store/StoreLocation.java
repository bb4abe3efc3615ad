package dev.perfdesk.store;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where a store lives: an SQLite file on this machine, or a PostgreSQL database on a server shared by a team.
 * {@link #toString()} is what messages, logs and title bars show; it never contains a password.
 *
 * <pre>{@code
 * StoreLocation here = StoreLocation.parse("/home/me/perfdesk.db");
 * StoreLocation team = StoreLocation.parse("postgresql://perf.example:5432/perfdesk?sslmode=require");
 * }</pre>
 */
public sealed interface StoreLocation permits StoreLocation.SqliteFile, PostgresLocation {

    /** The embedded engine's store: one SQLite file. */
    record SqliteFile(Path path) implements StoreLocation {
        @Override
        public String toString() {
            return path.toString();
        }
    }

    /** Whether {@code text} names a PostgreSQL server store ({@code postgresql://} or {@code postgres://}). */
    static boolean isServerUrl(String text) {
        String lower = text.strip().toLowerCase(java.util.Locale.ROOT);
        return lower.startsWith("postgresql://") || lower.startsWith("postgres://");
    }

    /**
     * A store given by the user: a {@code postgresql://} URL (libpq's syntax, completed from the process
     * environment and {@code ~/.pgpass}), else the path of an SQLite file.
     *
     * @throws StoreException if the URL is malformed
     */
    static StoreLocation parse(String text) {
        return parse(text, System.getenv(), System.getProperty("user.home"));
    }

    /** As {@link #parse(String)}, with an environment and home folder given (for tests). */
    static StoreLocation parse(String text, Map<String, String> env, String home) {
        if (isServerUrl(text)) {
            return PostgresLocation.parse(text.strip(), env, home);
        }
        return new SqliteFile(Path.of(text));
    }
}
