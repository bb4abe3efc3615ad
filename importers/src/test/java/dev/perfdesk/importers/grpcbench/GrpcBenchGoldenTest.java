package dev.perfdesk.importers.grpcbench;

import static dev.perfdesk.importers.bench.BenchFiles.importRun;
import static dev.perfdesk.importers.bench.BenchFiles.sample;
import static dev.perfdesk.importers.bench.BenchFiles.testdata;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import dev.perfdesk.core.bench.Benchmark;
import dev.perfdesk.core.bench.BenchmarkFigures;
import dev.perfdesk.core.bench.BenchmarkRun;
import dev.perfdesk.core.bench.RelativeSpeed;
import dev.perfdesk.core.progress.ProgressMonitor;
import dev.perfdesk.core.spi.CollectingSink;
import dev.perfdesk.importers.Importers;
import dev.perfdesk.importers.ghz.GhzSummaryImporter;
import dev.perfdesk.importers.spi.ImportSource;

/**
 * grpc_bench's results tables read back cell for cell as its analyzer printed them: the real (hand-regrouped)
 * tables of the pajamax benchmark, and a table in the analyzer's canonical layout made from two real ghz
 * summaries by {@code testdata/grpc_bench/make-table.py}, whose req/s must be grpc_bench's [OK] / Total of the
 * same summaries as the ghz importer reads them, not ghz's own rate.
 */
class GrpcBenchGoldenTest {
    private static final String[] COLUMNS = {"name", "req/s", "avg. latency", "90 % in", "95 % in", "99 % in",
        "avg. cpu", "avg. memory"};

    static List<BenchmarkRun> read(Path file) throws Exception {
        ImportSource source = ImportSource.of(file);
        assertEquals(GrpcBenchImporter.FORMAT, Importers.detect(source).format());
        CollectingSink sink = new CollectingSink();
        Importers.detect(source).read(source, sink, ProgressMonitor.NONE);
        return sink.runs();
    }

