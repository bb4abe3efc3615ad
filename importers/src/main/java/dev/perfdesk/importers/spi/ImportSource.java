package dev.perfdesk.importers.spi;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;

import io.airlift.compress.zstd.ZstdInputStream;

/**
 * A file to import. {@link #open()} reads it decompressed when it is gzip-, bzip2- or zstd-compressed (recognised by
 * its magic bytes, never by its name), and counts the raw bytes consumed so importers can report progress against
 * {@link #size()}.
 *
 * <p>Decompression is streamed: nothing holds the whole content, so a decompression bomb is bounded the same way
 * for the three formats, by what each importer accepts (its longest line, the JSON readers' content limit), never
 * by memory. A damaged or cut compressed stream fails with a {@link ZipException} or {@link java.io.EOFException}
 * whose message says in words at which byte of the compressed file reading stopped; {@link #damaged(IOException)}
 * turns either into the one-line {@link ImportException} importers throw.
 */
public final class ImportSource {
    /** How a file's content is compressed, as its first bytes say. */
    public enum Compression {
        /** Not compressed. */
        NONE("", ""),
        /** gzip ({@code 1f 8b}), read with java.util.zip. */
        GZIP("gzip", ".gz"),
        /** bzip2 ({@code BZh1}..{@code BZh9}), also several concatenated streams as pbzip2 and lbzip2 write. */
        BZIP2("bzip2", ".bz2"),
        /** Zstandard ({@code 28 b5 2f fd}, or a skippable frame first), also several concatenated frames. */
        ZSTD("zstd", ".zst");

        private final String label;
        private final String suffix;

        Compression(String label, String suffix) {
            this.label = label;
            this.suffix = suffix;
        }

        /** The format's name as users know it ({@code gzip}, {@code bzip2}, {@code zstd}); empty for none. */
        public String label() {
            return label;
        }

        /** The compression the first bytes of a file show. */
        public static Compression sniff(byte[] magic) {
            int n = magic.length;
            if (n >= 2 && (magic[0] & 0xFF) == 0x1F && (magic[1] & 0xFF) == 0x8B) {
                return GZIP;
            }
            if (n >= 4 && magic[0] == 'B' && magic[1] == 'Z' && magic[2] == 'h' && magic[3] >= '1' && magic[3] <= '9') {
                return BZIP2;
            }
            if (n >= 4 && (magic[0] & 0xFF) == 0x28 && (magic[1] & 0xFF) == 0xB5 && (magic[2] & 0xFF) == 0x2F
                    && (magic[3] & 0xFF) == 0xFD) {
                return ZSTD;
            }
            if (n >= 4 && (magic[0] & 0xF0) == 0x50 && (magic[1] & 0xFF) == 0x2A && (magic[2] & 0xFF) == 0x4D
                    && (magic[3] & 0xFF) == 0x18) {
                return ZSTD; // a skippable frame (0x184D2A50..5F), which zstd readers pass over
            }
            return NONE;
        }
    }

    private final Path path;
    private final long size;
    private final Compression compression;
    private final boolean folder;
    private long rawBytesRead;

    private ImportSource(Path path, long size, Compression compression, boolean folder) {
        this.path = path;
        this.size = size;
        this.compression = compression;
        this.folder = folder;
    }

