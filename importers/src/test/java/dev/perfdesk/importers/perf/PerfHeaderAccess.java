package dev.perfdesk.importers.perf;

import java.util.regex.Pattern;

/** Lets tests outside the package reach the perf script header pattern. */
public final class PerfHeaderAccess {
    private PerfHeaderAccess() {
    }

    /** {@link PerfScriptImporter#HEADER}. */
    public static Pattern header() {
        return PerfScriptImporter.HEADER;
    }
}
