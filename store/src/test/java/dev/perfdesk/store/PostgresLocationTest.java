package dev.perfdesk.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** postgresql:// URLs read as libpq does, completed from the environment and ~/.pgpass, shown without password. */
class PostgresLocationTest {
    @TempDir
    Path home;

    private PostgresLocation parse(String url, Map<String, String> env) {
        return (PostgresLocation) StoreLocation.parse(url, env, home.toString());
    }

    @Test
    void readsEveryPartOfTheUrl() {
        PostgresLocation l = parse("postgresql://ci%40corp:s%3Acret@perf.example:6543/team%20db?sslmode=require"
                + "&connect_timeout=4&application_name=nightly", Map.of());
        assertEquals("ci@corp", l.user());
        assertEquals("s:cret", l.password());
        assertEquals("perf.example", l.host());
        assertEquals(6543, l.port());
        assertEquals("team db", l.database());
        assertEquals("require", l.driverProperties().getProperty("sslmode"));
        assertEquals("4", l.driverProperties().getProperty("connectTimeout"));
        assertEquals("nightly", l.driverProperties().getProperty("ApplicationName"));
        assertEquals("jdbc:postgresql://perf.example:6543/team%20db", l.jdbcUrl());
        assertEquals("postgresql://ci%40corp@perf.example:6543/team%20db", l.toString());
        assertEquals("the URL", l.passwordSource());
    }

    @Test
    void fillsInFromTheEnvironmentThenLibpqDefaults() {
        PostgresLocation l = parse("postgresql://", Map.of("PGHOST", "db.internal", "PGPORT", "5433", "PGUSER", "ci",
                "PGDATABASE", "perf", "PGPASSWORD", "from-env", "PGSSLMODE", "verify-full"));
        assertEquals("postgresql://ci@db.internal:5433/perf", l.toString());
        assertEquals("from-env", l.password());
        assertEquals("PGPASSWORD", l.passwordSource());
        assertEquals("verify-full", l.driverProperties().getProperty("sslmode"));
        PostgresLocation d = parse("postgres://alice@/", Map.of());
        assertEquals("postgresql://alice@localhost:5432/alice", d.toString(), "the database is named after the user");
        assertEquals("prefer", d.driverProperties().getProperty("sslmode"));
        assertEquals("10", d.driverProperties().getProperty("connectTimeout"));
        assertFalse(d.hasPassword());
        PostgresLocation v6 = parse("postgresql://u@[::1]:5440/x", Map.of());
        assertEquals("::1", v6.host());
        assertEquals("jdbc:postgresql://[::1]:5440/x", v6.jdbcUrl());
    }

    @Test
    void takesThePasswordFromThePasswordFileOnlyWhenNoOneElseMayReadIt() throws Exception {
        Path pgpass = home.resolve(".pgpass");
        Files.writeString(pgpass, "# comment\nother:5432:*:ci:nope\ndb.internal:*:perf:ci:pa\\:ss\n*:*:*:*:any\n");
        Files.setPosixFilePermissions(pgpass, PosixFilePermissions.fromString("rw-------"));
        PostgresLocation l = parse("postgresql://ci@db.internal/perf", Map.of());
        assertEquals("pa:ss", l.password());
        assertEquals(pgpass.toString(), l.passwordSource());
        assertEquals("any", parse("postgresql://bob@elsewhere/x", Map.of()).password());
        assertEquals("from-env", parse("postgresql://ci@db.internal/perf", Map.of("PGPASSWORD", "from-env"))
                .password(), "PGPASSWORD comes before the file, as in libpq");
        Files.setPosixFilePermissions(pgpass, PosixFilePermissions.fromString("rw-r--r--"));
        PostgresLocation unsafe = parse("postgresql://ci@db.internal/perf", Map.of());
        assertNull(unsafe.password());
        assertTrue(unsafe.passwordSource().contains("chmod 0600"), unsafe.passwordSource());
        Path elsewhere = home.resolve("team.pgpass");
        Files.writeString(elsewhere, "*:*:*:*:from-passfile\n");
        Files.setPosixFilePermissions(elsewhere, PosixFilePermissions.fromString("rw-------"));
        assertEquals("from-passfile", parse("postgresql://ci@h/d", Map.of("PGPASSFILE", elsewhere.toString()))
                .password());
    }

    @Test
    void neverShowsThePassword() {
        PostgresLocation l = parse("postgresql://ci:hunter2-secret@h/d?password=hunter3-secret", Map.of());
        assertEquals("hunter3-secret", l.password(), "the parameter wins, as in libpq");
        assertFalse(l.toString().contains("hunter"));
        assertEquals(l, parse("postgresql://ci:other@h/d", Map.of()), "equal stores whatever the password");
        StoreException bad = assertThrows(StoreException.class,
                () -> parse("postgresql://ci:hunter2-secret@h:99999/d", Map.of()));
        assertFalse(bad.getMessage().contains("hunter2"), bad.getMessage());
    }

    @Test
    void refusesWhatItCannotHonour() {
        assertTrue(assertThrows(StoreException.class, () -> parse("postgresql://h/d?sslmode=maybe", Map.of()))
                .getMessage().contains("sslmode 'maybe'"));
        assertTrue(assertThrows(StoreException.class, () -> parse("postgresql://h/d?colour=blue", Map.of()))
                .getMessage().contains("unknown parameter 'colour'"));
        assertTrue(assertThrows(StoreException.class, () -> parse("postgresql://a,b/d", Map.of()))
                .getMessage().contains("several hosts"));
        assertTrue(assertThrows(StoreException.class, () -> parse("postgresql:///d", Map.of("PGHOST",
                "/var/run/postgresql"))).getMessage().contains("socket folder"));
    }

    @Test
    void perfdeskDbChoosesAServerOrAFile() {
        assertEquals("postgresql://ci@h:5432/d",
                StorePaths.locate(null, Map.of("PERFDESK_DB", "postgresql://ci:pw@h/d"), "/h").toString());
        assertEquals(new StoreLocation.SqliteFile(Path.of("/x.db")),
                StorePaths.locate("/x.db", Map.of("PERFDESK_DB", "postgresql://ci:pw@h/d"), "/h"));
        assertEquals(new StoreLocation.SqliteFile(Path.of("/h/.local/share/perfdesk/perfdesk.db")),
                StorePaths.locate(null, Map.of(), "/h"));
    }
}
