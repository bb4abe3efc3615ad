package dev.perfdesk.importers.massif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.perfdesk.core.progress.ProgressMonitor;
import dev.perfdesk.core.spi.CollectingSink;
import dev.perfdesk.importers.Importers;
import dev.perfdesk.importers.spi.ImportException;
import dev.perfdesk.importers.spi.ImportSource;

class MassifBadInputTest {
    @TempDir
    Path dir;

    private Path write(String name, byte[] content) throws Exception {
        Path p = dir.resolve(name);
        Files.write(p, content);
        return p;
    }

    /** The import fails with one line naming the file, and the sink (the store) received nothing. */
    private static ImportException importFails(Path file) {
        CollectingSink sink = new CollectingSink();
        ImportException e = assertThrows(ImportException.class,
                () -> new MassifImporter().read(ImportSource.of(file), sink, ProgressMonitor.NONE));
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        assertTrue(sink.profiles().isEmpty());
        return e;
    }

    private static byte[] demo() throws Exception {
        return Files.readAllBytes(MassifGoldenTest.data("massif.out.heapdemo"));
    }

    /** The 1-based line holding byte {@code at}. */
    private static long lineOf(byte[] bytes, int at) {
        long line = 1;
        for (int i = 0; i < at; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    @ParameterizedTest
    @ValueSource(ints = {3, 40, 700, 4_000, 5_210, 7_777, 9_600})
    void rejectsTruncatedFileWithTheLine(int cut) throws Exception {
        byte[] bytes = demo();
        ImportException e = importFails(write("massif.out.cut", Arrays.copyOf(bytes, cut)));
        assertEquals(lineOf(bytes, cut - 1), e.line(), e.getMessage());
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void rejectsAFileCutAtALineEndInsideATree() throws Exception {
        byte[] bytes = demo();
        String text = new String(bytes, StandardCharsets.US_ASCII);
        int cut = text.indexOf("\n", text.indexOf("heap_tree=peak") + 20) + 1; // after the root line
        ImportException e = importFails(write("massif.out.cut", Arrays.copyOf(bytes, cut)));
        assertTrue(e.getMessage().contains("ends inside the tree"), e.getMessage());
        assertEquals(lineOf(bytes, text.indexOf("heap_tree=peak")) + 1, e.line(), e.getMessage());
        assertTrue(e.getMessage().contains("announces 4 children and 0 follow"), e.getMessage());
    }

    @Test
    void rejectsAFlippedDigitInATree() throws Exception {
        byte[] bytes = demo();
        String text = new String(bytes, StandardCharsets.US_ASCII);
        int at = text.indexOf(" n1: 819200 ") + 5; // make_buffer at the peak
        bytes[at] = '9';
        ImportException e = importFails(write("massif.out.flipped", bytes));
        assertTrue(e.getMessage().contains("more than its own"), e.getMessage());
        assertEquals(lineOf(bytes, text.indexOf("heap_tree=peak")) + 1, e.line(), e.getMessage());
    }

    @Test
    void rejectsAFlippedByteInAHeaderLine() throws Exception {
        byte[] bytes = demo();
        String text = new String(bytes, StandardCharsets.US_ASCII);
        int at = text.indexOf("mem_heap_extra_B=", 2000);
        bytes[at + 3] = (byte) 0xC3;
        ImportException e = importFails(write("massif.out.flipped", bytes));
        assertEquals(lineOf(bytes, at), e.line(), e.getMessage());
        assertTrue(e.getMessage().contains("expected 'mem_heap_extra_B='"), e.getMessage());
    }

    @Test
    void rejectsASnapshotOutOfOrder() throws Exception {
        String text = new String(demo(), StandardCharsets.US_ASCII).replace("snapshot=12\n", "snapshot=21\n");
        ImportException e = importFails(write("massif.out.order", text.getBytes(StandardCharsets.US_ASCII)));
        assertTrue(e.getMessage().contains("expected snapshot=12"), e.getMessage());
    }

    @Test
    void rejectsEmptyFile() throws Exception {
        Path file = write("massif.out.empty", new byte[0]);
        assertTrue(importFails(file).getMessage().contains("empty"));
        assertThrows(ImportException.class, () -> Importers.detect(ImportSource.of(file)));
    }

    @Test
    void rejectsCallgrindUnderAMassifName() throws Exception {
        Path file = write("massif.out.1", Files.readAllBytes(Path.of(System.getProperty("perfdesk.testdata",
                "../testdata"), "callgrind", "callgrind.out.tiny")));
        ImportException e = importFails(file);
        assertEquals(1, e.line());
        assertTrue(e.getMessage().contains("expected 'desc: ...'"), e.getMessage());
        assertEquals("callgrind", Importers.detect(ImportSource.of(file)).format());
    }

    @Test
    void rejectsAnUnknownTimeUnit() throws Exception {
        ImportException e = importFails(write("massif.out.2",
                "desc: (none)\ncmd: ./a\ntime_unit: s\n#-----------\n".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("i, ms or B"), e.getMessage());
    }

    @Test
    void rejectsOneHundredMegabyteLine() throws Exception {
        Path file = dir.resolve("massif.out.long");
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write("desc: (none)\ncmd: ".getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[1 << 20];
            Arrays.fill(chunk, (byte) 'a');
            for (int i = 0; i < 100; i++) {
                out.write(chunk);
            }
        }
        ImportException e = importFails(file);
        assertEquals(2, e.line());
        assertTrue(e.getMessage().contains("longer than"), e.getMessage());
    }

    @Test
    void rejectsBinaryGarbage() throws Exception {
        byte[] garbage = new byte[100_000];
        new Random(7).nextBytes(garbage);
        Path file = write("massif.out.bin", garbage);
        ImportException detect = assertThrows(ImportException.class, () -> Importers.detect(ImportSource.of(file)));
        assertTrue(detect.getMessage().contains("binary"), detect.getMessage());
        assertTrue(importFails(file).line() > 0);
    }
}
