package dev.perfdesk.core.series;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.perfdesk.core.bench.Benchmark;
import dev.perfdesk.core.bench.BenchmarkRun;
import dev.perfdesk.core.bench.BenchmarkStatus;
import dev.perfdesk.core.changepoint.Direction;

/**
 * Series from stored benchmark runs: one per benchmark (name, params and metric) across runs, ordered by when each
 * run started (else when it was imported), so that run history can be analysed for change points like a CSV table.
 * Each point carries the run's id, label, commit and tool as labels, so a change point leads to the two runs around
 * it.
 *
 * <pre>{@code
 * List<RunHistory.RunSeries> all = RunHistory.of(List.of(new RunHistory.IdentifiedRun("r3", run, imported)));
 * }</pre>
 */
public final class RunHistory {
    /** The label that holds a point's run id, such as {@code r12}. */
    public static final String RUN_LABEL = "run";
    /** The metric name of a benchmark's primary score. */
    public static final String SCORE = "score";

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
     * One benchmark's history.
     *
     * @param set       the series set: one metric, one row per run
     * @param direction which way the metric gets better
     */
    public record RunSeries(SeriesSet set, Direction direction) {
        /** The directions map {@link SeriesAnalysis#analyze(SeriesSet, dev.perfdesk.core.changepoint.ChangePointOptions, Map)} takes. */
        public Map<String, Direction> directions() {
            return Map.of(set.metricNames().get(0), direction);
        }
    }

    /** The series of every benchmark that ran in at least one run, by name. */
    public static List<RunSeries> of(List<IdentifiedRun> runs) {
        List<IdentifiedRun> ordered = new ArrayList<>(runs);
        ordered.sort(Comparator.comparing(RunHistory::timeOf).thenComparing(IdentifiedRun::id));
        Map<String, List<Object[]>> byName = new LinkedHashMap<>();
        Map<String, Benchmark> examples = new LinkedHashMap<>();
        for (IdentifiedRun r : ordered) {
            for (Benchmark b : r.run().benchmarks()) {
                if (b.status() != BenchmarkStatus.OK) {
                    continue;
                }
                double value = centre(b);
                if (Double.isNaN(value)) {
                    continue;
                }
                String name = seriesName(b);
                byName.computeIfAbsent(name, k -> new ArrayList<>()).add(new Object[] {r, value});
                examples.putIfAbsent(name, b);
            }
        }
        List<RunSeries> out = new ArrayList<>();
        for (Map.Entry<String, List<Object[]>> e : byName.entrySet()) {
            Benchmark example = examples.get(e.getKey());
            String metric = SCORE;
            SeriesSet.Builder builder = SeriesSet.builder(e.getKey(), List.of(metric),
                    List.of(RUN_LABEL, "label", "commit", "tool"));
            builder.unit(metric, example.unit());
            for (Object[] point : e.getValue()) {
                IdentifiedRun r = (IdentifiedRun) point[0];
                builder.add(timeOf(r).toEpochMilli(), new double[] {(Double) point[1]}, new String[] {r.id(),
                        emptyToNull(r.run().label()), emptyToNull(r.run().commit()), emptyToNull(r.run().tool())});
            }
            out.add(new RunSeries(builder.build(), example.lowerIsBetter() ? Direction.LOWER_IS_BETTER
                    : Direction.HIGHER_IS_BETTER));
        }
        return out;
    }

    /** A benchmark's centre, as every view shows it: {@link dev.perfdesk.core.bench.BenchmarkFigures#centre()}. */
    public static double centre(Benchmark b) {
        return b.figures().centre();
    }

    /** The series name of a benchmark: its display name, and its metric when that is not the primary score. */
    public static String seriesName(Benchmark b) {
        String metric = b.metric();
        return metric == null || metric.isEmpty() || metric.equals(Benchmark.PRIMARY) ? b.displayName()
                : b.displayName() + " · " + metric;
    }

    private static Instant timeOf(IdentifiedRun r) {
        Instant start = r.run().startTime();
        return start != null ? start : r.importedAt();
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
