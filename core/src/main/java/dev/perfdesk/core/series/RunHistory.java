package dev.perfdesk.core.series;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import dev.perfdesk.core.bench.BenchUnits;
import dev.perfdesk.core.bench.Benchmark;
import dev.perfdesk.core.bench.BenchmarkRun;
import dev.perfdesk.core.bench.BenchmarkStatus;
import dev.perfdesk.core.changepoint.ChangePointOptions;
import dev.perfdesk.core.changepoint.Direction;

/**
 * Series from stored benchmark runs, one per thing that is comparable across runs: a benchmark (its name and
 * params), its mode, its metric (primary or secondary), its unit and its direction. Two modes or two units never
 * share a line; the same metric recorded in convertible units ({@code ns/op} in one run, {@code us/op} in another)
 * is converted to the unit of its oldest run. Points are ordered by when each run started (else when it was
 * imported); each value is the benchmark's centre ({@link #centre(Benchmark)}).
 *
 * <p>Each point carries the run's id ({@link #RUN_LABEL}, for tooltips and for opening the runs around a change
 * point), its label, commit and tool, every label of the runs ({@link BenchmarkRun#labels()}: platform, branch, ...;
 * a {@code commit} label fills the commit column) and every environment fact that differs between the runs and is no
 * label (JVM version, OS, host...). {@link #configurations(SeriesSet)} offers those, never the run id, as
 * configurations.
 *
 * <pre>{@code
 * List<RunHistory.RunSeries> all = RunHistory.of(List.of(new RunHistory.IdentifiedRun("r3", run, imported)));
 * List<RunHistory.RunSeries> parse = RunHistory.ofBenchmark(all, "parse{size=1000}");
 * parse.get(0).label();   // "thrpt · ops/us"
 * }</pre>
 */
public final class RunHistory {
    /** The label that holds a point's run id, such as {@code r12}. */
    public static final String RUN_LABEL = "run";
    /** The metric name of a benchmark's primary score when it has no mode. */
    public static final String SCORE = "score";
    /** Configuration values a chooser offers at most per label. */
    public static final int MAX_CONFIGURATIONS = 12;

    private static final List<String> RUN_LABELS = List.of(RUN_LABEL, "label", "commit", "tool");

    private RunHistory() {
    }

    /**
     * A run with its id in the store.
     *
     * @param id         its id as the command line prints it ({@code r12})
     * @param run        the run
     * @param importedAt when it was imported, the time used when the run has no start time
     */
    public record IdentifiedRun(String id, BenchmarkRun run, Instant importedAt) {
    }

    /**
     * One comparable series of one benchmark.
     *
     * @param benchmark the benchmark, as {@link #seriesName(Benchmark)} names it; also the set's name
     * @param set       the series set: one metric (named by mode and metric), one row per run that measured it
     * @param direction which way the metric gets better
     */
    public record RunSeries(String benchmark, SeriesSet set, Direction direction) {
        public RunSeries {
            Objects.requireNonNull(benchmark, "benchmark");
            Objects.requireNonNull(set, "set");
            Objects.requireNonNull(direction, "direction");
        }

        /** The series' metric column: {@code thrpt}, {@code avgt · gc.alloc.rate.norm}, or {@code score}. */
        public String metric() {
            return set.metricNames().get(0);
        }

        /** The unit of every value, or empty. */
        public String unit() {
            return set.unit(metric());
        }

        /** What a chooser of series shows: metric and unit as every output spells it, {@code thrpt · ops/µs}. */
        public String label() {
            String unit = unit();
            if (unit.isEmpty()) {
                return metric();
            }
            String shown = " · " + dev.perfdesk.core.bench.DisplayUnits.label(unit);
            String suffix = " · " + unit;
            return metric().endsWith(suffix) ? metric().substring(0, metric().length() - suffix.length()) + shown
                    : metric() + shown;
        }

        /** The directions map {@link SeriesAnalysis#analyze(SeriesSet, ChangePointOptions, Map)} takes. */
        public Map<String, Direction> directions() {
            return Map.of(metric(), direction);
        }
    }

    /** What makes values comparable within one benchmark. */
    private record Key(String benchmark, String mode, String metric, Direction direction) {
    }

