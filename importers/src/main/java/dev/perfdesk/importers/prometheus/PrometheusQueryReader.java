package dev.perfdesk.importers.prometheus;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import dev.perfdesk.core.bench.TimeSeries;
import dev.perfdesk.importers.json.JsonDocument;
import dev.perfdesk.importers.spi.ImportException;
import dev.perfdesk.importers.spi.ImportSource;

/**
 * Reads the JSON a Prometheus server answers to {@code /api/v1/query_range} (and {@code /api/v1/query}), as
 * {@code curl} or {@code promtool query range -o json} saves it, into series to attach to a run
 * ({@link TimeSeries#PROMETHEUS}): a matrix gives a series per result, a vector a one-value series per result, a
 * scalar one series. Values are the strings Prometheus writes, {@code "NaN"}, {@code "+Inf"} and {@code "-Inf"}
 * included; times are epoch seconds with up to three decimals. A series is named by its {@code __name__} label
 * (empty after functions such as {@code rate()}, which drop it), its other labels kept in order; its unit follows
 * Prometheus' naming conventions ({@code _bytes} is {@code B}, {@code _seconds} is {@code s}, {@code percent} is
 * {@code %}). An error body ({@code "status":"error"}) is refused with Prometheus' own error.
 *
 * <pre>{@code
 * List<TimeSeries> cpu = PrometheusQueryReader.read(Path.of("cpu.prom.json"));
 * }</pre>
 */
public final class PrometheusQueryReader {
    /**
     * The largest response read: Prometheus returns at most 11,000 points per series, so even hundreds of series
     * stay far below this.
     */
    public static final long MAX_BYTES = 32L << 20;

    private PrometheusQueryReader() {
    }

    /** Whether {@code head}, a file's first bytes, looks like a Prometheus API response. */
    public static boolean looksLikeResponse(byte[] head) {
        String s = new String(head, 0, Math.min(head.length, 4096), java.nio.charset.StandardCharsets.UTF_8);
        return s.stripLeading().startsWith("{") && s.contains("\"status\"")
                && (s.contains("\"resultType\"") || s.contains("\"errorType\""));
    }

    /**
     * Reads {@code file}.
     *
     * @throws ImportException when the file is not a successful Prometheus query response, naming the file and the
     *                         line, or Prometheus' error for an error body
     */
    public static List<TimeSeries> read(Path file) throws IOException, ImportException {
        ImportSource source = ImportSource.of(file);
        if (source.size() == 0) {
            throw ImportException.whole(file, "the file is empty; expected a Prometheus query_range JSON response");
        }
        if (source.size() > MAX_BYTES) {
            throw ImportException.whole(file, String.format(Locale.ROOT, "the file is %,d MB; a Prometheus response "
                    + "over %d MB is not read (Prometheus returns at most 11,000 points per series)",
                    source.size() >> 20, MAX_BYTES >> 20));
        }
        JsonDocument doc = JsonDocument.read(source, "a Prometheus query_range JSON response");
        JsonNode root = doc.root();
        if (!root.isObject() || !root.path("status").isTextual()) {
            throw doc.error("", "expected a Prometheus API response with 'status' and 'data', found "
                    + JsonDocument.describe(root));
        }
        String status = root.path("status").asText();
        if (status.equals("error")) {
            throw ImportException.whole(file, "Prometheus answered with an error ("
                    + root.path("errorType").asText("no errorType") + "): " + root.path("error").asText("no message"));
        }
        if (!status.equals("success")) {
            throw doc.error("/status", "expected status 'success' or 'error', found '" + status + "'");
        }
        JsonNode data = doc.object("/data", "an object 'data' with 'resultType' and 'result'");
        String type = data.path("resultType").asText("");
        List<TimeSeries> out = new ArrayList<>();
        switch (type) {
            case "matrix" -> {
                JsonNode result = doc.array("/data/result", "an array 'result' of series");
                for (int i = 0; i < result.size(); i++) {
                    String at = "/data/result/" + i;
                    JsonNode values = result.get(i).path("values");
                    if (!values.isArray()) {
                        throw doc.error(at, result.get(i).has("histograms")
                                ? "native histograms are not read; query a quantile or a rate of them instead"
                                : "expected a series with 'metric' and 'values'");
                    }
                    out.add(series(doc, at, result.get(i).path("metric"), values, at + "/values"));
                }
            }
            case "vector" -> {
                JsonNode result = doc.array("/data/result", "an array 'result' of samples");
                for (int i = 0; i < result.size(); i++) {
                    String at = "/data/result/" + i;
                    JsonNode value = result.get(i).path("value");
                    if (!value.isArray()) {
                        throw doc.error(at, "expected a sample with 'metric' and 'value'");
                    }
                    JsonNode one = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode().add(value);
                    out.add(series(doc, at, result.get(i).path("metric"), one, at + "/value", true));
                }
            }
            case "scalar" -> {
                JsonNode value = doc.array("/data/result", "a [time, \"value\"] pair");
                JsonNode one = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode().add(value);
                out.add(series(doc, "/data/result", null, one, "/data/result", true));
            }
            case "string" -> throw doc.error("/data/resultType", "a string result has no values to draw");
            default -> throw doc.error("/data", "expected resultType matrix, vector or scalar, found "
                    + (type.isEmpty() ? "none" : "'" + type + "'"));
        }
        if (out.isEmpty()) {
            throw doc.error("/data/result", "the result is empty: the query matched no series in its time range");
        }
        return out;
    }

