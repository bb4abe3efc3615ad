package dev.perfdesk.importers.jfr;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.perfdesk.importers.spi.ImportException;

/**
 * The chunk layout of a JFR file, read from the chunk headers alone. A recording is a sequence of self-contained
 * chunks, each starting with {@code FLR\0}, a u2 major and minor version, and its own size as a big-endian u8 at
 * offset 8. A recording cut short (a copy taken while the JVM was writing, a download that stopped) ends in a chunk
 * whose declared size runs past the end of the file; {@link #scan} finds the complete chunks so that only those are
 * read.
 *
 * <pre>{@code
 * JfrChunks chunks = JfrChunks.scan(path, path);
 * for (JfrChunks.Chunk c : chunks.chunks()) {
 *     Path one = chunks.copy(path, c);   // a file RecordingFile can read on its own
 * }
 * }</pre>
 */
final class JfrChunks {
    /** The first four bytes of every chunk. */
    static final byte[] MAGIC = {'F', 'L', 'R', 0};
    /** Bytes in a chunk header: magic, version, size, pool and metadata offsets, times, ticks, features. */
    static final int HEADER_SIZE = 68;

    /** One complete chunk. Times are epoch nanoseconds, as the header gives them. */
    record Chunk(long offset, long size, int major, int minor, long startNanos, long durationNanos) {
        long end() {
            return offset + size;
        }
    }

    private final List<Chunk> chunks;
    private final long fileSize;
    private final String truncation;

    private JfrChunks(List<Chunk> chunks, long fileSize, String truncation) {
        this.chunks = List.copyOf(chunks);
        this.fileSize = fileSize;
        this.truncation = truncation;
    }

    /** The complete chunks, in file order; never empty. */
    List<Chunk> chunks() {
        return chunks;
    }

    long fileSize() {
        return fileSize;
    }

    /** Whether the file ends in an incomplete chunk, left out of {@link #chunks()}. */
    boolean isTruncated() {
        return truncation != null;
    }

    /** What was left out, for a warning; null when nothing was. */
    String truncationWarning() {
        return truncation;
    }

    /** The format version of the first chunk, such as {@code 2.1}. */
    String version() {
        Chunk first = chunks.get(0);
        return first.major() + "." + first.minor();
    }

    /** Epoch nanoseconds at which the first chunk starts. */
    long startNanos() {
        long start = Long.MAX_VALUE;
        for (Chunk c : chunks) {
            start = Math.min(start, c.startNanos());
        }
        return start;
    }

    /** Nanoseconds from the first chunk's start to the last chunk's end. */
    long durationNanos() {
        long end = Long.MIN_VALUE;
        for (Chunk c : chunks) {
            end = Math.max(end, c.startNanos() + c.durationNanos());
        }
        return Math.max(0, end - startNanos());
    }

