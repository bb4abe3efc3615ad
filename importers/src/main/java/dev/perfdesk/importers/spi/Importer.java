package dev.perfdesk.importers.spi;

import java.io.IOException;

import dev.perfdesk.core.progress.ProgressMonitor;
import dev.perfdesk.core.spi.ImportSink;

/**
 * Reads one file format into the model. Implementations live in a package of their own ({@code importers.perf},
 * {@code importers.folded}, ...), are stateless, and are found through {@link dev.perfdesk.importers.Importers}.
 *
 * <pre>{@code
 * Importer importer = Importers.detect(source);
 * importer.read(source, sink, ProgressMonitor.NONE);
 * }</pre>
 */
public interface Importer {

    /** The format id stored with each profile, such as {@code perf-script}. */
    String format();

    /** A short name for people, such as {@code perf script text}. */
    String description();

    /**
     * How sure this importer is that {@code head}, the first bytes of a file's decompressed content, is its format:
     * 0 for no, up to 100 for certain. Detection is by content, never by file name.
     */
    int detect(byte[] head);

    /**
     * For formats that are a folder of files rather than one file (Criterion.rs's {@code target/criterion}): how
     * sure this importer is that {@code folder} is its format, 0 to 100. Such a folder is imported as one unit
     * through an {@link ImportSource#ofFolder(java.nio.file.Path) folder source}. 0 by default.
     */
    default int detectFolder(java.nio.file.Path folder) throws IOException {
        return 0;
    }

    /**
     * Reads {@code source}, delivering profiles to {@code sink}.
     *
     * @throws ImportException  when the content is not valid, naming the file and line or byte offset
     * @throws dev.perfdesk.core.progress.CancelledException when {@code monitor} is cancelled
     */
    void read(ImportSource source, ImportSink sink, ProgressMonitor monitor) throws IOException, ImportException;
}
