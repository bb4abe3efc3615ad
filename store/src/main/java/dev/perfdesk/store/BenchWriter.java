package dev.perfdesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.perfdesk.core.bench.Benchmark;
import dev.perfdesk.core.bench.BenchmarkRun;
import dev.perfdesk.core.bench.BenchmarkStatus;
import dev.perfdesk.core.bench.Distribution;
import dev.perfdesk.core.bench.IntervalHistograms;
import dev.perfdesk.core.bench.TimeSeries;
import dev.perfdesk.core.bench.TimedPoints;
import dev.perfdesk.core.stats.ScoreSummary;

/** Writes benchmark runs into the store's tables and reads them back, for {@link ImportTransaction} and the store. */
final class BenchWriter {
    private static final String PARAM = "param";
    private static final String STAT = "stat";
    private static final String ATTR = "attr";

    private BenchWriter() {
    }

    static long writeRun(Engine engine, Connection c, long sourceId, int ordinal, BenchmarkRun run)
            throws SQLException {
        long id;
        try (PreparedStatement ps = engine.insertReturningId(c, "INSERT INTO run(source_id, ordinal, name, tool, "
                + "format, start_time_ns, label, commit_id, benchmark_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, sourceId);
            ps.setInt(2, ordinal);
            ps.setString(3, run.name());
            ps.setString(4, run.tool());
            ps.setString(5, run.format());
            if (run.startTime() == null) {
                ps.setNull(6, Types.INTEGER);
            } else {
                ps.setLong(6, run.startTime().getEpochSecond() * 1_000_000_000L + run.startTime().getNano());
            }
            ps.setString(7, run.label());
            ps.setString(8, run.commit());
            ps.setInt(9, run.benchmarks().size());
            ps.executeUpdate();
            try (ResultSet rs = ps.getGeneratedKeys()) {
                if (!rs.next()) {
                    throw new SQLException("no id was generated");
                }
                id = rs.getLong(1);
            }
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO run_attribute(run_id, kind, ordinal, key, value) VALUES (?, ?, ?, ?, ?)")) {
            addAttributes(ps, id, "env", run.environment());
            addAttributes(ps, id, "tag", run.tags());
            ps.executeBatch();
        }
        LabelTable.RUNS.write(c, id, run.labels());
        try (PreparedStatement bench = c.prepareStatement("INSERT INTO benchmark(run_id, idx, name, metric, mode, "
                + "unit, lower_is_better, count, status, status_message, score, score_error, score_confidence, "
                + "score_n) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement field = c.prepareStatement("INSERT INTO benchmark_field(run_id, bench_idx, kind, "
                     + "ordinal, key, text_value, real_value) VALUES (?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement samples = c.prepareStatement(
                     "INSERT INTO benchmark_samples(run_id, bench_idx, n, data) VALUES (?, ?, ?, ?)");
             PreparedStatement histogram = c.prepareStatement("INSERT INTO benchmark_histogram(run_id, bench_idx, "
                     + "unit, scale, total_count, data) VALUES (?, ?, ?, ?, ?, ?)");
             PreparedStatement points = c.prepareStatement("INSERT INTO benchmark_points(run_id, bench_idx, n, "
                     + "times, vals, tag_ids, tag_sets) VALUES (?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement intervals = c.prepareStatement("INSERT INTO benchmark_intervals(run_id, bench_idx, "
                     + "unit, scale, n, total_count, data) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            List<Benchmark> list = run.benchmarks();
            for (int i = 0; i < list.size(); i++) {
                Benchmark b = list.get(i);
                bench.setLong(1, id);
                bench.setInt(2, i);
                bench.setString(3, b.name());
                bench.setString(4, b.metric());
                bench.setString(5, b.mode());
                bench.setString(6, b.unit());
                bench.setInt(7, b.lowerIsBetter() ? 1 : 0);
                bench.setLong(8, b.count());
                bench.setString(9, b.status().name());
                bench.setString(10, b.statusMessage());
                ScoreSummary s = b.score();
                setReal(bench, 11, s == null ? null : s.score());
                setReal(bench, 12, s == null ? null : s.error());
                setReal(bench, 13, s == null ? null : s.confidence());
                if (s == null) {
                    bench.setNull(14, Types.INTEGER);
                } else {
                    bench.setInt(14, s.n());
                }
                bench.executeUpdate();
                int k = 0;
                for (Map.Entry<String, String> e : b.params().entrySet()) {
                    addField(field, id, i, PARAM, k++, e.getKey(), e.getValue(), null);
                }
                k = 0;
                for (Map.Entry<String, Double> e : b.statistics().entrySet()) {
                    addField(field, id, i, STAT, k++, e.getKey(), null, e.getValue());
                }
                k = 0;
                for (Map.Entry<String, String> e : b.attributes().entrySet()) {
                    addField(field, id, i, ATTR, k++, e.getKey(), e.getValue(), null);
                }
                field.executeBatch();
                if (b.hasSamples()) {
                    double[] v = b.samples();
                    samples.setLong(1, id);
                    samples.setInt(2, i);
                    samples.setInt(3, v.length);
                    samples.setBytes(4, BenchBlobs.encodeDoubles(v));
                    samples.executeUpdate();
                }
                Distribution d = b.distribution();
                if (d != null) {
                    histogram.setLong(1, id);
                    histogram.setInt(2, i);
                    histogram.setString(3, d.unit());
                    histogram.setDouble(4, d.scale());
                    histogram.setLong(5, d.totalCount());
                    histogram.setBytes(6, BenchBlobs.encodeHistogram(d.histogram()));
                    histogram.executeUpdate();
                }
                TimedPoints p = b.points();
                if (p != null) {
                    points.setLong(1, id);
                    points.setInt(2, i);
                    points.setInt(3, p.size());
                    points.setBytes(4, encodeTimes(p.timesNanos()));
                    points.setBytes(5, BenchBlobs.encodeDoubles(p.values()));
                    points.setBytes(6, VarintCodec.encodeInts(p.tagSetIds(), false));
                    points.setBytes(7, BenchBlobs.encodeTagSets(p.tagSets()));
                    points.executeUpdate();
                }
                IntervalHistograms h = b.intervals();
                if (h != null) {
                    intervals.setLong(1, id);
                    intervals.setInt(2, i);
                    intervals.setString(3, h.unit());
                    intervals.setDouble(4, h.scale());
                    intervals.setInt(5, h.size());
                    intervals.setLong(6, h.totalCount());
                    intervals.setBytes(7, BenchBlobs.encodeIntervals(h));
                    intervals.executeUpdate();
                }
            }
        }
        writeSeries(c, id, 0, run.series());
        return id;
    }

    /** Writes {@code series} of run {@code id} from index {@code first} on. */
    static void writeSeries(Connection c, long id, int first, List<TimeSeries> series) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO run_series(run_id, idx, name, unit, source, "
                + "labels, n, times, vals) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < series.size(); i++) {
                TimeSeries t = series.get(i);
                ps.setLong(1, id);
                ps.setInt(2, first + i);
                ps.setString(3, t.name());
                ps.setString(4, t.unit());
                ps.setString(5, t.source());
                ps.setBytes(6, BenchBlobs.encodeTagSets(List.of(t.labels())));
                ps.setInt(7, t.size());
                ps.setBytes(8, encodeTimes(t.timesNanos()));
                ps.setBytes(9, BenchBlobs.encodeDoubles(t.values()));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void addAttributes(PreparedStatement ps, long id, String kind, Map<String, String> map)
            throws SQLException {
        int k = 0;
        for (Map.Entry<String, String> e : map.entrySet()) {
            ps.setLong(1, id);
            ps.setString(2, kind);
            ps.setInt(3, k++);
            ps.setString(4, e.getKey());
            ps.setString(5, e.getValue());
            ps.addBatch();
        }
    }

    private static void addField(PreparedStatement ps, long id, int idx, String kind, int ordinal, String key,
                                 String text, Double real) throws SQLException {
        ps.setLong(1, id);
        ps.setInt(2, idx);
        ps.setString(3, kind);
        ps.setInt(4, ordinal);
        ps.setString(5, key);
        if (text == null) {
            ps.setNull(6, Types.VARCHAR);
        } else {
            ps.setString(6, text);
        }
        setReal(ps, 7, real);
        ps.addBatch();
    }

    /** SQLite stores NaN as NULL; NULL reads back as NaN. */
    private static void setReal(PreparedStatement ps, int index, Double value) throws SQLException {
        if (value == null || value.isNaN()) {
            ps.setNull(index, Types.REAL);
        } else {
            ps.setDouble(index, value);
        }
    }

    private static double getReal(ResultSet rs, int index) throws SQLException {
        Object o = rs.getObject(index);
        return o == null ? Double.NaN : ((Number) o).doubleValue();
    }

    private static byte[] encodeTimes(long[] times) {
        long[] deltas = new long[times.length];
        long last = 0;
        for (int i = 0; i < times.length; i++) {
            deltas[i] = times[i] - last;
            last = times[i];
        }
        return VarintCodec.encodeLongs(deltas);
    }

    private static long[] decodeTimes(byte[] blob) {
        long[] times = VarintCodec.decodeLongs(blob);
        long last = 0;
        for (int i = 0; i < times.length; i++) {
            last += times[i];
            times[i] = last;
        }
        return times;
    }

    /** Reads a run whole: its environment, tags and every benchmark with its blobs and interval histograms. */
    static BenchmarkRun readRun(Connection c, StoredRun stored) throws SQLException {
        return readRuns(c, List.of(stored), true).get(0);
    }

    /**
     * Reads runs whole, as {@link #readRun} does each, in one query per table rather than one per run and table:
     * {@code one} filters each query to the single run given; otherwise {@code runs} must be every run in the
     * store, read in the same transaction. Returned in the order of {@code runs}.
     */
    static List<BenchmarkRun> readRuns(Connection c, List<StoredRun> runs, boolean one) throws SQLException {
        String where = one ? " WHERE run_id = ?" : "";
        Map<Long, Parts> parts = new HashMap<>();
        for (StoredRun r : runs) {
            parts.put(r.id(), new Parts());
        }
        try (PreparedStatement ps = prepare(c, "SELECT run_id, kind, key, value FROM run_attribute" + where
                + " ORDER BY run_id, kind, ordinal", one, runs)) {
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Parts p = parts.get(rs.getLong(1));
                    if (p != null) {
                        ("env".equals(rs.getString(2)) ? p.env : p.tags).put(rs.getString(3), rs.getString(4));
                    }
                }
            }
        }
        try (PreparedStatement ps = prepare(c, "SELECT run_id, name, metric, mode, unit, lower_is_better, count, "
                + "status, status_message, score, score_error, score_confidence, score_n FROM benchmark" + where
                + " ORDER BY run_id, idx", one, runs)) {
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Parts p = parts.get(rs.getLong(1));
                    if (p == null) {
                        continue;
                    }
                    Benchmark.Builder b = Benchmark.builder(rs.getString(2)).metric(rs.getString(3))
                            .mode(rs.getString(4)).unit(rs.getString(5)).lowerIsBetter(rs.getInt(6) != 0)
                            .count(rs.getLong(7));
                    BenchmarkStatus status = BenchmarkStatus.valueOf(rs.getString(8));
                    if (status != BenchmarkStatus.OK) {
                        b.status(status, rs.getString(9));
                    }
                    if (rs.getObject(13) != null) {
                        b.score(new ScoreSummary(getReal(rs, 10), getReal(rs, 11), getReal(rs, 12), rs.getInt(13)));
                    }
                    p.builders.add(b);
                }
            }
        }
        try (PreparedStatement ps = prepare(c, "SELECT run_id, bench_idx, kind, key, text_value, real_value "
                + "FROM benchmark_field" + where + " ORDER BY run_id, bench_idx, kind, ordinal", one, runs)) {
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Parts p = parts.get(rs.getLong(1));
                    if (p == null) {
                        continue;
                    }
                    Benchmark.Builder b = p.builders.get(rs.getInt(2));
                    String kind = rs.getString(3);
                    if (PARAM.equals(kind)) {
                        b.param(rs.getString(4), rs.getString(5));
                    } else if (STAT.equals(kind)) {
                        b.statistic(rs.getString(4), getReal(rs, 6));
                    } else {
                        b.attribute(rs.getString(4), rs.getString(5));
                    }
                }
            }
        }
        try (PreparedStatement ps = prepare(c, "SELECT run_id, bench_idx, data FROM benchmark_samples" + where,
                one, runs)) {
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Parts p = parts.get(rs.getLong(1));
                    if (p != null) {
                        p.builders.get(rs.getInt(2)).samples(BenchBlobs.decodeDoubles(rs.getBytes(3)));
                    }
                }
            }
        }
        try (PreparedStatement ps = prepare(c, "SELECT run_id, bench_idx, unit, scale, data FROM benchmark_histogram"
                + where, one, runs)) {
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Parts p = parts.get(rs.getLong(1));
                    if (p != null) {
                        p.builders.get(rs.getInt(2)).distribution(new Distribution(
                                BenchBlobs.decodeHistogram(rs.getBytes(5)), rs.getString(3), rs.getDouble(4)));
                    }
                }
            }
        }
        try (PreparedStatement ps = prepare(c, "SELECT run_id, bench_idx, times, vals, tag_ids, tag_sets "
                + "FROM benchmark_points" + where, one, runs)) {
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Parts p = parts.get(rs.getLong(1));
                    if (p != null) {
                        p.builders.get(rs.getInt(2)).points(new TimedPoints(decodeTimes(rs.getBytes(3)),
                                BenchBlobs.decodeDoubles(rs.getBytes(4)), VarintCodec.decodeInts(rs.getBytes(5),
                                false), BenchBlobs.decodeTagSets(rs.getBytes(6))));
                    }
                }
            }
        }
        try (PreparedStatement ps = prepare(c, "SELECT run_id, bench_idx, unit, scale, data FROM benchmark_intervals"
                + where, one, runs)) {
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Parts p = parts.get(rs.getLong(1));
                    if (p != null) {
                        p.builders.get(rs.getInt(2)).intervals(BenchBlobs.decodeIntervals(rs.getBytes(5),
                                rs.getString(3), rs.getDouble(4)));
                    }
                }
            }
        }
        try (PreparedStatement ps = prepare(c, "SELECT run_id, name, unit, source, labels, times, vals "
                + "FROM run_series" + where + " ORDER BY run_id, idx", one, runs)) {
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Parts p = parts.get(rs.getLong(1));
                    if (p != null) {
                        p.series.add(new TimeSeries(rs.getString(2), BenchBlobs.decodeTagSets(rs.getBytes(5)).get(0),
                                rs.getString(3), rs.getString(4), decodeTimes(rs.getBytes(6)),
                                BenchBlobs.decodeDoubles(rs.getBytes(7))));
                    }
                }
            }
        }
        List<BenchmarkRun> out = new ArrayList<>(runs.size());
        for (StoredRun stored : runs) {
            Parts p = parts.get(stored.id());
            List<Benchmark> benchmarks = new ArrayList<>(p.builders.size());
            for (Benchmark.Builder b : p.builders) {
                benchmarks.add(b.build());
            }
            out.add(new BenchmarkRun(stored.name(), stored.tool(), stored.format(), stored.startTime(), p.env,
                    stored.label(), stored.commit(), p.tags, benchmarks, p.series, stored.labels()));
        }
        return out;
    }

    /** What is read of one run before its benchmarks are built. */
    private static final class Parts {
        final Map<String, String> env = new LinkedHashMap<>();
        final Map<String, String> tags = new LinkedHashMap<>();
        final List<Benchmark.Builder> builders = new ArrayList<>();
        final List<TimeSeries> series = new ArrayList<>();
    }

    private static PreparedStatement prepare(Connection c, String sql, boolean one, List<StoredRun> runs)
            throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        if (one) {
            ps.setLong(1, runs.get(0).id());
        } else {
            ps.setFetchSize(1000);
        }
        return ps;
    }

    static Instant instantOfNanos(Long nanos) {
        return nanos == null ? null : Instant.ofEpochSecond(0, nanos);
    }
}
