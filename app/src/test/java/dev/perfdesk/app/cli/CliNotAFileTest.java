package dev.perfdesk.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inputs that are not regular files (named pipes, devices, folders where a file is expected), library messages that
 * must not reach the user, perf periods that are no count, a JFR recording cut in a chunk, and stores that cannot be
 * created: each gets one line naming the path, exit 1 where nothing was imported, and the store as it was.
 */
class CliNotAFileTest {
    private static final String SAMPLE = "app 100/101 [000] 12.000001: 1000000 cpu-clock:\n"
            + "\t4005d0 work (/usr/bin/app)\n\t400600 main (/usr/bin/app)\n\n";
    /** A bound for reads that must not block; generous, it only turns a hang into a failure. */
    private static final Duration NO_HANG = Duration.ofSeconds(60);

    @TempDir
    Path dir;
    Path db;
    String listBefore;

    @BeforeEach
    void storeWithOneProfile() throws Exception {
        db = dir.resolve("store.db");
        Path good = dir.resolve("good.txt");
        Files.writeString(good, SAMPLE.repeat(5));
        CliRunner.Result r = CliRunner.run("import", "--db", db.toString(), good.toString());
        assertEquals(0, r.exitCode(), r.err());
        listBefore = CliRunner.run("list", "--db", db.toString()).out();
    }

