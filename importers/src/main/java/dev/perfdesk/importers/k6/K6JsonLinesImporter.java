package dev.perfdesk.importers.k6;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.HdrHistogram.Histogram;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;

import dev.perfdesk.core.bench.Benchmark;
import dev.perfdesk.core.bench.BenchmarkRun;
import dev.perfdesk.core.bench.Distribution;
import dev.perfdesk.core.bench.TimedPoints;
import dev.perfdesk.core.progress.ProgressMonitor;
import dev.perfdesk.core.spi.ImportSink;
import dev.perfdesk.importers.json.JsonShape;
import dev.perfdesk.importers.spi.ByteLineReader;
import dev.perfdesk.importers.spi.ImportException;
import dev.perfdesk.importers.spi.ImportSource;
import dev.perfdesk.importers.spi.Importer;

/**
 * Reads the NDJSON k6 writes with {@code --out json}: a {@code Metric} line declares each metric, and a
 * {@code Point} line gives one measurement with its time and tags. Streams line by line with Jackson's parser, so
 * files of any size are read in constant memory per point. Trend metrics ({@code http_req_duration}, ...) become
 * benchmarks with every point (time, value, tags), the values as raw samples and an HdrHistogram of them (time
 * trends in milliseconds, recorded in microseconds). Counters, gauges and rates keep only their totals: count and
 * sum, last, min and max, or the share of non-zero values.
 */
public final class K6JsonLinesImporter implements Importer {
    public static final String FORMAT = "k6-ndjson";
    private static final int MAX_LINE = 1 << 20;
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public String description() {
        return "k6 JSON lines (--out json)";
    }

    @Override
    public int detect(byte[] head) {
        JsonShape shape = JsonShape.of(head, 2);
        if (shape.isJson() && !shape.rootIsArray() && shape.hasAll("/type", "/data", "/metric")
                && (shape.hasString("/type", "Metric") || shape.hasString("/type", "Point"))) {
            return 90;
        }
        return 0;
    }

    /** One metric while its points arrive. */
    private static final class Metric {
        final String name;
        String type = "";
        String contains = "";
        TimedPoints.Builder points;
        double[] values = new double[0];
        long n;
        double sum;
        double last = Double.NaN;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        long nonZero;

        Metric(String name) {
            this.name = name;
        }
    }

