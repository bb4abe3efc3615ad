package dev.perfdesk.app.ui;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.perfdesk.store.Store;
import dev.perfdesk.store.StorePaths;

/**
 * A store for window tests on the PostgreSQL team store {@code PERFDESK_TEST_PG} names, in a schema of its own that
 * {@link #close} drops; an SQLite file in {@code dir} when the variable is not set and no server answers at the
 * default address (said on stdout). With the variable set, a server that cannot be used is an error.
 */
final class TeamStores implements AutoCloseable {
    private static final String DEFAULT = "postgresql://perfdesk:pd-test-secret@localhost:5432/perfdesk_test";

    private final String base;
    private final String schema;
    final Store store;

    private TeamStores(String base, String schema, Store store) {
        this.base = base;
        this.schema = schema;
        this.store = store;
    }

    /** Opens the team store for test {@code who}, or an SQLite file in {@code dir} when there is no server. */
    static TeamStores open(Path dir, String who) throws SQLException {
        String given = System.getenv("PERFDESK_TEST_PG");
        String base = given == null || given.isBlank() ? DEFAULT : given;
        String schema = "ui_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = jdbc(base); Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            if (given != null && !given.isBlank()) {
                throw e;
            }
            System.out.println(who + ": no PostgreSQL server, on SQLite instead (" + e.getMessage() + ")");
            return new TeamStores(base, null, Store.open(dir.resolve("store-" + System.nanoTime() + ".db")));
        }
        return new TeamStores(base, schema, Store.open(StorePaths.locate(base + (base.contains("?") ? "&" : "?")
                + "options=-c%20search_path%3D" + schema)));
    }

    /** Whether the store is on PostgreSQL. */
    boolean onPostgres() {
        return schema != null;
    }

    static Connection jdbc(String url) throws SQLException {
        Matcher m = Pattern.compile("postgresql://([^:@]+):([^@]*)@([^:/]+):(\\d+)/([^?]+).*").matcher(url);
        if (!m.matches()) {
            throw new SQLException("the test URL must read postgresql://user:password@host:port/database");
        }
        Properties p = new Properties();
        p.setProperty("user", m.group(1));
        p.setProperty("password", m.group(2));
        p.setProperty("connectTimeout", "3");
        return DriverManager.getConnection("jdbc:postgresql://" + m.group(3) + ":" + m.group(4) + "/" + m.group(5),
                p);
    }

    @Override
    public void close() throws SQLException {
        store.close();
        if (schema != null) {
            try (Connection c = jdbc(base); Statement st = c.createStatement()) {
                st.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
    }
}
