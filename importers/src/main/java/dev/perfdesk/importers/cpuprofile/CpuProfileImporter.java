package dev.perfdesk.importers.cpuprofile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;

import dev.perfdesk.core.model.Frame;
import dev.perfdesk.core.model.FrameKind;
import dev.perfdesk.core.model.ProfileBuilder;
import dev.perfdesk.core.model.ProfileInfo;
import dev.perfdesk.core.model.StackTable;
import dev.perfdesk.core.model.WeightUnit;
import dev.perfdesk.core.progress.ProgressMonitor;
import dev.perfdesk.core.spi.ImportSink;
import dev.perfdesk.core.model.TimelineWriter;
import dev.perfdesk.core.util.IntArrayList;
import dev.perfdesk.core.util.LongArrayList;
import dev.perfdesk.importers.json.JsonErrors;
import dev.perfdesk.importers.json.JsonShape;
import dev.perfdesk.importers.spi.ImportException;
import dev.perfdesk.importers.spi.ImportSource;
import dev.perfdesk.importers.spi.Importer;

/**
 * Reads Chrome DevTools and Node.js {@code .cpuprofile} files (V8's {@code Profiler.Profile}: {@code nodes} with
 * {@code callFrame{functionName, url, lineNumber}} and {@code children} or {@code parent}, {@code samples},
 * {@code timeDeltas}, {@code startTime}, {@code endTime}, times in microseconds), streamed with Jackson. Each sample
 * weighs the time until the next one (the last one until {@code endTime}), as DevTools draws them, so the profile's
 * total is the sampled span in nanoseconds; the samples' times make the timeline. A file with {@code hitCount}s but
 * no samples gives one sample per hit. The {@code (root)} node is the stack's root and not a frame; line numbers,
 * 0-based in the file, are 1-based here.
 */
public final class CpuProfileImporter implements Importer {
    public static final String FORMAT = "cpuprofile";

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public String description() {
        return "Chrome DevTools / Node.js .cpuprofile";
    }

    @Override
    public int detect(byte[] head) {
        JsonShape shape = JsonShape.of(head, 3);
        if (!shape.isJson() || shape.rootIsArray()) {
            return 0;
        }
        return shape.has("/nodes/[]/callFrame") ? 90 : 0;
    }

    private record Node(long id, Frame frame, long[] children, long parent, long hitCount) {
    }

