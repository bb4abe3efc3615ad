package dev.perfdesk.importers.json;

import java.nio.file.Path;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;

import dev.perfdesk.importers.spi.ImportException;

/** Import errors at a streaming JSON parser's position: the line when it knows one, else the byte offset. */
public final class JsonErrors {
    private JsonErrors() {
    }

    /** An error at where {@code parser} is now. */
    public static ImportException at(Path file, JsonParser parser, String problem) {
        return at(file, parser.currentLocation(), problem);
    }

    /** An error for Jackson's own complaint, at the place it names. */
    public static ImportException of(Path file, JsonProcessingException e) {
        String message = e.getOriginalMessage();
        int nl = message.indexOf('\n');
        if (nl > 0) {
            message = message.substring(0, nl);
        }
        ImportException out = at(file, e.getLocation(), "not valid JSON: " + message);
        out.initCause(e);
        return out;
    }

    private static ImportException at(Path file, JsonLocation location, String problem) {
        if (location != null && location.getLineNr() > 0) {
            return ImportException.atLine(file, location.getLineNr(), problem);
        }
        return ImportException.atByte(file, location == null ? -1 : location.getByteOffset(), problem);
    }
}
