package dev.perfdesk.app.ui;

import java.util.function.Consumer;

import dev.perfdesk.core.c2c.C2cReport;
import dev.perfdesk.store.Store;

/** The store-facing side of a {@link C2cTab}: reading the perf c2c report, through the {@link TaskRunner}. */
public final class C2cTabModel {
    private final Store store;
    private final TaskRunner tasks;
    private final long reportId;

    /** The model of the tab showing stored c2c report {@code reportId}. */
    public C2cTabModel(Store store, TaskRunner tasks, long reportId) {
        this.store = store;
        this.tasks = tasks;
        this.reportId = reportId;
    }

    public long reportId() {
        return reportId;
    }

    /** Reads the report in the background, named {@code name}, and hands it to {@code loaded}. */
    public TaskRunner.Cancellable load(String name, Consumer<C2cReport> loaded, Consumer<String> failed) {
        return tasks.submit(() -> store.c2c().load(reportId).withName(name), loaded, failed);
    }
}
