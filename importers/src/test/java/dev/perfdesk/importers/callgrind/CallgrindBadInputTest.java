package dev.perfdesk.importers.callgrind;

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
import dev.perfdesk.importers.spi.ImportException;
import dev.perfdesk.importers.spi.ImportSource;
import dev.perfdesk.importers.Importers;

class CallgrindBadInputTest {
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
                () -> new CallgrindImporter().read(ImportSource.of(file), sink, ProgressMonitor.NONE));
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        assertTrue(sink.profiles().isEmpty());
        return e;
    }

    private static byte[] tiny() throws Exception {
        return Files.readAllBytes(CallgrindGoldenTest.data("callgrind.out.tiny"));
    }

    @ParameterizedTest
    @ValueSource(ints = {10, 333, 5_000, 37_001, 60_000, 74_000})
    void rejectsTruncatedFileWithTheLine(int cut) throws Exception {
        Path file = write("cut.out", Arrays.copyOf(tiny(), cut));
        ImportException e = importFails(file);
        assertTrue(e.line() > 0, e.getMessage());
        assertTrue(e.getMessage().contains("truncated") || e.getMessage().contains("cut short"), e.getMessage());
    }

    @Test
    void rejectsFileCutAtALineEndBeforeTheTotals() throws Exception {
        byte[] bytes = tiny();
        String text = new String(bytes, StandardCharsets.US_ASCII);
        int cut = text.indexOf('\n', bytes.length / 2) + 1;
        ImportException e = importFails(write("cut.out", Arrays.copyOf(bytes, cut)));
        assertTrue(e.getMessage().contains("without the 'totals:' line"), e.getMessage());
    }

    @Test
    void rejectsAFlippedDigitAgainstTheTotalsLine() throws Exception {
        byte[] bytes = tiny();
        String text = new String(bytes, StandardCharsets.US_ASCII);
        int at = text.indexOf("\n7 14\n") + 3; // the first cost of alloc_rows
        bytes[at] = (byte) (bytes[at] == '9' ? '1' : bytes[at] + 1);
        ImportException e = importFails(write("flipped.out", bytes));
        assertTrue(e.getMessage().contains("'totals:' says 2,704,269"), e.getMessage());
        assertEquals(text.substring(0, text.indexOf("totals:")).lines().count() + 1, e.line());
    }

    @Test
    void rejectsAFlippedByteThatBreaksACostLine() throws Exception {
        byte[] bytes = tiny();
        String text = new String(bytes, StandardCharsets.US_ASCII);
        int at = text.indexOf("\n7 14\n") + 3;
        bytes[at] = (byte) 0xC3;
        ImportException e = importFails(write("flipped.out", bytes));
        assertEquals(text.substring(0, at).lines().count(), e.line(), e.getMessage());
        assertTrue(e.getMessage().contains("expected a cost"), e.getMessage());
    }

    @Test
    void rejectsEmptyFile() throws Exception {
        Path file = write("empty.out", new byte[0]);
        assertTrue(importFails(file).getMessage().contains("empty"));
        assertThrows(ImportException.class, () -> Importers.detect(ImportSource.of(file)));
    }

    @Test
    void rejectsFoldedStacksGivenAsCallgrind() throws Exception {
        Path file = write("callgrind.out.1", "main;work 10\nmain;idle 5\n".getBytes(StandardCharsets.UTF_8));
        ImportException e = importFails(file);
        assertEquals(1, e.line());
        assertEquals("folded", Importers.detect(ImportSource.of(file)).format());
    }

    @Test
    void rejectsCostLinesBeforeTheEventsLine() throws Exception {
        ImportException e = importFails(write("callgrind.out.2", "fn=main\n16 20\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals(2, e.line());
        assertTrue(e.getMessage().contains("events:"), e.getMessage());
    }

    @Test
    void rejectsAnUndefinedCompressedName() throws Exception {
        ImportException e = importFails(write("callgrind.out.3",
                "events: Ir\nfl=(1) a.c\nfn=(4)\n1 2\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("(4) is used before it is defined"), e.getMessage());
    }

    @Test
    void rejectsACallWithoutItsCostLine() throws Exception {
        ImportException e = importFails(write("callgrind.out.4",
                "events: Ir\nfn=a\n1 2\ncfn=b\ncalls=1 5\nfn=c\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals(6, e.line());
        assertTrue(e.getMessage().contains("cost line of the call on line 5"), e.getMessage());
    }

    @Test
    void rejectsOneHundredMegabyteLine() throws Exception {
        Path file = dir.resolve("long.out");
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write("# callgrind format\nevents: Ir\nfn=".getBytes(StandardCharsets.US_ASCII));
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
        Path file = write("garbage.bin", garbage);
        ImportException detect = assertThrows(ImportException.class, () -> Importers.detect(ImportSource.of(file)));
        assertTrue(detect.getMessage().contains("binary"), detect.getMessage());
        assertTrue(importFails(file).line() > 0);
    }

    @Test
    void rejectsJson() throws Exception {
        ImportException e = importFails(write("x.json", "{\"nodes\": []}\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals(1, e.line());
        assertTrue(e.getMessage().contains("expected a Callgrind header line"), e.getMessage());
    }
}
