package dev.perfdesk.core.model;

/**
 * Receives a profile's timestamped samples as an importer reads them, so that they need not be held in memory.
 * Implementations: the store writes them into the open import transaction; {@link dev.perfdesk.core.spi.TimelineBuffer} keeps them.
 */
public interface TimelineWriter {
    /** A writer that drops everything. */
    TimelineWriter DISCARD = (time, stack, thread, weight) -> { };

    /**
     * @param timeNanos the sample's time in nanoseconds
     * @param stack     the stack id in the profile's {@link dev.perfdesk.core.model.StackTable}
     * @param thread    the thread index, or -1
     * @param weight    the sample's weight
     */
    void append(long timeNanos, int stack, int thread, long weight);
}
