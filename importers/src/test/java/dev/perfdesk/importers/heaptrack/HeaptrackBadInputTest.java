package dev.perfdesk.importers.heaptrack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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

/**
 * Broken heaptrack traces: one ImportException each, naming the file and its line (or the compressed byte), and
 * nothing delivered to the sink, so the store's transaction keeps nothing.
 */
class HeaptrackBadInputTest {
    @TempDir
    Path dir;

    private Path write(String name, byte[] bytes) throws Exception {
        return Files.write(dir.resolve(name), bytes);
    }

    private static ImportException rejected(Path file) {
        CollectingSink sink = new CollectingSink();
        ImportException e = assertThrows(ImportException.class,
                () -> new HeaptrackImporter().read(ImportSource.of(file), sink, ProgressMonitor.NONE));
        assertTrue(sink.profiles().isEmpty(), "nothing delivered");
        assertTrue(e.getMessage().startsWith(file + ":"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        return e;
    }

    private static byte[] text() throws Exception {
        return HeaptrackGoldenTest.plain("heaptrack.heapdemo.zst");
    }

    @ParameterizedTest(name = "zst cut at {0} of 1000")
    @ValueSource(ints = {50, 300, 600, 950, 999})
    void aCutZstdTraceSaysAtWhichByte(int permille) throws Exception {
        byte[] zst = Files.readAllBytes(HeaptrackGoldenTest.dir().resolve("heaptrack.heapdemo.zst"));
        int cut = zst.length * permille / 1000;
        ImportException e = rejected(write("heaptrack.cut" + permille + ".zst", Arrays.copyOf(zst, cut)));
        assertTrue(e.getMessage().contains("zstd data is corrupt or truncated"), e.getMessage());
        assertTrue(e.byteOffset() >= 0 && e.byteOffset() <= cut, e.getMessage());
    }

    @ParameterizedTest(name = "gz cut at {0} of 1000")
    @ValueSource(ints = {100, 500, 990})
    void aCutGzipTraceSaysAtWhichByte(int permille) throws Exception {
        byte[] gz = Files.readAllBytes(HeaptrackGoldenTest.dir().resolve("heaptrack.heapdemo.gz"));
        int cut = gz.length * permille / 1000;
        ImportException e = rejected(write("heaptrack.cut" + permille + ".gz", Arrays.copyOf(gz, cut)));
        assertTrue(e.getMessage().contains("gzip data is corrupt or truncated"), e.getMessage());
    }

    @ParameterizedTest(name = "text cut at {0} of 1000")
    @ValueSource(ints = {1, 200, 555, 998})
    void aTraceCutInTheMiddleOfALineIsRefusedAtThatLine(int permille) throws Exception {
        byte[] plain = text();
        int cut = plain.length * permille / 1000;
        while (cut > 1 && (plain[cut - 1] == '\n' || plain[cut] == '\n')) {
            cut--; // end inside a line, not at its end
        }
        Path file = write("heaptrack.cut" + permille, Arrays.copyOf(plain, cut));
        ImportException e = rejected(file);
        long lines = 1;
        for (int i = 0; i < cut; i++) {
            lines += plain[i] == '\n' ? 1 : 0;
        }
        assertEquals(lines, e.line(), e.getMessage());
    }

    @Test
    void aFlippedByteInTheCompressedTraceFailsItsChecksumOrItsGrammar() throws Exception {
        byte[] zst = Files.readAllBytes(HeaptrackGoldenTest.dir().resolve("heaptrack.heapdemo.zst"));
        for (int at : new int[] {zst.length / 4, zst.length / 2, zst.length * 3 / 4}) {
            byte[] bytes = zst.clone();
            bytes[at] ^= 0x20;
            ImportException e = rejected(write("heaptrack.flip" + at + ".zst", bytes));
            assertTrue(e.getMessage().contains("zstd") || e.line() > 0, e.getMessage());
        }
    }

    @Test
    void aFlippedByteInTheTextIsRefusedAtItsLine() throws Exception {
        byte[] plain = text();
        String content = new String(plain, StandardCharsets.UTF_8);
        int at = content.indexOf("\na ") + 1; // an allocation info line 'a <size> <trace>'
        byte[] bytes = plain.clone();
        bytes[at] = 'q';
        ImportException e = rejected(write("heaptrack.flip", bytes));
        long line = content.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
        assertEquals(line, e.line(), e.getMessage());
        assertTrue(e.getMessage().contains("unknown heaptrack record 'q "), e.getMessage());

        byte[] index = plain.clone();
        int plus = content.indexOf("\n+ ") + 3;
        index[plus] = 'z';
        e = rejected(write("heaptrack.index", index));
        assertTrue(e.getMessage().contains("in hexadecimal, found 'z'"), e.getMessage());

        String badTrace = content.replaceFirst("\nt 2 1\n", "\nt 2 ff\n");
        e = rejected(write("heaptrack.trace", badTrace.getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().contains("the trace's parent ff is not one of the"), e.getMessage());
    }

    @Test
    void anEmptyFileIsRefused() throws Exception {
        Path file = write("heaptrack.empty.zst", new byte[0]);
        ImportException e = rejected(file);
        assertEquals(file + ": the file is empty", e.getMessage());
        assertThrows(ImportException.class, () -> Importers.detect(ImportSource.of(file)));
    }

    @Test
    void theWrongFormatUnderTheRightNameIsRefusedAtLineOne() throws Exception {
        byte[] perf = Files.readAllBytes(Path.of(System.getProperty("perfdesk.testdata", "../testdata"))
                .resolve("perf-script/perf-java-faults-01.txt"));
        Path file = write("heaptrack.app.1234", perf);
        assertNotEquals(HeaptrackImporter.FORMAT, Importers.detect(ImportSource.of(file)).format(),
                "detected by content, not by name");
        ImportException e = rejected(file);
        assertEquals(1, e.line());
        assertTrue(e.getMessage().contains("this is not a heaptrack trace"), e.getMessage());
    }

    @Test
    void binaryGarbageIsRefused() throws Exception {
        byte[] garbage = new byte[100_000];
        new Random(3).nextBytes(garbage);
        Path file = write("heaptrack.garbage", garbage);
        assertThrows(ImportException.class, () -> Importers.detect(ImportSource.of(file)));
        assertTrue(rejected(file).line() > 0);
    }

    @Test
    void aHundredMegabyteLineIsRefusedAtItsLine() throws Exception {
        Path file = dir.resolve("heaptrack.long");
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write("v 10400 3\nX ".getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[1 << 20];
            Arrays.fill(chunk, (byte) 'a');
            for (int i = 0; i < 100; i++) {
                out.write(chunk);
            }
        }
        ImportException e = rejected(file);
        assertEquals(2, e.line());
        assertTrue(e.getMessage().contains("longer than"), e.getMessage());
    }

    @Test
    void aRawTraceSaysToInterpretItFirst() throws Exception {
        Path file = write("heaptrack.raw", ("v 10550 3\nx 3b /home/u/test_lib\nX ./test_lib\nI 1000 7d09db\nm 1 -\n")
                .getBytes(StandardCharsets.US_ASCII));
        assertEquals(HeaptrackImporter.FORMAT, Importers.detect(ImportSource.of(file)).format());
        ImportException e = rejected(file);
        assertEquals(2, e.line());
        assertTrue(e.getMessage().contains("raw heaptrack trace"), e.getMessage());
        assertTrue(e.getMessage().contains("heaptrack -i heaptrack.raw"), e.getMessage());
    }

    @Test
    void aNewerFileFormatIsRefusedWithBothVersions() throws Exception {
        ImportException e = rejected(write("heaptrack.new", "v 20000 4\nX ./a\n".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(1, e.line());
        assertTrue(e.getMessage().contains("file format 4 (heaptrack 2.0.0) is newer than the formats 1 to 3"),
                e.getMessage());
    }
}
