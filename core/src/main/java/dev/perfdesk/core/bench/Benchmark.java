package dev.perfdesk.core.bench;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import dev.perfdesk.core.stats.BenchmarkKey;
import dev.perfdesk.core.stats.BenchmarkResult;
import dev.perfdesk.core.stats.SampleSummary;
import dev.perfdesk.core.stats.ScoreSummary;

/**
 * One benchmark (or one metric of one benchmark) in a run: its name and parameters, the unit its values are in as
 * the tool prints them, and what the file gives of its measurements: raw samples, a score with its error
 * ({@link ScoreSummary}, as JMH reports it), statistics the tool computed, a latency {@link Distribution},
 * timestamped {@link TimedPoints} (single measurements: a k6 point, a JMeter sample) and {@link IntervalHistograms}
 * (a histogram per time interval: an HdrHistogram log). Any of them may be missing; a benchmark the tool reports as
 * failed or skipped may have none. Immutable; build with {@link #builder(String)}.
 *
 * <pre>{@code
 * Benchmark b = Benchmark.builder("dev.perfdesk.Parse.json")
 *         .param("size", "1000").mode("avgt").unit("ns/op").lowerIsBetter(true)
 *         .samples(new double[] {101.5, 99.8, 100.2})
 *         .score(new ScoreSummary(100.5, 4.2, ScoreSummary.JMH_CONFIDENCE, 3))
 *         .build();
 * b.percentile(50);   // 100.2, the median of the raw samples
 * }</pre>
 */
public final class Benchmark {
    /** The metric name of a benchmark's main measurement. */
    public static final String PRIMARY = "primary";
    /**
     * The attribute that says where a distribution came from when it was not recorded value by value; its one value
     * so far is {@link #SPECTRUM}.
     */
    public static final String DISTRIBUTION_SOURCE = "distribution source";
    /**
     * {@link #DISTRIBUTION_SOURCE} of a distribution rebuilt from a percentile spectrum (wrk2's "Detailed Percentile
     * spectrum"): its counts sit at the spectrum's steps, so it reads as a percentile curve and a CDF, not as a
     * histogram.
     */
    public static final String SPECTRUM = "percentile spectrum";
    /**
     * The attribute an importer sets (to {@code true}) on the benchmark the tool itself puts first among its
     * latencies, such as k6's {@code http_req_duration}: a run opens on it when no benchmark has a distribution the
     * charts can draw.
     */
    public static final String HEADLINE = "headline";

    /**
     * The attribute listing, as 0-based indexes separated by commas ({@code 0,1}), the samples the tool reported as
     * aggregates rather than as repetitions: Google Benchmark's entries of {@code run_type} "aggregate" that are not
     * a statistic of another entry's run. They are measurements to compare, as compare.py compares them, but
     * compare.py leaves them out of its overall geometric mean, and so does
     * {@code RunComparison.comparePyStyleGeomean()}.
     */
    public static final String AGGREGATE_SAMPLES = "aggregate samples";

    /**
     * The attribute naming the rule the tool computes percentiles of its raw samples by, when the figures should
     * follow the tool rather than linear interpolation; its one value so far is {@link #GATLING_PERCENTILES}.
     */
    public static final String PERCENTILES_BY = "percentiles by";
    /**
     * {@link #PERCENTILES_BY} of a Gatling request or group: Gatling's reports take percentiles from a t-digest
     * (AVLTreeDigest, compression 100) fed the response times in the log's order, and print them rounded to whole
     * milliseconds; see {@link TDigestPercentiles}.
     */
    public static final String GATLING_PERCENTILES = "Gatling t-digest";

    private final String name;
    private final Map<String, String> params;
    private final String metric;
    private final String mode;
    private final String unit;
    private final boolean lowerIsBetter;
    private final double[] samples;
    private final ScoreSummary score;
    private final Map<String, Double> statistics;
    private final long count;
    private final Distribution distribution;
    private final TimedPoints points;
    private final IntervalHistograms intervals;
    private final BenchmarkStatus status;
    private final String statusMessage;
    private final Map<String, String> attributes;
    /** {@link #figures()}, made on first use; a benign race makes at most one extra copy of the same value. */
    private volatile BenchmarkFigures figures;

    private Benchmark(Builder b) {
        this.name = Objects.requireNonNull(b.name, "name");
        this.params = Collections.unmodifiableMap(new LinkedHashMap<>(b.params));
        this.metric = b.metric;
        this.mode = b.mode;
        this.unit = b.unit;
        this.lowerIsBetter = b.lowerIsBetter;
        this.samples = b.samples == null ? new double[0] : b.samples.clone();
        this.score = b.score;
        this.statistics = Collections.unmodifiableMap(new LinkedHashMap<>(b.statistics));
        long n = b.count;
        if (n < 0 && samples.length > 0) {
            n = samples.length;
        } else if (n < 0 && score != null) {
            n = score.n();
        } else if (n < 0 && b.distribution != null) {
            n = b.distribution.totalCount();
        } else if (n < 0 && b.intervals != null) {
            n = b.intervals.totalCount();
        }
        this.count = n;
        this.distribution = b.distribution;
        this.points = b.points;
        this.intervals = b.intervals;
        this.status = b.status;
        this.statusMessage = b.statusMessage;
        this.attributes = Collections.unmodifiableMap(new LinkedHashMap<>(b.attributes));
    }

