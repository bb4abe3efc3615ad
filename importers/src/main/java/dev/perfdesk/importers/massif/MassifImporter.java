package dev.perfdesk.importers.massif;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import dev.perfdesk.core.progress.ProgressMonitor;
import dev.perfdesk.core.spi.ImportSink;
import dev.perfdesk.importers.spi.ImportException;
import dev.perfdesk.importers.spi.ImportSource;
import dev.perfdesk.importers.spi.Importer;

/**
 * Reads Valgrind Massif heap profiles ({@code massif.out.PID}). Massif's manual does not describe the format; this
 * follows its writer ({@code coregrind/m_xtree.c}) and reader ({@code ms_print}): a header ({@code desc:},
 * {@code cmd:}, {@code time_unit:}), then snapshots ({@code snapshot=}, {@code time=}, {@code mem_heap_B=},
 * {@code mem_heap_extra_B=}, {@code mem_stacks_B=}, {@code heap_tree=empty|detailed|peak}, in that order), each
 * detailed one followed by its tree of allocation sites, a node per line, indented one space per level.
 *
 * <p>One profile per file, in bytes: its samples are the tree of the peak snapshot (or, without one, of the detailed
 * snapshot with the most memory in use), allocation sites on top and their callers below, plus {@code [extra-heap]}
 * and {@code [stacks]} so that its total is ms_print's {@code total(B)}. Every snapshot's totals are in the profile's
 * {@link dev.perfdesk.core.heap.HeapSeries} attribute, and every detailed snapshot's tree in its timeline at the
 * snapshot's number, so that the heap chart can show any of them (see {@code HeapSeries}).
 *
 * <pre>{@code
 * new MassifImporter().read(ImportSource.of(Path.of("massif.out.1234")), sink, ProgressMonitor.NONE);
 * }</pre>
 */
public final class MassifImporter implements Importer {
    public static final String FORMAT = "massif";

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public String description() {
        return "Valgrind Massif heap profile";
    }

    @Override
    public int detect(byte[] head) {
        String text = new String(head, 0, Math.min(head.length, 8192), StandardCharsets.ISO_8859_1);
        String[] lines = text.split("\n", 6);
        if (lines.length < 5) {
            return 0;
        }
        if (lines[0].startsWith("desc: ") && lines[1].startsWith("cmd: ") && lines[2].startsWith("time_unit: ")) {
            return lines[3].startsWith("#-----------") && lines[4].startsWith("snapshot=") ? 100 : 60;
        }
        return 0;
    }

    @Override
    public void read(ImportSource source, ImportSink sink, ProgressMonitor monitor)
            throws IOException, ImportException {
        MassifReader reader = new MassifReader(source, monitor);
        try (InputStream in = source.open()) {
            reader.readAll(in);
        } catch (java.util.zip.ZipException | java.io.EOFException e) {
            throw ImportException.whole(source.path(), "the gzip data is corrupt or truncated (" + e.getMessage()
                    + ")");
        }
        reader.deliver(sink);
    }
}
