package dev.perfdesk.core.flame;

import java.util.List;

import dev.perfdesk.core.calltree.FrameNames;
import dev.perfdesk.core.calltree.NamedStacks;
import dev.perfdesk.core.model.FrameKind;
import dev.perfdesk.core.util.IntArrayList;
import dev.perfdesk.core.util.LongArrayList;

/**
 * Applies {@link StackTransform}s to named stacks before a call tree is built from them, so every view (flame graph,
 * function table, butterfly, folded export) sees the same transformed samples.
 *
 * <pre>{@code
 * NamedStacks focused = StackTransforms.apply(stacks, List.of(StackTransform.focus("parse")));
 * CallTree tree = focused.topDown();   // parse at the root, its callees from every call site merged
 * }</pre>
 */
public final class StackTransforms {

    private StackTransforms() {
    }

    /** The stacks with every transform applied in order. */
    public static NamedStacks apply(NamedStacks stacks, List<StackTransform> transforms) {
        NamedStacks out = stacks;
        for (StackTransform t : transforms) {
            out = apply(out, t);
        }
        return out;
    }

    /** The stacks with one transform applied. */
    public static NamedStacks apply(NamedStacks stacks, StackTransform transform) {
        if (transform.isCallNode()) {
            int[] path = pathIds(stacks, transform.function());
            if (path == null) {
                // No stack has that node: focusing keeps nothing, merging changes nothing.
                return transform.kind() == StackTransform.Kind.FOCUS_CALL_NODE ? new Rows(0).build(stacks) : stacks;
            }
            return transform.kind() == StackTransform.Kind.FOCUS_CALL_NODE ? focusCallNode(stacks, path)
                    : mergeCallNode(stacks, path);
        }
        if (transform.kind() == StackTransform.Kind.COLLAPSE_GROUP) {
            return collapseGroup(stacks, transform.function());
        }
        int fn = stacks.names().id(transform.function());
        switch (transform.kind()) {
            case MERGE:
                return fn < 0 ? stacks : merge(stacks, fn);
            case FOCUS:
                return focus(stacks, fn);
            case EXCLUDE:
                return fn < 0 ? stacks : exclude(stacks, fn);
            case COLLAPSE_RECURSION:
                return fn < 0 ? stacks : collapseRecursion(stacks, fn);
            default:
                throw new IllegalArgumentException(transform.kind().name());
        }
    }

    /**
     * The stacks through {@code function}, each cut just after its first (outermost) frame of it: the calling
     * contexts of the function, for the callers half of a sandwich view. The weight kept is the function's total.
     */
    public static NamedStacks callersOf(NamedStacks stacks, String function) {
        int fn = stacks.names().id(function);
        Rows out = new Rows(16);
        for (int r = 0; r < stacks.size() && fn >= 0; r++) {
            int len = stacks.length(r);
            int first = -1;
            for (int i = 0; i < len; i++) {
                if (stacks.nameAt(r, i) == fn) {
                    first = i;
                    break;
                }
            }
            if (first < 0) {
                continue;
            }
            out.begin();
            for (int i = 0; i <= first; i++) {
                out.add(stacks.nameAt(r, i));
            }
            out.end(stacks.thread(r), stacks.weight(r));
        }
        return out.build(stacks);
    }

    private static NamedStacks focus(NamedStacks in, int fn) {
        Rows out = new Rows(in.size());
        for (int r = 0; r < in.size(); r++) {
            int len = in.length(r);
            int first = -1;
            for (int i = 0; i < len && fn >= 0; i++) {
                if (in.nameAt(r, i) == fn) {
                    first = i;
                    break;
                }
            }
            if (first < 0) {
                continue;
            }
            out.begin();
            for (int i = first; i < len; i++) {
                out.add(in.nameAt(r, i));
            }
            out.end(in.thread(r), in.weight(r));
        }
        return out.build(in);
    }

    private static NamedStacks exclude(NamedStacks in, int fn) {
        Rows out = new Rows(in.size());
        for (int r = 0; r < in.size(); r++) {
            int len = in.length(r);
            boolean found = false;
            for (int i = 0; i < len && !found; i++) {
                found = in.nameAt(r, i) == fn;
            }
            if (found) {
                continue;
            }
            out.begin();
            for (int i = 0; i < len; i++) {
                out.add(in.nameAt(r, i));
            }
            out.end(in.thread(r), in.weight(r));
        }
        return out.build(in);
    }

