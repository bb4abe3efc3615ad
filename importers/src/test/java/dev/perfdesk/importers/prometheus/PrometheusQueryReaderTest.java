package dev.perfdesk.importers.prometheus;

import static dev.perfdesk.importers.bench.BenchFiles.sample;
import static dev.perfdesk.importers.bench.BenchFiles.testdata;
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

import dev.perfdesk.core.bench.TimeSeries;
import dev.perfdesk.importers.spi.ImportException;

/**
 * Prometheus 2.42.0 responses recorded here (matrix, vector, scalar, a {@code "NaN"}, error bodies) read as the
 * server wrote them, and bad responses refused with one line naming the file and the line.
 */
class PrometheusQueryReaderTest {
    @TempDir
    Path dir;

    @Test
    void readsAMatrixWithItsLabelsTimesAndUnit() throws Exception {
        List<TimeSeries> s = PrometheusQueryReader.read(
                testdata("prometheus/query_range.process_resident_memory_bytes.json"));
        assertEquals(1, s.size());
        TimeSeries rss = s.get(0);
        assertEquals("process_resident_memory_bytes", rss.name());
        assertEquals("127.0.0.1:19090", rss.labels().get("instance"));
        assertEquals("B", rss.unit());
        assertEquals(16, rss.size());
        assertEquals(1796193951L * 1_000_000_000L, rss.timeNanos(0));
        assertEquals(43225088, rss.value(0));
        assertEquals(48263168, rss.asBenchmark().figures().percentile(100));
    }

    @Test
    void keepsNaNAsPrometheusWritesIt() throws Exception {
        TimeSeries p90 = PrometheusQueryReader.read(testdata("prometheus/query_range.histogram_quantile_p90.json"))
                .get(0);
        assertEquals("", p90.name(), "histogram_quantile drops __name__");
        assertTrue(Double.isNaN(p90.value(0)));
        assertEquals(0.09000000000000001, p90.value(1));
        assertEquals(1, p90.nonFiniteCount());
        assertEquals(7, p90.asBenchmark().figures().n(), "NaN is left out of the figures");
    }

    @Test
    void readsSeveralSeriesAVectorAndAScalar() throws Exception {
        List<TimeSeries> byHandler = PrometheusQueryReader.read(
                testdata("prometheus/query_range.rate_http_requests_by_handler.json"));
        assertEquals(2, byHandler.size());
        assertEquals("{handler=\"/metrics\"}", byHandler.get(1).displayName());
        TimeSeries build = PrometheusQueryReader.read(testdata("prometheus/query.instant.vector.json")).get(0);
        assertEquals(1, build.size());
        assertEquals("2.42.0+ds", build.labels().get("version"));
        TimeSeries scalar = PrometheusQueryReader.read(testdata("prometheus/query.instant.scalar.json")).get(0);
        assertEquals(1796194028_336_000_000L, scalar.timeNanos(0), "fractional seconds kept exactly");
        assertEquals(1, scalar.value(0));
    }

    @Test
    void readsTheRecordingOfTheLocustRuns() throws Exception {
        TimeSeries cpu = PrometheusQueryReader.read(sample("locust", "prometheus/slow.cpu.prom.json")).get(0);
        assertEquals("instance:process_cpu_percent:rate5s", cpu.name());
        assertEquals("%", cpu.unit());
        assertEquals("server", cpu.labels().get("job"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            query_range.error.bad_query.json | Prometheus answered with an error (bad_data): 1:9: parse error: missing unit character in duration
            query_range.error.too_many_points.json | Prometheus answered with an error (bad_data): exceeded maximum resolution of 11,000 points per timeseries
            """)
    void refusesErrorBodiesWithPrometheusOwnError(String name, String message) {
        Path file = testdata("prometheus/" + name);
        ImportException e = assertThrows(ImportException.class, () -> PrometheusQueryReader.read(file));
        assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(message), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            truncated | {"status":"success","data":{"resultType":"matrix",\\n"result":[{"metric":{},"values":[[1,"1"], | :2: the JSON ends early
            empty | `` | the file is empty
            wrong schema | {"status":"success","data":{"resultType":"matrix",\\n"result":{"a":1}}} | expected an array 'result'
            not prometheus | {"results": []} | expected a Prometheus API response with 'status' and 'data'
            no series | {"status":"success","data":{"resultType":"matrix","result":[]}} | the result is empty
            value not a string | {"status":"success","data":{"resultType":"matrix","result":[{"metric":{},\\n"values":[[1,1.5]]}]}} | :2: expected the value as a string
            bad value | {"status":"success","data":{"resultType":"matrix","result":[{"metric":{},\\n"values":[[1,"fast"]]}]}} | :2: expected a number, NaN, +Inf or -Inf, found "fast"
            times descend | {"status":"success","data":{"resultType":"matrix","result":[{"metric":{},"values":\\n[[2,"1"],\\n[1,"1"]]}]}} | :3: the times must ascend
            string result | {"status":"success","data":{"resultType":"string","result":[1,"x"]}} | a string result has no values
            """)
    void refusesBadResponsesWithFileAndLine(String what, String content, String message) throws Exception {
        Path file = Files.writeString(dir.resolve("bad.json"), content.replace("\\n", "\n"), StandardCharsets.UTF_8);
        ImportException e = assertThrows(ImportException.class, () -> PrometheusQueryReader.read(file), what);
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains(message), "expected '" + message + "' in: " + e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }

    @Test
    void readsInfinitiesAsPrometheusSpellsThem() throws Exception {
        Path file = Files.writeString(dir.resolve("inf.json"), "{\"status\":\"success\",\"data\":{\"resultType\":"
                + "\"matrix\",\"result\":[{\"metric\":{\"__name__\":\"x\"},\"values\":[[1,\"+Inf\"],[2,\"-Inf\"],"
                + "[3,\"NaN\"],[4,\"2.5e+06\"]]}]}}");
        TimeSeries x = PrometheusQueryReader.read(file).get(0);
        assertEquals(Double.POSITIVE_INFINITY, x.value(0));
        assertEquals(Double.NEGATIVE_INFINITY, x.value(1));
        assertTrue(Double.isNaN(x.value(2)));
        assertEquals(2.5e6, x.value(3));
        assertEquals(2.5e6, x.asBenchmark().figures().mean(), "only finite values count");
    }

    @Test
    void refusesAHundredMegabyteLineWithoutReadingIt() throws Exception {
        Path file = dir.resolve("huge.json");
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write("{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[{\"values\":[".getBytes(
                    StandardCharsets.US_ASCII));
            byte[] chunk = "[1,\"1\"],".repeat(1 << 14).getBytes(StandardCharsets.US_ASCII);
            for (long n = 0; n < 100L << 20; n += chunk.length) {
                out.write(chunk);
            }
        }
        ImportException e = assertThrows(ImportException.class, () -> PrometheusQueryReader.read(file));
        assertTrue(e.getMessage().startsWith(file + ": the file is 100 MB; a Prometheus response over 32 MB"),
                e.getMessage());
    }
}
