package dev.perfdesk.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * pprof on the command line: a Go heap profile imports as one profile per sample type, exports back with
 * {@code --pprof}, and broken pprof files get one line naming the file and byte offset, exit 1, the store unchanged.
 */
class CliPprofTest {
    @TempDir
    Path dir;
    Path db;
    String listBefore;

    static Path pprofData() {
        return Path.of(System.getProperty("perfdesk.testdata", "../testdata")).resolve("pprof");
    }

    @BeforeEach
    void storeWithTheHeapProfile() throws Exception {
        db = dir.resolve("store.db");
        CliRunner.Result r = CliRunner.run("import", "--db", db.toString(), pprofData().resolve("go.mem.pprof")
                .toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("1\tgo.mem.pprof · alloc_objects\n2\tgo.mem.pprof · alloc_space\n"
                + "3\tgo.mem.pprof · inuse_objects\n4\tgo.mem.pprof · inuse_space\n", r.out());
        listBefore = CliRunner.run("list", "--db", db.toString()).out();
    }

    @Test
    void showsTheHeapProfileInBytesAndExportsItBack() throws Exception {
        CliRunner.Result show = CliRunner.run("show", "--db", db.toString(), "4");
        assertEquals(0, show.exitCode(), show.err());
        assertTrue(show.out().contains("runtime.malg"), show.out());
        assertTrue(show.out().contains("period         524288 space/bytes"), show.out());
        Path out = dir.resolve("inuse.pb.gz");
        CliRunner.Result export = CliRunner.run("export", "--db", db.toString(), "4", "--pprof", out.toString());
        assertEquals(0, export.exitCode(), export.err());
        CliRunner.Result again = CliRunner.run("import", "--db", db.toString(), out.toString());
        assertEquals(0, again.exitCode(), again.err());
        assertEquals("5\tinuse.pb · samples\n6\tinuse.pb · inuse_space\n", again.out());
        String shown = CliRunner.run("show", "--db", db.toString(), "6").out();
        assertTrue(shown.contains("total          1.50 MiB"), shown);
    }

    @Test
    void exportNeedsExactlyOneTarget() {
        assertEquals(2, CliRunner.run("export", "--db", db.toString(), "1").exitCode());
        assertEquals(2, CliRunner.run("export", "--db", db.toString(), "1", "--folded", "--pprof",
                dir.resolve("x").toString()).exitCode());
    }

    private void assertRejected(Path file, String mustContain, String... extraArgs) {
        String[] args = new String[3 + extraArgs.length + 1];
        args[0] = "import";
        args[1] = "--db";
        args[2] = db.toString();
        System.arraycopy(extraArgs, 0, args, 3, extraArgs.length);
        args[args.length - 1] = file.toString();
        CliRunner.Result r = CliRunner.run(args);
        assertEquals(1, r.exitCode(), r.err());
        assertEquals("", r.out());
        assertEquals(1, r.errLines().length, "exactly one line on stderr: " + r.err());
        assertTrue(r.err().startsWith(file.toString()), r.err());
        assertTrue(r.err().contains(mustContain), r.err());
        assertEquals(listBefore, CliRunner.run("list", "--db", db.toString()).out(), "the store is unchanged");
    }

    private static byte[] plainCpu() throws Exception {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(pprofData().resolve("go.cpu.pprof")))) {
            return in.readAllBytes();
        }
    }

    @Test
    void truncatedAtSeveralOffsets() throws Exception {
        byte[] plain = plainCpu();
        for (int cut : new int[] {7, plain.length / 3, plain.length - 5}) {
            Path file = Files.write(dir.resolve("cut" + cut + ".pprof"), Arrays.copyOf(plain, cut));
            assertRejected(file, ": at byte ");
        }
        byte[] gz = Files.readAllBytes(pprofData().resolve("go.cpu.pprof"));
        Path file = Files.write(dir.resolve("cut.pb.gz"), Arrays.copyOf(gz, gz.length / 2));
        assertRejected(file, "gzip data is corrupt or truncated");
    }

    @Test
    void flippedByte() throws Exception {
        byte[] plain = plainCpu();
        plain[0] ^= 0x01;
        assertRejected(Files.write(dir.resolve("flipped.pprof"), plain), "flipped.pprof: at byte 0: ",
                "--format", "pprof");
    }

    @Test
    void wrongFormatUnderAPprofName() throws Exception {
        Path file = Files.writeString(dir.resolve("profile.pprof"), "main;work;leaf 10\nmain;idle 3\n");
        assertRejected(file, "profile.pprof: at byte 0: expected a pprof Profile field", "--format", "pprof");
    }

    @Test
    void emptyAndGarbage() throws Exception {
        assertRejected(Files.createFile(dir.resolve("empty.pprof")), "empty", "--format", "pprof");
        byte[] garbage = new byte[1 << 16];
        new java.util.Random(11).nextBytes(garbage);
        assertRejected(Files.write(dir.resolve("garbage.pprof"), garbage), ": at byte ", "--format", "pprof");
    }

    @Test
    void hundredMegabyteSingleLine() throws Exception {
        Path file = dir.resolve("one-line.pprof");
        try (OutputStream out = Files.newOutputStream(file)) {
            byte[] chunk = new byte[1 << 20];
            Arrays.fill(chunk, (byte) 'x');
            for (int i = 0; i < 100; i++) {
                out.write(chunk);
            }
        }
        assertRejected(file, "not a format");
        assertRejected(file, "one-line.pprof: at byte 2: field 15 of a pprof Profile appears twice", "--format",
                "pprof");
    }
}
