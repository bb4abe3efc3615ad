package dev.perfdesk.viewers.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import dev.perfdesk.core.bench.BenchUnits;
import dev.perfdesk.core.bench.Benchmark;
import dev.perfdesk.core.bench.BenchmarkFigures;
import dev.perfdesk.core.bench.BenchmarkRun;
import dev.perfdesk.core.bench.BenchmarkStatus;
import dev.perfdesk.core.bench.DisplayUnits;
import dev.perfdesk.core.bench.Percentiles;

/**
 * One row of a {@link RunTableView}: a benchmark's {@link BenchmarkFigures} (its centre with its spread, n and
 * p50/p90/p99, by the rules every view and command shares), in the row's display unit. Built by
 * {@link #of(BenchmarkRun, boolean)} in plain Java.
 *
 * @param benchmark  the benchmark
 * @param group      its parameters as text ({@code size=100, mode=fast}); empty without parameters
 * @param name       the name without the package prefix every benchmark of the run shares
 * @param mode       the JMH mode, or empty
 * @param metric     {@link Benchmark#PRIMARY} or a secondary metric
 * @param value      the centre, in {@code unit}
 * @param spread     the spread around it, in {@code unit}; NaN when none
 * @param spreadKind what the spread is: {@code 99.9% CI}, {@code IQR}, {@code sd}; empty when none
 * @param unit       the display unit
 * @param n          how many measurements; -1 when unknown
 * @param p50        from the raw samples or the distribution, else as the tool reported it; NaN when unknown
 * @param p90        likewise
 * @param p99        likewise
 * @param status     {@code ok}, or {@code failed: message}
 */
