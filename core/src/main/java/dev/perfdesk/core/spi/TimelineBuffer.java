package dev.perfdesk.core.spi;

import dev.perfdesk.core.model.Timeline;
import dev.perfdesk.core.model.TimelineWriter;
import dev.perfdesk.core.util.IntArrayList;
import dev.perfdesk.core.util.LongArrayList;

/** A {@link TimelineWriter} that keeps the samples in memory and hands them out as a {@link Timeline}. */
public final class TimelineBuffer implements TimelineWriter {
    private final LongArrayList times = new LongArrayList();
    private final IntArrayList stacks = new IntArrayList();
    private final IntArrayList threads = new IntArrayList();
    private final LongArrayList weights = new LongArrayList();

    @Override
    public void append(long timeNanos, int stack, int thread, long weight) {
        times.add(timeNanos);
        stacks.add(stack);
        threads.add(thread);
        weights.add(weight);
    }

    public int size() {
        return times.size();
    }

    public Timeline toTimeline() {
        return new Timeline(times.toArray(), stacks.toArray(), threads.toArray(), weights.toArray());
    }
}