    /**
     * Reads the chunk headers of {@code file}.
     *
     * @param shownAs the path to name in errors (the user's file, when {@code file} is a decompressed copy)
     * @throws ImportException when the file is empty, is not JFR, or has no complete chunk
     */
    static JfrChunks scan(Path file, Path shownAs) throws IOException, ImportException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size == 0) {
                throw ImportException.whole(shownAs, "the file is empty");
            }
            ByteBuffer header = ByteBuffer.allocate(HEADER_SIZE).order(ByteOrder.BIG_ENDIAN);
            List<Chunk> chunks = new ArrayList<>();
            long offset = 0;
            String truncation = null;
            while (offset < size) {
                header.clear();
                int n = readFully(channel, header, offset);
                if (!hasMagic(header, n)) {
                    if (offset == 0) {
                        throw ImportException.atByte(shownAs, 0, "not a JFR recording: JFR files start with the "
                                + "bytes 'FLR\\0', this one starts with " + describe(header, n));
                    }
                    throw ImportException.atByte(shownAs, offset, "the recording is corrupt: a chunk ends here but "
                            + "no chunk header ('FLR\\0') follows; found " + describe(header, n));
                }
                if (n < HEADER_SIZE) {
                    truncation = incomplete(offset, size, "its " + HEADER_SIZE + "-byte header is cut off after "
                            + n + " bytes");
                    break;
                }
                int major = header.getShort(4) & 0xFFFF;
                int minor = header.getShort(6) & 0xFFFF;
                if (major != 1 && major != 2) {
                    throw ImportException.atByte(shownAs, offset, "unsupported JFR format version " + major + "."
                            + minor + " in the chunk header; Perfdesk reads versions 1.x and 2.x (JDK 11 and later, "
                            + "async-profiler)");
                }
                long chunkSize = header.getLong(8);
                long poolOffset = header.getLong(16);
                long metadataOffset = header.getLong(24);
                if (chunkSize > size - offset || chunkSize < HEADER_SIZE) {
                    if (chunkSize < HEADER_SIZE && chunkSize != 0) {
                        throw ImportException.atByte(shownAs, offset, "the recording is corrupt: the chunk header "
                                + "declares a size of " + chunkSize + " bytes, less than the header itself");
                    }
                    truncation = incomplete(offset, size, chunkSize <= 0
                            ? "its header does not give its size yet (it was still being written)"
                            : "its header declares " + grouped(chunkSize) + " bytes but only "
                            + grouped(size - offset) + " are in the file");
                    break;
                }
                if (metadataOffset <= 0 || metadataOffset >= chunkSize || poolOffset < 0 || poolOffset >= chunkSize) {
                    truncation = incomplete(offset, size, "its header has no metadata position yet (it was still "
                            + "being written)");
                    break;
                }
                chunks.add(new Chunk(offset, chunkSize, major, minor, header.getLong(32), header.getLong(40)));
                offset += chunkSize;
            }
            if (chunks.isEmpty()) {
                throw ImportException.atByte(shownAs, 0, "the recording is cut short and has no complete chunk to "
                        + "import: " + truncation);
            }
            if (truncation != null) {
                long kept = chunks.get(chunks.size() - 1).end();
                truncation = "the recording is cut short: " + truncation + "; it was left out and the "
                        + chunks.size() + " complete chunk"
                        + (chunks.size() == 1 ? "" : "s") + " before it (" + grouped(kept) + " bytes) imported";
            }
            return new JfrChunks(chunks, size, truncation);
        }
    }

    /** A temporary file holding one chunk of {@code file}; the caller deletes it. */
    Path copy(Path file, Chunk chunk) throws IOException {
        Path copy = Files.createTempFile("perfdesk-chunk-", ".jfr");
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ);
             FileChannel out = FileChannel.open(copy, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            long done = 0;
            while (done < chunk.size()) {
                long n = in.transferTo(chunk.offset() + done, chunk.size() - done, out);
                if (n <= 0) {
                    throw new IOException("could not copy the chunk at byte " + chunk.offset() + " of " + file);
                }
                done += n;
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(copy);
            throw e;
        }
        return copy;
    }

    /** Why the chunk at {@code offset} is incomplete; the callers say once that the recording is cut short. */
    private static String incomplete(long offset, long size, String why) {
        return "the chunk at byte " + grouped(offset) + " is incomplete ("
                + grouped(size - offset) + " bytes): " + why;
    }

    private static int readFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        int total = 0;
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, position + total);
            if (n < 0) {
                break;
            }
            total += n;
        }
        return total;
    }

    private static boolean hasMagic(ByteBuffer header, int n) {
        if (n < MAGIC.length) {
            return false;
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (header.get(i) != MAGIC[i]) {
                return false;
            }
        }
        return true;
    }

    /** The first bytes, as text when printable, else as hex. */
    private static String describe(ByteBuffer header, int n) {
        int len = Math.min(n, 8);
        if (len == 0) {
            return "nothing (the file ends here)";
        }
        boolean printable = true;
        for (int i = 0; i < len; i++) {
            int b = header.get(i) & 0xFF;
            if (b < 0x20 || b > 0x7E) {
                printable = false;
                break;
            }
        }
        StringBuilder sb = new StringBuilder();
        if (printable) {
            sb.append('\'');
            for (int i = 0; i < len; i++) {
                sb.append((char) header.get(i));
            }
            return sb.append('\'').toString();
        }
        for (int i = 0; i < len; i++) {
            sb.append(i == 0 ? "" : " ").append(String.format(Locale.ROOT, "%02x", header.get(i) & 0xFF));
        }
        return sb.toString();
    }

    static String grouped(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
