package dev.perfdesk.app.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import dev.perfdesk.core.calltree.CallTree;
import dev.perfdesk.core.flame.FlameGraphSvgWriter;
import dev.perfdesk.core.flame.FlameViewSpec;
import dev.perfdesk.core.flame.FlameViewState;
import dev.perfdesk.core.model.Profile;
import dev.perfdesk.core.naming.FrameNamers;
import dev.perfdesk.core.naming.NamingOptions;
import dev.perfdesk.core.progress.ProgressMonitor;
import dev.perfdesk.store.Store;

/** {@code perfdesk flame ID -o out.svg}: a standalone interactive SVG flame graph, as flamegraph.pl draws one. */
@Command(name = "flame", description = "Write a profile as a standalone interactive SVG flame graph (zoom, search "
        + "and tooltips work in a browser).")
final class FlameCommand implements Callable<Integer> {
    @Mixin
    StoreOption store;

    @Parameters(paramLabel = "ID", description = "The profile's id, as 'perfdesk list' shows it.")
    long id;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", required = true, description = "The SVG file to write.")
    Path output;

    @Option(names = "--reverse", description = "Merge stacks from the leaf (bottom-up), as flamegraph.pl --reverse.")
    boolean reverse;

    @Option(names = "--inverted", description = "Draw an icicle graph: the root at the top, as flamegraph.pl "
            + "--inverted.")
    boolean inverted;

    @Option(names = "--title", paramLabel = "TEXT", description = "The title (default: the profile's name).")
    String title;

    @Option(names = "--width", paramLabel = "PX", defaultValue = "1200", description = "Image width (default 1200).")
    int width;

    @Option(names = "--lines", description = "Name frames that know their line (JFR) method:line.")
    boolean lines;

    @Mixin
    TransformOptions transforms = new TransformOptions();

    @Option(names = "--minwidth", paramLabel = "PX", defaultValue = "0.1", description = "Leave out frames narrower "
            + "than PX pixels, as flamegraph.pl --minwidth (default 0.1); how many is said on stderr and in the SVG.")
    double minWidth;

    @Option(names = "--max-depth", paramLabel = "ROWS", defaultValue = "" + FlameGraphSvgWriter.DEFAULT_MAX_DEPTH,
            description = "Leave out frames deeper than ROWS rows (default "
                    + FlameGraphSvgWriter.DEFAULT_MAX_DEPTH + "); how many is said on stderr and in the SVG.")
    int maxDepth;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (width < 200 || width > 20000) {
            spec.commandLine().getErr().println("--width must be between 200 and 20000 pixels");
            return 2;
        }
        java.util.List<dev.perfdesk.core.flame.StackTransform> steps = transforms.parse(spec);
        if (!(minWidth >= 0 && minWidth <= width) || maxDepth < 1) {
            spec.commandLine().getErr().println("--minwidth must be from 0 to the width, --max-depth at least 1");
            return 2;
        }
        try (Store s = store.openForReading()) {
            if (s.findProfile(id).isEmpty()) {
                spec.commandLine().getErr().println("no profile with id " + id + " in " + s.location());
                return 1;
            }
            Profile profile = s.loadProfile(id);
            FlameViewState state = FlameViewState.compute(profile,
                    FrameNamers.forProfile(profile, NamingOptions.DEFAULT.withLines(lines)),
                    FlameViewSpec.DEFAULT.withReversed(reverse).withLines(lines).withTransforms(steps), ProgressMonitor.NONE);
            FlameGraphSvgWriter.Options defaults = FlameGraphSvgWriter.Options.DEFAULT;
            FlameGraphSvgWriter.Options options = new FlameGraphSvgWriter.Options(width, defaults.frameHeight(),
                    defaults.fontSize(), inverted, title != null ? title : profile.info().name(), minWidth, maxDepth);
            Path tmp = output.resolveSibling(output.getFileName() + ".tmp");
            FlameGraphSvgWriter writer = new FlameGraphSvgWriter(options);
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
                writer.write(state, CallTree.ROOT, out);
            }
            Files.move(tmp, output, StandardCopyOption.REPLACE_EXISTING);
            if (writer.leftOut().total() > 0) {
                spec.commandLine().getErr().println(output + ": " + writer.leftOut().describe(options));
            }
        }
        return 0;
    }
}
