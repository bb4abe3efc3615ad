package dev.perfdesk.importers.speccpu;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.perfdesk.core.bench.Benchmark;
import dev.perfdesk.core.bench.BenchmarkRun;
import dev.perfdesk.core.bench.BenchmarkStatus;
import dev.perfdesk.core.stats.ScoreSummary;
import dev.perfdesk.importers.spi.ImportException;

/**
 * One SPEC CPU 2017 result file as it is read, and the run made of it. Per benchmark and tuning ({@code base},
 * {@code peak}): every iteration's run time and ratio in run order, and which one SPEC selected (the median run time
 * of three, the slower of two). The run has, per benchmark and tuning, a ratio benchmark (higher is better: its centre
 * is the selected iteration's ratio, its samples every iteration's) and a {@code run time} benchmark in seconds
 * (lower is better, likewise), and one benchmark per suite metric ({@code SPECrate2017_int_base}) with SPEC's
 * reported value; the geometric mean of the selected ratios is kept beside it to show that it is the file's own
 * metric. The system description (CPU, memory, OS, compiler...) becomes the run's environment.
 */
final class SpecResult {
    /** The unit of SPEC's ratios (SPECrate's rates and SPECspeed's ratios): a ratio to the reference machine. */
    static final String RATIO = "ratio";
    /** The metric of the run-time benchmarks. */
    static final String RUN_TIME = "run time";
    /** The attribute naming the iteration SPEC selected, 1-based as SPEC counts ({@code #2}). */
    static final String SELECTED = "selected iteration";
    /** The statistic on a suite metric: the geometric mean of the selected ratios of its tuning. */
    static final String GEOMEAN = "geometric mean of selected ratios";

    /** One iteration of one benchmark and tuning. */
    record Iteration(int copies, double seconds, double ratio, boolean selected, String status, long line) {
    }

    /** The iterations of one benchmark and tuning, in run order. */
    static final class Entry {
        final String benchmark;
        final String tuning;
        final List<Iteration> iterations = new ArrayList<>();
        Iteration selected;

        Entry(String benchmark, String tuning) {
            this.benchmark = benchmark;
            this.tuning = tuning;
        }
    }

    final Path file;
    final Map<String, Entry> entries = new LinkedHashMap<>();
    /** Suite metric name ({@code SPECrate2017_int_base}) to its reported value and line. */
    final Map<String, double[]> metrics = new LinkedHashMap<>();
    final Map<String, String> environment = new LinkedHashMap<>();
    final Map<String, String> tags = new LinkedHashMap<>();

    SpecResult(Path file) {
        this.file = file;
    }

    Entry entry(String benchmark, String tuning) {
        return entries.computeIfAbsent(benchmark + "\u0000" + tuning, k -> new Entry(benchmark, tuning));
    }

    /** The run; fails when a benchmark has no selected iteration, or a metric none of its tuning's ratios. */
    BenchmarkRun toRun(String fileName, String format, long lastLine) throws ImportException {
        if (entries.isEmpty()) {
            throw ImportException.atLine(file, lastLine, "found no benchmark rows ('500.perlbench_r ...'): this is "
                    + "not a SPEC CPU 2017 result, or it is cut short");
        }
        List<Benchmark> benchmarks = new ArrayList<>();
        Map<String, List<Double>> selectedRatios = new LinkedHashMap<>();
        for (Entry e : entries.values()) {
            if (e.selected == null && e.iterations.stream().allMatch(i -> i.status().equals("NR"))) {
                continue;
            }
            Iteration sel = e.selected;
            if (sel == null) {
                List<Iteration> marked = e.iterations.stream().filter(Iteration::selected).toList();
                if (marked.size() != 1) {
                    throw ImportException.atLine(file, e.iterations.get(e.iterations.size() - 1).line(), e.benchmark
                            + " (" + e.tuning + ") has " + marked.size() + " selected iterations; SPEC selects one");
                }
                sel = marked.get(0);
            }
            List<Iteration> measured = e.iterations.isEmpty() ? List.of(sel) : e.iterations;
            double[] ratios = measured.stream().mapToDouble(Iteration::ratio).toArray();
            double[] times = measured.stream().mapToDouble(Iteration::seconds).toArray();
            int index = measured.indexOf(sel);
            String which = "#" + (index < 0 ? "?" : Integer.toString(index + 1)) + " of " + measured.size();
            boolean failed = !sel.status().equals("S");
            Benchmark.Builder ratio = Benchmark.builder(e.benchmark).param("tuning", e.tuning).unit(RATIO)
                    .lowerIsBetter(false).samples(ratios)
                    .score(new ScoreSummary(sel.ratio(), Double.NaN, 0.95, measured.size()))
                    .attribute(SELECTED, which).attribute("copies", Integer.toString(sel.copies()));
            Benchmark.Builder time = Benchmark.builder(e.benchmark).param("tuning", e.tuning).metric(RUN_TIME)
                    .unit("s").lowerIsBetter(true).samples(times)
                    .score(new ScoreSummary(sel.seconds(), Double.NaN, 0.95, measured.size()))
                    .attribute(SELECTED, which).attribute("copies", Integer.toString(sel.copies()));
            if (failed) {
                ratio.status(BenchmarkStatus.FAILED, "SPEC status " + sel.status());
                time.status(BenchmarkStatus.FAILED, "SPEC status " + sel.status());
            } else {
                selectedRatios.computeIfAbsent(e.tuning, k -> new ArrayList<>()).add(sel.ratio());
            }
            benchmarks.add(ratio.build());
            benchmarks.add(time.build());
        }
        for (Map.Entry<String, double[]> m : metrics.entrySet()) {
            String tuning = m.getKey().endsWith("_peak") ? "peak" : "base";
            List<Double> ratios = selectedRatios.get(tuning);
            Benchmark.Builder b = Benchmark.builder(m.getKey()).unit(RATIO).lowerIsBetter(false)
                    .score(new ScoreSummary(m.getValue()[0], Double.NaN, 0.95, Math.max(1, ratios == null ? 1
                            : ratios.size()))).attribute("suite metric", "true");
            if (ratios != null && !ratios.isEmpty()) {
                double log = 0;
                for (double r : ratios) {
                    log += Math.log(r);
                }
                b.statistic(GEOMEAN, Math.exp(log / ratios.size()));
            }
            benchmarks.add(b.build());
        }
        return new BenchmarkRun(fileName, "SPEC CPU 2017", format, null, environment, "", "", tags, benchmarks);
    }

    /** A number of the file that must be finite and at least 0. */
    static double number(Path file, long line, String text, String column) throws ImportException {
        String t = text.strip();
        if (!t.matches("\\d+(\\.\\d+)?([eE][+-]?\\d+)?")) {
            throw ImportException.atLine(file, line, "'" + column + "' must be a finite number >= 0, found '"
                    + (t.length() > 40 ? t.substring(0, 40) + "…" : t) + "'");
        }
        return Double.parseDouble(t);
    }

    /** {@code v} to three significant digits, as SPEC's text reports print ratios and metrics. */
    static String threeDigits(double v) {
        if (v == 0) {
            return "0";
        }
        int decimals = Math.max(0, 2 - (int) Math.floor(Math.log10(Math.abs(v))));
        return new BigDecimal(v).setScale(decimals, java.math.RoundingMode.HALF_EVEN).toPlainString();
    }
}
