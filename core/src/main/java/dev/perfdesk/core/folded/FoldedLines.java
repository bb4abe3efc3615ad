package dev.perfdesk.core.folded;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Writes folded lines ({@code a;b;c 12}, or {@code a;b;c 10 12} for a diff) sorted by the stacks' UTF-8 bytes, as
 * {@code stackcollapse-perf.pl | sort} and {@code difffolded.pl} order them: the one place that sorts and writes
 * folded output, for the profile exporter, the call tree's stacks and the differential profile.
 *
 * <pre>{@code
 * FoldedLines.write(Map.of("main;work", new long[] {12}), out);          // "main;work 12\n"
 * FoldedLines.write(stacks, i -> base[i] + " " + cand[i], out);          // difffolded's two counts
 * }</pre>
 */
public final class FoldedLines {
    private FoldedLines() {
    }

    /** Writes each stack with its one weight, {@code lines} mapping stack text to a one-element holder. */
    public static void write(Map<String, long[]> lines, OutputStream out) throws IOException {
        byte[][] stacks = new byte[lines.size()][];
        long[] values = new long[lines.size()];
        int n = 0;
        for (Map.Entry<String, long[]> e : lines.entrySet()) {
            stacks[n] = e.getKey().getBytes(StandardCharsets.UTF_8);
            values[n++] = e.getValue()[0];
        }
        write(stacks, i -> Long.toString(values[i]), out);
    }

    /**
     * Writes {@code stacks[i] + " " + counts.apply(i)} per line, sorted by the stacks' bytes (unsigned, as
     * {@code LC_ALL=C sort}), through one buffer, and flushes.
     */
    public static void write(byte[][] stacks, IntFunction<String> counts, OutputStream out) throws IOException {
        int n = stacks.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Arrays.compareUnsigned(stacks[a], stacks[b]));
        byte[] buffer = new byte[1 << 16];
        int fill = 0;
        for (int idx : order) {
            byte[] key = stacks[idx];
            byte[] count = (" " + counts.apply(idx) + "\n").getBytes(StandardCharsets.US_ASCII);
            if (fill + key.length + count.length > buffer.length) {
                out.write(buffer, 0, fill);
                fill = 0;
            }
            if (key.length + count.length > buffer.length) {
                out.write(key);
                out.write(count);
                continue;
            }
            System.arraycopy(key, 0, buffer, fill, key.length);
            fill += key.length;
            System.arraycopy(count, 0, buffer, fill, count.length);
            fill += count.length;
        }
        out.write(buffer, 0, fill);
        out.flush();
    }
}
