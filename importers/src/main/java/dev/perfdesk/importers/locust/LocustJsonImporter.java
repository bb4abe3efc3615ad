package dev.perfdesk.importers.locust;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;

import dev.perfdesk.core.bench.Benchmark;
import dev.perfdesk.core.bench.BenchmarkRun;
import dev.perfdesk.core.bench.TimeSeries;
import dev.perfdesk.core.progress.ProgressMonitor;
import dev.perfdesk.core.spi.ImportSink;
import dev.perfdesk.importers.json.JsonDocument;
import dev.perfdesk.importers.spi.ImportException;
import dev.perfdesk.importers.spi.ImportSource;
import dev.perfdesk.importers.spi.Importer;

/**
 * Reads what {@code locust --json} prints and {@code --json-file F} writes: {@code stats.serialize_stats()}, a list
 * of Locust's entries per endpoint (name, method, counts, total and extreme response times, content length, the
 * rounded response-time histogram {@code response_times} and requests and failures per epoch second). A run with
 * the same benchmarks the {@code --csv} importer ({@link LocustImporter}) makes of the same run: per endpoint and for
 * {@code Aggregated} (the entries summed, as Locust's total entry sums them), the request and failure counts, the
 * mean, min, max and average content size, and the median and percentiles 50% .. 100% by Locust's own rules on its
 * histogram ({@code median_from_dict} and {@code calculate_response_time_percentile} in {@code locust/stats.py}),
 * which is what its CSV and console print: those are the tool's reported percentiles, not recomputed from
 * samples, which the file does not have. Requests/s is the count over the time from the first entry's start to the
 * last request; Locust divides by the time since its statistics were reset, a moment the JSON does not record, so
 * its CSV's rate can be a little lower. Requests and failures per second become series over time.
 */
public final class LocustJsonImporter implements Importer {
    public static final String FORMAT = "locust-json";
    /** Locust's {@code PERCENTILES_TO_REPORT}, as fractions. */
    static final double[] PERCENTILES = {0.50, 0.66, 0.75, 0.80, 0.90, 0.95, 0.98, 0.99, 0.999, 0.9999, 1.0};
    /** {@link TimeSeries#source()} of the per-second counts. */
    public static final String SOURCE = "Locust JSON";

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public String description() {
        return "Locust JSON statistics (--json, --json-file)";
    }

    @Override
    public int detect(byte[] head) {
        String text = new String(head, StandardCharsets.UTF_8).stripLeading();
        return text.startsWith("[") && text.contains("\"num_requests\"") && text.contains("\"response_times\"")
                && text.contains("\"num_reqs_per_sec\"") ? 90 : 0;
    }

    /** One entry, or the sum of all. */
    private static final class Entry {
        String name;
        String method;
        long requests;
        long none;
        long failures;
        double total;
        double max = 0;
        double min = Double.NaN;
        double content;
        double start = Double.NaN;
        double last = Double.NaN;
        final TreeMap<Double, Long> buckets = new TreeMap<>();
        final TreeMap<Long, Long> perSecond = new TreeMap<>();
        final TreeMap<Long, Long> failPerSecond = new TreeMap<>();

        void add(Entry e) {
            requests += e.requests;
            none += e.none;
            failures += e.failures;
            total += e.total;
            max = Math.max(max, e.max);
            min = Double.isNaN(min) ? e.min : Double.isNaN(e.min) ? min : Math.min(min, e.min);
            content += e.content;
            start = Double.isNaN(start) ? e.start : Math.min(start, e.start);
            last = Double.isNaN(last) ? e.last : Math.max(last, e.last);
            e.buckets.forEach((k, v) -> buckets.merge(k, v, Long::sum));
            e.perSecond.forEach((k, v) -> perSecond.merge(k, v, Long::sum));
            e.failPerSecond.forEach((k, v) -> failPerSecond.merge(k, v, Long::sum));
        }

