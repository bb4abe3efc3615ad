package dev.perfdesk.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.perfdesk.core.bench.BenchmarkRun;
import dev.perfdesk.core.bench.RunLabels;
import dev.perfdesk.core.model.Frame;
import dev.perfdesk.core.model.Profile;
import dev.perfdesk.core.model.ProfileInfo;
import dev.perfdesk.core.model.SampleTable;
import dev.perfdesk.core.model.StackTable;
import dev.perfdesk.core.model.ThreadInfo;
import dev.perfdesk.core.c2c.C2cReport;
import dev.perfdesk.core.c2c.FalseSharing;
import dev.perfdesk.core.series.SeriesSet;
import dev.perfdesk.core.spi.ImportSink;
import dev.perfdesk.core.model.TimelineWriter;

/**
 * One import, as one database transaction on a connection of its own. Profiles and their timelines, and benchmark
 * runs, are written as the importer delivers them; {@link #commit} makes them visible, and {@link #close} without a
 * commit (an error, a cancel) rolls everything back. A process killed mid-import, or a connection lost, leaves an
 * uncommitted transaction that the database discards (SQLite's WAL tail, PostgreSQL's aborted transaction). The
 * file's content hash is unique in the store, enforced by the database, so concurrent imports of the same file,
 * even from other processes, keep one copy.
 *
 * <pre>{@code
 * try (ImportTransaction tx = store.beginImport(file, importer.format(), size)) {
 *     importer.read(source, tx, monitor);
 *     ImportTransaction.Outcome outcome = tx.commit(sha256);
 * }
 * }</pre>
 */
public final class ImportTransaction implements ImportSink, AutoCloseable {

    /**
     * What a commit did.
     *
     * @param profiles  the profiles now in the store for this file, in file order
     * @param runs      the benchmark runs now in the store for this file, in file order
     * @param series    the series sets now in the store for this file
     * @param c2c       the perf c2c reports now in the store for this file
     * @param duplicate true when the file's content was imported before: nothing new was written and
     *                  {@code profiles}, {@code runs}, {@code series} and {@code c2c} are the earlier ones
     */
    public record Outcome(List<StoredProfile> profiles, List<StoredRun> runs, List<StoredSeries> series,
                          List<StoredC2c> c2c, boolean duplicate) {

        /** Copies the lists. */
        public Outcome {
            profiles = List.copyOf(profiles);
            runs = List.copyOf(runs);
            series = List.copyOf(series);
            c2c = List.copyOf(c2c);
        }

        /** An outcome without c2c reports. */
        public Outcome(List<StoredProfile> profiles, List<StoredRun> runs, List<StoredSeries> series,
                       boolean duplicate) {
            this(profiles, runs, series, List.of(), duplicate);
        }

        /** An outcome with profiles and runs only. */
        public Outcome(List<StoredProfile> profiles, List<StoredRun> runs, boolean duplicate) {
            this(profiles, runs, List.of(), duplicate);
        }

        /** An outcome with profiles only. */
        public Outcome(List<StoredProfile> profiles, boolean duplicate) {
            this(profiles, List.of(), List.of(), duplicate);
        }
    }

    private final Store store;
    private final Database db;
    private final Connection connection;
    private Path file;
    private String format;
    private long sourceId;
    private int ordinal;
    private int runOrdinal;
    private boolean done;
    private Map<String, String> labels = Map.of();
    /** The profiles and runs written for the current file, for {@link #stage}. */
    private final List<Long> profileIds = new ArrayList<>();
    private final List<Long> runIds = new ArrayList<>();
    /** The files staged so far, by content hash. */
    private final Map<String, Staged> staged = new java.util.HashMap<>();
    /** Whether the current file is staged, so that only {@link #nextFile} or {@link #commit()} may follow. */
    private boolean fileStaged;

    /**
     * What {@link #stage} did with one file of a transaction of several.
     *
     * @param profileIds the file's profiles, in file order: the new ones, or the earlier ones of a duplicate
     * @param runIds     the file's benchmark runs, likewise
     * @param duplicate  true when the same content is already in the store (or staged before in this transaction),
     *                   so nothing new was kept for this file
     */
    public record Staged(List<Long> profileIds, List<Long> runIds, boolean duplicate) {
        /** Copies the lists. */
        public Staged {
            profileIds = List.copyOf(profileIds);
            runIds = List.copyOf(runIds);
        }
    }

