package dev.perfdesk.importers.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.perfdesk.core.progress.ProgressMonitor;
import dev.perfdesk.core.spi.CollectingSink;
import dev.perfdesk.importers.spi.ImportException;
import dev.perfdesk.importers.spi.ImportSource;
import dev.perfdesk.importers.Importers;

/**
 * Bad Go benchmark output and bad Criterion.rs folders (truncated, wrong schema, empty, non-finite numbers, a
 * 100 MB single line) fail with one sentence naming the file and the line, and deliver nothing.
 */
class GoAndCriterionBadInputTest {
    private static final String SAMPLE = "{\"sampling_mode\":\"Linear\",\"iters\":[1.0,2.0],\"times\":[10.0,21.0]}";
    private static final String ESTIMATE = "{\"confidence_interval\":{\"confidence_level\":0.95,\"lower_bound\":9.0,"
            + "\"upper_bound\":11.0},\"point_estimate\":10.25,\"standard_error\":0.2}";
    private static final String ESTIMATES = "{\"mean\":" + ESTIMATE + ",\"median\":" + ESTIMATE + "}";

    @TempDir
    Path dir;

    private static void assertOneLine(ImportException e, Path file, String message) {
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains(message), "expected '" + message + "' in: " + e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), "one line: " + e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            truncated line | goos: linux⏎BenchmarkA-2   100   12.5 ns/op   8 | :2: the result of BenchmarkA-2 ends with the value '8' without its unit
            no values | goos: linux⏎BenchmarkA-2   100 | :2: the result of BenchmarkA-2 has an iteration count but no 'value unit' pairs
            not a number | BenchmarkA-2   100   fast ns/op | :1: expected a number before the unit 'ns/op', found 'fast'
            NaN | BenchmarkA-2   100   NaN ns/op | :1: the ns/op value of BenchmarkA-2 is 'NaN'; a measurement must be a finite number
            Inf custom metric | BenchmarkA-2   100   5 ns/op  +Inf widgets/op | :1: the widgets/op value of BenchmarkA-2 is '+Inf'
            negative time | BenchmarkA-2   100   -5 ns/op | :1: the ns/op value of BenchmarkA-2 cannot be negative
            no results | goos: linux⏎goarch: amd64⏎PASS⏎ | found no benchmark result lines
            json truncated | {"Action":"output","Package":"p","Output":"BenchmarkA-2 \\t 10\\t 5 ns/op\\n"}⏎{"Action":"output","Pack | :2: the file ends in the middle of a go test -json event
            json wrong schema | {"Action":"output","Package":"p","Output":"goos: linux\\n"}⏎[1, 2] | :2: expected a go test -json event object
            """)
    void goBenchRejectsWithFileAndLine(String what, String content, String message) throws Exception {
        Path file = Files.writeString(dir.resolve("bad.txt"), content.replace("⏎", "\n"),
                StandardCharsets.UTF_8);
        CollectingSink sink = new CollectingSink();
        ImportException e = assertThrows(ImportException.class, () -> Importers.byFormat("go-bench")
                .read(ImportSource.of(file), sink, ProgressMonitor.NONE), what);
        assertOneLine(e, file, message);
        assertTrue(sink.runs().isEmpty());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"go-bench", "criterion"})
    void aHundredMegabyteSingleLineIsRefusedByItsLine(String format) throws Exception {
        Path file = dir.resolve(format.equals("criterion") ? "c/x/new/sample.json" : "one-line.txt");
        Files.createDirectories(file.getParent());
        byte[] chunk = new byte[1 << 20];
        Arrays.fill(chunk, (byte) '1');
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(format.equals("criterion") ? "{\"iters\":[".getBytes(StandardCharsets.UTF_8)
                    : "BenchmarkA-2 1 ".getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < 100; i++) {
                out.write(chunk);
            }
        }
        CollectingSink sink = new CollectingSink();
        if (format.equals("criterion")) {
            Files.writeString(file.resolveSibling("estimates.json"), ESTIMATES);
            Path root = dir.resolve("c");
            ImportException e = assertThrows(ImportException.class, () -> Importers.byFormat(format)
                    .read(ImportSource.ofFolder(root), sink, ProgressMonitor.NONE));
            assertOneLine(e, file, "sample.json:1: the line is longer than 16 MB");
        } else {
            ImportException e = assertThrows(ImportException.class, () -> Importers.byFormat(format)
                    .read(ImportSource.of(file), sink, ProgressMonitor.NONE));
            assertOneLine(e, file, "one-line.txt:1: line is longer than 1048576 bytes");
        }
        assertTrue(sink.runs().isEmpty());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            truncated sample | sample.json | {"sampling_mode":"Linear","iters":[1.0,2.0],"ti | sample.json:1: the JSON ends early
            wrong schema | sample.json | {"samples":[1,2]} | sample.json:1: expected an array 'iters' of iteration counts, found nothing
            old layout wrong | sample.json | [[1.0, 2.0]] | sample.json:1: expected Criterion 0.2's sample.json
            empty sample | sample.json | {"iters":[],"times":[]} | sample.json:1: the sample is empty
            unpaired | sample.json | {"iters":[1.0,2.0],\\n"times":[3.0]} | sample.json:2: 'times' has 1 values but 'iters' has 2
            NaN time | sample.json | {"iters":[1.0,2.0],\\n"times":[3.0,NaN]} | sample.json:2: a measured time must be a finite number, found NaN
            zero iterations | sample.json | {"iters":[0.0],"times":[3.0]} | sample.json:1: an iteration count must be above 0
            negative time | sample.json | {"iters":[1.0],"times":[-3.0]} | sample.json:1: a measured time cannot be negative
            empty file | sample.json | `` | sample.json: the file is empty
            truncated estimates | estimates.json | {"mean":{"point_estimate":1 | estimates.json:1: the JSON ends early
            wrong estimates | estimates.json | {"average": 3} | estimates.json:1: expected Criterion's estimates ('mean', 'median', ...), found the keys average
            infinite estimate | estimates.json | {"mean":{"point_estimate":Infinity}} | estimates.json:1: a point estimate must be a finite number
            bad benchmark.json | benchmark.json | {"group_id":"g"} | benchmark.json:1: expected a string 'full_id', found nothing
            """)
    void criterionRejectsWithFileAndLine(String what, String name, String content, String message) throws Exception {
        Path bench = Files.createDirectories(dir.resolve("criterion").resolve("g").resolve("new"));
        Files.writeString(bench.resolve("sample.json"), SAMPLE);
        Files.writeString(bench.resolve("estimates.json"), ESTIMATES);
        Path bad = bench.resolve(name);
        Files.writeString(bad, content == null ? "" : content.replace("\\n", "\n"), StandardCharsets.UTF_8);
        Path root = dir.resolve("criterion");
        assertEquals("criterion", Importers.detect(ImportSource.ofFolder(root)).format());
        CollectingSink sink = new CollectingSink();
        ImportException e = assertThrows(ImportException.class, () -> Importers.byFormat("criterion")
                .read(ImportSource.ofFolder(root), sink, ProgressMonitor.NONE), what);
        assertOneLine(e, bad, message);
        assertTrue(sink.runs().isEmpty());
    }
}
