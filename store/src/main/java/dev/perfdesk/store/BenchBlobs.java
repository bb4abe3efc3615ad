package dev.perfdesk.store;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

import org.HdrHistogram.Histogram;

import dev.perfdesk.core.bench.IntervalHistograms;

/**
 * Compact encodings of a benchmark's blobs. Samples: when every value is a whole number (nanoseconds, counts,
 * milliseconds) they are zigzag varint deltas; otherwise the IEEE 754 bits, deflated. Point times are varint
 * deltas. Histograms use HdrHistogram's own compressed encoding; interval histograms are, per interval, the start
 * as a varint delta from the previous one, the length, and the interval's histogram in that encoding.
 */
final class BenchBlobs {
    private static final byte WHOLE_DELTAS = 1;
    private static final byte DEFLATED_DOUBLES = 2;
    private static final long EXACT = 1L << 53;

    private BenchBlobs() {
    }

    static byte[] encodeDoubles(double[] values) {
        boolean whole = true;
        for (double v : values) {
            if (v != Math.rint(v) || Math.abs(v) > EXACT || (v == 0 && 1 / v < 0)) {
                whole = false;
                break;
            }
        }
        if (whole) {
            VarintCodec.Writer w = new VarintCodec.Writer(values.length * 2 + 8);
            w.unsigned(WHOLE_DELTAS);
            w.unsigned(values.length);
            long last = 0;
            for (double v : values) {
                long l = (long) v;
                w.signed(l - last);
                last = l;
            }
            return w.toByteArray();
        }
        ByteBuffer raw = ByteBuffer.allocate(values.length * 8);
        for (double v : values) {
            raw.putLong(Double.doubleToRawLongBits(v));
        }
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        deflater.setInput(raw.array());
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream(values.length * 4 + 16);
        out.write(DEFLATED_DOUBLES);
        VarintCodec.Writer n = new VarintCodec.Writer(10);
        n.unsigned(values.length);
        out.write(n.toByteArray(), 0, n.size());
        byte[] buf = new byte[1 << 16];
        while (!deflater.finished()) {
            int k = deflater.deflate(buf);
            out.write(buf, 0, k);
        }
        deflater.end();
        return out.toByteArray();
    }

    static double[] decodeDoubles(byte[] blob) {
        if (blob == null || blob.length == 0) {
            return new double[0];
        }
        if (blob[0] == WHOLE_DELTAS) {
            VarintCodec.Reader r = new VarintCodec.Reader(blob);
            r.unsigned();
            int n = length(r.unsigned());
            double[] out = new double[n];
            long last = 0;
            for (int i = 0; i < n; i++) {
                last += r.signed();
                out[i] = last;
            }
            return out;
        }
        if (blob[0] != DEFLATED_DOUBLES) {
            throw new StoreException("stored samples have an unknown encoding; the store may be damaged");
        }
        VarintCodec.Reader r = new VarintCodec.Reader(blob);
        r.unsigned();
        int n = length(r.unsigned());
        int header = 1 + varintSize(n);
        Inflater inflater = new Inflater();
        inflater.setInput(blob, header, blob.length - header);
        byte[] raw = new byte[n * 8];
        try {
            int done = 0;
            while (done < raw.length) {
                int k = inflater.inflate(raw, done, raw.length - done);
                if (k == 0 && (inflater.finished() || inflater.needsInput())) {
                    throw new StoreException("stored samples end early; the store may be damaged");
                }
                done += k;
            }
        } catch (DataFormatException e) {
            throw new StoreException("stored samples are damaged: " + e.getMessage(), e);
        } finally {
            inflater.end();
        }
        ByteBuffer b = ByteBuffer.wrap(raw);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = Double.longBitsToDouble(b.getLong());
        }
        return out;
    }

    private static int varintSize(long v) {
        int size = 1;
        while ((v & ~0x7FL) != 0) {
            v >>>= 7;
            size++;
        }
        return size;
    }

    private static int length(long n) {
        if (n < 0 || n > Integer.MAX_VALUE - 8) {
            throw new StoreException("a stored column has an impossible length; the store may be damaged");
        }
        return (int) n;
    }

    static byte[] encodeHistogram(Histogram h) {
        ByteBuffer buffer = ByteBuffer.allocate(h.getNeededByteBufferCapacity());
        int size = h.encodeIntoCompressedByteBuffer(buffer, Deflater.DEFAULT_COMPRESSION);
        byte[] out = new byte[size];
        buffer.flip();
        buffer.get(out);
        return out;
    }

    static Histogram decodeHistogram(byte[] blob) {
        try {
            return Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(blob), 0);
        } catch (DataFormatException | RuntimeException e) {
            throw new StoreException("a stored histogram cannot be decoded; the store may be damaged", e);
        }
    }

    static byte[] encodeIntervals(IntervalHistograms intervals) {
        VarintCodec.Writer w = new VarintCodec.Writer(intervals.size() * 128 + 8);
        w.unsigned(intervals.size());
        long last = 0;
        for (int i = 0; i < intervals.size(); i++) {
            long start = intervals.startNanos(i);
            w.signed(start - last);
            w.unsigned(intervals.endNanos(i) - start);
            byte[] h = encodeHistogram(intervals.histogram(i));
            w.unsigned(h.length);
            w.bytes(h);
            last = start;
        }
        return w.toByteArray();
    }

    static IntervalHistograms decodeIntervals(byte[] blob, String unit, double scale) {
        VarintCodec.Reader r = new VarintCodec.Reader(blob);
        int n = length(r.unsigned());
        IntervalHistograms.Builder b = new IntervalHistograms.Builder(unit, scale);
        long start = 0;
        for (int i = 0; i < n; i++) {
            start += r.signed();
            long end = start + r.unsigned();
            b.add(start, end, decodeHistogram(r.bytes(r.unsigned())));
        }
        return b.build();
    }

    static byte[] encodeTagSets(List<Map<String, String>> sets) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(sets.size());
            for (Map<String, String> set : sets) {
                out.writeInt(set.size());
                for (Map.Entry<String, String> e : set.entrySet()) {
                    out.writeUTF(e.getKey());
                    out.writeUTF(e.getValue());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static List<Map<String, String>> decodeTagSets(byte[] blob) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(blob))) {
            int n = in.readInt();
            List<Map<String, String>> out = new ArrayList<>(Math.max(0, Math.min(n, 1 << 16)));
            for (int i = 0; i < n; i++) {
                int k = in.readInt();
                Map<String, String> set = new LinkedHashMap<>();
                for (int j = 0; j < k; j++) {
                    set.put(in.readUTF(), in.readUTF());
                }
                out.add(set);
            }
            return out;
        } catch (IOException e) {
            throw new StoreException("stored point tags are damaged; the store may be damaged", e);
        }
    }
}
