package dev.perfdesk.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Massif and gprof files on the command line: one line per profile on import, {@code list}, {@code show} with the
 * heap snapshots or the calls, {@code export --folded}, and a broken file refused with one line and the store
 * unchanged.
 */
class CliMassifGprofTest {
    @TempDir
    Path dir;
    Path db;

    static Path data(String folder, String name) {
        return Path.of(System.getProperty("perfdesk.testdata", "../testdata")).resolve(folder).resolve(name);
    }

    @BeforeEach
    void storeWithBoth() {
        db = dir.resolve("store.db");
        CliRunner.Result r = CliRunner.run("import", "--db", db.toString(),
                data("massif", "massif.out.heapdemo").toString(), data("gprof", "gprof.gprofdemo.txt").toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("1\tmassif.out.heapdemo · heap\n2\tgprof.gprofdemo.txt · cpu time\n", r.out());
    }

    @Test
    void listShowAndExportTheMassifPeak() {
        CliRunner.Result list = CliRunner.run("list", "--db", db.toString());
        assertTrue(list.out().contains("massif.out.heapdemo · heap"), list.out());
        assertTrue(list.out().contains("gprof.gprofdemo.txt · cpu time"), list.out());
        String show = CliRunner.run("show", "--db", db.toString(), "1").out();
        assertTrue(show.contains("total          1.19 MiB"), show);
        assertTrue(show.contains("snapshots      58 snapshots (8 detailed); peak snapshot 38"), show);
        assertTrue(show.contains("     38        1,437,606      1,251,088      1,180,672         70,416"
                + "              0  peak"), show);
        assertTrue(!show.contains(" 0 0 0 0 0 e;"), "the encoded series is not printed: " + show);
        String folded = folded("1");
        assertTrue(folded.contains("main;burst;make_buffer 819200\n"), folded);
        assertTrue(folded.contains("[extra-heap] 70416\n"), folded);
    }

    @Test
    void showsGprofsCallsAndExportsTheRebuiltTree() {
        String show = CliRunner.run("show", "--db", db.toString(), "2").out();
        assertTrue(show.contains("rebuilt from those arcs"), show);
        assertTrue(show.contains("900         450 µs         450 µs  shared"), show);
        String folded = folded("2");
        assertTrue(folded.contains("main;reader;shared 266666667\n"), folded);
        assertTrue(folded.contains("main;parity;<cycle 1 as a whole>;is_even "), folded);
    }

    private String folded(String id) {
        Path out = dir.resolve("export-" + id + ".folded");
        CliRunner.Result r = CliRunner.run("export", "--db", db.toString(), id, "--folded", "-o", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        try {
            return Files.readString(out);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void brokenFilesLeaveTheStoreUnchanged() throws Exception {
        String before = CliRunner.run("list", "--db", db.toString()).out();
        byte[] massif = Files.readAllBytes(data("massif", "massif.out.heapdemo"));
        Path cut = dir.resolve("massif.out.cut");
        Files.write(cut, Arrays.copyOf(massif, 5210));
        byte[] gprof = Files.readAllBytes(data("gprof", "gprof.gprofdemo.txt"));
        Path cutGprof = dir.resolve("gprof.cut.txt");
        Files.write(cutGprof, Arrays.copyOf(gprof, 3000));
        for (Path file : new Path[] {cut, cutGprof}) {
            CliRunner.Result r = CliRunner.run("import", "--db", db.toString(), file.toString());
            assertEquals(1, r.exitCode(), r.err());
            assertEquals(1, r.errLines().length, r.err());
            assertTrue(r.err().startsWith(file + ":"), r.err());
            assertEquals(before, CliRunner.run("list", "--db", db.toString()).out());
        }
    }
}