    static Benchmark find(BenchmarkRun run, String name, String metric) {
        return run.benchmarks().stream().filter(b -> b.name().equals(name) && b.metric().equals(metric)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " " + metric));
    }

    /** A latency as ghz printed it: in s when the cell is in s, else in ms, with two decimals. */
    static String ghzTime(double ms, String like) {
        return like.endsWith(" s") ? String.format(Locale.ROOT, "%.2f s", ms / 1000)
                : String.format(Locale.ROOT, "%.2f ms", ms);
    }

    /** The row as results_analyze.rb prints it, from the run's figures. */
    static List<String> printed(BenchmarkRun run, String name, List<String> like) {
        Benchmark latency = find(run, name, Benchmark.PRIMARY);
        BenchmarkFigures f = latency.figures();
        return List.of(name, Long.toString(Math.round(find(run, name, GrpcBenchImporter.RPS).figures().centre())),
                ghzTime(f.mean(), like.get(2)), ghzTime(f.percentile(90), like.get(3)),
                ghzTime(f.percentile(95), like.get(4)), ghzTime(f.percentile(99), like.get(5)),
                find(run, name, "cpu").figures().centre() + "%", find(run, name, "memory").figures().centre()
                        + " MiB");
    }

    /** Table rows in the canonical column order, from the file's header. */
    static List<List<String>> rows(Path file) throws Exception {
        List<List<String>> out = new ArrayList<>();
        int[] order = null;
        for (String line : Files.readAllLines(file)) {
            if (!line.startsWith("|")) {
                continue;
            }
            List<String> cells = Arrays.stream(line.substring(1, line.length() - 1).split("\\|")).map(String::strip)
                    .toList();
            if (order == null) {
                order = Arrays.stream(COLUMNS).mapToInt(cells::indexOf).toArray();
                continue;
            }
            List<String> row = new ArrayList<>();
            for (int i : order) {
                row.add(cells.get(i));
            }
            out.add(row);
        }
        return out;
    }

    @Test
    void thePajamaxTablesAreOneRunPerGroupCellForCell() throws Exception {
        Path file = testdata("grpc_bench/pajamax-grpc_bench.md");
        List<BenchmarkRun> runs = read(file);
        assertEquals(12, runs.size(), "one run per C/S group");
        assertEquals("pajamax-grpc_bench.md C=1 S=10", runs.get(1).name());
        assertEquals("10", runs.get(1).tags().get("GRPC_CLIENT_CONCURRENCY"));
        assertEquals("1", runs.get(1).tags().get("GRPC_CLIENT_CONNECTIONS"));
        assertEquals("^4.2", runs.get(1).tags().get("annotation"));
        List<List<String>> rows = rows(file);
        assertEquals(24, rows.size());
        for (int i = 0; i < rows.size(); i++) {
            BenchmarkRun run = runs.get(i / 2);
            List<String> row = rows.get(i);
            assertEquals(row, printed(run, row.get(0), row), run.name());
        }
        Benchmark tonic = find(runs.get(11), "rust_tonic_mt", Benchmark.PRIMARY);
        assertEquals(2200, tonic.figures().mean(), "2.20 s");
        assertEquals(12250, tonic.figures().percentile(99), "12.25 s");
        assertEquals(465.75, find(runs.get(11), "rust_tonic_mt", "memory").figures().centre());
    }

    @Test
    void theCanonicalTableAgreesWithTheGhzSummariesItWasMadeFrom() throws Exception {
        List<BenchmarkRun> runs = read(testdata("grpc_bench/canonical-results.txt"));
        assertEquals(1, runs.size());
        BenchmarkRun run = runs.get(0);
        for (List<String> row : rows(testdata("grpc_bench/canonical-results.txt"))) {
            assertEquals(row, printed(run, row.get(0), row));
        }
        BenchmarkRun ghz = importRun(sample("ghz", "ghz-summary-tonic.txt"), GhzSummaryImporter.FORMAT);
        Benchmark g = ghz.benchmarks().get(0);
        double ok = Double.parseDouble(g.attributes().get("status OK"));
        double totalSeconds = Double.parseDouble(ghz.tags().get("total").replace(" ns", "")) / 1e9;
        assertEquals(Math.round(ok / totalSeconds), find(run, "rust_tonic_mt", GrpcBenchImporter.RPS).figures()
                .centre(), "grpc_bench's req/s is [OK] / Total");
        assertTrue(ghz.benchmarks().get(1).figures().centre() > ok / totalSeconds, "ghz's rate counts failures too");
        assertEquals(g.figures().mean() / 1e6, find(run, "rust_tonic_mt", Benchmark.PRIMARY).figures().mean());
        assertEquals(g.figures().percentile(99) / 1e6, find(run, "rust_tonic_mt", Benchmark.PRIMARY).figures()
                .percentile(99));
    }

    @Test
    void implementationsCompareAsAlternativesByTheirAverageLatency() throws Exception {
        BenchmarkRun run = read(testdata("grpc_bench/canonical-results.txt")).get(0);
        assertTrue(RelativeSpeed.comparesAlternatives(run));
        List<RelativeSpeed> groups = RelativeSpeed.groups(run.benchmarks());
        RelativeSpeed latency = groups.stream().filter(g -> !g.isEmpty()).findFirst().orElseThrow();
        assertEquals("ms", latency.unit());
        // the ratio of the average latencies, 0.96 ms / 0.39 ms; grpc_bench gives no spread, so no ±
        assertEquals(List.of("rust_pajamax ran 2.46 times faster than rust_tonic_mt"), latency.sentences());
        assertFalse(groups.stream().anyMatch(g -> !g.isEmpty() && g.unit().equals("req/s")),
                "req/s is a rate, not a mean: hyperfine's relative speed does not apply");
    }
}
