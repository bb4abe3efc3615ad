package dev.perfdesk.importers.speedscope;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;

import dev.perfdesk.core.model.Frame;
import dev.perfdesk.core.model.FrameKind;
import dev.perfdesk.core.model.ProfileBuilder;
import dev.perfdesk.core.model.ProfileInfo;
import dev.perfdesk.core.model.WeightUnit;
import dev.perfdesk.core.progress.ProgressMonitor;
import dev.perfdesk.core.spi.ImportSink;
import dev.perfdesk.core.util.IntArrayList;
import dev.perfdesk.importers.json.JsonErrors;
import dev.perfdesk.importers.json.StackTrie;
import dev.perfdesk.importers.spi.ImportException;
import dev.perfdesk.importers.spi.ImportSource;
import dev.perfdesk.importers.spi.Importer;

/**
 * Reads speedscope's own JSON ({@code "$schema": "https://www.speedscope.app/file-format-schema.json"}, speedscope's
 * {@code src/lib/file-format-spec.ts}), streamed with Jackson: {@code shared.frames} and each of {@code profiles},
 * one Perfdesk profile per speedscope profile. A {@code sampled} profile's {@code samples} (stacks of frame indexes,
 * root first) weigh their {@code weights}; an {@code evented} profile's open ({@code O}) and close ({@code C}) events
 * weigh each stack by the time it was on top, from one event to the next. Weights in a time unit are converted to
 * nanoseconds, {@code bytes} stay bytes, {@code none} counts samples. Stacks are interned as they stream, so frames
 * may come after the profiles.
 */
public final class SpeedscopeImporter implements Importer {
    public static final String FORMAT = "speedscope";
    static final String SCHEMA = "https://www.speedscope.app/file-format-schema.json";

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public String description() {
        return "speedscope JSON";
    }

    @Override
    public int detect(byte[] head) {
        String text = new String(head, 0, Math.min(head.length, 4096), StandardCharsets.ISO_8859_1);
        return text.stripLeading().startsWith("{") && text.contains(SCHEMA) ? 100 : 0;
    }

    /** One speedscope profile, read but not yet built: its stacks as the file's frame indexes. */
    private static final class Pending {
        String type = "";
        String name = "";
        String unit = "none";
        double startValue = Double.NaN;
        double endValue = Double.NaN;
        final StackTrie trie = new StackTrie();
        final IntArrayList sampleNodes = new IntArrayList(1 << 10);
        final List<Double> weights = new ArrayList<>();
        /** Evented: the weight each node was on top for, in the file's unit. */
        double[] eventWeights = new double[1 << 10];
        long line;
        int unbalanced;
    }

