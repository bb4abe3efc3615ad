package dev.perfdesk.importers.ghz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.perfdesk.core.progress.ProgressMonitor;
import dev.perfdesk.core.spi.CollectingSink;
import dev.perfdesk.importers.Importers;
import dev.perfdesk.importers.spi.ImportException;
import dev.perfdesk.importers.spi.ImportSource;

/** Bad ghz reports and summaries fail with one line naming the file and the line, and deliver nothing. */
class GhzBadInputTest {
    static final String JSON = "{\"name\": \"x\", \"count\": 2, \"total\": 10, \"average\": 5,\n\"fastest\": 4, "
            + "\"slowest\": 6, \"rps\": 200, \"latencyDistribution\": [{\"percentage\": 50, \"latency\": 5}]}";
    static final String SUMMARY = "Summary:\\n  Count:\\t2\\n  Total:\\t10 ns\\n  Slowest:\\t6 ns\\n  Fastest:\\t4 ns"
            + "\\n  Average:\\t5 ns\\n  Requests/sec:\\t200.00\\n\\nLatency distribution:\\n  50 % in 5 ns\\n";

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            ghz-json | truncated | {"count": 2, "total": 10, "average": 5,\\n"fastest": 4, "slowest": 6, "latencyDistribution": [{"percentage" | :2: the JSON ends early
            ghz-json | wrong schema | {"count": 2, "total": 10, "average": 5, "fastest": 4, "slowest": 6,\\n"latencyDistribution": {"50": 5}} | :2: expected an array 'latencyDistribution' of {percentage, latency}
            ghz-json | wrong root | [{"count": 2}] | :1: expected a ghz JSON report (-O json), an object with 'count'
            ghz-json | missing slowest | {"count": 2, "total": 10, "average": 5, "fastest": 4, "latencyDistribution": []} | :1: expected a ghz JSON report (-O json) with 'slowest'; it has none
            ghz-json | NaN average | {"count": 2, "total": 10,\\n"average": NaN, "fastest": 4, "slowest": 6, "latencyDistribution": []} | :2: 'average' must be a finite number >= 0, found NaN
            ghz-json | infinite latency | {"count": 2, "total": 10, "average": 5, "fastest": 4, "slowest": 6, "latencyDistribution": [\\n{"percentage": 50, "latency": "+INF"}]} | :2: 'latency' must be a finite number >= 0
            ghz-json | negative detail | {"count": 1, "total": 10, "average": 5, "fastest": 4, "slowest": 6, "statusCodeDistribution": {"OK": 1},\\n"details": [{"timestamp": "2018-12-30T16:50:13.87394-04:00",\\n"latency": -5}]} | :3: 'latency' must be a finite number >= 0, found -5
            ghz-json | bad timestamp | {"count": 1, "total": 10, "average": 5, "fastest": 4, "slowest": 6, "statusCodeDistribution": {"OK": 1},\\n"details": [{"timestamp": "yesterday", "latency": 5}]} | :2: expected an RFC 3339 time, found 'yesterday'
            ghz-json | percent over 100 | {"count": 2, "total": 10, "average": 5, "fastest": 4, "slowest": 6, "latencyDistribution": [\\n{"percentage": 150, "latency": 5}]} | :2: a percentage must be at most 100
            ghz-summary | truncated | Summary:\\n  Count:\\t200\\n  Total:\\t181.57 ms\\n | :3: the summary ends without its 'Slowest:' line; the file looks truncated
            ghz-summary | no distribution | Summary:\\n  Count:\\t2\\n  Total:\\t10 ns\\n  Slowest:\\t6 ns\\n  Fastest:\\t4 ns\\n  Average:\\t5 ns\\n | :6: the summary has no 'Latency distribution:'
            ghz-summary | wrong schema | Summary:\\n  Count:\\t2\\n  Total:\\t10 ns\\n  Slowest 6 ns\\n | :4: expected a summary line such as 'Count: 200', found 'Slowest 6 ns'
            ghz-summary | NaN average | Summary:\\n  Count:\\t2\\n  Total:\\t10 ns\\n  Slowest:\\t6 ns\\n  Fastest:\\t4 ns\\n  Average:\\tNaN ms\\n | :6: expected a time such as '0.96 ms' (a finite number >= 0 and ns, ms or s), found 'NaN ms'
            ghz-summary | infinite rate | Summary:\\n  Count:\\t2\\n  Requests/sec:\\t+Inf\\n | :3: 'Requests/sec' must be a finite number >= 0, found '+Inf'
            ghz-summary | bad percentile | SUMMARY  150 % in 6 ns\\n | :11: a percentage must be at most 100
            ghz-summary | bad status | SUMMARY\\nStatus code distribution:\\n  [OK] many responses\\n | :13: expected a status line such as '[OK]   186 responses'
            """)
    void rejectsWithFileAndLine(String format, String what, String content, String message) throws Exception {
        Path file = Files.writeString(dir.resolve(what.replace(' ', '-') + (format.equals("ghz-json") ? ".json"
                : ".txt")), content.replace("SUMMARY", SUMMARY).replace("\\n", "\n").replace("\\t", "\t"),
                StandardCharsets.UTF_8);
        CollectingSink sink = new CollectingSink();
        ImportException e = assertThrows(ImportException.class, () -> Importers.byFormat(format)
                .read(ImportSource.of(file), sink, ProgressMonitor.NONE), what);
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains(message), "expected '" + message + "' in: " + e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), "one line: " + e.getMessage());
        assertTrue(sink.runs().isEmpty(), "nothing delivered");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ghz-json", "ghz-summary"})
    void goodInputOfTheBadTestsIsRead(String format) throws Exception {
        Path file = Files.writeString(dir.resolve("good"), format.equals("ghz-json") ? JSON
                : SUMMARY.replace("\\n", "\n").replace("\\t", "\t"));
        assertEquals(format, Importers.detect(ImportSource.of(file)).format());
        CollectingSink sink = new CollectingSink();
        Importers.byFormat(format).read(ImportSource.of(file), sink, ProgressMonitor.NONE);
        assertEquals(5, sink.runs().get(0).benchmarks().get(0).figures().percentile(50));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ghz-json", "ghz-summary"})
    void refusesEmptyAndBinaryGarbage(String format) throws Exception {
        Path empty = Files.write(dir.resolve("empty"), new byte[0]);
        ImportException e = assertThrows(ImportException.class, () -> Importers.byFormat(format)
                .read(ImportSource.of(empty), new CollectingSink(), ProgressMonitor.NONE));
        assertTrue(e.getMessage().startsWith(empty.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("empty") || e.getMessage().contains("no JSON value"), e.getMessage());
        Path garbage = Files.write(dir.resolve("garbage"), new byte[] {0, 1, 2, (byte) 0xFF, 10, 3, 0});
        e = assertThrows(ImportException.class, () -> Importers.byFormat(format)
                .read(ImportSource.of(garbage), new CollectingSink(), ProgressMonitor.NONE));
        assertTrue(e.getMessage().startsWith(garbage + ":1"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ghz-json", "ghz-summary"})
    void refusesAHundredMegabyteSingleLine(String format) throws Exception {
        Path file = dir.resolve("huge-" + format);
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write((format.equals("ghz-json") ? "{\"count\": 1, \"name\": \"" : "Summary:\n  Name:\t")
                    .getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = "a".repeat(1 << 16).getBytes(StandardCharsets.US_ASCII);
            for (long n = 0; n < 100L << 20; n += chunk.length) {
                out.write(chunk);
            }
        }
        CollectingSink sink = new CollectingSink();
        ImportException e = assertThrows(ImportException.class, () -> Importers.byFormat(format)
                .read(ImportSource.of(file), sink, ProgressMonitor.NONE));
        assertTrue(e.getMessage().startsWith(file + (format.equals("ghz-json") ? ":1: " : ":2: ")), e.getMessage());
        assertTrue(e.getMessage().contains("longer than"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
        assertTrue(sink.runs().isEmpty());
    }
}
