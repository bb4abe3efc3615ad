package dev.perfdesk.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --db postgresql://...} on the command line: the same commands on a team store, and bad connections as one
 * line that names the store without its password, exit 1. Needs the PostgreSQL test server that
 * {@code PERFDESK_TEST_PG} names (as the store's tests do); skipped, saying so, without one.
 */
class CliPostgresTest {
    private static final String DEFAULT = "postgresql://perfdesk:pd-test-secret@localhost:5432/perfdesk_test";
    private static final String SAMPLE = "app 100/101 [000] 12.000001: 1000000 cpu-clock:\n"
            + "\t4005d0 work (/usr/bin/app)\n\t400600 main (/usr/bin/app)\n\n";

    @TempDir
    Path dir;
    private String base;
    private String password;
    private String schema;
    private String url;

    /** A JDBC connection from a postgresql:// URL of the plain user:password@host:port/db form the tests use. */
    private static Connection jdbc(String url) throws SQLException {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                "postgresql://([^:@]+):([^@]*)@([^:/]+):(\\d+)/([^?]+).*").matcher(url);
        if (!m.matches()) {
            throw new SQLException("the test URL must read postgresql://user:password@host:port/database: "
                    + url.replaceAll(":[^:@/]*@", ":***@"));
        }
        Properties p = new Properties();
        p.setProperty("user", m.group(1));
        p.setProperty("password", m.group(2));
        p.setProperty("connectTimeout", "3");
        return DriverManager.getConnection("jdbc:postgresql://" + m.group(3) + ":" + m.group(4) + "/" + m.group(5),
                p);
    }

    @BeforeEach
    void server() throws SQLException {
        String given = System.getenv("PERFDESK_TEST_PG");
        base = given == null || given.isBlank() ? DEFAULT : given;
        schema = "cli_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = jdbc(base); Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            if (given != null && !given.isBlank()) {
                throw e;
            }
            Assumptions.abort("skipped CliPostgresTest: PERFDESK_TEST_PG is not set and no server answers at "
                    + "localhost:5432 (" + e.getMessage() + ")");
        }
        password = base.replaceFirst("postgresql://[^:@]+:([^@]*)@.*", "$1");
        url = base + (base.contains("?") ? "&" : "?") + "options=-c%20search_path%3D" + schema;
    }

    @AfterEach
    void drop() throws SQLException {
        if (schema != null && password != null) {
            try (Connection c = jdbc(base); Statement st = c.createStatement()) {
                st.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
    }

    private void assertNoPassword(CliRunner.Result r) {
        assertFalse(r.out().contains(password), "stdout shows the password");
        assertFalse(r.err().contains(password), "stderr shows the password");
    }

    @Test
    void importListShowAndDeleteOnATeamStore() throws Exception {
        Path file = dir.resolve("good.txt");
        Files.writeString(file, SAMPLE.repeat(5));
        Path jmh = Path.of(System.getProperty("perfdesk.sampledata", "../sample-data"), "bench", "jmh",
                "jmh-percentile.json");
        CliRunner.Result imported = CliRunner.run("import", "--db", url, file.toString(), jmh.toString());
        assertEquals(0, imported.exitCode(), imported.err());
        assertNoPassword(imported);
        assertTrue(imported.out().startsWith("1\tgood.txt · cpu-clock\nr1\t"), imported.out());
        CliRunner.Result again = CliRunner.run("import", "--db", url, file.toString());
        assertTrue(again.err().contains("already in the store"), again.err());
        CliRunner.Result list = CliRunner.run("list", "--db", url);
        assertEquals(0, list.exitCode(), list.err());
        assertTrue(list.out().contains("good.txt · cpu-clock"), list.out());
        assertTrue(list.out().contains("r1"), list.out());
        assertNoPassword(list);
        CliRunner.Result show = CliRunner.run("show", "--db", url, "r1");
        assertEquals(0, show.exitCode(), show.err());
        CliRunner.Result missing = CliRunner.run("show", "--db", url, "r99");
        assertEquals(1, missing.exitCode());
        assertTrue(missing.err().contains("postgresql://"), missing.err());
        assertNoPassword(missing);
        assertEquals(0, CliRunner.run("delete", "--db", url, "1").exitCode());
        assertFalse(CliRunner.run("list", "--db", url).out().contains("good.txt"));
    }

    @Test
    void aWrongPasswordIsOneLineWithoutThePassword() {
        String wrong = url.replaceFirst(":" + java.util.regex.Pattern.quote(password) + "@", ":wrong-pw-77@");
        CliRunner.Result r = CliRunner.run("list", "--db", wrong);
        assertEquals(1, r.exitCode());
        assertEquals(1, r.errLines().length, r.err());
        assertTrue(r.err().startsWith("perfdesk: cannot log in to the store postgresql://"), r.err());
        assertFalse(r.err().contains("wrong-pw-77"), r.err());
        assertNoPassword(r);
    }

    @Test
    void anUnreachableHostAndAMissingDatabaseAreOneLineEach() throws Exception {
        Path file = dir.resolve("good.txt");
        Files.writeString(file, SAMPLE);
        CliRunner.Result refused = CliRunner.run("import", "--db", "postgresql://ci:" + password
                + "@127.0.0.1:1/perfdesk", file.toString());
        assertEquals(1, refused.exitCode());
        assertEquals("perfdesk: cannot reach the store postgresql://ci@127.0.0.1:1/perfdesk: nothing answers at "
                + "127.0.0.1:1 (is the server running, and are the host and port right?)\n", refused.err());
        assertNoPassword(refused);
        String noDb = base.replaceFirst("/[^/?]+(\\?|$)", "/perfdesk_no_such_db$1");
        CliRunner.Result missing = CliRunner.run("list", "--db", noDb);
        assertEquals(1, missing.exitCode());
        assertEquals(1, missing.errLines().length, missing.err());
        assertTrue(missing.err().contains("has no database perfdesk_no_such_db"), missing.err());
        assertNoPassword(missing);
    }
}
