package dev.perfdesk.store;

import static dev.perfdesk.store.ImportedItems.asLong;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.perfdesk.core.bench.BenchmarkRun;

/** The stored benchmark and load-test runs: listing, loading whole, renaming and deleting. */
public final class RunRepository {
    private static final String RUN_COLUMNS = "r.id, r.name, r.tool, r.format, r.start_time_ns, r.label, "
            + "r.commit_id, r.benchmark_count, s.path, s.sha256, s.imported_at";

    private final Database db;

    RunRepository(Database db) {
        this.db = db;
    }

    /** Every benchmark run, newest import first, in file order within one import. */
    public List<StoredRun> list() {
        return query("ORDER BY s.imported_at DESC, s.id DESC, r.ordinal");
    }

    /** The run with {@code id}, if any. Run ids are apart from profile ids. */
    public Optional<StoredRun> find(long id) {
        List<StoredRun> found = query("WHERE r.id = ?", (Object) id);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** The runs imported from the file with this SHA-256, in file order; empty when it was never imported. */
    public List<StoredRun> ofSource(String sha256) {
        return query("WHERE s.sha256 = ? ORDER BY r.ordinal", (Object) sha256);
    }

    /**
     * The runs that carry every label of {@code where} ({@code platform=aws-m6i}), newest import first; all of them
     * when {@code where} is empty. Each label is one lookup in the index of labels by key and value.
     */
    public List<StoredRun> list(Map<String, String> where) {
        if (where.isEmpty()) {
            return list();
        }
        List<Object> args = new ArrayList<>();
        String condition = LabelTable.RUNS.condition("r.id", where, args);
        return query("WHERE " + condition + " ORDER BY s.imported_at DESC, s.id DESC, r.ordinal", args.toArray());
    }

    /**
     * Adds labels to run {@code id}, replacing those of the same keys, in one transaction.
     *
     * @return false when there is no run {@code id}
     * @throws StoreException if a label is not one ({@link dev.perfdesk.core.bench.RunLabels#check})
     */
    public boolean addLabels(long id, Map<String, String> labels) {
        ProfileRepository.checkLabels(labels);
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM run WHERE id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return false;
                    }
                }
            }
            LabelTable.RUNS.replace(c, id, labels);
            return true;
        });
    }

    /** The runs profile {@code profileId} is attached to, oldest first. */
    public List<StoredRun> withProfile(long profileId) {
        return query("WHERE r.id IN (SELECT run_id FROM run_profile WHERE profile_id = ?) ORDER BY r.id", profileId);
    }

    /** The ids of the runs that have at least one profile attached. */
    public java.util.Set<Long> idsWithProfiles() {
        return db.read(c -> {
            java.util.Set<Long> out = new java.util.HashSet<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT run_id FROM run_profile");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
            }
            return out;
        });
    }

    /**
     * Attaches the stored profile {@code profileId} to the stored run {@code runId}, in one transaction; the run's
     * labels flow to the profile (see {@link ImportTransaction#link}).
     *
     * @throws StoreException when there is no such run or profile
     */
    public void attachProfile(long runId, long profileId) {
        db.write(c -> {
            RunProfiles.link(c, db.where(), runId, profileId);
            return null;
        });
    }

    /** Every label key on runs, with its values and how many runs carry each, keys and values sorted. */
    public Map<String, Map<String, Integer>> labelValues() {
        return db.read(LabelTable.RUNS::keys);
    }

    private List<StoredRun> query(String where, Object... args) {
        return db.read(c -> {
            List<Row> rows = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + RUN_COLUMNS
                    + " FROM run r JOIN source_file s ON s.id = r.source_id " + where)) {
                for (int i = 0; i < args.length; i++) {
                    if (args[i] != null) {
                        ps.setObject(i + 1, args[i]);
                    }
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(row(rs));
                    }
                }
            }
            // one query for the labels of one run, one for all of them when listing many
            Map<Long, Map<String, String>> labels = rows.size() <= 8 ? null : LabelTable.RUNS.all(c);
            List<StoredRun> out = new ArrayList<>(rows.size());
            for (Row r : rows) {
                Map<String, String> l = labels == null ? LabelTable.RUNS.of(c, r.id) : labels.get(r.id);
                StoredRun x = r.run;
                out.add(new StoredRun(x.id(), x.name(), x.tool(), x.format(), x.startTime(), x.label(), x.commit(),
                        x.benchmarkCount(), x.sourcePath(), x.sourceHash(), x.importedAt(), l));
            }
            return out;
        });
    }

    private record Row(long id, StoredRun run) {
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getLong(1), new StoredRun(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                BenchWriter.instantOfNanos(asLong(rs.getObject(5))), rs.getString(6), rs.getString(7), rs.getInt(8),
                rs.getString(9), rs.getString(10), Instant.ofEpochMilli(rs.getLong(11))));
    }

    /** Loads a run whole: environment, tags and every benchmark with its samples, histogram, points and intervals. */
    public BenchmarkRun load(long id) {
        return db.read(c -> {
            StoredRun stored = find(id).orElseThrow(() -> new StoreException("no run with id " + id + " in "
                    + db.where()));
            try {
                return BenchWriter.readRun(c, stored);
            } catch (IllegalArgumentException e) {
                throw new StoreException("run " + id + " is inconsistent in the store: " + e.getMessage(), e);
            }
        });
    }

    /**
     * Loads every run whole, newest import first as {@link #list()} orders them, in one transaction and one query
     * per table: what a history across all runs needs, without a query per run.
     */
    public List<LoadedRun> loadAll() {
        return db.read(c -> {
            List<StoredRun> stored = list();
            try {
                List<BenchmarkRun> runs = BenchWriter.readRuns(c, stored, false);
                List<LoadedRun> out = new ArrayList<>(stored.size());
                for (int i = 0; i < stored.size(); i++) {
                    out.add(new LoadedRun(stored.get(i), runs.get(i)));
                }
                return out;
            } catch (IllegalArgumentException e) {
                throw new StoreException("a run is inconsistent in the store: " + e.getMessage(), e);
            }
        });
    }

    /** A stored run loaded whole. */
    public record LoadedRun(StoredRun stored, BenchmarkRun run) {
    }

    /** Renames a run. */
    public boolean rename(long id, String name) {
        return ImportedItems.rename(db, "run", "a run", id, name);
    }

    /** Deletes a run; the file it came from is forgotten once nothing imported from it remains. */
    public boolean delete(long id) {
        return ImportedItems.delete(db, "run", id, StoredComparison.Kind.RUN);
    }

    /**
     * Attaches series over time (Prometheus query results) to stored run {@code id}, after its own, in one
     * transaction: all or none are written.
     *
     * @return false when there is no run {@code id}
     */
    public boolean attachSeries(long id, List<dev.perfdesk.core.bench.TimeSeries> series) {
        return db.write(c -> {
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
}
