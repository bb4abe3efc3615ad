package dev.perfdesk.core.bench;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A series of values over time that belongs to a whole run rather than to one measurement: a load test's reported
 * percentiles and request rate per second (Locust's {@code _stats_history.csv}), or a resource scraped beside the run
 * (a Prometheus {@code query_range} result: CPU, memory, any query). Each value is what the tool reported for its
 * moment; values are drawn as they are and never merged into percentiles. A value may be NaN (Prometheus'
 * {@code "NaN"}, Locust's {@code N/A}) or infinite ({@code "+Inf"}). Immutable: the arrays are copied in and out.
 *
 * <pre>{@code
 * TimeSeries cpu = new TimeSeries("instance:process_cpu_percent:rate5s", Map.of("job", "server"), "%",
 *         TimeSeries.PROMETHEUS, new long[] {1_796_000_000_000_000_000L}, new double[] {12.5});
 * cpu.asBenchmark().figures().mean();   // 12.5, by the one rule of BenchmarkFigures
 * }</pre>
 *
 * @param name       the series' name: a Prometheus metric name ({@code __name__}), or a name such as
 *                   {@code Aggregated p95}
 * @param labels     further labels, in the file's order
 * @param unit       the unit of the values ({@code ms}, {@code req/s}, {@code %}, {@code B}); empty when unknown
 * @param source     where it came from: {@link #PROMETHEUS}, {@link #LOCUST_HISTORY} or another tool's name
 * @param timesNanos epoch nanoseconds per value, ascending
 * @param values     the values
 */
public record TimeSeries(String name, Map<String, String> labels, String unit, String source, long[] timesNanos,
                         double[] values) {
    /** {@link #source()} of a series read from a Prometheus {@code query_range} or {@code query} result. */
    public static final String PROMETHEUS = "Prometheus";
    /** {@link #source()} of a series read from Locust's {@code _stats_history.csv}. */
    public static final String LOCUST_HISTORY = "Locust history";

    /** Checks and copies. */
    public TimeSeries {
        Objects.requireNonNull(name, "name");
        labels = BenchmarkRun.orderedCopy(labels);
        unit = unit == null ? "" : unit;
        source = source == null ? "" : source;
        if (timesNanos.length != values.length) {
            throw new IllegalArgumentException("times and values differ in length");
        }
        timesNanos = timesNanos.clone();
        values = values.clone();
    }

    /** A copy of the times. */
    @Override
    public long[] timesNanos() {
        return timesNanos.clone();
    }

    /** A copy of the values. */
    @Override
    public double[] values() {
        return values.clone();
    }

    /** How many values. */
    public int size() {
        return values.length;
    }

    /** Epoch nanoseconds of value {@code i}. */
    public long timeNanos(int i) {
        return timesNanos[i];
    }

    /** Value {@code i}. */
    public double value(int i) {
        return values[i];
    }

    /** Whether this is a resource scraped beside the run (CPU, memory), for the report's Resources table. */
    public boolean isResource() {
        return PROMETHEUS.equals(source);
    }

    /** The name with the labels in braces, as Prometheus prints a series: {@code up{job="server"}}. */
    public String displayName() {
        if (labels.isEmpty()) {
            return name;
        }
        return name + labels.entrySet().stream().map(e -> e.getKey() + "=\"" + e.getValue() + "\"")
                .collect(Collectors.joining(",", "{", "}"));
    }

    /** How many values are NaN or infinite. */
    public int nonFiniteCount() {
        int n = 0;
        for (double v : values) {
            if (!Double.isFinite(v)) {
                n++;
            }
        }
        return n;
    }

    /**
     * The finite values as the raw samples of a benchmark named like this series, so that its figures (mean, peak,
     * median) come from {@link BenchmarkFigures} like every other number: NaN and infinite values are left out.
     */
    public Benchmark asBenchmark() {
        double[] finite = Arrays.stream(values).filter(Double::isFinite).toArray();
        return Benchmark.builder(name).params(labels).unit(unit).lowerIsBetter(true).samples(finite)
                .attribute("source", source).build();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TimeSeries t && name.equals(t.name) && labels.equals(t.labels) && unit.equals(t.unit)
                && source.equals(t.source) && Arrays.equals(timesNanos, t.timesNanos)
                && Arrays.equals(values, t.values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, labels, unit, source, Arrays.hashCode(timesNanos), Arrays.hashCode(values));
    }

    @Override
    public String toString() {
        return displayName() + " (" + source + ", " + values.length + " values" + (unit.isEmpty() ? "" : ", " + unit)
                + ")";
    }
}
