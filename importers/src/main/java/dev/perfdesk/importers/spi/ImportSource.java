package dev.perfdesk.importers.spi;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * A file to import. {@link #open()} reads it decompressed when it is gzip-compressed, and counts the raw bytes
 * consumed so importers can report progress against {@link #size()}.
 */
public final class ImportSource {
    private final Path path;
    private final long size;
    private final boolean gzip;
    private final boolean folder;
    private long rawBytesRead;

    private ImportSource(Path path, long size, boolean gzip, boolean folder) {
        this.path = path;
        this.size = size;
        this.gzip = gzip;
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
        return new ImportSource(folder, total, false, true);
    }

    /** Whether this is a folder read as one unit. */
    public boolean isFolder() {
        return folder;
    }

    /**
     * A source for {@code path}; gzip is recognised by its magic bytes, not the name.
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
        boolean gzip = false;
        try (InputStream in = Files.newInputStream(path)) {
            byte[] magic = in.readNBytes(2);
            gzip = magic.length == 2 && (magic[0] & 0xFF) == 0x1F && (magic[1] & 0xFF) == 0x8B;
        }
        return new ImportSource(path, size, gzip, false);
    }

    public Path path() {
        return path;
    }

    /** The file's name without folders, for profile names. */
    public String fileName() {
        Path name = path.getFileName();
        String text = name == null ? path.toString() : name.toString();
        return gzip && text.endsWith(".gz") ? text.substring(0, text.length() - 3) : text;
    }

    /** Size of the file on disk, compressed if it is. */
    public long size() {
        return size;
    }

    public boolean isGzip() {
        return gzip;
    }

    /** Raw (on-disk) bytes consumed so far by the last stream from {@link #open()}. */
    public long rawBytesRead() {
        return rawBytesRead;
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
        if (!gzip) {
            return raw;
        }
        InputStream gunzip;
        try {
            gunzip = new GZIPInputStream(new BufferedInputStream(raw, 1 << 16), 1 << 16);
        } catch (IOException e) {
            raw.close();
            throw translate(e);
        }
        return new FilterInputStream(gunzip) {
            @Override
            public int read() throws IOException {
                try {
                    return super.read();
                } catch (IOException e) {
                    throw translate(e);
                }
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                try {
                    return super.read(b, off, len);
                } catch (IOException e) {
                    throw translate(e);
                }
            }
        };
    }

    /**
     * java.util.zip's complaint ("Unexpected end of ZLIB input stream", "invalid stored block lengths", "Not in GZIP
     * format") in words, with the byte of the compressed file where reading stopped; the type stays, so callers
     * still tell a truncated ({@link java.io.EOFException}) from a corrupt ({@link ZipException}) stream.
     */
    private IOException translate(IOException e) {
        String raw = String.valueOf(e.getMessage());
        String at = String.format(java.util.Locale.ROOT, "byte %,d of %,d", rawBytesRead, size);
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

    /** The first {@code max} bytes of the content, decompressed, for format detection. */
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
                // A truncated gzip stream: detect by what decompressed before the cut; the import then says where.
            }
            return java.util.Arrays.copyOf(buf, n);
        } catch (java.io.EOFException e) {
            return new byte[0];
        }
    }
}
