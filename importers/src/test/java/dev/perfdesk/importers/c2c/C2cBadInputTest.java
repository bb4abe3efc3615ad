package dev.perfdesk.importers.c2c;

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

/** Broken c2c reports: one ImportException each, naming the file and its line, and nothing delivered. */
class C2cBadInputTest {
    @TempDir
    Path dir;

    private static String report() throws Exception {
        return Files.readString(C2cGoldenTest.dir().resolve("perfgo.false-sharing.c2c-report.txt"));
    }

    private Path write(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }

    private static ImportException rejected(Path file) {
        CollectingSink sink = new CollectingSink();
        ImportException e = assertThrows(ImportException.class,
                () -> new C2cImporter().read(ImportSource.of(file), sink, ProgressMonitor.NONE));
        assertTrue(sink.c2cReports().isEmpty(), "nothing delivered");
        assertTrue(e.getMessage().startsWith(file + ":"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        return e;
    }

    private static int lineOf(String text, String needle) {
        int at = text.indexOf(needle);
        return (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }

    @ParameterizedTest(name = "cut before ''{0}''")
    @ValueSource(strings = {"# Index ", "      0      0x20ea", "Shared Cache Line Distribution Pareto",
        "  ----------------------------------------------------------------------\n      0        4",
        "          75.00%"})
    void aReportCutInTheTablesSaysItLooksCut(String before) throws Exception {
        String text = report();
        Path file = write("cut.txt", text.substring(0, text.indexOf(before)));
        ImportException e = rejected(file);
        assertTrue(e.getMessage().contains("looks cut") || e.getMessage().contains("before the table's header"),
                e.getMessage());
        assertTrue(e.line() > 0, e.getMessage());
    }

    @Test
    void aReportCutInTheMiddleOfARowIsRefusedAtThatRow() throws Exception {
        String text = report();
        int at = text.indexOf("0x53dbc8");
        ImportException e = rejected(write("cut-row.txt", text.substring(0, at)));
        assertEquals(lineOf(text, "0x53dbc8"), e.line());
    }

    @Test
    void aFlippedByteInACountIsRefusedWithItsColumn() throws Exception {
        String text = report();
        String flipped = text.replace("     2096     2092        4     3152", "     2096     2O92        4     3152");
        ImportException e = rejected(write("flipped.txt", flipped));
        assertEquals(lineOf(text, "     2096     2092        4     3152"), e.line());
        assertTrue(e.getMessage().contains("the column 'Load Hitm LclHitm' holds '2O92'"), e.getMessage());

        String offset = text.replace("49.62%", "49.6?%");
        e = rejected(write("flipped-offset.txt", offset));
        assertTrue(e.getMessage().contains("'HITM LclHitm' holds '49.6?%'"), e.getMessage());
    }

    @Test
    void aRowWithAMissingCellIsRefused() throws Exception {
        String text = report();
        String missing = text.replace("     1056        0         0     2092", "     1056        0     2092");
        ImportException e = rejected(write("missing.txt", missing));
        assertTrue(e.getMessage().contains("has 22 cells but the header names 23 columns"), e.getMessage());
    }

    @Test
    void anEmptyFileIsRefused() throws Exception {
        Path file = write("empty.txt", "");
        assertEquals(file + ": the file is empty", rejected(file).getMessage());
    }

    @Test
    void theWrongFormatIsRefusedAtItsFirstLine() throws Exception {
        Path file = write("c2c.txt", "java 12688/12764 [002] 6544038.708352: 10309278 cpu-clock:\n"
                + "\tffffffff8103ce3b native_safe_halt+0x1b ([kernel.kallsyms])\n\n");
        assertNotEquals(C2cImporter.FORMAT, Importers.detect(ImportSource.of(file)).format());
        ImportException e = rejected(file);
        assertEquals(1, e.line());
        assertTrue(e.getMessage().contains("this is not a perf c2c report"), e.getMessage());
    }

    @Test
    void binaryGarbageIsRefused() throws Exception {
        byte[] garbage = new byte[50_000];
        new Random(11).nextBytes(garbage);
        Path file = Files.write(dir.resolve("garbage.bin"), garbage);
        assertThrows(ImportException.class, () -> Importers.detect(ImportSource.of(file)));
        rejected(file);
    }

    @Test
    void aHundredMegabyteLineIsRefusedAtItsLine() throws Exception {
        Path file = dir.resolve("long.txt");
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write("=================================================\n            Trace Event Information\n"
                    .getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[1 << 20];
            Arrays.fill(chunk, (byte) '=');
            for (int i = 0; i < 100; i++) {
                out.write(chunk);
            }
        }
        ImportException e = rejected(file);
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("longer than"), e.getMessage());
    }

    @Test
    void statsOnlyOutputImportsWithNoLines() throws Exception {
        String text = report();
        String table = "=================================================\n           Shared Data Cache Line Table";
        Path file = write("stats.txt", text.substring(0, text.indexOf(table)));
        CollectingSink sink = new CollectingSink();
        new C2cImporter().read(ImportSource.of(file), sink, ProgressMonitor.NONE);
        assertEquals(0, sink.c2cReports().get(0).lines().size(), "perf c2c report --stats prints sections 1-3");
        assertEquals("9007", sink.c2cReports().get(0).traceEvents().get("Total records"));
    }
}
