package dev.perfdesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * What every kind of stored item shares: renaming, and deleting an imported item together with the comparisons
 * that name it and, once nothing imported from it remains, the record of the file it came from. Tables and columns
 * here are the repositories' constants, never user input.
 */
final class ImportedItems {
    /** The tables of items imported from a source file; a file is forgotten once none of them holds a row of it. */
    static final String[] IMPORTED_TABLES = {"profile", "run", "series_set", "c2c_report"};

    private ImportedItems() {
    }

    /**
     * Renames the row {@code id} of {@code table}.
     *
     * @param what the kind of item, as messages name it ("a profile")
     * @return whether there was such a row
     * @throws StoreException if the name is blank
     */
    static boolean rename(Database db, String table, String what, long id, String name) {
        if (name == null || name.isBlank()) {
            throw new StoreException(what + " name cannot be empty");
        }
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE " + table + " SET name = ? WHERE id = ?")) {
                ps.setString(1, name.strip());
                ps.setLong(2, id);
                return ps.executeUpdate() == 1;
            }
        });
    }

    /**
     * Deletes the row {@code id} of an imported item's {@code table} (its parts go with it by cascade), the saved
     * comparisons of that kind naming it, and its source file's record once that is unused.
     *
     * @param comparisons the kind of comparison that names such items, or null when none can
     * @return whether there was such a row
     */
    static boolean delete(Database db, String table, long id, StoredComparison.Kind comparisons) {
        return db.write(c -> {
            long source;
            try (PreparedStatement ps = c.prepareStatement("SELECT source_id FROM " + table + " WHERE id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return false;
                    }
                    source = rs.getLong(1);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE id = ?")) {
                ps.setLong(1, id);
                ps.executeUpdate();
            }
            if (comparisons != null) {
                ComparisonRepository.deleteComparisonsOf(c, comparisons, id);
            }
            forgetSourceIfUnused(c, source);
            return true;
        });
    }

    /** Deletes the source file's row once no profile, run, series or c2c report imported from it remains. */
    static void forgetSourceIfUnused(Connection c, long source) throws SQLException {
        StringBuilder sql = new StringBuilder("DELETE FROM source_file WHERE id = ?");
        for (String table : IMPORTED_TABLES) {
            sql.append(" AND NOT EXISTS (SELECT 1 FROM ").append(table).append(" WHERE source_id = ?)");
        }
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int i = 1; i <= IMPORTED_TABLES.length + 1; i++) {
                ps.setLong(i, source);
            }
            ps.executeUpdate();
        }
    }

    /** Whether a file of exactly this size was imported before: then hashing first is worth it. */
    static boolean hasSourceOfSize(Database db, long size) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM source_file WHERE size = ? LIMIT 1")) {
                ps.setLong(1, size);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    static Long asLong(Object o) {
        return o == null ? null : ((Number) o).longValue();
    }
}
