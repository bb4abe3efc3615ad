package dev.perfdesk.importers.locust;

import static dev.perfdesk.importers.bench.BenchFiles.sample;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.perfdesk.core.progress.ProgressMonitor;
import dev.perfdesk.core.spi.CollectingSink;
import dev.perfdesk.importers.spi.ImportException;
import dev.perfdesk.importers.spi.ImportSource;
import dev.perfdesk.importers.Importers;

/** Bad Locust files fail with one line naming the file and the line, and deliver nothing. */
class LocustBadInputTest {
    static final String HEAD = "Type,Name,Request Count,Failure Count,Median Response Time,Average Response Time,"
            + "Min Response Time,Max Response Time,Average Content Size,Requests/s,Failures/s,50%,99%,100%";

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            truncated | HEAD\\nGET,/,10,0,2,3.5,1.0,9.0,6.0,5.0,0.0,2,9,9\\nGET,/a,10,0,2,3. | :3: the file ends in the middle of a line
            header only | HEAD | the file has a header but no rows
            wrong schema | Type,Name,Request Count,Failure Count,Average Response Time\\nGET,/,1,0,2 | :1: the header has no 'Median Response Time' column
            not a number | HEAD\\nGET,/,ten,0,2,3.5,1.0,9.0,6.0,5.0,0.0,2,9,9 | :2: expected a whole number >= 0 in 'Request Count', found 'ten'
            NaN average | HEAD\\nGET,/,10,0,2,nan,1.0,9.0,6.0,5.0,0.0,2,9,9 | :2: 'Average Response Time' must be a finite number >= 0, found 'nan'
            infinite max | HEAD\\nGET,/,10,0,2,3.5,1.0,inf,6.0,5.0,0.0,2,9,9 | :2: 'Max Response Time' must be a finite number >= 0, found 'inf'
            negative rate | HEAD\\nGET,/,10,0,2,3.5,1.0,9.0,6.0,-5.0,0.0,2,9,9 | :2: 'Requests/s' must be a finite number >= 0
            open quote | HEAD\\nGET,"/a,10,0,2,3.5,1.0,9.0,6.0,5.0,0.0,2,9,9\\n | :2: a quoted field is not closed
            history alone | Timestamp,User Count,Type,Name,Requests/s\\n1,0,,Aggregated,0.0 | this is Locust's stats history file; import the run's bad_stats.csv
            """)
    void rejectsWithFileAndLine(String what, String content, String message) throws Exception {
        Path file = Files.writeString(dir.resolve(what.equals("history alone") ? "bad_stats_history.csv"
                : "bad_stats.csv"), content.replace("HEAD", HEAD).replace("\\n", "\n"), StandardCharsets.UTF_8);
        CollectingSink sink = new CollectingSink();
        ImportException e = assertThrows(ImportException.class, () -> Importers.detect(ImportSource.of(file))
                .read(ImportSource.of(file), sink, ProgressMonitor.NONE), what);
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains(message), "expected '" + message + "' in: " + e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), "one line: " + e.getMessage());
        assertTrue(sink.runs().isEmpty(), "nothing delivered");
    }

    @Test
    void aBadSiblingFailsTheRunNamingTheSibling() throws Exception {
        Path stats = Files.copy(sample("locust", "fast_stats.csv"), dir.resolve("x_stats.csv"));
        Path history = Files.writeString(dir.resolve("x_stats_history.csv"), "Timestamp,User Count,Type,Name,"
                + "Requests/s,Failures/s,50%,95%,99%\n1796231474,0,,Aggregated,0.000000,0.000000,N/A,N/A,N/A\n"
                + "1796231475,10,,Aggregated,1.5,0.0,2,-3,4\n");
        CollectingSink sink = new CollectingSink();
        ImportException e = assertThrows(ImportException.class, () -> Importers.byFormat(LocustImporter.FORMAT)
                .read(ImportSource.of(stats), sink, ProgressMonitor.NONE));
        assertEquals(history + ":3: '95%' must be a finite number >= 0, found '-3'", e.getMessage());
        assertTrue(sink.runs().isEmpty());
    }

    @Test
    void refusesAHundredMegabyteSingleLine() throws Exception {
        Path file = dir.resolve("huge_stats.csv");
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write((HEAD + "\nGET,/").getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = "a".repeat(1 << 16).getBytes(StandardCharsets.US_ASCII);
            for (long n = 0; n < 100L << 20; n += chunk.length) {
                out.write(chunk);
            }
        }
        CollectingSink sink = new CollectingSink();
        ImportException e = assertThrows(ImportException.class, () -> Importers.byFormat(LocustImporter.FORMAT)
                .read(ImportSource.of(file), sink, ProgressMonitor.NONE));
        assertTrue(e.getMessage().startsWith(file + ":2: line is longer than"), e.getMessage());
        assertTrue(sink.runs().isEmpty());
    }

    @Test
    void refusesBinaryGarbageAndAnEmptyFile() throws Exception {
        Path garbage = Files.write(dir.resolve("g_stats.csv"), new byte[] {0, 1, 2, (byte) 0xFF, 10, 3});
        ImportException e = assertThrows(ImportException.class, () -> Importers.byFormat(LocustImporter.FORMAT)
                .read(ImportSource.of(garbage), new CollectingSink(), ProgressMonitor.NONE));
        assertTrue(e.getMessage().startsWith(garbage + ":1: expected Locust's stats header"), e.getMessage());
        Path empty = Files.write(dir.resolve("e_stats.csv"), new byte[0]);
        e = assertThrows(ImportException.class, () -> Importers.byFormat(LocustImporter.FORMAT)
                .read(ImportSource.of(empty), new CollectingSink(), ProgressMonitor.NONE));
        assertEquals(empty + ": the file is empty", e.getMessage());
    }

    @Test
    void detectsEveryLocustFileByItsHeaderAndNothingElseClaimsThem() throws Exception {
        for (String name : new String[] {"fast_stats.csv", "fast_stats_history.csv", "fast_failures.csv",
            "fast_exceptions.csv"}) {
            byte[] head = Files.readAllBytes(sample("locust", name));
            assertEquals(LocustImporter.FORMAT, Importers.detect(ImportSource.of(sample("locust", name))).format(),
                    name);
            assertEquals(95, new LocustImporter().detect(head), name);
        }
        assertTrue(LocustImporter.isCompanionOfStats(sample("locust", "fast_failures.csv")));
        assertTrue(!LocustImporter.isCompanionOfStats(sample("locust", "fast_stats.csv")));
    }
}