    /** One series being collected: its unit (the first run's) and its points. */
    private static final class Collecting {
        final Key key;
        final String unit;
        final List<IdentifiedRun> runs = new ArrayList<>();
        final List<Double> values = new ArrayList<>();

        Collecting(Key key, String unit) {
            this.key = key;
            this.unit = unit;
        }
    }

    /** The series of every benchmark that ran in at least one run: by benchmark, then mode and metric. */
    public static List<RunSeries> of(List<IdentifiedRun> runs) {
        List<IdentifiedRun> ordered = new ArrayList<>(runs);
        ordered.sort(Comparator.comparing(RunHistory::timeOf)
                .thenComparing(r -> r.id().length()).thenComparing(IdentifiedRun::id));
        List<String> labelKeys = labelKeys(ordered);
        List<String> facts = differingEnvironment(ordered);
        facts.removeAll(labelKeys);
        Map<Key, List<Collecting>> byKey = new LinkedHashMap<>();
        for (IdentifiedRun r : ordered) {
            for (Benchmark b : r.run().benchmarks()) {
                if (b.status() != BenchmarkStatus.OK) {
                    continue;
                }
                double value = centre(b);
                if (Double.isNaN(value)) {
                    continue;
                }
                Key key = new Key(seriesName(b), b.mode() == null ? "" : b.mode(), metricOf(b),
                        b.lowerIsBetter() ? Direction.LOWER_IS_BETTER : Direction.HIGHER_IS_BETTER);
                String unit = b.unit() == null ? "" : b.unit();
                List<Collecting> candidates = byKey.computeIfAbsent(key, k -> new ArrayList<>());
                Collecting target = null;
                double converted = value;
                for (Collecting c : candidates) {
                    double v = BenchUnits.convert(value, unit, c.unit);
                    if (!Double.isNaN(v)) {
                        target = c;
                        converted = v;
                        break;
                    }
                }
                if (target == null) {
                    target = new Collecting(key, unit);
                    candidates.add(target);
                }
                target.runs.add(r);
                target.values.add(converted);
            }
        }
        Map<String, Set<String>> namesTaken = new LinkedHashMap<>();
        for (List<Collecting> group : byKey.values()) {
            for (Collecting c : group) {
                namesTaken.computeIfAbsent(c.key.benchmark(), k -> new LinkedHashSet<>());
            }
        }
        List<String> attributes = new ArrayList<>(RUN_LABELS);
        for (String key : labelKeys) {
            attributes.add(labelColumn(key));
        }
        List<String> factColumns = new ArrayList<>();
        for (String fact : facts) {
            String column = RUN_LABELS.contains(fact) ? "env." + fact : fact;
            factColumns.add(column);
            attributes.add(column);
        }
        List<RunSeries> out = new ArrayList<>();
        for (List<Collecting> group : byKey.values()) {
            for (Collecting c : group) {
                String column = columnName(c.key);
                boolean clash = group.size() > 1 || namesTaken.get(c.key.benchmark()).contains(column);
                if (clash && !c.unit.isEmpty()) {
                    column = column + " · " + c.unit;
                }
                namesTaken.get(c.key.benchmark()).add(column);
                SeriesSet.Builder builder = SeriesSet.builder(c.key.benchmark(), List.of(column), attributes);
                builder.unit(column, c.unit);
                for (int i = 0; i < c.runs.size(); i++) {
                    IdentifiedRun r = c.runs.get(i);
                    String[] labels = new String[attributes.size()];
                    labels[0] = r.id();
                    labels[1] = r.run().label();
                    labels[2] = r.run().labels().getOrDefault("commit", r.run().commit());
                    labels[3] = r.run().tool();
                    for (int l = 0; l < labelKeys.size(); l++) {
                        labels[RUN_LABELS.size() + l] = r.run().labels().get(labelKeys.get(l));
                    }
                    int firstFact = RUN_LABELS.size() + labelKeys.size();
                    for (int f = 0; f < facts.size(); f++) {
                        labels[firstFact + f] = r.run().environment().get(facts.get(f));
                    }
                    builder.add(timeOf(r).toEpochMilli(), new double[] {c.values.get(i)}, labels);
                }
                out.add(new RunSeries(c.key.benchmark(), builder.build(), c.key.direction()));
            }
        }
        return out;
    }

