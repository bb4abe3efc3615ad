package dev.perfdesk.core.calltree;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.perfdesk.core.model.FrameKind;

/**
 * The interned display names of a profile's frames, with what is known of each name: the frame kind and the module
 * it came from. Id {@link #ROOT} is the synthetic "all" root; names that label a whole process or thread (perf puts
 * the command name above each stack) have no kind. Shared, unchanged, by every {@link NamedStacks} derived from the
 * same profile, so name ids stay valid across filters and transforms.
 */
public final class FrameNames {
    /** The id of the synthetic root name, {@value CallTreeBuilder#ROOT_NAME}. */
    public static final int ROOT = 0;

    private final String[] names;
    private final FrameKind[] kinds;
    private final String[] modules;
    private final Map<String, Integer> index;

    private FrameNames(List<String> names, List<FrameKind> kinds, List<String> modules, Map<String, Integer> index) {
        this.names = names.toArray(new String[0]);
        this.kinds = kinds.toArray(new FrameKind[0]);
        this.modules = modules.toArray(new String[0]);
        this.index = new HashMap<>(index);
    }

    /**
     * Interns display names in the order they are first met, with the kind and module of the frame each came from;
     * the root's name comes first. Used to name one profile's stacks, or the union of two profiles' in a diff.
     *
     * <pre>{@code
     * FrameNames.Builder b = new FrameNames.Builder();
     * int id = b.intern("java.util.HashMap.get", FrameKind.JIT, "java.base");
     * FrameNames names = b.build();
     * }</pre>
     */
    public static final class Builder {
        private final List<String> names = new ArrayList<>();
        private final List<FrameKind> kinds = new ArrayList<>();
        private final List<String> modules = new ArrayList<>();
        private final Map<String, Integer> index = new HashMap<>();

        public Builder() {
            names.add(CallTreeBuilder.ROOT_NAME);
            kinds.add(null);
            modules.add("");
        }

        /**
         * The id of {@code name}, added when new; a known kind (and its module) replaces an unknown one. A frame
         * may be called "all" too: it gets an id of its own, not the root's.
         */
        public int intern(String name, FrameKind kind, String module) {
            Integer id = index.get(name);
            if (id == null) {
                id = names.size();
                names.add(name);
                kinds.add(kind);
                modules.add(module);
                index.put(name, id);
            } else if (kind != null && (kinds.get(id) == null || kinds.get(id) == FrameKind.UNKNOWN)) {
                kinds.set(id, kind);
                modules.set(id, module);
            }
            return id;
        }

        public FrameNames build() {
            return new FrameNames(names, kinds, modules, index);
        }
    }

    /** Number of names, the root's included. */
    public int size() {
        return names.length;
    }

    public String name(int id) {
        return names[id];
    }

    /** The kind of frame the name came from, or null for the root and for process or thread labels. */
    public FrameKind kind(int id) {
        return kinds[id];
    }

    /** The module (library, binary, class) the name came from; empty when not known. */
    public String module(int id) {
        return modules[id];
    }

    /** The id of a frame name, or -1 when no frame has it. The root's name is not looked up. */
    public int id(String name) {
        Integer id = index.get(name);
        return id == null ? -1 : id;
    }

    /**
     * These names and {@code name} (with its kind and module) when it is new: every id stays what it was, so stacks
     * over these names are stacks over the copy. This when the name is known already.
     */
    public FrameNames with(String name, FrameKind kind, String module) {
        if (index.containsKey(name)) {
            return this;
        }
        List<String> n = new ArrayList<>(Arrays.asList(names));
        List<FrameKind> k = new ArrayList<>(Arrays.asList(kinds));
        List<String> m = new ArrayList<>(Arrays.asList(modules));
        Map<String, Integer> i = new HashMap<>(index);
        i.put(name, n.size());
        n.add(name);
        k.add(kind);
        m.add(module);
        return new FrameNames(n, k, m, i);
    }

    String[] array() {
        return names;
    }
}
