package dev.perfdesk.importers.pprof;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import com.google.protobuf.CodedOutputStream;

import dev.perfdesk.core.model.Frame;
import dev.perfdesk.core.model.FrameKind;
import dev.perfdesk.core.model.Profile;
import dev.perfdesk.core.model.SampleTable;
import dev.perfdesk.core.model.StackTable;
import dev.perfdesk.core.model.ThreadInfo;
import dev.perfdesk.core.model.WeightUnit;
import dev.perfdesk.core.naming.FrameNamer;
import dev.perfdesk.core.util.LongArrayList;

/**
 * Writes a profile as gzip-compressed pprof ({@code profile.proto}), so {@code go tool pprof} and other pprof
 * viewers open what Perfdesk holds: a perf script, a JFR recording, folded stacks or an imported pprof.
 *
 * <ul>
 *   <li>Sample types: {@code samples/count}, and for a profile weighted in another unit also its event (or
 *       {@code weight}) in {@code nanoseconds}, {@code bytes} or {@code count}, which is then the default.</li>
 *   <li>One pprof sample per (stack, thread) row; frames are named by {@code namer}, as Perfdesk's table names them,
 *       without the process-name root, and the thread is kept as the {@code thread} label (with numeric {@code pid}
 *       and {@code tid} labels where known).</li>
 *   <li>Frames marked {@link FrameKind#INLINED}, and the several names a perf inline chain gives, are lines of their
 *       caller's location, innermost first, so pprof shows them as inlined.</li>
 * </ul>
 *
 * <pre>{@code
 * try (OutputStream out = Files.newOutputStream(path)) {
 *     PprofWriter.write(profile, FrameNamers.forProfile(profile), out);
 * }
 * }</pre>
 *
 * The output is deterministic: the same profile gives the same bytes.
 */
public final class PprofWriter {
    private final Profile profile;
    private final FrameNamer namer;
    private final Map<String, Integer> stringIndex = new HashMap<>();
    private final List<String> strings = new ArrayList<>();
    private final Map<String, Integer> functionIndex = new HashMap<>();
    private final List<Integer> functionNames = new ArrayList<>();
    private final Map<String, Integer> locationIndex = new HashMap<>();
    private final List<long[]> locationLines = new ArrayList<>();

    private PprofWriter(Profile profile, FrameNamer namer) {
        this.profile = profile;
        this.namer = namer;
        string("");
    }

    /** Writes {@code profile} to {@code out}, gzip-compressed; {@code out} is finished but not closed. */
    public static void write(Profile profile, FrameNamer namer, OutputStream out) throws IOException {
        GZIPOutputStream gz = new GZIPOutputStream(out, 1 << 16);
        new PprofWriter(profile, namer).writeTo(gz);
        gz.finish();
    }

    private void writeTo(OutputStream raw) throws IOException {
        WeightUnit unit = profile.info().unit();
        boolean twoValues = unit != WeightUnit.SAMPLES;
        int samplesType = string("samples");
        int countUnit = string("count");
        String event = profile.info().event().isEmpty() ? "weight" : profile.info().event();
        int weightType = twoValues ? string(event) : samplesType;
        int weightUnit = twoValues ? string(unitName(unit)) : countUnit;

        ByteArrayOutputStream sampleBytes = new ByteArrayOutputStream(1 << 16);
        CodedOutputStream samples = CodedOutputStream.newInstance(sampleBytes, 1 << 16);
        SampleTable table = profile.samples();
        StackTable stacks = profile.stacks();
        LongArrayList locations = new LongArrayList(64);
        List<String> names = new ArrayList<>();
        StringBuilder group = new StringBuilder();
        List<long[]> groupLines = new ArrayList<>();
        for (int row = 0; row < table.size(); row++) {
            long weight = table.weight(row);
            if (weight == 0) {
                continue;
            }
            int thread = table.thread(row);
            locations.clear();
            group.setLength(0);
            groupLines.clear();
            for (int frame : stacks.frames(table.stack(row))) {
                Frame f = profile.frame(frame);
                names.clear();
                namer.appendNames(frame, thread, names);
                if (names.isEmpty()) {
                    continue;
                }
                if (f.kind() != FrameKind.INLINED && !groupLines.isEmpty()) {
                    locations.add(location(group, groupLines));
                }
                long line = names.size() == 1 && f.line() > 0 ? f.line() : 0;
                for (String name : names) {
                    int function = function(name);
                    groupLines.add(new long[] {function, line});
                    group.append(function).append(':').append(line).append(',');
                }
            }
            if (!groupLines.isEmpty()) {
                locations.add(location(group, groupLines));
            }
            writeSample(samples, locations, table.count(row), weight, twoValues,
                    thread < 0 ? null : profile.threads().get(thread));
        }
        samples.flush();

        CodedOutputStream out = CodedOutputStream.newInstance(raw, 1 << 16);
        writeValueType(out, ProfileProto.Profile.SAMPLE_TYPE, samplesType, countUnit);
        if (twoValues) {
            writeValueType(out, ProfileProto.Profile.SAMPLE_TYPE, weightType, weightUnit);
        }
        out.writeRawBytes(sampleBytes.toByteArray());
        for (int i = 0; i < locationLines.size(); i++) {
            writeLocation(out, i + 1, locationLines.get(i));
        }
        for (int i = 0; i < functionNames.size(); i++) {
            ByteArrayOutputStream buf = new ByteArrayOutputStream(16);
            CodedOutputStream m = CodedOutputStream.newInstance(buf, 64);
            m.writeUInt64(ProfileProto.Function.ID, i + 1);
            m.writeInt64(ProfileProto.Function.NAME, functionNames.get(i));
            m.writeInt64(ProfileProto.Function.SYSTEM_NAME, functionNames.get(i));
            m.flush();
            out.writeByteArray(ProfileProto.Profile.FUNCTION, buf.toByteArray());
        }
        int comment = string("Exported by Perfdesk from " + profile.info().name() + " (" + profile.info().format()
                + ")");
        for (String s : strings) {
            out.writeString(ProfileProto.Profile.STRING_TABLE, s);
        }
        Instant start = profile.info().startTime();
        if (start != null) {
            out.writeInt64(ProfileProto.Profile.TIME_NANOS, start.getEpochSecond() * 1_000_000_000L + start.getNano());
        }
        if (profile.info().durationNanos() > 0) {
            out.writeInt64(ProfileProto.Profile.DURATION_NANOS, profile.info().durationNanos());
        }
        out.writeInt64(ProfileProto.Profile.COMMENT, comment);
        out.writeInt64(ProfileProto.Profile.DEFAULT_SAMPLE_TYPE, weightType);
        out.flush();
    }

