package dev.perfdesk.importers.heaptrack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import dev.perfdesk.core.progress.ProgressMonitor;
import dev.perfdesk.core.spi.ImportSink;
import dev.perfdesk.importers.spi.ByteLineReader;
import dev.perfdesk.importers.spi.ImportException;
import dev.perfdesk.importers.spi.ImportSource;
import dev.perfdesk.importers.spi.Importer;

/**
 * Reads HeapTrack traces ({@code heaptrack.PROGRAM.PID.zst} or {@code .gz}) as {@code heaptrack_interpret} writes
 * them: line-oriented text with hexadecimal numbers, file formats 1 to 3 (sized strings in format 3). Four profiles
 * come out, each over the recorded allocation stacks: the number of calls to allocation functions, the temporary
 * allocations among them (a free right after its allocation), the bytes each stack held at the heap's peak, and the
 * bytes never freed (after heaptrack's built-in and embedded leak suppressions). The numbers follow
 * KDE/heaptrack's {@code AccumulatedTraceData::read}, so the totals equal {@code heaptrack_print}'s.
 *
 * <pre>{@code
 * new HeaptrackImporter().read(ImportSource.of(Path.of("heaptrack.app.1234.zst")), sink, ProgressMonitor.NONE);
 * }</pre>
 */
public final class HeaptrackImporter implements Importer {
    public static final String FORMAT = "heaptrack";

    /** The longest line accepted: a string of a long C++ symbol fits many times. */
    static final int MAX_LINE = 1 << 20;

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public String description() {
        return "HeapTrack trace (heaptrack.*.zst or .gz)";
    }

    /**
     * 100 for a first line {@code v <hex> <hex>} followed by heaptrack's record lines; 0 otherwise. A raw,
     * uninterpreted trace ({@code m}/{@code x} lines) scores too, so the import can say to interpret it first.
     */
    @Override
    public int detect(byte[] head) {
        String text = new String(head, 0, Math.min(head.length, 8192), StandardCharsets.ISO_8859_1);
        String[] lines = text.split("\n", -1);
        if (lines.length < 2 || !lines[0].matches("v [0-9a-f]{1,8}( [0-9a-f]{1,4})?")) {
            return 0;
        }
        int known = 0;
        for (int i = 1; i < lines.length - 1 && i < 40; i++) {
            String line = lines[i];
            if (line.length() < 1 || "XIsitamxc+-RASv#".indexOf(line.charAt(0)) < 0
                    || (line.length() > 1 && line.charAt(1) != ' ')) {
                return 0;
            }
            known++;
        }
        return known > 0 ? 100 : 0;
    }

    @Override
    public void read(ImportSource source, ImportSink sink, ProgressMonitor monitor)
            throws IOException, ImportException {
        if (source.size() == 0) {
            throw ImportException.whole(source.path(), "the file is empty");
        }
        HeaptrackReader reader = new HeaptrackReader(source);
        try (InputStream in = source.open()) {
            reader.readAll(new ByteLineReader(in, source, MAX_LINE, monitor));
        } catch (java.util.zip.ZipException | java.io.EOFException e) {
            throw source.damaged(e);
        }
        reader.deliver(sink);
    }
}
