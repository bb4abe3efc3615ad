package dev.perfdesk.importers.series;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.perfdesk.importers.spi.ImportException;

/**
 * Splits CSV text into records as RFC 4180 has them: fields separated by a delimiter, optionally in double quotes, a
 * doubled quote standing for one, delimiters and line breaks allowed inside quotes. Unquoted fields are trimmed.
 * Blank lines are skipped; a line starting with {@code #} is a comment, kept apart so that a header written as the
 * last comment (HdrHistogram's histostat CSV) can still be found.
 */
final class CsvRecords {
    /** A record and the 1-based line it starts on. {@code comment} records hold the line after the '#'. */
    record Line(int number, List<String> fields, boolean comment, boolean terminated) {
    }

    private CsvRecords() {
    }

    static List<Line> split(Path file, String text, char delimiter) throws ImportException {
        List<Line> out = new ArrayList<>();
        int n = text.length();
        int i = 0;
        int line = 1;
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\n') {
                i++;
                line++;
                continue;
            }
            if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                i += 2;
                line++;
                continue;
            }
            int lineEnd = text.indexOf('\n', i);
            if (lineEnd < 0) {
                lineEnd = n;
            }
            if (text.substring(i, lineEnd).isBlank()) {
                i = lineEnd;
                continue;
            }
            if (c == '#') {
                String body = stripCr(text.substring(i + 1, lineEnd));
                out.add(new Line(line, splitPlain(body, delimiter), true, lineEnd < n));
                i = lineEnd;
                continue;
            }
            int start = line;
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            boolean wasQuoted = false;
            // whether the field holds more than blanks, kept as it grows: asking the field each time a quote comes
            // made a line of a million quotes after a letter quadratic
            boolean content = false;
            int quoteLine = 0;
            boolean terminated = false;
            while (i < n) {
                c = text.charAt(i);
                if (quoted) {
                    if (c == '"') {
                        if (i + 1 < n && text.charAt(i + 1) == '"') {
                            field.append('"');
                            i += 2;
                            continue;
                        }
                        quoted = false;
                        i++;
                        // Only blanks may follow a closing quote before the delimiter or the end of the line.
                        while (i < n && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
                            i++;
                        }
                        if (i < n && text.charAt(i) != delimiter && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
                            throw ImportException.atLine(file, line, "unexpected '" + text.charAt(i)
                                    + "' after a closing quote; a quote inside a quoted field is written \"\"");
                        }
                        continue;
                    }
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                    i++;
                    continue;
                }
                if (c == '"' && !content) {
                    field.setLength(0);
                    quoted = true;
                    wasQuoted = true;
                    quoteLine = line;
                    i++;
                    continue;
                }
                if (c == delimiter) {
                    fields.add(wasQuoted ? field.toString() : field.toString().trim());
                    field.setLength(0);
                    wasQuoted = false;
                    content = false;
                    i++;
                    continue;
                }
                if (c == '\n' || c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    terminated = true;
                    break;
                }
                field.append(c);
                content |= !Character.isWhitespace(c);
                i++;
            }
            if (quoted) {
                throw ImportException.atLine(file, quoteLine, "the file ends inside a quoted field that starts "
                        + "here; it is cut short or a closing quote is missing");
            }
            fields.add(wasQuoted ? field.toString() : field.toString().trim());
            out.add(new Line(start, fields, false, terminated));
        }
        return out;
    }

    private static String stripCr(String s) {
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }

    private static List<String> splitPlain(String s, char delimiter) {
        List<String> out = new ArrayList<>();
        int from = 0;
        for (int k = 0; k <= s.length(); k++) {
            if (k == s.length() || s.charAt(k) == delimiter) {
                out.add(s.substring(from, k).trim());
                from = k + 1;
            }
        }
        return out;
    }
}
