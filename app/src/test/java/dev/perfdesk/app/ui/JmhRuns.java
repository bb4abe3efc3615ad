package dev.perfdesk.app.ui;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.perfdesk.core.bench.Benchmark;
import dev.perfdesk.core.bench.BenchmarkRun;
import dev.perfdesk.core.progress.ProgressMonitor;
import dev.perfdesk.core.spi.CollectingSink;
import dev.perfdesk.importers.jmh.JmhJsonImporter;
import dev.perfdesk.importers.spi.ImportSource;
import dev.perfdesk.store.ImportTransaction;
import dev.perfdesk.store.Store;

/**
 * Stores {@code sample-data/bench/jmh/jmh-percentile.json} several times as runs of different labels, commits and
 * JVMs, the scores scaled a little per run, as a benchmark's history of real JMH output.
 */
final class JmhRuns {
    static final String BENCHMARK = "dev.perfdesk.benchmarks.PercentileBenchmark.recordHistogram{size=1000}";

    private JmhRuns() {
    }

    static BenchmarkRun read() throws Exception {
        Path file = Path.of(System.getProperty("perfdesk.sampledata", "../sample-data"), "bench", "jmh",
                "jmh-percentile.json");
        CollectingSink sink = new CollectingSink();
        new JmhJsonImporter().read(ImportSource.of(file), sink, ProgressMonitor.NONE);
        return sink.runs().get(0);
    }

    /**
     * Stores one run per label, in order, a day apart.
     *
     * @param labels  the runs' labels
     * @param jvms    the runs' {@code vmVersion}s
     */
    static void store(Store store, List<String> labels, List<String> jvms) throws Exception {
        BenchmarkRun original = read();
        for (int i = 0; i < labels.size(); i++) {
            // The second half of the runs about 10% lower: a step, as a faster implementation would give.
            double scale = (i < labels.size() / 2 ? 1.0 : 0.9) * (1 - 0.01 * (i % 3));
            List<Benchmark> scaled = new ArrayList<>();
            for (Benchmark b : original.benchmarks()) {
                Benchmark.Builder builder = b.toBuilder();
                if (b.score() != null) {
                    builder.score(new dev.perfdesk.core.stats.ScoreSummary(b.score().score() * scale,
                            b.score().error(), b.score().confidence(), b.score().n()));
                }
                if (b.hasSamples()) {
                    double[] s = b.samples();
                    for (int k = 0; k < s.length; k++) {
                        s[k] *= scale;
                    }
                    builder.samples(s);
                }
                scaled.add(builder.build());
            }
            Map<String, String> env = new LinkedHashMap<>(original.environment());
            env.put("vmVersion", jvms.get(i));
            BenchmarkRun run = new BenchmarkRun("jmh-percentile-" + labels.get(i) + "-" + i + ".json", "JMH",
                    original.format(), Instant.parse("2026-03-01T09:00:00Z").plusSeconds(86_400L * i), env,
                    labels.get(i), String.format("%07x", 0xa1b2c3d + i * 7919), original.tags(), scaled);
            try (ImportTransaction tx = store.beginImport(Path.of(run.name()), original.format(), 1000 + i)) {
                tx.addRun(run);
                tx.commit("jmh-history-" + i);
            }
        }
    }
}
