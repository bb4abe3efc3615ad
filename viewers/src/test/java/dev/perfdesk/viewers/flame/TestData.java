package dev.perfdesk.viewers.flame;

import java.nio.file.Path;

import dev.perfdesk.core.model.Profile;
import dev.perfdesk.core.progress.ProgressMonitor;
import dev.perfdesk.core.spi.CollectingSink;
import dev.perfdesk.importers.perf.PerfScriptImporter;
import dev.perfdesk.importers.spi.ImportSource;

/** Real profiles from the shared test data. */
final class TestData {

    private TestData() {
    }

    static Path perfScript(String file) {
        return Path.of(System.getProperty("perfdesk.testdata", "../testdata")).resolve("perf-script")
                .resolve(file);
    }

    static Profile perf(String file) {
        try {
            CollectingSink sink = new CollectingSink();
            new PerfScriptImporter().read(ImportSource.of(perfScript(file)), sink, ProgressMonitor.NONE);
            return sink.profiles().get(0);
        } catch (Exception e) {
            throw new IllegalStateException("cannot import " + file, e);
        }
    }
}