    private static TimeSeries series(JsonDocument doc, String at, JsonNode metric, JsonNode values, String valuesAt)
            throws ImportException {
        return series(doc, at, metric, values, valuesAt, false);
    }

    private static TimeSeries series(JsonDocument doc, String at, JsonNode metric, JsonNode values, String valuesAt,
                                     boolean single) throws ImportException {
        String name = "";
        Map<String, String> labels = new LinkedHashMap<>();
        if (metric != null && metric.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = metric.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getKey().equals("__name__")) {
                    name = e.getValue().asText();
                } else {
                    labels.put(e.getKey(), e.getValue().asText());
                }
            }
        } else if (metric != null && !metric.isMissingNode()) {
            throw doc.error(at + "/metric", "expected an object of labels 'metric'");
        }
        long[] times = new long[values.size()];
        double[] vals = new double[values.size()];
        for (int i = 0; i < values.size(); i++) {
            String p = single ? valuesAt : valuesAt + "/" + i;
            JsonNode pair = values.get(i);
            if (!pair.isArray() || pair.size() != 2 || !pair.get(0).isNumber()) {
                throw doc.error(p, "expected a [time, \"value\"] pair with the time in epoch seconds");
            }
            times[i] = nanos(doc, p, pair.get(0));
            vals[i] = value(doc, p + "/1", pair.get(1));
            if (i > 0 && times[i] <= times[i - 1]) {
                throw doc.error(p, "the times must ascend within a series");
            }
        }
        return new TimeSeries(name, labels, unitOf(name), TimeSeries.PROMETHEUS, times, vals);
    }

    private static long nanos(JsonDocument doc, String at, JsonNode time) throws ImportException {
        try {
            BigDecimal seconds = time.decimalValue();
            if (seconds.signum() < 0 || seconds.compareTo(BigDecimal.valueOf(Long.MAX_VALUE / 1_000_000_000L)) > 0) {
                throw doc.error(at, "the time " + time.asText() + " is not a time in epoch seconds");
            }
            return seconds.movePointRight(9).longValue();
        } catch (NumberFormatException e) {
            throw doc.error(at, "the time " + time.asText() + " is not a time in epoch seconds");
        }
    }

    /** A sample value as Prometheus writes it: a string holding a float, {@code NaN}, {@code +Inf} or {@code -Inf}. */
    static double value(JsonDocument doc, String at, JsonNode v) throws ImportException {
        if (!v.isTextual()) {
            throw doc.error(at, "expected the value as a string (\"1.5\", \"NaN\", \"+Inf\"), found "
                    + JsonDocument.describe(v));
        }
        String s = v.asText().strip();
        switch (s) {
            case "NaN":
                return Double.NaN;
            case "+Inf":
            case "Inf":
                return Double.POSITIVE_INFINITY;
            case "-Inf":
                return Double.NEGATIVE_INFINITY;
            default:
                break;
        }
        if (!s.matches("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?")) {
            throw doc.error(at, "expected a number, NaN, +Inf or -Inf, found \"" + abbreviate(s) + "\"");
        }
        return Double.parseDouble(s);
    }

    /** The unit Prometheus' naming conventions give a metric name; empty when it names none. */
    public static String unitOf(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.endsWith("_bytes") || n.endsWith("_bytes_total") || n.contains("_bytes:")) {
            return "B";
        }
        if (n.contains("percent")) {
            return "%";
        }
        if (n.endsWith("_seconds") || n.contains("_seconds:")) {
            return "s";
        }
        return "";
    }

    private static String abbreviate(String s) {
        String t = s.length() > 40 ? s.substring(0, 40) + "..." : s;
        return t.replaceAll("\\p{Cntrl}", "?");
    }
}
