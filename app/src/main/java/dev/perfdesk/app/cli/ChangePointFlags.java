package dev.perfdesk.app.cli;

import picocli.CommandLine.Option;

import dev.perfdesk.core.changepoint.ChangePointOptions;

/** The change-point options of {@code changepoints} and {@code ci}, one definition for both. */
final class ChangePointFlags {
    @Option(names = "--window", paramLabel = "N", defaultValue = "50",
            description = "The sliding window's length (default ${DEFAULT-VALUE}, as Otava).")
    int window;

    @Option(names = "--max-p", paramLabel = "P", defaultValue = "0.001",
            description = "The largest p-value a change point may have (default ${DEFAULT-VALUE}).")
    double maxP;

    @Option(names = "--min-magnitude", paramLabel = "M", defaultValue = "0.0",
            description = "The smallest relative change to report, e.g. 0.05 for 5%% (default ${DEFAULT-VALUE}).")
    double minMagnitude;

    /**
     * The options given.
     *
     * @throws IllegalArgumentException naming the one out of range
     */
    ChangePointOptions options() {
        return new ChangePointOptions(window, maxP, minMagnitude);
    }
}
