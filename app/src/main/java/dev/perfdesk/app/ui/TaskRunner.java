package dev.perfdesk.app.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

import javafx.concurrent.Task;

/**
 * Runs background tasks. The application uses a pool of daemon threads; view-model tests run tasks on the calling
 * thread ({@link #CURRENT_THREAD}) so they need no waiting and no FX toolkit.
 *
 * <p>View models hand their store work to {@link #submit}: the work runs off the FX thread and its result, or a
 * description of its failure, reaches the FX thread in one step.
 */
public interface TaskRunner {
    /** Runs tasks on the calling thread: for tests. {@link #submit} then needs no FX toolkit. */
    TaskRunner CURRENT_THREAD = new TaskRunner() {
        @Override
        public void run(Task<?> task) {
            task.run();
        }

        @Override
        public <T> Cancellable submit(Callable<T> work, Consumer<? super T> done, Consumer<String> failed) {
            T value;
            try {
                value = work.call();
            } catch (Exception | Error e) {
                failed.accept(describe(e));
                return () -> { };
            }
            done.accept(value);
            return () -> { };
        }
    };

    /** Starts {@code task}; its handlers run on the FX thread as usual. */
    void run(Task<?> task);

    /**
     * Runs {@code work} in the background; then, on the FX thread, hands its result to {@code done} or a description
     * of its failure (in words, for a status line or dialog) to {@code failed}. Neither runs once cancelled.
     */
    default <T> Cancellable submit(Callable<T> work, Consumer<? super T> done, Consumer<String> failed) {
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                return work.call();
            }
        };
        task.setOnSucceeded(e -> done.accept(task.getValue()));
        task.setOnFailed(e -> failed.accept(describe(task.getException())));
        run(task);
        return () -> task.cancel();
    }

    /** What a failure says to a user: its message, or its kind when it has none. */
    static String describe(Throwable t) {
        return t == null ? "unknown error" : t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName();
    }

    /** Stops work handed to {@link #submit}; its handlers then do not run. */
    @FunctionalInterface
    interface Cancellable {
        void cancel();
    }

    /** A runner backed by daemon threads named {@code perfdesk-task}. */
    static TaskRunner background() {
        ExecutorService pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "perfdesk-task");
            t.setDaemon(true);
            return t;
        });
        return pool::execute;
    }
}
