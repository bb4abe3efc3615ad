package dev.perfdesk.importers.pprof;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;

import dev.perfdesk.core.model.ProfileBuilder;
import dev.perfdesk.core.model.ProfileInfo;
import dev.perfdesk.core.model.StackTable;
import dev.perfdesk.core.model.ThreadInfo;
import dev.perfdesk.core.model.WeightOverflowException;
import dev.perfdesk.core.model.WeightUnit;
import dev.perfdesk.core.progress.ProgressMonitor;
import dev.perfdesk.core.spi.ImportSink;
import dev.perfdesk.core.util.LongArrayList;
import dev.perfdesk.importers.spi.ImportException;
import dev.perfdesk.importers.spi.ImportSource;
import dev.perfdesk.importers.spi.Importer;

/**
 * Reads pprof profiles ({@code profile.proto}, gzip-compressed or not) as Go's {@code runtime/pprof}, {@code go test
 * -cpuprofile/-memprofile/-blockprofile/-mutexprofile} and async-profiler's converter write them.
 *
 * <ul>
 *   <li>One profile per sample type ({@code samples/count} and {@code cpu/nanoseconds}; {@code alloc_objects},
 *       {@code alloc_space}, {@code inuse_objects}, {@code inuse_space}; {@code contentions} and {@code delay}),
 *       weighted by that value in its unit: {@code bytes} as bytes, {@code nanoseconds} (and micro-, milli-,
 *       seconds, scaled) as nanoseconds, a count of {@code samples} or {@code cpu} as samples, other counts as
 *       events. A sample's count is the value of the nearest sample type at or before it whose unit is
 *       {@code count} ({@code alloc_objects} for {@code alloc_space}), else one per pprof sample.</li>
 *   <li>Samples whose value is zero for a sample type are left out of that type's profile; negative values (a
 *       {@code -diff_base} profile) are refused.</li>
 *   <li>Each line of a location is a frame: the last line is the function the address is in, those before it were
 *       inlined into it and are marked {@link dev.perfdesk.core.model.FrameKind#INLINED}, innermost the leaf. A
 *       frame's module is its mapping's file, its line the line number. A location without lines is named by its
 *       address.</li>
 *   <li>Labels: string labels become the sample's thread (the {@code thread} label's value, or {@code key=value}
 *       pairs), with {@code pid} and {@code tid} numeric labels as its ids; other numeric labels ({@code bytes} in
 *       Go heap profiles) are summarised in the attributes, since the model keeps no per-sample numbers.</li>
 *   <li>The period, period type, comments, drop/keep regexes, the default sample type and the main binary are kept
 *       as attributes; {@code time_nanos} is the start time, {@code duration_nanos} the duration.</li>
 * </ul>
 *
 * The file is read twice: first everything but the samples (Go writes them before the tables they refer to), then
 * the samples, so memory follows distinct locations and stacks and not the number of samples. Decoding is by field
 * number with protobuf-java's {@link CodedInputStream}; see {@link ProfileProto}.
 */
public final class PprofImporter implements Importer {
    /** The format id. */
    public static final String FORMAT = "pprof";
    private static final int MAX_STACK = 1 << 20;

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public String description() {
        return "pprof profile (profile.proto)";
    }

    @Override
    public int detect(byte[] head) {
        return PprofSniffer.score(head);
    }