    @Override
    public void read(ImportSource source, ImportSink sink, ProgressMonitor monitor) throws IOException, ImportException {
        Path file = source.path();
        List<Node> nodes = new ArrayList<>();
        LongArrayList samples = new LongArrayList(1 << 12);
        LongArrayList deltas = new LongArrayList(1 << 12);
        long startTime = Long.MIN_VALUE;
        long endTime = Long.MIN_VALUE;
        try (InputStream in = source.open(); JsonParser p = new JsonFactory().createParser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw JsonErrors.at(file, p, "expected a .cpuprofile JSON object ({\"nodes\": [...], ...})");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                switch (field) {
                    case "nodes":
                        expect(file, p, value, JsonToken.START_ARRAY, "'nodes' to be an array");
                        while (p.nextToken() == JsonToken.START_OBJECT) {
                            nodes.add(node(file, p));
                            if ((nodes.size() & 0xFFF) == 0) {
                                monitor.checkCancelled();
                                monitor.progress(source.rawBytesRead(), source.size());
                            }
                        }
                        break;
                    case "samples":
                        numbers(file, p, value, samples, "samples");
                        break;
                    case "timeDeltas":
                        numbers(file, p, value, deltas, "timeDeltas");
                        break;
                    case "startTime":
                        startTime = whole(file, p, value, field);
                        break;
                    case "endTime":
                        endTime = whole(file, p, value, field);
                        break;
                    default:
                        p.skipChildren();
                        break;
                }
            }
            if (p.currentToken() != JsonToken.END_OBJECT) {
                throw JsonErrors.at(file, p, "expected the end of the profile object");
            }
        } catch (JsonProcessingException e) {
            throw JsonErrors.of(file, e);
        } catch (java.util.zip.ZipException | java.io.EOFException e) {
            throw source.damaged(e);
        }
        if (nodes.isEmpty()) {
            throw ImportException.whole(file, "the profile has no 'nodes'");
        }
        if (samples.size() != deltas.size() && deltas.size() > 0) {
            throw ImportException.whole(file, "'samples' has " + samples.size() + " entries but 'timeDeltas' "
                    + deltas.size() + "; the file is damaged");
        }
        build(source, sink, nodes, samples, deltas, startTime, endTime);
    }

    private static void build(ImportSource source, ImportSink sink, List<Node> nodes, LongArrayList samples,
                              LongArrayList deltas, long startTime, long endTime) throws ImportException {
        Path file = source.path();
        Map<Long, Integer> byId = new HashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            if (byId.put(nodes.get(i).id(), i) != null) {
                throw ImportException.whole(file, "the node id " + nodes.get(i).id() + " is used twice");
            }
        }
        int[] parent = new int[nodes.size()];
        java.util.Arrays.fill(parent, -1);
        for (int i = 0; i < nodes.size(); i++) {
            Node n = nodes.get(i);
            if (n.parent() != Long.MIN_VALUE) {
                parent[i] = index(file, byId, n.parent());
            }
            for (long child : n.children()) {
                parent[index(file, byId, child)] = i;
            }
        }
        boolean timed = samples.size() > 0;
        TimelineWriter timeline = timed ? sink.openTimeline() : null;
        ProfileBuilder builder = new ProfileBuilder(timeline);
        int[] stack = new int[nodes.size()];
        java.util.Arrays.fill(stack, -1);
        try {
            if (timed) {
                long t = startTime == Long.MIN_VALUE ? 0 : startTime;
                long[] times = new long[samples.size()];
                for (int i = 0; i < times.length; i++) {
                    t += deltas.size() > 0 ? deltas.get(i) : 0;
                    times[i] = t;
                }
                for (int i = 0; i < times.length; i++) {
                    long next = i + 1 < times.length ? times[i + 1] : Math.max(endTime, times[i]);
                    long weightMicros = Math.max(0, next - times[i]);
                    int node = index(file, byId, samples.get(i));
                    builder.sample(stackOf(node, nodes, parent, stack, builder, file), -1,
                            Math.multiplyExact(weightMicros, 1000L), Math.multiplyExact(times[i], 1000L));
                }
            } else {
                for (int i = 0; i < nodes.size(); i++) {
                    long hits = nodes.get(i).hitCount();
                    if (hits > 0) {
                        builder.samples(stackOf(i, nodes, parent, stack, builder, file), -1, hits, hits,
                                ProfileBuilder.NO_TIME);
                    }
                }
            }
        } catch (ArithmeticException e) {
            throw ImportException.whole(file, "the sample times add up to more than a profile can hold");
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        if (timed) {
            attributes.put("weights", "each sample weighs the time until the next sample (the last until endTime)");
        }
        long duration = timed && startTime != Long.MIN_VALUE && endTime != Long.MIN_VALUE
                ? (endTime - startTime) * 1000L : -1;
        ProfileInfo info = new ProfileInfo(source.fileName(), FORMAT, "cpu", timed ? WeightUnit.NANOSECONDS
                : WeightUnit.SAMPLES, "", "", "", "", null, duration, 0, 0, attributes);
        sink.addProfile(builder.build(info), timeline);
    }

    private static int stackOf(int node, List<Node> nodes, int[] parent, int[] memo, ProfileBuilder builder,
                               Path file) throws ImportException {
        if (memo[node] >= 0) {
            return memo[node];
        }
        IntArrayList path = new IntArrayList();
        int n = node;
        while (n >= 0 && memo[n] < 0) {
            path.add(n);
            if (path.size() > nodes.size()) {
                throw ImportException.whole(file, "the node tree has a cycle through node " + nodes.get(node).id());
            }
            n = parent[n];
        }
        int at = n < 0 ? StackTable.ROOT : memo[n];
        for (int i = path.size() - 1; i >= 0; i--) {
            int k = path.get(i);
            Node x = nodes.get(k);
            boolean root = parent[k] < 0 && "(root)".equals(x.frame().name());
            at = root ? StackTable.ROOT : builder.child(at, builder.frame(x.frame()));
            memo[k] = at;
        }
        return at;
    }

    private static int index(Path file, Map<Long, Integer> byId, long id) throws ImportException {
        Integer i = byId.get(id);
        if (i == null) {
            throw ImportException.whole(file, "node " + id + " is referred to but not in 'nodes'");
        }
        return i;
    }

    private static Node node(Path file, JsonParser p) throws IOException, ImportException {
        long id = Long.MIN_VALUE;
        long parent = Long.MIN_VALUE;
        long hits = 0;
        long[] children = new long[0];
        String name = "";
        String url = "";
        int line = -1;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            switch (field) {
                case "id":
                    id = whole(file, p, value, "id");
                    break;
                case "parent":
                    parent = whole(file, p, value, "parent");
                    break;
                case "hitCount":
                    hits = whole(file, p, value, "hitCount");
                    break;
                case "children":
                    LongArrayList c = new LongArrayList(4);
                    numbers(file, p, value, c, "children");
                    children = c.toArray();
                    break;
                case "callFrame":
                    expect(file, p, value, JsonToken.START_OBJECT, "'callFrame' to be an object");
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String f = p.currentName();
                        JsonToken v = p.nextToken();
                        if (f.equals("functionName") && v == JsonToken.VALUE_STRING) {
                            name = p.getText();
                        } else if (f.equals("url") && v == JsonToken.VALUE_STRING) {
                            url = p.getText();
                        } else if (f.equals("lineNumber") && v == JsonToken.VALUE_NUMBER_INT) {
                            line = p.getIntValue();
                        } else {
                            p.skipChildren();
                        }
                    }
                    break;
                default:
                    p.skipChildren();
                    break;
            }
        }
        if (id == Long.MIN_VALUE) {
            throw JsonErrors.at(file, p, "a node has no 'id'");
        }
        String display = name.isEmpty() ? "(anonymous)" : name;
        FrameKind kind = name.startsWith("(") && url.isEmpty() ? FrameKind.NATIVE : FrameKind.JIT;
        return new Node(id, new Frame(display, url, kind, "", line >= 0 ? line + 1 : -1), children, parent, hits);
    }

    private static void expect(Path file, JsonParser p, JsonToken got, JsonToken want, String what)
            throws ImportException {
        if (got != want) {
            throw JsonErrors.at(file, p, "expected " + what);
        }
    }

    private static long whole(Path file, JsonParser p, JsonToken value, String field)
            throws IOException, ImportException {
        if (value == JsonToken.VALUE_NUMBER_INT) {
            return p.getLongValue();
        }
        if (value == JsonToken.VALUE_NUMBER_FLOAT) {
            return Math.round(p.getDoubleValue());
        }
        throw JsonErrors.at(file, p, "expected a number for '" + field + "'");
    }

    private static void numbers(Path file, JsonParser p, JsonToken value, LongArrayList out, String field)
            throws IOException, ImportException {
        expect(file, p, value, JsonToken.START_ARRAY, "'" + field + "' to be an array of numbers");
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            out.add(whole(file, p, t, field));
        }
    }
}
