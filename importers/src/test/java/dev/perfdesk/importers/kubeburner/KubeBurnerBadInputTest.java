package dev.perfdesk.importers.kubeburner;

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

import dev.perfdesk.core.bench.BenchmarkStatus;
import dev.perfdesk.core.progress.ProgressMonitor;
import dev.perfdesk.core.spi.CollectingSink;
import dev.perfdesk.importers.Importers;
import dev.perfdesk.importers.spi.ImportException;
import dev.perfdesk.importers.spi.ImportSource;

/** Bad kube-burner documents fail with one line naming the file and the line, and deliver nothing. */
class KubeBurnerBadInputTest {
    static final String Q = "{\"quantileName\": \"Ready\", \"uuid\": \"u\", \"metricName\": "
            + "\"podLatencyQuantilesMeasurement\", \"jobName\": \"j\",";

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            truncated | [@Q@\\n"P99": 3774, "P95": 3510, | :2: the JSON ends early
            wrong schema | {"metricName": "podLatencyQuantilesMeasurement"} | :1: expected a kube-burner measurement file (a JSON array of documents with 'metricName'), found an object
            empty array | [] | :1: the array is empty: kube-burner indexed no documents
            no metric name | [{"uuid": "u",\\n"P99": 3}] | expected a string 'metricName', found nothing
            NaN quantile | [@Q@\\n"P99": NaN, "P50": 3}] | :2: 'P99' must be a finite number, found NaN
            infinite avg | [@Q@ "P50": 3,\\n"avg": "Infinity"}] | :2: 'avg' must be a finite number
            no quantiles | [@Q@ "max2": 3}] | :1: the quantiles document of 'Ready' has none of P50, P95, P99, max, avg
            string quantile | [@Q@\\n"P50": "fast"}] | :2: expected a number 'P50', found a string "fast"
            bad timestamp | [@Q@ "P50": 3,\\n"timestamp": "noon"}] | :2: expected an RFC 3339 time, found 'noon'
            prometheus metric | [{"timestamp": "2023-11-19T00:42:26Z", "labels": {}, "value": 3, "uuid": "u",\\n"query": "up", "metricName": "prometheusRSS"}] | :2: 'prometheusRSS' is a Prometheus-profile metric, which this importer does not read
            negative elapsed | [{"metricName": "jobSummary", "uuid": "u", "jobConfig": {"name": "j"},\\n"elapsedTime": -4}] | :2: 'elapsedTime' must be a finite number >= 0, found -4
            """)
    void rejectsWithFileAndLine(String what, String content, String message) throws Exception {
        Path file = Files.writeString(dir.resolve(what.replace(' ', '-') + ".json"),
                content.replace("@Q@", Q).replace("\\n", "\n"), StandardCharsets.UTF_8);
        CollectingSink sink = new CollectingSink();
        ImportException e = assertThrows(ImportException.class, () -> Importers.byFormat(KubeBurnerImporter.FORMAT)
                .read(ImportSource.of(file), sink, ProgressMonitor.NONE), what);
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains(message), "expected '" + message + "' in: " + e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), "one line: " + e.getMessage());
        assertTrue(sink.runs().isEmpty(), "nothing delivered");
    }

    @Test
    void aNegativeLatencyMarksTheConditionFailedWithoutRefusingTheFile() throws Exception {
        Path file = Files.writeString(dir.resolve("negative.json"), "[" + Q + " \"P50\": -3, \"P99\": 12}]");
        assertEquals(KubeBurnerImporter.FORMAT, Importers.detect(ImportSource.of(file)).format());
        CollectingSink sink = new CollectingSink();
        Importers.byFormat(KubeBurnerImporter.FORMAT).read(ImportSource.of(file), sink, ProgressMonitor.NONE);
        assertEquals(BenchmarkStatus.FAILED, sink.runs().get(0).benchmarks().get(0).status());
        assertTrue(sink.runs().get(0).benchmarks().get(0).statusMessage().contains("missed an event"));
    }

    @Test
    void refusesEmptyGarbageAndAHundredMegabyteLine() throws Exception {
        Path empty = Files.write(dir.resolve("empty.json"), new byte[0]);
        ImportException e = assertThrows(ImportException.class, () -> Importers.byFormat(KubeBurnerImporter.FORMAT)
                .read(ImportSource.of(empty), new CollectingSink(), ProgressMonitor.NONE));
        assertTrue(e.getMessage().startsWith(empty + ": "), e.getMessage());
        Path garbage = Files.write(dir.resolve("garbage.json"), new byte[] {0, 1, 2, (byte) 0xFF, 10, 3});
        e = assertThrows(ImportException.class, () -> Importers.byFormat(KubeBurnerImporter.FORMAT)
                .read(ImportSource.of(garbage), new CollectingSink(), ProgressMonitor.NONE));
        assertTrue(e.getMessage().startsWith(garbage + ":1: "), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
        Path huge = dir.resolve("huge.json");
        try (OutputStream out = Files.newOutputStream(huge)) {
            out.write(("[" + Q + " \"P50\": 3, \"metadata\": \"").getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = "x".repeat(1 << 16).getBytes(StandardCharsets.US_ASCII);
            for (long n = 0; n < 100L << 20; n += chunk.length) {
                out.write(chunk);
            }
        }
        CollectingSink sink = new CollectingSink();
        e = assertThrows(ImportException.class, () -> Importers.byFormat(KubeBurnerImporter.FORMAT)
                .read(ImportSource.of(huge), sink, ProgressMonitor.NONE));
        assertTrue(e.getMessage().startsWith(huge + ":1: "), e.getMessage());
        assertTrue(e.getMessage().contains("longer than"), e.getMessage());
        assertTrue(sink.runs().isEmpty());
    }
}
