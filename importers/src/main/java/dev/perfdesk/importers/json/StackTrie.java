package dev.perfdesk.importers.json;

import java.util.List;

import dev.perfdesk.core.model.Frame;
import dev.perfdesk.core.model.ProfileBuilder;
import dev.perfdesk.core.model.StackTable;
import dev.perfdesk.core.util.IntArrayList;
import dev.perfdesk.core.util.LongIntHashMap;

/**
 * Stacks of a file's own frame indexes, interned while it streams, for formats whose frame table may come after the
 * samples (speedscope's {@code shared.frames}, Chrome's node list). {@link #node} interns; {@link #replay} builds the
 * stacks in a {@link ProfileBuilder} once the frames are known.
 */
public final class StackTrie {
    /** The root, the empty stack. */
    public static final int ROOT = 0;

    private final LongIntHashMap index = new LongIntHashMap(1 << 10);
    private final IntArrayList parents = new IntArrayList(1 << 10);
    private final IntArrayList frames = new IntArrayList(1 << 10);

    public StackTrie() {
        parents.add(-1);
        frames.add(-1);
    }

    /** The node for {@code parent} extended by the file's frame {@code frame}. */
    public int node(int parent, int frame) {
        long key = ((long) parent << 32) | (frame & 0xFFFFFFFFL);
        int node = index.get(key);
        if (node < 0) {
            node = parents.size();
            index.putIfAbsent(key, node);
            parents.add(parent);
            frames.add(frame);
        }
        return node;
    }

    /** The file's frame at {@code node}. */
    public int frame(int node) {
        return frames.get(node);
    }

    public int size() {
        return parents.size();
    }

    /**
     * For every node, its stack node in {@code builder}, with the file's frame {@code i} as {@code frameTable.get(i)}.
     *
     * @throws IndexOutOfBoundsException naming the first frame index the table does not have
     */
    public int[] replay(ProfileBuilder builder, List<Frame> frameTable) {
        int[] frameIds = new int[frameTable.size()];
        for (int i = 0; i < frameIds.length; i++) {
            frameIds[i] = builder.frame(frameTable.get(i));
        }
        int[] out = new int[parents.size()];
        out[ROOT] = StackTable.ROOT;
        for (int n = 1; n < out.length; n++) {
            int f = frames.get(n);
            if (f < 0 || f >= frameIds.length) {
                throw new IndexOutOfBoundsException("frame " + f + " is not in the frame table of "
                        + frameIds.length + " frames");
            }
            out[n] = builder.child(out[parents.get(n)], frameIds[f]);
        }
        return out;
    }
}
