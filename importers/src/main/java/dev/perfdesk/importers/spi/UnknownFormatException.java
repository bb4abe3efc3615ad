package dev.perfdesk.importers.spi;

import java.nio.file.Path;

/**
 * A file no importer recognises: not damaged, just not a profile or benchmark result Perfdesk reads (a README, a
 * script). Importing a folder skips such files and says how many; importing the file itself refuses it.
 */
public final class UnknownFormatException extends ImportException {
    private static final long serialVersionUID = 1L;

    /** @param problem what the file looks like and which formats were expected */
    public UnknownFormatException(Path file, String problem) {
        super(file, -1, -1, problem);
    }
}
