package dev.perfdesk.importers.speccpu;

import static dev.perfdesk.importers.bench.BenchFiles.importRun;
import static dev.perfdesk.importers.bench.BenchFiles.testdata;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.perfdesk.core.bench.Benchmark;
import dev.perfdesk.core.bench.BenchmarkRun;
import dev.perfdesk.core.bench.RelativeSpeed;
import dev.perfdesk.core.report.BenchmarkComparison;
import dev.perfdesk.core.stats.ComparisonOptions;
import dev.perfdesk.core.report.RunComparison;
import dev.perfdesk.core.report.UnitGeomean;

/**
 * SPEC CPU 2017 result files built from SPEC's published layout ({@code testdata/spec-cpu2017/make-results.py}; no
 * real run or published file could be used, see its PROVENANCE): every benchmark's selected ratio and run time as
 * the file's Selected Results Table has them, every iteration as its Full Results Table has them, the selected one
 * the median run time of three or the slower of two, the suite metric equal to the geometric mean of the selected
 * ratios, the text report agreeing with the CSV to its three significant digits, and two systems compared with
 * higher ratios better.
 */
class SpecCpuGoldenTest {
    static Path csv(int n) {
        return testdata("spec-cpu2017/CPU2017.00" + n + ".intrate.refrate.csv");
    }

    static Path txt(int n) {
        return testdata("spec-cpu2017/CPU2017.00" + n + ".intrate.refrate.txt");
    }

