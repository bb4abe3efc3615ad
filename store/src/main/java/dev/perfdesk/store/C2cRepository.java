package dev.perfdesk.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.perfdesk.core.c2c.C2cReport;

/** The stored perf c2c reports: listing, loading, renaming and deleting. */
public final class C2cRepository {
    private final Database db;

    C2cRepository(Database db) {
        this.db = db;
    }

    /** Every c2c report, newest import first. */
    public List<StoredC2c> list() {
        return query("ORDER BY s.imported_at DESC, s.id DESC, x.id", null);
    }

    /** The c2c report with {@code id}, if any. */
    public Optional<StoredC2c> find(long id) {
        List<StoredC2c> found = query("WHERE x.id = ?", id);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** The c2c reports imported from the file with this SHA-256. */
    public List<StoredC2c> ofSource(String sha256) {
        return query("WHERE s.sha256 = ? ORDER BY x.id", sha256);
    }

    private List<StoredC2c> query(String where, Object arg) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT x.id, x.name, x.cache_lines, x.false_sharing, "
                    + "x.events, s.path, "
                    + "s.imported_at FROM c2c_report x JOIN source_file s ON s.id = x.source_id " + where)) {
                if (arg != null) {
                    ps.setObject(1, arg);
                }
                List<StoredC2c> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new StoredC2c(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getInt(4),
                                rs.getString(5), rs.getString(6), Instant.ofEpochMilli(rs.getLong(7))));
                    }
                }
                return out;
            }
        });
    }

    /** Loads a c2c report. */
    public C2cReport load(long id) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT data FROM c2c_report WHERE id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new StoreException("no c2c report with id c" + id + " in " + db.where());
                    }
                    return C2cCodec.decode(rs.getBytes(1));
                }
            }
        });
    }

    /** Renames a c2c report. */
    public boolean rename(long id, String name) {
        return ImportedItems.rename(db, "c2c_report", "a c2c report", id, name);
    }

    /** Deletes a c2c report; the file it came from is forgotten once nothing imported from it remains. */
    public boolean delete(long id) {
        return ImportedItems.delete(db, "c2c_report", id, null);
    }
}