    @Override
    public void read(ImportSource source, ImportSink sink, ProgressMonitor monitor) throws IOException, ImportException {
        Path file = source.path();
        List<Frame> frames = new ArrayList<>();
        List<Pending> profiles = new ArrayList<>();
        String schema = null;
        String exporter = "";
        String groupName = "";
        try (InputStream in = source.open(); JsonParser p = new JsonFactory().createParser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw JsonErrors.at(file, p, "expected a speedscope JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                switch (field) {
                    case "$schema":
                        schema = p.getValueAsString();
                        break;
                    case "exporter":
                        exporter = p.getValueAsString("");
                        break;
                    case "name":
                        groupName = p.getValueAsString("");
                        break;
                    case "shared":
                        expect(file, p, value == JsonToken.START_OBJECT, "'shared' to be an object");
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            JsonToken v = p.nextToken();
                            if (p.currentName().equals("frames")) {
                                expect(file, p, v == JsonToken.START_ARRAY, "'shared.frames' to be an array");
                                while (p.nextToken() == JsonToken.START_OBJECT) {
                                    frames.add(frame(file, p));
                                }
                            } else {
                                p.skipChildren();
                            }
                        }
                        break;
                    case "profiles":
                        expect(file, p, value == JsonToken.START_ARRAY, "'profiles' to be an array");
                        while (p.nextToken() == JsonToken.START_OBJECT) {
                            profiles.add(profile(file, p, monitor, source));
                        }
                        break;
                    default:
                        p.skipChildren();
                        break;
                }
            }
        } catch (JsonProcessingException e) {
            throw JsonErrors.of(file, e);
        } catch (java.util.zip.ZipException | java.io.EOFException e) {
            throw source.damaged(e);
        }
        if (!SCHEMA.equals(schema)) {
            throw ImportException.whole(file, "no \"$schema\": \"" + SCHEMA + "\"; this is not a speedscope file");
        }
        if (profiles.isEmpty()) {
            throw ImportException.whole(file, "the file has no profiles");
        }
        String base = groupName.isEmpty() ? source.fileName() : groupName;
        List<dev.perfdesk.core.model.Profile> built = new ArrayList<>();
        for (Pending pending : profiles) {
            built.add(build(file, base, exporter, pending, frames));
        }
        for (dev.perfdesk.core.model.Profile profile : built) {
            sink.addProfile(profile, null);
        }
    }

    private static dev.perfdesk.core.model.Profile build(Path file, String base, String exporter, Pending x,
                                                        List<Frame> frames) throws ImportException {
        ProfileBuilder builder = new ProfileBuilder(null);
        int[] nodes;
        try {
            nodes = x.trie.replay(builder, frames);
        } catch (IndexOutOfBoundsException e) {
            throw ImportException.atLine(file, x.line, "profile '" + x.name + "': " + e.getMessage());
        }
        double factor = factor(x.unit);
        WeightUnit unit = x.unit.equals("bytes") ? WeightUnit.BYTES
                : x.unit.equals("none") ? WeightUnit.SAMPLES : WeightUnit.NANOSECONDS;
        try {
            if (x.type.equals("sampled")) {
                if (!x.weights.isEmpty() && x.weights.size() != x.sampleNodes.size()) {
                    throw ImportException.atLine(file, x.line, "profile '" + x.name + "' has " + x.sampleNodes.size()
                            + " samples but " + x.weights.size() + " weights");
                }
                for (int i = 0; i < x.sampleNodes.size(); i++) {
                    double w = x.weights.isEmpty() ? 1 : x.weights.get(i);
                    long weight = Math.round(w * factor);
                    builder.samples(nodes[x.sampleNodes.get(i)], -1, weight, 1, ProfileBuilder.NO_TIME);
                }
            } else {
                for (int n = 1; n < nodes.length; n++) {
                    long weight = Math.round(x.eventWeights[n] * factor);
                    if (weight > 0) {
                        builder.samples(nodes[n], -1, weight, 1, ProfileBuilder.NO_TIME);
                    }
                }
            }
        } catch (dev.perfdesk.core.model.WeightOverflowException e) {
            throw ImportException.atLine(file, x.line, "profile '" + x.name + "': " + e.getMessage());
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("speedscope profile type", x.type);
        attributes.put("speedscope unit", x.unit);
        if (!exporter.isEmpty()) {
            attributes.put("exporter", exporter);
        }
        if (x.type.equals("evented")) {
            attributes.put("weights", "each stack weighs the time it was open on top, from one event to the next");
        }
        if (x.unbalanced > 0) {
            attributes.put("warning", x.unbalanced + " frames were still open at the last event; closed there");
        }
        long duration = unit == WeightUnit.NANOSECONDS && !Double.isNaN(x.startValue) && !Double.isNaN(x.endValue)
                ? Math.round((x.endValue - x.startValue) * factor) : -1;
        String name = x.name.isEmpty() ? base : base + " · " + x.name;
        return builder.build(new ProfileInfo(name, FORMAT, "", unit, "", "", "", "", null, duration, 0, 0,
                attributes));
    }

    private static double factor(String unit) {
        switch (unit) {
            case "nanoseconds":
                return 1;
            case "microseconds":
                return 1e3;
            case "milliseconds":
                return 1e6;
            case "seconds":
                return 1e9;
            default:
                return 1;
        }
    }

    private static Pending profile(Path file, JsonParser p, ProgressMonitor monitor, ImportSource source)
            throws IOException, ImportException {
        Pending x = new Pending();
        x.line = p.currentLocation().getLineNr();
        // Events are balanced per profile: a stack of open trie nodes and the time of the last event.
        IntStack open = new IntStack();
        IntStack openFrames = new IntStack();
        double last = Double.NaN;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            switch (field) {
                case "type":
                    x.type = p.getValueAsString("");
                    if (!x.type.equals("sampled") && !x.type.equals("evented")) {
                        throw JsonErrors.at(file, p, "unknown profile type '" + x.type + "'; expected sampled or "
                                + "evented");
                    }
                    break;
                case "name":
                    x.name = p.getValueAsString("");
                    break;
                case "unit":
                    x.unit = p.getValueAsString("none");
                    if (!List.of("none", "nanoseconds", "microseconds", "milliseconds", "seconds", "bytes")
                            .contains(x.unit)) {
                        throw JsonErrors.at(file, p, "unknown unit '" + x.unit + "'");
                    }
                    break;
                case "startValue":
                    x.startValue = number(file, p, value, field);
                    break;
                case "endValue":
                    x.endValue = number(file, p, value, field);
                    break;
                case "samples":
                    expect(file, p, value == JsonToken.START_ARRAY, "'samples' to be an array of stacks");
                    while (p.nextToken() == JsonToken.START_ARRAY) {
                        int node = StackTrie.ROOT;
                        JsonToken t;
                        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                            node = x.trie.node(node, frameIndex(file, p, t));
                        }
                        x.sampleNodes.add(node);
                        if ((x.sampleNodes.size() & 0xFFFF) == 0) {
                            monitor.checkCancelled();
                            monitor.progress(source.rawBytesRead(), source.size());
                        }
                    }
                    expect(file, p, p.currentToken() == JsonToken.END_ARRAY, "each sample to be an array");
                    break;
                case "weights":
                    expect(file, p, value == JsonToken.START_ARRAY, "'weights' to be an array of numbers");
                    JsonToken t;
                    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                        x.weights.add(number(file, p, t, "weights"));
                    }
                    break;
                case "events":
                    expect(file, p, value == JsonToken.START_ARRAY, "'events' to be an array");
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        String type = null;
                        double at = Double.NaN;
                        int frame = -1;
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String f = p.currentName();
                            JsonToken v = p.nextToken();
                            if (f.equals("type")) {
                                type = p.getValueAsString();
                            } else if (f.equals("at")) {
                                at = number(file, p, v, "at");
                            } else if (f.equals("frame")) {
                                frame = frameIndex(file, p, v);
                            } else {
                                p.skipChildren();
                            }
                        }
                        if (type == null || Double.isNaN(at) || frame < 0) {
                            throw JsonErrors.at(file, p, "an event needs 'type', 'at' and 'frame'");
                        }
                        if (!Double.isNaN(last)) {
                            if (at < last) {
                                throw JsonErrors.at(file, p, String.format(Locale.ROOT,
                                        "event at %s comes after one at %s; events must be in time order", at, last));
                            }
                            if (open.size() > 0) {
                                addEventWeight(x, open.get(open.size() - 1), at - last);
                            }
                        }
                        last = at;
                        if (type.equals("O")) {
                            int parent = open.size() == 0 ? StackTrie.ROOT : open.get(open.size() - 1);
                            open.add(x.trie.node(parent, frame));
                            openFrames.add(frame);
                        } else if (type.equals("C")) {
                            if (open.size() == 0 || openFrames.get(openFrames.size() - 1) != frame) {
                                throw JsonErrors.at(file, p, "close event for frame " + frame + " does not match the "
                                        + "frame open on top" + (open.size() == 0 ? " (none is)" : " ("
                                        + openFrames.get(openFrames.size() - 1) + ")"));
                            }
                            open.pop();
                            openFrames.pop();
                        } else {
                            throw JsonErrors.at(file, p, "unknown event type '" + type + "'; expected O or C");
                        }
                    }
                    break;
                default:
                    p.skipChildren();
                    break;
            }
        }
        if (x.type.isEmpty()) {
            throw JsonErrors.at(file, p, "a profile has no 'type'");
        }
        if (open.size() > 0 && !Double.isNaN(x.endValue) && x.endValue > last) {
            addEventWeight(x, open.get(open.size() - 1), x.endValue - last);
        }
        x.unbalanced = open.size();
        return x;
    }

    /** The frames open in an evented profile, innermost last. */
    private static final class IntStack {
        private int[] values = new int[64];
        private int size;

        void add(int v) {
            if (size == values.length) {
                values = java.util.Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        void pop() {
            size--;
        }

        int get(int i) {
            return values[i];
        }

        int size() {
            return size;
        }
    }

    private static void addEventWeight(Pending x, int node, double weight) {
        if (node >= x.eventWeights.length) {
            x.eventWeights = java.util.Arrays.copyOf(x.eventWeights, Math.max(node + 1, x.eventWeights.length * 2));
        }
        x.eventWeights[node] += weight;
    }

    private static Frame frame(Path file, JsonParser p) throws IOException, ImportException {
        String name = null;
        String path = "";
        int line = -1;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            JsonToken v = p.nextToken();
            if (f.equals("name")) {
                name = p.getValueAsString();
            } else if (f.equals("file")) {
                path = p.getValueAsString("");
            } else if (f.equals("line") && v.isNumeric()) {
                line = p.getIntValue();
            } else {
                p.skipChildren();
            }
        }
        if (name == null) {
            throw JsonErrors.at(file, p, "a frame has no 'name'");
        }
        return new Frame(name, path, FrameKind.UNKNOWN, "", line > 0 ? line : -1);
    }

    private static int frameIndex(Path file, JsonParser p, JsonToken t) throws IOException, ImportException {
        if (t != JsonToken.VALUE_NUMBER_INT || p.getLongValue() < 0 || p.getLongValue() > Integer.MAX_VALUE) {
            throw JsonErrors.at(file, p, "expected a frame index (a whole number from 0)");
        }
        return p.getIntValue();
    }

    private static double number(Path file, JsonParser p, JsonToken t, String field)
            throws IOException, ImportException {
        if (t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT) {
            throw JsonErrors.at(file, p, "expected a number for '" + field + "'");
        }
        return p.getDoubleValue();
    }

    private static void expect(Path file, JsonParser p, boolean ok, String what) throws ImportException {
        if (!ok) {
            throw JsonErrors.at(file, p, "expected " + what);
        }
    }
}
