package dev.perfdesk.importers.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import dev.perfdesk.core.bench.Benchmark;
import dev.perfdesk.core.bench.BenchmarkRun;
import dev.perfdesk.core.progress.ProgressMonitor;
import dev.perfdesk.core.spi.CollectingSink;
import dev.perfdesk.importers.locust.LocustImporter;
import dev.perfdesk.importers.spi.ImportException;
import dev.perfdesk.importers.spi.ImportSource;
import dev.perfdesk.importers.spi.Importer;
import dev.perfdesk.importers.Importers;

/** Finds the benchmark sample files and imports them as the app does: detection by content, then read. */
public final class BenchFiles {

    private BenchFiles() {
    }

    /** {@code sample-data/bench}, from the build's {@code perfdesk.sampledata} property. */
    public static Path benchDir() {
        String dir = System.getProperty("perfdesk.sampledata");
        assertNotNull(dir, "the build sets perfdesk.sampledata");
        return Path.of(dir, "bench");
    }

    /** {@code sample-data/bench/TOOL/NAME}. */
    public static Path sample(String tool, String name) {
        return benchDir().resolve(tool).resolve(name);
    }

    /** A file of the shared test data. */
    public static Path testdata(String relative) {
        String dir = System.getProperty("perfdesk.testdata");
        assertNotNull(dir, "the build sets perfdesk.testdata");
        return Path.of(dir, relative);
    }

    /**
     * Every importable file under {@code sample-data/bench}: all but README, sources, configurations and consoles,
     * and a Locust run's history, failures and exceptions, which its {@code _stats.csv} reads.
     */
    public static List<Path> all() throws IOException {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(benchDir(), 2)) {
            walk.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().matches("(?i).*\\.(md|cc|py|sh|jmx|yml)$"))
                    .filter(p -> !p.getFileName().toString().endsWith(".stdout.txt"))
                    .filter(p -> !LocustImporter.isCompanionOfStats(p))
                    .sorted().forEach(out::add);
        }
        return out;
    }

    /** Detects the format of {@code file}, checks it is {@code format}, and reads its one run. */
    public static BenchmarkRun importRun(Path file, String format) throws IOException, ImportException {
        ImportSource source = ImportSource.of(file);
        Importer importer = Importers.detect(source);
        assertEquals(format, importer.format(), "detected format of " + file);
        return read(file, importer);
    }

    /** Reads {@code file} with {@code importer}, without detection. */
    public static BenchmarkRun read(Path file, Importer importer) throws IOException, ImportException {
        CollectingSink sink = new CollectingSink();
        importer.read(ImportSource.of(file), sink, ProgressMonitor.NONE);
        assertEquals(1, sink.runs().size(), "one run from " + file);
        assertEquals(0, sink.profiles().size(), "no profiles from " + file);
        return sink.runs().get(0);
    }

    /** The benchmark of a run by display name and metric. */
    public static Benchmark find(BenchmarkRun run, String displayName, String mode, String metric) {
        return run.benchmarks().stream()
                .filter(b -> b.displayName().equals(displayName) && b.mode().equals(mode) && b.metric().equals(metric))
                .findFirst().orElseThrow(() -> new AssertionError("no " + displayName + " " + mode + " " + metric
                        + " in " + run.benchmarks()));
    }
}
