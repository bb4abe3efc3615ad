package dev.perfdesk.importers.pprof;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;

import dev.perfdesk.core.model.Frame;
import dev.perfdesk.core.model.FrameKind;
import dev.perfdesk.core.util.IntArrayList;
import dev.perfdesk.core.util.LongArrayList;
import dev.perfdesk.core.util.LongIntHashMap;
import dev.perfdesk.importers.spi.ImportException;

/**
 * Everything in a pprof file but its samples, read in a first pass: the string table, sample types, functions,
 * locations and mappings, and the scalars (time, duration, period, comments). Samples come before the tables
 * they refer to in the files Go writes, so they are read in a second pass once this is complete; memory then
 * follows the file's distinct locations and stacks, not its samples.
 */
final class PprofDictionary {
    final List<String> strings = new ArrayList<>();
    final LongArrayList sampleTypes = new LongArrayList();
    final LongArrayList sampleTypeOffsets = new LongArrayList();
    long periodTypeType;
    long periodTypeUnit;
    long period;
    long timeNanos;
    long durationNanos;
    long dropFrames;
    long keepFrames;
    long defaultSampleType;
    long docUrl;
    final LongArrayList comments = new LongArrayList();
    long sampleMessages;
    long firstSampleOffset = -1;

    private final LongIntHashMap functionIndex = new LongIntHashMap(1 << 10);
    private final LongArrayList functionNames = new LongArrayList(1 << 10);
    private final LongArrayList functionSystemNames = new LongArrayList(1 << 10);
    private final LongArrayList functionFiles = new LongArrayList(1 << 10);
    private final LongArrayList functionOffsets = new LongArrayList(1 << 10);

    private final LongIntHashMap mappingIndex = new LongIntHashMap(16);
    private final LongArrayList mappingFiles = new LongArrayList(16);
    private final LongArrayList mappingOffsets = new LongArrayList(16);

    private final LongIntHashMap locationIndex = new LongIntHashMap(1 << 10);
    private final LongArrayList locationMappings = new LongArrayList(1 << 10);
    private final LongArrayList locationAddresses = new LongArrayList(1 << 10);
    private final LongArrayList locationOffsets = new LongArrayList(1 << 10);
    /** For each location, where its lines start in {@link #lineFunctions} and {@link #lineNumbers}. */
    private final IntArrayList locationFirstLine = new IntArrayList(1 << 10);
    private final LongArrayList lineFunctions = new LongArrayList(1 << 12);
    private final LongArrayList lineNumbers = new LongArrayList(1 << 12);

    /** After {@link #resolve}: each location's frames, root-most (the caller) first, as indexes into frames. */
    int[][] locationFrames;
    /** After {@link #resolve}: the distinct frames of all locations. */
    final List<Frame> frames = new ArrayList<>();

