package dev.perfdesk.store;

import static dev.perfdesk.store.ImportedItems.asLong;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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

/** The stored profiles: listing, loading (samples and timeline), renaming and deleting. */
public final class ProfileRepository {
    private static final String PROFILE_COLUMNS = "p.id, p.name, p.format, p.event, p.unit, p.host, p.command, "
            + "p.start_time_ns, p.duration_ns, p.sample_count, p.total_weight, p.frame_count, p.stack_count, "
            + "p.thread_count, p.timeline_size, s.path, s.sha256, s.imported_at";

    /** One row of the profile query, before its attributes are read. */
    private record Row(long id, String name, String format, String event, String unit, String host, String command,
                       Long startNanos, long durationNanos, long sampleCount, long totalWeight, int frameCount,
                       int stackCount, int threadCount, long timelineSize, String sourcePath, String sourceHash,
                       long importedAtMillis) {
    }

    private final Database db;

    ProfileRepository(Database db) {
        this.db = db;
    }

    /** Every profile, newest import first, in file order within one import. */
    public List<StoredProfile> list() {
        return query("WHERE p.complete = 1 ORDER BY s.imported_at DESC, s.id DESC, p.ordinal", null);
    }

    /** The profile with {@code id}, if any. */
    public Optional<StoredProfile> find(long id) {
        List<StoredProfile> found = query("WHERE p.complete = 1 AND p.id = ?", id);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** The profiles imported from the file with this SHA-256, in file order; empty when it was never imported. */
    public List<StoredProfile> ofSource(String sha256) {
        return query("WHERE p.complete = 1 AND s.sha256 = ? ORDER BY p.ordinal", sha256);
    }

    /**
     * The profiles that carry every label of {@code where} ({@code platform=aws-m6i}), newest import first; all of
     * them when {@code where} is empty.
     */
    public List<StoredProfile> list(Map<String, String> where) {
        if (where.isEmpty()) {
            return list();
        }
        return db.read(c -> {
            List<Object> args = new ArrayList<>();
            String condition = LabelTable.PROFILES.condition("p.id", where, args);
            try (PreparedStatement ps = c.prepareStatement("SELECT " + PROFILE_COLUMNS
                    + " FROM profile p JOIN source_file s ON s.id = p.source_id WHERE p.complete = 1 AND "
                    + condition + " ORDER BY s.imported_at DESC, s.id DESC, p.ordinal")) {
                for (int i = 0; i < args.size(); i++) {
                    ps.setObject(i + 1, args.get(i));
                }
                return read(c, ps);
            }
        });
    }

    /**
     * Adds labels to profile {@code id}, replacing those of the same keys, in one transaction.
     *
     * @return false when there is no profile {@code id}
     * @throws StoreException if a label is not one ({@link dev.perfdesk.core.bench.RunLabels#check})
     */
    public boolean addLabels(long id, Map<String, String> labels) {
        checkLabels(labels);
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM profile WHERE id = ? AND complete = 1")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return false;
                    }
                }
            }
            LabelTable.PROFILES.replace(c, id, labels);
            return true;
        });
    }

    /** Every label key on profiles, with its values and how many profiles carry each. */
    public Map<String, Map<String, Integer>> labelValues() {
        return db.read(LabelTable.PROFILES::keys);
    }

    static void checkLabels(Map<String, String> labels) {
        for (Map.Entry<String, String> e : labels.entrySet()) {
            try {
                dev.perfdesk.core.bench.RunLabels.check(e.getKey(), e.getValue());
            } catch (IllegalArgumentException x) {
                throw new StoreException(x.getMessage(), x);
            }
        }
    }

    /** The profiles attached to run {@code runId}, in the order they were stored. */
    public List<StoredProfile> attachedTo(long runId) {
        return query("WHERE p.complete = 1 AND p.id IN (SELECT profile_id FROM run_profile WHERE run_id = ?) "
                + "ORDER BY p.id", runId);
    }

    private List<StoredProfile> query(String where, Object arg) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + PROFILE_COLUMNS
                    + " FROM profile p JOIN source_file s ON s.id = p.source_id " + where)) {
                if (arg != null) {
                    ps.setObject(1, arg);
                }
                return read(c, ps);
            }
        });
    }

    private static List<StoredProfile> read(Connection c, PreparedStatement ps) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rows.add(new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), asLong(rs.getObject(8)), rs.getLong(9), rs.getLong(10),
                        rs.getLong(11), rs.getInt(12), rs.getInt(13), rs.getInt(14), rs.getLong(15),
                        rs.getString(16), rs.getString(17), rs.getLong(18)));
            }
        }
        List<StoredProfile> out = new ArrayList<>(rows.size());
        for (Row r : rows) {
            ProfileInfo info = new ProfileInfo(r.name(), r.format(), r.event(), WeightUnit.parse(r.unit()),
                    r.sourcePath(), r.sourceHash(), r.host(), r.command(),
                    r.startNanos() == null ? null : Instant.ofEpochSecond(0, r.startNanos()), r.durationNanos(),
                    r.sampleCount(), r.totalWeight(), attributes(c, r.id()));
            out.add(new StoredProfile(r.id(), info, Instant.ofEpochMilli(r.importedAtMillis()), r.frameCount(),
                    r.stackCount(), r.threadCount(), r.timelineSize(), LabelTable.PROFILES.of(c, r.id())));
        }
        return out;
    }

    private static Map<String, String> attributes(Connection c, long profileId) throws SQLException {
        Map<String, String> out = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
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
    public Profile load(long id) {
        return db.read(c -> {
            StoredProfile stored = find(id).orElseThrow(() -> new StoreException("no profile with id " + id
                    + " in " + db.where()));
            try {
                return load(c, id, stored);
            } catch (IllegalArgumentException e) {
                throw new StoreException("profile " + id + " is inconsistent in the store: " + e.getMessage(), e);
            }
        });
    }

    private static Profile load(Connection c, long id, StoredProfile stored) throws SQLException {
        List<Frame> frames = new ArrayList<>(stored.frameCount());
        try (PreparedStatement ps = c.prepareStatement(
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
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT name, pid, tid FROM thread WHERE profile_id = ? ORDER BY idx")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    threads.add(new ThreadInfo(rs.getString(1), rs.getLong(2), rs.getLong(3)));
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT stack_parents, stack_frames, sample_stacks, "
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
    }

    /** Loads a profile's timestamped samples, or null when it has none. */
    public Timeline loadTimeline(long id) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
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
            }
        });
    }

    /** Renames a profile. */
    public boolean rename(long id, String name) {
        return ImportedItems.rename(db, "profile", "a profile", id, name);
    }

    /** Deletes a profile; the file it came from is forgotten once none of its profiles remain. */
    public boolean delete(long id) {
        return ImportedItems.delete(db, "profile", id, StoredComparison.Kind.PROFILE);
    }
}
