package dev.perfdesk.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The store's schema, one migration set for every engine: migration {@code i} takes version {@code i} to
 * {@code i + 1}, and all pending ones run in one transaction when a store is opened. A store whose version is
 * newer than {@link #VERSION} was written by a newer Perfdesk and is refused.
 *
 * <p>The statements are written in SQLite's dialect; {@link Engine#ddl} makes them another engine's (PostgreSQL's
 * types). Where the engine keeps the version is the engine's business (SQLite's {@code user_version}, a table on
 * PostgreSQL). To change the schema, append a migration to the end of {@link #MIGRATIONS} (never edit one that
 * shipped), keep to column types {@code INTEGER}, {@code REAL}, {@code TEXT} and {@code BLOB}, and give new tables
 * of imported items a {@code source_id} or a parent id with {@code ON DELETE CASCADE} so deletes reach them.
 */
final class Schema {
    /** Marks a store as Perfdesk's ({@code PRAGMA application_id} in SQLite): "PDSK". */
    static final int APPLICATION_ID = 0x5044534B;

    private static final List<String[]> MIGRATIONS = List.<String[]>of(
            new String[] {
                """
                CREATE TABLE source_file (
                    id          INTEGER PRIMARY KEY,
                    path        TEXT    NOT NULL,
                    sha256      TEXT    NOT NULL UNIQUE,
                    size        INTEGER NOT NULL,
                    format      TEXT    NOT NULL,
                    imported_at INTEGER NOT NULL
                )""",
                """
                CREATE TABLE profile (
                    id            INTEGER PRIMARY KEY,
                    source_id     INTEGER NOT NULL REFERENCES source_file(id) ON DELETE CASCADE,
                    ordinal       INTEGER NOT NULL,
                    complete      INTEGER NOT NULL DEFAULT 0,
                    name          TEXT    NOT NULL,
                    format        TEXT    NOT NULL,
                    event         TEXT    NOT NULL,
                    unit          TEXT    NOT NULL,
                    host          TEXT    NOT NULL,
                    command       TEXT    NOT NULL,
                    start_time_ns INTEGER,
                    duration_ns   INTEGER NOT NULL,
                    sample_count  INTEGER NOT NULL,
                    total_weight  INTEGER NOT NULL,
                    frame_count   INTEGER NOT NULL,
                    stack_count   INTEGER NOT NULL,
                    thread_count  INTEGER NOT NULL,
                    timeline_size INTEGER NOT NULL
                )""",
                "CREATE INDEX profile_source ON profile(source_id)",
                """
                CREATE TABLE profile_attribute (
                    profile_id INTEGER NOT NULL REFERENCES profile(id) ON DELETE CASCADE,
                    ordinal    INTEGER NOT NULL,
                    key        TEXT    NOT NULL,
                    value      TEXT    NOT NULL,
                    PRIMARY KEY (profile_id, ordinal)
                ) WITHOUT ROWID""",
                """
                CREATE TABLE frame (
                    profile_id INTEGER NOT NULL REFERENCES profile(id) ON DELETE CASCADE,
                    idx        INTEGER NOT NULL,
                    name       TEXT    NOT NULL,
                    module     TEXT    NOT NULL,
                    kind       TEXT    NOT NULL,
                    address    TEXT    NOT NULL,
                    line       INTEGER NOT NULL,
                    PRIMARY KEY (profile_id, idx)
                ) WITHOUT ROWID""",
                """
                CREATE TABLE thread (
                    profile_id INTEGER NOT NULL REFERENCES profile(id) ON DELETE CASCADE,
                    idx        INTEGER NOT NULL,
                    name       TEXT    NOT NULL,
                    pid        INTEGER NOT NULL,
                    tid        INTEGER NOT NULL,
                    PRIMARY KEY (profile_id, idx)
                ) WITHOUT ROWID""",
                """
                CREATE TABLE profile_data (
                    profile_id     INTEGER PRIMARY KEY REFERENCES profile(id) ON DELETE CASCADE,
                    stack_parents  BLOB NOT NULL,
                    stack_frames   BLOB NOT NULL,
                    sample_stacks  BLOB NOT NULL,
                    sample_threads BLOB NOT NULL,
                    sample_weights BLOB NOT NULL,
                    sample_counts  BLOB NOT NULL
                )""",
                """
                CREATE TABLE timeline_block (
                    profile_id INTEGER NOT NULL REFERENCES profile(id) ON DELETE CASCADE,
                    seq        INTEGER NOT NULL,
                    n          INTEGER NOT NULL,
                    first_time INTEGER NOT NULL,
                    last_time  INTEGER NOT NULL,
                    data       BLOB    NOT NULL,
                    PRIMARY KEY (profile_id, seq)
                ) WITHOUT ROWID"""
            },
            // 2: benchmark and load-test runs, with ids of their own
            new String[] {
                """
                CREATE TABLE run (
                    id              INTEGER PRIMARY KEY,
                    source_id       INTEGER NOT NULL REFERENCES source_file(id) ON DELETE CASCADE,
                    ordinal         INTEGER NOT NULL,
                    name            TEXT    NOT NULL,
                    tool            TEXT    NOT NULL,
                    format          TEXT    NOT NULL,
                    start_time_ns   INTEGER,
                    label           TEXT    NOT NULL,
                    commit_id       TEXT    NOT NULL,
                    benchmark_count INTEGER NOT NULL
                )""",
                "CREATE INDEX run_source ON run(source_id)",
                """
                CREATE TABLE run_attribute (
                    run_id  INTEGER NOT NULL REFERENCES run(id) ON DELETE CASCADE,
                    kind    TEXT    NOT NULL,
                    ordinal INTEGER NOT NULL,
                    key     TEXT    NOT NULL,
                    value   TEXT    NOT NULL,
                    PRIMARY KEY (run_id, kind, ordinal)
                ) WITHOUT ROWID""",
                """
                CREATE TABLE benchmark (
                    run_id           INTEGER NOT NULL REFERENCES run(id) ON DELETE CASCADE,
                    idx              INTEGER NOT NULL,
                    name             TEXT    NOT NULL,
                    metric           TEXT    NOT NULL,
                    mode             TEXT    NOT NULL,
                    unit             TEXT    NOT NULL,
                    lower_is_better  INTEGER NOT NULL,
                    count            INTEGER NOT NULL,
                    status           TEXT    NOT NULL,
                    status_message   TEXT    NOT NULL,
                    score            REAL,
                    score_error      REAL,
                    score_confidence REAL,
                    score_n          INTEGER,
                    PRIMARY KEY (run_id, idx)
                ) WITHOUT ROWID""",
                """
                CREATE TABLE benchmark_field (
                    run_id     INTEGER NOT NULL REFERENCES run(id) ON DELETE CASCADE,
                    bench_idx  INTEGER NOT NULL,
                    kind       TEXT    NOT NULL,
                    ordinal    INTEGER NOT NULL,
                    key        TEXT    NOT NULL,
                    text_value TEXT,
                    real_value REAL,
                    PRIMARY KEY (run_id, bench_idx, kind, ordinal)
                ) WITHOUT ROWID""",
                """
                CREATE TABLE benchmark_samples (
                    run_id    INTEGER NOT NULL REFERENCES run(id) ON DELETE CASCADE,
                    bench_idx INTEGER NOT NULL,
                    n         INTEGER NOT NULL,
                    data      BLOB    NOT NULL,
                    PRIMARY KEY (run_id, bench_idx)
                ) WITHOUT ROWID""",
                """
                CREATE TABLE benchmark_histogram (
                    run_id      INTEGER NOT NULL REFERENCES run(id) ON DELETE CASCADE,
                    bench_idx   INTEGER NOT NULL,
                    unit        TEXT    NOT NULL,
                    scale       REAL    NOT NULL,
                    total_count INTEGER NOT NULL,
                    data        BLOB    NOT NULL,
                    PRIMARY KEY (run_id, bench_idx)
                ) WITHOUT ROWID""",
                """
                CREATE TABLE benchmark_points (
                    run_id    INTEGER NOT NULL REFERENCES run(id) ON DELETE CASCADE,
                    bench_idx INTEGER NOT NULL,
                    n         INTEGER NOT NULL,
                    times     BLOB    NOT NULL,
                    vals      BLOB    NOT NULL,
                    tag_ids   BLOB    NOT NULL,
                    tag_sets  BLOB    NOT NULL,
                    PRIMARY KEY (run_id, bench_idx)
                ) WITHOUT ROWID"""
            },
            // 3: series sets (CSV tables of runs) and reviews of change points
            new String[] {
                """
                CREATE TABLE series_set (
                    id        INTEGER PRIMARY KEY,
                    source_id INTEGER NOT NULL REFERENCES source_file(id) ON DELETE CASCADE,
                    name      TEXT    NOT NULL,
                    runs      INTEGER NOT NULL,
                    metrics   TEXT    NOT NULL,
                    data      BLOB    NOT NULL
                )""",
                "CREATE INDEX series_set_source ON series_set(source_id)",
                """
                CREATE TABLE change_point_review (
                    series      TEXT    NOT NULL,
                    metric      TEXT    NOT NULL,
                    time_ms     INTEGER NOT NULL,
                    status      TEXT    NOT NULL,
                    reason      TEXT    NOT NULL,
                    reviewed_at INTEGER NOT NULL,
                    PRIMARY KEY (series, metric, time_ms)
                ) WITHOUT ROWID"""
            },
            // 4: saved comparisons of two runs or two profiles; Store deletes them with either side
            new String[] {
                """
                CREATE TABLE comparison (
                    id           INTEGER PRIMARY KEY,
                    name         TEXT    NOT NULL,
                    kind         TEXT    NOT NULL CHECK (kind IN ('run', 'profile')),
                    baseline_id  INTEGER NOT NULL,
                    candidate_id INTEGER NOT NULL,
                    threshold    REAL    NOT NULL,
                    alpha        REAL    NOT NULL,
                    created_at   INTEGER NOT NULL,
                    verdict      TEXT    NOT NULL
                )""",
                "CREATE INDEX comparison_sides ON comparison(kind, baseline_id, candidate_id)"
            },
            // 5: a benchmark's histogram per time interval (an HdrHistogram log's); runs stored before keep none
            new String[] {
                """
                CREATE TABLE benchmark_intervals (
                    run_id      INTEGER NOT NULL REFERENCES run(id) ON DELETE CASCADE,
                    bench_idx   INTEGER NOT NULL,
                    unit        TEXT    NOT NULL,
                    scale       REAL    NOT NULL,
                    n           INTEGER NOT NULL,
                    total_count INTEGER NOT NULL,
                    data        BLOB    NOT NULL,
                    PRIMARY KEY (run_id, bench_idx)
                ) WITHOUT ROWID"""
            },
            // 6: series over time of a whole run: a load test's own history (Locust) and resources attached to it
            // (Prometheus query results); runs stored before have none
            new String[] {
                """
                CREATE TABLE run_series (
                    run_id  INTEGER NOT NULL REFERENCES run(id) ON DELETE CASCADE,
                    idx     INTEGER NOT NULL,
                    name    TEXT    NOT NULL,
                    unit    TEXT    NOT NULL,
                    source  TEXT    NOT NULL,
                    labels  BLOB    NOT NULL,
                    n       INTEGER NOT NULL,
                    times   BLOB    NOT NULL,
                    vals    BLOB    NOT NULL,
                    PRIMARY KEY (run_id, idx)
                ) WITHOUT ROWID"""
            },
            // 7: labels of runs and profiles (platform=aws-m6i, branch=main), given at import or recorded by the
            // file; indexed by key and value for filtering; items stored before have none
            new String[] {
                """
                CREATE TABLE run_label (
                    run_id INTEGER NOT NULL REFERENCES run(id) ON DELETE CASCADE,
                    key    TEXT    NOT NULL,
                    value  TEXT    NOT NULL,
                    PRIMARY KEY (run_id, key)
                ) WITHOUT ROWID""",
                "CREATE INDEX run_label_value ON run_label(key, value)",
                """
                CREATE TABLE profile_label (
                    profile_id INTEGER NOT NULL REFERENCES profile(id) ON DELETE CASCADE,
                    key        TEXT    NOT NULL,
                    value      TEXT    NOT NULL,
                    PRIMARY KEY (profile_id, key)
                ) WITHOUT ROWID""",
                "CREATE INDEX profile_label_value ON profile_label(key, value)"
            },
            // 8: profiles attached to runs (import --attach, import --run); a link goes with either side
            new String[] {
                """
                CREATE TABLE run_profile (
                    run_id     INTEGER NOT NULL REFERENCES run(id) ON DELETE CASCADE,
                    profile_id INTEGER NOT NULL REFERENCES profile(id) ON DELETE CASCADE,
                    linked_at  INTEGER NOT NULL,
                    PRIMARY KEY (run_id, profile_id)
                ) WITHOUT ROWID""",
                "CREATE INDEX run_profile_profile ON run_profile(profile_id)"
            },
            // 9: perf c2c reports (shared cache lines and their offsets), each whole in one blob (C2cCodec)
            new String[] {
                """
                CREATE TABLE c2c_report (
                    id            INTEGER PRIMARY KEY,
                    source_id     INTEGER NOT NULL REFERENCES source_file(id) ON DELETE CASCADE,
                    name          TEXT    NOT NULL,
                    cache_lines   INTEGER NOT NULL,
                    false_sharing INTEGER NOT NULL,
                    events        TEXT    NOT NULL,
                    data          BLOB    NOT NULL
                )""",
                "CREATE INDEX c2c_report_source ON c2c_report(source_id)"
            });

