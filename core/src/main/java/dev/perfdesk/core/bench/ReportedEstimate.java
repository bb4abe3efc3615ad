package dev.perfdesk.core.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An estimate a tool reports itself beside its raw samples, with its confidence interval: Criterion.rs's bootstrap
 * mean, median and slope of the time per iteration, or the relative change it measured against its own saved
 * baseline. Perfdesk shows these next to its own figures and verdict and never uses them to compute either: the
 * figures come from {@link BenchmarkFigures}. They travel in {@link Benchmark#statistics()} under
 * {@code reported NAME}, {@code reported NAME lower} and {@code reported NAME upper} (changes under
 * {@code reported change NAME}), so the store keeps them like any reported statistic; the confidence level is the
 * attribute {@value #CONFIDENCE} and what a change is measured against the attribute {@value #CHANGE_AGAINST}.
 *
 * <pre>{@code
 * ReportedEstimate.put(builder, new ReportedEstimate("slope", 2387.99, 2086.13, 2728.74, false));
 * ReportedEstimate.of(benchmark);   // [slope 2387.99 [2086.13, 2728.74]]
 * }</pre>
 *
 * @param name   what the tool calls the estimate: {@code mean}, {@code median}, {@code slope}, {@code std_dev}
 * @param point  the point estimate, in the benchmark's unit (a fraction for a change: -0.056 is -5.6%)
 * @param lower  the lower bound of its confidence interval; NaN when the tool gives none
 * @param upper  the upper bound; NaN when the tool gives none
 * @param change true for a relative change against the tool's own baseline
 */
public record ReportedEstimate(String name, double point, double lower, double upper, boolean change) {
    /** The prefix of an estimate's statistics. */
    public static final String PREFIX = "reported ";
    /** The prefix of a change's statistics. */
    public static final String CHANGE_PREFIX = "reported change ";
    /** The attribute with the confidence level of the intervals, such as {@code 0.95}. */
    public static final String CONFIDENCE = "reported confidence";
    /** The attribute that says what the reported change is measured against. */
    public static final String CHANGE_AGAINST = "reported change against";

    public ReportedEstimate {
        Objects.requireNonNull(name, "name");
    }

    /** Adds {@code e} to the statistics of the benchmark being built. */
    public static void put(Benchmark.Builder b, ReportedEstimate e) {
        String key = (e.change() ? CHANGE_PREFIX : PREFIX) + e.name();
        b.statistic(key, e.point());
        if (!Double.isNaN(e.lower())) {
            b.statistic(key + " lower", e.lower());
        }
        if (!Double.isNaN(e.upper())) {
            b.statistic(key + " upper", e.upper());
        }
    }

    /** The estimates and then the changes {@code b} carries, in the order they were added. */
    public static List<ReportedEstimate> of(Benchmark b) {
        Map<String, Double> s = b.statistics();
        List<ReportedEstimate> estimates = new ArrayList<>();
        List<ReportedEstimate> changes = new ArrayList<>();
        Map<String, Boolean> names = new LinkedHashMap<>();
        for (String key : s.keySet()) {
            if (key.endsWith(" lower") || key.endsWith(" upper")) {
                continue;
            }
            if (key.startsWith(CHANGE_PREFIX)) {
                names.put(key, true);
            } else if (key.startsWith(PREFIX)) {
                names.put(key, false);
            }
        }
        names.forEach((key, change) -> {
            String name = key.substring((change ? CHANGE_PREFIX : PREFIX).length());
            ReportedEstimate e = new ReportedEstimate(name, s.get(key), s.getOrDefault(key + " lower", Double.NaN),
                    s.getOrDefault(key + " upper", Double.NaN), change);
            (change ? changes : estimates).add(e);
        });
        estimates.addAll(changes);
        return estimates;
    }

    /** Only the changes {@code b} carries. */
    public static List<ReportedEstimate> changesOf(Benchmark b) {
        return of(b).stream().filter(ReportedEstimate::change).toList();
    }

    /**
     * This estimate in words, values in the unit that reads best: {@code mean 2.190 µs [1.906 µs 2.503 µs]}, or for
     * a change {@code mean +33.58% [+16.12% +53.63%]}, with the interval in the order the tool prints it (lower,
     * point, upper reads as Criterion's {@code [lower point upper]}).
     */
    public String describe(String unit) {
        if (change) {
            String text = name + " " + DisplayUnits.change(point);
            if (!Double.isNaN(lower) && !Double.isNaN(upper)) {
                text += " [" + DisplayUnits.change(lower) + " " + DisplayUnits.change(upper) + "]";
            }
            return text;
        }
        String shown = DisplayUnits.readable(point, unit);
        String text = name + " " + value(point, unit, shown);
        if (!Double.isNaN(lower) && !Double.isNaN(upper)) {
            text += " [" + value(lower, unit, shown) + " " + value(upper, unit, shown) + "]";
        }
        return text;
    }

    private static String value(double v, String unit, String shown) {
        double converted = shown.equals(unit) ? v : v * DisplayUnits.factor(unit, shown);
        String number = DisplayUnits.number(converted);
        return shown.isEmpty() ? number : number + " " + DisplayUnits.label(shown);
    }
}
