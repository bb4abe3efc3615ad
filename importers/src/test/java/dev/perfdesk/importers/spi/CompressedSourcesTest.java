package dev.perfdesk.importers.spi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.perfdesk.core.model.Profile;
import dev.perfdesk.core.progress.ProgressMonitor;
import dev.perfdesk.core.spi.CollectingSink;
import dev.perfdesk.importers.Importers;
import dev.perfdesk.importers.spi.ImportSource.Compression;

/**
 * bzip2 and zstd files written by the command-line tools ({@code testdata/compression/record.sh}) read as their
 * plain content for detection and for every importer; cut, damaged and bomb files give one line with the file and
 * the compressed byte where reading stopped, and deliver nothing.
 */
class CompressedSourcesTest {
    @TempDir
    Path dir;

    static Path data() {
        return Path.of(System.getProperty("perfdesk.testdata", "../testdata"));
    }

    private static Path compressed(String name) {
        return data().resolve("compression").resolve(name);
    }

    private static byte[] plain() throws Exception {
        return Files.readAllBytes(data().resolve("perf-script/perf-java-faults-01.txt"));
    }

    private static byte[] readAll(ImportSource source) throws Exception {
        try (InputStream in = source.open()) {
            return in.readAllBytes();
        }
    }

    private static List<Profile> importDetected(Path file) throws Exception {
        ImportSource source = ImportSource.of(file);
        Importer importer = Importers.detect(source);
        CollectingSink sink = new CollectingSink();
        importer.read(source, sink, ProgressMonitor.NONE);
        return sink.profiles();
    }

    @ParameterizedTest
    @ValueSource(strings = {"perf-java-faults-01.txt.bz2", "perf-java-faults-01.txt.zst",
        "perf-java-faults-01.multi.bz2", "perf-java-faults-01.multi.zst"})
    void readsAsThePlainFileForDetectionAndImport(String name) throws Exception {
        Path file = compressed(name);
        ImportSource source = ImportSource.of(file);
        assertEquals(name.endsWith("bz2") ? Compression.BZIP2 : Compression.ZSTD, source.compression());
        assertTrue(source.isCompressed());
        assertFalse(source.isGzip());
        assertArrayEquals(plain(), readAll(source), "every stream of the file, end to end");
        assertEquals("perf-script", Importers.detect(source).format(), "detection sees the decompressed head");
        assertTrue(source.rawBytesRead() <= source.size());

        List<Profile> fromCompressed = importDetected(file);
        Path plainFile = Files.write(dir.resolve("plain.txt"), plain());
        List<Profile> fromPlain = importDetected(plainFile);
        assertEquals(fromPlain.size(), fromCompressed.size());
        for (int i = 0; i < fromPlain.size(); i++) {
            assertEquals(fromPlain.get(i).samples().totalWeight(), fromCompressed.get(i).samples().totalWeight());
            assertEquals(fromPlain.get(i).samples().totalCount(), fromCompressed.get(i).samples().totalCount());
            assertEquals(fromPlain.get(i).stacks().size(), fromCompressed.get(i).stacks().size());
        }
    }