    /** The schema version this Perfdesk writes. */
    static final int VERSION = MIGRATIONS.size();

    private Schema() {
    }

    /** The store's version, after refusing a foreign database or one a newer Perfdesk migrated. */
    static int currentVersion(Engine engine, Connection connection) throws SQLException {
        int version = engine.readVersion(connection);
        if (version > VERSION) {
            throw new StoreException(engine.where() + " was written by a newer Perfdesk (store version " + version
                    + "; this Perfdesk reads up to version " + VERSION + "). Update Perfdesk, or use another store "
                    + "with --db PATH.");
        }
        return version;
    }

    /** Brings the store at {@code connection} up to {@link #VERSION}, or refuses a newer or foreign one. */
    static void migrate(Engine engine, Connection connection) throws SQLException {
        migrate(engine, connection, VERSION);
    }

    /**
     * Brings the store up to {@code target} in one transaction; concurrent processes opening the same new store
     * wait for each other, and the later ones find it migrated. (Tests make stores of older versions with it.)
     */
    static void migrate(Engine engine, Connection connection, int target) throws SQLException {
        if (currentVersion(engine, connection) >= target) {
            return;
        }
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement st = connection.createStatement()) {
            engine.lockForMigration(connection);
            int version = currentVersion(engine, connection);
            if (version < target) {
                for (int v = version; v < target; v++) {
                    for (String sql : MIGRATIONS.get(v)) {
                        st.execute(engine.ddl(sql));
                    }
                }
                engine.writeVersion(connection, target);
            }
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }
}
