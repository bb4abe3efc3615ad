package dev.perfdesk.app.ui;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import dev.perfdesk.core.bench.Benchmark;
import dev.perfdesk.core.bench.BenchmarkRun;
import dev.perfdesk.store.Store;
import dev.perfdesk.store.StoredProfile;
import dev.perfdesk.store.StoredRun;

/**
 * The store-facing side of a {@link RunTab}: reading the run, and finding the same benchmark in the other stored
 * runs to overlay. Work runs through the {@link TaskRunner}; results reach the FX thread in one step.
 */
public final class RunTabModel {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    /** Another run's benchmark that matches the one shown. */
    public record Candidate(StoredRun run, Benchmark benchmark) {
        @Override
        public String toString() {
            return run.name() + "  —  " + run.tool() + ", r" + run.id() + ", imported "
                    + WHEN.format(run.importedAt());
        }
    }

    private final Store store;
    private final TaskRunner tasks;
    private final long runId;

    /** The model of the tab showing stored run {@code runId}. */
    public RunTabModel(Store store, TaskRunner tasks, long runId) {
        this.store = store;
        this.tasks = tasks;
        this.runId = runId;
    }

    /** The id of the run shown. */
    public long runId() {
        return runId;
    }

    /** The runner the tab's own work uses. */
    TaskRunner tasks() {
        return tasks;
    }

    /** A run and the profiles attached to it. */
    public record Loaded(BenchmarkRun run, List<StoredProfile> profiles) {
    }

    /**
     * Reads the run and its attached profiles in the background and hands them to {@code loaded}, or what went
     * wrong to {@code failed}.
     */
    public TaskRunner.Cancellable load(Consumer<Loaded> loaded, Consumer<String> failed) {
        return tasks.submit(() -> new Loaded(store.loadRun(runId), store.profilesOfRun(runId)), loaded, failed);
    }

    /**
     * Looks in the background for benchmark {@code b} (same name, parameters, mode and metric) in every other
     * stored run, and hands the matches, possibly none, to {@code found}.
     */
    public TaskRunner.Cancellable findInOtherRuns(Benchmark b, Consumer<List<Candidate>> found,
                                                  Consumer<String> failed) {
        return tasks.submit(() -> {
            List<Candidate> out = new ArrayList<>();
            for (StoredRun other : store.listRuns()) {
                if (other.id() == runId) {
                    continue;
                }
                for (Benchmark ob : store.loadRun(other.id()).benchmarks()) {
                    if (ob.key().equals(b.key())) {
                        out.add(new Candidate(other, ob));
                        break;
                    }
                }
            }
            return out;
        }, found, failed);
    }
}
