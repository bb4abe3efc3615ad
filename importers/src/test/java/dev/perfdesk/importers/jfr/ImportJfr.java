package dev.perfdesk.importers.jfr;

import java.nio.file.Path;

import dev.perfdesk.core.folded.FoldedStackWriter;
import dev.perfdesk.core.model.Profile;
import dev.perfdesk.core.model.ProfileInfo;
import dev.perfdesk.core.naming.FrameNamers;
import dev.perfdesk.core.progress.ProgressMonitor;
import dev.perfdesk.core.spi.CollectingSink;
import dev.perfdesk.core.spi.ImportSink;
import dev.perfdesk.core.model.TimelineWriter;
import dev.perfdesk.importers.spi.ImportSource;

/**
 * Imports a recording for timing: {@code ImportJfr FILE} imports into a sink that discards everything (what a
 * whole-process benchmark measures); {@code ImportJfr --summary FILE} keeps the profiles and prints what each holds;
 * {@code ImportJfr --folded EVENT FILE} prints the folded stacks of one event type's profile.
 *
 * <pre>
 * java -cp core/target/classes:importers/target/classes:importers/target/test-classes \
 *     dev.perfdesk.importers.jfr.ImportJfr /tmp/lock.jfr
 * </pre>
 */
public final class ImportJfr {

    private ImportJfr() {
    }

    public static void main(String[] args) throws Exception {
        boolean summary = args.length > 1 && args[0].equals("--summary");
        if (args.length == 3 && args[0].equals("--folded")) {
            CollectingSink sink = new CollectingSink();
            new JfrImporter().read(ImportSource.of(Path.of(args[2])), sink, ProgressMonitor.NONE);
            for (Profile p : sink.profiles()) {
                if (p.info().event().equals(args[1])) {
                    FoldedStackWriter.write(p, FrameNamers.forProfile(p), System.out);
                }
            }
            return;
        }
        Path file = Path.of(args[args.length - 1]);
        long start = System.nanoTime();
        if (!summary) {
            long[] samples = new long[1];
            ImportSink discard = new ImportSink() {
                @Override
                public TimelineWriter openTimeline() {
                    return TimelineWriter.DISCARD;
                }

                @Override
                public void addProfile(Profile profile, TimelineWriter timeline) {
                    samples[0] += profile.info().sampleCount();
                }
            };
            new JfrImporter().read(ImportSource.of(file), discard, ProgressMonitor.NONE);
            System.out.printf("%d samples in %.3f s%n", samples[0], (System.nanoTime() - start) / 1e9);
            return;
        }
        CollectingSink sink = new CollectingSink();
        new JfrImporter().read(ImportSource.of(file), sink, ProgressMonitor.NONE);
        for (Profile p : sink.profiles()) {
            ProfileInfo info = p.info();
            System.out.printf("%s%n  event=%s unit=%s samples=%d weight=%s frames=%d stacks=%d threads=%d "
                            + "timeline=%d%n  start=%s duration=%d ns host=%s%n  command=%s%n",
                    info.name(), info.event(), info.unit(), info.sampleCount(), info.unit().format(info.totalWeight()),
                    p.frames().size(), p.stacks().size(), p.threads().size(),
                    p.timeline() == null ? 0 : p.timeline().size(), info.startTime(), info.durationNanos(),
                    info.host(), info.command());
            info.attributes().forEach((k, v) -> System.out.printf("  %s = %s%n", k, v));
        }
        System.out.printf("%.3f s%n", (System.nanoTime() - start) / 1e9);
    }
}
