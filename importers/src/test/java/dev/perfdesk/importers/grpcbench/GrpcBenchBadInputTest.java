package dev.perfdesk.importers.grpcbench;

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
import dev.perfdesk.importers.Importers;
import dev.perfdesk.importers.spi.ImportException;
import dev.perfdesk.importers.spi.ImportSource;

/** Bad grpc_bench tables fail with one line naming the file and the line, and deliver nothing. */
class GrpcBenchBadInputTest {
    static final String HEAD = "| name | req/s | avg. latency | 90 % in | 95 % in | 99 % in | avg. cpu | avg. memory |";

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            truncated row | `HEAD\\n---\\n| a | 10 | 0.10 ms | 0.13 ms | 0.14 ms | 0.17 ms | 14.25% |` | :3: the row has 7 cells where the header has 8; the table looks cut
            cut mid-row | `HEAD\\n| a | 10 | 0.10 ms | 0.13 ms | 0.14` | :2: the row does not end with '|'; the table looks cut
            header only | `HEAD\\n-----` | :2: the table has a header but no rows; the file looks truncated
            wrong schema | `| name | req/s | latency |\\n| a | 1 | 2 |` | :1: the table has no 'avg. latency' column
            NaN rate | `HEAD\\n| a | NaN | 0.10 ms | 0.13 ms | 0.14 ms | 0.17 ms | 14.25% | 1 MiB |` | :2: 'req/s' must be a finite number >= 0, found 'NaN'
            infinite latency | `HEAD\\n| a | 10 | Inf ms | 0.13 ms | 0.14 ms | 0.17 ms | 14.25% | 1 MiB |` | :2: 'avg. latency' must be a finite time >= 0 such as '0.10 ms', found 'Inf ms'
            negative cpu | `HEAD\\n| a | 10 | 0.10 ms | 0.13 ms | 0.14 ms | 0.17 ms | -4% | 1 MiB |` | :2: 'avg. cpu' must be a finite percentage >= 0
            bad memory | `HEAD\\n| a | 10 | 0.10 ms | 0.13 ms | 0.14 ms | 0.17 ms | 4% | lots |` | :2: 'avg. memory' must be a finite size >= 0
            text in table | `HEAD\\nhello` | :2: expected a table row '| name | req/s | ...' or a rule of dashes, found 'hello'
            no table | `just some text\\n` | :1: no table header '| name | req/s | avg. latency | ...'
            """)
    void rejectsWithFileAndLine(String what, String content, String message) throws Exception {
        Path file = Files.writeString(dir.resolve(what.replace(' ', '-') + ".txt"),
                content.replace("HEAD", HEAD).replace("\\n", "\n"), StandardCharsets.UTF_8);
        CollectingSink sink = new CollectingSink();
        ImportException e = assertThrows(ImportException.class, () -> Importers.byFormat(GrpcBenchImporter.FORMAT)
                .read(ImportSource.of(file), sink, ProgressMonitor.NONE), what);
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains(message), "expected '" + message + "' in: " + e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), "one line: " + e.getMessage());
        assertTrue(sink.runs().isEmpty(), "nothing delivered");
    }

    @Test
    void refusesEmptyGarbageAndAHundredMegabyteLine() throws Exception {
        Path empty = Files.write(dir.resolve("empty.txt"), new byte[0]);
        ImportException e = assertThrows(ImportException.class, () -> Importers.byFormat(GrpcBenchImporter.FORMAT)
                .read(ImportSource.of(empty), new CollectingSink(), ProgressMonitor.NONE));
        assertEquals(empty + ": the file is empty", e.getMessage());
        Path garbage = Files.write(dir.resolve("garbage.txt"), new byte[] {0, 1, 2, (byte) 0xFF, 10, 3});
        e = assertThrows(ImportException.class, () -> Importers.byFormat(GrpcBenchImporter.FORMAT)
                .read(ImportSource.of(garbage), new CollectingSink(), ProgressMonitor.NONE));
        assertTrue(e.getMessage().startsWith(garbage + ":1: binary data"), e.getMessage());
        Path huge = dir.resolve("huge.txt");
        try (OutputStream out = Files.newOutputStream(huge)) {
            out.write((HEAD + "\n| ").getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = "a".repeat(1 << 16).getBytes(StandardCharsets.US_ASCII);
            for (long n = 0; n < 100L << 20; n += chunk.length) {
                out.write(chunk);
            }
        }
        CollectingSink sink = new CollectingSink();
        e = assertThrows(ImportException.class, () -> Importers.byFormat(GrpcBenchImporter.FORMAT)
                .read(ImportSource.of(huge), sink, ProgressMonitor.NONE));
        assertTrue(e.getMessage().startsWith(huge + ":2: line is longer than"), e.getMessage());
        assertTrue(sink.runs().isEmpty());
    }
}
