package dev.perfdesk.importers.gatling;

import static dev.perfdesk.importers.bench.BenchFiles.sample;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.perfdesk.core.progress.ProgressMonitor;
import dev.perfdesk.core.spi.CollectingSink;
import dev.perfdesk.importers.Importers;
import dev.perfdesk.importers.locust.LocustJsonImporter;
import dev.perfdesk.importers.spi.ImportException;
import dev.perfdesk.importers.spi.ImportSource;
import dev.perfdesk.importers.spi.Importer;

/**
 * Bad Gatling logs (text and binary), report statistics and Locust JSON fail with one line naming the file and the
 * line or byte offset, and deliver nothing.
 */
class GatlingBadInputTest {
    static final String RUN = "RUN\tp.Sim\tsim\t1796194092123\t \t3.12.0\n";
    static final String REQ = "REQUEST\t\thome\t1796194092813\t1796194092863\tOK\t \n";

    @TempDir
    Path dir;

    private ImportException fails(Path file, Importer importer) {
        CollectingSink sink = new CollectingSink();
        ImportException e = assertThrows(ImportException.class, () -> (importer == null
                ? Importers.detect(ImportSource.of(file)) : importer).read(ImportSource.of(file), sink,
                ProgressMonitor.NONE));
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), "one line: " + e.getMessage());
        assertTrue(sink.runs().isEmpty(), "nothing delivered");
        return e;
    }

    private static void contains(ImportException e, String part) {
        assertTrue(e.getMessage().contains(part), "expected '" + part + "' in: " + e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            truncated | @RUN@REQREQUEST\\t\\thome\\t17961940928 | :3: the file ends in the middle of a record
            wrong schema | @RUNREQUEST\\thome\\t1796194092813\\tOK\\n | :2: expected 7 tab-separated fields
            unknown record | @RUN@REQSTATS\\tx\\n | :3: expected a Gatling record
            non-finite time | @RUNREQUEST\\t\\thome\\tNaN\\t1796194092863\\tOK\\t \\n | :2: expected the request's start in epoch milliseconds, found 'NaN'
            infinite time | @RUNREQUEST\\t\\thome\\t1\\tInfinity\\tOK\\t \\n | :2: expected the request's end in epoch milliseconds, found 'Infinity'
            bad status | @RUNREQUEST\\t\\thome\\t1\\t2\\tMAYBE\\t \\n | :2: expected the status OK or KO
            end before start | @RUNREQUEST\\t\\thome\\t5\\t2\\tOK\\t \\n | :2: the end (2) is before the start (5)
            old version | RUN\\tp.Sim\\tsim\\t1\\t \\t2.0\\n@REQ | :1: a text log of Gatling '2.0'
            no requests | @RUNUSER\\tBrowse\\tSTART\\t1796194092728\\n | the log has no REQUEST records
            before run | ASSERTION\\tAA==\\n@REQ | :2: a record before the RUN record
            """)
    void badTextLogs(String what, String content, String message) throws Exception {
        Path file = Files.writeString(dir.resolve("simulation.log"), content.replace("\\n", "\n")
                .replace("\\t", "\t").replace("@RUN", RUN).replace("@REQ", REQ),
                StandardCharsets.UTF_8);
        contains(fails(file, null), message);
    }

    @Test
    void truncatedBinaryLogNamesTheRecordsByteOffset() throws Exception {
        byte[] log = Files.readAllBytes(sample("gatling", "gatling-3.13.5.simulation.log"));
        Path file = Files.write(dir.resolve("cut.log"), Arrays.copyOf(log, 5000));
        ImportException e = fails(file, null);
        assertTrue(e.byteOffset() > 4900 && e.byteOffset() < 5000, e.getMessage());
        contains(e, ": at byte " + e.byteOffset() + ": the file ends in the middle of a record");
    }

    @Test
    void unknownBinaryVersionIsRefusedAtTheVersionsOffset() throws Exception {
        byte[] log = Files.readAllBytes(sample("gatling", "gatling-3.13.5.simulation.log"));
        byte[] v = "3.99.0".getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(v, 0, log, 5, v.length);
        Path file = Files.write(dir.resolve("future.log"), log);
        ImportException e = fails(file, null);
        assertEquals(file + ": at byte 1: a binary log of Gatling '3.99.0'; Perfdesk reads the binary logs of "
                + "Gatling 3.13 to 3.15 (the layout is internal to Gatling and changes between versions)",
                e.getMessage());
    }

    @Test
    void badBinaryRecordsNameTheirOffset() throws Exception {
        byte[] log = Files.readAllBytes(sample("gatling", "gatling-3.13.4.simulation.log"));
        byte[] unknown = Arrays.copyOf(log, log.length + 1);
        unknown[log.length] = 9;
        contains(fails(Files.write(dir.resolve("unknown.log"), unknown), null), ": at byte " + log.length
                + ": unknown record type 9");
        byte[] huge = Arrays.copyOf(log, log.length + 5);
        huge[log.length] = 4;
        huge[log.length + 1] = 0x7F;
        huge[log.length + 2] = (byte) 0xFF;
        contains(fails(Files.write(dir.resolve("huge.log"), huge), null), "a string id of");
        byte[] garbage = {0, (byte) 0xFF, (byte) 0xFF, 1, 2, 3};
        contains(fails(Files.write(dir.resolve("garbage.log"), garbage), new GatlingLogImporter()),
                ": at byte 1: a string length of");
    }

    @Test
    void emptyAndOversizedInput() throws Exception {
        Path empty = Files.write(dir.resolve("empty.log"), new byte[0]);
        assertEquals(empty + ": the file is empty", fails(empty, new GatlingLogImporter()).getMessage());
        assertEquals(empty + ": the file is empty", fails(empty, new GatlingStatsImporter()).getMessage());
        assertEquals(empty + ": the file is empty", fails(empty, new LocustJsonImporter()).getMessage().replace(
                "the file holds no JSON value; expected Locust's JSON statistics (--json)", "the file is empty"));
        Path line = dir.resolve("huge.log");
        writeHundredMegabytes(line, RUN + "REQUEST\t\t");
        contains(fails(line, null), ":2: line is longer than");
        Path stats = dir.resolve("huge.js");
        writeHundredMegabytes(stats, "var stats = {type: \"GROUP\", name: \"");
        contains(fails(stats, null), "Gatling report statistics over 64 MB are not read");
        Path json = dir.resolve("huge.json");
        writeHundredMegabytes(json, "[{\"name\": \"/\", \"num_requests\": 1, \"response_times\": {}, "
                + "\"num_reqs_per_sec\": {}, \"method\": \"");
        fails(json, null);
    }

    private static void writeHundredMegabytes(Path file, String start) throws Exception {
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(start.getBytes(StandardCharsets.UTF_8));
            byte[] chunk = "a".repeat(1 << 16).getBytes(StandardCharsets.US_ASCII);
            for (long n = 0; n < 100L << 20; n += chunk.length) {
                out.write(chunk);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            truncated | {"type": "GROUP", "name": "All Requests", "stats": {"numberOfRequests": {"total": 3 | :1: 
            wrong schema | {"type": "GROUP", "name": "x", "path": "", "pathFormatted": "g", "numberOfRequests": {"ok": 1}, "percentiles1": {}} | :1: expected 'total' in 'numberOfRequests' (at /numberOfRequests)
            non-finite | var stats = {type: "GROUP", name: "All Requests", path: "", pathFormatted: "g", stats: {"numberOfRequests": {"total": "3", "ok": "3", "ko": "0"}, "minResponseTime": {"total": "NaN", "ok": "1", "ko": "-"}}} | :1: expected a finite number >= 0, found a string "NaN" (at /stats/minResponseTime/total)
            negative | {"type": "GROUP", "name": "All Requests", "path": "", "pathFormatted": "g", "stats": {"numberOfRequests": {"total": -3, "ok": 3, "ko": 0}}} | expected a finite number >= 0
            wrong type | {"type": "BUCKET", "name": "All Requests", "path": "", "pathFormatted": "g", "stats": {"numberOfRequests": {"total": 3, "ok": 3, "ko": 0}}} | :1: expected the type GROUP or REQUEST, found 'BUCKET'
            """)
    void badReportStatistics(String what, String content, String message) throws Exception {
        Path file = Files.writeString(dir.resolve("stats.json"), content, StandardCharsets.UTF_8);
        contains(fails(file, new GatlingStatsImporter()), message);
    }

    @Test
    void aGatling315StatsJsHoldsNoStatistics() throws Exception {
        Path file = sample("gatling", "reports/gatling-3.15.1/stats.js");
        contains(fails(file, new GatlingStatsImporter()), ":1: a Gatling 3.15 or later stats.js, which holds no "
                + "statistics");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            truncated | [{"name": "/", "method": "GET", "num_requests": 3, \\n"response_t | :2:
            wrong schema | [{"name": "/", "method": "GET", "requests": 3}] | expected a number 'num_requests'
            empty list | [] | the list of entries is empty
            NaN | [{"name": "/", "method": "GET", "num_requests": 1, "num_failures": 0, "total_response_time": NaN, "max_response_time": 1, "min_response_time": 1, "total_content_length": 0, "start_time": 1, "last_request_timestamp": 2, "response_times": {"1": 1}, "num_reqs_per_sec": {"1": 1}}] | 'total_response_time' must be a finite number >= 0
            infinite bucket | [{"name": "/", "method": "GET", "num_requests": 1, "num_failures": 0, "total_response_time": 1, "max_response_time": 1, "min_response_time": 1, "total_content_length": 0, "start_time": 1, "last_request_timestamp": 2, "response_times": {"Infinity": 1}, "num_reqs_per_sec": {"1": 1}}] | expected a finite number >= 0 as the key, found 'Infinity'
            too many in buckets | [{"name": "/", "method": "GET", "num_requests": 1, "num_failures": 0, "total_response_time": 1, "max_response_time": 1, "min_response_time": 1, "total_content_length": 0, "start_time": 1, "last_request_timestamp": 2, "response_times": {"1": 5}, "num_reqs_per_sec": {"1": 1}}] | the response-time buckets count 5 requests, more than num_requests 1
            """)
    void badLocustJson(String what, String content, String message) throws Exception {
        Path file = Files.writeString(dir.resolve("locust.json"), content.replace("\\n", "\n"),
                StandardCharsets.UTF_8);
        contains(fails(file, new LocustJsonImporter()), message);
    }
}
