package dev.perfdesk.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;

import dev.perfdesk.core.model.Profile;
import dev.perfdesk.core.model.SampleTable;
import dev.perfdesk.core.progress.ProgressMonitor;
import dev.perfdesk.core.spi.ImportSink;
import dev.perfdesk.core.model.TimelineWriter;
import dev.perfdesk.importers.perf.PerfScriptImporter;
import dev.perfdesk.importers.spi.ImportSource;

/**
 * Imports one perf script file the way the app does, but into a sink that keeps the profiles and drops the
 * timelines, then prints what it found and how long it took: a whole-process measure of the importer.
 *
 * <pre>
 * /usr/bin/time -v java -cp benchmarks/target/benchmarks.jar dev.perfdesk.benchmarks.ImportFile /tmp/big.perf.txt
 * </pre>
 */
public final class ImportFile {

    private ImportFile() {
    }

    /** A sink that keeps finished profiles and discards every timeline sample. */
    public static final class ProfileOnlySink implements ImportSink {
        private final List<Profile> profiles = new ArrayList<>();

        @Override
        public TimelineWriter openTimeline() {
            return TimelineWriter.DISCARD;
        }

        @Override
        public void addProfile(Profile profile, TimelineWriter timeline) {
            profiles.add(profile);
        }

        /** The profiles received, in order. */
        public List<Profile> profiles() {
            return profiles;
        }
    }

    /** {@code ImportFile FILE}: imports FILE with {@link PerfScriptImporter} and prints counts and elapsed time. */
    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: ImportFile PERF_SCRIPT_FILE");
            System.exit(2);
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long start = System.nanoTime();
        long cpuStart = threads.getCurrentThreadCpuTime();
        ImportSource source = ImportSource.of(Path.of(args[0]));
        ProfileOnlySink sink = new ProfileOnlySink();
        new PerfScriptImporter().read(source, sink, ProgressMonitor.NONE);
        long ms = (System.nanoTime() - start) / 1_000_000;
        long cpuMs = (threads.getCurrentThreadCpuTime() - cpuStart) / 1_000_000;
        for (Profile p : sink.profiles()) {
            SampleTable samples = p.samples();
            BitSet stacks = new BitSet(p.stacks().size());
            for (int row = 0; row < samples.size(); row++) {
                stacks.set(samples.stack(row));
            }
            System.out.printf(Locale.ROOT, "%s: %,d samples, %,d distinct stacks, %,d (stack, thread) rows, "
                            + "%,d stack nodes, %,d frames, %,d threads%n", p.info().name(), samples.totalCount(),
                    stacks.cardinality(), samples.size(), p.stacks().size(), p.frames().size(), p.threads().size());
        }
        System.out.printf(Locale.ROOT, "%d profile(s), %,d bytes in %,d ms (%.0f MB/s); import thread CPU %,d ms "
                        + "(%.0f MB/s)%n", sink.profiles().size(), source.size(), ms,
                source.size() / 1e6 / Math.max(1, ms) * 1000, cpuMs, source.size() / 1e6 / Math.max(1, cpuMs) * 1000);
    }
}