        /** {@code median_from_dict(num_requests - num_none_requests, response_times)}, kept within min and max. */
        double median() {
            if (buckets.isEmpty()) {
                return 0;
            }
            double pos = (requests - none - 1) / 2.0;
            double k = 0;
            for (Map.Entry<Double, Long> b : buckets.entrySet()) {
                k = b.getKey();
                if (pos < b.getValue()) {
                    break;
                }
                pos -= b.getValue();
            }
            if (k > max) {
                return max;
            }
            return !Double.isNaN(min) && k < min ? min : k;
        }

        /** {@code calculate_response_time_percentile(response_times, num_requests, percent)}, as an int. */
        double percentile(double percent) {
            long wanted = (long) (requests * percent);
            long processed = 0;
            for (Map.Entry<Double, Long> b : buckets.descendingMap().entrySet()) {
                processed += b.getValue();
                if (requests - processed <= wanted) {
                    return Math.floor(b.getKey());
                }
            }
            return 0;
        }
    }

    @Override
    public void read(ImportSource source, ImportSink sink, ProgressMonitor monitor)
            throws IOException, ImportException {
        JsonDocument doc = JsonDocument.read(source, "Locust's JSON statistics (--json)");
        JsonNode root = doc.root();
        if (!root.isArray()) {
            throw doc.error("", "expected Locust's JSON statistics, a list of entries, found "
                    + JsonDocument.describe(root));
        }
        if (root.isEmpty()) {
            throw doc.error("", "the list of entries is empty: Locust recorded no requests");
        }
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            entries.add(entry(doc, "/" + i));
        }
        // Locust's CSV and console order: sorted by (name, method), then the total
        entries.sort(Comparator.comparing((Entry e) -> e.name).thenComparing(e -> e.method));
        Entry all = new Entry();
        all.name = "Aggregated";
        all.method = "";
        entries.forEach(all::add);
        double seconds = all.last - all.start;
        List<Benchmark> benchmarks = new ArrayList<>();
        List<TimeSeries> series = new ArrayList<>();
        List<Entry> rows = new ArrayList<>(entries);
        rows.add(all);
        for (Entry e : rows) {
            boolean aggregate = e == all;
            String title = LocustImporter.endpoint(e.method, e.name);
            long answered = e.requests - e.none;
            Benchmark.Builder b = Benchmark.builder(title).unit("ms").lowerIsBetter(true).count(e.requests)
                    .statistic("requests", e.requests).statistic("failures", e.failures)
                    .statistic("median", e.median())
                    .statistic("mean", answered == 0 ? 0 : e.total / answered)
                    .statistic("min", Double.isNaN(e.min) ? 0 : e.min)
                    .statistic("max", e.max)
                    .statistic("average content size", e.requests == 0 ? 0 : e.content / e.requests);
            if (e.requests > 0) {
                for (double p : PERCENTILES) {
                    b.reportedPercentile(p * 100, e.percentile(p));
                }
            }
            double rate = seconds > 0 ? e.requests / seconds : 0;
            double failRate = seconds > 0 ? e.failures / seconds : 0;
            Benchmark.Builder r = Benchmark.builder(title).metric(LocustImporter.RPS).unit("req/s")
                    .lowerIsBetter(false).count(e.requests).statistic("rate", rate)
                    .statistic("failures/s", failRate);
            if (!e.method.isEmpty()) {
                b.attribute("method", e.method);
                r.attribute("method", e.method);
            }
            if (aggregate) {
                b.attribute(LocustImporter.AGGREGATE, "true");
                r.attribute(LocustImporter.AGGREGATE, "true");
            }
            benchmarks.add(b.build());
            benchmarks.add(r.build());
            Map<String, String> labels = Map.of(LocustHistory.ENDPOINT, title);
            series.add(perSecond(LocustImporter.RPS, labels, e.perSecond));
            series.add(perSecond("failures/s", labels, e.failPerSecond));
        }
        java.time.Instant start = Double.isNaN(all.start) ? null
                : java.time.Instant.ofEpochMilli(Math.round(all.start * 1000));
        Map<String, String> tags = Map.of("requests/s", "over the first entry's start to the last request ("
                + String.format(java.util.Locale.ROOT, "%.3f", seconds) + " s)");
        sink.addRun(new BenchmarkRun(source.fileName(), "Locust", FORMAT, start, Map.of(), "", "", tags, benchmarks,
                series));
    }

    private static TimeSeries perSecond(String name, Map<String, String> labels, TreeMap<Long, Long> counts) {
        long[] t = new long[counts.size()];
        double[] v = new double[counts.size()];
        int i = 0;
        for (Map.Entry<Long, Long> c : counts.entrySet()) {
            t[i] = c.getKey() * 1_000_000_000L;
            v[i++] = c.getValue();
        }
        return new TimeSeries(name, labels, "req/s", SOURCE, t, v);
    }

    private static Entry entry(JsonDocument doc, String at) throws ImportException {
        JsonNode n = doc.object(at, "a Locust statistics entry (an object with name, method, num_requests, ...)");
        Entry e = new Entry();
        e.name = doc.text(at + "/name");
        e.method = n.path("method").isNull() ? "" : doc.text(at + "/method");
        e.requests = whole(doc, at + "/num_requests");
        e.none = n.has("num_none_requests") ? whole(doc, at + "/num_none_requests") : 0;
        e.failures = whole(doc, at + "/num_failures");
        e.total = doc.nonNegative(at + "/total_response_time");
        e.max = n.path("max_response_time").isNull() ? 0 : doc.nonNegative(at + "/max_response_time");
        e.min = n.path("min_response_time").isNull() ? Double.NaN : doc.nonNegative(at + "/min_response_time");
        e.content = doc.nonNegative(at + "/total_content_length");
        e.start = doc.nonNegative(at + "/start_time");
        e.last = n.path("last_request_timestamp").isNull() ? e.start
                : doc.nonNegative(at + "/last_request_timestamp");
        JsonNode buckets = doc.object(at + "/response_times", "an object 'response_times' of bucket: count");
        long counted = 0;
        for (Iterator<String> it = buckets.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            String kAt = at + "/response_times/" + key.replace("~", "~0").replace("/", "~1");
            double k = key(doc, kAt, key);
            long c = whole(doc, kAt);
            e.buckets.merge(k, c, Long::sum);
            counted += c;
        }
        if (counted > e.requests) {
            throw doc.error(at + "/response_times", "the response-time buckets count " + counted
                    + " requests, more than num_requests " + e.requests);
        }
        seconds(doc, at + "/num_reqs_per_sec", e.perSecond);
        if (n.has("num_fail_per_sec")) {
            seconds(doc, at + "/num_fail_per_sec", e.failPerSecond);
        }
        return e;
    }

    private static void seconds(JsonDocument doc, String at, TreeMap<Long, Long> out) throws ImportException {
        JsonNode obj = doc.object(at, "an object of epoch second: count");
        for (Iterator<String> it = obj.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            String kAt = at + "/" + key.replace("~", "~0").replace("/", "~1");
            double s = key(doc, kAt, key);
            if (s != Math.rint(s) || s > Long.MAX_VALUE / 1_000_000_000L) {
                throw doc.error(kAt, "expected an epoch second as the key, found '" + key + "'");
            }
            out.merge((long) s, whole(doc, kAt), Long::sum);
        }
    }

    private static double key(JsonDocument doc, String at, String key) throws ImportException {
        double k;
        try {
            k = Double.parseDouble(key);
        } catch (NumberFormatException ex) {
            throw doc.error(at, "expected a number as the key, found '" + LocustImporter.abbreviate(key) + "'");
        }
        if (!Double.isFinite(k) || k < 0) {
            throw doc.error(at, "expected a finite number >= 0 as the key, found '"
                    + LocustImporter.abbreviate(key) + "'");
        }
        return k;
    }

    private static long whole(JsonDocument doc, String at) throws ImportException {
        double v = doc.nonNegative(at);
        if (v != Math.rint(v) || v > Long.MAX_VALUE) {
            throw doc.error(at, "expected a whole number >= 0, found " + v);
        }
        return (long) v;
    }
}
