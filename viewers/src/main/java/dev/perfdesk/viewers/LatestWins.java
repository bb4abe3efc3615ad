package dev.perfdesk.viewers;

import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;

import dev.perfdesk.core.progress.CancelledException;
import dev.perfdesk.core.progress.ProgressMonitor;
import javafx.application.Platform;

/**
 * Background work where the latest request wins: the one way view models in viewers compute off the UI thread.
 * Each {@link #submit} runs its work on the compute executor and hands the result to the UI executor, where it is
 * applied in one step, unless a newer request (or {@link #cancel()}/{@link #close()}) has made it stale by then.
 * The work's {@link ProgressMonitor} reports cancelled as soon as the request is stale, so long work can stop early
 * by throwing {@link CancelledException}, which is then dropped quietly.
 *
 * <p>In the application the UI executor is {@link #fxThread()}; in plain unit tests both executors are
 * {@code Runnable::run}, so a view model computes and applies on the calling thread, without a JavaFX toolkit.
 * This class never shuts its executors down: whoever created an executor owns it.
 *
 * <pre>{@code
 * LatestWins work = new LatestWins(compute, LatestWins.fxThread());
 * work.submit(monitor -> analyse(input, monitor), result -> reports.set(result), e -> error.set(e.getMessage()));
 * }</pre>
 */
public final class LatestWins implements AutoCloseable {
    private static final Executor FX_THREAD = r -> {
        if (Platform.isFxApplicationThread()) {
            r.run();
        } else {
            Platform.runLater(r);
        }
    };

    private final Executor compute;
    private final Executor ui;
    private final AtomicLong generation = new AtomicLong();
    private volatile boolean closed;

    /**
     * @param compute where work runs; {@code Runnable::run} runs it on the calling thread
     * @param ui      where results are applied; {@link #fxThread()} in the application, {@code Runnable::run} in tests
     */
    public LatestWins(Executor compute, Executor ui) {
        this.compute = Objects.requireNonNull(compute, "compute");
        this.ui = Objects.requireNonNull(ui, "ui");
    }

    /** Runs a task now when called on the FX thread, later on it otherwise. */
    public static Executor fxThread() {
        return FX_THREAD;
    }

    /**
     * Makes every earlier request stale and runs {@code work} on the compute executor; its result goes to
     * {@code apply}, or the exception it threw (other than {@link CancelledException}) to {@code failed}, both on
     * the UI executor and only while this request is still the latest. Does nothing once closed.
     */
    public <T> void submit(Function<ProgressMonitor, T> work, Consumer<? super T> apply,
                           Consumer<? super RuntimeException> failed) {
        Objects.requireNonNull(work, "work");
        Objects.requireNonNull(apply, "apply");
        Objects.requireNonNull(failed, "failed");
        long gen = generation.incrementAndGet();
        if (closed) {
            return;
        }
        ProgressMonitor monitor = new ProgressMonitor() {
            @Override
            public void progress(long done, long total) {
            }

            @Override
            public boolean isCancelled() {
                return !isLatest(gen);
            }
        };
        compute.execute(() -> {
            if (!isLatest(gen)) {
                return;
            }
            T result;
            try {
                result = work.apply(monitor);
            } catch (CancelledException e) {
                return;
            } catch (RuntimeException e) {
                ui.execute(() -> {
                    if (isLatest(gen)) {
                        failed.accept(e);
                    }
                });
                return;
            }
            ui.execute(() -> {
                if (isLatest(gen)) {
                    apply.accept(result);
                }
            });
        });
    }

    private boolean isLatest(long gen) {
        return !closed && generation.get() == gen;
    }

    /** Makes every request so far stale: none of them is applied any more. */
    public void cancel() {
        generation.incrementAndGet();
    }

    /** Cancels every request and ignores later ones; the executors are left to their owners. */
    @Override
    public void close() {
        closed = true;
        cancel();
    }

    /** Whether {@link #close()} was called. */
    public boolean isClosed() {
        return closed;
    }
}
