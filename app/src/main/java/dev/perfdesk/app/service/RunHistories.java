package dev.perfdesk.app.service;

import java.util.ArrayList;
import java.util.List;

import dev.perfdesk.core.series.RunHistory;
import dev.perfdesk.store.RunRepository;
import dev.perfdesk.store.Store;

/**
 * A benchmark's history across the stored runs, as the trend view opens it: every run read in one pass over the
 * store ({@link RunRepository#loadAll}), then {@link RunHistory}'s series of that benchmark. Plain Java; reads the
 * store on the caller's thread.
 */
public final class RunHistories {
    private RunHistories() {
    }

    /**
     * The series (one per mode, metric and unit) of {@code benchmark}, as {@link RunHistory#seriesName} names it;
     * empty when no stored run has it.
     */
    public static List<RunHistory.RunSeries> ofBenchmark(Store store, String benchmark) {
        List<RunHistory.IdentifiedRun> runs = new ArrayList<>();
        for (RunRepository.LoadedRun r : store.runs().loadAll()) {
            runs.add(new RunHistory.IdentifiedRun("r" + r.stored().id(), r.run(), r.stored().importedAt()));
        }
        return RunHistory.ofBenchmark(RunHistory.of(runs), benchmark);
    }
}
