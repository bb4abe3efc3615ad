package dev.perfdesk.importers.pprof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.perfdesk.core.progress.ProgressMonitor;
import dev.perfdesk.core.spi.CollectingSink;
import dev.perfdesk.importers.spi.ImportException;
import dev.perfdesk.importers.spi.ImportSource;
import dev.perfdesk.importers.Importers;

/**
 * Broken pprof files: one ImportException each, naming the file and a byte offset, and nothing delivered to the
 * sink (the store's transaction then keeps nothing; {@code CliPprofBadInputTest} checks the store itself).
 */
class PprofBadInputTest {
    @TempDir
    Path dir;

    private static byte[] plainCpuProfile() throws IOException {
        Path file = PprofGoldenTest.dir().resolve("go.cpu.pprof");
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return in.readAllBytes();
        }
    }

    private static byte[] gzip(byte[] plain) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(plain);
        }
        return out.toByteArray();
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    /** Imports with the pprof importer, as {@code --format pprof} does, and returns the one error. */
    private static ImportException rejected(Path file) {
        CollectingSink sink = new CollectingSink();
        ImportException e = assertThrows(ImportException.class,
                () -> new PprofImporter().read(ImportSource.of(file), sink, ProgressMonitor.NONE));
        assertTrue(sink.profiles().isEmpty(), "nothing delivered");
        assertTrue(e.getMessage().startsWith(file.toString() + ": "), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        return e;
    }

    private static ImportException rejectedAtByte(Path file) {
        ImportException e = rejected(file);
        assertTrue(e.byteOffset() >= 0, "a byte offset: " + e.getMessage());
        assertTrue(e.getMessage().contains(": at byte " + e.byteOffset() + ": "), e.getMessage());
        return e;
    }

    @ParameterizedTest(name = "cut at {0} of 1000")
    @ValueSource(ints = {1, 10, 100, 333, 500, 900, 999})
    void truncatedPlainProtobufIsRefusedWithTheOffset(int permille) throws Exception {
        byte[] plain = plainCpuProfile();
        int cut = (int) ((long) plain.length * permille / 1000);
        Path file = write("cut-" + permille + ".pprof", Arrays.copyOf(plain, cut));
        ImportException e = rejectedAtByte(file);
        assertTrue(e.byteOffset() <= cut, e.getMessage());
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    }

    @ParameterizedTest(name = "cut at {0} of 1000")
    @ValueSource(ints = {200, 500, 990})
    void truncatedGzipIsRefusedWithTheCompressedOffset(int permille) throws Exception {
        byte[] gz = Files.readAllBytes(PprofGoldenTest.dir().resolve("go.cpu.pprof"));
        int cut = (int) ((long) gz.length * permille / 1000);
        Path file = write("cut-" + permille + ".pb.gz", Arrays.copyOf(gz, cut));
        ImportException e = rejectedAtByte(file);
        assertTrue(e.getMessage().contains("gzip data is corrupt or truncated"), e.getMessage());
        assertTrue(e.byteOffset() <= cut, e.getMessage());
    }

    @Test
    void flippedByteInGzipFailsItsCheck() throws Exception {
        byte[] gz = Files.readAllBytes(PprofGoldenTest.dir().resolve("go.cpu.pprof"));
        gz[gz.length / 2] ^= 0x55;
        ImportException e = rejectedAtByte(write("flipped.pb.gz", gz));
        // Either inflating fails (the compressed offset), or the changed bytes fail protobuf or pprof's rules.
        assertTrue(e.getMessage().contains("gzip") || e.getMessage().contains("corrupt"), e.getMessage());
    }

    @Test
    void flippedTagByteInPlainProtobufIsRefusedAtThatField() throws Exception {
        byte[] plain = plainCpuProfile();
        // The first byte is the tag of sample_type (field 1, length-delimited): 0x0a. 0x0b is wire type 3, a group.
        plain[0] ^= 0x01;
        ImportException e = rejectedAtByte(write("flipped.pprof", plain));
        assertEquals(0, e.byteOffset(), e.getMessage());
        assertTrue(e.getMessage().contains("not a pprof"), e.getMessage());
    }

    @Test
    void flippedLocationIdIsADanglingReferenceAtItsSample() throws Exception {
        byte[] plain = plainCpuProfile();
        // The first sample (0x12 LEN, then values as 0x10 V and packed location ids as 0x0a LEN id...): make its
        // first location id 0, which no location has (ids are non-zero).
        int sample = indexOfFirstSample(plain);
        int pos = sample + 2;
        while (plain[pos] == 0x10) {
            pos += 2;
            while (plain[pos - 1] < 0) {
                pos++;
            }
        }
        assertEquals(0x0a, plain[pos], "packed location ids after the values");
        assertTrue(plain[pos + 2] > 0, "a one-byte id");
        plain[pos + 2] = 0;
        ImportException e = rejectedAtByte(write("dangling.pprof", plain));
        assertEquals(sample, e.byteOffset(), e.getMessage());
        assertTrue(e.getMessage().contains("refers to location 0,"), e.getMessage());
    }

    /** The offset of the first sample (field 2), walking the top-level fields before it. */
    private static int indexOfFirstSample(byte[] plain) {
        int pos = 0;
        while (true) {
            int tag = plain[pos] & 0xFF;
            if (tag == 0x12) {
                break;
            }
            pos++;
            long len = 0;
            for (int shift = 0; ; shift += 7) {
                int b = plain[pos++] & 0xFF;
                len |= (long) (b & 0x7F) << shift;
                if (b < 0x80) {
                    break;
                }
            }
            pos += (tag & 7) == 2 ? (int) len : 0;
        }
        assertTrue(plain[pos + 1] >= 0, "a short sample");
        return pos;
    }

    @Test
    void emptyFileSaysEmpty() throws Exception {
        Path file = write("empty.pprof", new byte[0]);
        assertTrue(rejected(file).getMessage().contains("empty"));
        assertThrows(ImportException.class, () -> Importers.detect(ImportSource.of(file)));
    }

    @Test
    void emptyGzipSaysEmpty() throws Exception {
        Path file = write("empty.pb.gz", gzip(new byte[0]));
        assertTrue(rejected(file).getMessage().contains("empty"));
    }

    @Test
    void wrongFormatUnderAPprofNameIsNotDetectedAndRefusedAtByteZero() throws Exception {
        byte[] perf = Files.readAllBytes(Path.of(System.getProperty("perfdesk.sampledata", "../sample-data"))
                .resolve("perf/c-primes.perf.txt"));
        Path file = write("really-perf-script.pprof", perf);
        assertEquals("perf-script", Importers.detect(ImportSource.of(file)).format(), "detected by content");
        ImportException e = rejectedAtByte(file);
        assertEquals(0, e.byteOffset());
        assertTrue(e.getMessage().contains("not a pprof (profile.proto) file"), e.getMessage());
    }

    @Test
    void legacyTextHeapProfileIsRefused() throws Exception {
        Path file = write("cppbench.heap.pprof", ("heap profile: 144:  8498176 [   144:  8498176] @ heapprofile\n"
                + "     1:   262144 [     1:   262144] @ 0x28a000 0x1236a\n").getBytes(StandardCharsets.US_ASCII));
        assertThrows(ImportException.class, () -> Importers.detect(ImportSource.of(file)));
        rejectedAtByte(file);
    }

    @Test
    void hundredMegabyteSingleLineIsRefusedWithoutReadingItAll() throws Exception {
        Path file = dir.resolve("one-line.pprof");
        try (OutputStream out = Files.newOutputStream(file)) {
            byte[] chunk = new byte[1 << 20];
            Arrays.fill(chunk, (byte) 'x');
            for (int i = 0; i < 100; i++) {
                out.write(chunk);
            }
        }
        assertEquals(100L << 20, Files.size(file));
        assertThrows(ImportException.class, () -> Importers.detect(ImportSource.of(file)));
        ImportException e = rejectedAtByte(file);
        assertTrue(e.getMessage().contains("not a pprof"), e.getMessage());
    }

    @Test
    void hundredMegabyteStringIsRefusedAtItsLength() throws Exception {
        Path file = dir.resolve("huge-string.pprof");
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(new byte[] {0x32}); // string_table (field 6), length-delimited
            int len = 100 << 20;
            while (len >= 0x80) {
                out.write((len & 0x7F) | 0x80);
                len >>>= 7;
            }
            out.write(len);
            byte[] chunk = new byte[1 << 20];
            Arrays.fill(chunk, (byte) 'a');
            for (int i = 0; i < 100; i++) {
                out.write(chunk);
            }
        }
        ImportException e = rejectedAtByte(file);
        assertEquals(1, e.byteOffset(), e.getMessage());
        assertTrue(e.getMessage().contains("104857600 bytes long, more than the 16 MiB"), e.getMessage());
    }

    @Test
    void binaryGarbageIsNeitherDetectedNorRead() throws Exception {
        byte[] garbage = new byte[1 << 20];
        new Random(7).nextBytes(garbage);
        garbage[0] = 0x0a; // even starting like a sample type
        Path file = write("garbage.pprof", garbage);
        assertThrows(ImportException.class, () -> Importers.detect(ImportSource.of(file)));
        rejectedAtByte(file);
    }

    @Test
    void profileWithoutSamplesSaysSo() throws Exception {
        byte[] plain = plainCpuProfile();
        int sample = indexOfFirstSample(plain);
        // Keep only what precedes the samples: a valid message with no samples and no string table.
        ImportException e = rejected(write("types-only.pprof", Arrays.copyOf(plain, sample)));
        assertTrue(e.getMessage().contains("string table") && e.getMessage().contains("truncated"), e.getMessage());
    }
}
