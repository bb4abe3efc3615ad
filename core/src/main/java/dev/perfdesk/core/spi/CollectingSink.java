package dev.perfdesk.core.spi;

import java.util.ArrayList;
import java.util.List;

import dev.perfdesk.core.bench.BenchmarkRun;
import dev.perfdesk.core.model.Profile;
import dev.perfdesk.core.model.TimelineWriter;

/** An {@link ImportSink} that keeps what it is given in memory, timelines and benchmark runs included. */
public final class CollectingSink implements ImportSink {
    private final List<Profile> profiles = new ArrayList<>();
    private final List<BenchmarkRun> runs = new ArrayList<>();
    private final List<dev.perfdesk.core.series.SeriesSet> series = new ArrayList<>();

    @Override
    public TimelineWriter openTimeline() {
        return new TimelineBuffer();
    }

    @Override
    public void addProfile(Profile profile, TimelineWriter timeline) {
        if (timeline instanceof TimelineBuffer && ((TimelineBuffer) timeline).size() > 0) {
            profile = profile.withTimeline(((TimelineBuffer) timeline).toTimeline());
        }
        profiles.add(profile);
    }

    /** The profiles received, in order. */
    public List<Profile> profiles() {
        return List.copyOf(profiles);
    }

    @Override
    public void addRun(BenchmarkRun run) {
        runs.add(run);
    }

    /** The benchmark runs received, in order. */
    public List<BenchmarkRun> runs() {
        return List.copyOf(runs);
    }

    @Override
    public void addSeries(dev.perfdesk.core.series.SeriesSet set) {
        series.add(set);
    }

    /** The series sets received, in order. */
    public List<dev.perfdesk.core.series.SeriesSet> series() {
        return List.copyOf(series);
    }

    private final List<dev.perfdesk.core.c2c.C2cReport> c2c = new ArrayList<>();

    @Override
    public void addC2c(dev.perfdesk.core.c2c.C2cReport report) {
        c2c.add(report);
    }

    /** The c2c reports received, in order. */
    public List<dev.perfdesk.core.c2c.C2cReport> c2cReports() {
        return c2c;
    }
}