    private String rejected(String... args) {
        CliRunner.Result r = assertTimeoutPreemptively(NO_HANG, () -> CliRunner.run(args));
        assertEquals(1, r.exitCode(), r.err());
        assertEquals("", r.out());
        assertEquals(1, r.errLines().length, "exactly one line on stderr: " + r.err());
        assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r.err());
        assertEquals(listBefore, CliRunner.run("list", "--db", db.toString()).out(), "the store is unchanged");
        return r.err().strip();
    }

    private String importRejected(Path file, String... extra) {
        String[] args = new String[3 + extra.length + 1];
        args[0] = "import";
        args[1] = "--db";
        args[2] = db.toString();
        System.arraycopy(extra, 0, args, 3, extra.length);
        args[args.length - 1] = file.toString();
        String line = rejected(args);
        assertTrue(line.startsWith(file.toString() + ":"), line);
        return line;
    }

    @Test
    void namedPipeIsRefusedWithoutOpeningIt() throws Exception {
        Path fifo = dir.resolve("pipe");
        Process mk;
        try {
            mk = new ProcessBuilder("mkfifo", fifo.toString()).redirectErrorStream(true).start();
        } catch (java.io.IOException e) {
            assumeTrue(false, "mkfifo is not available: " + e.getMessage());
            return;
        }
        assumeTrue(mk.waitFor() == 0 && Files.exists(fifo), "mkfifo failed");
        String line = importRejected(fifo);
        assertTrue(line.contains("is not a regular file (a named pipe, device or socket)"), line);
        assertTrue(importRejected(fifo, "--format", "perf-script").contains("not a regular file"));
        line = rejected("import", "--db", db.toString(), "--attach", fifo.toString(), dir.resolve("good.txt")
                .toString());
        assertTrue(line.startsWith(fifo + ": ") && line.contains("not a regular file"), line);
    }

    @Test
    void devicesAreRefusedWithoutReadingThem() {
        for (String device : new String[] {"/dev/zero", "/dev/urandom", "/dev/null"}) {
            Path path = Path.of(device);
            if (!Files.exists(path)) {
                continue;
            }
            String line = importRejected(path);
            assertTrue(line.contains("not a regular file"), line);
            assertTrue(importRejected(path, "--format", "folded").contains("not a regular file"));
        }
    }

    @Test
    void folderGivenWhereAFileIsExpected() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("metrics"));
        Files.writeString(folder.resolve("x.json"), "{}");
        String line = rejected("import", "--db", db.toString(), "--attach", folder.toString(),
                dir.resolve("good.txt").toString());
        assertEquals(folder + ": is a folder; --attach takes a profile or a Prometheus query_range JSON file", line);
        Path empty = Files.createDirectories(dir.resolve("empty"));
        line = importRejected(empty);
        assertTrue(line.contains("the folder has no files to import"), line);
    }

    @Test
    void emptyFileSaysSo() throws Exception {
        Path empty = Files.createFile(dir.resolve("empty.folded"));
        assertEquals(empty + ": the file is empty", importRejected(empty));
        assertEquals(empty + ": the file is empty", importRejected(empty, "--format", "folded"));
    }

    @Test
    void jacksonTextIsTranslated() throws Exception {
        Path json = Files.writeString(dir.resolve("bad.json"), "{\"benchmarks\": [\n  x\n]}\n");
        String line = importRejected(json, "--format", "gbench-json");
        assertFalse(line.contains("code 120") || line.contains("Source:") || line.contains("token 'null'"), line);
        assertTrue(line.startsWith(json + ":2:"), line);
        assertTrue(line.contains("unexpected word 'x' where a value"), line);
        Files.writeString(json, "{\"benchmarks\": [\n  {\"name\": \"a\" @}\n]}\n");
        line = importRejected(json, "--format", "gbench-json");
        assertEquals(json + ":2: not valid JSON: unexpected character '@'; expected a comma or '}' after an object "
                + "entry", line);
    }

    @Test
    void gzipTextIsTranslated() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(SAMPLE.repeat(2000).getBytes(StandardCharsets.UTF_8));
        }
        byte[] whole = bytes.toByteArray();
        Path cut = Files.write(dir.resolve("cut.txt.gz"), Arrays.copyOf(whole, whole.length / 2));
        String line = importRejected(cut);
        assertFalse(line.contains("ZLIB") || line.contains("Unexpected end"), line);
        assertTrue(line.contains("the compressed data stops at byte"), line);
        byte[] damaged = whole.clone();
        for (int i = 20; i < 60; i++) {
            damaged[i] = (byte) 0xFF;
        }
        Path bad = Files.write(dir.resolve("damaged.txt.gz"), damaged);
        line = importRejected(bad, "--format", "perf-script");
        assertFalse(line.contains("invalid") && !line.contains("not valid"), line);
        assertTrue(line.contains("the compressed data is damaged near byte")
                || line.contains("the compressed data stops at byte"), line);
    }

    @Test
    void perfPeriodThatIsNoCountNamesTheLine() throws Exception {
        for (String period : new String[] {"-5", "NaN", "1.5e3", "abc"}) {
            Path file = Files.writeString(dir.resolve("period" + period + ".txt"),
                    SAMPLE + SAMPLE.replace("1000000", period));
            String line = importRejected(file);
            assertEquals(file + ":5: the sample period '" + period + "' of event 'cpu-clock' is not a whole number; "
                    + "perf script writes a count of events, 0 or more, here", line);
        }
    }

    @Test
    void jfrCutInItsSecondChunkWarnsOnStderr() throws Exception {
        Path resources = Path.of("..", "importers", "src", "test", "resources", "jfr");
        byte[] first = Files.readAllBytes(resources.resolve("cpu-jdk17.jfr"));
        byte[] second = Files.readAllBytes(resources.resolve("lock-io-jdk17.jfr"));
        byte[] glued = Arrays.copyOf(first, first.length + second.length / 3);
        System.arraycopy(second, 0, glued, first.length, second.length / 3);
        Path file = Files.write(dir.resolve("cut.jfr"), glued);
        CliRunner.Result r = CliRunner.run("import", "--db", db.toString(), file.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertFalse(r.out().isEmpty());
        assertEquals(1, r.errLines().length, r.err());
        assertTrue(r.err().startsWith(file + ": ") && r.err().contains("is incomplete")
                && r.err().contains("complete chunk before it"), r.err());
    }

    @Test
    void storeUnderAFileIsOneLine() throws Exception {
        // Tests run as root, where a read-only folder does not stop writes; a path under a regular file fails for
        // every user.
        Path file = Files.writeString(dir.resolve("plain.txt"), "x");
        Path store = file.resolve("sub").resolve("x.db");
        CliRunner.Result r = CliRunner.run("list", "--db", store.toString());
        assertEquals(1, r.exitCode(), r.err());
        assertEquals(1, r.errLines().length, r.err());
        assertEquals("perfdesk: cannot create the store " + store + ": " + file + " is a file, not a folder",
                r.err().strip());
        r = CliRunner.run("import", "--db", file.resolve("x.db").toString(), dir.resolve("good.txt").toString());
        assertEquals(1, r.exitCode(), r.err());
        assertEquals(1, r.errLines().length, r.err());
        assertTrue(r.err().contains(file + " is a file, not a folder"), r.err());
        assertEquals("x", Files.readString(file));
    }

    @Test
    void storeInAReadOnlyFolderIsOneLine() throws Exception {
        Path ro = Files.createDirectories(dir.resolve("ro"));
        Files.setPosixFilePermissions(ro, java.nio.file.attribute.PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            assumeTrue(!Files.isWritable(ro), "running as root: permission bits do not stop writes; "
                    + "storeUnderAFileIsOneLine covers the refusal");
            Path store = ro.resolve("sub").resolve("x.db");
            CliRunner.Result r = CliRunner.run("list", "--db", store.toString());
            assertEquals(1, r.exitCode(), r.err());
            assertEquals("perfdesk: cannot create the folder " + store.getParent() + " for the store " + store
                    + ": permission denied", r.err().strip());
        } finally {
            Files.setPosixFilePermissions(ro, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }
}
