package dev.perfdesk.core.folded;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.perfdesk.core.model.Profile;
import dev.perfdesk.core.model.SampleTable;
import dev.perfdesk.core.model.StackTable;
import dev.perfdesk.core.naming.FrameNamer;

/**
 * Writes a profile as folded stacks, one line per distinct stack: {@code root;frame;...;leaf WEIGHT}, sorted by
 * byte order and weights summed, exactly as FlameGraph's stackcollapse scripts print them.
 *
 * <pre>{@code
 * FoldedStackWriter.write(profile, FrameNamers.forProfile(profile), out);
 * }</pre>
 */
public final class FoldedStackWriter {

    private FoldedStackWriter() {
    }

    /** Writes every sample of {@code profile}. */
    public static void write(Profile profile, FrameNamer namer, OutputStream out) throws IOException {
        SampleTable samples = profile.samples();
        int[] stacks = new int[samples.size()];
        int[] threads = new int[samples.size()];
        long[] weights = new long[samples.size()];
        for (int i = 0; i < stacks.length; i++) {
            stacks[i] = samples.stack(i);
            threads[i] = samples.thread(i);
            weights[i] = samples.weight(i);
        }
        write(profile, namer, stacks, threads, weights, out);
    }

    /** Writes the given weighted (stack, thread) rows of {@code profile}, such as a filtered view's. */
    public static void write(Profile profile, FrameNamer namer, int[] stacks, int[] threads, long[] weights,
                             OutputStream out) throws IOException {
        FoldedLines.write(collapse(profile, namer, stacks, threads, weights), out);
    }

    /** The folded lines of the given rows, unsorted: stack text to a one-element weight holder. */
    static Map<String, long[]> collapse(Profile profile, FrameNamer namer, int[] stacks, int[] threads,
                                        long[] weights) {
        StackTable table = profile.stacks();
        Map<String, long[]> lines = new HashMap<>();
        List<String> names = new ArrayList<>();
        StringBuilder sb = new StringBuilder(256);
        for (int i = 0; i < stacks.length; i++) {
            names.clear();
            int thread = threads[i];
            String root = namer.rootName(thread);
            if (root != null) {
                names.add(root);
            }
            for (int frame : table.frames(stacks[i])) {
                namer.appendNames(frame, thread, names);
            }
            if (names.isEmpty()) {
                continue;
            }
            sb.setLength(0);
            for (int j = 0; j < names.size(); j++) {
                if (j > 0) {
                    sb.append(';');
                }
                sb.append(names.get(j));
            }
            lines.computeIfAbsent(sb.toString(), k -> new long[1])[0] += weights[i];
        }
        return lines;
    }
}