    @Override
    public void read(ImportSource source, ImportSink sink, ProgressMonitor monitor)
            throws IOException, ImportException {
        if (source.size() == 0) {
            throw ImportException.whole(source.path(), "the file is empty");
        }
        long total = 2 * source.size();
        PprofDictionary dict;
        try (PprofDecoder d = new PprofDecoder(source, monitor, 0, total)) {
            dict = PprofDictionary.read(d);
            if (d.offset() == 0) {
                throw ImportException.whole(source.path(), "the file is empty");
            }
            dict.resolve(d);
            if (dict.sampleTypeCount() == 0) {
                throw d.error(0, "the profile has no sample types; it is not a pprof profile or is truncated");
            }
            if (dict.sampleMessages == 0) {
                throw ImportException.whole(source.path(), "the profile holds no samples");
            }
        }
        List<TypeSpec> types = types(source, dict);
        SampleReader samples;
        try (PprofDecoder d = new PprofDecoder(source, monitor, source.size(), total)) {
            samples = new SampleReader(d, dict, types);
            samples.readAll();
        }
        monitor.progress(total, total);
        Map<String, String> shared = sharedAttributes(dict, types);
        for (Map.Entry<String, long[]> label : samples.numericLabels.entrySet()) {
            long[] r = label.getValue();
            shared.put("label " + label.getKey(), r[2] + " samples, " + (r[0] == r[1] ? Long.toString(r[0])
                    : r[0] + " to " + r[1]) + " (numbers per sample are not kept)");
        }
        for (TypeSpec t : types) {
            Map<String, String> attributes = new LinkedHashMap<>();
            attributes.put("sample type", t.type + "/" + t.unitName);
            if (t.scale != 1) {
                attributes.put("unit", t.unitName + ", scaled to nanoseconds");
            } else if (t.unit == WeightUnit.EVENTS && !"count".equals(t.unitName)) {
                attributes.put("unit", t.unitName);
            }
            attributes.putAll(shared);
            String name = source.fileName() + " · " + t.type;
            Instant start = dict.timeNanos > 0 ? Instant.ofEpochSecond(0, dict.timeNanos) : null;
            long duration = dict.durationNanos > 0 ? dict.durationNanos : -1;
            ProfileInfo info = new ProfileInfo(name, FORMAT, t.type, t.unit, "", "", "", "", start, duration, 0, 0,
                    attributes);
            sink.addProfile(t.builder.build(info), null);
        }
    }

    /** What one sample type becomes: its profile's builder, unit and where its sample counts come from. */
    private static final class TypeSpec {
        final String type;
        final String unitName;
        final WeightUnit unit;
        final long scale;
        final int countIndex;
        final ProfileBuilder builder = new ProfileBuilder(null);
        int[] frameIds;

        TypeSpec(String type, String unitName, WeightUnit unit, long scale, int countIndex) {
            this.type = type;
            this.unitName = unitName;
            this.unit = unit;
            this.scale = scale;
            this.countIndex = countIndex;
        }
    }

    private static List<TypeSpec> types(ImportSource source, PprofDictionary dict) {
        List<TypeSpec> out = new ArrayList<>();
        int countIndex = -1;
        for (int i = 0; i < dict.sampleTypeCount(); i++) {
            String type = dict.strings.get((int) dict.sampleTypes.get(2 * i));
            String unitName = dict.strings.get((int) dict.sampleTypes.get(2 * i + 1));
            String unitKey = unitName.toLowerCase(Locale.ROOT);
            WeightUnit unit;
            long scale = 1;
            switch (unitKey) {
                case "bytes":
                    unit = WeightUnit.BYTES;
                    break;
                case "nanoseconds":
                    unit = WeightUnit.NANOSECONDS;
                    break;
                case "microseconds":
                    unit = WeightUnit.NANOSECONDS;
                    scale = 1_000;
                    break;
                case "milliseconds":
                    unit = WeightUnit.NANOSECONDS;
                    scale = 1_000_000;
                    break;
                case "seconds":
                    unit = WeightUnit.NANOSECONDS;
                    scale = 1_000_000_000;
                    break;
                default:
                    String typeKey = type.toLowerCase(Locale.ROOT);
                    boolean samples = "count".equals(unitKey) && ("samples".equals(typeKey) || "cpu".equals(typeKey)
                            || "wall".equals(typeKey) || "itimer".equals(typeKey));
                    unit = samples ? WeightUnit.SAMPLES : WeightUnit.EVENTS;
            }
            if ("count".equals(unitKey)) {
                countIndex = i;
            }
            if (type.isEmpty()) {
                type = "sample type " + (i + 1);
            }
            out.add(new TypeSpec(type, unitName, unit, scale, countIndex));
        }
        return out;
    }

    private static Map<String, String> sharedAttributes(PprofDictionary dict, List<TypeSpec> types) {
        Map<String, String> out = new LinkedHashMap<>();
        if (types.size() > 1) {
            StringJoiner all = new StringJoiner(", ");
            for (TypeSpec t : types) {
                all.add(t.type + "/" + t.unitName);
            }
            out.put("sample types", all.toString());
        }
        String periodType = dict.safe(dict.periodTypeType);
        String periodUnit = dict.safe(dict.periodTypeUnit);
        if (dict.period != 0 || !periodType.isEmpty()) {
            out.put("period", dict.period + (periodType.isEmpty() && periodUnit.isEmpty() ? ""
                    : " " + periodType + "/" + periodUnit));
        }
        String defaultType = dict.safe(dict.defaultSampleType);
        if (!defaultType.isEmpty()) {
            out.put("default sample type", defaultType);
        }
        String binary = dict.mainBinary();
        if (!binary.isEmpty()) {
            out.put("main binary", binary);
        }
        StringJoiner comments = new StringJoiner("; ");
        for (int i = 0; i < dict.comments.size(); i++) {
            String c = dict.safe(dict.comments.get(i));
            if (!c.isEmpty()) {
                comments.add(c);
            }
        }
        if (comments.length() > 0) {
            out.put("comment", comments.toString());
        }
        putIfSet(out, "drop frames", dict.safe(dict.dropFrames));
        putIfSet(out, "keep frames", dict.safe(dict.keepFrames));
        putIfSet(out, "doc url", dict.safe(dict.docUrl));
        out.put("pprof samples", Long.toString(dict.sampleMessages));
        return out;
    }

