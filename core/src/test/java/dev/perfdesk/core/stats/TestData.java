package dev.perfdesk.core.stats;

import java.nio.file.Path;

/** Where the shared reference data lives (set by the build; see the parent POM's surefire configuration). */
public final class TestData {
    private TestData() {
    }

    /** The shared test data folder. */
    public static Path root() {
        return Path.of(System.getProperty("perfdesk.testdata", "../testdata"));
    }
}
