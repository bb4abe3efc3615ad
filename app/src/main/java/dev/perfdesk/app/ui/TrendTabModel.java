package dev.perfdesk.app.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import dev.perfdesk.core.changepoint.Direction;
import dev.perfdesk.core.series.ChangePointKey;
import dev.perfdesk.core.series.ChangePointReview;
import dev.perfdesk.core.series.ChangePointReviews;
import dev.perfdesk.core.series.RunHistory;
import dev.perfdesk.core.series.SeriesAnalysis;
import dev.perfdesk.core.series.SeriesSet;
import dev.perfdesk.store.Store;
import dev.perfdesk.store.StoredRun;

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
            List<RunHistory.IdentifiedRun> runs = new ArrayList<>();
            for (StoredRun r : store.listRuns()) {
                runs.add(new RunHistory.IdentifiedRun("r" + r.id(), store.loadRun(r.id()), r.importedAt()));
            }
            List<RunHistory.RunSeries> found = RunHistory.ofBenchmark(RunHistory.of(runs), source.benchmark());
            if (found.isEmpty()) {
                throw new IllegalStateException("no stored run has the benchmark " + source.benchmark());
            }
            return new BenchmarkHistory(found, store.reviews());
        }
        SeriesSet set = store.loadSeries(source.seriesId());
        return new StoredSeriesSet(set, SeriesAnalysis.guessDirections(set), store.reviews());
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
