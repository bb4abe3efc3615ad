package dev.perfdesk.core.flame;

import java.util.regex.Pattern;

import dev.perfdesk.core.model.FrameKind;

/**
 * The colour families of flamegraph.pl's {@code java} palette, plus one for interpreted code, one for the classes
 * allocation samples end in, and one for the labels perf puts above stacks (process names) and the root.
 */
public enum FrameCategory {
    JIT("Java / JIT"),
    INLINED("Inlined"),
    INTERPRETED("Interpreted"),
    KERNEL("Kernel"),
    CPP("C++ / Rust"),
    NATIVE("Native (C)"),
    /** The allocated class at the leaf of an allocation sample: not code, so not coloured as any code is. */
    ALLOCATION("Allocated type"),
    LABEL("Process / root");

    private static final Pattern JAVA_NAME = Pattern.compile(
            "^L?(java|javax|jdk|sun|com|org|io|net|scala|kotlin|clojure|groovy)[/.][\\w$]|^[a-z][\\w$]*(/[\\w$]+)+");

    private final String label;

    FrameCategory(String label) {
        this.label = label;
    }

    /** A name for the legend. */
    public String label() {
        return label;
    }

    /**
     * The category of a frame name: the kind where the source gave one, then the suffixes stackcollapse-perf.pl
     * adds ({@code _[k]}, {@code _[i]}, {@code _[j]}), then the name's shape (Java package paths, {@code ::}).
     *
     * @param kind the frame's kind, or null for the root and process labels
     */
    public static FrameCategory of(String name, FrameKind kind) {
        if (kind == null) {
            return LABEL;
        }
        if (kind == FrameKind.ALLOCATION) {
            return ALLOCATION;
        }
        if (kind == FrameKind.KERNEL || name.endsWith("_[k]")) {
            return KERNEL;
        }
        if (kind == FrameKind.INLINED || name.endsWith("_[i]")) {
            return INLINED;
        }
        if (kind == FrameKind.JIT || name.endsWith("_[j]")) {
            return JIT;
        }
        if (kind == FrameKind.INTERPRETED) {
            return INTERPRETED;
        }
        if (kind == FrameKind.UNKNOWN && JAVA_NAME.matcher(name).find()) {
            return JIT;
        }
        if (name.contains("::") && !name.contains(":::")) {
            return CPP;
        }
        return NATIVE;
    }
}
