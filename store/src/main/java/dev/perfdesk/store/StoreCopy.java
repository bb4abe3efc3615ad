package dev.perfdesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Copies a whole store into another, between engines (SQLite to PostgreSQL and back) or within one: every table of
 * {@link Schema}, in one transaction on the target, reading the source in one consistent state.
 *
 * <p>Into an empty target every row keeps its id, so that the copy lists and shows exactly as the original. Into a
 * target that holds items already, the merge rule is the store's own: a file is kept once by its content hash. A
 * file already in the target is not copied again (the target's items of it stay as they are, and links, saved
 * comparisons and reviews of the source's items are joined to them); everything else gets new ids. Reviews of a
 * change point the target has reviewed too keep the target's. Nothing is written unless all of it is.
 *
 * <pre>{@code
 * try (Store from = Store.open(StorePaths.locate("laptop.db")); Store to = Store.open(team)) {
 *     StoreCopy.Result r = StoreCopy.copy(from, to, StoreCopy.Listener.NONE);
 * }
 * }</pre>
 */
public final class StoreCopy {

    /** Hears about a copy's progress. */
    public interface Listener {
        /** Hears nothing. */
        Listener NONE = new Listener() {
        };

        /** A table is about to be copied; {@code rows} is how many rows the source has. */
        default void table(String table, long rows) {
        }

        /** {@code done} of the current table's rows are copied (called every few thousand rows). */
        default void rows(String table, long done, long rows) {
        }
    }

    /**
     * What a copy did.
     *
     * @param merged         whether the target held items before, so that ids were given anew
     * @param sourceFiles    source files copied (each an imported file)
     * @param duplicateFiles source files skipped because the target had the same content
     * @param profiles       profiles copied
     * @param runs           runs copied
     * @param series         series sets copied
     * @param rows           rows written in all tables
     */
    public record Result(boolean merged, long sourceFiles, long duplicateFiles, long profiles, long runs,
                         long series, long rows) {
    }

    /**
     * One table to copy.
     *
     * @param name    the table
     * @param id      its generated id column, or null when it has none
     * @param owner   the column naming the row that owns this one (skipped with its owner), or null
     * @param refs    other id columns and the table each names (mapped to the target's ids)
     * @param conflict what to do on a key the target has: true to keep the target's row
     */
    private record Table(String name, String id, String owner, Map<String, String> refs, boolean conflict) {
        static Table root(String name) {
            return new Table(name, "id", null, Map.of(), false);
        }

        static Table item(String name, String owner) {
            return new Table(name, "id", owner, Map.of(), false);
        }

        static Table part(String name, String owner) {
            return new Table(name, null, owner, Map.of(), false);
        }
    }

    /** The tables, parents first; every table of the schema is here ({@code StoreCopyTest} checks it). */
    private static final List<Table> TABLES = List.of(
            Table.root("source_file"),
            Table.item("profile", "source_id"),
            Table.part("profile_attribute", "profile_id"),
            Table.part("frame", "profile_id"),
            Table.part("thread", "profile_id"),
            Table.part("profile_data", "profile_id"),
            Table.part("timeline_block", "profile_id"),
            Table.item("run", "source_id"),
            Table.part("run_attribute", "run_id"),
            Table.part("benchmark", "run_id"),
            Table.part("benchmark_field", "run_id"),
            Table.part("benchmark_samples", "run_id"),
            Table.part("benchmark_histogram", "run_id"),
            Table.part("benchmark_points", "run_id"),
            Table.part("benchmark_intervals", "run_id"),
            Table.part("run_series", "run_id"),
            Table.part("run_label", "run_id"),
            Table.part("profile_label", "profile_id"),
            Table.item("series_set", "source_id"),
            Table.item("c2c_report", "source_id"),
            new Table("change_point_review", null, null, Map.of(), true),
            new Table("comparison", "id", null, Map.of(), false),
            new Table("run_profile", null, null, Map.of("run_id", "run", "profile_id", "profile"), true));

    /** The table an owner column names. */
    private static final Map<String, String> OWNERS = Map.of("source_id", "source_file", "profile_id", "profile",
            "run_id", "run");

    private static final int BATCH = 500;

    private StoreCopy() {
    }

    /** The names of the tables a copy writes, parents first. */
    static List<String> tableNames() {
        return TABLES.stream().map(Table::name).toList();
    }

    /**
     * Copies everything in {@code from} into {@code to}, in one transaction on {@code to}.
     *
     * @throws StoreException when both are the same store, or on a database error (then {@code to} is unchanged)
     */
    public static Result copy(Store from, Store to, Listener listener) {
        if (from.location().equals(to.location())) {
            throw new StoreException("cannot copy the store " + from.location() + " into itself");
        }
        Database source = from.database();
        Database target = to.database();
        return source.read(src -> {
            // every table read in one state of the source: SQLite's reads are one transaction only inside one
            boolean autoCommit = src.getAutoCommit();
            if (autoCommit) {
                src.setAutoCommit(false);
            }
            try {
                return target.write(dst -> new Copier(source.engine(), target.engine(), src, dst, listener).run());
            } finally {
                if (autoCommit) {
                    Database.rollbackQuietly(src);
                    src.setAutoCommit(true);
                }
            }
        });
    }

    /** One copy, with its maps from the source's ids to the target's. */
    private static final class Copier {
        private final Engine targetEngine;
        private final Connection src;
        private final Connection dst;
        private final Listener listener;
        private final Map<String, Map<Long, Long>> ids = new HashMap<>();
        /** Rows of the source the target has already (their parts are not copied). */
        private final Map<String, Set<Long>> existing = new HashMap<>();
        private boolean merge;
        private long rows;
        private long duplicates;

        Copier(Engine sourceEngine, Engine targetEngine, Connection src, Connection dst, Listener listener) {
            this.targetEngine = targetEngine;
            this.src = src;
            this.dst = dst;
            this.listener = listener;
        }

        Result run() throws SQLException {
            for (Table t : TABLES) {
                if (count(dst, t.name()) > 0) {
                    merge = true;
                    break;
                }
            }
            for (Table t : TABLES) {
                ids.put(t.name(), new HashMap<>());
                existing.put(t.name(), new HashSet<>());
            }
            Map<String, Long> copied = new LinkedHashMap<>();
            for (Table t : TABLES) {
                long n = count(src, t.name());
                listener.table(t.name(), n);
                copied.put(t.name(), copyTable(t, n));
            }
            if (!merge) {
                for (Table t : TABLES) {
                    if (t.id() != null) {
                        targetEngine.afterExplicitIds(dst, t.name());
                    }
                }
            }
            return new Result(merge, copied.get("source_file"), duplicates, copied.get("profile"),
                    copied.get("run"), copied.get("series_set"), rows);
        }

        private static long count(Connection c, String table) throws SQLException {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + table)) {
                rs.next();
                return rs.getLong(1);
            }
        }

        /** Copies one table's rows; returns how many were written. */
        private long copyTable(Table t, long total) throws SQLException {
            List<String> columns = new ArrayList<>();
            Map<String, Integer> targetTypes = new HashMap<>();
            try (Statement st = dst.createStatement();
                 ResultSet rs = st.executeQuery("SELECT * FROM " + t.name() + " WHERE 1 = 0")) {
                ResultSetMetaData md = rs.getMetaData();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    targetTypes.put(md.getColumnName(i).toLowerCase(java.util.Locale.ROOT), md.getColumnType(i));
                }
            }
            String order = t.id() != null ? t.id() : null;
            try (Statement st = src.createStatement()) {
                st.setFetchSize(1000);
                try (ResultSet rs = st.executeQuery("SELECT * FROM " + t.name()
                        + (order == null ? "" : " ORDER BY " + order))) {
                    ResultSetMetaData md = rs.getMetaData();
                    for (int i = 1; i <= md.getColumnCount(); i++) {
                        String column = md.getColumnName(i).toLowerCase(java.util.Locale.ROOT);
                        if (!targetTypes.containsKey(column)) {
                            throw new StoreException("the target has no column " + t.name() + "." + column
                                    + "; both stores must be of the same Perfdesk");
                        }
                        columns.add(column);
                    }
                    return copyRows(t, rs, columns, targetTypes, total);
                }
            }
        }

        private long copyRows(Table t, ResultSet rs, List<String> columns, Map<String, Integer> types, long total)
                throws SQLException {
            boolean newIds = merge && t.id() != null;
            List<String> written = new ArrayList<>(columns);
            if (newIds) {
                written.remove(t.id());
            }
            String sql = "INSERT INTO " + t.name() + "(" + String.join(", ", written) + ") VALUES ("
                    + String.join(", ", java.util.Collections.nCopies(written.size(), "?")) + ")"
                    + (t.conflict() ? " ON CONFLICT DO NOTHING" : "");
            long done = 0;
            long seen = 0;
            int pending = 0;
            try (PreparedStatement ps = newIds ? targetEngine.insertReturningId(dst, sql) : dst.prepareStatement(sql)) {
                Object[] row = new Object[columns.size()];
                while (rs.next()) {
                    seen++;
                    for (int i = 0; i < row.length; i++) {
                        row[i] = rs.getObject(i + 1);
                    }
                    if (!prepare(t, columns, row)) {
                        continue;
                    }
                    int k = 1;
                    for (int i = 0; i < row.length; i++) {
                        if (newIds && columns.get(i).equals(t.id())) {
                            continue;
                        }
                        set(ps, k++, row[i], types.get(columns.get(i)));
                    }
                    if (newIds) {
                        ps.executeUpdate();
                        try (ResultSet keys = ps.getGeneratedKeys()) {
                            keys.next();
                            ids.get(t.name()).put(asLong(row[columns.indexOf(t.id())]), keys.getLong(1));
                        }
                    } else {
                        if (t.id() != null) {
                            long id = asLong(row[columns.indexOf(t.id())]);
                            ids.get(t.name()).put(id, id);
                        }
                        ps.addBatch();
                        if (++pending == BATCH) {
                            ps.executeBatch();
                            pending = 0;
                        }
                    }
                    done++;
                    rows++;
                    if (seen % 5000 == 0) {
                        listener.rows(t.name(), seen, total);
                    }
                }
                if (pending > 0) {
                    ps.executeBatch();
                }
            }
            listener.rows(t.name(), seen, total);
            return done;
        }

        /**
         * Maps a row's ids to the target's, in place. False when the row is not to be written: its owner is one the
         * target has already, a row it names has no counterpart, or (merging) the target has this very item.
         */
        private boolean prepare(Table t, List<String> columns, Object[] row) throws SQLException {
            if (t.owner() != null) {
                int i = columns.indexOf(t.owner());
                long owner = asLong(row[i]);
                String ownerTable = OWNERS.get(t.owner());
                if (existing.get(ownerTable).contains(owner)) {
                    if (t.id() != null) {
                        mapToTargets(t, columns, row);
                    }
                    return false;
                }
                Long mapped = ids.get(ownerTable).get(owner);
                if (mapped == null) {
                    return false;
                }
                row[i] = mapped;
            }
            for (Map.Entry<String, String> ref : t.refs().entrySet()) {
                int i = columns.indexOf(ref.getKey());
                Long mapped = ids.get(ref.getValue()).get(asLong(row[i]));
                if (mapped == null) {
                    return false;
                }
                row[i] = mapped;
            }
            if (t.name().equals("comparison")) {
                String sides = "run".equals(row[columns.indexOf("kind")]) ? "run" : "profile";
                for (String side : new String[] {"baseline_id", "candidate_id"}) {
                    int i = columns.indexOf(side);
                    Long mapped = ids.get(sides).get(asLong(row[i]));
                    if (mapped == null) {
                        return false;
                    }
                    row[i] = mapped;
                }
                return !merge || !hasComparison(columns, row);
            }
            if (merge && t.name().equals("source_file")) {
                String sha = (String) row[columns.indexOf("sha256")];
                try (PreparedStatement ps = dst.prepareStatement("SELECT id FROM source_file WHERE sha256 = ?")) {
                    ps.setString(1, sha);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) {
                            long id = asLong(row[columns.indexOf("id")]);
                            existing.get("source_file").add(id);
                            ids.get("source_file").put(id, rs.getLong(1));
                            duplicates++;
                            return false;
                        }
                    }
                }
            }
            return true;
        }

        /**
         * Maps an item of a file the target has already (a profile, run or series set) to the target's item of that
         * file at the same place, and marks it existing so that its parts are not copied.
         */
        private void mapToTargets(Table t, List<String> columns, Object[] row) throws SQLException {
            long id = asLong(row[columns.indexOf("id")]);
            existing.get(t.name()).add(id);
            long targetSource = ids.get("source_file").get(asLong(row[columns.indexOf("source_id")]));
            String sql = t.name().equals("series_set")
                    ? "SELECT id FROM series_set WHERE source_id = ? AND name = ? ORDER BY id"
                    : "SELECT id FROM " + t.name() + " WHERE source_id = ? AND ordinal = ?";
            try (PreparedStatement ps = dst.prepareStatement(sql)) {
                ps.setLong(1, targetSource);
                if (t.name().equals("series_set")) {
                    ps.setString(2, (String) row[columns.indexOf("name")]);
                } else {
                    ps.setLong(2, asLong(row[columns.indexOf("ordinal")]));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        ids.get(t.name()).put(id, rs.getLong(1));
                    }
                }
            }
        }

        private boolean hasComparison(List<String> columns, Object[] row) throws SQLException {
            try (PreparedStatement ps = dst.prepareStatement("SELECT 1 FROM comparison WHERE kind = ? AND "
                    + "baseline_id = ? AND candidate_id = ? AND created_at = ?")) {
                ps.setString(1, (String) row[columns.indexOf("kind")]);
                ps.setLong(2, asLong(row[columns.indexOf("baseline_id")]));
                ps.setLong(3, asLong(row[columns.indexOf("candidate_id")]));
                ps.setLong(4, asLong(row[columns.indexOf("created_at")]));
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        }

        private static long asLong(Object o) {
            return ((Number) o).longValue();
        }

        /** Sets a value as the target's column type wants it; SQLite and PostgreSQL's drivers differ in types. */
        private static void set(PreparedStatement ps, int i, Object value, int type) throws SQLException {
            if (value == null) {
                ps.setNull(i, type);
                return;
            }
            switch (type) {
                case Types.BIGINT, Types.INTEGER, Types.SMALLINT, Types.TINYINT -> ps.setLong(i,
                        ((Number) value).longValue());
                case Types.DOUBLE, Types.REAL, Types.FLOAT, Types.NUMERIC, Types.DECIMAL -> ps.setDouble(i,
                        ((Number) value).doubleValue());
                case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> ps.setBytes(i, (byte[]) value);
                default -> {
                    if (value instanceof String s) {
                        ps.setString(i, s);
                    } else {
                        ps.setObject(i, value);
                    }
                }
            }
        }
    }
}
