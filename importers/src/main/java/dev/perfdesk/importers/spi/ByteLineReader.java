package dev.perfdesk.importers.spi;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.file.Path;

import dev.perfdesk.core.progress.ProgressMonitor;

/**
 * Reads a text stream line by line as byte slices, without making a String per line. After {@link #next()} returns
 * true, the line is {@code buffer()[start() .. end())}, without its line terminator ({@code \n} or {@code \r\n}).
 * Lines longer than the limit fail with an {@link ImportException} naming the line.
 */
public final class ByteLineReader {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;
    private static final long LOW_BITS = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;

    private final InputStream in;
    private final Path file;
    private final int maxLine;
    private final ImportSource source;
    private final ProgressMonitor monitor;

    private byte[] buf;
    private int pos;
    private int limit;
    private boolean eof;
    private int start;
    private int end;
    private long lineNumber;
    private long consumedBefore;
    private long lineOffset;
    private boolean lastLineUnterminated;

    /**
     * @param in      the decompressed content
     * @param source  the source, for the file name and progress; may be null in tests
     * @param maxLine the longest line accepted, in bytes
     */
    public ByteLineReader(InputStream in, ImportSource source, int maxLine, ProgressMonitor monitor) {
        this.in = in;
        this.source = source;
        this.file = source == null ? null : source.path();
        this.maxLine = maxLine;
        this.monitor = monitor == null ? ProgressMonitor.NONE : monitor;
        this.buf = new byte[Math.max(1 << 20, Math.min(maxLine + 1, 4 << 20))];
    }

    /** Advances to the next line; false at the end of the input. */
    public boolean next() throws IOException, ImportException {
        while (true) {
            int nl = indexOfNewline(buf, pos, limit);
            if (nl - pos > maxLine || (nl < 0 && eof && limit - pos > maxLine)) {
                // Every line is held to the bound, not only one longer than the buffer: an importer's patterns
                // may be superlinear on a line far longer than its format writes.
                throw tooLong();
            }
            if (nl >= 0) {
                setLine(pos, nl);
                pos = nl + 1;
                return true;
            }
            if (eof) {
                if (pos < limit) {
                    setLine(pos, limit);
                    pos = limit;
                    lastLineUnterminated = true;
                    return true;
                }
                return false;
            }
            if (limit - pos > maxLine) {
                throw tooLong();
            }
            fill();
        }
    }

    /**
     * The first control byte of the current line (below 0x20, other than tab and, when {@code formFeedAllowed}, form
     * feed), or -1 when it has none: a text format's way to tell binary data at once.
     */
    public int firstControlByte(boolean formFeedAllowed) {
        for (int i = start; i < end; i++) {
            byte c = buf[i];
            if (c >= 0 && c < 0x20 && c != '\t' && !(formFeedAllowed && c == '\f')) {
                return c;
            }
        }
        return -1;
    }

    private ImportException tooLong() {
        return new ImportException(file, lineNumber + 1, -1, "line is longer than " + maxLine
                + " bytes; this is not a text format Perfdesk reads, or the file is corrupt");
    }

    /**
     * The first {@code \n} in {@code b[from, to)}, or -1; eight bytes at a time. In {@code (x - 0x01..) & ~x & 0x80..}
     * the lowest set bit marks the first zero byte of {@code x} exactly (borrows only run upwards), and the words are
     * read little-endian, so the lowest byte comes first.
     */
    private static int indexOfNewline(byte[] b, int from, int to) {
        int i = from;
        for (; i <= to - 8; i += 8) {
            long x = (long) LONGS.get(b, i) ^ NEWLINES;
            long found = (x - LOW_BITS) & ~x & HIGH_BITS;
            if (found != 0) {
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (b[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private void setLine(int from, int nl) {
        lineNumber++;
        lineOffset = consumedBefore + from;
        start = from;
        int e = nl;
        if (e > from && buf[e - 1] == '\r') {
            e--;
        }
        end = e;
    }

    private void fill() throws IOException {
        monitor.checkCancelled();
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, limit - pos);
            consumedBefore += pos;
            limit -= pos;
            pos = 0;
        }
        if (limit == buf.length) {
            byte[] bigger = new byte[Math.min(buf.length * 2, maxLine + 2)];
            System.arraycopy(buf, 0, bigger, 0, limit);
            buf = bigger;
        }
        int n = in.read(buf, limit, buf.length - limit);
        if (n < 0) {
            eof = true;
        } else {
            limit += n;
        }
        if (source != null) {
            monitor.progress(source.rawBytesRead(), source.size());
        }
    }

    public byte[] buffer() {
        return buf;
    }

    public int start() {
        return start;
    }

    public int end() {
        return end;
    }

    /** 1-based number of the current line. */
    public long lineNumber() {
        return lineNumber;
    }

    /** 0-based byte offset of the current line's first byte in the decompressed content. */
    public long lineOffset() {
        return lineOffset;
    }

    /** Whether the current (last) line had no line terminator: the file may be cut short. */
    public boolean lastLineUnterminated() {
        return lastLineUnterminated;
    }
}
