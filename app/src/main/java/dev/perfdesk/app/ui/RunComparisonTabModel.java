package dev.perfdesk.app.ui;

import java.util.List;
import java.util.function.Consumer;

import dev.perfdesk.app.service.AttachedProfiles;

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

    /** Both runs, read from the store, and the first pair of their attached profiles of one kind, or null. */
    public record Loaded(StoredRun baseline, BenchmarkRun baselineRun, StoredRun candidate, BenchmarkRun candidateRun,
                         ComparisonTab.Sides profiles) {
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
            List<AttachedProfiles.Pair> pairs = AttachedProfiles.pairs(store, baselineRunId, candidateRunId);
            ComparisonTab.Sides profiles = null;
            if (!pairs.isEmpty()) {
                AttachedProfiles.Pair p = pairs.get(0);
                profiles = new ComparisonTab.Sides(AttachedProfiles.side(store, p.baseline(),
                        AttachedProfiles.shortTitle(baselineRunId, p.baseline())), AttachedProfiles.side(store,
                        p.candidate(), AttachedProfiles.shortTitle(candidateRunId, p.candidate())), false,
                        profileNote(pairs));
            }
            return new Loaded(b, store.loadRun(baselineRunId), c, store.loadRun(candidateRunId), profiles);
        }, loaded, failed);
    }

    /** What the profile tab says about the pairs of attached profiles. */
    private String profileNote(List<AttachedProfiles.Pair> pairs) {
        AttachedProfiles.Pair p = pairs.get(0);
        return "Profiles attached to the runs: " + AttachedProfiles.title(p.baseline()) + " (r" + baselineRunId
                + ") vs " + AttachedProfiles.title(p.candidate()) + " (r" + candidateRunId + "), "
                + p.baseline().info().event() + (pairs.size() == 1 ? "" : "; " + (pairs.size() - 1)
                + " more pairs of other kinds are in the report (perfdesk compare r" + baselineRunId + " r"
                + candidateRunId + ")");
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
