package dev.perfdesk.importers.gatling;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.perfdesk.core.bench.Benchmark;
import dev.perfdesk.core.bench.BenchmarkRun;
import dev.perfdesk.core.bench.TimedPoints;

/**
 * A Gatling run while its {@code simulation.log} is read, text or binary alike: per request (named by its groups and
 * name, {@code pages / api / item}), per group and for all requests together, the response times in the log's order
 * with their start times and OK/KO status, the OK and KO counts, the counts in the report's response-time ranges and
 * the KO messages. Group values are the cumulated response time of their requests, as Gatling's report shows by
 * default ({@code charting.useGroupDurationMetric = false}). Memory grows with the requests, as the raw samples are
 * kept for percentiles and significance tests.
 */
final class GatlingRun {
    /** The name Gatling's report gives all requests together (its console says {@code Global}). */
    static final String ALL_REQUESTS = "All Requests";
    /** The separator Gatling prints between groups and a request's name. */
    static final String PATH_SEPARATOR = " / ";
    /** gatling.conf's default {@code charting.indicators.lowerBound} and {@code higherBound}, in ms. */
    static final int LOWER_BOUND = 800;
    static final int HIGHER_BOUND = 1200;
    static final String RPS = "requests/s";

    private static final Map<String, String> OK_TAGS = Map.of("status", "OK");
    private static final Map<String, String> KO_TAGS = Map.of("status", "KO");

    /** One request, group or the total while records arrive. */
    private static final class Path {
        final String name;
        final String type;
        double[] times = new double[64];
        final TimedPoints.Builder points = new TimedPoints.Builder();
        int n;
        long ok;
        long low;
        long middle;
        long high;
        final Map<String, Long> messages = new LinkedHashMap<>();

        Path(String name, String type) {
            this.name = name;
            this.type = type;
        }

        void add(long startMs, long value, boolean isOk, String message) {
            if (n == times.length) {
                times = Arrays.copyOf(times, n * 2);
            }
            times[n++] = value;
            points.add(startMs * 1_000_000L, value, isOk ? OK_TAGS : KO_TAGS);
            if (isOk) {
                ok++;
                if (value < LOWER_BOUND) {
                    low++;
                } else if (value < HIGHER_BOUND) {
                    middle++;
                } else {
                    high++;
                }
            } else if (message != null) {
                messages.merge(message, 1L, Long::sum);
            }
        }
    }

    String version = "";
    String simulation = "";
    String simulationId = "";
    String description = "";
    long runStartMs = Long.MIN_VALUE;
    final List<String> scenarios = new ArrayList<>();
    final Map<String, Long> errors = new LinkedHashMap<>();
    long users;
    private final Path all = new Path(ALL_REQUESTS, "ALL");
    private final Map<String, Path> paths = new LinkedHashMap<>();
    private long minTime = Long.MAX_VALUE;
    private long maxTime = Long.MIN_VALUE;

    void time(long ms) {
        minTime = Math.min(minTime, ms);
        maxTime = Math.max(maxTime, ms);
    }

    void request(List<String> groups, String name, long startMs, long endMs, boolean ok, String message) {
        time(startMs);
        time(endMs);
        String path = groups.isEmpty() ? name : String.join(PATH_SEPARATOR, groups) + PATH_SEPARATOR + name;
        String m = message == null || message.isBlank() ? null : message.strip();
        paths.computeIfAbsent("R" + path, k -> new Path(path, "REQUEST")).add(startMs, endMs - startMs, ok, m);
        all.add(startMs, endMs - startMs, ok, m);
    }

    void group(List<String> groups, long startMs, long endMs, long cumulated, boolean ok) {
        time(startMs);
        time(endMs);
        String path = String.join(PATH_SEPARATOR, groups);
        paths.computeIfAbsent("G" + path, k -> new Path(path, "GROUP")).add(startMs, cumulated, ok, null);
    }

    boolean hasRequests() {
        return all.n > 0;
    }

    /** The run: one latency benchmark and one requests/s benchmark per path, all requests first. */
    BenchmarkRun toRun(String fileName, String format) {
        // Gatling's mean requests/sec: count over the run's whole seconds, ceil((last - first) / 1000)
        long seconds = Math.max(1, (long) Math.ceil((maxTime - minTime) / 1000.0));
        List<Benchmark> benchmarks = new ArrayList<>();
        List<Path> ordered = new ArrayList<>();
        ordered.add(all);
        ordered.addAll(paths.values());
        for (Path p : ordered) {
            long ko = p.n - p.ok;
            Benchmark.Builder b = Benchmark.builder(p.name).unit("ms").lowerIsBetter(true).count(p.n)
                    .samples(Arrays.copyOf(p.times, p.n)).points(p.points.build())
                    .statistic("OK", p.ok).statistic("KO", ko)
                    .statistic("t < " + LOWER_BOUND + " ms", p.low)
                    .statistic(LOWER_BOUND + " ms <= t < " + HIGHER_BOUND + " ms", p.middle)
                    .statistic("t >= " + HIGHER_BOUND + " ms", p.high)
                    .statistic("failed", ko)
                    .attribute(Benchmark.PERCENTILES_BY, Benchmark.GATLING_PERCENTILES)
                    .attribute("type", p.type);
            if (p.type.equals("GROUP")) {
                b.attribute("group values", "cumulated response time of its requests");
            }
            if (p == all) {
                b.attribute("aggregate", "true").attribute(Benchmark.HEADLINE, "true");
            }
            p.messages.forEach((msg, count) -> b.attribute("KO " + msg, Long.toString(count)));
            benchmarks.add(b.build());
            Benchmark.Builder r = Benchmark.builder(p.name).metric(RPS).unit("req/s").lowerIsBetter(false)
                    .count(p.n).statistic("rate", (double) p.n / seconds).attribute("type", p.type);
            if (p == all) {
                r.attribute("aggregate", "true");
            }
            benchmarks.add(r.build());
        }
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("Gatling version", version);
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("simulation", simulation);
        if (!simulationId.isEmpty()) {
            tags.put("simulation id", simulationId);
        }
        if (!description.isBlank()) {
            tags.put("description", description.strip());
        }
        if (!scenarios.isEmpty()) {
            tags.put("scenarios", String.join(", ", scenarios));
        }
        if (users > 0) {
            tags.put("users", Long.toString(users));
        }
        tags.put("duration", seconds + " s");
        tags.put("response time ranges", "t < " + LOWER_BOUND + " ms, " + LOWER_BOUND + " ms <= t < " + HIGHER_BOUND
                + " ms, t >= " + HIGHER_BOUND + " ms (gatling.conf defaults; the log does not record the bounds)");
        int i = 0;
        List<Map.Entry<String, Long>> byCount = new ArrayList<>(all.messages.entrySet());
        byCount.sort((a, b) -> Long.compare(b.getValue(), a.getValue()));
        for (Map.Entry<String, Long> e : byCount) {
            tags.put("KO " + (++i), e.getValue() + " × " + e.getKey());
        }
        i = 0;
        for (Map.Entry<String, Long> e : errors.entrySet()) {
            tags.put("error " + (++i), e.getValue() + " × " + e.getKey());
        }
        Instant start = runStartMs == Long.MIN_VALUE ? null : Instant.ofEpochMilli(runStartMs);
        return new BenchmarkRun(fileName, "Gatling", format, start, environment, "", "", tags, benchmarks);
    }
}
