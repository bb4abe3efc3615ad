package dev.perfdesk.importers.speccpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.perfdesk.core.progress.ProgressMonitor;
import dev.perfdesk.core.spi.CollectingSink;
import dev.perfdesk.importers.Importers;
import dev.perfdesk.importers.bench.BenchFiles;
import dev.perfdesk.importers.spi.ImportException;
import dev.perfdesk.importers.spi.ImportSource;

/** Bad SPEC CPU 2017 result files fail with one line naming the file and the line, and deliver nothing. */
class SpecCpuBadInputTest {
    @TempDir
    Path dir;

    static List<String> lines(String name) throws Exception {
        return Files.readAllLines(BenchFiles.testdata("spec-cpu2017/" + name));
    }

    /** The real test file with line {@code line} (1-based) replaced, or cut after it when {@code with} is null. */
    Path edited(String name, int line, String with) throws Exception {
        List<String> all = new java.util.ArrayList<>(lines(name));
        if (with == null) {
            all = all.subList(0, line);
        } else {
            all.set(line - 1, with);
        }
        return Files.write(dir.resolve(name), all);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            csv truncated in the full table | CPU2017.001.intrate.refrate.csv | 20 | | :20: no suite metric line (SPECrate2017_int_base,...) after the results tables; the file looks truncated
            csv wrong schema | CPU2017.001.intrate.refrate.csv | 12 | `Benchmark,Copies,Time` | :12: the results table has no 'Base # Copies' column
            csv NaN rate | CPU2017.001.intrate.refrate.csv | 14 | `500.perlbench_r,2,1621.295103,NaN,1,S,2,1570.953354,2.026795,1,S,"x"` | :14: 'Base Rate' must be a finite number >= 0, found 'NaN'
            csv infinite time | CPU2017.001.intrate.refrate.csv | 14 | `500.perlbench_r,2,Infinity,1.9,1,S,2,1570.953354,2.026795,1,S,"x"` | :14: 'Base Run Time' must be a finite number >= 0, found 'Infinity'
            csv negative metric | CPU2017.001.intrate.refrate.csv | 58 | `SPECrate2017_int_base,-1.99` | :58: 'SPECrate2017_int_base' must be a finite number >= 0, found '-1.99'
            csv open quote | CPU2017.001.intrate.refrate.csv | 14 | `500.perlbench_r,2,1621.2,1.9,1,S,2,1570.9,2.02,1,S,"x` | :14: a quoted field is not closed
            txt truncated in the table | CPU2017.001.intrate.refrate.txt | 30 | | :30: no suite metric line (SPECrate(R)2017_int_base ...) after the results table; the file looks truncated
            txt wrong schema | CPU2017.001.intrate.refrate.txt | 16 | `500.perlbench_r   2  1594` | :16: expected '500.perlbench_r  COPIES  RUN-TIME  RATIO  *'
            txt not a number | CPU2017.001.intrate.refrate.txt | 16 | `500.perlbench_r   two  1594  2.00 S` | :16: 'Base Copies' must be a finite number >= 0, found 'two'
            txt NaN ratio | CPU2017.001.intrate.refrate.txt | 16 | `500.perlbench_r            2       1594        NaN S` | :16: 'Base Rate' must be a finite number >= 0, found 'NaN'
            txt infinite metric | CPU2017.001.intrate.refrate.txt | 56 | ` SPECrate(R)2017_int_base      inf` | :56: 'SPECrate(R)2017_int_base' must be a finite number >= 0, found 'inf'
            txt wrong title | CPU2017.001.intrate.refrate.txt | 1 | `SPEC jbb Result` | :5: expected the report title
            """)
    void rejectsWithFileAndLine(String what, String name, int line, String with, String message) throws Exception {
        Path file = edited(name, line, with);
        String format = name.endsWith(".csv") ? SpecCsvImporter.FORMAT : SpecTextImporter.FORMAT;
        CollectingSink sink = new CollectingSink();
        ImportException e = assertThrows(ImportException.class, () -> Importers.byFormat(format)
                .read(ImportSource.of(file), sink, ProgressMonitor.NONE), what);
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains(message), "expected '" + message + "' in: " + e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), "one line: " + e.getMessage());
        assertTrue(sink.runs().isEmpty(), "nothing delivered");
    }

    @Test
    void theEditedLinesAreTheOnesTheTestsMeanToBreak() throws Exception {
        assertTrue(lines("CPU2017.001.intrate.refrate.csv").get(11).startsWith("Benchmark,"));
        assertTrue(lines("CPU2017.001.intrate.refrate.csv").get(13).startsWith("500.perlbench_r,"));
        assertTrue(lines("CPU2017.001.intrate.refrate.csv").get(57).startsWith("SPECrate2017_int_base,"));
        assertTrue(lines("CPU2017.001.intrate.refrate.txt").get(15).startsWith("500.perlbench_r "));
        assertTrue(lines("CPU2017.001.intrate.refrate.txt").get(55).startsWith(" SPECrate(R)2017_int_base"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {SpecCsvImporter.FORMAT, SpecTextImporter.FORMAT})
    void refusesEmptyGarbageAndAHundredMegabyteLine(String format) throws Exception {
        Path empty = Files.write(dir.resolve("empty"), new byte[0]);
        ImportException e = assertThrows(ImportException.class, () -> Importers.byFormat(format)
                .read(ImportSource.of(empty), new CollectingSink(), ProgressMonitor.NONE));
        assertEquals(empty + ": the file is empty", e.getMessage());
        Path garbage = Files.write(dir.resolve("garbage"), new byte[] {0, 1, 2, (byte) 0xFF, 10, 3});
        e = assertThrows(ImportException.class, () -> Importers.byFormat(format)
                .read(ImportSource.of(garbage), new CollectingSink(), ProgressMonitor.NONE));
        assertTrue(e.getMessage().startsWith(garbage + ":1: binary data"), e.getMessage());
        Path huge = dir.resolve("huge");
        try (OutputStream out = Files.newOutputStream(huge)) {
            out.write("valid,1\n".getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = "9".repeat(1 << 16).getBytes(StandardCharsets.US_ASCII);
            for (long n = 0; n < 100L << 20; n += chunk.length) {
                out.write(chunk);
            }
        }
        CollectingSink sink = new CollectingSink();
        e = assertThrows(ImportException.class, () -> Importers.byFormat(format)
                .read(ImportSource.of(huge), sink, ProgressMonitor.NONE));
        assertTrue(e.getMessage().startsWith(huge + ":2: line is longer than"), e.getMessage());
        assertTrue(sink.runs().isEmpty());
    }

    @Test
    void eachFileIsDetectedByItsContent() throws Exception {
        for (String name : new String[] {"CPU2017.001.intrate.refrate.csv", "CPU2017.002.intrate.refrate.txt"}) {
            Path copy = Files.copy(BenchFiles.testdata("spec-cpu2017/" + name), dir.resolve("result"));
            assertEquals(name.endsWith("csv") ? SpecCsvImporter.FORMAT : SpecTextImporter.FORMAT,
                    Importers.detect(ImportSource.of(copy)).format(), name);
            Files.delete(copy);
        }
    }
}