    @Override
    public void read(ImportSource source, ImportSink sink, ProgressMonitor monitor)
            throws IOException, ImportException {
        Path file = source.path();
        Map<String, Metric> metrics = new LinkedHashMap<>();
        long firstTime = Long.MAX_VALUE;
        long points = 0;
        try (InputStream in = source.open()) {
            ByteLineReader lines = new ByteLineReader(in, source, MAX_LINE, monitor);
            Line line = new Line();
            while (lines.next()) {
                if (lines.end() == lines.start()) {
                    continue;
                }
                try (JsonParser p = FACTORY.createParser(lines.buffer(), lines.start(), lines.end() - lines.start())) {
                    line.parse(p);
                } catch (JsonProcessingException e) {
                    String problem = lines.lastLineUnterminated()
                            ? "the file ends in the middle of a line; it looks truncated"
                            : "not a k6 JSON line: "
                            + dev.perfdesk.importers.json.JsonErrors.describe(e);
                    throw new ImportException(file, lines.lineNumber(), lines.lineOffset(), problem, e);
                }
                if (line.metric == null || line.type == null) {
                    throw new ImportException(file, lines.lineNumber(), lines.lineOffset(),
                            "expected a k6 line with \"type\", \"metric\" and \"data\"");
                }
                Metric m = metrics.computeIfAbsent(line.metric, Metric::new);
                if (line.type.equals("Metric")) {
                    m.type = line.metricType == null ? "" : line.metricType;
                    m.contains = line.contains == null ? "" : line.contains;
                    continue;
                }
                if (!line.type.equals("Point")) {
                    continue;
                }
                if (line.time == null || !line.hasValue) {
                    throw new ImportException(file, lines.lineNumber(), lines.lineOffset(),
                            "a k6 point needs \"data\" with \"time\" and \"value\"");
                }
                long nanos;
                try {
                    Instant t = OffsetDateTime.parse(line.time).toInstant();
                    nanos = Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000_000L), t.getNano());
                } catch (DateTimeParseException | ArithmeticException e) {
                    throw new ImportException(file, lines.lineNumber(), lines.lineOffset(),
                            "expected an RFC 3339 time such as 2024-05-01T12:00:00.123Z, found \"" + line.time + "\"");
                }
                double v = line.value;
                if (!Double.isFinite(v) || ("time".equals(m.contains) && v < 0)) {
                    throw new ImportException(file, lines.lineNumber(), lines.lineOffset(), "the value of "
                            + m.name + " must be a finite number" + ("time".equals(m.contains) ? " >= 0" : "")
                            + ", found " + v);
                }
                firstTime = Math.min(firstTime, nanos);
                points++;
                add(m, nanos, v, line.tags);
            }
        } catch (java.util.zip.ZipException | java.io.EOFException e) {
            throw source.damaged(e);
        }
        if (points == 0) {
            throw ImportException.whole(file, "the file has no k6 points (lines with \"type\":\"Point\")");
        }
        List<Benchmark> benchmarks = new ArrayList<>();
        for (Metric m : metrics.values()) {
            if (m.n == 0) {
                continue;
            }
            benchmarks.add(benchmark(m));
        }
        Instant start = Instant.ofEpochSecond(0, firstTime);
        sink.addRun(new BenchmarkRun(source.fileName(), "k6", FORMAT, start, Map.of(), "", "", Map.of(), benchmarks));
    }

    private static void add(Metric m, long nanos, double v, Map<String, String> tags) {
        m.n++;
        m.sum += v;
        m.last = v;
        m.min = Math.min(m.min, v);
        m.max = Math.max(m.max, v);
        if (v != 0) {
            m.nonZero++;
        }
        if (isTrend(m)) {
            if (m.points == null) {
                m.points = new TimedPoints.Builder();
            }
            m.points.add(nanos, v, tags);
            if (m.n > m.values.length) {
                m.values = Arrays.copyOf(m.values, Math.max(256, m.values.length * 2));
            }
            m.values[(int) m.n - 1] = v;
        }
    }

    private static boolean isTrend(Metric m) {
        return m.type.equals("trend") || m.type.isEmpty();
    }

    private static Benchmark benchmark(Metric m) {
        String type = m.type.isEmpty() ? "trend" : m.type;
        String contains = m.contains.isEmpty() ? K6Metrics.containsOf(m.name, type) : m.contains;
        Benchmark.Builder b = Benchmark.builder(m.name).unit(K6Metrics.unit(type, contains))
                .lowerIsBetter(K6Metrics.lowerIsBetter(m.name, type)).count(m.n).attribute("type", type);
        switch (type) {
            case "trend": {
                double[] values = Arrays.copyOf(m.values, (int) m.n);
                b.samples(values).points(m.points.build());
                b.statistic("avg", m.sum / m.n).statistic("min", m.min).statistic("max", m.max);
                if (m.min >= 0) {
                    Histogram h = new Histogram(Distribution.SIGNIFICANT_DIGITS);
                    for (double v : values) {
                        h.recordValue(Distribution.toRecorded(v, 1000));
                    }
                    b.distribution(new Distribution(h, K6Metrics.unit(type, contains), 1000));
                }
                break;
            }
            case "counter":
                b.statistic("count", m.sum);
                break;
            case "rate":
                b.statistic("rate", (double) m.nonZero / m.n).statistic("passes", m.nonZero)
                        .statistic("fails", m.n - m.nonZero);
                break;
            default:
                b.statistic("value", m.last).statistic("min", m.min).statistic("max", m.max);
                break;
        }
        return b.build();
    }

    /** The fields of one line, read with the streaming parser. */
    private static final class Line {
        String type;
        String metric;
        String metricType;
        String contains;
        String time;
        double value;
        boolean hasValue;
        Map<String, String> tags = new LinkedHashMap<>();

        void parse(JsonParser p) throws IOException {
            type = null;
            metric = null;
            metricType = null;
            contains = null;
            time = null;
            hasValue = false;
            tags = new LinkedHashMap<>();
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new com.fasterxml.jackson.core.JsonParseException(p, "expected a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken t = p.nextToken();
                switch (field) {
                    case "type":
                        type = p.getValueAsString();
                        break;
                    case "metric":
                        metric = p.getValueAsString();
                        break;
                    case "data":
                        if (t == JsonToken.START_OBJECT) {
                            data(p);
                        } else {
                            p.skipChildren();
                        }
                        break;
                    default:
                        p.skipChildren();
                        break;
                }
            }
            if (p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null) {
                throw new com.fasterxml.jackson.core.JsonParseException(p, "expected one JSON object per line");
            }
        }

        private void data(JsonParser p) throws IOException {
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken t = p.nextToken();
                switch (field) {
                    case "time":
                        time = p.getValueAsString();
                        break;
                    case "value":
                        if (t.isNumeric()) {
                            value = p.getDoubleValue();
                            hasValue = true;
                        }
                        break;
                    case "type":
                        metricType = p.getValueAsString();
                        break;
                    case "contains":
                        contains = p.getValueAsString();
                        break;
                    case "name":
                        if (metric == null) {
                            metric = p.getValueAsString();
                        }
                        break;
                    case "tags":
                        if (t == JsonToken.START_OBJECT) {
                            while (p.nextToken() == JsonToken.FIELD_NAME) {
                                String key = p.currentName();
                                JsonToken v = p.nextToken();
                                if (v.isScalarValue() && v != JsonToken.VALUE_NULL) {
                                    tags.put(key, p.getText());
                                } else {
                                    p.skipChildren();
                                }
                            }
                        } else {
                            p.skipChildren();
                        }
                        break;
                    default:
                        p.skipChildren();
                        break;
                }
            }
        }
    }
}
