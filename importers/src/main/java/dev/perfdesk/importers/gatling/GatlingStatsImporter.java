package dev.perfdesk.importers.gatling;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.perfdesk.core.bench.Benchmark;
import dev.perfdesk.core.bench.BenchmarkRun;
import dev.perfdesk.core.progress.ProgressMonitor;
import dev.perfdesk.core.spi.ImportSink;
import dev.perfdesk.importers.json.JsonErrors;
import dev.perfdesk.importers.spi.ImportException;
import dev.perfdesk.importers.spi.ImportSource;
import dev.perfdesk.importers.spi.Importer;

/**
 * Reads the statistics of a Gatling HTML report when its {@code simulation.log} is not at hand: {@code js/stats.json}
 * (up to Gatling 3.13.4), {@code js/global_stats.json} (its {@code stats} object alone) and {@code js/stats.js}
 * (3.13.5 and 3.14: a JavaScript object literal {@code var stats = {type: "GROUP", ...}} with unquoted keys and the
 * numbers as strings, {@code "-"} for none). From 3.15 the report's {@code stats.js} holds no statistics and is
 * refused. One benchmark per group and request ({@code pages / api / item}) and {@code All Requests}, with Gatling's
 * total, OK and KO counts, min, max, mean and standard deviation as it rounded them, its four percentiles (taken as
 * p50, p75, p95 and p99, gatling.conf's defaults, since the file does not say which they are), its response-time
 * ranges, and a requests/s benchmark with its mean requests per second. Only the totals (OK and KO together) are
 * kept, as its console summary's first column.
 */