    @Test
    void compressionIsTakenFromTheMagicBytesNotTheName() throws Exception {
        Path zstdNamedGz = Files.copy(compressed("perf-java-faults-01.txt.zst"), dir.resolve("looks.gz"));
        assertEquals(Compression.ZSTD, ImportSource.of(zstdNamedGz).compression());
        Path bzipNamedTxt = Files.copy(compressed("perf-java-faults-01.txt.bz2"), dir.resolve("looks.txt"));
        assertEquals(Compression.BZIP2, ImportSource.of(bzipNamedTxt).compression());
        assertArrayEquals(plain(), readAll(ImportSource.of(bzipNamedTxt)));
        Path textNamedZst = Files.write(dir.resolve("plain.zst"), plain());
        assertEquals(Compression.NONE, ImportSource.of(textNamedZst).compression());
        assertEquals("plain.zst", ImportSource.of(textNamedZst).fileName());
        assertEquals("perf-java-faults-01.txt", ImportSource.of(compressed("perf-java-faults-01.txt.zst")).fileName());
        assertEquals("perf-java-faults-01.txt", ImportSource.of(compressed("perf-java-faults-01.txt.bz2")).fileName());
        // "BZh" followed by a digit is bzip2's magic; "BZh" and a letter is text
        assertEquals(Compression.NONE, Compression.sniff("BZhx".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        assertEquals(Compression.ZSTD, Compression.sniff(new byte[] {0x50, 0x2A, 0x4D, 0x18}), "skippable frame");
    }

    private static ImportException rejected(Path file) {
        CollectingSink sink = new CollectingSink();
        ImportException e = assertThrows(ImportException.class, () -> {
            ImportSource source = ImportSource.of(file);
            Importers.detect(source).read(source, sink, ProgressMonitor.NONE);
        });
        assertTrue(sink.profiles().isEmpty(), "nothing delivered");
        assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        return e;
    }

    @ParameterizedTest
    @ValueSource(strings = {"perf-java-faults-01.txt.bz2", "perf-java-faults-01.txt.zst"})
    void cutFilesSayAtWhichCompressedByteTheyStop(String name) throws Exception {
        byte[] whole = Files.readAllBytes(compressed(name));
        String label = name.endsWith("bz2") ? "bzip2" : "zstd";
        for (int permille : new int[] {100, 500, 900, 998}) {
            int cut = whole.length * permille / 1000;
            Path file = Files.write(dir.resolve("cut-" + permille + "-" + name), Arrays.copyOf(whole, cut));
            ImportException e = rejected(file);
            assertTrue(e.byteOffset() >= 0 && e.byteOffset() <= cut, e.getMessage());
            assertTrue(e.getMessage().contains("the " + label + " data is corrupt or truncated"), e.getMessage());
            String stops = String.format(java.util.Locale.ROOT, "stops at byte %,d of %,d before the ", cut, cut);
            assertTrue(e.getMessage().contains(stops + label
                    + " stream ends; the file looks cut"), e.getMessage());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"perf-java-faults-01.txt.bz2", "perf-java-faults-01.txt.zst"})
    void aFlippedByteIsCaughtByTheDecoderOrItsChecksum(String name) throws Exception {
        byte[] whole = Files.readAllBytes(compressed(name));
        String label = name.endsWith("bz2") ? "bzip2" : "zstd";
        for (int at : new int[] {whole.length / 3, whole.length / 2, whole.length - 3}) {
            byte[] bytes = whole.clone();
            bytes[at] ^= 0x55;
            Path file = Files.write(dir.resolve("flip-" + at + "-" + name), bytes);
            ImportException e = rejected(file);
            assertTrue(e.getMessage().contains("the " + label + " data is corrupt or truncated"), e.getMessage());
            assertTrue(e.byteOffset() >= 0 && e.byteOffset() <= whole.length, e.getMessage());
        }
    }

    @Test
    void aBrokenHeaderIsNamed() throws Exception {
        byte[] bz = Files.readAllBytes(compressed("perf-java-faults-01.txt.bz2"));
        Arrays.fill(bz, 4, 10, (byte) 0);
        ImportException e = rejected(Files.write(dir.resolve("header.bz2"), bz));
        assertTrue(e.getMessage().contains("bzip2"), e.getMessage());
        byte[] zst = Files.readAllBytes(compressed("perf-java-faults-01.txt.zst"));
        Arrays.fill(zst, 4, 12, (byte) 0xFF);
        e = rejected(Files.write(dir.resolve("header.zst"), zst));
        assertTrue(e.getMessage().contains("zstd"), e.getMessage());
    }

    @Test
    void onlyTheMagicBytesAreAFileTooShortToHoldAStream() throws Exception {
        ImportException e = rejected(Files.write(dir.resolve("magic.bz2"), "BZh9".getBytes("US-ASCII")));
        assertTrue(e.getMessage().contains("bzip2"), e.getMessage());
        e = rejected(Files.write(dir.resolve("magic.zst"), new byte[] {0x28, (byte) 0xB5, 0x2F, (byte) 0xFD}));
        assertTrue(e.getMessage().contains("zstd") || e.getMessage().contains("empty"), e.getMessage());
    }

    /**
     * 1 GiB of one line in 786 (bzip2) and 33,006 (zstd) bytes: decompression is streamed, so the line reader's
     * limit refuses it after a few MB, as it does a gzip file, and memory never holds the content.
     */
    @ParameterizedTest
    @ValueSource(strings = {"bomb-1GiB-one-line.bz2", "bomb-1GiB-one-line.zst"})
    void aDecompressionBombStopsAtTheLineLimit(String name) throws Exception {
        Path file = compressed(name);
        ImportSource source = ImportSource.of(file);
        byte[] head = source.head(Importers.HEAD_BYTES);
        assertEquals(Importers.HEAD_BYTES, head.length, "detection reads only the head");
        CollectingSink sink = new CollectingSink();
        ImportException e = assertThrows(ImportException.class, () -> new dev.perfdesk.importers.folded
                .FoldedImporter().read(ImportSource.of(file), sink, ProgressMonitor.NONE));
        assertTrue(e.getMessage().startsWith(file + ":1: "), e.getMessage());
        assertTrue(e.getMessage().contains("longer than"), e.getMessage());
        assertTrue(sink.profiles().isEmpty());
        rejected(file); // detected or not, one line and nothing delivered
    }
}