    private static void putIfSet(Map<String, String> map, String key, String value) {
        if (!value.isEmpty()) {
            map.put(key, value);
        }
    }

    /** The second pass: every sample into the profile of each sample type it has a value for. */
    private static final class SampleReader {
        private final PprofDecoder d;
        private final PprofDictionary dict;
        private final List<TypeSpec> types;
        private final int typeCount;
        private final LongArrayList locations = new LongArrayList(256);
        private final long[] values;
        private final Map<String, ThreadInfo> threadsByKey = new HashMap<>();
        private final Map<String, long[]> numericLabels = new LinkedHashMap<>();
        private final List<String> labelKeys = new ArrayList<>();
        private final LongArrayList labelStrings = new LongArrayList();
        private long pid;
        private long tid;
        private long sampleOffset;

        SampleReader(PprofDecoder d, PprofDictionary dict, List<TypeSpec> types) {
            this.d = d;
            this.dict = dict;
            this.types = types;
            this.typeCount = types.size();
            this.values = new long[typeCount];
            for (TypeSpec t : types) {
                t.frameIds = new int[dict.frames.size()];
                java.util.Arrays.fill(t.frameIds, -1);
            }
        }

        void readAll() throws IOException, ImportException {
            CodedInputStream in = d.in();
            try {
                int tag;
                while ((tag = d.nextField()) != 0) {
                    if (WireFormat.getTagFieldNumber(tag) == ProfileProto.Profile.SAMPLE) {
                        sample();
                    } else {
                        in.skipField(tag);
                    }
                }
            } catch (IOException e) {
                ImportException translated = d.translate(e);
                if (translated != null) {
                    throw translated;
                }
                throw e;
            }
        }

        private void sample() throws IOException, ImportException {
            CodedInputStream in = d.in();
            sampleOffset = d.fieldStart();
            int limit = in.pushLimit(d.length("a sample"));
            locations.clear();
            int valueCount = 0;
            labelKeys.clear();
            labelStrings.clear();
            pid = -1;
            tid = -1;
            while (!in.isAtEnd()) {
                int tag = in.readTag();
                int field = WireFormat.getTagFieldNumber(tag);
                int wire = WireFormat.getTagWireType(tag);
                if (field == ProfileProto.Sample.LOCATION_ID) {
                    if (wire == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
                        int inner = in.pushLimit(in.readRawVarint32());
                        while (!in.isAtEnd()) {
                            addLocation(in.readRawVarint64());
                        }
                        in.popLimit(inner);
                    } else {
                        addLocation(PprofDictionary.varint(d, tag, "a sample"));
                    }
                } else if (field == ProfileProto.Sample.VALUE) {
                    if (wire == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
                        int inner = in.pushLimit(in.readRawVarint32());
                        while (!in.isAtEnd()) {
                            valueCount = addValue(valueCount, in.readRawVarint64());
                        }
                        in.popLimit(inner);
                    } else {
                        valueCount = addValue(valueCount, PprofDictionary.varint(d, tag, "a sample"));
                    }
                } else if (field == ProfileProto.Sample.LABEL && wire == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
                    label();
                } else {
                    in.skipField(tag);
                }
            }
            in.popLimit(limit);
            if (valueCount != typeCount) {
                throw d.error(sampleOffset, "a sample has " + valueCount + " value" + (valueCount == 1 ? "" : "s")
                        + " but the profile has " + typeCount + " sample type" + (typeCount == 1 ? "" : "s"));
            }
            ThreadInfo info = threadOf();
            for (int index = 0; index < typeCount; index++) {
                TypeSpec t = types.get(index);
                long weight = values[index];
                if (weight == 0) {
                    continue;
                }
                if (weight < 0) {
                    throw d.error(sampleOffset, "a sample has the negative value " + weight + " for " + t.type
                            + "; Perfdesk does not read difference (-diff_base) profiles");
                }
                long count = t.countIndex < 0 ? 1 : values[t.countIndex];
                try {
                    weight = Math.multiplyExact(weight, t.scale);
                    int node = StackTable.ROOT;
                    for (int i = locations.size() - 1; i >= 0; i--) {
                        for (int global : dict.locationFrames[(int) locations.get(i)]) {
                            int local = t.frameIds[global];
                            if (local < 0) {
                                local = t.builder.frame(dict.frames.get(global));
                                t.frameIds[global] = local;
                            }
                            node = t.builder.child(node, local);
                        }
                    }
                    int thread = info == null ? -1 : t.builder.thread(info);
                    t.builder.samples(node, thread, weight, count, ProfileBuilder.NO_TIME);
                } catch (WeightOverflowException e) {
                    throw d.error(sampleOffset, e.getMessage());
                } catch (ArithmeticException e) {
                    throw d.error(sampleOffset, "a sample's value " + weight + " " + t.unitName
                            + " is too large to hold in nanoseconds");
                }
            }
        }