    static Benchmark find(BenchmarkRun run, String name, String tuning, String metric) {
        return run.benchmarks().stream().filter(b -> b.name().equals(name) && b.metric().equals(metric)
                && tuning.equals(b.params().getOrDefault("tuning", ""))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " " + tuning + " " + metric));
    }

    /** The file's table after {@code title}: benchmark to its CSV fields. */
    static Map<String, List<List<String>>> table(Path file, String title) throws Exception {
        Map<String, List<List<String>>> out = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(file);
        int i = lines.indexOf("\"" + title + "\"") + 3;
        for (; i < lines.size() && !lines.get(i).isBlank(); i++) {
            List<String> f = SpecCsvImporter.split(file, i + 1, lines.get(i));
            out.computeIfAbsent(f.get(0), k -> new ArrayList<>()).add(f);
        }
        return out;
    }

    @ParameterizedTest(name = "system {0}")
    @ValueSource(ints = {1, 2})
    void everyBenchmarkReadsAsTheCsvSelectedAndMeasuredIt(int system) throws Exception {
        BenchmarkRun run = importRun(csv(system), SpecCsvImporter.FORMAT);
        assertEquals("SPEC CPU 2017", run.tool());
        Map<String, List<List<String>>> full = table(csv(system), "Full Results Table");
        Map<String, List<List<String>>> selected = table(csv(system), "Selected Results Table");
        assertEquals(10, selected.size());
        List<Double> baseRatios = new ArrayList<>();
        for (Map.Entry<String, List<List<String>>> e : selected.entrySet()) {
            List<String> row = e.getValue().get(0);
            for (int tune = 0; tune <= 5; tune += 5) {
                if (row.get(tune + 5).equals("NR")) {
                    assertFalse(run.benchmarks().stream().anyMatch(b -> b.name().equals(e.getKey())
                            && "peak".equals(b.params().get("tuning"))), "peak not run");
                    continue;
                }
                String tuning = tune == 0 ? "base" : "peak";
                Benchmark ratio = find(run, e.getKey(), tuning, Benchmark.PRIMARY);
                Benchmark time = find(run, e.getKey(), tuning, SpecResult.RUN_TIME);
                assertEquals(Double.parseDouble(row.get(tune + 3)), ratio.figures().centre(), e.getKey());
                assertEquals(Double.parseDouble(row.get(tune + 2)), time.figures().centre(), e.getKey());
                assertFalse(ratio.lowerIsBetter(), "a higher ratio is better");
                assertTrue(time.lowerIsBetter());
                assertEquals("ratio", ratio.unit());
                assertEquals("s", time.unit());
                assertEquals(row.get(tune + 1), ratio.attributes().get("copies"));
                int timeColumn = tune + 2;
                double[] times = full.get(e.getKey()).stream().mapToDouble(f -> Double.parseDouble(f.get(timeColumn)))
                        .toArray();
                assertArrayEquals(times, time.samples());
                // SPEC's selection: the median run time of three, the slower of two
                double[] sorted = times.clone();
                Arrays.sort(sorted);
                double expected = sorted.length == 3 ? sorted[1] : sorted[sorted.length - 1];
                assertEquals(expected, time.figures().centre(), e.getKey() + " " + tuning);
                int index = -1;
                for (int i = 0; i < times.length; i++) {
                    index = times[i] == expected ? i : index;
                }
                String description = row.get(11);
                assertTrue(description.contains(tuning + " #" + (index + 1)), description);
                assertEquals("#" + (index + 1) + " of " + times.length, ratio.attributes().get(SpecResult.SELECTED));
                if (tune == 0) {
                    baseRatios.add(ratio.figures().centre());
                }
            }
        }
        List<String> lines = Files.readAllLines(csv(system));
        for (String tuning : new String[] {"base", "peak"}) {
            String metricLine = lines.stream().filter(l -> l.startsWith("SPECrate2017_int_" + tuning + ","))
                    .findFirst().orElseThrow();
            String value = metricLine.substring(metricLine.indexOf(',') + 1);
            if (value.equals("\"Not Run\"")) {
                assertFalse(run.benchmarks().stream().anyMatch(b -> b.name().equals("SPECrate2017_int_peak")));
                continue;
            }
            Benchmark metric = run.benchmarks().stream().filter(b -> b.name().equals("SPECrate2017_int_" + tuning))
                    .findFirst().orElseThrow();
            assertEquals(Double.parseDouble(value), metric.figures().centre());
            assertFalse(metric.lowerIsBetter());
            // SPEC's metric is the geometric mean of the selected ratios: the file's own, to its 6 decimals
            assertEquals(Double.parseDouble(value), metric.statistics().get(SpecResult.GEOMEAN), 5e-7);
        }
        double log = baseRatios.stream().mapToDouble(Math::log).sum() / baseRatios.size();
        assertEquals(find(run, "SPECrate2017_int_base", "", Benchmark.PRIMARY).figures().centre(), Math.exp(log),
                5e-7);
        assertFalse(RelativeSpeed.comparesAlternatives(run), "SPEC's benchmarks are not alternatives");
    }

    private static void assertArrayEquals(double[] expected, double[] actual) {
        org.junit.jupiter.api.Assertions.assertArrayEquals(expected, actual);
    }

    @Test
    void theSystemDescriptionIsTheRunsEnvironment() throws Exception {
        BenchmarkRun run = importRun(csv(1), SpecCsvImporter.FORMAT);
        assertEquals("AMD EPYC (example)", run.environment().get("CPU Name"));
        assertEquals("Debian GNU/Linux 12 (bookworm) kernel 6.1.0", run.environment().get("OS"));
        assertEquals("C/C++: Version 12.2.0 of GCC, the GNU Compiler Collection", run.environment().get("Compiler"));
        assertEquals("8 GB (1 x 8 GB 1Rx8 PC4-3200AA-R)", run.environment().get("Memory"));
        assertEquals("Dec-2026", run.tags().get("Test Date"));
        assertEquals("1", run.tags().get("valid"));
        assertEquals("v1.1.9", run.tags().get("SPEC CPU version"));
        BenchmarkRun text = importRun(txt(1), SpecTextImporter.FORMAT);
        for (String key : new String[] {"CPU Name", "Memory", "OS", "Compiler", "L3", "Enabled"}) {
            assertEquals(run.environment().get(key), text.environment().get(key), key);
        }
        assertEquals("Dec-2026", text.tags().get("Test date"));
    }

    @ParameterizedTest(name = "system {0}")
    @ValueSource(ints = {1, 2})
    void theTextReportAgreesWithTheCsvToItsThreeDigits(int system) throws Exception {
        BenchmarkRun fromCsv = importRun(csv(system), SpecCsvImporter.FORMAT);
        BenchmarkRun fromText = importRun(txt(system), SpecTextImporter.FORMAT);
        assertEquals(fromCsv.benchmarks().size(), fromText.benchmarks().size());
        for (Benchmark b : fromCsv.benchmarks()) {
            Benchmark t = find(fromText, b.name(), b.params().getOrDefault("tuning", ""), b.metric());
            assertEquals(SpecResult.threeDigits(b.figures().centre()), SpecResult.threeDigits(t.figures().centre()),
                    b.toString());
            assertEquals(b.attributes().get(SpecResult.SELECTED), t.attributes().get(SpecResult.SELECTED));
            assertEquals(b.samples().length, t.samples().length);
        }
        Benchmark metric = find(fromText, "SPECrate2017_int_base", "", Benchmark.PRIMARY);
        assertEquals(SpecResult.threeDigits(metric.figures().centre()),
                SpecResult.threeDigits(metric.statistics().get(SpecResult.GEOMEAN)),
                "the printed metric is the geometric mean of the printed ratios, to three digits");
    }

    @Test
    void twoSystemsCompareWithHigherRatiosBetter() throws Exception {
        BenchmarkRun a = importRun(csv(1), SpecCsvImporter.FORMAT);
        BenchmarkRun b = importRun(csv(2), SpecCsvImporter.FORMAT);
        RunComparison c = RunComparison.compare(a, b, ComparisonOptions.DEFAULTS);
        double metricA = find(a, "SPECrate2017_int_base", "", Benchmark.PRIMARY).figures().centre();
        double metricB = find(b, "SPECrate2017_int_base", "", Benchmark.PRIMARY).figures().centre();
        assertTrue(metricB > metricA * 1.2, "system B is faster: " + metricA + " -> " + metricB);
        UnitGeomean ratio = c.geomeans().stream().filter(g -> g.unit().equals("ratio")).findFirst().orElseThrow();
        assertFalse(ratio.lowerIsBetter());
        // the base benchmarks and their metric match; peak was not run on B: the geomean of B/A over the matched
        // ratios is SPEC's metric ratio, and above 1 is better
        assertEquals(metricB / metricA, ratio.ratio(), 1e-5);
        assertEquals(metricB / metricA, ratio.speedup(), 1e-5);
        for (BenchmarkComparison bc : c.primary()) {
            assertTrue(bc.comparison().change() > 0, bc.key() + " ratio went up");
            assertFalse(bc.movedWorse(), bc.key() + ": a higher ratio is not worse");
            assertFalse(bc.verdict() == dev.perfdesk.core.stats.Verdict.REGRESSION, bc.key() + " " + bc.verdict());
        }
        // two or three iterations a side cannot reach a significant rank test (the smallest p is above alpha), so
        // the verdicts say "~" and warn; the change and the geomean carry the direction
        assertTrue(c.summary().endsWith("geomean +" + String.format(java.util.Locale.ROOT, "%.2f",
                (metricB / metricA - 1) * 100) + "%"), c.summary());
    }
}
