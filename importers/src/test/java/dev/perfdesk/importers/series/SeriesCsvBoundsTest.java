package dev.perfdesk.importers.series;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.perfdesk.core.progress.ProgressMonitor;
import dev.perfdesk.core.spi.CollectingSink;
import dev.perfdesk.importers.spi.ImportException;
import dev.perfdesk.importers.spi.ImportSource;

/**
 * A series table is read line by line, each line held to {@link SeriesCsvReader#MAX_LINE}, in time linear in its
 * length: the defects the bad-input campaign and the import fuzzer found (a 100 MB cell read whole at 1 GB of
 * memory, a small gzip expanding into a 1 GB cell, a run of digits that took the number pattern quadratic time).
 */
class SeriesCsvBoundsTest {
    @TempDir
    Path tmp;

    /** An endless run of one byte, counting what was read of it. */
    private static final class Run extends InputStream {
        private final byte value;
        private long read;

        Run(char value) {
            this.value = (byte) value;
        }

        @Override
        public int read() {
            read++;
            return value;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            java.util.Arrays.fill(b, off, off + len, value);
            read += len;
            return len;
        }
    }

    @Test
    void aHundredMegabyteCellIsRefusedAtItsLineAfterAMegabyteOrSo() throws IOException {
        Path file = Files.writeString(tmp.resolve("runs.csv"), "time,ops\n");
        Run cell = new Run('7');
        InputStream in = new SequenceInputStream(
                new java.io.ByteArrayInputStream("time,ops\n1700000000,".getBytes(StandardCharsets.US_ASCII)),
                new java.io.FilterInputStream(cell) {
                    @Override
                    public int read(byte[] b, int off, int len) throws IOException {
                        return cell.read >= 100_000_000 ? -1 : super.read(b, off, len);
                    }
                });
        ImportException e = assertThrows(ImportException.class,
                () -> SeriesCsvReader.DEFAULT.read(ImportSource.of(file), in, ProgressMonitor.NONE));
        assertEquals(2, e.line(), e.getMessage());
        assertTrue(e.getMessage().contains("runs.csv"), e.getMessage());
        assertTrue(e.problem().contains("longer than"), e.getMessage());
        assertTrue(cell.read < 8 << 20, "read " + cell.read + " bytes of the cell before refusing it");
    }

    @Test
    void aSmallGzipThatExpandsIntoAHugeCellIsRefusedAtItsLine() throws IOException {
        Path gz = tmp.resolve("runs.csv.gz");
        byte[] block = new byte[1 << 20];
        java.util.Arrays.fill(block, (byte) '9');
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write("time,ops\n1700000000,1\n1700000060,".getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; i < 64; i++) {
                out.write(block);
            }
            out.write('\n');
        }
        assertTrue(Files.size(gz) < 200_000, Files.size(gz) + " bytes");
        ImportException e = assertThrows(ImportException.class, () -> new SeriesCsvImporter()
                .read(ImportSource.of(gz), new CollectingSink(), ProgressMonitor.NONE));
        assertEquals(3, e.line(), e.getMessage());
        assertTrue(e.problem().contains("longer than"), e.getMessage());
    }

    /**
     * seed 20789 case 19861: a metric cell of 262,144 digits and a letter took the number pattern over 10 s. A
     * bound on a hang, not a timing assertion.
     */
    @Test
    void aLongRunOfDigitsIsJudgedInLinearTime() throws IOException {
        Path file = Files.writeString(tmp.resolve("digits.csv"),
                "time,ops\n1700000000,1\n1700000060," + "9".repeat(262_144) + "x\n");
        ImportException e = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> assertThrows(
                ImportException.class, () -> SeriesCsvReader.read(file)));
        assertEquals(3, e.line(), e.getMessage());
        assertTrue(e.problem().contains("is not a number"), e.getMessage());
    }

    @Test
    void numbersAreStillTheNumbersThePatternAccepted() {
        for (String yes : new String[] {"1", "-1", "+1.5", "5.", ".5", "1e9", "1.5E-3", "007"}) {
            assertTrue(TimeParser.isNumber(yes), yes);
        }
        for (String no : new String[] {"", ".", "+", "1e", "1e+", "e5", "1.2.3", "1 ", "0x10", "--1", "1e5.0"}) {
            assertTrue(!TimeParser.isNumber(no), no);
        }
    }
}