    private static NamedStacks collapseRecursion(NamedStacks in, int fn) {
        Rows out = new Rows(in.size());
        for (int r = 0; r < in.size(); r++) {
            int len = in.length(r);
            int first = -1;
            int last = -1;
            for (int i = 0; i < len; i++) {
                if (in.nameAt(r, i) == fn) {
                    if (first < 0) {
                        first = i;
                    }
                    last = i;
                }
            }
            out.begin();
            for (int i = 0; i < len; i++) {
                // Keep the outermost call and what the innermost one called; drop the recursion in between.
                if (first < 0 || i <= first || i > last) {
                    out.add(in.nameAt(r, i));
                }
            }
            out.end(in.thread(r), in.weight(r));
        }
        return out.build(in);
    }

    private static int[] pathIds(NamedStacks stacks, String path) {
        String[] names = path.split(StackTransform.PATH_SEPARATOR, -1);
        int[] ids = new int[names.length];
        for (int i = 0; i < names.length; i++) {
            ids[i] = stacks.names().id(names[i]);
            if (ids[i] < 0) {
                return null;
            }
        }
        return ids;
    }

    private static boolean startsWith(NamedStacks in, int r, int[] path) {
        if (in.length(r) < path.length) {
            return false;
        }
        for (int i = 0; i < path.length; i++) {
            if (in.nameAt(r, i) != path[i]) {
                return false;
            }
        }
        return true;
    }

    private static NamedStacks merge(NamedStacks in, int fn) {
        Rows out = new Rows(in.size());
        for (int r = 0; r < in.size(); r++) {
            out.begin();
            for (int i = 0; i < in.length(r); i++) {
                if (in.nameAt(r, i) != fn) {
                    out.add(in.nameAt(r, i));
                }
            }
            out.end(in.thread(r), in.weight(r));
        }
        return out.build(in);
    }

    private static NamedStacks mergeCallNode(NamedStacks in, int[] path) {
        Rows out = new Rows(in.size());
        int drop = path.length - 1;
        for (int r = 0; r < in.size(); r++) {
            boolean through = startsWith(in, r, path);
            out.begin();
            for (int i = 0; i < in.length(r); i++) {
                if (!through || i != drop) {
                    out.add(in.nameAt(r, i));
                }
            }
            out.end(in.thread(r), in.weight(r));
        }
        return out.build(in);
    }

    private static NamedStacks focusCallNode(NamedStacks in, int[] path) {
        Rows out = new Rows(in.size());
        for (int r = 0; r < in.size(); r++) {
            if (!startsWith(in, r, path)) {
                continue;
            }
            out.begin();
            for (int i = path.length - 1; i < in.length(r); i++) {
                out.add(in.nameAt(r, i));
            }
            out.end(in.thread(r), in.weight(r));
        }
        return out.build(in);
    }

    private static NamedStacks collapseGroup(NamedStacks in, String group) {
        FrameNames names = in.names();
        boolean[] inGroup = new boolean[names.size()];
        FrameKind kind = null;
        for (int id = 1; id < names.size(); id++) {
            inGroup[id] = names.kind(id) != null
                    && group.equals(FramePalette.groupOf(names.name(id), names.kind(id), names.module(id)));
            if (inGroup[id] && kind == null) {
                kind = names.kind(id);
            }
        }
        if (kind == null) {
            return in;
        }
        FrameNames widened = names.with(group, kind, "");
        int collapsed = widened.id(group);
        Rows out = new Rows(in.size());
        for (int r = 0; r < in.size(); r++) {
            out.begin();
            boolean previousInGroup = false;
            for (int i = 0; i < in.length(r); i++) {
                int id = in.nameAt(r, i);
                boolean member = inGroup[id];
                if (!member) {
                    out.add(id);
                } else if (!previousInGroup) {
                    out.add(collapsed);
                }
                previousInGroup = member;
            }
            out.end(in.thread(r), in.weight(r));
        }
        return out.build(widened);
    }

    /** Accumulates rows of a new {@link NamedStacks}. */
    private static final class Rows {
        private final IntArrayList starts;
        private final IntArrayList path;
        private final IntArrayList threads;
        private final LongArrayList weights;

        Rows(int expected) {
            starts = new IntArrayList(expected + 1);
            path = new IntArrayList(expected * 8);
            threads = new IntArrayList(expected);
            weights = new LongArrayList(expected);
        }

        void begin() {
            starts.add(path.size());
        }

        void add(int nameId) {
            path.add(nameId);
        }

        void end(int thread, long weight) {
            threads.add(thread);
            weights.add(weight);
        }

        NamedStacks build(NamedStacks from) {
            return build(from.names());
        }

        NamedStacks build(FrameNames names) {
            starts.add(path.size());
            return new NamedStacks(names, starts.toArray(), path.toArray(), threads.toArray(), weights.toArray());
        }
    }
}
