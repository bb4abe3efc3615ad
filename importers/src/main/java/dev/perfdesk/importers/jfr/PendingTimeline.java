package dev.perfdesk.importers.jfr;

import java.util.Arrays;

import dev.perfdesk.core.model.ProfileBuilder;
import dev.perfdesk.core.model.TimelineWriter;

/**
 * The timeline of one chunk's profile, held until the chunk is merged into the recording's profile: its stack and
 * thread indexes are the chunk's own until then. Samples are kept as variable-length integers (time as the
 * difference to the previous sample), about ten bytes each instead of the 24 of four arrays.
 *
 * <pre>{@code
 * PendingTimeline pending = new PendingTimeline();
 * ProfileBuilder part = new ProfileBuilder(pending);
 * ... read a chunk into part ...
 * pending.replay(whole.merge(part), wholeTimeline);
 * }</pre>
 */
final class PendingTimeline implements TimelineWriter {
    /** Four variable-length integers of up to ten bytes. */
    private static final int MAX_SAMPLE_BYTES = 4 * 10;

    private byte[] data = new byte[1 << 12];
    private int length;
    private int count;
    private long lastTime;
    /** Where {@link #replay} reads next. */
    private int position;

    @Override
    public void append(long timeNanos, int stack, int thread, long weight) {
        if (data.length - length < MAX_SAMPLE_BYTES) {
            long grown = Math.min(2L * data.length, Integer.MAX_VALUE - 16);
            if (grown - length < MAX_SAMPLE_BYTES) {
                throw new IllegalStateException("a chunk with more than " + count + " samples of one event type");
            }
            data = Arrays.copyOf(data, (int) grown);
        }
        signed(timeNanos - lastTime);
        unsigned(stack & 0xFFFFFFFFL);
        signed(thread);
        signed(weight);
        lastTime = timeNanos;
        count++;
    }

    /** Number of samples held. */
    int size() {
        return count;
    }

    /** Appends every sample to {@code to} in order, with stacks and threads mapped by {@code merged}. */
    void replay(ProfileBuilder.Merged merged, TimelineWriter to) {
        int[] stacks = merged.stacks();
        position = 0;
        long time = 0;
        for (int i = 0; i < count; i++) {
            time += zigzag(next());
            int stack = stacks[(int) next()];
            int thread = merged.thread((int) zigzag(next()));
            to.append(time, stack, thread, zigzag(next()));
        }
    }

    private long next() {
        long v = 0;
        int shift = 0;
        byte b;
        do {
            b = data[position++];
            v |= (long) (b & 0x7F) << shift;
            shift += 7;
        } while (b < 0);
        return v;
    }

    private static long zigzag(long v) {
        return (v >>> 1) ^ -(v & 1);
    }

    private void signed(long v) {
        unsigned((v << 1) ^ (v >> 63));
    }

    private void unsigned(long v) {
        while ((v & ~0x7FL) != 0) {
            data[length++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        data[length++] = (byte) v;
    }
}
