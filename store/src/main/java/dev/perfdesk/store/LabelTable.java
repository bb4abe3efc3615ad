package dev.perfdesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The labels of runs ({@code run_label}) or of profiles ({@code profile_label}): one row per item and key, indexed by
 * key and value, so that filtering by a label is one index lookup per label. Table and column names are this class's
 * constants, never user input; keys and values go through prepared statements.
 */
final class LabelTable {
    static final LabelTable RUNS = new LabelTable("run_label", "run_id");
    static final LabelTable PROFILES = new LabelTable("profile_label", "profile_id");

    private final String table;
    private final String idColumn;

    private LabelTable(String table, String idColumn) {
        this.table = table;
        this.idColumn = idColumn;
    }

    /** Writes the labels of a new item {@code id}, which has none yet. */
    void write(Connection c, long id, Map<String, String> labels) throws SQLException {
        if (labels.isEmpty()) {
            return;
        }
        try (PreparedStatement ins = c.prepareStatement("INSERT INTO " + table + "(" + idColumn
                + ", key, value) VALUES (?, ?, ?)")) {
            for (Map.Entry<String, String> e : labels.entrySet()) {
                ins.setLong(1, id);
                ins.setString(2, e.getKey());
                ins.setString(3, e.getValue());
                ins.addBatch();
            }
            ins.executeBatch();
        }
    }

    /** Writes {@code labels} of item {@code id}, replacing its labels of the same keys. */
    void replace(Connection c, long id, Map<String, String> labels) throws SQLException {
        if (labels.isEmpty()) {
            return;
        }
        try (PreparedStatement del = c.prepareStatement("DELETE FROM " + table + " WHERE " + idColumn
                + " = ? AND key = ?")) {
            for (String key : labels.keySet()) {
                del.setLong(1, id);
                del.setString(2, key);
                del.addBatch();
            }
            del.executeBatch();
        }
        write(c, id, labels);
    }

    /** The labels of item {@code id}, by key. */
    Map<String, String> of(Connection c, long id) throws SQLException {
        Map<String, String> out = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT key, value FROM " + table + " WHERE " + idColumn
                + " = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return Collections.unmodifiableMap(new LinkedHashMap<>(out));
    }

    /** The labels of every item that has any, by item id, each by key. */
    Map<Long, Map<String, String>> all(Connection c) throws SQLException {
        Map<Long, Map<String, String>> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + idColumn + ", key, value FROM " + table);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.computeIfAbsent(rs.getLong(1), k -> new TreeMap<>()).put(rs.getString(2), rs.getString(3));
            }
        }
        return out;
    }

    /**
     * The SQL condition, on the item's id column {@code idExpression}, that the item has every label of
     * {@code where}; its parameters are added to {@code args} in order.
     */
    String condition(String idExpression, Map<String, String> where, List<Object> args) {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, String> w : where.entrySet()) {
            parts.add(idExpression + " IN (SELECT " + idColumn + " FROM " + table + " WHERE key = ? AND value = ?)");
            args.add(w.getKey());
            args.add(w.getValue());
        }
        return String.join(" AND ", parts);
    }

    /** Every key in use and its values, each sorted, with how many items carry the pair. */
    Map<String, Map<String, Integer>> keys(Connection c) throws SQLException {
        Map<String, Map<String, Integer>> out = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT key, value, COUNT(*) FROM " + table
                + " GROUP BY key, value");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.computeIfAbsent(rs.getString(1), k -> new TreeMap<>()).put(rs.getString(2), rs.getInt(3));
            }
        }
        return out;
    }
}
