package dev.perfdesk.benchmarks.flame;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import dev.perfdesk.core.flame.FlameViewSpec;
import dev.perfdesk.core.flame.FlameViewState;
import dev.perfdesk.core.model.Profile;
import dev.perfdesk.core.model.SyntheticProfiles;
import dev.perfdesk.core.naming.FrameNamers;
import dev.perfdesk.core.progress.ProgressMonitor;
import dev.perfdesk.store.ImportTransaction;
import dev.perfdesk.store.Store;

/**
 * The work between "open this stored profile" and the first paint that happens off the UI thread: reading the
 * generated 1,000,000-sample, 200,000-stack profile from a SQLite store and computing its flame view state (names,
 * merged tree, per-function weights, colours). The app adds building the tab and one paint on the FX thread; the
 * opt-in {@code OpenToFirstPaintTimingTest} in app measures the whole of it.
 *
 * <pre>
 * java -cp ... org.openjdk.jmh.Main OpenProfileBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5)
@Measurement(iterations = 15)
@Fork(value = 1, jvmArgs = {"-Xmx4g"})
public class OpenProfileBenchmark {
    private Path dir;
    private Store store;
    private long id;

    @Setup
    public void setUp() throws IOException {
        Profile profile = SyntheticProfiles.generate(FlameLayoutBenchmark.SAMPLES,
                FlameLayoutBenchmark.DISTINCT_STACKS, 42);
        dir = Files.createTempDirectory("perfdesk-open");
        store = Store.open(dir.resolve("open.db"));
        try (ImportTransaction tx = store.beginImport(Path.of("synthetic"), "folded", 1)) {
            tx.addProfile(profile, null);
            id = tx.commit("synthetic").profiles().get(0).id();
        }
    }

    @TearDown
    public void tearDown() throws IOException {
        store.close();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    @Benchmark
    public FlameViewState loadAndComputeViewState() {
        Profile profile = store.loadProfile(id);
        return FlameViewState.compute(profile, FrameNamers.forProfile(profile), FlameViewSpec.DEFAULT,
                ProgressMonitor.NONE);
    }
}
