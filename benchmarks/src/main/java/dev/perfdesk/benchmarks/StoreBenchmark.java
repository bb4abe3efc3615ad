package dev.perfdesk.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import dev.perfdesk.core.model.Profile;
import dev.perfdesk.core.model.SampleTable;
import dev.perfdesk.core.model.SyntheticProfiles;
import dev.perfdesk.core.model.Timeline;
import dev.perfdesk.core.spi.TimelineBuffer;
import dev.perfdesk.core.model.TimelineWriter;
import dev.perfdesk.store.ImportTransaction;
import dev.perfdesk.store.Store;

/**
 * Writing a profile into the SQLite store (one import transaction: frames, stack trie, samples, timeline blocks)
 * and reading it back (profile and timeline), for a generated profile of {@code samples} timestamped samples over
 * about a fifth as many distinct stacks.
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar StoreBenchmark -p samples=1000000
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(1)
public class StoreBenchmark {
    @Param({"1000000"})
    int samples;

    Profile profile;
    Timeline timeline;
    Path dir;
    Store readStore;
    long storedId;
    int round;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        profile = SyntheticProfiles.generate(samples, samples / 5, 42);
        // One timestamped sample per aggregated sample, 1 ms apart, as a perf or JFR import would store them.
        TimelineBuffer buffer = new TimelineBuffer();
        SampleTable rows = profile.samples();
        long time = 60_000_000_000L;
        for (int r = 0; r < rows.size(); r++) {
            for (long c = 0; c < rows.count(r); c++) {
                buffer.append(time, rows.stack(r), rows.thread(r), rows.weight(r) / rows.count(r));
                time += 1_000_000L;
            }
        }
        timeline = buffer.toTimeline();
        dir = Files.createTempDirectory("perfdesk-store-bench");
        readStore = Store.open(dir.resolve("read.db"));
        storedId = write(readStore, "read");
        System.out.printf("%nprofile: %,d samples, %,d trie nodes, %,d (stack, thread) rows, %,d frames%n",
                timeline.size(), profile.stacks().size(), profile.samples().size(), profile.frames().size());
    }

    private long write(Store store, String hash) {
        try (ImportTransaction tx = store.beginImport(Path.of("bench.txt"), "perf-script", 1)) {
            TimelineWriter writer = tx.openTimeline();
            for (int i = 0; i < timeline.size(); i++) {
                writer.append(timeline.time(i), timeline.stack(i), timeline.thread(i), timeline.weight(i));
            }
            tx.addProfile(profile, writer);
            return tx.commit(hash).profiles().get(0).id();
        }
    }

    @Benchmark
    public long writeProfileAndTimeline() {
        try (Store store = Store.open(dir.resolve("write-" + (round++) + ".db"))) {
            return write(store, "w");
        }
    }

    @Benchmark
    public int readProfile() {
        return readStore.loadProfile(storedId).stacks().size();
    }

    @Benchmark
    public int readProfileAndTimeline() {
        return readStore.loadProfile(storedId).stacks().size() + readStore.loadTimeline(storedId).size();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        readStore.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

}