    /** A builder for a benchmark called {@code name}. */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** A builder holding this benchmark's values. */
    public Builder toBuilder() {
        Builder b = new Builder(name);
        b.params.putAll(params);
        b.metric = metric;
        b.mode = mode;
        b.unit = unit;
        b.lowerIsBetter = lowerIsBetter;
        b.samples = samples;
        b.score = score;
        b.statistics.putAll(statistics);
        b.count = count;
        b.distribution = distribution;
        b.points = points;
        b.intervals = intervals;
        b.status = status;
        b.statusMessage = statusMessage;
        b.attributes.putAll(attributes);
        return b;
    }

    /** The benchmark's name as the tool prints it. */
    public String name() {
        return name;
    }

    /** The parameters, in the file's order. */
    public Map<String, String> params() {
        return params;
    }

    /** {@link #PRIMARY}, or the name of a secondary metric such as {@code gc.alloc.rate.norm} or {@code cpu_time}. */
    public String metric() {
        return metric;
    }

    /** The JMH mode ({@code thrpt}, {@code avgt}, {@code sample}, {@code ss}); empty for other tools. */
    public String mode() {
        return mode;
    }

    /** The unit of the values, as the tool prints it: {@code ops/s}, {@code ns/op}, {@code ms}, {@code s}. */
    public String unit() {
        return unit;
    }

    /** True for times and sizes, false for throughputs. */
    public boolean lowerIsBetter() {
        return lowerIsBetter;
    }

    /** A copy of the raw samples; empty when the file has none. */
    public double[] samples() {
        return samples.clone();
    }

    /** Whether the file has raw samples. */
    public boolean hasSamples() {
        return samples.length > 0;
    }

    /** The score with its error as the tool reports it, or null. */
    public ScoreSummary score() {
        return score;
    }

    /**
     * Statistics the tool computed, in its order, named as it names them ({@code mean}, {@code stddev},
     * {@code median}, ...), except percentiles, which are named {@code p50}, {@code p99.9} (see
     * {@link #percentileKey(double)}).
     */
    public Map<String, Double> statistics() {
        return statistics;
    }

    /** How many measurements the benchmark's values stand for (samples, iterations, requests); -1 when unknown. */
    public long count() {
        return count;
    }

    /** The latency distribution, or null. */
    public Distribution distribution() {
        return distribution;
    }

    /** Timestamped measurements, or null. */
    public TimedPoints points() {
        return points;
    }

    /** Histograms of consecutive time intervals, or null. */
    public IntervalHistograms intervals() {
        return intervals;
    }

    /** Whether it ran, failed or was skipped. */
    public BenchmarkStatus status() {
        return status;
    }

    /** The tool's message for a failed or skipped benchmark; empty otherwise. */
    public String statusMessage() {
        return statusMessage;
    }

    /** Further facts from the file (iterations, threads, exit codes, the command), in the file's order. */
    public Map<String, String> attributes() {
        return attributes;
    }

