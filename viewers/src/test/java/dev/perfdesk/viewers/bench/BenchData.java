package dev.perfdesk.viewers.bench;

import java.nio.file.Path;

import dev.perfdesk.core.bench.Benchmark;
import dev.perfdesk.core.bench.BenchmarkRun;
import dev.perfdesk.core.progress.ProgressMonitor;
import dev.perfdesk.core.spi.CollectingSink;
import dev.perfdesk.importers.spi.ImportSource;
import dev.perfdesk.importers.Importers;

/** Runs from sample-data/bench, imported as the app does. */
final class BenchData {
    static final String PB = "dev.perfdesk.benchmarks.PercentileBenchmark.";

    private BenchData() {
    }

    static Path sample(String tool, String name) {
        String dir = System.getProperty("perfdesk.sampledata", "../sample-data");
        return Path.of(dir, "bench", tool, name);
    }

    static BenchmarkRun run(String tool, String name) throws Exception {
        Path file = sample(tool, name);
        CollectingSink sink = new CollectingSink();
        Importers.detect(ImportSource.of(file)).read(ImportSource.of(file), sink, ProgressMonitor.NONE);
        return sink.runs().get(0);
    }

    static Benchmark find(BenchmarkRun run, String displayName, String mode, String metric) {
        return run.benchmarks().stream().filter(b -> b.displayName().equals(displayName) && b.mode().equals(mode)
                && b.metric().equals(metric)).findFirst().orElseThrow();
    }

    static BenchmarkRun jmh() throws Exception {
        return run("jmh", "jmh-percentile.json");
    }

    /** JMH sample mode: sortRawSamples{size=10000}, 3938 samples in a histogram. */
    static Benchmark jmhSample() throws Exception {
        return find(jmh(), PB + "sortRawSamples{size=10000}", "sample", Benchmark.PRIMARY);
    }

    static Benchmark wrk2Latency() throws Exception {
        return find(run("wrk", "wrk2-readme-latency.txt"), "latency", "", Benchmark.PRIMARY);
    }
}