public final class GatlingStatsImporter implements Importer {
    public static final String FORMAT = "gatling-stats";
    /** The largest report file read. */
    static final long MAX_BYTES = 64L << 20;
    /** The percentiles gatling.conf reports by default as percentiles1 to percentiles4. */
    static final double[] DEFAULT_PERCENTILES = {50, 75, 95, 99};

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES)
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(200).build())
            .build();
    private static final ObjectMapper MAPPER = new ObjectMapper(FACTORY);
    private static final String JS_PREFIX = "var stats = ";

    /**
     * The files to import from a Gatling report folder ({@code target/gatling/SIMULATION-TIMESTAMP/}: its
     * {@code simulation.log}, or, where the log is absent, the report's one statistics file, {@code js/stats.json}
     * before {@code js/stats.js}), so a folder import makes one run of a report rather than one per file and
     * refusals for its HTML, CSS and scripts; null when {@code folder} is not a Gatling report.
     */
    public static List<Path> reportFiles(Path folder) {
        Path js = folder.resolve("js");
        Path log = folder.resolve("simulation.log");
        boolean report = java.nio.file.Files.isDirectory(js) && (java.nio.file.Files.isRegularFile(log)
                || java.nio.file.Files.isRegularFile(folder.resolve("index.html")));
        if (!report) {
            return null;
        }
        for (Path p : new Path[] {log, js.resolve("stats.json"), js.resolve("stats.js")}) {
            if (java.nio.file.Files.isRegularFile(p)) {
                return List.of(p);
            }
        }
        return List.of();
    }

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public String description() {
        return "Gatling report statistics (js/stats.json, global_stats.json, stats.js)";
    }

    @Override
    public int detect(byte[] head) {
        String text = new String(head, 0, Math.min(head.length, 4096), StandardCharsets.UTF_8);
        String start = text.stripLeading();
        if (start.startsWith(JS_PREFIX)) {
            return 95;
        }
        if (start.startsWith("{") && text.contains("\"numberOfRequests\"") && text.contains("\"ok\"")
                && (text.contains("\"percentiles1\"") || text.contains("\"pathFormatted\""))) {
            return 90;
        }
        return 0;
    }

    @Override
    public void read(ImportSource source, ImportSink sink, ProgressMonitor monitor)
            throws IOException, ImportException {
        Path file = source.path();
        if (source.size() > MAX_BYTES) {
            throw ImportException.whole(file, String.format(Locale.ROOT, "the file is %,d MB; Gatling report "
                    + "statistics over %d MB are not read", source.size() >> 20, MAX_BYTES >> 20));
        }
        byte[] bytes;
        try (InputStream in = source.open()) {
            bytes = in.readNBytes((int) MAX_BYTES + 1);
        } catch (java.util.zip.ZipException | java.io.EOFException e) {
            throw ImportException.whole(file, "the gzip data is corrupt or truncated (" + e.getMessage() + ")");
        }
        if (bytes.length > MAX_BYTES) {
            throw ImportException.whole(file, "the content is over " + (MAX_BYTES >> 20) + " MB; Gatling report "
                    + "statistics are far smaller");
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.isBlank()) {
            throw ImportException.whole(file, "the file is empty");
        }
        int at = text.indexOf(JS_PREFIX);
        boolean js = at >= 0 && text.substring(0, at).isBlank();
        if (!js && !text.stripLeading().startsWith("{")) {
            String what = text.contains("function ") && text.contains("stats")
                    ? "a Gatling 3.15 or later stats.js, which holds no statistics (only the HTML report does)"
                    : "not a Gatling report statistics file";
            throw ImportException.atLine(file, 1, what + "; expected js/stats.json, js/global_stats.json or a "
                    + "stats.js starting with '" + JS_PREFIX.strip() + "'");
        }
        int offset = js ? at + JS_PREFIX.length() : 0;
        Tree tree = new Tree(file, bytes, utf8Length(text, offset));
        JsonNode root = tree.root;
        if (!root.isObject()) {
            throw tree.error("", "expected a Gatling statistics object, found " + describe(root));
        }
        List<Benchmark> benchmarks = new ArrayList<>();
        if (root.has("stats")) {
            node(tree, root, "", benchmarks, 0);
        } else if (root.has("numberOfRequests")) {
            // global_stats.json: the all-requests statistics alone
            addStats(tree, root, "", root.path("name").asText(GatlingRun.ALL_REQUESTS), "GROUP", true, benchmarks);
        } else {
            throw tree.error("", "expected Gatling's report statistics with 'stats' or 'numberOfRequests'");
        }
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("percentiles", "percentiles1 to percentiles4 read as p50, p75, p95 and p99 (gatling.conf's "
                + "defaults; the report does not name them)");
        tags.put("source", js ? "report stats.js" : "report statistics JSON");
        sink.addRun(new BenchmarkRun(GatlingLogImporter.runName(source), "Gatling", FORMAT, null, Map.of(), "", "",
                tags, benchmarks));
    }

    private static int utf8Length(String text, int chars) {
        return text.substring(0, chars).getBytes(StandardCharsets.UTF_8).length;
    }

    private static void node(Tree tree, JsonNode n, String pointer, List<Benchmark> out, int depth)
            throws ImportException {
        if (depth > 64) {
            throw tree.error(pointer, "groups nest deeper than 64 levels");
        }
        String type = text(tree, n, pointer, "type");
        if (!type.equals("GROUP") && !type.equals("REQUEST")) {
            throw tree.error(pointer + "/type", "expected the type GROUP or REQUEST, found '"
                    + GatlingLogImporter.abbreviate(type) + "'");
        }
        boolean root = depth == 0;
        String name = root ? GatlingRun.ALL_REQUESTS : text(tree, n, pointer, "path");
        if (!n.path("stats").isObject()) {
            throw tree.error(pointer.isEmpty() ? "" : pointer, "expected an object 'stats', found "
                    + describe(n.path("stats")));
        }
        addStats(tree, n.path("stats"), pointer + "/stats", name, type, root, out);
        JsonNode contents = n.path("contents");
        if (contents.isMissingNode() || contents.isNull()) {
            return;
        }
        if (!contents.isObject()) {
            throw tree.error(pointer + "/contents", "expected an object 'contents', found " + describe(contents));
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = contents.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String child = pointer + "/contents/" + e.getKey().replace("~", "~0").replace("/", "~1");
            if (!e.getValue().isObject()) {
                throw tree.error(child, "expected a group or request object, found " + describe(e.getValue()));
            }
            node(tree, e.getValue(), child, out, depth + 1);
        }
    }

    private static void addStats(Tree tree, JsonNode s, String at, String name, String type, boolean all,
                                 List<Benchmark> out) throws ImportException {
        long total = count(tree, s, at, "numberOfRequests", "total");
        long ok = count(tree, s, at, "numberOfRequests", "ok");
        long ko = count(tree, s, at, "numberOfRequests", "ko");
        Benchmark.Builder b = Benchmark.builder(name).unit("ms").lowerIsBetter(true).count(total)
                .statistic("OK", ok).statistic("KO", ko);
        String[][] plain = {{"minResponseTime", "min"}, {"maxResponseTime", "max"}, {"meanResponseTime", "mean"},
            {"standardDeviation", "stddev"}};
        for (String[] p : plain) {
            double v = value(tree, s, at, p[0], "total");
            if (!Double.isNaN(v)) {
                b.statistic(p[1], v);
            }
        }
        for (int i = 0; i < 4; i++) {
            double v = value(tree, s, at, "percentiles" + (i + 1), "total");
            if (!Double.isNaN(v)) {
                b.reportedPercentile(DEFAULT_PERCENTILES[i], v);
            }
        }
        for (int i = 1; i <= 4; i++) {
            JsonNode g = s.path("group" + i);
            if (g.isMissingNode()) {
                continue;
            }
            String gAt = at + "/group" + i;
            String label = text(tree, g, gAt, "name");
            double v = number(tree, g.path("count"), gAt + "/count");
            if (Double.isNaN(v)) {
                throw tree.error(gAt + "/count", "expected a count, found " + describe(g.path("count")));
            }
            b.statistic(label, v);
        }
        b.attribute("type", type);
        if (all) {
            b.attribute("aggregate", "true").attribute(Benchmark.HEADLINE, "true");
        }
        out.add(b.build());
        Benchmark.Builder r = Benchmark.builder(name).metric(GatlingRun.RPS).unit("req/s").lowerIsBetter(false)
                .count(total).attribute("type", type);
        double rate = value(tree, s, at, "meanNumberOfRequestsPerSecond", "total");
        if (!Double.isNaN(rate)) {
            r.statistic("rate", rate);
        }
        if (all) {
            r.attribute("aggregate", "true");
        }
        out.add(r.build());
    }

    private static String text(Tree tree, JsonNode n, String at, String field) throws ImportException {
        JsonNode v = n.path(field);
        if (!v.isTextual()) {
            throw tree.error(v.isMissingNode() ? at : at + "/" + field, "expected a string '" + field + "', found "
                    + describe(v));
        }
        return v.asText();
    }

    private static long count(Tree tree, JsonNode s, String at, String field, String part) throws ImportException {
        double v = value(tree, s, at, field, part);
        if (Double.isNaN(v) || v != Math.rint(v)) {
            throw tree.error(at + "/" + field + "/" + part, "expected a whole number of requests, found "
                    + describe(s.path(field).path(part)));
        }
        return (long) v;
    }

    /** {@code stats.FIELD.PART}: a number, a number in a string ({@code stats.js}), or NaN for Gatling's "-". */
    private static double value(Tree tree, JsonNode s, String at, String field, String part) throws ImportException {
        JsonNode f = s.path(field);
        if (!f.isObject()) {
            throw tree.error(f.isMissingNode() ? at : at + "/" + field, "expected an object '" + field
                    + "' with total, ok and ko, found " + describe(f));
        }
        if (f.path(part).isMissingNode()) {
            throw tree.error(at + "/" + field, "expected '" + part + "' in '" + field + "'");
        }
        return number(tree, f.path(part), at + "/" + field + "/" + part);
    }

    private static double number(Tree tree, JsonNode v, String at) throws ImportException {
        double d;
        if (v.isNumber()) {
            d = v.doubleValue();
        } else if (v.isTextual() && v.asText().strip().equals("-")) {
            return Double.NaN;
        } else if (v.isTextual()) {
            try {
                d = Double.parseDouble(v.asText().strip());
            } catch (NumberFormatException e) {
                throw tree.error(at, "expected a number, found " + describe(v));
            }
        } else {
            throw tree.error(at, "expected a number, found " + describe(v));
        }
        if (!Double.isFinite(d) || d < 0) {
            throw tree.error(at, "expected a finite number >= 0, found " + describe(v));
        }
        return d;
    }

    private static String describe(JsonNode n) {
        return dev.perfdesk.importers.json.JsonDocument.describe(n);
    }

    /** The parsed tree, and errors placed at the line where a value starts. */
    private static final class Tree {
        final Path file;
        final byte[] bytes;
        final int offset;
        final JsonNode root;

        Tree(Path file, byte[] bytes, int offset) throws IOException, ImportException {
            this.file = file;
            this.bytes = bytes;
            this.offset = offset;
            try (JsonParser p = parser()) {
                if (p.nextToken() == null) {
                    throw ImportException.whole(file, "the file holds no statistics object");
                }
                this.root = MAPPER.readTree(p);
            } catch (JsonProcessingException e) {
                // the parse starts on line 1 of the file (after "var stats = " in a stats.js), so lines agree
                throw JsonErrors.of(file, e);
            }
        }

        private JsonParser parser() throws IOException {
            return FACTORY.createParser(bytes, offset, bytes.length - offset);
        }

        ImportException error(String pointer, String problem) {
            JsonPointer target = JsonPointer.compile(pointer);
            try (JsonParser p = parser()) {
                JsonToken t;
                while ((t = p.nextToken()) != null) {
                    if (t == JsonToken.FIELD_NAME || t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                        continue;
                    }
                    JsonStreamContext ctx = t.isStructStart() ? p.getParsingContext().getParent()
                            : p.getParsingContext();
                    if (ctx != null && ctx.pathAsPointer().equals(target)) {
                        JsonLocation at = p.currentTokenLocation();
                        return new ImportException(file, at.getLineNr(), offset + at.getByteOffset(),
                                problem + " (at " + (pointer.isEmpty() ? "/" : pointer) + ")");
                    }
                }
            } catch (IOException | IllegalArgumentException e) {
                // placed at the whole file below
            }
            return ImportException.whole(file, problem + " (at " + (pointer.isEmpty() ? "/" : pointer) + ")");
        }
    }
}
