package dev.perfdesk.core.model;

/**
 * What kind of code a frame belongs to, where the source tells it. Viewers colour frames by kind, as
 * flamegraph.pl's {@code java} palette does.
 */
public enum FrameKind {
    /** The source does not say. */
    UNKNOWN,
    /** Operating-system kernel code. */
    KERNEL,
    /** Native user-space code: C, C++, Rust, the JVM itself. */
    NATIVE,
    /** Code compiled by a just-in-time compiler. */
    JIT,
    /** A method inlined into its caller by a compiler. */
    INLINED,
    /** Code run by an interpreter. */
    INTERPRETED,
    /** Not code: the class of an allocated object, the leaf of an allocation sample ({@code byte[]}). */
    ALLOCATION;

    /** Parses the {@link #name()} form, returning {@link #UNKNOWN} for anything else. */
    public static FrameKind parse(String text) {
        if (text != null) {
            for (FrameKind kind : values()) {
                if (kind.name().equalsIgnoreCase(text)) {
                    return kind;
                }
            }
        }
        return UNKNOWN;
    }
}
