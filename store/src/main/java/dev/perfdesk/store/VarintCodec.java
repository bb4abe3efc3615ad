package dev.perfdesk.store;


/**
 * Compact encodings for the store's columns: unsigned LEB128 varints, with zigzag for values that may be negative.
 * Stack tries and sample columns are stored as such blobs, which read back far faster than one row per node.
 */
final class VarintCodec {

    private VarintCodec() {
    }

    /** A growable byte buffer with varint writers. */
    static final class Writer {
        private byte[] buf;
        private int size;

        Writer(int capacity) {
            buf = new byte[Math.max(16, capacity)];
        }

        void unsigned(long v) {
            ensure(10);
            while ((v & ~0x7FL) != 0) {
                buf[size++] = (byte) ((v & 0x7F) | 0x80);
                v >>>= 7;
            }
            buf[size++] = (byte) v;
        }

        void signed(long v) {
            unsigned((v << 1) ^ (v >> 63));
        }

        /** Writes {@code bytes} as they are. */
        void bytes(byte[] bytes) {
            ensure(bytes.length);
            System.arraycopy(bytes, 0, buf, size, bytes.length);
            size += bytes.length;
        }

        private void ensure(int extra) {
            if (size + extra > buf.length) {
                buf = java.util.Arrays.copyOf(buf, Math.max(buf.length * 2, size + extra));
            }
        }

        int size() {
            return size;
        }

        void reset() {
            size = 0;
        }

        byte[] toByteArray() {
            return java.util.Arrays.copyOf(buf, size);
        }
    }

    /** Reads varints from a byte array. */
    static final class Reader {
        private final byte[] buf;
        private int pos;

        Reader(byte[] buf) {
            this.buf = buf == null ? new byte[0] : buf;
        }

        boolean hasMore() {
            return pos < buf.length;
        }

        long unsigned() {
            long result = 0;
            int shift = 0;
            while (true) {
                if (pos >= buf.length) {
                    throw new StoreException("a stored column ends early; the store may be damaged");
                }
                byte b = buf[pos++];
                result |= (long) (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    return result;
                }
                shift += 7;
                if (shift > 63) {
                    throw new StoreException("a stored column holds a malformed number; the store may be damaged");
                }
            }
        }

        long signed() {
            long v = unsigned();
            return (v >>> 1) ^ -(v & 1);
        }

        /** The next {@code n} bytes as they are. */
        byte[] bytes(long n) {
            if (n < 0 || n > buf.length - pos) {
                throw new StoreException("a stored column ends early; the store may be damaged");
            }
            byte[] out = java.util.Arrays.copyOfRange(buf, pos, pos + (int) n);
            pos += (int) n;
            return out;
        }
    }

    static byte[] encodeInts(int[] values, boolean signed) {
        Writer w = new Writer(values.length * 2 + 8);
        w.unsigned(values.length);
        for (int v : values) {
            if (signed) {
                w.signed(v);
            } else {
                w.unsigned(v & 0xFFFFFFFFL);
            }
        }
        return w.toByteArray();
    }

    static int[] decodeInts(byte[] blob, boolean signed) {
        Reader r = new Reader(blob);
        int n = checkedLength(r.unsigned());
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = (int) (signed ? r.signed() : r.unsigned());
        }
        return out;
    }

    static byte[] encodeLongs(long[] values) {
        Writer w = new Writer(values.length * 3 + 8);
        w.unsigned(values.length);
        for (long v : values) {
            w.signed(v);
        }
        return w.toByteArray();
    }

    static long[] decodeLongs(byte[] blob) {
        Reader r = new Reader(blob);
        int n = checkedLength(r.unsigned());
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            out[i] = r.signed();
        }
        return out;
    }

    /** Parents as (node - parent) deltas: small numbers for a trie built depth-first. */
    static byte[] encodeParents(int[] parents) {
        Writer w = new Writer(parents.length * 2 + 8);
        w.unsigned(parents.length);
        for (int i = 0; i < parents.length; i++) {
            w.unsigned(parents[i] < 0 ? 0 : i - parents[i]);
        }
        return w.toByteArray();
    }

    static int[] decodeParents(byte[] blob) {
        Reader r = new Reader(blob);
        int n = checkedLength(r.unsigned());
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            long delta = r.unsigned();
            out[i] = delta == 0 ? -1 : i - (int) delta;
        }
        return out;
    }

    private static int checkedLength(long n) {
        if (n < 0 || n > Integer.MAX_VALUE - 8) {
            throw new StoreException("a stored column has an impossible length; the store may be damaged");
        }
        return (int) n;
    }

}
