package dev.perfdesk.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.perfdesk.core.model.Frame;
import dev.perfdesk.core.model.FrameKind;
import dev.perfdesk.core.model.Profile;
import dev.perfdesk.core.model.ProfileInfo;
import dev.perfdesk.core.model.SampleTable;
import dev.perfdesk.core.model.StackTable;
import dev.perfdesk.core.model.ThreadInfo;
import dev.perfdesk.core.model.Timeline;
import dev.perfdesk.core.model.WeightUnit;

/**
 * The SQLite store: one file holding every imported profile and benchmark run. Opening applies pending schema
 * migrations; imports go through {@link #beginImport}, one transaction each, so a failed, cancelled or killed import
 * leaves nothing behind.
 * Reads use a connection of their own, so the library stays readable while an import runs (WAL mode).
 *
 * <pre>{@code
 * try (Store store = Store.open(StorePaths.resolve(null))) {
 *     for (StoredProfile p : store.listProfiles()) {
 *         System.out.println(p.id() + "\t" + p.info().name());
 *     }
 * }
 * }</pre>
 */
public final class Store implements AutoCloseable {
    private static final String PROFILE_COLUMNS = "p.id, p.name, p.format, p.event, p.unit, p.host, p.command, "
            + "p.start_time_ns, p.duration_ns, p.sample_count, p.total_weight, p.frame_count, p.stack_count, "
            + "p.thread_count, p.timeline_size, s.path, s.sha256, s.imported_at";

    private final Path path;
    private final Connection reader;

    private Store(Path path, Connection reader) {
        this.path = path;
        this.reader = reader;
    }

    /** Opens or creates the store at {@code path}, creating its folder if needed. */
    public static Store open(Path path) {
        String text = path.toString();
        if (text.matches("[A-Za-z][A-Za-z0-9+.-]+:/.*")) {
            throw new StoreException(text + " looks like a URL; a Perfdesk store is the path of an SQLite file "
                    + "(this version has no server store)");
        }
        if (text.contains("?")) {
            throw new StoreException("the store path " + text + " contains '?', which SQLite's driver would read as "
                    + "connection parameters; choose a path without it");
        }
        Path absolute = path.toAbsolutePath();
        try {
            Path parent = absolute.getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new StoreException("cannot create the folder for the store " + path + ": " + e.getMessage(), e);
        }
        if (Files.isDirectory(absolute)) {
            throw new StoreException(path + " is a folder; give the path of a store file, such as "
                    + absolute.resolve("perfdesk.db"));
        }
        Connection connection = connect(absolute, path.toString());
        try {
            Schema.migrate(connection, path.toString());
        } catch (SQLException e) {
            closeQuietly(connection);
            throw translate(path.toString(), e);
        } catch (RuntimeException e) {
            closeQuietly(connection);
            throw e;
        }
        return new Store(absolute, connection);
    }

    /** How long a writer waits for another one to finish before giving up, in milliseconds. */
    static final int BUSY_TIMEOUT_MILLIS = 10_000;

    static Connection connect(Path absolute, String where) {
        try {
            java.util.Properties properties = new java.util.Properties();
            // Writers take the write lock when their transaction begins, so a second writer waits for it (up to
            // the busy timeout) instead of failing at once when a read lock cannot be upgraded.
            properties.setProperty("transaction_mode", "IMMEDIATE");
            Connection c = DriverManager.getConnection("jdbc:sqlite:" + absolute, properties);
            try (Statement st = c.createStatement()) {
                st.execute("PRAGMA busy_timeout = " + BUSY_TIMEOUT_MILLIS);
                st.execute("PRAGMA foreign_keys = ON");
                Schema.checkOwner(c, where);
                st.execute("PRAGMA journal_mode = WAL");
                st.execute("PRAGMA synchronous = NORMAL");
            } catch (SQLException | RuntimeException e) {
                closeQuietly(c);
                throw e;
            }
            return c;
        } catch (SQLException e) {
            throw translate(where, e);
        }
    }