    /** The name, with the parameters in braces when there are any: {@code parse{size=1000}}. */
    public String displayName() {
        if (params.isEmpty()) {
            return name;
        }
        return name + params.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", ", "{", "}"));
    }

    /**
     * What identifies this benchmark across runs for {@code dev.perfdesk.core.stats}: the name, with the mode and a
     * secondary metric appended ({@code parse:avgt}, {@code parse:avgt:gc.alloc.rate.norm}), and the parameters.
     */
    public BenchmarkKey key() {
        StringBuilder sb = new StringBuilder(name);
        if (!mode.isEmpty()) {
            sb.append(':').append(mode);
        }
        if (!metric.equals(PRIMARY)) {
            sb.append(':').append(metric);
        }
        return new BenchmarkKey(sb.toString(), params);
    }

    /** This benchmark as an input to the comparisons in {@code dev.perfdesk.core.stats}, or null without data. */
    public BenchmarkResult toResult() {
        if (samples.length == 0 && score == null) {
            return null;
        }
        return new BenchmarkResult(key(), unit, lowerIsBetter, samples, score);
    }

    /** Descriptive statistics of the raw samples, or null when there are none. */
    public SampleSummary sampleSummary() {
        double[] finite = Arrays.stream(samples).filter(v -> !Double.isNaN(v)).toArray();
        return finite.length == 0 ? null : SampleSummary.of(finite);
    }

    /**
     * The value at {@code percentile} (0..100), by the one rule of {@link BenchmarkFigures#percentile(double)}: from
     * the raw samples by linear interpolation, else from the distribution, else as the tool reported it; NaN when
     * none is known.
     */
    public double percentile(double percentile) {
        return figures().percentile(percentile);
    }

    /** The headline numbers of this benchmark: centre, spread, n and percentiles (see {@link BenchmarkFigures}). */
    public BenchmarkFigures figures() {
        BenchmarkFigures f = figures;
        if (f == null) {
            // computed once: the figures sort the samples, and tables ask for them per cell
            f = BenchmarkFigures.of(this);
            figures = f;
        }
        return f;
    }

    /** Whether {@code p} is a percentile: a finite number from 0 to 100. */
    public static boolean isPercentile(double p) {
        return p >= 0 && p <= 100;
    }

    /** The key a reported percentile has in {@link #statistics()}: 50 gives {@code p50}, 99.9 gives {@code p99.9}. */
    public static String percentileKey(double percentile) {
        if (!isPercentile(percentile)) {
            throw new IllegalArgumentException("a percentile is a number from 0 to 100, not " + percentile);
        }
        String s = java.math.BigDecimal.valueOf(percentile).stripTrailingZeros().toPlainString();
        return "p" + s;
    }

    @Override
    public String toString() {
        return displayName() + (mode.isEmpty() ? "" : " [" + mode + "]")
                + (metric.equals(PRIMARY) ? "" : " " + metric) + " (" + unit + ")";
    }

    /** Builds a {@link Benchmark}. */
    public static final class Builder {
        private final String name;
        private final Map<String, String> params = new LinkedHashMap<>();
        private String metric = PRIMARY;
        private String mode = "";
        private String unit = "";
        private boolean lowerIsBetter = true;
        private double[] samples;
        private ScoreSummary score;
        private final Map<String, Double> statistics = new LinkedHashMap<>();
        private long count = -1;
        private Distribution distribution;
        private TimedPoints points;
        private IntervalHistograms intervals;
        private BenchmarkStatus status = BenchmarkStatus.OK;
        private String statusMessage = "";
        private final Map<String, String> attributes = new LinkedHashMap<>();

        private Builder(String name) {
            this.name = Objects.requireNonNull(name, "name");
        }

        /** Adds a parameter. */
        public Builder param(String key, String value) {
            params.put(key, value);
            return this;
        }

        /** Adds parameters, keeping their order. */
        public Builder params(Map<String, String> more) {
            params.putAll(more);
            return this;
        }

        /** The metric name; {@link Benchmark#PRIMARY} by default. */
        public Builder metric(String value) {
            metric = Objects.requireNonNull(value, "metric");
            return this;
        }

        /** The JMH mode. */
        public Builder mode(String value) {
            mode = value == null ? "" : value;
            return this;
        }

        /** The unit as the tool prints it. */
        public Builder unit(String value) {
            unit = value == null ? "" : value;
            return this;
        }

        /** Whether lower values are better; true by default. */
        public Builder lowerIsBetter(boolean value) {
            lowerIsBetter = value;
            return this;
        }

        /** The raw samples; copied at build time. */
        public Builder samples(double[] values) {
            samples = values;
            return this;
        }

        /** The reported score with its error. */
        public Builder score(ScoreSummary value) {
            score = value;
            return this;
        }

        /** Adds a reported statistic. */
        public Builder statistic(String key, double value) {
            statistics.put(key, value);
            return this;
        }

        /** Adds a reported percentile under {@link Benchmark#percentileKey(double)}. */
        public Builder reportedPercentile(double percentile, double value) {
            statistics.put(percentileKey(percentile), value);
            return this;
        }

        /**
         * How many measurements; by default the number of samples, else the score's n, else the histogram count,
         * else the intervals' count.
         */
        public Builder count(long value) {
            count = value;
            return this;
        }

        /** The latency distribution. */
        public Builder distribution(Distribution value) {
            distribution = value;
            return this;
        }

        /** The timestamped points. */
        public Builder points(TimedPoints value) {
            points = value;
            return this;
        }

        /** The interval histograms. */
        public Builder intervals(IntervalHistograms value) {
            intervals = value;
            return this;
        }

        /** A failed or skipped benchmark, with the tool's message. */
        public Builder status(BenchmarkStatus value, String message) {
            status = Objects.requireNonNull(value, "status");
            statusMessage = message == null ? "" : message;
            return this;
        }

        /** Adds a further fact. */
        public Builder attribute(String key, String value) {
            attributes.put(key, value);
            return this;
        }

        /** The benchmark. */
        public Benchmark build() {
            return new Benchmark(this);
        }
    }
}
