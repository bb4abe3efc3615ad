package dev.perfdesk.importers.locust;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.perfdesk.core.progress.ProgressMonitor;
import dev.perfdesk.importers.spi.ByteLineReader;
import dev.perfdesk.importers.spi.ImportException;
import dev.perfdesk.importers.spi.ImportSource;

/**
 * Reads the CSV files Locust writes (Python's {@code csv} module, default dialect), streaming, record by record:
 * fields separated by commas, quoted in double quotes when they hold a comma, a quote or a line break, a quote
 * inside written twice. A record may span lines; each knows the line it starts on. Lines longer than
 * {@link #MAX_LINE} are refused by {@link ByteLineReader}.
 */
final class LocustCsv implements AutoCloseable {
    /** The longest line accepted: Locust's lines are short; a tracebacks column stays far below this. */
    static final int MAX_LINE = 1 << 20;

    /** A record and the 1-based line it starts on. */
    record Row(long line, List<String> fields) {
        String get(int column) {
            return column < 0 || column >= fields.size() ? "" : fields.get(column);
        }
    }

    private final Path file;
    private final InputStream in;
    private final ByteLineReader lines;

    LocustCsv(ImportSource source, ProgressMonitor monitor) throws IOException {
        this.file = source.path();
        this.in = source.open();
        this.lines = new ByteLineReader(in, source, MAX_LINE, monitor);
    }

    /** The next record, skipping blank lines; null at the end. */
    Row next() throws IOException, ImportException {
        while (lines.next()) {
            if (lines.end() == lines.start()) {
                continue;
            }
            long start = lines.lineNumber();
            String text = text();
            if (start == 1 && text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            int i = 0;
            while (true) {
                if (i == text.length()) {
                    if (!quoted) {
                        break;
                    }
                    if (!lines.next()) {
                        throw ImportException.atLine(file, start, "a quoted field is not closed before the end of "
                                + "the file; it looks truncated");
                    }
                    field.append('\n');
                    text = text();
                    i = 0;
                    continue;
                }
                char c = text.charAt(i++);
                if (quoted) {
                    if (c == '"' && i < text.length() && text.charAt(i) == '"') {
                        field.append('"');
                        i++;
                    } else if (c == '"') {
                        quoted = false;
                    } else {
                        field.append(c);
                    }
                } else if (c == '"' && field.length() == 0) {
                    quoted = true;
                } else if (c == ',') {
                    fields.add(field.toString());
                    field.setLength(0);
                } else {
                    field.append(c);
                }
            }
            fields.add(field.toString());
            return new Row(start, fields);
        }
        return null;
    }

    /** Whether the last line read had no line break at its end: a file cut off while Locust wrote it. */
    boolean lastLineUnterminated() {
        return lines.lastLineUnterminated();
    }

    private String text() {
        return new String(lines.buffer(), lines.start(), lines.end() - lines.start(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