    /** Reads the whole file but its samples, which it skips and counts. */
    static PprofDictionary read(PprofDecoder d) throws IOException, ImportException {
        PprofDictionary dict = new PprofDictionary();
        CodedInputStream in = d.in();
        try {
            int tag;
            while ((tag = d.nextField()) != 0) {
                int field = WireFormat.getTagFieldNumber(tag);
                switch (field) {
                    case ProfileProto.Profile.SAMPLE_TYPE: {
                        dict.sampleTypeOffsets.add(d.fieldStart());
                        long[] vt = valueType(d, "a sample type");
                        dict.sampleTypes.add(vt[0]);
                        dict.sampleTypes.add(vt[1]);
                        break;
                    }
                    case ProfileProto.Profile.SAMPLE:
                        if (dict.firstSampleOffset < 0) {
                            dict.firstSampleOffset = d.fieldStart();
                        }
                        dict.sampleMessages++;
                        in.skipField(tag);
                        break;
                    case ProfileProto.Profile.MAPPING:
                        dict.mapping(d);
                        break;
                    case ProfileProto.Profile.LOCATION:
                        dict.location(d);
                        break;
                    case ProfileProto.Profile.FUNCTION:
                        dict.function(d);
                        break;
                    case ProfileProto.Profile.STRING_TABLE:
                        dict.strings.add(d.string());
                        break;
                    case ProfileProto.Profile.DROP_FRAMES:
                        dict.dropFrames = in.readInt64();
                        break;
                    case ProfileProto.Profile.KEEP_FRAMES:
                        dict.keepFrames = in.readInt64();
                        break;
                    case ProfileProto.Profile.TIME_NANOS:
                        dict.timeNanos = in.readInt64();
                        break;
                    case ProfileProto.Profile.DURATION_NANOS:
                        dict.durationNanos = in.readInt64();
                        break;
                    case ProfileProto.Profile.PERIOD_TYPE: {
                        long[] vt = valueType(d, "the period type");
                        dict.periodTypeType = vt[0];
                        dict.periodTypeUnit = vt[1];
                        break;
                    }
                    case ProfileProto.Profile.PERIOD:
                        dict.period = in.readInt64();
                        break;
                    case ProfileProto.Profile.COMMENT:
                        if (WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
                            int limit = in.pushLimit(d.length("the comments"));
                            while (!in.isAtEnd()) {
                                dict.comments.add(in.readInt64());
                            }
                            in.popLimit(limit);
                        } else {
                            dict.comments.add(in.readInt64());
                        }
                        break;
                    case ProfileProto.Profile.DEFAULT_SAMPLE_TYPE:
                        dict.defaultSampleType = in.readInt64();
                        break;
                    case ProfileProto.Profile.DOC_URL:
                        dict.docUrl = in.readInt64();
                        break;
                    default:
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
        return dict;
    }

    private static long[] valueType(PprofDecoder d, String what) throws IOException, ImportException {
        CodedInputStream in = d.in();
        int limit = in.pushLimit(d.length(what));
        long type = 0;
        long unit = 0;
        while (!in.isAtEnd()) {
            int tag = in.readTag();
            switch (WireFormat.getTagFieldNumber(tag)) {
                case ProfileProto.ValueType.TYPE:
                    type = varint(d, tag, what);
                    break;
                case ProfileProto.ValueType.UNIT:
                    unit = varint(d, tag, what);
                    break;
                default:
                    in.skipField(tag);
            }
        }
        in.popLimit(limit);
        return new long[] {type, unit};
    }

    /** Reads a varint field, refusing another wire type for it. */
    static long varint(PprofDecoder d, int tag, String what) throws IOException, ImportException {
        if (WireFormat.getTagWireType(tag) != WireFormat.WIRETYPE_VARINT) {
            throw d.error(d.offset(), "field " + WireFormat.getTagFieldNumber(tag) + " of " + what
                    + " should be a number (varint) but has wire type " + WireFormat.getTagWireType(tag)
                    + "; the file is corrupt");
        }
        return d.in().readRawVarint64();
    }

    private void function(PprofDecoder d) throws IOException, ImportException {
        CodedInputStream in = d.in();
        long at = d.fieldStart();
        int limit = in.pushLimit(d.length("a function"));
        long id = 0;
        long name = 0;
        long systemName = 0;
        long file = 0;
        while (!in.isAtEnd()) {
            int tag = in.readTag();
            switch (WireFormat.getTagFieldNumber(tag)) {
                case ProfileProto.Function.ID:
                    id = varint(d, tag, "a function");
                    break;
                case ProfileProto.Function.NAME:
                    name = varint(d, tag, "a function");
                    break;
                case ProfileProto.Function.SYSTEM_NAME:
                    systemName = varint(d, tag, "a function");
                    break;
                case ProfileProto.Function.FILENAME:
                    file = varint(d, tag, "a function");
                    break;
                default:
                    in.skipField(tag);
            }
        }
        in.popLimit(limit);
        checkId(d, at, id, "function");
        if (functionIndex.putIfAbsent(id, functionNames.size()) != functionNames.size()) {
            throw d.error(at, "function id " + Long.toUnsignedString(id) + " appears twice");
        }
        functionNames.add(name);
        functionSystemNames.add(systemName);
        functionFiles.add(file);
        functionOffsets.add(at);
    }

    private void mapping(PprofDecoder d) throws IOException, ImportException {
        CodedInputStream in = d.in();
        long at = d.fieldStart();
        int limit = in.pushLimit(d.length("a mapping"));
        long id = 0;
        long file = 0;
        while (!in.isAtEnd()) {
            int tag = in.readTag();
            switch (WireFormat.getTagFieldNumber(tag)) {
                case ProfileProto.Mapping.ID:
                    id = varint(d, tag, "a mapping");
                    break;
                case ProfileProto.Mapping.FILENAME:
                    file = varint(d, tag, "a mapping");
                    break;
                default:
                    in.skipField(tag);
            }
        }
        in.popLimit(limit);
        checkId(d, at, id, "mapping");
        if (mappingIndex.putIfAbsent(id, mappingFiles.size()) != mappingFiles.size()) {
            throw d.error(at, "mapping id " + Long.toUnsignedString(id) + " appears twice");
        }
        mappingFiles.add(file);
        mappingOffsets.add(at);
    }

    private void location(PprofDecoder d) throws IOException, ImportException {
        CodedInputStream in = d.in();
        long at = d.fieldStart();
        int limit = in.pushLimit(d.length("a location"));
        long id = 0;
        long mapping = 0;
        long address = 0;
        int firstLine = lineFunctions.size();
        while (!in.isAtEnd()) {
            int tag = in.readTag();
            switch (WireFormat.getTagFieldNumber(tag)) {
                case ProfileProto.Location.ID:
                    id = varint(d, tag, "a location");
                    break;
                case ProfileProto.Location.MAPPING_ID:
                    mapping = varint(d, tag, "a location");
                    break;
                case ProfileProto.Location.ADDRESS:
                    address = varint(d, tag, "a location");
                    break;
                case ProfileProto.Location.LINE:
                    line(d, tag);
                    break;
                default:
                    in.skipField(tag);
            }
        }
        in.popLimit(limit);
        checkId(d, at, id, "location");
        if (locationIndex.putIfAbsent(id, locationMappings.size()) != locationMappings.size()) {
            throw d.error(at, "location id " + Long.toUnsignedString(id) + " appears twice");
        }
        locationMappings.add(mapping);
        locationAddresses.add(address);
        locationOffsets.add(at);
        locationFirstLine.add(firstLine);
    }

    private void line(PprofDecoder d, int tag) throws IOException, ImportException {
        if (WireFormat.getTagWireType(tag) != WireFormat.WIRETYPE_LENGTH_DELIMITED) {
            throw d.error(d.offset(), "a location's line should be a message but has wire type "
                    + WireFormat.getTagWireType(tag) + "; the file is corrupt");
        }
        CodedInputStream in = d.in();
        int limit = in.pushLimit(d.length("a line"));
        long function = 0;
        long line = 0;
        while (!in.isAtEnd()) {
            int t = in.readTag();
            switch (WireFormat.getTagFieldNumber(t)) {
                case ProfileProto.Line.FUNCTION_ID:
                    function = varint(d, t, "a line");
                    break;
                case ProfileProto.Line.LINE:
                    line = varint(d, t, "a line");
                    break;
                default:
                    in.skipField(t);
            }
        }
        in.popLimit(limit);
        lineFunctions.add(function);
        lineNumbers.add(line);
    }

    private static void checkId(PprofDecoder d, long at, long id, String what) throws ImportException {
        if (id == 0 || id == Long.MIN_VALUE) {
            throw d.error(at, "a " + what + " has id " + Long.toUnsignedString(id) + "; ids must be non-zero");
        }
    }

    /** The string at {@code index}, checked against the table's size. */
    String string(PprofDecoder d, long offset, long index, String what) throws ImportException {
        if (index < 0 || index >= strings.size()) {
            throw d.error(offset, what + " refers to string " + index + " but the string table has "
                    + strings.size() + " entries" + (strings.isEmpty() ? "; the file looks truncated" : ""));
        }
        return strings.get((int) index);
    }

    /** Number of sample types. */
    int sampleTypeCount() {
        return sampleTypes.size() / 2;
    }

    /** The index of location {@code id}, or -1. */
    int location(long id) {
        return id == Long.MIN_VALUE ? -1 : locationIndex.get(id);
    }

    /**
     * Checks every reference and makes each location's frames: one per line, the caller (last line) root-most and
     * {@link FrameKind#NATIVE} when its mapping is a real file, the inlined ones above it marked
     * {@link FrameKind#INLINED}; a location without lines is one frame named by its address.
     */
    void resolve(PprofDecoder d) throws ImportException {
        if (strings.isEmpty() || !strings.get(0).isEmpty()) {
            throw d.error(0, strings.isEmpty() ? "the profile has no string table; the file looks truncated"
                    : "the string table's first entry must be empty but is '" + abbreviate(strings.get(0)) + "'");
        }
        for (int i = 0; i < sampleTypes.size(); i++) {
            string(d, sampleTypeOffsets.get(i / 2), sampleTypes.get(i), "a sample type");
        }
        String[] mappingNames = new String[mappingFiles.size()];
        for (int i = 0; i < mappingNames.length; i++) {
            mappingNames[i] = string(d, mappingOffsets.get(i), mappingFiles.get(i), "a mapping's file name");
        }
        String[] functionNamesResolved = new String[functionNames.size()];
        for (int i = 0; i < functionNamesResolved.length; i++) {
            long at = functionOffsets.get(i);
            String name = string(d, at, functionNames.get(i), "a function's name");
            String system = string(d, at, functionSystemNames.get(i), "a function's system name");
            string(d, at, functionFiles.get(i), "a function's file name");
            functionNamesResolved[i] = name.isEmpty() ? system : name;
        }
        Map<Frame, Integer> frameIds = new HashMap<>();
        int locations = locationMappings.size();
        locationFrames = new int[locations][];
        for (int loc = 0; loc < locations; loc++) {
            long at = locationOffsets.get(loc);
            String module = "";
            long mappingId = locationMappings.get(loc);
            if (mappingId != 0) {
                int m = mappingId == Long.MIN_VALUE ? -1 : mappingIndex.get(mappingId);
                if (m < 0) {
                    throw d.error(at, "a location refers to mapping " + Long.toUnsignedString(mappingId)
                            + ", which the file does not define");
                }
                module = mappingNames[m];
            }
            // A real mapping (Go's binary, a shared library) holds native code; async-profiler's one fake mapping
            // says nothing about a frame, and its Java frames are told apart by name.
            FrameKind compiled = module.isEmpty() || "async-profiler".equals(module) ? FrameKind.UNKNOWN
                    : FrameKind.NATIVE;
            int from = locationFirstLine.get(loc);
            int to = loc + 1 < locations ? locationFirstLine.get(loc + 1) : lineFunctions.size();
            int[] ids;
            if (from == to) {
                String address = "0x" + Long.toHexString(locationAddresses.get(loc));
                ids = new int[] {intern(frameIds, new Frame(address, module, FrameKind.UNKNOWN, address, -1))};
            } else {
                ids = new int[to - from];
                for (int i = from; i < to; i++) {
                    long functionId = lineFunctions.get(i);
                    int f = functionId == Long.MIN_VALUE ? -1 : functionIndex.get(functionId);
                    if (f < 0) {
                        throw d.error(at, "a location's line refers to function " + Long.toUnsignedString(functionId)
                                + ", which the file does not define");
                    }
                    long lineNumber = lineNumbers.get(i);
                    int line = lineNumber > 0 && lineNumber <= Integer.MAX_VALUE ? (int) lineNumber : -1;
                    FrameKind kind = i < to - 1 ? FrameKind.INLINED : compiled;
                    // Lines are innermost first; frames go root-most first.
                    ids[to - 1 - i] = intern(frameIds, new Frame(functionNamesResolved[f], module, kind, "", line));
                }
            }
            locationFrames[loc] = ids;
        }
    }

    private int intern(Map<Frame, Integer> ids, Frame frame) {
        Integer id = ids.get(frame);
        if (id == null) {
            id = frames.size();
            frames.add(frame);
            ids.put(frame, id);
        }
        return id;
    }

    /** The first mapping's file name (the main binary, by pprof's convention), or empty. */
    String mainBinary() {
        return mappingFiles.size() == 0 ? "" : safe(mappingFiles.get(0));
    }

    /** The string at {@code index}, or empty when out of range; for optional facts only. */
    String safe(long index) {
        return index > 0 && index < strings.size() ? strings.get((int) index) : "";
    }

    static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "pprof dictionary: %d strings, %d functions, %d locations, %d samples",
                strings.size(), functionNames.size(), locationMappings.size(), sampleMessages);
    }
}
