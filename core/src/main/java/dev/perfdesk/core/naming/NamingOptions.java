package dev.perfdesk.core.naming;

/**
 * The options that change frame names: those of FlameGraph's {@code stackcollapse-perf.pl} for perf profiles
 * ({@code --pid}, {@code --tid}, {@code --kernel}, {@code --jit}, {@code --all} (kernel and jit), {@code --addrs}),
 * and for profiles whose frames know their line (JFR) line numbers, {@code name:line}, as async-profiler's
 * converter writes them with {@code --lines}.
 */
public record NamingOptions(boolean pid, boolean tid, boolean kernel, boolean jit, boolean addrs, boolean lines) {
    /** No options: names as stackcollapse-perf.pl prints them by default. */
    public static final NamingOptions DEFAULT = new NamingOptions(false, false, false, false, false);

    /** The stackcollapse-perf.pl options, without line numbers. */
    public NamingOptions(boolean pid, boolean tid, boolean kernel, boolean jit, boolean addrs) {
        this(pid, tid, kernel, jit, addrs, false);
    }

    /** A copy that names frames with (or without) their line numbers. */
    public NamingOptions withLines(boolean withLines) {
        return new NamingOptions(pid, tid, kernel, jit, addrs, withLines);
    }

    /** {@code --all}: annotate kernel and JIT frames. */
    public static NamingOptions all() {
        return new NamingOptions(false, false, true, true, false);
    }

    /**
     * Parses an option name as stackcollapse-perf.pl spells it, without dashes: pid, tid, kernel, jit, all, addrs;
     * or lines.
     */
    public static NamingOptions parse(String option) {
        switch (option) {
            case "":
                return DEFAULT;
            case "pid":
                return new NamingOptions(true, false, false, false, false);
            case "tid":
                return new NamingOptions(false, true, false, false, false);
            case "kernel":
                return new NamingOptions(false, false, true, false, false);
            case "jit":
                return new NamingOptions(false, false, false, true, false);
            case "all":
                return all();
            case "addrs":
                return new NamingOptions(false, false, false, false, true);
            case "lines":
                return DEFAULT.withLines(true);
            default:
                throw new IllegalArgumentException("unknown naming option: " + option);
        }
    }
}