    private static String unitName(WeightUnit unit) {
        switch (unit) {
            case NANOSECONDS:
                return "nanoseconds";
            case BYTES:
                return "bytes";
            default:
                return "count";
        }
    }

    private int string(String s) {
        Integer index = stringIndex.get(s);
        if (index == null) {
            index = strings.size();
            strings.add(s);
            stringIndex.put(s, index);
        }
        return index;
    }

    private int function(String name) {
        Integer id = functionIndex.get(name);
        if (id == null) {
            functionNames.add(string(name));
            id = functionNames.size();
            functionIndex.put(name, id);
        }
        return id;
    }

    /** The id of the location whose lines, caller first, are {@code lines}; clears both arguments. */
    private long location(StringBuilder key, List<long[]> lines) {
        String k = key.toString();
        Integer id = locationIndex.get(k);
        if (id == null) {
            long[] flat = new long[2 * lines.size()];
            // pprof lists a location's lines innermost first, the caller last.
            for (int i = 0; i < lines.size(); i++) {
                long[] line = lines.get(lines.size() - 1 - i);
                flat[2 * i] = line[0];
                flat[2 * i + 1] = line[1];
            }
            locationLines.add(flat);
            id = locationLines.size();
            locationIndex.put(k, id);
        }
        key.setLength(0);
        lines.clear();
        return id;
    }

    private void writeSample(CodedOutputStream out, LongArrayList rootFirst, long count, long weight,
                             boolean twoValues, ThreadInfo thread) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream(64);
        CodedOutputStream m = CodedOutputStream.newInstance(buf, 256);
        int size = 0;
        for (int i = rootFirst.size() - 1; i >= 0; i--) {
            size += CodedOutputStream.computeUInt64SizeNoTag(rootFirst.get(i));
        }
        m.writeTag(ProfileProto.Sample.LOCATION_ID, 2);
        m.writeUInt32NoTag(size);
        for (int i = rootFirst.size() - 1; i >= 0; i--) {
            m.writeUInt64NoTag(rootFirst.get(i));
        }
        long[] values = twoValues ? new long[] {count, weight} : new long[] {weight};
        size = 0;
        for (long v : values) {
            size += CodedOutputStream.computeInt64SizeNoTag(v);
        }
        m.writeTag(ProfileProto.Sample.VALUE, 2);
        m.writeUInt32NoTag(size);
        for (long v : values) {
            m.writeInt64NoTag(v);
        }
        if (thread != null) {
            writeLabel(m, string("thread"), string(thread.name()), 0, false);
            if (thread.pid() >= 0) {
                writeLabel(m, string("pid"), 0, thread.pid(), true);
            }
            if (thread.tid() >= 0) {
                writeLabel(m, string("tid"), 0, thread.tid(), true);
            }
        }
        m.flush();
        out.writeByteArray(ProfileProto.Profile.SAMPLE, buf.toByteArray());
    }

    private static void writeLabel(CodedOutputStream out, int key, int str, long num, boolean numeric)
            throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream(16);
        CodedOutputStream m = CodedOutputStream.newInstance(buf, 32);
        m.writeInt64(ProfileProto.Label.KEY, key);
        if (numeric) {
            m.writeInt64(ProfileProto.Label.NUM, num);
        } else {
            m.writeInt64(ProfileProto.Label.STR, str);
        }
        m.flush();
        out.writeByteArray(ProfileProto.Sample.LABEL, buf.toByteArray());
    }

    private static void writeLocation(CodedOutputStream out, long id, long[] lines) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream(32);
        CodedOutputStream m = CodedOutputStream.newInstance(buf, 64);
        m.writeUInt64(ProfileProto.Location.ID, id);
        for (int i = 0; i < lines.length; i += 2) {
            ByteArrayOutputStream lb = new ByteArrayOutputStream(8);
            CodedOutputStream l = CodedOutputStream.newInstance(lb, 16);
            l.writeUInt64(ProfileProto.Line.FUNCTION_ID, lines[i]);
            if (lines[i + 1] > 0) {
                l.writeInt64(ProfileProto.Line.LINE, lines[i + 1]);
            }
            l.flush();
            m.writeByteArray(ProfileProto.Location.LINE, lb.toByteArray());
        }
        m.flush();
        out.writeByteArray(ProfileProto.Profile.LOCATION, buf.toByteArray());
    }

    private static void writeValueType(CodedOutputStream out, int field, int type, int unit) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream(8);
        CodedOutputStream m = CodedOutputStream.newInstance(buf, 16);
        m.writeInt64(ProfileProto.ValueType.TYPE, type);
        m.writeInt64(ProfileProto.ValueType.UNIT, unit);
        m.flush();
        out.writeByteArray(field, buf.toByteArray());
    }
}
