package dev.perfdesk.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code perfdesk store copy}: real sample files imported into SQLite, copied to PostgreSQL and back to another
 * SQLite file, read the same in all three: {@code list}, {@code show} of every item (as text and JSON, so every
 * number), and a comparison report with its profile diff. Needs the PostgreSQL server {@code PERFDESK_TEST_PG}
 * names; skipped, saying so, without one (the SQLite-to-SQLite test runs anyway).
 */
class CliStoreCopyTest {
    private static final String DEFAULT = "postgresql://perfdesk:pd-test-secret@localhost:5432/perfdesk_test";

    @TempDir
    Path dir;
    private String base;
    private String schema;
    private String password;

    private static Connection jdbc(String url) throws SQLException {
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

    @BeforeEach
    void server() {
        String given = System.getenv("PERFDESK_TEST_PG");
        base = given == null || given.isBlank() ? DEFAULT : given;
        password = base.replaceFirst("postgresql://[^:@]+:([^@]*)@.*", "$1");
    }

    private String pgStore() throws SQLException {
        schema = "copy_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = jdbc(base); Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            String given = System.getenv("PERFDESK_TEST_PG");
            if (given != null && !given.isBlank()) {
                throw e;
            }
            Assumptions.abort("skipped CliStoreCopyTest on PostgreSQL: PERFDESK_TEST_PG is not set and no server "
                    + "answers at localhost:5432 (" + e.getMessage() + ")");
        }
        return base + (base.contains("?") ? "&" : "?") + "options=-c%20search_path%3D" + schema;
    }

    @AfterEach
    void drop() throws SQLException {
        if (schema != null) {
            try (Connection c = jdbc(base); Statement st = c.createStatement()) {
                st.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
    }

    private static Path sample(String... parts) {
        return Path.of(System.getProperty("perfdesk.sampledata", "../sample-data"), parts);
    }

    /** A store of real files: JMH runs, hyperfine runs with their perf profiles attached, a series, profiles. */
    private String original() {
        String db = dir.resolve("original.db").toString();
        for (String v : new String[] {"v1", "v2"}) {
            CliRunner.Result r = CliRunner.run("import", "--db", db, CliAttachTest.data("work-" + v
                    + ".hyperfine.json").toString(), "--attach", CliAttachTest.data("work-" + v + ".perf.txt")
                    .toString());
            assertEquals(0, r.exitCode(), r.err());
        }
        CliRunner.Result r = CliRunner.run("import", "--db", db,
                sample("bench", "jmh", "perfdesk-benchmarks-baseline.json").toString(),
                sample("bench", "jmh", "perfdesk-benchmarks-candidate.json").toString(),
                sample("series", "nightly-builds.csv").toString(), sample("jfr", "cpu-jdk17.jfr").toString(),
                sample("bench", "hdr", "tagged-Log.logV2.hlog").toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(0, CliRunner.run("delete", "--db", db, "r3").exitCode(), "ids with a gap");
        CliRunner.Result saved = CliRunner.run("compare", "--db", db, "r1", "r2", "--save", "--name", "work");
        assertEquals(1, saved.exitCode(), "the candidate regressed: " + saved.err());
        assertTrue(saved.err().contains("saved as c1"), saved.err());
        return db;
    }

    /** What the commands print about every item of a store. */
    private static List<String> views(String db) {
        List<String> out = new ArrayList<>();
        String list = CliRunner.run("list", "--db", db).out();
        out.add(list);
        for (String line : list.split("\n")) {
            String[] cells = line.split("\\s+");
            String id = cells.length > 1 ? cells[1] : "";
            if (!cells[0].equals("comparison") && id.matches("r?\\d+|s\\d+")) {
                out.add(id + ":\n" + CliRunner.run("show", "--db", db, id).out());
                if (id.startsWith("r")) {
                    out.add(id + " json:\n" + CliRunner.run("show", "--db", db, id, "--format", "json").out());
                }
            }
        }
        out.add(CliRunner.run("compare", "--db", db, "r1", "r2", "--format", "json").out());
        out.add(CliRunner.run("changepoints", "--db", db, "s1").out());
        return out;
    }

    private static void assertSame(List<String> expected, List<String> actual, String what) {
        assertEquals(expected.size(), actual.size(), what);
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i), actual.get(i), what);
        }
    }

    @Test
    void sqliteToPostgresAndBackReadsTheSame() throws Exception {
        String a = original();
        List<String> before = views(a);
        assertTrue(before.get(0).contains("r4") && before.get(0).contains("s1"), before.get(0));
        assertTrue(before.stream().anyMatch(v -> v.contains("Profiles attached")), "attached profiles shown");
        String pg = pgStore();
        CliRunner.Result push = CliRunner.run("store", "copy", a, pg);
        assertEquals(0, push.exitCode(), push.err());
        assertTrue(push.err().contains("copying profile: "), push.err());
        assertTrue(push.out().startsWith("copied 8 files (6 profiles, 4 runs, 1 series sets, "), push.out());
        assertFalse(push.out().contains(password) || push.err().contains(password), "no password shown");
        assertSame(before, views(pg), "on PostgreSQL");
        String b = dir.resolve("back.db").toString();
        CliRunner.Result pull = CliRunner.run("store", "copy", pg, b);
        assertEquals(0, pull.exitCode(), pull.err());
        assertSame(before, views(b), "back in SQLite");
        CliRunner.Result again = CliRunner.run("store", "copy", a, pg);
        assertEquals(0, again.exitCode(), again.err());
        assertTrue(again.out().startsWith("copied 0 files"), again.out());
        assertTrue(again.out().endsWith("merged into its items, 8 files there already kept once\n"), again.out());
        assertSame(before, views(pg), "a second push changes nothing");
    }

    @Test
    void sqliteToSqliteAndAMissingSource() {
        String a = original();
        String b = dir.resolve("copy.db").toString();
        CliRunner.Result r = CliRunner.run("store", "copy", a, b);
        assertEquals(0, r.exitCode(), r.err());
        assertSame(views(a), views(b), "the copy");
        CliRunner.Result missing = CliRunner.run("store", "copy", dir.resolve("nope.db").toString(), b);
        assertEquals(1, missing.exitCode());
        assertEquals("perfdesk store copy: " + dir.resolve("nope.db") + ": no such store file\n", missing.err());
    }
}
