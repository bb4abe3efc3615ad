package dev.perfdesk.importers.criterion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import dev.perfdesk.core.bench.Benchmark;
import dev.perfdesk.core.bench.BenchmarkRun;
import dev.perfdesk.core.bench.ReportedEstimate;
import dev.perfdesk.core.progress.ProgressMonitor;
import dev.perfdesk.core.spi.CollectingSink;
import dev.perfdesk.importers.bench.BenchFiles;
import dev.perfdesk.importers.spi.ImportSource;
import dev.perfdesk.importers.spi.Importer;
import dev.perfdesk.importers.Importers;

/**
 * Criterion.rs output folders: two runs recorded here by {@code testdata/criterion/recorded/record.sh}
 * (criterion 0.3.6), the dossier's shared recording, and the 0.2-era book sample. The samples are the times per
 * iteration, so their mean and median are exactly Criterion's own mean and median point estimates (Criterion
 * computes those from the same {@code times[i] / iters[i]}); its estimates and its change are kept as reported.
 */
class CriterionImporterTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static BenchmarkRun read(Path folder) throws Exception {
        Importer importer = Importers.detect(ImportSource.ofFolder(folder));
        assertEquals("criterion", importer.format());
        CollectingSink sink = new CollectingSink();
        importer.read(ImportSource.ofFolder(folder), sink, ProgressMonitor.NONE);
        assertEquals(1, sink.runs().size());
        return sink.runs().get(0);
    }

    private static Benchmark find(BenchmarkRun run, String name) {
        return run.benchmarks().stream().filter(b -> b.name().equals(name)).findFirst().orElseThrow();
    }

    private static ReportedEstimate reported(Benchmark b, String name, boolean change) {
        return ReportedEstimate.of(b).stream().filter(e -> e.name().equals(name) && e.change() == change)
                .findFirst().orElseThrow();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            recorded/run2/criterion  | fib 15                 | fib 15
            recorded/run2/criterion  | Fibonacci/Recursive/10 | Fibonacci/Recursive/10
            recorded/run1/criterion  | Bytes/sum              | Bytes/sum
            criterion-0.3.6/run2/criterion | Fibonacci/Recursive/18 | Fibonacci/Recursive/18
            criterion-0.2-book       | Fibonacci/Recursive    | Fibonacci/Recursive
            """)
    void samplesAreTimesPerIterationAndAgreeWithCriterionsEstimates(String folder, String name, String dirName)
            throws Exception {
        Path root = BenchFiles.testdata("criterion/" + folder);
        BenchmarkRun run = read(root);
        Benchmark b = find(run, name);
        JsonNode estimates = JSON.readTree(root.resolve(dirName).resolve("new/estimates.json").toFile());
        JsonNode mean = estimates.has("mean") ? estimates.get("mean") : estimates.get("Mean");
        JsonNode median = estimates.has("median") ? estimates.get("median") : estimates.get("Median");
        assertEquals("ns", b.unit());
        assertEquals(mean.get("point_estimate").asDouble(), b.figures().mean(), 1e-9 * b.figures().mean());
        assertEquals(median.get("point_estimate").asDouble(), b.figures().centre(), 1e-9 * b.figures().centre());
        ReportedEstimate m = reported(b, "mean", false);
        assertEquals(mean.get("point_estimate").asDouble(), m.point());
        assertEquals(mean.at("/confidence_interval/lower_bound").asDouble(), m.lower());
        assertEquals(mean.at("/confidence_interval/upper_bound").asDouble(), m.upper());
        assertEquals("0.95", b.attributes().get(ReportedEstimate.CONFIDENCE));
    }

    @Test
    void theRecordedRunHasItsNamesThroughputAndChange() throws Exception {
        BenchmarkRun run = read(BenchFiles.testdata("criterion/recorded/run2/criterion"));
        assertEquals("Criterion.rs", run.tool());
        assertEquals(List.of("Bytes/sum", "Fibonacci/Recursive/10", "Fibonacci/Recursive/18", "fib 15"),
                run.benchmarks().stream().map(Benchmark::name).toList());
        Benchmark bytes = find(run, "Bytes/sum");
        assertEquals("4,096 bytes per iteration", bytes.attributes().get("throughput"));
        assertEquals("Linear", bytes.attributes().get("sampling mode"));
        assertEquals(20, bytes.samples().length);
        // cargo-bench.run2.txt: Bytes/sum change: time: [-8.5654% -7.5624% -6.4892%] (p = 0.00 < 0.05)
        ReportedEstimate change = reported(bytes, "mean", true);
        assertEquals("mean -7.56% [-8.57% -6.49%]", change.describe(bytes.unit()));
        assertEquals(-0.075624, change.point(), 5e-7);
        assertEquals(-0.085654, change.lower(), 5e-7);
        assertEquals(-0.064892, change.upper(), 5e-7);
        // Bytes/sum time: [521.88 ns 525.90 ns 529.96 ns], the slope in Linear sampling mode
        assertEquals("slope 525.897 ns [521.884 ns 529.958 ns]", reported(bytes, "slope", false)
                .describe(bytes.unit()));
        assertEquals(Map.of("criterion layout", "0.3 and later"), run.environment());
    }

    @Test
    void theFirstRunHasNoChangeAndTheOldLayoutIsNamed() throws Exception {
        BenchmarkRun first = read(BenchFiles.testdata("criterion/recorded/run1/criterion"));
        assertTrue(first.benchmarks().stream().allMatch(b -> ReportedEstimate.changesOf(b).isEmpty()));
        BenchmarkRun old = read(BenchFiles.testdata("criterion/criterion-0.2-book"));
        assertTrue(old.environment().get("criterion layout").startsWith("0.2"));
        Benchmark b = old.benchmarks().get(0);
        assertEquals(100, b.samples().length);
        assertEquals(1014000.0 / 52.0, b.samples()[0]);
        assertEquals(-0.012258823084615678, reported(b, "mean", true).point());
        assertEquals(19310.74450671244, reported(b, "slope", false).point());
    }

    @Test
    void oneBenchmarksFolderOrItsNewFolderIsARunToo() throws Exception {
        Path bench = BenchFiles.testdata("criterion/recorded/run2/criterion/fib 15");
        BenchmarkRun run = read(bench);
        assertEquals(List.of("fib 15"), run.benchmarks().stream().map(Benchmark::name).toList());
        assertTrue(!ReportedEstimate.changesOf(run.benchmarks().get(0)).isEmpty());
        BenchmarkRun onlyNew = read(bench.resolve("new"));
        assertEquals(List.of("fib 15"), onlyNew.benchmarks().stream().map(Benchmark::name).toList());
    }

    @Test
    void aFolderWithOtherFilesIsNotCriterionsAndFilesAreNever() throws Exception {
        Importer criterion = Importers.byFormat("criterion");
        assertEquals(0, criterion.detectFolder(BenchFiles.testdata("criterion/recorded")));
        assertEquals(0, criterion.detectFolder(BenchFiles.testdata("benchstat")));
        assertEquals(0, criterion.detect("{\"mean\": {}}".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
}
