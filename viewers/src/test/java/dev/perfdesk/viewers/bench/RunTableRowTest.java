package dev.perfdesk.viewers.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.perfdesk.core.bench.BenchmarkRun;
import dev.perfdesk.core.bench.DisplayUnits;

/** The run table's rows: values as the tools print them, units normalised only where they read badly. */
class RunTableRowTest {

    private static RunTableRow row(List<RunTableRow> rows, String name, String group, String mode, String metric) {
        return rows.stream().filter(r -> r.name().equals(name) && r.group().equals(group) && r.mode().equals(mode)
                && r.metric().equals(metric)).findFirst().orElseThrow(() -> new AssertionError(name + " " + rows));
    }

    @Test
    void jmhRowsKeepJmhsUnitAndPrintedDigits() throws Exception {
        List<RunTableRow> rows = RunTableRow.of(BenchData.jmh(), true);
        // console: PercentileBenchmark.sortRawSamples  10000  sample  3938  763.234 ± 40.515  us/op
        RunTableRow sample = row(rows, "PercentileBenchmark.sortRawSamples", "size=10000", "sample", "primary");
        assertEquals("us/op", sample.unit());
        assertEquals("763.234", DisplayUnits.number(sample.value()));
        assertEquals("± 40.515", sample.spreadText());
        assertEquals("99.9% CI", sample.spreadKind());
        assertEquals(3938, sample.n());
        assertEquals(604.160, sample.p50(), 604.160 * 1e-3);
        RunTableRow thrpt = row(rows, "PercentileBenchmark.sortRawSamples", "size=10000", "thrpt", "primary");
        assertEquals("ops/us", thrpt.unit(), "throughput units are kept");
        RunTableRow norm = row(rows, "PercentileBenchmark.sortRawSamples", "size=10000", "sample",
                "gc.alloc.rate.norm");
        assertEquals("B/op", norm.unit());
        assertEquals("80,132.037", DisplayUnits.number(norm.value()));
    }

    @Test
    void hyperfinesSecondsReadAsMilliseconds() throws Exception {
        BenchmarkRun run = BenchData.run("hyperfine", "hyperfine-sleep.json");
        RunTableRow fast = RunTableRow.of(run, true).get(0);
        assertEquals("ms", fast.unit());
        assertEquals("IQR", fast.spreadKind());
        RunTableRow raw = RunTableRow.of(run, false).get(0);
        assertEquals("s", raw.unit());
        assertEquals(raw.value() * 1000, fast.value(), 1e-9);
        assertEquals(raw.p99() * 1000, fast.p99(), 1e-9);
        assertEquals(raw.sortValue(), fast.sortValue(), 1e-15, "sorting does not depend on the display unit");
    }

    @Test
    void googleBenchmarksMixedTimeUnitsShareOneUnitPerGroup() throws Exception {
        List<RunTableRow> rows = RunTableRow.of(BenchData.run("gbench", "gbench-sort.json"), true);
        long units = rows.stream().filter(r -> DisplayUnits.isTime(r.unit()) && r.group().isEmpty())
                .map(RunTableRow::unit).distinct().count();
        assertEquals(1, units, rows.stream().map(RunTableRow::unit).toList().toString());
        assertTrue(rows.stream().anyMatch(r -> r.status().startsWith("failed: no network")));
    }

    @Test
    void stripsOnlyAPackageSharedByEveryName() throws Exception {
        assertEquals("dev.perfdesk.benchmarks.", RunTableRow.sharedPackage(BenchData.jmh().benchmarks()));
        assertEquals("", RunTableRow.sharedPackage(BenchData.run("pytestbench", "pytest-benchmark-data.json")
                .benchmarks()));
    }
}
