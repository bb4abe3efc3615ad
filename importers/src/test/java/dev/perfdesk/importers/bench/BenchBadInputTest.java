package dev.perfdesk.importers.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.perfdesk.core.bench.BenchmarkRun;
import dev.perfdesk.core.progress.ProgressMonitor;
import dev.perfdesk.core.spi.CollectingSink;
import dev.perfdesk.importers.spi.ImportException;
import dev.perfdesk.importers.spi.ImportSource;
import dev.perfdesk.importers.Importers;

/**
 * Bad input of every benchmark format (truncated JSON, valid JSON of the wrong schema, an empty results array,
 * negative or non-finite values where they cannot be) fails with one clear sentence naming the file and the line
 * (or byte offset), and delivers nothing.
 */
class BenchBadInputTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            jmh-json | truncated | [{"benchmark": "a.B.c", "mode": "avgt",\\n "primaryMetric": {"score": 1.5, | :2: the JSON ends early
            jmh-json | wrong schema | {"results": []} | :1: expected a JSON array of JMH results, found an object
            jmh-json | empty | [] | the JSON array is empty: there are no JMH results
            jmh-json | not a number | [{"benchmark": "a", "mode": "avgt",\\n"primaryMetric": {"score": "fast", "scoreUnit": "ns/op"}}] | :2: expected a number 'score', found a string "fast"
            jmh-json | negative score | [{"benchmark": "a", "mode": "avgt",\\n"primaryMetric": {"score": -3, "scoreUnit": "ns/op"}}] | :2: a avgt score cannot be negative
            jmh-json | infinite sample | [{"benchmark": "a", "mode": "sample", "primaryMetric": {"score": 1, "scoreUnit": "us/op",\\n"rawDataHistogram": [[[[1.5, 2], ["+INF", 1]]]]}}] | :2: a sampled time must be a finite number >= 0, found Infinity
            jmh-json | missing unit | [{"benchmark": "a", "mode": "ss", "primaryMetric": {"score": 1}}] | :1: expected a string 'scoreUnit', found nothing
            hyperfine-json | truncated | {"results": [{"command": "sleep 1", "times": [1.0, | the JSON ends early
            hyperfine-json | wrong schema | [1, 2, 3] | :1: expected a hyperfine JSON object with 'results', found an array
            hyperfine-json | empty | {"results": []} | :1: the 'results' array is empty
            hyperfine-json | negative time | {"results": [{"command": "x",\\n"times": [0.1,\\n-0.2]}]} | :3: '1' must be a finite number >= 0
            hyperfine-json | non-finite mean | {"results": [{"command": "x", "mean": "+INF"}]} | 'mean' must be a finite number >= 0
            hyperfine-json | no times | {"results": [{"command": "x", "mean": 0.1,\\n"times": []}]} | :2: the 'times' array is empty
            hyperfine-json | null mean | {"results": [{"command": "x",\\n"mean": null, "times": [0.1]}]} | :2: expected the mean run time in seconds, found null
            hyperfine-json | exit codes not a list | {"results": [{"command": "x", "mean": 0.1, "times": [0.1],\\n"exit_codes": "zero"}]} | :2: expected an array of exit codes
            gbench-json | truncated | {"context": {"num_cpus": 2}, "benchmarks": [{"name": "BM_a", | the JSON ends early
            gbench-json | wrong schema | {"context": {}, "benchmarks": {"name": "BM_a"}} | expected an array 'benchmarks'
            gbench-json | empty | {"context": {"num_cpus": 2}, "benchmarks": []} | the 'benchmarks' array is empty
            gbench-json | negative time | {"context": {},\\n"benchmarks": [{"name": "BM_a", "real_time": -1, "cpu_time": 1, "time_unit": "ns"}]} | :2: 'real_time' must be a finite number >= 0
            gbench-json | NaN time | {"benchmarks": [{"name": "BM_a", "real_time": NaN, "time_unit": "ns"}]} | 'real_time' must be a finite number >= 0
            pytest-benchmark-json | truncated | {"machine_info": {}, "benchmarks": [ | the JSON ends early
            pytest-benchmark-json | wrong schema | {"machine_info": {}, "benchmarks": [{"name": "t", "stats": 3}]} | expected a 'stats' object
            pytest-benchmark-json | empty | {"machine_info": {}, "benchmarks": []} | the 'benchmarks' array is empty
            pytest-benchmark-json | negative data | {"benchmarks": [{"name": "t", "stats": {"min": 1e-6,\\n"data": [1e-6, -1e-6]}}]} | :2: '1' must be a finite number >= 0
            k6-summary-json | truncated | {"metrics": {"http_reqs": {"count": | the JSON ends early
            k6-summary-json | wrong schema | {"metrics": [1, 2]} | expected an object 'metrics'
            k6-summary-json | empty | {"root_group": {}, "metrics": {}} | the 'metrics' object is empty
            k6-summary-json | negative time | {"metrics": {"http_req_duration":\\n{"avg": -4.5}}} | :2: a time statistic must be a finite number >= 0
            k6-ndjson | truncated line | {"type":"Metric","data":{"name":"d","type":"trend","contains":"time"},"metric":"d"}\\n{"type":"Point","data":{"time":"2024-05-14T09:31:10Z","val | :2: the file ends in the middle of a line
            k6-ndjson | wrong schema | {"type":"Point","data":{"time":"2024-05-14T09:31:10Z"},"metric":"d"} | :1: a k6 point needs "data" with "time" and "value"
            k6-ndjson | no points | {"type":"Metric","data":{"name":"d","type":"trend","contains":"time"},"metric":"d"} | the file has no k6 points
            k6-ndjson | negative time | {"type":"Metric","data":{"name":"d","type":"trend","contains":"time"},"metric":"d"}\\n{"type":"Point","data":{"time":"2024-05-14T09:31:10Z","value":-2},"metric":"d"} | :2: the value of d must be a finite number >= 0
            k6-ndjson | NaN value | {"type":"Point","data":{"time":"2024-05-14T09:31:10Z","value":NaN},"metric":"d"} | :1: the value of d must be a finite number
            k6-ndjson | bad time | {"type":"Point","data":{"time":"yesterday","value":1},"metric":"d"} | :1: expected an RFC 3339 time
            jmeter-jtl-csv | header only | timeStamp,elapsed,label,success | the file has a header but no samples
            jmeter-jtl-csv | wrong header | time,elapsed,label | :1: expected a JTL header line starting with 'timeStamp'
            jmeter-jtl-csv | negative elapsed | timeStamp,elapsed,label,success\\n1715678470123,5,a,true\\n1715678470124,-5,a,true | :3: 'elapsed' cannot be negative
            jmeter-jtl-csv | truncated row | timeStamp,elapsed,label,success\\n1715678470123,5,a,true\\n1715678470124,5 | :3: the file ends in the middle of a line
            jmeter-jtl-csv | not a number | timeStamp,elapsed,label,success\\n1715678470123,fast,a,true | :2: expected a whole number of milliseconds in 'elapsed'
            wrk-latency | no latency | Running 3s test @ http://127.0.0.1:8765/\\n  2 threads and 10 connections\\n | found no 'Latency' thread statistics
            wrk-latency | wrong first line | Hello\\n | :1: expected 'Running DURATION test @ URL'
            wrk-latency | negative | Running 3s test @ http://127.0.0.1:8765/\\n  Thread Stats   Avg      Stdev     Max   +/- Stdev\\n    Latency    -7.90ms   12.31ms 214.35ms   96.20%\\n | :3: a negative value where wrk prints none
            wrk-latency | cut spectrum | Running 3s test @ http://x/\\n    Latency     7.90ms   12.31ms 214.35ms   96.20%\\nDetailed Percentile spectrum:\\n     Value   Percentile   TotalCount 1/(1-Percentile)\\n     0.921     0.000000            1         1.00\\n | :5: the percentile spectrum ends early
            wrk-latency | cut at p50 | Running 3s test @ http://x/\\n  Thread Stats   Avg      Stdev     Max   +/- Stdev\\n    Latency     7.90ms   12.31ms 214.35ms   96.20%\\n  Latency Distribution\\n     50%    4.53ms\\n | :5: the latency distribution is cut short: it has only 50%
            wrk-latency | cut before requests | Running 3s test @ http://x/\\n  Thread Stats   Avg      Stdev     Max   +/- Stdev\\n    Latency     7.90ms   12.31ms 214.35ms   96.20%\\n  Latency Distribution\\n     50%    4.53ms\\n     75%    7.34ms\\n     90%   14.20ms\\n     99%   60.44ms\\n | :8: the output ends before its 'Requests/sec:' line
            hdr-log | no intervals | #[Histogram log format version 1.2]\\n#[StartTime: 1441812279.474 (seconds since epoch)]\\n | the log has no interval histograms
            hdr-log | damaged interval | #[Histogram log format version 1.2]\\n"StartTimestamp","Interval_Length","Interval_Max","Interval_Compressed_Histogram"\\n0.127,1.007,2.769,HISTFAAAAEV42pNpmSzMwMCgyAABTBDKT4GBgdnNYMcCBvsPEBEJISEuATEZ\\n | :3: interval 1 cannot be decoded
            """)
    void rejectsWithFileAndPosition(String format, String what, String content, String message) throws Exception {
        Path file = Files.writeString(dir.resolve("bad-" + format + ".txt"), content.replace("\\n", "\n"),
                StandardCharsets.UTF_8);
        CollectingSink sink = new CollectingSink();
        ImportException e = assertThrows(ImportException.class, () -> Importers.byFormat(format)
                .read(ImportSource.of(file), sink, ProgressMonitor.NONE), format + " " + what);
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains(message), "expected '" + message + "' in: " + e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), "one line: " + e.getMessage());
        assertTrue(sink.runs().isEmpty(), "nothing delivered");
    }

    @Test
    void jmhNonFiniteStringsAreReadAsNumbers() throws Exception {
        Path file = Files.writeString(dir.resolve("inf.json"), "[{\"benchmark\": \"a.B.c\", \"mode\": \"thrpt\", "
                + "\"primaryMetric\": {\"score\": \"+INF\", \"scoreError\": \"NaN\", \"scoreUnit\": \"ops/s\", "
                + "\"rawData\": [[\"+INF\", 5.0]]}, \"secondaryMetrics\": {\"x\": {\"score\": \"-INF\", "
                + "\"scoreError\": \"NaN\", \"scoreUnit\": \"#\"}}}]");
        BenchmarkRun run = BenchFiles.importRun(file, "jmh-json");
        assertEquals(Double.POSITIVE_INFINITY, run.benchmarks().get(0).score().score());
        assertTrue(Double.isNaN(run.benchmarks().get(0).score().error()));
        assertEquals(Double.POSITIVE_INFINITY, run.benchmarks().get(0).samples()[0]);
        assertEquals(Double.NEGATIVE_INFINITY, run.benchmarks().get(1).score().score());
    }

    @Test
    void detectionWorksOnAHeadCutAt64KiB() throws Exception {
        byte[] whole = Files.readAllBytes(BenchFiles.sample("jmh", "jmh-percentile.json"));
        assertTrue(whole.length > Importers.HEAD_BYTES);
        byte[] head = Arrays.copyOf(whole, Importers.HEAD_BYTES);
        assertEquals(95, Importers.byFormat("jmh-json").detect(head));
        for (String other : new String[] {"hyperfine-json", "gbench-json", "k6-summary-json", "k6-ndjson",
            "pytest-benchmark-json", "jmeter-jtl-csv", "wrk-latency", "hdr-log", "perf-script", "folded"}) {
            assertEquals(0, Importers.byFormat(other).detect(head), other + " must not claim a JMH file");
        }
    }
}
