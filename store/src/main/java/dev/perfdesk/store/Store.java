package dev.perfdesk.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.perfdesk.core.bench.BenchmarkRun;
import dev.perfdesk.core.model.Profile;
import dev.perfdesk.core.model.Timeline;
import dev.perfdesk.core.series.ChangePointKey;
import dev.perfdesk.core.series.ChangePointReview;
import dev.perfdesk.core.series.ChangePointReviews;
import dev.perfdesk.core.series.SeriesSet;

/**
 * A store of imported profiles, benchmark runs and series, with saved comparisons and reviews of change points: an
 * SQLite file for one person (the default) or a PostgreSQL database for a team, behind the same repositories
 * ({@link #profiles()}, {@link #runs()}, {@link #series()}, {@link #comparisons()}, {@link #changePoints()}). Opening
 * applies pending schema migrations; imports go through {@link #beginImport}, one transaction each, so a failed,
 * cancelled or killed import leaves nothing behind, and readers see only committed imports. The store's methods
 * below are shorthands for the repositories'.
 *
 * <pre>{@code
 * try (Store store = Store.open(StorePaths.locate(null))) {
 *     for (StoredProfile p : store.profiles().list()) {
 *         System.out.println(p.id() + "\t" + p.info().name());
 *     }
 * }
 * }</pre>
 */
public final class Store implements AutoCloseable {
    private final Database db;
    private final ProfileRepository profiles;
    private final RunRepository runs;
    private final SeriesRepository series;
    private final C2cRepository c2c;
    private final ComparisonRepository comparisons;
    private final ReviewRepository reviews;

    private Store(Database db) {
        this.db = db;
        this.profiles = new ProfileRepository(db);
        this.runs = new RunRepository(db);
        this.series = new SeriesRepository(db);
        this.c2c = new C2cRepository(db);
        this.comparisons = new ComparisonRepository(db, profiles, runs);
        this.reviews = new ReviewRepository(db);
    }

