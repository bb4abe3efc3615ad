package dev.perfdesk.importers.gprof;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import dev.perfdesk.core.progress.ProgressMonitor;
import dev.perfdesk.core.spi.ImportSink;
import dev.perfdesk.importers.spi.ImportException;
import dev.perfdesk.importers.spi.ImportSource;
import dev.perfdesk.importers.spi.Importer;

/**
 * Reads GNU gprof's text output ({@code gprof prog gmon.out > out.txt}): the flat profile (self seconds and calls
 * per function) and the call graph (per caller-to-callee arc: calls, and the time gprof propagated), with or without
 * the explanations ({@code -b}), either table alone ({@code -p}, {@code -q}), cycles and recursion, and line mode
 * ({@code -l}, names like {@code harmonic (gp.c:5 @ 1189)}).
 *
 * <p>One profile in nanoseconds. gprof has no stacks, so the tree is rebuilt from the arcs as gprof's own
 * propagation implies (see {@link GprofGraph}); the profile's {@code note} attribute says so, and its {@code calls}
 * attribute keeps the call counts gprof printed.
 *
 * <pre>{@code
 * new GprofImporter().read(ImportSource.of(Path.of("gprof.txt")), sink, ProgressMonitor.NONE);
 * }</pre>
 */
public final class GprofImporter implements Importer {
    public static final String FORMAT = "gprof";

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public String description() {
        return "GNU gprof text output";
    }

    @Override
    public int detect(byte[] head) {
        String text = new String(head, 0, Math.min(head.length, 16384), StandardCharsets.ISO_8859_1);
        String start = text.stripLeading();
        if (start.startsWith("Flat profile:")) {
            return text.contains("Each sample counts as") ? 100 : 70;
        }
        if (start.startsWith("Call graph") && text.contains("granularity:")) {
            return 95;
        }
        return 0;
    }

    @Override
    public void read(ImportSource source, ImportSink sink, ProgressMonitor monitor)
            throws IOException, ImportException {
        GprofReader reader = new GprofReader(source, monitor);
        try (InputStream in = source.open()) {
            reader.readAll(in);
        } catch (java.util.zip.ZipException | java.io.EOFException e) {
            throw ImportException.whole(source.path(), "the gzip data is corrupt or truncated (" + e.getMessage()
                    + ")");
        }
        sink.addProfile(new GprofGraph(reader).build(source.fileName()), null);
    }
}
