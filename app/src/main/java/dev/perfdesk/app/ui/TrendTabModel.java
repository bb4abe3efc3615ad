package dev.perfdesk.app.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import dev.perfdesk.app.service.AttachedProfiles;
import dev.perfdesk.app.service.RunHistories;
import dev.perfdesk.core.bench.DisplayUnits;
import dev.perfdesk.core.changepoint.Direction;
import dev.perfdesk.core.series.ChangePointKey;
import dev.perfdesk.core.series.ChangePointReview;
import dev.perfdesk.core.series.ChangePointReviews;
import dev.perfdesk.core.series.RunHistory;
import dev.perfdesk.core.series.SeriesAnalysis;
import dev.perfdesk.core.series.SeriesChangePoint;
import dev.perfdesk.core.series.SeriesSet;
import dev.perfdesk.store.Store;

/**
 * The store-facing side of a {@link TrendTab}: reading a stored series set, or one benchmark's history across the
 * stored runs, with the reviews of its change points; and saving a review. Work runs through the
 * {@link TaskRunner}; results reach the FX thread in one step.
 */
public final class TrendTabModel {

    /**
     * What a trend tab shows.
     *
     * @param seriesId  a stored series set's id, or -1
     * @param benchmark a benchmark across stored runs, as {@link RunHistory#seriesName} names it, or null
     */
    public record Source(long seriesId, String benchmark) {
        public static Source series(long id) {
            return new Source(id, null);
        }

        public static Source benchmark(String name) {
            return new Source(-1, name);
        }
    }

    /** What the background load of a history found. */
    public sealed interface Loaded permits BenchmarkHistory, StoredSeriesSet {
        /** The reviews of change points the store holds. */
        ChangePointReviews reviews();
    }

    /** A benchmark's series across the stored runs, one per mode, metric and unit. */
    public record BenchmarkHistory(List<RunHistory.RunSeries> series, ChangePointReviews reviews) implements Loaded {
    }

    /** A stored series set with the direction guessed for each metric. */
    public record StoredSeriesSet(SeriesSet set, Map<String, Direction> directions, ChangePointReviews reviews)
            implements Loaded {
    }

    private final Store store;
    private final TaskRunner tasks;
    private final Source source;

    /** The model of the trend tab showing {@code source}. */
    public TrendTabModel(Store store, TaskRunner tasks, Source source) {
        this.store = store;
        this.tasks = tasks;
        this.source = source;
    }

    /** What the tab shows. */
    public Source source() {
        return source;
    }

    /** Reads the history in the background and hands it to {@code loaded}, or what went wrong to {@code failed}. */
    public TaskRunner.Cancellable load(Consumer<Loaded> loaded, Consumer<String> failed) {
        return tasks.submit(this::read, loaded, failed);
    }

    private Loaded read() {
        if (source.benchmark() != null) {
            List<RunHistory.RunSeries> found = RunHistories.ofBenchmark(store, source.benchmark());
            if (found.isEmpty()) {
                throw new IllegalStateException("no stored run has the benchmark " + source.benchmark());
            }
            return new BenchmarkHistory(found, store.reviews());
        }
        SeriesSet set = store.loadSeries(source.seriesId());
        return new StoredSeriesSet(set, SeriesAnalysis.guessDirections(set), store.reviews());
    }

    /** The runs whose profiles a change point opens, as the background lookup found them. */
    public record ProfilePlan(long baselineRunId, long candidateRunId, AttachedProfiles.Pair pair, String note) {
    }

    /**
     * Looks in the background for the profiles attached to the runs around change point {@code cp} of the runs
     * {@code runIds} (-1 where a point is not a stored run), or to the nearest runs before and after it that have
     * some; hands the plan, or null when no run on one side has a profile of a kind the other has, to {@code found}.
     */
    public TaskRunner.Cancellable findProfiles(List<Long> runIds, SeriesChangePoint cp, Consumer<ProfilePlan> found,
                                               Consumer<String> failed) {
        int after = cp.index();
        return tasks.submit(() -> {
            AttachedProfiles.Around around = AttachedProfiles.around(runIds, after - 1, after,
                    store.runs().idsWithProfiles());
            if (!around.found()) {
                return null;
            }
            long b = runIds.get(around.baselineIndex());
            long c = runIds.get(around.candidateIndex());
            List<AttachedProfiles.Pair> pairs = AttachedProfiles.pairs(store, b, c);
            if (pairs.isEmpty()) {
                return null;
            }
            return new ProfilePlan(b, c, pairs.get(0), profileNote(cp, runIds.get(after - 1), runIds.get(after),
                    b, c, around.nearest()));
        }, found, failed);
    }

    /** The work that reads and names both sides of a plan's profiles, for a {@link ComparisonTab}. */
    public java.util.concurrent.Callable<ComparisonTab.Sides> profileSides(ProfilePlan plan) {
        AttachedProfiles.Pair pair = plan.pair();
        return () -> new ComparisonTab.Sides(
                AttachedProfiles.side(store, pair.baseline(), AttachedProfiles.shortTitle(plan.baselineRunId(),
                        pair.baseline())),
                AttachedProfiles.side(store, pair.candidate(), AttachedProfiles.shortTitle(plan.candidateRunId(),
                        pair.candidate())), false, plan.note());
    }

    /**
     * The line above the differential flame graph opened from a change point: which runs' profiles it compares,
     * and, when they are not the two runs at the change point, that they are the nearest that have profiles.
     */
    static String profileNote(SeriesChangePoint cp, long beforeRun, long afterRun, long baselineRun,
                              long candidateRun, boolean nearest) {
        String change = cp.metric() + " " + DisplayUnits.percent(cp.changePercent()) + " at run " + cp.index();
        if (!nearest) {
            return "Profiles attached to r" + baselineRun + " and r" + candidateRun + ", the runs on either side "
                    + "of the change point (" + change + ").";
        }
        List<String> missing = new ArrayList<>();
        if (baselineRun != beforeRun) {
            missing.add("r" + beforeRun + " before it");
        }
        if (candidateRun != afterRun) {
            missing.add("r" + afterRun + " after it");
        }
        return "The runs at the change point (" + change + ") have no profiles (" + String.join(", ", missing)
                + "): comparing the nearest runs that have, r" + baselineRun + " before and r" + candidateRun
                + " after.";
    }

    /**
     * Keeps {@code review} of the change point {@code key} in the store, in the background, and hands the reviews
     * the store then holds to {@code saved}.
     */
    public TaskRunner.Cancellable saveReview(ChangePointKey key, ChangePointReview review,
                                             Consumer<ChangePointReviews> saved,
                                             Consumer<String> failed) {
        return tasks.submit(() -> {
            store.saveReview(key, review);
            return store.reviews();
        }, saved, failed);
    }
}
