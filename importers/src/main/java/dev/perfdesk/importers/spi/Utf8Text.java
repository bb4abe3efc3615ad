package dev.perfdesk.importers.spi;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Text as UTF-8 bytes whatever byte-order mark it starts with, for the line readers that work on UTF-8 bytes: a
 * UTF-8 mark is dropped, UTF-16 with a little- or big-endian mark (as Windows tools write text) is decoded and
 * re-encoded as UTF-8 while it streams; anything else is passed through unchanged.
 *
 * <pre>{@code
 * InputStream utf8 = Utf8Text.stream(source.open());
 * }</pre>
 */
public final class Utf8Text {
    private Utf8Text() {
    }

    /** The charset a byte-order mark at the start of {@code head} names, or null when there is none. */
    public static Charset bomCharset(byte[] head) {
        if (head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
            return StandardCharsets.UTF_8;
        }
        if (head.length >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE) {
            return StandardCharsets.UTF_16LE;
        }
        if (head.length >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF) {
            return StandardCharsets.UTF_16BE;
        }
        return null;
    }

    /** {@code head} (the first bytes of a file) as UTF-8 without a byte-order mark; a cut last character is dropped. */
    public static byte[] head(byte[] head) {
        Charset cs = bomCharset(head);
        if (cs == null) {
            return head;
        }
        if (cs == StandardCharsets.UTF_8) {
            return java.util.Arrays.copyOfRange(head, 3, head.length);
        }
        int even = (head.length - 2) & ~1;
        return new String(head, 2, even, cs).getBytes(StandardCharsets.UTF_8);
    }

    /** {@code in} as UTF-8 bytes without a byte-order mark. The caller closes the returned stream. */
    public static InputStream stream(InputStream in) throws IOException {
        PushbackInputStream pushback = new PushbackInputStream(in, 3);
        byte[] mark = pushback.readNBytes(3);
        Charset cs = bomCharset(mark);
        if (cs == StandardCharsets.UTF_8) {
            return pushback;
        }
        if (cs == null) {
            pushback.unread(mark);
            return pushback;
        }
        pushback.unread(mark, 2, mark.length - 2);
        return new Transcoding(new InputStreamReader(pushback, cs));
    }

    /** Chars from a reader, encoded as UTF-8 as they are read. */
    private static final class Transcoding extends InputStream {
        private final Reader reader;
        private final CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
        private final CharBuffer chars = CharBuffer.allocate(1 << 15);
        private final ByteBuffer bytes = ByteBuffer.allocate(1 << 17);
        private boolean eof;

        Transcoding(Reader reader) {
            this.reader = reader;
            chars.flip();
            bytes.flip();
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            while (!bytes.hasRemaining()) {
                if (eof && !chars.hasRemaining()) {
                    return -1;
                }
                if (!eof) {
                    chars.compact();
                    int n = reader.read(chars);
                    chars.flip();
                    if (n < 0) {
                        eof = true;
                    }
                }
                bytes.clear();
                encoder.encode(chars, bytes, eof);
                bytes.flip();
            }
            int n = Math.min(len, bytes.remaining());
            bytes.get(b, off, n);
            return n;
        }

        @Override
        public void close() throws IOException {
            reader.close();
        }
    }
}
