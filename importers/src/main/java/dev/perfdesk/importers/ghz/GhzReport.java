package dev.perfdesk.importers.ghz;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.perfdesk.core.bench.Benchmark;
import dev.perfdesk.core.bench.BenchmarkRun;
import dev.perfdesk.core.bench.TimedPoints;

/**
 * What one ghz run reports, from its JSON ({@code -O json} / {@code -O pretty}) or its default summary text, as
 * ghz's {@code runner.Report} holds it, and the Perfdesk run made of it. Times are in nanoseconds, as Go's
 * {@code time.Duration} marshals them; the summary text's scaled values ({@code 0.96 ms}) are converted exactly.
 *
 * <p>The run has one latency benchmark named after the call (the report's name when it has one), in {@code ns}: the
 * count, average, fastest and slowest, ghz's latency distribution as reported percentiles ({@code p10} .. {@code
 * p99}), the status codes and errors; and a {@code requests/s} benchmark with ghz's rate (count over total, failures
 * included). When the JSON has {@code details} for every request, their latencies are the raw samples (so {@code
 * compare} can test significance, and the percentiles follow Perfdesk's one rule) and their timestamps the latency
 * over time; a partial list is not used (ghz's own figures stand), only counted.
 */
final class GhzReport {
    /** The metric of the requests-per-second benchmark, as Locust's runs name it. */
    static final String RPS = "requests/s";

    String name = "";
    String call = "";
    Instant date;
    long count = -1;
    double total = Double.NaN;
    double average = Double.NaN;
    double fastest = Double.NaN;
    double slowest = Double.NaN;
    double rps = Double.NaN;
    final Map<Double, Double> percentiles = new LinkedHashMap<>();
    final List<double[]> histogram = new ArrayList<>();
    final Map<String, Long> statusCodes = new LinkedHashMap<>();
    final Map<String, Long> errors = new LinkedHashMap<>();
    final Map<String, String> options = new LinkedHashMap<>();
    final Map<String, String> tags = new LinkedHashMap<>();
    double[] details;
    TimedPoints points;

    /** The run, named {@code fileName}, by the importer of {@code format}. */
    BenchmarkRun toRun(String fileName, String format) {
        String title = !name.isEmpty() ? name : !call.isEmpty() ? call : "ghz";
        Benchmark.Builder latency = Benchmark.builder(title).unit("ns").lowerIsBetter(true).count(count)
                .statistic("count", count).statistic("mean", average).statistic("min", fastest)
                .statistic("max", slowest).attribute(Benchmark.HEADLINE, "true");
        percentiles.forEach(latency::reportedPercentile);
        if (details != null && details.length == count) {
            latency.samples(details);
            if (points != null) {
                latency.points(points);
            }
        } else if (details != null) {
            // a partial list (ghz-web's fixtures keep fewer details than requests) would give percentiles, a chart
            // and a latency over time that contradict ghz's own figures, which stand
            latency.attribute("details", details.length + " of " + count + " requests, not used: ghz's own figures "
                    + "are shown");
        }
        long failed = errors.values().stream().mapToLong(Long::longValue).sum();
        latency.statistic("errors", failed);
        statusCodes.forEach((code, n) -> latency.attribute("status " + code, Long.toString(n))
                .statistic("status " + code, n));
        errors.forEach((message, n) -> latency.attribute("error " + message, Long.toString(n)));
        if (!histogram.isEmpty()) {
            StringBuilder sb = new StringBuilder();
            for (double[] bucket : histogram) {
                sb.append(sb.length() == 0 ? "" : ", ").append(String.format(java.util.Locale.ROOT, "%.3f ms: %d",
                        bucket[0] * 1000, (long) bucket[1]));
            }
            latency.attribute("histogram", sb.toString());
        }
        Benchmark.Builder rate = Benchmark.builder(title).metric(RPS).unit("req/s").lowerIsBetter(false)
                .count(count).statistic("rate", rps);
        Map<String, String> runTags = new LinkedHashMap<>(options);
        if (!Double.isNaN(total)) {
            runTags.put("total", total + " ns");
        }
        int i = 0;
        for (Map.Entry<String, Long> e : errors.entrySet()) {
            runTags.put("error " + (++i), e.getValue() + " × " + e.getKey());
        }
        tags.forEach((k, v) -> runTags.put("tag " + k, v));
        List<Benchmark> benchmarks = List.of(latency.build(), rate.build());
        return new BenchmarkRun(fileName, "ghz", format, date, Map.of(), "", "", runTags, benchmarks);
    }
}
