package dev.perfdesk.core.flame;

import java.util.Objects;

/**
 * One change to the stacks a flame graph shows, named by function so it survives rebuilding the tree (other
 * threads, reversed view). Applied in order by {@link StackTransforms#apply}.
 *
 * @param kind     what to do
 * @param function the function name it applies to, as the graph shows it
 */
public record StackTransform(Kind kind, String function) {

    /** The kinds of transform. */
    public enum Kind {
        /** Keep only stacks through the function, cut so that it is their root: all its call sites merged. */
        FOCUS("Focus"),
        /** Drop every sample whose stack contains the function. */
        EXCLUDE("Exclude"),
        /** Merge direct and indirect recursion: frames between an outer call and an inner call are removed. */
        COLLAPSE_RECURSION("Collapse recursion"),
        /** Remove the function's frames from every stack: its self time goes to its callers. */
        MERGE("Merge"),
        /** Remove one call node (a path of names from the root, {@code a;b;c}): only that call of the function. */
        MERGE_CALL_NODE("Merge node"),
        /** Keep only stacks through one call node (a path from the root), cut so that it is their root. */
        FOCUS_CALL_NODE("Focus node"),
        /**
         * Collapse each run of consecutive frames of one package or library (as the colour-by-package legend names
         * it: {@code java/util}, {@code libc.so.6}) into one frame named after it.
         */
        COLLAPSE_GROUP("Collapse");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** A short label for people. */
        public String label() {
            return label;
        }
    }

    public StackTransform {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(function, "function");
    }

    public static StackTransform focus(String function) {
        return new StackTransform(Kind.FOCUS, function);
    }

    public static StackTransform exclude(String function) {
        return new StackTransform(Kind.EXCLUDE, function);
    }

    public static StackTransform collapseRecursion(String function) {
        return new StackTransform(Kind.COLLAPSE_RECURSION, function);
    }

    public static StackTransform merge(String function) {
        return new StackTransform(Kind.MERGE, function);
    }

    /** Merges the call node reached from the root by {@code path}. */
    public static StackTransform mergeCallNode(String... path) {
        return new StackTransform(Kind.MERGE_CALL_NODE, String.join(PATH_SEPARATOR, path));
    }

    /** Focuses on the call node reached from the root by {@code path}. */
    public static StackTransform focusCallNode(String... path) {
        return new StackTransform(Kind.FOCUS_CALL_NODE, String.join(PATH_SEPARATOR, path));
    }

    /** Collapses the frames of package or library {@code group} into one. */
    public static StackTransform collapseGroup(String group) {
        return new StackTransform(Kind.COLLAPSE_GROUP, group);
    }

    /** What separates the names of a call node's path, as in folded stacks. */
    public static final String PATH_SEPARATOR = ";";

    /** Whether {@link #function()} is a call node's path from the root rather than a function name. */
    public boolean isCallNode() {
        return kind == Kind.MERGE_CALL_NODE || kind == Kind.FOCUS_CALL_NODE;
    }

    /**
     * A transform as the command line writes it, {@code KIND:ARGUMENT}: {@code focus:NAME}, {@code exclude:NAME},
     * {@code merge:NAME}, {@code collapse-recursion:NAME}, {@code collapse:PACKAGE}, {@code focus-node:a;b;c},
     * {@code merge-node:a;b;c}.
     *
     * @throws IllegalArgumentException naming what was expected
     */
    public static StackTransform parse(String text) {
        int colon = text.indexOf(':');
        String argument = colon < 0 ? "" : text.substring(colon + 1);
        if (colon <= 0 || argument.isEmpty()) {
            throw new IllegalArgumentException("a transform is KIND:NAME (" + KINDS + "), not '" + text + "'");
        }
        return switch (text.substring(0, colon)) {
            case "focus" -> focus(argument);
            case "exclude" -> exclude(argument);
            case "merge" -> merge(argument);
            case "collapse-recursion" -> collapseRecursion(argument);
            case "collapse" -> collapseGroup(argument);
            case "focus-node" -> new StackTransform(Kind.FOCUS_CALL_NODE, argument);
            case "merge-node" -> new StackTransform(Kind.MERGE_CALL_NODE, argument);
            default -> throw new IllegalArgumentException("unknown transform '" + text.substring(0, colon)
                    + "': one of " + KINDS);
        };
    }

    private static final String KINDS = "focus, exclude, merge, collapse-recursion, collapse, focus-node, merge-node";

    /** {@code Focus: name}, for chips and menus. */
    public String label() {
        if (isCallNode()) {
            String[] path = function.split(PATH_SEPARATOR, -1);
            return kind.label() + ": " + path[path.length - 1] + (path.length > 1 ? " (depth " + path.length + ")" : "");
        }
        return kind.label() + ": " + function;
    }
}