public record RunTableRow(Benchmark benchmark, String group, String name, String mode, String metric, double value,
                          double spread, String spreadKind, String unit, long n, double p50, double p90, double p99,
                          String status) {

    /** The centre in seconds (times) or operations per second (throughputs), for sorting across units. */
    public double sortValue() {
        if (DisplayUnits.isTime(unit)) {
            return value * BenchUnits.secondsPer(DisplayUnits.base(unit));
        }
        double perSecond = BenchUnits.convert(value, unit, prefixPerSecond(unit));
        return Double.isNaN(perSecond) ? value : perSecond;
    }

    private static String prefixPerSecond(String unit) {
        int slash = unit.indexOf('/');
        return slash <= 0 ? unit : unit.substring(0, slash) + "/s";
    }

    /** The spread as the table shows it: {@code ± 40.515}, {@code IQR 1.200}; empty when none. */
    public String spreadText() {
        if (Double.isNaN(spread)) {
            String note = benchmark.figures().spreadNote();
            return note.isEmpty() ? "" : "(" + note + ")";
        }
        return (spreadKind.equals("IQR") ? "IQR " : "± ") + DisplayUnits.number(spread);
    }

    /** Whether the tool reported the benchmark as failed or skipped. */
    public boolean failed() {
        return benchmark.status() != BenchmarkStatus.OK;
    }

    /**
     * The rows of a run, in file order.
     *
     * @param normalise whether to pick a time unit per group of rows (same parameters, same kind of time unit) so
     *                  that numbers read well: a tool's unit is kept when the group's median reads between 1 and
     *                  10,000 in it, as JMH's {@code us/op} usually does; hyperfine's seconds become milliseconds
     */
    public static List<RunTableRow> of(BenchmarkRun run, boolean normalise) {
        String prefix = sharedPackage(run.benchmarks());
        List<RunTableRow> raw = new ArrayList<>();
        for (Benchmark b : run.benchmarks()) {
            raw.add(raw(b, prefix));
        }
        if (!normalise) {
            return raw;
        }
        Map<String, List<Integer>> unitGroups = new LinkedHashMap<>();
        for (int i = 0; i < raw.size(); i++) {
            RunTableRow r = raw.get(i);
            if (DisplayUnits.isTime(r.unit())) {
                unitGroups.computeIfAbsent(r.group() + "\u0000" + DisplayUnits.suffix(r.unit()), k -> new ArrayList<>())
                        .add(i);
            }
        }
        List<RunTableRow> out = new ArrayList<>(raw);
        for (List<Integer> members : unitGroups.values()) {
            String target = groupUnit(members.stream().map(raw::get).toList());
            for (int i : members) {
                out.set(i, raw.get(i).inUnit(target));
            }
        }
        return out;
    }

    /** The unit a group of time rows is shown in. */
    static String groupUnit(List<RunTableRow> rows) {
        String first = rows.get(0).unit();
        boolean same = rows.stream().allMatch(r -> r.unit().equals(first));
        double[] seconds = rows.stream().mapToDouble(r -> Math.abs(centreOrP50(r))
                * BenchUnits.secondsPer(DisplayUnits.base(r.unit()))).filter(v -> Double.isFinite(v) && v > 0)
                .sorted().toArray();
        if (seconds.length == 0) {
            return first;
        }
        double median = Percentiles.nearestRank(seconds, 50);
        if (same) {
            double inFirst = median / BenchUnits.secondsPer(DisplayUnits.base(first));
            if (inFirst >= 1 && inFirst < 10_000) {
                return first;
            }
        }
        return DisplayUnits.readable(median, "s") + DisplayUnits.suffix(first);
    }

    private static double centreOrP50(RunTableRow r) {
        return Double.isNaN(r.value()) ? r.p50() : r.value();
    }

    /** This row with its values in another unit of time. */
    RunTableRow inUnit(String target) {
        double f = DisplayUnits.factor(unit, target);
        if (Double.isNaN(f) || f == 1) {
            return this;
        }
        return new RunTableRow(benchmark, group, name, mode, metric, value * f, spread * f, spreadKind, target, n,
                p50 * f, p90 * f, p99 * f, status);
    }

    private static RunTableRow raw(Benchmark b, String prefix) {
        BenchmarkFigures f = b.figures();
        double[] ps = f.tablePercentiles();
        String status = b.status() == BenchmarkStatus.OK ? "ok"
                : b.status().name().toLowerCase(Locale.ROOT) + (b.statusMessage().isEmpty() ? ""
                : ": " + b.statusMessage());
        String group = b.params().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", "));
        String name = b.name().startsWith(prefix) ? b.name().substring(prefix.length()) : b.name();
        return new RunTableRow(b, group, name, b.mode(), b.metric(), f.centre(), f.spread(), f.spreadLabel(),
                b.unit(), f.n(), ps[0], ps[1], ps[2], status);
    }

    /** What the centre and spread are, in words: {@code score ± 99.9% CI}, {@code median, IQR}. */
    public String description() {
        return benchmark.figures().description();
    }

    /**
     * The package every benchmark name of the run starts with ({@code dev.perfdesk.benchmarks.}) when all are Java
     * names, so the table can show {@code PercentileBenchmark.sortRawSamples}; empty otherwise.
     */
    static String sharedPackage(List<Benchmark> benchmarks) {
        String shared = null;
        for (Benchmark b : benchmarks) {
            String name = b.name();
            if (!name.matches("[\\w$]+(\\.[\\w$]+)+")) {
                return "";
            }
            StringBuilder pkg = new StringBuilder();
            for (String part : name.split("\\.")) {
                if (part.isEmpty() || !Character.isLowerCase(part.charAt(0))) {
                    break;
                }
                pkg.append(part).append('.');
            }
            String p = pkg.length() == name.length() + 1 ? "" : pkg.toString();
            if (shared == null) {
                shared = p;
            } else {
                while (!p.startsWith(shared)) {
                    int cut = shared.lastIndexOf('.', shared.length() - 2);
                    shared = cut < 0 ? "" : shared.substring(0, cut + 1);
                }
            }
        }
        return shared == null ? "" : shared;
    }
}
