package dev.perfdesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Saved comparisons of two runs or two profiles: saving, listing, renaming and deleting. */
public final class ComparisonRepository {
    private static final String COLUMNS = "id, name, kind, baseline_id, candidate_id, threshold, alpha, "
            + "created_at, verdict";

    private final Database db;
    private final ProfileRepository profiles;
    private final RunRepository runs;

    ComparisonRepository(Database db, ProfileRepository profiles, RunRepository runs) {
        this.db = db;
        this.profiles = profiles;
        this.runs = runs;
    }

    /**
     * Saves a comparison of two runs or two profiles.
     *
     * <pre>{@code
     * StoredComparison c = store.comparisons().save("main vs branch", StoredComparison.Kind.RUN, 3, 4, 0.05, 0.05,
     *         "PASS");
     * }</pre>
     *
     * @param name      a name for people; blank for "baseline vs candidate" from the sides' names
     * @param threshold the noise threshold as a fraction, at least 0
     * @param alpha     the significance level, in (0, 1)
     * @param verdict   the verdict to show in lists
     * @throws StoreException if a side does not exist or a threshold is out of range
     */
    public StoredComparison save(String name, StoredComparison.Kind kind, long baselineId, long candidateId,
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
        long id = db.write(c -> {
            try (PreparedStatement ps = db.engine().insertReturningId(c, "INSERT INTO comparison (name, kind, "
                    + "baseline_id, candidate_id, threshold, alpha, created_at, verdict) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
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
        return find(id).orElseThrow();
    }

    private String sideName(StoredComparison.Kind kind, long id) {
        if (kind == StoredComparison.Kind.RUN) {
            return runs.find(id).map(StoredRun::name)
                    .orElseThrow(() -> new StoreException("no run with id r" + id + " in " + db.where()));
        }
        return profiles.find(id).map(p -> p.info().name())
                .orElseThrow(() -> new StoreException("no profile with id " + id + " in " + db.where()));
    }

    /** Every saved comparison, newest first. */
    public List<StoredComparison> list() {
        return query("ORDER BY created_at DESC, id DESC", null);
    }

    /** The saved comparison with {@code id}, if any. Comparison ids are apart from run and profile ids. */
    public Optional<StoredComparison> find(long id) {
        List<StoredComparison> found = query("WHERE id = ?", id);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** Renames a saved comparison. */
    public boolean rename(long id, String name) {
        return ImportedItems.rename(db, "comparison", "a comparison", id, name);
    }

    /** Deletes a saved comparison; its runs or profiles stay. */
    public boolean delete(long id) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM comparison WHERE id = ?")) {
                ps.setLong(1, id);
                return ps.executeUpdate() == 1;
            }
        });
    }

    /** Deletes the comparisons of this kind that have the item {@code id} on either side. */
    static void deleteComparisonsOf(Connection c, StoredComparison.Kind kind, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "DELETE FROM comparison WHERE kind = ? AND (baseline_id = ? OR candidate_id = ?)")) {
            ps.setString(1, kind.id());
            ps.setLong(2, id);
            ps.setLong(3, id);
            ps.executeUpdate();
        }
    }

    private List<StoredComparison> query(String where, Object arg) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM comparison " + where)) {
                if (arg != null) {
                    ps.setObject(1, arg);
                }
                List<StoredComparison> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new StoredComparison(rs.getLong(1), rs.getString(2),
                                StoredComparison.Kind.of(rs.getString(3)), rs.getLong(4), rs.getLong(5),
                                rs.getDouble(6), rs.getDouble(7), Instant.ofEpochMilli(rs.getLong(8)),
                                rs.getString(9)));
                    }
                }
                return out;
            }
        });
    }
}