    /**
     * A source for a folder read as one unit by a folder format ({@link Importer#detectFolder(Path)}); its size is
     * the total of the regular files in it. {@link #open()} refuses it: the importer reads the files itself.
     */
    public static ImportSource ofFolder(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new IOException(folder + " is not a folder");
        }
        long total = 0;
        try (java.util.stream.Stream<Path> walk = Files.walk(folder)) {
            for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                total += Files.size(p);
            }
        }
        return new ImportSource(folder, total, Compression.NONE, true);
    }

    /** Whether this is a folder read as one unit. */
    public boolean isFolder() {
        return folder;
    }

    /**
     * A source for {@code path}; gzip, bzip2 and zstd are recognised by their magic bytes, not the name.
     *
     * @throws IOException when {@code path} is not a regular file: a folder, named pipe, device or socket
     */
    public static ImportSource of(Path path) throws IOException {
        if (Files.exists(path) && !Files.isRegularFile(path)) {
            // a named pipe would block until a writer comes, a device such as /dev/zero would never end
            throw new IOException(path + (Files.isDirectory(path) ? " is a folder, not a file"
                    : " is not a regular file (a named pipe, device or socket)"));
        }
        long size = Files.size(path);
        Compression compression;
        try (InputStream in = Files.newInputStream(path)) {
            compression = Compression.sniff(in.readNBytes(4));
        }
        return new ImportSource(path, size, compression, false);
    }

    public Path path() {
        return path;
    }

    /** The file's name without folders (and without {@code .gz}, {@code .bz2} or {@code .zst}), for profile names. */
    public String fileName() {
        Path name = path.getFileName();
        String text = name == null ? path.toString() : name.toString();
        if (compression == Compression.ZSTD && text.endsWith(".zstd")) {
            return text.substring(0, text.length() - 5);
        }
        return compression != Compression.NONE && text.endsWith(compression.suffix) && text.length() > 4
                ? text.substring(0, text.length() - compression.suffix.length()) : text;
    }

    /** Size of the file on disk, compressed if it is. */
    public long size() {
        return size;
    }

    /** Whether the file is gzip-compressed. */
    public boolean isGzip() {
        return compression == Compression.GZIP;
    }

    /** Whether the file is compressed in any format {@link #open()} reads. */
    public boolean isCompressed() {
        return compression != Compression.NONE;
    }

    /** How the file is compressed. */
    public Compression compression() {
        return compression;
    }

    /** Raw (on-disk) bytes consumed so far by the last stream from {@link #open()}. */
    public long rawBytesRead() {
        return rawBytesRead;
    }

    /**
     * The one-line error for a compressed stream that {@link #open()}'s stream refused ({@link ZipException} or
     * {@link java.io.EOFException}), at the byte of the compressed file where reading stopped.
     */
    public ImportException damaged(IOException e) {
        String what = compression == Compression.NONE ? "the data" : "the " + compression.label + " data";
        return new ImportException(path, -1, Math.min(rawBytesRead, size), what + " is corrupt or truncated ("
                + e.getMessage() + ")", e);
    }

    /** Opens the content, decompressed. The caller closes it. */
    public InputStream open() throws IOException {
        if (folder) {
            throw new IOException(path + " is a folder; its importer reads the files in it");
        }
        rawBytesRead = 0;
        InputStream raw = new FilterInputStream(Files.newInputStream(path)) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    rawBytesRead++;
                }
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n > 0) {
                    rawBytesRead += n;
                }
                return n;
            }
        };
        if (compression == Compression.NONE) {
            return raw;
        }
        InputStream decoded;
        try {
            decoded = switch (compression) {
                case GZIP -> new GZIPInputStream(new BufferedInputStream(raw, 1 << 16), 1 << 16);
                case BZIP2 -> new BZip2CompressorInputStream(new BufferedInputStream(raw, 1 << 16), true);
                case ZSTD -> new ZstdInputStream(raw);
                default -> throw new IllegalStateException(compression.name());
            };
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw translate(e);
        }
        return new FilterInputStream(decoded) {
            @Override
            public int read() throws IOException {
                try {
                    return super.read();
                } catch (IOException | RuntimeException e) {
                    throw translate(e);
                }
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                try {
                    return super.read(b, off, len);
                } catch (IOException | RuntimeException e) {
                    throw translate(e);
                }
            }

            @Override
            public long skip(long n) throws IOException {
                try {
                    return super.skip(n);
                } catch (IOException | RuntimeException e) {
                    throw translate(e);
                }
            }
        };
    }

    /**
     * The decompressor's complaint (java.util.zip's "Unexpected end of ZLIB input stream", commons-compress's
     * "Corrupted input", aircompressor's "Not enough input bytes" or {@code MalformedInputException}) in words, with
     * the byte of the compressed file where reading stopped; callers tell a truncated ({@link java.io.EOFException})
     * from a corrupt ({@link ZipException}) stream by the type. Any other I/O failure passes unchanged.
     */
    private IOException translate(Exception e) {
        String raw = String.valueOf(e.getMessage());
        long stopped = Math.min(rawBytesRead, size);
        String at = String.format(java.util.Locale.ROOT, "byte %,d of %,d", stopped, size);
        if (compression == Compression.GZIP) {
            return translateGzip(e, raw, at);
        }
        if (!(e instanceof RuntimeException) && !isDecoderComplaint(raw)) {
            return (IOException) e;
        }
        String lower = raw.toLowerCase(java.util.Locale.ROOT);
        boolean cut = e instanceof java.io.EOFException || lower.contains("end of stream")
                || lower.contains("not enough input") || lower.contains("truncated")
                || lower.contains("unexpected end") || lower.contains("premature end");
        String name = compression.label;
        if (cut) {
            java.io.EOFException out = new java.io.EOFException("the compressed data stops at " + at + " before the "
                    + name + " stream ends; the file looks cut");
            out.initCause(e);
            return out;
        }
        String words;
        if (lower.contains("not in the bzip2 format") || lower.contains("not bzip2") || lower.contains("magic")) {
            words = "the " + name + " header is not valid";
        } else if (lower.contains("crc") || lower.contains("checksum")) {
            words = "the " + name + " checksum does not match the data near " + at + "; the file is damaged";
        } else {
            words = "the compressed " + name + " data is damaged near " + at;
        }
        ZipException out = new ZipException(words);
        out.initCause(e);
        return out;
    }

    /** Whether an IOException came from the bzip2 or zstd decoder rather than from reading the file. */
    private static boolean isDecoderComplaint(String message) {
        String m = message.toLowerCase(java.util.Locale.ROOT);
        return m.contains("corrupt") || m.contains("bzip2") || m.contains("crc") || m.contains("stream")
                || m.contains("input") || m.contains("block") || m.contains("frame") || m.contains("checksum")
                || m.contains("magic") || m.contains("huffman") || m.contains("truncated") || m.contains("invalid");
    }

    private IOException translateGzip(Exception x, String raw, String at) {
        if (x instanceof RuntimeException) {
            ZipException out = new ZipException("the compressed data is damaged near " + at);
            out.initCause(x);
            return out;
        }
        IOException e = (IOException) x;
        if (e instanceof java.io.EOFException) {
            java.io.EOFException out = new java.io.EOFException("the compressed data stops at " + at
                    + " before the gzip stream ends; the file looks cut");
            out.initCause(e);
            return out;
        }
        if (!(e instanceof ZipException)) {
            return e;
        }
        String words;
        if (raw.contains("Not in GZIP format")) {
            words = "the gzip header is not valid";
        } else if (raw.contains("Corrupt GZIP trailer")) {
            words = "the gzip trailer's checksum or length does not match the data; the file is damaged";
        } else if (raw.contains("Unsupported compression method")) {
            words = "the gzip stream uses a compression method other than deflate";
        } else {
            words = "the compressed data is damaged near " + at;
        }
        ZipException out = new ZipException(words);
        out.initCause(e);
        return out;
    }

    /**
     * The first {@code max} bytes of the content, decompressed, for format detection. A compressed stream cut after
     * some content gives what decompressed before the cut (the import then says where); one that yields nothing
     * throws the decoder's {@link java.io.EOFException} or {@link ZipException}.
     */
    public byte[] head(int max) throws IOException {
        if (folder) {
            return new byte[0];
        }
        try (InputStream in = open()) {
            byte[] buf = new byte[max];
            int n = 0;
            try {
                while (n < max) {
                    int r = in.read(buf, n, max - n);
                    if (r < 0) {
                        break;
                    }
                    n += r;
                }
            } catch (java.io.EOFException e) {
                if (n == 0) {
                    throw e;
                }
            }
            return java.util.Arrays.copyOf(buf, n);
        }
    }
}
