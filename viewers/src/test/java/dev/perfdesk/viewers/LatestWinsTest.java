package dev.perfdesk.viewers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Executor;

import dev.perfdesk.core.progress.CancelledException;
import org.junit.jupiter.api.Test;

/** Plain JUnit: queued executors stand for the worker and the FX thread, so the order of events is the test's. */
class LatestWinsTest {
    /** Holds tasks until the test runs them. */
    private static final class Queue implements Executor {
        final Deque<Runnable> tasks = new ArrayDeque<>();

        @Override
        public void execute(Runnable r) {
            tasks.add(r);
        }

        void runAll() {
            while (!tasks.isEmpty()) {
                tasks.poll().run();
            }
        }
    }

    private final List<String> applied = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();

    @Test
    void sameThreadExecutorsApplyAtOnce() {
        LatestWins work = new LatestWins(Runnable::run, Runnable::run);
        work.submit(m -> "one", applied::add, e -> failures.add(e.getMessage()));
        assertEquals(List.of("one"), applied);
    }

    @Test
    void aNewerRequestWinsEvenWhenTheOlderOneFinishesLast() {
        Queue compute = new Queue();
        Queue ui = new Queue();
        LatestWins work = new LatestWins(compute, ui);
        work.submit(m -> "old", applied::add, e -> failures.add(e.getMessage()));
        Runnable old = compute.tasks.poll();
        work.submit(m -> "new", applied::add, e -> failures.add(e.getMessage()));
        compute.runAll();
        old.run();
        ui.runAll();
        assertEquals(List.of("new"), applied);
    }

    @Test
    void aResultMadeStaleOnItsWayToTheUiIsDropped() {
        Queue ui = new Queue();
        LatestWins work = new LatestWins(Runnable::run, ui);
        work.submit(m -> "first", applied::add, e -> failures.add(e.getMessage()));
        work.submit(m -> "second", applied::add, e -> failures.add(e.getMessage()));
        ui.runAll();
        assertEquals(List.of("second"), applied);
    }

    @Test
    void theMonitorReportsCancelledOnceStale() {
        Queue compute = new Queue();
        LatestWins work = new LatestWins(compute, Runnable::run);
        boolean[] seen = new boolean[2];
        work.submit(m -> {
            seen[0] = m.isCancelled();
            m.checkCancelled();
            return "ran";
        }, applied::add, e -> failures.add(e.getMessage()));
        Runnable first = compute.tasks.poll();
        first.run();
        assertFalse(seen[0]);
        work.<String>submit(m -> {
            work.cancel();
            seen[1] = m.isCancelled();
            throw new CancelledException();
        }, applied::add, e -> failures.add(e.getMessage()));
        compute.runAll();
        assertTrue(seen[1]);
        assertEquals(List.of("ran"), applied);
        assertEquals(List.of(), failures, "a cancelled request is dropped quietly");
    }

    @Test
    void failuresGoToTheFailureHandlerOnTheUiExecutor() {
        Queue ui = new Queue();
        LatestWins work = new LatestWins(Runnable::run, ui);
        work.<String>submit(m -> {
            throw new IllegalStateException("broken");
        }, applied::add, e -> failures.add(e.getMessage()));
        assertEquals(List.of(), failures);
        ui.runAll();
        assertEquals(List.of("broken"), failures);
    }

    @Test
    void cancelAndCloseDropPendingWorkAndCloseIgnoresLaterRequests() {
        Queue compute = new Queue();
        LatestWins work = new LatestWins(compute, Runnable::run);
        work.submit(m -> "cancelled", applied::add, e -> failures.add(e.getMessage()));
        work.cancel();
        compute.runAll();
        work.submit(m -> "closed", applied::add, e -> failures.add(e.getMessage()));
        work.close();
        compute.runAll();
        work.submit(m -> "after", applied::add, e -> failures.add(e.getMessage()));
        assertTrue(work.isClosed());
        assertTrue(compute.tasks.isEmpty(), "nothing runs once closed");
        assertEquals(List.of(), applied);
    }
}