    static StoreException translate(String where, SQLException e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("SQLITE_NOTADB") || message.contains("file is not a database")) {
            return new StoreException(where + " is not a Perfdesk store (not an SQLite database)", e);
        }
        if (message.contains("SQLITE_CANTOPEN")) {
            return new StoreException("cannot open the store " + where + " (check the path and permissions)", e);
        }
        if (message.contains("SQLITE_READONLY")) {
            return new StoreException("the store " + where + " is read-only", e);
        }
        if (message.contains("SQLITE_BUSY") || message.contains("database is locked")) {
            return new StoreException("the store " + where + " is busy: another Perfdesk kept it locked for "
                    + BUSY_TIMEOUT_MILLIS / 1000 + " s; try again when it has finished", e);
        }
        if (message.contains("SQLITE_CORRUPT")) {
            return new StoreException("the store " + where + " is damaged: " + message, e);
        }
        if (message.contains("SQLITE_FULL")) {
            return new StoreException("the disk holding the store " + where + " is full", e);
        }
        return new StoreException("store " + where + ": " + message, e);
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // nothing more to do
        }
    }

    /** The store file. */
    public Path path() {
        return path;
    }

    /** Every profile, newest import first, in file order within one import. */
    public synchronized List<StoredProfile> listProfiles() {
        return queryProfiles("WHERE p.complete = 1 ORDER BY s.imported_at DESC, s.id DESC, p.ordinal", -1);
    }

    /** The profile with {@code id}, if any. */
    public synchronized Optional<StoredProfile> findProfile(long id) {
        List<StoredProfile> found = queryProfiles("WHERE p.complete = 1 AND p.id = ?", id);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** The profiles imported from the file with this SHA-256, in file order; empty when it was never imported. */
    public synchronized List<StoredProfile> profilesOfSource(String sha256) {
        try (PreparedStatement ps = reader.prepareStatement("SELECT " + PROFILE_COLUMNS
                + " FROM profile p JOIN source_file s ON s.id = p.source_id"
                + " WHERE p.complete = 1 AND s.sha256 = ? ORDER BY p.ordinal")) {
            ps.setString(1, sha256);
            return readProfiles(ps);
        } catch (SQLException e) {
            throw translate(path.toString(), e);
        }
    }

    /** Whether a file of exactly this size was imported before: then hashing first is worth it. */
    public synchronized boolean hasSourceOfSize(long size) {
        try (PreparedStatement ps = reader.prepareStatement("SELECT 1 FROM source_file WHERE size = ? LIMIT 1")) {
            ps.setLong(1, size);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw translate(path.toString(), e);
        }
    }

    private List<StoredProfile> queryProfiles(String where, long id) {
        try (PreparedStatement ps = reader.prepareStatement("SELECT " + PROFILE_COLUMNS
                + " FROM profile p JOIN source_file s ON s.id = p.source_id " + where)) {
            if (id >= 0) {
                ps.setLong(1, id);
            }
            return readProfiles(ps);
        } catch (SQLException e) {
            throw translate(path.toString(), e);
        }
    }

    private List<StoredProfile> readProfiles(PreparedStatement ps) throws SQLException {
        List<StoredProfile> out = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        List<Object[]> rows = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Object[] row = new Object[18];
                for (int i = 0; i < row.length; i++) {
                    row[i] = rs.getObject(i + 1);
                }
                ids.add(rs.getLong(1));
                rows.add(row);
            }
        }
        for (int k = 0; k < rows.size(); k++) {
            Object[] r = rows.get(k);
            Map<String, String> attributes = attributes(ids.get(k));
            Long start = asLong(r[7]);
            ProfileInfo info = new ProfileInfo((String) r[1], (String) r[2], (String) r[3],
                    WeightUnit.parse((String) r[4]), (String) r[15], (String) r[16], (String) r[5], (String) r[6],
                    start == null ? null : Instant.ofEpochSecond(0, start), asLong(r[8]), asLong(r[9]),
                    asLong(r[10]), attributes);
            out.add(new StoredProfile(ids.get(k), info, Instant.ofEpochMilli(asLong(r[17])), asLong(r[11]).intValue(),
                    asLong(r[12]).intValue(), asLong(r[13]).intValue(), asLong(r[14])));
        }
        return out;
    }

    private static Long asLong(Object o) {
        return o == null ? null : ((Number) o).longValue();
    }

    private Map<String, String> attributes(long profileId) throws SQLException {
        Map<String, String> out = new LinkedHashMap<>();
        try (PreparedStatement ps = reader.prepareStatement(
                "SELECT key, value FROM profile_attribute WHERE profile_id = ? ORDER BY ordinal")) {
            ps.setLong(1, profileId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return out;
    }

    /** Loads a profile's frames, stacks, threads and aggregated samples; its timeline is loaded separately. */
    public synchronized Profile loadProfile(long id) {
        StoredProfile stored = findProfile(id).orElseThrow(() -> new StoreException("no profile with id " + id
                + " in " + path));
        try {
            List<Frame> frames = new ArrayList<>(stored.frameCount());
            try (PreparedStatement ps = reader.prepareStatement(
                    "SELECT name, module, kind, address, line FROM frame WHERE profile_id = ? ORDER BY idx")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        frames.add(new Frame(rs.getString(1), rs.getString(2), FrameKind.parse(rs.getString(3)),
                                rs.getString(4), rs.getInt(5)));
                    }
                }
            }
            List<ThreadInfo> threads = new ArrayList<>(stored.threadCount());
            try (PreparedStatement ps = reader.prepareStatement(
                    "SELECT name, pid, tid FROM thread WHERE profile_id = ? ORDER BY idx")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        threads.add(new ThreadInfo(rs.getString(1), rs.getLong(2), rs.getLong(3)));
                    }
                }
            }
            try (PreparedStatement ps = reader.prepareStatement("SELECT stack_parents, stack_frames, sample_stacks, "
                    + "sample_threads, sample_weights, sample_counts FROM profile_data WHERE profile_id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new StoreException("profile " + id + " has no sample data; the store may be damaged");
                    }
                    StackTable stacks = new StackTable(VarintCodec.decodeParents(rs.getBytes(1)),
                            VarintCodec.decodeInts(rs.getBytes(2), true));
                    SampleTable samples = new SampleTable(VarintCodec.decodeInts(rs.getBytes(3), false),
                            VarintCodec.decodeInts(rs.getBytes(4), true), VarintCodec.decodeLongs(rs.getBytes(5)),
                            VarintCodec.decodeLongs(rs.getBytes(6)));
                    return new Profile(stored.info(), frames, stacks, threads, samples, null);
                }
            }
        } catch (SQLException e) {
            throw translate(path.toString(), e);
        } catch (IllegalArgumentException e) {
            throw new StoreException("profile " + id + " is inconsistent in the store: " + e.getMessage(), e);
        }
    }

    /** Loads a profile's timestamped samples, or null when it has none. */
    public synchronized Timeline loadTimeline(long id) {
        try (PreparedStatement ps = reader.prepareStatement(
                "SELECT n, first_time, data FROM timeline_block WHERE profile_id = ? ORDER BY seq")) {
            ps.setLong(1, id);
            List<Object[]> blocks = new ArrayList<>();
            long total = 0;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    blocks.add(new Object[] {rs.getInt(1), rs.getLong(2), rs.getBytes(3)});
                    total += rs.getInt(1);
                }
            }
            if (total == 0) {
                return null;
            }
            return TimelineBlocks.decode(blocks, (int) total);
        } catch (SQLException e) {
            throw translate(path.toString(), e);
        }
    }

    /** Deletes a profile; the file it came from is forgotten once none of its profiles remain. */
    public boolean deleteProfile(long id) {
        return write(c -> {
            long source;
            try (PreparedStatement ps = c.prepareStatement("SELECT source_id FROM profile WHERE id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return false;
                    }
                    source = rs.getLong(1);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM profile WHERE id = ?")) {
                ps.setLong(1, id);
                ps.executeUpdate();
            }
            deleteComparisonsOf(c, StoredComparison.Kind.PROFILE, id);
            forgetSourceIfUnused(c, source);
            return true;
        });
    }

    /** Renames a profile. */
    public boolean renameProfile(long id, String name) {
        if (name == null || name.isBlank()) {
            throw new StoreException("a profile name cannot be empty");
        }
        return write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE profile SET name = ? WHERE id = ?")) {
                ps.setString(1, name.strip());
                ps.setLong(2, id);
                return ps.executeUpdate() == 1;
            }
        });
    }

    private static final String RUN_COLUMNS = "r.id, r.name, r.tool, r.format, r.start_time_ns, r.label, "
            + "r.commit_id, r.benchmark_count, s.path, s.sha256, s.imported_at";

    /** Every benchmark run, newest import first, in file order within one import. */
    public synchronized List<StoredRun> listRuns() {
        return queryRuns("ORDER BY s.imported_at DESC, s.id DESC, r.ordinal", null);
    }

    /** The run with {@code id}, if any. Run ids are apart from profile ids. */
    public synchronized Optional<StoredRun> findRun(long id) {
        List<StoredRun> found = queryRuns("WHERE r.id = ?", id);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** The runs imported from the file with this SHA-256, in file order; empty when it was never imported. */
    public synchronized List<StoredRun> runsOfSource(String sha256) {
        return queryRuns("WHERE s.sha256 = ? ORDER BY r.ordinal", sha256);
    }

    private List<StoredRun> queryRuns(String where, Object arg) {
        try (PreparedStatement ps = reader.prepareStatement("SELECT " + RUN_COLUMNS
                + " FROM run r JOIN source_file s ON s.id = r.source_id " + where)) {
            if (arg != null) {
                ps.setObject(1, arg);
            }
            List<StoredRun> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new StoredRun(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            BenchWriter.instantOfNanos(asLong(rs.getObject(5))), rs.getString(6), rs.getString(7),
                            rs.getInt(8), rs.getString(9), rs.getString(10), Instant.ofEpochMilli(rs.getLong(11))));
                }
            }
            return out;
        } catch (SQLException e) {
            throw translate(path.toString(), e);
        }
    }

    /** Loads a run whole: environment, tags and every benchmark with its samples, histogram, points and intervals. */
    public synchronized dev.perfdesk.core.bench.BenchmarkRun loadRun(long id) {
        StoredRun stored = findRun(id).orElseThrow(() -> new StoreException("no run with id " + id + " in " + path));
        try {
            return BenchWriter.readRun(reader, stored);
        } catch (SQLException e) {
            throw translate(path.toString(), e);
        } catch (IllegalArgumentException e) {
            throw new StoreException("run " + id + " is inconsistent in the store: " + e.getMessage(), e);
        }
    }

    /** Deletes a run; the file it came from is forgotten once nothing imported from it remains. */
    public boolean deleteRun(long id) {
        return write(c -> {
            long source;
            try (PreparedStatement ps = c.prepareStatement("SELECT source_id FROM run WHERE id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return false;
                    }
                    source = rs.getLong(1);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM run WHERE id = ?")) {
                ps.setLong(1, id);
                ps.executeUpdate();
            }
            deleteComparisonsOf(c, StoredComparison.Kind.RUN, id);
            forgetSourceIfUnused(c, source);
            return true;
        });
    }

    /** Every series set (CSV tables of runs), newest import first. */
    public synchronized List<StoredSeries> listSeries() {
        return querySeries("ORDER BY s.imported_at DESC, s.id DESC, x.id", null);
    }

    /** The series set with {@code id}, if any. */
    public synchronized Optional<StoredSeries> findSeries(long id) {
        List<StoredSeries> found = querySeries("WHERE x.id = ?", id);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** The series sets imported from the file with this SHA-256. */
    public synchronized List<StoredSeries> seriesOfSource(String sha256) {
        return querySeries("WHERE s.sha256 = ? ORDER BY x.id", sha256);
    }

    private List<StoredSeries> querySeries(String where, Object arg) {
        try (PreparedStatement ps = reader.prepareStatement("SELECT x.id, x.name, x.runs, x.metrics, s.path, "
                + "s.imported_at FROM series_set x JOIN source_file s ON s.id = x.source_id " + where)) {
            if (arg != null) {
                ps.setObject(1, arg);
            }
            List<StoredSeries> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String metrics = rs.getString(4);
                    out.add(new StoredSeries(rs.getLong(1), rs.getString(2), rs.getInt(3),
                            metrics.isEmpty() ? List.of() : List.of(metrics.split("\n")), rs.getString(5),
                            Instant.ofEpochMilli(rs.getLong(6))));
                }
            }
            return out;
        } catch (SQLException e) {
            throw translate(path.toString(), e);
        }
    }

    /** Loads a series set. */
    public synchronized dev.perfdesk.core.series.SeriesSet loadSeries(long id) {
        try (PreparedStatement ps = reader.prepareStatement("SELECT data FROM series_set WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new StoreException("no series with id s" + id + " in " + path);
                }
                return SeriesCodec.decode(rs.getBytes(1));
            }
        } catch (SQLException e) {
            throw translate(path.toString(), e);
        }
    }

    /** Deletes a series set; the file it came from is forgotten once nothing imported from it remains. */
    public boolean deleteSeries(long id) {
        return write(c -> {
            long source;
            try (PreparedStatement ps = c.prepareStatement("SELECT source_id FROM series_set WHERE id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return false;
                    }
                    source = rs.getLong(1);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM series_set WHERE id = ?")) {
                ps.setLong(1, id);
                ps.executeUpdate();
            }
            forgetSourceIfUnused(c, source);
            return true;
        });
    }

    /** Renames a saved comparison. */
    public boolean renameComparison(long id, String name) {
        if (name == null || name.isBlank()) {
            throw new StoreException("a comparison name cannot be empty");
        }
        return write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE comparison SET name = ? WHERE id = ?")) {
                ps.setString(1, name.strip());
                ps.setLong(2, id);
                return ps.executeUpdate() == 1;
            }
        });
    }

    /** Renames a series set. */
    public boolean renameSeries(long id, String name) {
        if (name == null || name.isBlank()) {
            throw new StoreException("a series name cannot be empty");
        }
        return write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE series_set SET name = ? WHERE id = ?")) {
                ps.setString(1, name.strip());
                ps.setLong(2, id);
                return ps.executeUpdate() == 1;
            }
        });
    }

    /** Deletes the source file's row once no profile, run or series imported from it remains. */
    static void forgetSourceIfUnused(Connection c, long source) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM source_file WHERE id = ? "
                + "AND NOT EXISTS (SELECT 1 FROM profile WHERE source_id = ?) "
                + "AND NOT EXISTS (SELECT 1 FROM run WHERE source_id = ?) "
                + "AND NOT EXISTS (SELECT 1 FROM series_set WHERE source_id = ?)")) {
            for (int i = 1; i <= 4; i++) {
                ps.setLong(i, source);
            }
            ps.executeUpdate();
        }
    }

    /** Every review of a change point, acknowledged or dismissed, keyed as the series analysis keys them. */
    public synchronized dev.perfdesk.core.series.ChangePointReviews reviews() {
        java.util.Map<dev.perfdesk.core.series.ChangePointKey, dev.perfdesk.core.series.ChangePointReview> map =
                new java.util.HashMap<>();
        try (PreparedStatement ps = reader.prepareStatement(
                "SELECT series, metric, time_ms, status, reason FROM change_point_review");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                map.put(new dev.perfdesk.core.series.ChangePointKey(rs.getString(1), rs.getString(2), rs.getLong(3)),
                        new dev.perfdesk.core.series.ChangePointReview(
                                dev.perfdesk.core.series.ReviewStatus.valueOf(rs.getString(4)), rs.getString(5)));
            }
        } catch (SQLException e) {
            throw translate(path.toString(), e);
        } catch (IllegalArgumentException e) {
            throw new StoreException("a change-point review has an unknown status; the store may be damaged", e);
        }
        return dev.perfdesk.core.series.ChangePointReviews.of(map);
    }

    /** Records a review of a change point; {@code NEW} removes the review. */
    public void saveReview(dev.perfdesk.core.series.ChangePointKey key,
                           dev.perfdesk.core.series.ChangePointReview review) {
        write(c -> {
            if (review.status() == dev.perfdesk.core.series.ReviewStatus.NEW) {
                try (PreparedStatement ps = c.prepareStatement(
                        "DELETE FROM change_point_review WHERE series = ? AND metric = ? AND time_ms = ?")) {
                    ps.setString(1, key.series());
                    ps.setString(2, key.metric());
                    ps.setLong(3, key.time());
                    ps.executeUpdate();
                }
                return null;
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT OR REPLACE INTO change_point_review(series, "
                    + "metric, time_ms, status, reason, reviewed_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, key.series());
                ps.setString(2, key.metric());
                ps.setLong(3, key.time());
                ps.setString(4, review.status().name());
                ps.setString(5, review.reason());
                ps.setLong(6, System.currentTimeMillis());
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** Renames a run. */
    public boolean renameRun(long id, String name) {
        if (name == null || name.isBlank()) {
            throw new StoreException("a run name cannot be empty");
        }
        return write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE run SET name = ? WHERE id = ?")) {
                ps.setString(1, name.strip());
                ps.setLong(2, id);
                return ps.executeUpdate() == 1;
            }
        });
    }

    /**
     * Attaches series over time (Prometheus query results) to a stored run, after its own; all or none are written.
     *
     * @return false when there is no run {@code id}
     */
    public boolean attachSeries(long id, List<dev.perfdesk.core.bench.TimeSeries> series) {
        return write(c -> {
            int first;
            try (PreparedStatement ps = c.prepareStatement("SELECT (SELECT COUNT(*) FROM run WHERE id = ?), "
                    + "(SELECT COALESCE(MAX(idx) + 1, 0) FROM run_series WHERE run_id = ?)")) {
                ps.setLong(1, id);
                ps.setLong(2, id);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getInt(1) == 0) {
                        return false;
                    }
                    first = rs.getInt(2);
                }
            }
            BenchWriter.writeSeries(c, id, first, series);
            return true;
        });
    }

    private static final String COMPARISON_COLUMNS = "id, name, kind, baseline_id, candidate_id, threshold, alpha, "
            + "created_at, verdict";

    /**
     * Saves a comparison of two runs or two profiles.
     *
     * <pre>{@code
     * StoredComparison c = store.saveComparison("main vs branch", StoredComparison.Kind.RUN, 3, 4, 0.05, 0.05,
     *         "PASS");
     * }</pre>
     *
     * @param name      a name for people; blank for "baseline vs candidate" from the sides' names
     * @param threshold the noise threshold as a fraction, at least 0
     * @param alpha     the significance level, in (0, 1)
     * @param verdict   the verdict to show in lists
     * @throws StoreException if a side does not exist or a threshold is out of range
     */
    public StoredComparison saveComparison(String name, StoredComparison.Kind kind, long baselineId, long candidateId,
                                           double threshold, double alpha, String verdict) {
        if (!(threshold >= 0) || Double.isInfinite(threshold)) {
            throw new StoreException("a comparison's threshold must be a number >= 0: " + threshold);
        }
        if (!(alpha > 0 && alpha < 1)) {
            throw new StoreException("a comparison's alpha must be within 0 and 1: " + alpha);
        }
        String baseName = sideName(kind, baselineId);
        String candName = sideName(kind, candidateId);
        String title = name == null || name.isBlank() ? baseName + " vs " + candName : name.strip();
        Instant now = Instant.now();
        long id = write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO comparison (name, kind, baseline_id, "
                    + "candidate_id, threshold, alpha, created_at, verdict) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, title);
                ps.setString(2, kind.id());
                ps.setLong(3, baselineId);
                ps.setLong(4, candidateId);
                ps.setDouble(5, threshold);
                ps.setDouble(6, alpha);
                ps.setLong(7, now.toEpochMilli());
                ps.setString(8, verdict == null ? "" : verdict);
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
        return findComparison(id).orElseThrow();
    }

    private String sideName(StoredComparison.Kind kind, long id) {
        if (kind == StoredComparison.Kind.RUN) {
            return findRun(id).map(StoredRun::name)
                    .orElseThrow(() -> new StoreException("no run with id r" + id + " in " + path));
        }
        return findProfile(id).map(p -> p.info().name())
                .orElseThrow(() -> new StoreException("no profile with id " + id + " in " + path));
    }

    /** Every saved comparison, newest first. */
    public synchronized List<StoredComparison> listComparisons() {
        return queryComparisons("ORDER BY created_at DESC, id DESC", null);
    }

    /** The saved comparison with {@code id}, if any. Comparison ids are apart from run and profile ids. */
    public synchronized Optional<StoredComparison> findComparison(long id) {
        List<StoredComparison> found = queryComparisons("WHERE id = ?", id);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** Deletes a saved comparison; its runs or profiles stay. */
    public boolean deleteComparison(long id) {
        return write(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM comparison WHERE id = ?")) {
                ps.setLong(1, id);
                return ps.executeUpdate() == 1;
            }
        });
    }

    private static void deleteComparisonsOf(Connection c, StoredComparison.Kind kind, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "DELETE FROM comparison WHERE kind = ? AND (baseline_id = ? OR candidate_id = ?)")) {
            ps.setString(1, kind.id());
            ps.setLong(2, id);
            ps.setLong(3, id);
            ps.executeUpdate();
        }
    }

    private List<StoredComparison> queryComparisons(String where, Object arg) {
        try (PreparedStatement ps = reader.prepareStatement("SELECT " + COMPARISON_COLUMNS + " FROM comparison "
                + where)) {
            if (arg != null) {
                ps.setObject(1, arg);
            }
            List<StoredComparison> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new StoredComparison(rs.getLong(1), rs.getString(2),
                            StoredComparison.Kind.of(rs.getString(3)), rs.getLong(4), rs.getLong(5), rs.getDouble(6),
                            rs.getDouble(7), Instant.ofEpochMilli(rs.getLong(8)), rs.getString(9)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw translate(path.toString(), e);
        }
    }

    /**
     * Starts an import: everything given to the returned sink is written inside one transaction that only
     * {@link ImportTransaction#commit} makes visible.
     *
     * @param file   the file being imported, as the user named it
     * @param format the importer's format id
     * @param size   the file's size in bytes
     */
    public ImportTransaction beginImport(Path file, String format, long size) {
        return new ImportTransaction(this, connect(path, path.toString()), file, format, size);
    }

    interface SqlWork<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T write(SqlWork<T> work) {
        try (Connection c = connect(path, path.toString())) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw translate(path.toString(), e);
        }
    }

    @Override
    public synchronized void close() {
        closeQuietly(reader);
    }
}