        private void addLocation(long id) throws ImportException {
            int index = dict.location(id);
            if (index < 0) {
                throw d.error(sampleOffset, "a sample refers to location " + Long.toUnsignedString(id)
                        + ", which the file does not define");
            }
            if (locations.size() >= MAX_STACK) {
                throw d.error(sampleOffset, "a sample's stack is deeper than " + MAX_STACK + " locations");
            }
            locations.add(index);
        }

        private int addValue(int count, long value) throws ImportException {
            if (count >= typeCount) {
                throw d.error(sampleOffset, "a sample has more values than the profile's " + typeCount
                        + " sample type" + (typeCount == 1 ? "" : "s"));
            }
            values[count] = value;
            return count + 1;
        }

        private void label() throws IOException, ImportException {
            CodedInputStream in = d.in();
            int limit = in.pushLimit(d.length("a label"));
            long key = 0;
            long str = 0;
            long num = 0;
            boolean hasNum = false;
            while (!in.isAtEnd()) {
                int tag = in.readTag();
                switch (WireFormat.getTagFieldNumber(tag)) {
                    case ProfileProto.Label.KEY:
                        key = PprofDictionary.varint(d, tag, "a label");
                        break;
                    case ProfileProto.Label.STR:
                        str = PprofDictionary.varint(d, tag, "a label");
                        break;
                    case ProfileProto.Label.NUM:
                        num = PprofDictionary.varint(d, tag, "a label");
                        hasNum = true;
                        break;
                    default:
                        in.skipField(tag);
                }
            }
            in.popLimit(limit);
            String k = dict.string(d, sampleOffset, key, "a label's key");
            if (str != 0) {
                dict.string(d, sampleOffset, str, "a label's value");
                labelKeys.add(k);
                labelStrings.add(str);
            } else if (hasNum) {
                if ("pid".equals(k)) {
                    pid = num;
                } else if ("tid".equals(k) || "thread_id".equals(k)) {
                    tid = num;
                } else {
                    long[] range = numericLabels.computeIfAbsent(k,
                            x -> new long[] {Long.MAX_VALUE, Long.MIN_VALUE, 0});
                    range[0] = Math.min(range[0], num);
                    range[1] = Math.max(range[1], num);
                    range[2]++;
                }
            }
        }

        /** The thread the sample's labels name, or null when they name none. */
        private ThreadInfo threadOf() {
            if (labelKeys.isEmpty() && pid < 0 && tid < 0) {
                return null;
            }
            String name = null;
            StringJoiner pairs = new StringJoiner(", ");
            for (int i = 0; i < labelKeys.size(); i++) {
                String value = dict.strings.get((int) labelStrings.get(i));
                if ("thread".equals(labelKeys.get(i)) || "thread_name".equals(labelKeys.get(i))) {
                    name = value;
                } else {
                    pairs.add(labelKeys.get(i) + "=" + value);
                }
            }
            if (name == null) {
                name = pairs.length() > 0 ? pairs.toString() : "thread";
            } else if (pairs.length() > 0) {
                name = name + " [" + pairs + "]";
            }
            String key = name + '\0' + pid + '\0' + tid;
            ThreadInfo info = threadsByKey.get(key);
            if (info == null) {
                info = new ThreadInfo(name, pid, tid);
                threadsByKey.put(key, info);
            }
            return info;
        }
    }
}
