package dev.perfdesk.importers.gprof;

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

class GprofBadInputTest {
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
                () -> new GprofImporter().read(ImportSource.of(file), sink, ProgressMonitor.NONE));
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        assertTrue(sink.profiles().isEmpty());
        return e;
    }

    private static byte[] brief() throws Exception {
        return Files.readAllBytes(GprofGoldenTest.data("gprof.gprofdemo.brief.txt"));
    }

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
    @ValueSource(ints = {5, 60, 200, 700, 1_500, 2_600, 3_000})
    void rejectsTruncatedFileWithTheLine(int cut) throws Exception {
        byte[] bytes = brief();
        ImportException e = importFails(write("gprof.txt", Arrays.copyOf(bytes, cut)));
        assertTrue(e.line() > 0 && e.line() <= lineOf(bytes, cut - 1), e.getMessage());
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void rejectsAFileCutAtALineEndInsideTheCallGraph() throws Exception {
        byte[] bytes = brief();
        String text = new String(bytes, StandardCharsets.US_ASCII);
        int entry = text.indexOf("[4] ");
        int cut = text.indexOf('\n', entry) + 1;
        ImportException e = importFails(write("gprof.txt", Arrays.copyOf(bytes, cut)));
        assertTrue(e.getMessage().contains("ends inside an entry"), e.getMessage());
        assertEquals(lineOf(bytes, entry) - 1, e.line(), e.getMessage());
    }

    @Test
    void rejectsAFlippedDigitAgainstTheOtherTable() throws Exception {
        byte[] bytes = brief();
        String text = new String(bytes, StandardCharsets.US_ASCII);
        int at = text.indexOf("[3]     31.8    0.28") + "[3]     31.8    0.2".length();
        bytes[at] = '9';
        ImportException e = importFails(write("gprof.txt", bytes));
        assertTrue(e.getMessage().contains("the flat profile (line 7) 0.28 s; the file is corrupt"), e.getMessage());
        assertEquals(lineOf(bytes, at), e.line(), e.getMessage());
    }

    @Test
    void rejectsAFlippedByteThatBreaksARow() throws Exception {
        byte[] bytes = brief();
        String text = new String(bytes, StandardCharsets.US_ASCII);
        int at = text.indexOf(" 45.52      0.40") + 3;
        bytes[at] = (byte) 0x01;
        ImportException e = importFails(write("gprof.txt", bytes));
        assertEquals(lineOf(bytes, at), e.line(), e.getMessage());
        assertTrue(e.getMessage().contains("control byte"), e.getMessage());
    }

    @Test
    void rejectsAnUnknownPerCallUnit() throws Exception {
        String text = new String(brief(), StandardCharsets.US_ASCII).replace("ms/call  ms/call", "xs/call  xs/call");
        ImportException e = importFails(write("gprof.txt", text.getBytes(StandardCharsets.US_ASCII)));
        assertEquals(5, e.line());
        assertTrue(e.getMessage().contains("'xs/call' is not one gprof prints"), e.getMessage());
    }

    @Test
    void rejectsEmptyFile() throws Exception {
        Path file = write("gprof.txt", new byte[0]);
        assertTrue(importFails(file).getMessage().contains("empty"));
        assertThrows(ImportException.class, () -> Importers.detect(ImportSource.of(file)));
    }

    @Test
    void rejectsMassifUnderAGprofName() throws Exception {
        Path file = write("gprof.txt", Files.readAllBytes(Path.of(System.getProperty("perfdesk.testdata",
                "../testdata"), "massif", "massif.out.heapdemo")));
        ImportException e = importFails(file);
        assertEquals(1, e.line());
        assertTrue(e.getMessage().contains("expected gprof's 'Flat profile:'"), e.getMessage());
        assertEquals("massif", Importers.detect(ImportSource.of(file)).format());
    }

    @Test
    void rejectsOneHundredMegabyteLine() throws Exception {
        Path file = dir.resolve("gprof.txt");
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write("Flat profile:\n\n".getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[1 << 20];
            Arrays.fill(chunk, (byte) 'a');
            for (int i = 0; i < 100; i++) {
                out.write(chunk);
            }
        }
        ImportException e = importFails(file);
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("longer than"), e.getMessage());
    }

    @Test
    void rejectsBinaryGarbage() throws Exception {
        byte[] garbage = new byte[100_000];
        new Random(7).nextBytes(garbage);
        Path file = write("gmon.out", garbage);
        ImportException detect = assertThrows(ImportException.class, () -> Importers.detect(ImportSource.of(file)));
        assertTrue(detect.getMessage().contains("binary"), detect.getMessage());
        assertTrue(importFails(file).line() > 0);
    }

    @Test
    void rejectsTheBinaryGmonOut() throws Exception {
        byte[] gmon = "gmon\u0001\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000"
                .getBytes(StandardCharsets.ISO_8859_1);
        ImportException e = importFails(write("gmon.out", gmon));
        assertEquals(1, e.line());
        assertTrue(e.getMessage().contains("control byte"), e.getMessage());
    }
}