    ImportTransaction(Store store, Database db, Path file, String format, long size) {
        this.store = store;
        this.db = db;
        this.connection = db.openTransaction();
        try {
            beginSource(file, format, size);
        } catch (SQLException e) {
            abort();
            throw db.translate(e);
        }
    }

    private void beginSource(Path file, String format, long size) throws SQLException {
        this.file = file;
        this.format = format;
        ordinal = 0;
        runOrdinal = 0;
        profileIds.clear();
        runIds.clear();
        fileStaged = false;
        try (PreparedStatement ps = db.engine().insertReturningId(connection, "INSERT INTO source_file(path, "
                + "sha256, size, format, imported_at) VALUES (?, ?, ?, ?, ?)")) {
            ps.setString(1, file.toString());
            ps.setString(2, "pending:" + UUID.randomUUID());
            ps.setLong(3, size);
            ps.setString(4, format);
            ps.setLong(5, System.currentTimeMillis());
            ps.executeUpdate();
            sourceId = generatedKey(ps);
        }
    }

    private static long generatedKey(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.getGeneratedKeys()) {
            if (!rs.next()) {
                throw new SQLException("no id was generated");
            }
            return rs.getLong(1);
        }
    }

    private long insertPlaceholder() throws SQLException {
        try (PreparedStatement ps = db.engine().insertReturningId(connection, "INSERT INTO profile(source_id, "
                + "ordinal, name, format, event, unit, host, command, duration_ns, sample_count, total_weight, "
                + "frame_count, stack_count, thread_count, timeline_size) "
                + "VALUES (?, ?, '', ?, '', 'samples', '', '', -1, 0, 0, 0, 0, 0, 0)")) {
            ps.setLong(1, sourceId);
            ps.setInt(2, ordinal++);
            ps.setString(3, format);
            ps.executeUpdate();
            return generatedKey(ps);
        }
    }

    @Override
    public TimelineWriter openTimeline() {
        check();
        try {
            return new BlockWriter(insertPlaceholder());
        } catch (SQLException e) {
            throw db.translate(e);
        }
    }

    @Override
    public void addProfile(Profile profile, TimelineWriter timeline) {
        check();
        try {
            long id;
            long timelineSize = 0;
            if (timeline instanceof BlockWriter && ((BlockWriter) timeline).owner() == this) {
                BlockWriter writer = (BlockWriter) timeline;
                writer.flush();
                id = writer.profileId;
                timelineSize = writer.written;
            } else {
                id = insertPlaceholder();
            }
            writeProfile(id, profile, timelineSize);
            LabelTable.PROFILES.write(connection, id, labels);
            profileIds.add(id);
        } catch (SQLException e) {
            throw db.translate(e);
        }
    }

    private void writeProfile(long id, Profile profile, long timelineSize) throws SQLException {
        ProfileInfo info = profile.info();
        try (PreparedStatement ps = connection.prepareStatement("UPDATE profile SET complete = 1, name = ?, format = ?, "
                + "event = ?, unit = ?, host = ?, command = ?, start_time_ns = ?, duration_ns = ?, sample_count = ?, "
                + "total_weight = ?, frame_count = ?, stack_count = ?, thread_count = ?, timeline_size = ? "
                + "WHERE id = ?")) {
            ps.setString(1, info.name());
            ps.setString(2, info.format());
            ps.setString(3, info.event());
            ps.setString(4, info.unit().symbol());
            ps.setString(5, info.host());
            ps.setString(6, info.command());
            if (info.startTime() == null) {
                ps.setNull(7, java.sql.Types.INTEGER);
            } else {
                ps.setLong(7, info.startTime().getEpochSecond() * 1_000_000_000L + info.startTime().getNano());
            }
            ps.setLong(8, info.durationNanos());
            ps.setLong(9, info.sampleCount());
            ps.setLong(10, info.totalWeight());
            ps.setInt(11, profile.frames().size());
            ps.setInt(12, profile.stacks().size());
            ps.setInt(13, profile.threads().size());
            ps.setLong(14, timelineSize);
            ps.setLong(15, id);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = connection.prepareStatement(
                "INSERT INTO profile_attribute(profile_id, ordinal, key, value) VALUES (?, ?, ?, ?)")) {
            int k = 0;
            for (Map.Entry<String, String> e : info.attributes().entrySet()) {
                ps.setLong(1, id);
                ps.setInt(2, k++);
                ps.setString(3, e.getKey());
                ps.setString(4, e.getValue());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = connection.prepareStatement(
                "INSERT INTO frame(profile_id, idx, name, module, kind, address, line) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            List<Frame> frames = profile.frames();
            for (int i = 0; i < frames.size(); i++) {
                Frame f = frames.get(i);
                ps.setLong(1, id);
                ps.setInt(2, i);
                ps.setString(3, f.name());
                ps.setString(4, f.module());
                ps.setString(5, f.kind().name());
                ps.setString(6, f.address());
                ps.setInt(7, f.line());
                ps.addBatch();
                if ((i & 8191) == 8191) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = connection.prepareStatement(
                "INSERT INTO thread(profile_id, idx, name, pid, tid) VALUES (?, ?, ?, ?, ?)")) {
            List<ThreadInfo> threads = profile.threads();
            for (int i = 0; i < threads.size(); i++) {
                ThreadInfo t = threads.get(i);
                ps.setLong(1, id);
                ps.setInt(2, i);
                ps.setString(3, t.name());
                ps.setLong(4, t.pid());
                ps.setLong(5, t.tid());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        StackTable stacks = profile.stacks();
        SampleTable samples = profile.samples();
        int[] rowStacks = new int[samples.size()];
        int[] rowThreads = new int[samples.size()];
        long[] rowWeights = new long[samples.size()];
        long[] rowCounts = new long[samples.size()];
        for (int i = 0; i < rowStacks.length; i++) {
            rowStacks[i] = samples.stack(i);
            rowThreads[i] = samples.thread(i);
            rowWeights[i] = samples.weight(i);
            rowCounts[i] = samples.count(i);
        }
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO profile_data(profile_id, stack_parents, "
                + "stack_frames, sample_stacks, sample_threads, sample_weights, sample_counts) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, id);
            ps.setBytes(2, VarintCodec.encodeParents(stacks.parentArray()));
            ps.setBytes(3, VarintCodec.encodeInts(stacks.frameArray(), true));
            ps.setBytes(4, VarintCodec.encodeInts(rowStacks, false));
            ps.setBytes(5, VarintCodec.encodeInts(rowThreads, true));
            ps.setBytes(6, VarintCodec.encodeLongs(rowWeights));
            ps.setBytes(7, VarintCodec.encodeLongs(rowCounts));
            ps.executeUpdate();
        }
    }

    /**
     * Labels for every profile and run of this import ({@code platform=aws-m6i}), given before they are added. A run
     * keeps the labels its file records ({@link RunLabels#recorded}) and its own, under these: a key given here
     * wins.
     *
     * @throws StoreException if a label is not one ({@link RunLabels#check})
     */
    public void label(Map<String, String> given) {
        check();
        ProfileRepository.checkLabels(given);
        labels = Map.copyOf(given);
    }

    @Override
    public void addRun(BenchmarkRun run) {
        check();
        try {
            Map<String, String> all = RunLabels.merge(RunLabels.merge(RunLabels.recorded(run), run.labels()), labels);
            runIds.add(BenchWriter.writeRun(db.engine(), connection, sourceId, runOrdinal++, run.withLabels(all)));
        } catch (SQLException e) {
            throw db.translate(e);
        }
    }

    @Override
    public void addSeries(SeriesSet set) {
        check();
        try (PreparedStatement ps = connection.prepareStatement(
                "INSERT INTO series_set(source_id, name, runs, metrics, data) VALUES (?, ?, ?, ?, ?)")) {
            ps.setLong(1, sourceId);
            ps.setString(2, set.name());
            ps.setInt(3, set.size());
            ps.setString(4, String.join("\n", set.metricNames()));
            ps.setBytes(5, SeriesCodec.encode(set));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw db.translate(e);
        }
    }

    @Override
    public void addC2c(C2cReport report) {
        check();
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO c2c_report(source_id, name, cache_lines, "
                + "false_sharing, events, data) VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, sourceId);
            ps.setString(2, report.name());
            ps.setInt(3, report.lines().size());
            ps.setInt(4, FalseSharing.lineCount(report));
            ps.setString(5, report.events());
            ps.setBytes(6, C2cCodec.encode(report));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw db.translate(e);
        }
    }

    /**
     * Makes the import visible, unless a file with the same content was imported before: then nothing is kept
     * and the earlier profiles are returned with {@code duplicate} set.
     *
     * @param sha256 the hex SHA-256 of the file's bytes
     */
    public Outcome commit(String sha256) {
        check();
        if (!staged.isEmpty()) {
            throw new IllegalStateException("an import of several files stages each and ends with commit()");
        }
        try {
            List<StoredProfile> earlier = store.profilesOfSource(sha256);
            List<StoredRun> earlierRuns = store.runsOfSource(sha256);
            List<StoredSeries> earlierSeries = store.seriesOfSource(sha256);
            List<StoredC2c> earlierC2c = store.c2cOfSource(sha256);
            if (!earlier.isEmpty() || !earlierRuns.isEmpty() || !earlierSeries.isEmpty() || !earlierC2c.isEmpty()) {
                abort();
                return new Outcome(earlier, earlierRuns, earlierSeries, earlierC2c, true);
            }
            try (PreparedStatement ps = connection.prepareStatement(
                    "DELETE FROM profile WHERE source_id = ? AND complete = 0")) {
                ps.setLong(1, sourceId);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = connection.prepareStatement("UPDATE source_file SET sha256 = ? WHERE id = ?")) {
                ps.setString(1, sha256);
                ps.setLong(2, sourceId);
                ps.executeUpdate();
            } catch (SQLException e) {
                if (!db.engine().isUniqueViolation(e)) {
                    throw e;
                }
                // Another process committed the same content after the check above: the database's unique
                // constraint on the hash refused this copy, so this import is a duplicate of that one.
                abort();
                return new Outcome(store.profilesOfSource(sha256), store.runsOfSource(sha256),
                        store.seriesOfSource(sha256), store.c2cOfSource(sha256), true);
            }
            try {
                db.engine().checkSameStore();
            } catch (StoreException e) {
                abort();
                throw e;
            }
            connection.commit();
            done = true;
            closeConnection();
        } catch (SQLException e) {
            abort();
            throw db.translate(e);
        }
        List<StoredProfile> out = new ArrayList<>(store.profilesOfSource(sha256));
        return new Outcome(out, store.runsOfSource(sha256), store.seriesOfSource(sha256), store.c2cOfSource(sha256),
                false);
    }

    private void check() {
        if (done) {
            throw new IllegalStateException("this import has already been committed or rolled back");
        }
        if (fileStaged) {
            throw new IllegalStateException("this file is staged; begin the next with nextFile or commit()");
        }
    }

    /**
     * Finishes the current file of an import of several files (a run with the profiles attached to it) without
     * committing: its content hash is recorded, or, when the same content is already in the store or was staged
     * before in this transaction, its rows are dropped and the earlier items are returned. Then {@link #nextFile}
     * begins another file, {@link #link} joins runs and profiles, and {@link #commit()} keeps all of it, or
     * {@link #close} none.
     *
     * @param sha256 the hex SHA-256 of the file's bytes
     */
    public Staged stage(String sha256) {
        check();
        try {
            Staged result = stageSource(sha256);
            fileStaged = true;
            return result;
        } catch (SQLException e) {
            abort();
            throw db.translate(e);
        } catch (RuntimeException e) {
            abort();
            throw e;
        }
    }

    private Staged stageSource(String sha256) throws SQLException {
        Staged before = staged.get(sha256);
        if (before != null) {
            dropSource();
            return new Staged(before.profileIds(), before.runIds(), true);
        }
        Staged earlier = committedItems(sha256);
        if (earlier != null) {
            dropSource();
            return earlier;
        }
        try (PreparedStatement ps = connection.prepareStatement(
                "DELETE FROM profile WHERE source_id = ? AND complete = 0")) {
            ps.setLong(1, sourceId);
            ps.executeUpdate();
        }
        java.sql.Savepoint savepoint = connection.setSavepoint();
        try (PreparedStatement ps = connection.prepareStatement("UPDATE source_file SET sha256 = ? WHERE id = ?")) {
            ps.setString(1, sha256);
            ps.setLong(2, sourceId);
            ps.executeUpdate();
        } catch (SQLException e) {
            if (!db.engine().isUniqueViolation(e)) {
                throw e;
            }
            // another process committed the same content since the check above: keep its copy
            connection.rollback(savepoint);
            dropSource();
            Staged theirs = committedItems(sha256);
            if (theirs == null) {
                throw e;
            }
            return theirs;
        }
        connection.releaseSavepoint(savepoint);
        Staged mine = new Staged(profileIds, runIds, false);
        staged.put(sha256, mine);
        return mine;
    }

    /** The committed items of the file with this hash, as a duplicate; null when there is none. */
    private Staged committedItems(String sha256) {
        List<Long> profiles = store.profilesOfSource(sha256).stream().map(StoredProfile::id).toList();
        List<Long> runs = store.runsOfSource(sha256).stream().map(StoredRun::id).toList();
        if (profiles.isEmpty() && runs.isEmpty() && store.seriesOfSource(sha256).isEmpty()) {
            return null;
        }
        return new Staged(profiles, runs, true);
    }

    /** Removes everything written for the current file (its parts go by cascade). */
    private void dropSource() throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("DELETE FROM source_file WHERE id = ?")) {
            ps.setLong(1, sourceId);
            ps.executeUpdate();
        }
    }

    /**
     * Begins the next file of this transaction, after {@link #stage} finished the current one.
     *
     * @param file   the file, as the user named it
     * @param format the importer's format id
     * @param size   its size in bytes
     */
    public void nextFile(Path file, String format, long size) {
        if (done) {
            throw new IllegalStateException("this import has already been committed or rolled back");
        }
        if (!fileStaged) {
            throw new IllegalStateException("stage the current file before beginning the next");
        }
        try {
            beginSource(file, format, size);
        } catch (SQLException e) {
            abort();
            throw db.translate(e);
        }
    }

    /**
     * Attaches profile {@code profileId} to run {@code runId} in this transaction (either may be stored already or
     * written here). Linking twice is linking once. The run's labels (its label, commit, tags and environment) flow
     * to the profile as attributes, where the profile has no attribute of that name already.
     *
     * @throws StoreException when there is no such run or profile
     */
    public void link(long runId, long profileId) {
        if (done) {
            throw new IllegalStateException("this import has already been committed or rolled back");
        }
        try {
            RunProfiles.link(connection, db.where(), runId, profileId);
        } catch (SQLException e) {
            abort();
            throw db.translate(e);
        } catch (RuntimeException e) {
            abort();
            throw e;
        }
    }

    /** Commits every file staged and every link: all of them become visible at once. */
    public void commit() {
        if (done) {
            throw new IllegalStateException("this import has already been committed or rolled back");
        }
        if (!fileStaged) {
            throw new IllegalStateException("stage the current file before committing");
        }
        try {
            // As a one-file import does: never report success for a store file deleted or replaced meanwhile.
            db.engine().checkSameStore();
        } catch (StoreException e) {
            abort();
            throw e;
        }
        try {
            connection.commit();
            done = true;
            closeConnection();
        } catch (SQLException e) {
            abort();
            throw db.translate(e);
        }
    }

    private void abort() {
        if (!done) {
            done = true;
            // a connection whose rollback failed is closed (the database discards the transaction either way)
            db.release(connection, Database.rollback(connection));
        }
    }

    /** Hands the connection back after a commit that went through. */
    private void closeConnection() {
        db.release(connection, true);
    }

    /** Rolls back unless committed. */
    @Override
    public void close() {
        abort();
    }

    /** Writes one profile's timestamped samples in blocks as they arrive. */
    private final class BlockWriter implements TimelineWriter {
        private final long profileId;
        private final VarintCodec.Writer data = new VarintCodec.Writer(1 << 20);
        private int n;
        private int seq;
        private long firstTime;
        private long lastTime;
        private long written;

        BlockWriter(long profileId) {
            this.profileId = profileId;
        }

        ImportTransaction owner() {
            return ImportTransaction.this;
        }

        @Override
        public void append(long timeNanos, int stack, int thread, long weight) {
            if (n == 0) {
                firstTime = timeNanos;
                lastTime = timeNanos;
            }
            data.signed(timeNanos - lastTime);
            data.unsigned(stack);
            data.signed(thread);
            data.signed(weight);
            lastTime = timeNanos;
            if (++n == TimelineBlocks.BLOCK_SIZE) {
                try {
                    flush();
                } catch (SQLException e) {
                    throw db.translate(e);
                }
            }
        }

        void flush() throws SQLException {
            if (n == 0) {
                return;
            }
            try (PreparedStatement ps = connection.prepareStatement("INSERT INTO timeline_block(profile_id, seq, n, "
                    + "first_time, last_time, data) VALUES (?, ?, ?, ?, ?, ?)")) {
                ps.setLong(1, profileId);
                ps.setInt(2, seq++);
                ps.setInt(3, n);
                ps.setLong(4, firstTime);
                ps.setLong(5, lastTime);
                ps.setBytes(6, data.toByteArray());
                ps.executeUpdate();
            }
            written += n;
            n = 0;
            data.reset();
        }
    }
}
