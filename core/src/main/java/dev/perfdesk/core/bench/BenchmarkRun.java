package dev.perfdesk.core.bench;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One run of a benchmark or load-test tool: when and where it ran, and the benchmarks it measured. Immutable.
 *
 * <pre>{@code
 * BenchmarkRun run = new BenchmarkRun("jmh.json", "JMH", "jmh-json", null,
 *         Map.of("jdkVersion", "17.0.15"), "", "", Map.of(), List.of(benchmark));
 * for (Benchmark b : run.benchmarks()) {
 *     System.out.println(b.displayName() + " " + b.centre() + " " + b.unit());
 * }
 * }</pre>
 *
 * @param name        a name for people, by default the file name
 * @param tool        the tool that wrote the file, as it names itself ({@code JMH}, {@code hyperfine}, {@code k6})
 * @param format      the importer's format id, such as {@code jmh-json}
 * @param startTime   when the run started, or null when the file does not say
 * @param environment machine and environment facts (JVM, CPU count, OS, host), in the file's order
 * @param label       a label for the run (a git branch, a pytest-benchmark save name); empty when none
 * @param commit      the commit measured; empty when not known
 * @param tags        further tags of the whole run, in the file's order
 * @param benchmarks  the benchmarks, in file order
 * @param series      series over time of the whole run: the tool's own history (Locust's) and resources attached
 *                    to it (Prometheus), in the order they were added
 * @param labels      the run's labels ({@code platform=aws-m6i}, {@code branch=main}): given at import, read from the
 *                    CI environment, or recorded by the file itself ({@link RunLabels#recorded}); what lists filter
 *                    on and what splits a benchmark's history into configurations. Empty when none
 */
public record BenchmarkRun(String name, String tool, String format, Instant startTime, Map<String, String> environment,
                           String label, String commit, Map<String, String> tags, List<Benchmark> benchmarks,
                           List<TimeSeries> series, Map<String, String> labels) {

    /** Copies the maps (keeping their order) and the list; nulls become empty. */
    public BenchmarkRun {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(tool, "tool");
        Objects.requireNonNull(format, "format");
        environment = orderedCopy(environment);
        label = label == null ? "" : label;
        commit = commit == null ? "" : commit;
        tags = orderedCopy(tags);
        benchmarks = List.copyOf(benchmarks);
        series = series == null ? List.of() : List.copyOf(series);
        labels = orderedCopy(labels);
    }

    /** A run without labels. */
    public BenchmarkRun(String name, String tool, String format, Instant startTime, Map<String, String> environment,
                        String label, String commit, Map<String, String> tags, List<Benchmark> benchmarks,
                        List<TimeSeries> series) {
        this(name, tool, format, startTime, environment, label, commit, tags, benchmarks, series, Map.of());
    }

    /** A run without series over time. */
    public BenchmarkRun(String name, String tool, String format, Instant startTime, Map<String, String> environment,
                        String label, String commit, Map<String, String> tags, List<Benchmark> benchmarks) {
        this(name, tool, format, startTime, environment, label, commit, tags, benchmarks, List.of(), Map.of());
    }

    static Map<String, String> orderedCopy(Map<String, String> map) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(map == null ? Map.of() : map));
    }

    /** A copy with another name. */
    public BenchmarkRun withName(String newName) {
        return new BenchmarkRun(newName, tool, format, startTime, environment, label, commit, tags, benchmarks, series,
                labels);
    }

    /** A copy with these labels instead of its own. */
    public BenchmarkRun withLabels(Map<String, String> newLabels) {
        return new BenchmarkRun(name, tool, format, startTime, environment, label, commit, tags, benchmarks, series,
                newLabels);
    }

    /** A copy with {@code more} series after this run's own. */
    public BenchmarkRun withSeries(List<TimeSeries> more) {
        List<TimeSeries> all = new java.util.ArrayList<>(series);
        all.addAll(more);
        return new BenchmarkRun(name, tool, format, startTime, environment, label, commit, tags, benchmarks, all,
                labels);
    }

    /** The series that are resources scraped beside the run ({@link TimeSeries#isResource()}). */
    public List<TimeSeries> resourceSeries() {
        return series.stream().filter(TimeSeries::isResource).toList();
    }
}
