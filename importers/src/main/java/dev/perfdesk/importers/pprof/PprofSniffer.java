package dev.perfdesk.importers.pprof;

/**
 * Recognises a pprof {@code Profile} from its first bytes (already decompressed when the file is gzip): every
 * top-level field in them must be a {@code Profile} field with its wire type and a length that fits, and a sample
 * type must decode as a {@code ValueType}. Text (perf script, folded stacks, JSON) fails on its first byte or two,
 * because its characters make tags of unknown fields or wire types a {@code Profile} field never has.
 */
final class PprofSniffer {
    private PprofSniffer() {
    }

    /**
     * How sure the bytes are a pprof profile: 0, or 95 with a sample type seen, else 60 (tables without a sample type
     * yet, or a tiny file cut inside the first fields Go or async-profiler write).
     */
    static int score(byte[] head) {
        int pos = 0;
        int fields = 0;
        boolean sampleType = false;
        boolean tables = false;
        long[] v = new long[1];
        int scalars = 0;
        int firstField = 0;
        boolean cut = false;
        while (pos < head.length) {
            int next = varint(head, pos, v);
            if (next < 0) {
                break;
            }
            long tag = v[0];
            int field = (int) (tag >>> 3);
            firstField = firstField == 0 ? field : firstField;
            int wire = (int) (tag & 7);
            if (tag > Integer.MAX_VALUE || field < 1 || field > ProfileProto.Profile.DOC_URL
                    || !ProfileProto.validProfileWireType(field, wire)) {
                return 0;
            }
            pos = next;
            if (wire == 0 && field != ProfileProto.Profile.COMMENT) {
                if ((scalars & (1 << field)) != 0) {
                    return 0;
                }
                scalars |= 1 << field;
            }
            if (wire == 0) {
                next = varint(head, pos, v);
                if (next < 0) {
                    cut = true;
                    break;
                }
                pos = next;
            } else {
                next = varint(head, pos, v);
                if (next < 0) {
                    cut = true;
                    break;
                }
                long len = v[0];
                if (len > PprofDecoder.MAX_FIELD) {
                    return 0;
                }
                if (field == ProfileProto.Profile.SAMPLE_TYPE && next + len <= head.length) {
                    if (!valueType(head, next, (int) (next + len))) {
                        return 0;
                    }
                    sampleType = true;
                }
                if (field == ProfileProto.Profile.SAMPLE || field == ProfileProto.Profile.LOCATION
                        || field == ProfileProto.Profile.FUNCTION || field == ProfileProto.Profile.STRING_TABLE) {
                    tables = true;
                }
                pos = (int) Math.min(head.length, next + len);
            }
            fields++;
        }
        if (sampleType || tables) {
            fields += cut ? 1 : 0;
        } else if (cut && head.length < 64
                && (firstField == ProfileProto.Profile.SAMPLE_TYPE || firstField == ProfileProto.Profile.TIME_NANOS)) {
            // A file cut within its first fields, starting as Go's and async-profiler's do: let the importer say where.
            return 60;
        }
        if (fields == 0) {
            return 0;
        }
        if (sampleType) {
            return 95;
        }
        return tables && fields >= 2 ? 60 : 0;
    }

    private static boolean valueType(byte[] b, int from, int to) {
        long[] v = new long[1];
        int pos = from;
        while (pos < to) {
            int next = varint(b, pos, v);
            if (next < 0 || next > to) {
                return false;
            }
            long tag = v[0];
            if (tag != (ProfileProto.ValueType.TYPE << 3) && tag != (ProfileProto.ValueType.UNIT << 3)) {
                return false;
            }
            pos = varint(b, next, v);
            if (pos < 0 || pos > to || v[0] < 0) {
                return false;
            }
        }
        return true;
    }

    /** Reads a varint at {@code pos} into {@code out[0]}; returns the position after it, or -1 if it does not end. */
    private static int varint(byte[] b, int pos, long[] out) {
        long value = 0;
        for (int shift = 0; shift < 64 && pos < b.length; shift += 7) {
            int x = b[pos++];
            value |= (long) (x & 0x7F) << shift;
            if (x >= 0) {
                out[0] = value;
                return pos;
            }
        }
        return -1;
    }
}
