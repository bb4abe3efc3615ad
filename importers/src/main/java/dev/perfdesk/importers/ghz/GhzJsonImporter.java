package dev.perfdesk.importers.ghz;

import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import dev.perfdesk.core.bench.TimedPoints;
import dev.perfdesk.core.progress.ProgressMonitor;
import dev.perfdesk.core.spi.ImportSink;
import dev.perfdesk.importers.json.JsonDocument;
import dev.perfdesk.importers.json.JsonShape;
import dev.perfdesk.importers.spi.ImportException;
import dev.perfdesk.importers.spi.ImportSource;
import dev.perfdesk.importers.spi.Importer;

/**
 * Reads ghz's JSON report ({@code ghz -O json} or {@code -O pretty}; the layout of ghz's {@code runner.Report}):
 * count, total, average, fastest, slowest and rps, the latency distribution, histogram, status codes and errors,
 * the options and tags, and the per-request {@code details} (see {@link GhzReport}). Option keys of both the 2018
 * reports ({@code n}, {@code c}) and current ones ({@code total}, {@code concurrency}) are kept as they are.
 */
public final class GhzJsonImporter implements Importer {
    public static final String FORMAT = "ghz-json";
    private static final String WHAT = "a ghz JSON report (-O json)";

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public String description() {
        return "ghz JSON report (-O json / -O pretty)";
    }

    @Override
    public int detect(byte[] head) {
        JsonShape shape = JsonShape.of(head, 3);
        if (!shape.isJson() || shape.rootIsArray()) {
            return 0;
        }
        boolean summary = shape.hasAll("/count", "/average", "/fastest", "/slowest");
        boolean ghz = shape.has("/latencyDistribution") || shape.has("/statusCodeDistribution")
                || shape.has("/options/call") || shape.has("/endReason");
        return summary && ghz ? 90 : 0;
    }

    @Override
    public void read(ImportSource source, ImportSink sink, ProgressMonitor monitor)
            throws IOException, ImportException {
        JsonDocument doc = JsonDocument.read(source, WHAT);
        monitor.checkCancelled();
        JsonNode root = doc.root();
        if (!root.isObject()) {
            throw doc.error("", "expected " + WHAT + ", an object with 'count', 'average' and "
                    + "'latencyDistribution', found " + JsonDocument.describe(root));
        }
        for (String required : new String[] {"count", "total", "average", "fastest", "slowest"}) {
            if (root.path(required).isMissingNode()) {
                throw doc.error("", "expected " + WHAT + " with '" + required + "'; it has none");
            }
        }
        GhzReport r = new GhzReport();
        r.name = doc.text("/name", "");
        r.call = doc.text("/options/call", "");
        String date = doc.text("/date", "");
        if (!date.isEmpty()) {
            r.date = instant(doc, "/date", date);
        }
        r.count = (long) doc.nonNegative("/count");
        r.total = doc.nonNegative("/total");
        r.average = doc.nonNegative("/average");
        r.fastest = doc.nonNegative("/fastest");
        r.slowest = doc.nonNegative("/slowest");
        r.rps = root.path("rps").isMissingNode() ? Double.NaN : doc.nonNegative("/rps");
        JsonNode lat = root.path("latencyDistribution");
        if (!lat.isMissingNode() && !lat.isNull()) {
            doc.array("/latencyDistribution", "an array 'latencyDistribution' of {percentage, latency}");
            for (int i = 0; i < lat.size(); i++) {
                String at = "/latencyDistribution/" + i;
                doc.object(at, "a {percentage, latency} object");
                double p = doc.nonNegative(at + "/percentage");
                if (p > 100) {
                    throw doc.error(at + "/percentage", "a percentage must be at most 100, found " + p);
                }
                r.percentiles.put(p, doc.nonNegative(at + "/latency"));
            }
        }
        JsonNode hist = root.path("histogram");
        if (!hist.isMissingNode() && !hist.isNull()) {
            doc.array("/histogram", "an array 'histogram' of {mark, count, frequency}");
            for (int i = 0; i < hist.size(); i++) {
                String at = "/histogram/" + i;
                doc.object(at, "a {mark, count, frequency} bucket");
                r.histogram.add(new double[] {doc.nonNegative(at + "/mark"), doc.nonNegative(at + "/count")});
            }
        }
        counts(doc, "/statusCodeDistribution", r.statusCodes);
        counts(doc, "/errorDistribution", r.errors);
        JsonNode options = root.path("options");
        if (options.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = options.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode v = e.getValue();
                if (v.isValueNode() && !v.isNull() && !v.asText().isEmpty()) {
                    r.options.put(e.getKey(), v.asText());
                } else if (v.isContainerNode() && !v.isEmpty()) {
                    r.options.put(e.getKey(), v.toString());
                }
            }
        }
        JsonNode tags = root.path("tags");
        if (tags.isObject()) {
            r.tags.putAll(JsonDocument.strings(tags));
        }
        JsonNode details = root.path("details");
        if (!details.isMissingNode() && !details.isNull()) {
            doc.array("/details", "an array 'details' of {timestamp, latency, error, status}");
            if (details.size() > 0) {
                double[] latencies = new double[details.size()];
                TimedPoints.Builder points = new TimedPoints.Builder();
                boolean timed = true;
                for (int i = 0; i < latencies.length; i++) {
                    String at = "/details/" + i;
                    if (!details.get(i).isObject()) {
                        doc.object(at, "a {timestamp, latency, error, status} object");
                    }
                    latencies[i] = doc.nonNegative(at + "/latency");
                    String ts = details.get(i).path("timestamp").asText("");
                    if (ts.isEmpty()) {
                        timed = false;
                    } else if (timed) {
                        Instant t = instant(doc, at + "/timestamp", ts);
                        String status = details.get(i).path("status").asText("");
                        points.add(t.getEpochSecond() * 1_000_000_000L + t.getNano(), latencies[i],
                                status.isEmpty() ? Map.of() : Map.of("status", status));
                    }
                    if ((i & 0xFFF) == 0) {
                        monitor.checkCancelled();
                    }
                }
                r.details = latencies;
                r.points = timed ? points.build() : null;
            }
        }
        sink.addRun(r.toRun(source.fileName(), FORMAT));
    }

    private static void counts(JsonDocument doc, String pointer, Map<String, Long> into) throws ImportException {
        JsonNode n = doc.root().at(pointer);
        if (n.isMissingNode() || n.isNull()) {
            return;
        }
        doc.object(pointer, "an object '" + pointer.substring(1) + "' of counts");
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            into.put(key, (long) doc.nonNegative(pointer + "/" + key.replace("~", "~0").replace("/", "~1")));
        }
    }

    private static Instant instant(JsonDocument doc, String pointer, String text) throws ImportException {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw doc.error(pointer, "expected an RFC 3339 time, found '" + text + "'");
        }
    }
}
