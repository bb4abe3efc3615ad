package dev.perfdesk.importers.pprof;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipException;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.WireFormat;

import dev.perfdesk.core.progress.ProgressMonitor;
import dev.perfdesk.importers.spi.ImportException;
import dev.perfdesk.importers.spi.ImportSource;

/**
 * One pass over a pprof file's top-level {@code Profile} fields, with the byte offset of everything it reads. The
 * offset counts the decompressed bytes, because that is where a protobuf field is; errors in the gzip layer name
 * the compressed byte instead. protobuf-java's {@link CodedInputStream} counts at most 2 GiB, so the counter is
 * reset after every top-level field and the offset kept here as a {@code long}.
 */
final class PprofDecoder implements AutoCloseable {
    /** The longest string or nested message read whole; pprof's strings are names and paths. */
    static final int MAX_FIELD = 16 << 20;

    private final ImportSource source;
    private final InputStream in;
    private final CodedInputStream cis;
    private final ProgressMonitor monitor;
    private final long progressBase;
    private final long progressTotal;
    private long base;
    private long fieldStart;
    private int fields;
    /** The singular scalar fields seen so far, as bits by field number. */
    private int seenScalars;

    PprofDecoder(ImportSource source, ProgressMonitor monitor, long progressBase, long progressTotal)
            throws IOException {
        this.source = source;
        this.in = source.open();
        this.cis = CodedInputStream.newInstance(in, 1 << 16);
        this.monitor = monitor;
        this.progressBase = progressBase;
        this.progressTotal = progressTotal;
    }

    /** The offset of the next byte to be read. */
    long offset() {
        return base + cis.getTotalBytesRead();
    }

    /** The offset where the current top-level field began. */
    long fieldStart() {
        return fieldStart;
    }

    CodedInputStream in() {
        return cis;
    }

    /**
     * Moves to the next top-level field and returns its tag, or 0 at the end of the file.
     *
     * @throws ImportException when the tag is not one a {@code Profile} can have
     */
    int nextField() throws IOException, ImportException {
        base += cis.getTotalBytesRead();
        cis.resetSizeCounter();
        fieldStart = base;
        if ((++fields & 0x3FF) == 0) {
            monitor.checkCancelled();
            monitor.progress(progressBase + source.rawBytesRead(), progressTotal);
        }
        int tag = cis.readTag();
        if (tag == 0) {
            return 0;
        }
        int field = WireFormat.getTagFieldNumber(tag);
        int wire = WireFormat.getTagWireType(tag);
        if (!ProfileProto.validProfileWireType(field, wire)) {
            throw error(fieldStart, "expected a pprof Profile field, found field " + field + " of wire type " + wire
                    + "; this is not a pprof (profile.proto) file");
        }
        if (wire == 0 && field != ProfileProto.Profile.COMMENT && field <= ProfileProto.Profile.DOC_URL) {
            // protobuf lets a later value win, but no pprof writer repeats these; text read as protobuf does.
            if ((seenScalars & (1 << field)) != 0) {
                throw error(fieldStart, "field " + field + " of a pprof Profile appears twice, which pprof writers "
                        + "never do; this is not a pprof (profile.proto) file");
            }
            seenScalars |= 1 << field;
        }
        return tag;
    }

    /** Reads the length of a length-delimited field and checks it fits {@link #MAX_FIELD}. */
    int length(String what) throws IOException, ImportException {
        long at = offset();
        int len = cis.readRawVarint32();
        if (len < 0 || len > MAX_FIELD) {
            throw error(at, what + " is " + Integer.toUnsignedString(len) + " bytes long, more than the "
                    + (MAX_FIELD >> 20) + " MiB Perfdesk reads in one field");
        }
        return len;
    }

    /** Reads a string of the string table. */
    String string() throws IOException, ImportException {
        int len = length("a string");
        return new String(cis.readRawBytes(len), StandardCharsets.UTF_8);
    }

    /** An error at {@code offset} of the decompressed content. */
    ImportException error(long offset, String problem) {
        String where = source.isCompressed() ? " (offset in the decompressed data)" : "";
        return ImportException.atByte(source.path(), offset, problem + where);
    }

    /** Turns what protobuf-java or the gzip stream threw into one clear sentence with its offset. */
    ImportException translate(IOException e) {
        if (e instanceof InvalidProtocolBufferException) {
            String message = String.valueOf(e.getMessage());
            if (message.contains("ended unexpectedly") || message.contains("truncated")) {
                return error(offset(), "the file ends in the middle of a field; it looks truncated");
            }
            if (message.contains("malformed varint")) {
                return error(offset(), "a number (varint) is malformed; the file is corrupt");
            }
            if (message.contains("negative size")) {
                return error(offset(), "a field has a negative length; the file is corrupt");
            }
            return error(offset(), "not valid protobuf: " + firstSentence(message));
        }
        if (e instanceof ZipException || e instanceof EOFException) {
            return source.damaged(e);
        }
        return null;
    }

    private static String firstSentence(String message) {
        int dot = message.indexOf(". ");
        return dot > 0 ? message.substring(0, dot) : message;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