    /**
     * Opens or creates the SQLite store at {@code path}, creating its folder if needed. A server store is opened
     * by its URL with {@link #open(StoreLocation)}: a path cannot hold one.
     */
    public static Store open(Path path) {
        String text = path.toString();
        if (text.matches("[A-Za-z][A-Za-z0-9+.-]+:/.*")) {
            throw new StoreException(text + " looks like a URL; a store file is given by its path, a server store "
                    + "by its postgresql:// URL (StorePaths.locate)");
        }
        if (text.contains("?")) {
            throw new StoreException("the store path " + text + " contains '?', which SQLite's driver would read as "
                    + "connection parameters; choose a path without it");
        }
        Path absolute = path.toAbsolutePath();
        Path parent = absolute.getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            Path existing = parent;
            while (existing != null && !Files.exists(existing)) {
                existing = existing.getParent();
            }
            if (existing != null && !Files.isDirectory(existing)) {
                throw new StoreException("cannot create the store " + path + ": " + existing
                        + " is a file, not a folder");
            }
            try {
                Files.createDirectories(parent);
            } catch (java.nio.file.AccessDeniedException e) {
                throw new StoreException("cannot create the folder " + parent + " for the store " + path
                        + ": permission denied", e);
            } catch (IOException e) {
                throw new StoreException("cannot create the folder " + parent + " for the store " + path
                        + (e.getMessage() == null ? "" : ": " + e.getMessage()), e);
            }
        }
        if (Files.isDirectory(absolute)) {
            throw new StoreException(path + " is a folder; give the path of a store file, such as "
                    + absolute.resolve("perfdesk.db"));
        }
        return open(new SqliteEngine(absolute, text));
    }

    /** Opens or creates the store at {@code location}: an SQLite file, or a PostgreSQL database. */
    public static Store open(StoreLocation location) {
        if (location instanceof PostgresLocation server) {
            return open(new PostgresEngine(server));
        }
        return open(((StoreLocation.SqliteFile) location).path());
    }

    /**
     * Opens the store at {@code location} for reading only: nothing is written, not even SQLite's journal mode, and
     * no migration runs, so a store in a read-only folder, or another user's, can be listed and shown. A store file
     * that does not exist yet is created as {@link #open(StoreLocation)} does (there is nothing to read in it).
     *
     * @throws StoreException for a store of an older schema, which needs opening for writing once to be migrated
     */
    public static Store openReadOnly(StoreLocation location) {
        if (location instanceof StoreLocation.SqliteFile file && Files.isRegularFile(file.path())) {
            Path absolute = file.path().toAbsolutePath();
            return open(new SqliteEngine(absolute, file.path().toString(), true));
        }
        return open(location);
    }

    private static Store open(Engine engine) {
        Connection connection = engine.connect();
        try {
            if (engine.readOnly()) {
                int version = Schema.currentVersion(engine, connection);
                if (version < Schema.VERSION) {
                    throw new StoreException("the store " + engine.where() + " is of an older Perfdesk (schema "
                            + version + ", this one uses " + Schema.VERSION + "); reading it needs it upgraded "
                            + "first, which any command that writes (perfdesk import) does when it may write there");
                }
            }
            if (!engine.readOnly()) {
                Schema.migrate(engine, connection);
            }
            if (engine instanceof SqliteEngine sqlite) {
                sqlite.rememberFile();
            }
            return new Store(new Database(engine, connection));
        } catch (SQLException e) {
            Database.closeQuietly(connection);
            throw engine.translate(e);
        } catch (RuntimeException e) {
            Database.closeQuietly(connection);
            throw e;
        }
    }

    /** The connection layer, for {@link StoreCopy}. */
    Database database() {
        return db;
    }

    /** Where the store is; its {@code toString()} names it for people, never with a password. */
    public StoreLocation location() {
        return db.engine().location();
    }

    /**
     * The store file of an SQLite store.
     *
     * @throws StoreException for a server store, which has no file; use {@link #location()}
     */
    public Path path() {
        if (location() instanceof StoreLocation.SqliteFile file) {
            return file.path();
        }
        throw new StoreException("the store " + location() + " is on a server and has no file");
    }

    /** The stored profiles. */
    public ProfileRepository profiles() {
        return profiles;
    }

    /** The stored benchmark and load-test runs. */
    public RunRepository runs() {
        return runs;
    }

    /** The stored series sets. */
    public SeriesRepository series() {
        return series;
    }

    /** The stored perf c2c reports. */
    public C2cRepository c2c() {
        return c2c;
    }

    /** The saved comparisons. */
    public ComparisonRepository comparisons() {
        return comparisons;
    }

    /** The reviews of change points. */
    public ReviewRepository changePoints() {
        return reviews;
    }

    /** Every profile, newest import first, in file order within one import. */
    public List<StoredProfile> listProfiles() {
        return profiles.list();
    }

    /** The profile with {@code id}, if any. */
    public Optional<StoredProfile> findProfile(long id) {
        return profiles.find(id);
    }

    /** The profiles imported from the file with this SHA-256, in file order; empty when it was never imported. */
    public List<StoredProfile> profilesOfSource(String sha256) {
        return profiles.ofSource(sha256);
    }

    /** Whether a file of exactly this size was imported before: then hashing first is worth it. */
    public boolean hasSourceOfSize(long size) {
        return ImportedItems.hasSourceOfSize(db, size);
    }

    /** Loads a profile's frames, stacks, threads and aggregated samples; its timeline is loaded separately. */
    public Profile loadProfile(long id) {
        return profiles.load(id);
    }

    /** Loads a profile's timestamped samples, or null when it has none. */
    public Timeline loadTimeline(long id) {
        return profiles.loadTimeline(id);
    }

    /** Deletes a profile; the file it came from is forgotten once none of its profiles remain. */
    public boolean deleteProfile(long id) {
        return profiles.delete(id);
    }

    /** Renames a profile. */
    public boolean renameProfile(long id, String name) {
        return profiles.rename(id, name);
    }

    /** Every benchmark run, newest import first, in file order within one import. */
    public List<StoredRun> listRuns() {
        return runs.list();
    }

    /** The runs that carry every label of {@code where} ({@code platform=aws-m6i}), newest import first. */
    public List<StoredRun> listRuns(Map<String, String> where) {
        return runs.list(where);
    }

    /** The profiles that carry every label of {@code where}, newest import first. */
    public List<StoredProfile> listProfiles(Map<String, String> where) {
        return profiles.list(where);
    }

    /** The run with {@code id}, if any. Run ids are apart from profile ids. */
    public Optional<StoredRun> findRun(long id) {
        return runs.find(id);
    }

    /** The runs imported from the file with this SHA-256, in file order; empty when it was never imported. */
    public List<StoredRun> runsOfSource(String sha256) {
        return runs.ofSource(sha256);
    }

    /** Loads a run whole: environment, tags and every benchmark with its samples, histogram, points and intervals. */
    public BenchmarkRun loadRun(long id) {
        return runs.load(id);
    }

    /** Deletes a run; the file it came from is forgotten once nothing imported from it remains. */
    public boolean deleteRun(long id) {
        return runs.delete(id);
    }

    /** Renames a run. */
    public boolean renameRun(long id, String name) {
        return runs.rename(id, name);
    }

    /** Every series set (CSV tables of runs), newest import first. */
    public List<StoredSeries> listSeries() {
        return series.list();
    }

    /** The series set with {@code id}, if any. */
    public Optional<StoredSeries> findSeries(long id) {
        return series.find(id);
    }

    /** The series sets imported from the file with this SHA-256. */
    public List<StoredSeries> seriesOfSource(String sha256) {
        return series.ofSource(sha256);
    }

    /** Loads a series set. */
    public SeriesSet loadSeries(long id) {
        return series.load(id);
    }

    /** Deletes a series set; the file it came from is forgotten once nothing imported from it remains. */
    public boolean deleteSeries(long id) {
        return series.delete(id);
    }

    /** Renames a series set. */
    public boolean renameSeries(long id, String name) {
        return series.rename(id, name);
    }

    /** Every perf c2c report, newest import first. */
    public List<StoredC2c> listC2c() {
        return c2c.list();
    }

    /** The c2c reports imported from the file with this SHA-256. */
    public List<StoredC2c> c2cOfSource(String sha256) {
        return c2c.ofSource(sha256);
    }

    /** Every review of a change point, acknowledged or dismissed, keyed as the series analysis keys them. */
    public ChangePointReviews reviews() {
        return reviews.all();
    }

    /** Records a review of a change point; {@code NEW} removes the review. */
    public void saveReview(ChangePointKey key, ChangePointReview review) {
        reviews.save(key, review);
    }

    /**
     * Attaches series over time (Prometheus query results) to a stored run, after its own; all or none are written.
     *
     * @return false when there is no run {@code id}
     */
    public boolean attachSeries(long id, List<dev.perfdesk.core.bench.TimeSeries> series) {
        return runs.attachSeries(id, series);
    }

    /** The profiles attached to run {@code runId}, in the order they were stored. */
    public List<StoredProfile> profilesOfRun(long runId) {
        return profiles.attachedTo(runId);
    }

    /** The runs profile {@code profileId} is attached to, oldest first. */
    public List<StoredRun> runsOfProfile(long profileId) {
        return runs.withProfile(profileId);
    }

    /**
     * Saves a comparison of two runs or two profiles; see {@link ComparisonRepository#save}.
     *
     * @throws StoreException if a side does not exist or a threshold is out of range
     */
    public StoredComparison saveComparison(String name, StoredComparison.Kind kind, long baselineId, long candidateId,
                                           double threshold, double alpha, String verdict) {
        return comparisons.save(name, kind, baselineId, candidateId, threshold, alpha, verdict);
    }

    /** Every saved comparison, newest first. */
    public List<StoredComparison> listComparisons() {
        return comparisons.list();
    }

    /** The saved comparison with {@code id}, if any. Comparison ids are apart from run and profile ids. */
    public Optional<StoredComparison> findComparison(long id) {
        return comparisons.find(id);
    }

    /** Renames a saved comparison. */
    public boolean renameComparison(long id, String name) {
        return comparisons.rename(id, name);
    }

    /** Deletes a saved comparison; its runs or profiles stay. */
    public boolean deleteComparison(long id) {
        return comparisons.delete(id);
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
        return new ImportTransaction(this, db, file, format, size);
    }

    @Override
    public void close() {
        db.close();
    }
}
