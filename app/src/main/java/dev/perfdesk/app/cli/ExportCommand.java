package dev.perfdesk.app.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import dev.perfdesk.core.folded.FoldedStackWriter;
import dev.perfdesk.core.model.Profile;
import dev.perfdesk.core.naming.FrameNamers;
import dev.perfdesk.core.naming.NamingOptions;
import dev.perfdesk.importers.pprof.PprofWriter;
import dev.perfdesk.store.Store;

/**
 * {@code perfdesk export ID --folded}: folded stacks, byte-identical to FlameGraph's stackcollapse-perf.pl;
 * {@code perfdesk export ID --pprof FILE}: gzipped pprof (profile.proto) for {@code go tool pprof}.
 */
@Command(name = "export", description = "Export a profile as folded stacks (as FlameGraph's stackcollapse-perf.pl "
        + "prints them) or as a gzipped pprof file (profile.proto, as go tool pprof reads it).")
final class ExportCommand implements Callable<Integer> {
    @Mixin
    StoreOption store;

    @Parameters(paramLabel = "ID", description = "The profile's id, as 'perfdesk list' shows it.")
    long id;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    /** What to write: exactly one of the two. */
    static final class Target {
        @Option(names = "--folded", required = true, description = "Write folded stacks: frame;frame;... COUNT.")
        boolean folded;

        @Option(names = "--pprof", required = true, paramLabel = "FILE", description = "Write a gzipped pprof "
                + "profile (profile.proto) to FILE, frames named as with --folded, threads as 'thread' labels.")
        Path pprof;
    }

    @Option(names = "--pid", description = "Append the process id to process names (comm-PID).")
    boolean pid;

    @Option(names = "--tid", description = "Append process and thread ids to process names (comm-PID/TID).")
    boolean tid;

    @Option(names = "--kernel", description = "Annotate kernel frames with _[k].")
    boolean kernel;

    @Option(names = "--jit", description = "Annotate JIT frames (from /tmp/perf-PID.map) with _[j].")
    boolean jit;

    @Option(names = "--all", description = "All annotations: --kernel and --jit.")
    boolean all;

    @Option(names = "--addrs", description = "Show raw addresses of frames whose symbol is unknown.")
    boolean addrs;

    @Option(names = "--lines", description = "Name frames that know their line (JFR) method:line, as "
            + "async-profiler's converter does with --lines.")
    boolean lines;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE instead of standard output.")
    Path output;

    @Mixin
    TransformOptions transforms = new TransformOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        java.util.List<dev.perfdesk.core.flame.StackTransform> steps = transforms.parse(spec);
        if (!steps.isEmpty() && target.pprof != null) {
            spec.commandLine().getErr().println("--transform applies to --folded only");
            return 2;
        }
        try (Store s = store.openForReading()) {
            if (s.findProfile(id).isEmpty()) {
                spec.commandLine().getErr().println("no profile with id " + id + " in " + s.location());
                return 1;
            }
            Profile profile = s.loadProfile(id);
            NamingOptions options = new NamingOptions(pid, tid, kernel || all, jit || all, addrs, lines);
            if (target.pprof != null) {
                Path tmp = target.pprof.resolveSibling(target.pprof.getFileName() + ".tmp");
                try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
                    PprofWriter.write(profile, FrameNamers.forProfile(profile, options), out);
                }
                Files.move(tmp, target.pprof, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            } else if (output == null) {
                OutputStream out = new BufferedOutputStream(System.out, 1 << 16);
                writeFolded(profile, options, steps, out);
                out.flush();
            } else {
                Path tmp = output.resolveSibling(output.getFileName() + ".tmp");
                try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
                    writeFolded(profile, options, steps, out);
                }
                Files.move(tmp, output, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return 0;
    }

    /** Folded stacks as stackcollapse writes them, or, with transforms, of the stacks the transforms leave. */
    private static void writeFolded(Profile profile, NamingOptions options,
                                    java.util.List<dev.perfdesk.core.flame.StackTransform> steps, OutputStream out)
            throws IOException {
        if (steps.isEmpty()) {
            FoldedStackWriter.write(profile, FrameNamers.forProfile(profile, options), out);
            return;
        }
        dev.perfdesk.core.calltree.NamedStacks stacks = dev.perfdesk.core.calltree.NamedStacks.of(profile,
                FrameNamers.forProfile(profile, options),
                dev.perfdesk.core.calltree.WeightedStacks.of(profile.samples()));
        dev.perfdesk.core.flame.StackTransforms.apply(stacks, steps).writeFolded(out);
    }
}
