package dev.perfdesk.app.ui;

import java.util.function.Consumer;

import dev.perfdesk.core.bench.BenchmarkRun;
import dev.perfdesk.core.report.RunComparison;
import dev.perfdesk.store.Store;
import dev.perfdesk.store.StoredComparison;
import dev.perfdesk.store.StoredRun;

/**
 * The store-facing side of a {@link RunComparisonTab}: reading the two runs, and saving the comparison with its
 * thresholds and verdict. Work runs through the {@link TaskRunner}; results reach the FX thread in one step.
 */
public final class RunComparisonTabModel {

    /** Both runs, read from the store. */
    public record Loaded(StoredRun baseline, BenchmarkRun baselineRun, StoredRun candidate, BenchmarkRun candidateRun) {
    }

    private final Store store;
    private final TaskRunner tasks;
    private final long baselineRunId;
    private final long candidateRunId;

    /** The model of comparing stored run {@code candidateRunId} with {@code baselineRunId}. */
    public RunComparisonTabModel(Store store, TaskRunner tasks, long baselineRunId, long candidateRunId) {
        this.store = store;
        this.tasks = tasks;
        this.baselineRunId = baselineRunId;
        this.candidateRunId = candidateRunId;
    }

    public long baselineRunId() {
        return baselineRunId;
    }

    public long candidateRunId() {
        return candidateRunId;
    }

    /** Reads both runs in the background. */
    public TaskRunner.Cancellable load(Consumer<Loaded> loaded, Consumer<String> failed) {
        return tasks.submit(() -> {
            StoredRun b = store.findRun(baselineRunId).orElseThrow(() -> new IllegalArgumentException(
                    "no run with id r" + baselineRunId));
            StoredRun c = store.findRun(candidateRunId).orElseThrow(() -> new IllegalArgumentException(
                    "no run with id r" + candidateRunId));
            return new Loaded(b, store.loadRun(baselineRunId), c, store.loadRun(candidateRunId));
        }, loaded, failed);
    }

    /** Keeps comparison {@code c} of the two runs, with its thresholds and verdict, in the store. */
    public TaskRunner.Cancellable save(RunComparison c, Consumer<StoredComparison> saved, Consumer<String> failed) {
        double threshold = c.options().noiseThreshold();
        double alpha = c.options().alpha();
        String verdict = c.verdict().verdict().label();
        return tasks.submit(() -> store.saveComparison("", StoredComparison.Kind.RUN, baselineRunId, candidateRunId,
                threshold, alpha, verdict), saved, failed);
    }
}
