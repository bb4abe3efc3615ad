package dev.perfdesk.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.perfdesk.core.series.SeriesSet;

/** The stored series sets (CSV tables of runs): listing, loading, renaming and deleting. */
public final class SeriesRepository {
    private final Database db;

    SeriesRepository(Database db) {
        this.db = db;
    }

    /** Every series set, newest import first. */
    public List<StoredSeries> list() {
        return query("ORDER BY s.imported_at DESC, s.id DESC, x.id", null);
    }

    /** The series set with {@code id}, if any. */
    public Optional<StoredSeries> find(long id) {
        List<StoredSeries> found = query("WHERE x.id = ?", id);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** The series sets imported from the file with this SHA-256. */
    public List<StoredSeries> ofSource(String sha256) {
        return query("WHERE s.sha256 = ? ORDER BY x.id", sha256);
    }

    private List<StoredSeries> query(String where, Object arg) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT x.id, x.name, x.runs, x.metrics, s.path, "
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
            }
        });
    }

    /** Loads a series set. */
    public SeriesSet load(long id) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT data FROM series_set WHERE id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new StoreException("no series with id s" + id + " in " + db.where());
                    }
                    return SeriesCodec.decode(rs.getBytes(1));
                }
            }
        });
    }

    /** Renames a series set. */
    public boolean rename(long id, String name) {
        return ImportedItems.rename(db, "series_set", "a series", id, name);
    }

    /** Deletes a series set; the file it came from is forgotten once nothing imported from it remains. */
    public boolean delete(long id) {
        return ImportedItems.delete(db, "series_set", id, null);
    }
}
