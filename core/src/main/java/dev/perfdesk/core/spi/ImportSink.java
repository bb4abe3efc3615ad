package dev.perfdesk.core.spi;

import dev.perfdesk.core.bench.BenchmarkRun;
import dev.perfdesk.core.model.Profile;
import dev.perfdesk.core.model.TimelineWriter;

/**
 * Where an importer delivers what it reads. An import opens a timeline for each profile before its samples arrive,
 * then hands over the finished profile with that timeline. Nothing is kept until the whole import succeeds: the
 * store implements this inside one transaction. Benchmark and load-test importers deliver {@link BenchmarkRun}s
 * instead of profiles.
 */
public interface ImportSink {

    /** Opens the timeline of a profile about to be read. */
    TimelineWriter openTimeline();

    /**
     * Accepts a finished profile.
     *
     * @param profile  the profile, without a timeline of its own
     * @param timeline the writer from {@link #openTimeline()} that received its samples (possibly none), or null
     *                 when none was opened for it
     */
    void addProfile(Profile profile, TimelineWriter timeline);

    /**
     * Accepts a finished benchmark run. Sinks that keep only profiles do not override this.
     *
     * @throws UnsupportedOperationException when this sink does not take runs
     */
    default void addRun(BenchmarkRun run) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " does not take benchmark runs");
    }

    /** Accepts a series set: a table of runs over time, such as a CSV file of benchmark results per build. */
    default void addSeries(dev.perfdesk.core.series.SeriesSet set) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " does not take series");
    }

    /** Accepts a perf c2c report: its shared cache lines and their offsets. */
    default void addC2c(dev.perfdesk.core.c2c.C2cReport report) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " does not take c2c reports");
    }
}