    /** The series of one benchmark ({@link #seriesName(Benchmark)}), in the order {@link #of} gives them. */
    public static List<RunSeries> ofBenchmark(List<RunSeries> all, String benchmark) {
        return all.stream().filter(s -> s.benchmark().equals(benchmark)).toList();
    }

    /**
     * The configurations a history can be split into, as {@code label=value}: each run label (label, commit, tool,
     * an environment fact) that takes 2 to {@value #MAX_CONFIGURATIONS} values, at least two of them shared by two
     * runs or more, so that a configuration is a trend rather than one run (a commit per run is none). Never the
     * run id.
     */
    public static List<String> configurations(SeriesSet set) {
        List<String> out = new ArrayList<>();
        for (String attribute : set.attributeNames()) {
            if (attribute.equals(RUN_LABEL)) {
                continue;
            }
            Map<String, SeriesSet> groups = set.groupBy(attribute);
            groups.remove("");
            long trends = groups.values().stream().filter(g -> g.size() >= 2).count();
            if (groups.size() >= 2 && groups.size() <= MAX_CONFIGURATIONS && trends >= 2) {
                for (String value : groups.keySet()) {
                    out.add(attribute + "=" + value);
                }
            }
        }
        return out;
    }

    /** A benchmark's centre, as every view shows it: {@link dev.perfdesk.core.bench.BenchmarkFigures#centre()}. */
    public static double centre(Benchmark b) {
        return b.figures().centre();
    }

    /**
     * The benchmark a history is of: its display name, with its params ({@code parse{size=1000}}). Its modes and
     * metrics are the series of that history.
     */
    public static String seriesName(Benchmark b) {
        return b.displayName();
    }

    /** The metric column of a benchmark's series: mode and metric ({@code avgt · gc.alloc.rate.norm}). */
    public static String metricName(Benchmark b) {
        return columnName(new Key(seriesName(b), b.mode() == null ? "" : b.mode(), metricOf(b),
                Direction.HIGHER_IS_BETTER));
    }

    private static String metricOf(Benchmark b) {
        String metric = b.metric();
        return metric == null || metric.isEmpty() || metric.equals(Benchmark.PRIMARY) ? "" : metric;
    }

    private static String columnName(Key key) {
        if (key.mode().isEmpty() && key.metric().isEmpty()) {
            return SCORE;
        }
        if (key.mode().isEmpty()) {
            return key.metric();
        }
        return key.metric().isEmpty() ? key.mode() : key.mode() + " · " + key.metric();
    }

    /** The label keys of the runs in order of first appearance, without {@code commit} (the commit column's). */
    private static List<String> labelKeys(List<IdentifiedRun> runs) {
        Set<String> keys = new LinkedHashSet<>();
        for (IdentifiedRun r : runs) {
            keys.addAll(r.run().labels().keySet());
        }
        keys.remove("commit");
        return new ArrayList<>(keys);
    }

    /** The column of a label: its key, or {@code label.KEY} for a key that is one of the run's own columns. */
    public static String labelColumn(String key) {
        return RUN_LABELS.contains(key) && !key.equals("commit") ? "label." + key : key;
    }

    /** The environment facts whose values are not the same in every run, in order of first appearance. */
    private static List<String> differingEnvironment(List<IdentifiedRun> runs) {
        Map<String, Set<String>> values = new LinkedHashMap<>();
        for (IdentifiedRun r : runs) {
            for (String k : r.run().environment().keySet()) {
                values.computeIfAbsent(k, x -> new HashSet<>());
            }
        }
        for (IdentifiedRun r : runs) {
            for (Map.Entry<String, Set<String>> e : values.entrySet()) {
                String v = r.run().environment().get(e.getKey());
                e.getValue().add(v == null ? "" : v);
            }
        }
        List<String> out = new ArrayList<>();
        values.forEach((k, v) -> {
            if (v.size() > 1) {
                out.add(k);
            }
        });
        return out;
    }

    private static Instant timeOf(IdentifiedRun r) {
        Instant start = r.run().startTime();
        return start != null ? start : r.importedAt();
    }
}
