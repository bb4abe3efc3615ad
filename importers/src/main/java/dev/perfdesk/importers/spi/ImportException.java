package dev.perfdesk.importers.spi;

import java.nio.file.Path;

/**
 * Why a file could not be imported, with where: the file and, when known, the line or byte offset. The message is
 * one sentence people can act on, such as {@code trace.txt:120: the file ends in the middle of a line}.
 */
public class ImportException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final long line;
    private final long byteOffset;
    private final String problem;

    public ImportException(Path file, long line, long byteOffset, String problem) {
        super(format(file, line, byteOffset, bounded(problem)));
        this.file = file;
        this.line = line;
        this.byteOffset = byteOffset;
        this.problem = bounded(problem);
    }

    /** The longest quoted value a message shows whole; longer ones show their start and their length. */
    static final int MAX_QUOTED = 60;
    /** The longest problem text a message holds; a longer one keeps its start and end. */
    static final int MAX_PROBLEM = 600;

    /**
     * {@code problem} as one line of bounded length, whatever the input put into it: line breaks and other control
     * characters become escapes ({@code \n}), a quoted value longer than {@value #MAX_QUOTED} characters (a cell of
     * a megabyte) keeps its start and says how long it was, and what is still too long loses its middle.
     */
    static String bounded(String problem) {
        if (problem == null) {
            return "unreadable input";
        }
        StringBuilder sb = new StringBuilder(Math.min(problem.length(), MAX_PROBLEM * 2));
        int i = 0;
        while (i < problem.length()) {
            char c = problem.charAt(i);
            if (c == '\'' ) {
                int end = problem.indexOf('\'', i + 1);
                if (end > 0 && end - i - 1 > MAX_QUOTED) {
                    sb.append('\'');
                    appendEscaped(sb, problem, i + 1, i + 1 + MAX_QUOTED);
                    sb.append("…' (").append(end - i - 1).append(" characters)");
                    i = end + 1;
                    continue;
                }
            }
            appendEscaped(sb, problem, i, i + 1);
            i++;
        }
        if (sb.length() > MAX_PROBLEM) {
            int left = sb.length() - MAX_PROBLEM;
            return sb.substring(0, MAX_PROBLEM - 200) + " … (" + left + " characters left out) … "
                    + sb.substring(sb.length() - 200);
        }
        return sb.toString();
    }

    private static void appendEscaped(StringBuilder sb, String s, int from, int to) {
        for (int i = from; i < to && i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n') {
                sb.append("\\n");
            } else if (c == '\r') {
                sb.append("\\r");
            } else if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == '\u2028' || c == '\u2029') {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
    }

    public ImportException(Path file, long line, long byteOffset, String problem, Throwable cause) {
        this(file, line, byteOffset, problem);
        initCause(cause);
    }

    /** An error about the whole file, with no position. */
    public static ImportException whole(Path file, String problem) {
        return new ImportException(file, -1, -1, problem);
    }

    /** An error at a line (1-based). */
    public static ImportException atLine(Path file, long line, String problem) {
        return new ImportException(file, line, -1, problem);
    }

    /** An error at a byte offset (0-based). */
    public static ImportException atByte(Path file, long byteOffset, String problem) {
        return new ImportException(file, -1, byteOffset, problem);
    }

    private static String format(Path file, long line, long byteOffset, String problem) {
        StringBuilder sb = new StringBuilder();
        sb.append(file == null ? "<input>" : file.toString());
        if (line > 0) {
            sb.append(':').append(line);
        } else if (byteOffset >= 0) {
            sb.append(": at byte ").append(byteOffset);
        }
        return sb.append(": ").append(problem).toString();
    }

    public Path file() {
        return file;
    }

    /** The 1-based line, or -1. */
    public long line() {
        return line;
    }

    /** The 0-based byte offset, or -1. */
    public long byteOffset() {
        return byteOffset;
    }

    /** The problem without the location. */
    public String problem() {
        return problem;
    }
}
