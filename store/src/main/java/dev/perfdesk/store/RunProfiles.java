package dev.perfdesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Links between runs and the profiles attached to them (table {@code run_profile}), and the flow of a run's labels
 * to its profiles.
 */
final class RunProfiles {
    private RunProfiles() {
    }

    /**
     * Links profile {@code profileId} to run {@code runId} on {@code c}, inside the caller's transaction, and copies
     * the run's label, commit, tags and environment to the profile's attributes it does not have yet, and the run's
     * labels to the profile's labels it does not have yet.
     *
     * @throws StoreException when there is no such run or profile
     */
    static void link(Connection c, String where, long runId, long profileId) throws SQLException {
        Map<String, String> labels = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT label, commit_id FROM run WHERE id = ?")) {
            ps.setLong(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new StoreException("no run with id r" + runId + " in " + where);
                }
                if (!rs.getString(1).isEmpty()) {
                    labels.put("label", rs.getString(1));
                }
                if (!rs.getString(2).isEmpty()) {
                    labels.put("commit", rs.getString(2));
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT 1 FROM profile WHERE id = ? AND complete = 1")) {
            ps.setLong(1, profileId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new StoreException("no profile with id " + profileId + " in " + where);
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO run_profile(run_id, profile_id, linked_at) "
                + "VALUES (?, ?, ?) ON CONFLICT DO NOTHING")) {
            ps.setLong(1, runId);
            ps.setLong(2, profileId);
            ps.setLong(3, System.currentTimeMillis());
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT key, value FROM run_attribute WHERE run_id = ? ORDER BY kind DESC, ordinal")) {
            ps.setLong(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    labels.putIfAbsent(rs.getString(1), rs.getString(2));
                }
            }
        }
        int next = 0;
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT key, ordinal FROM profile_attribute WHERE profile_id = ?")) {
            ps.setLong(1, profileId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    labels.remove(rs.getString(1));
                    next = Math.max(next, rs.getInt(2) + 1);
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO profile_attribute(profile_id, ordinal, key, value) VALUES (?, ?, ?, ?)")) {
            for (Map.Entry<String, String> e : labels.entrySet()) {
                ps.setLong(1, profileId);
                ps.setInt(2, next++);
                ps.setString(3, e.getKey());
                ps.setString(4, e.getValue());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        // The run's labels (platform=..., branch=...) flow to the profile, which keeps those it has of its own.
        Map<String, String> own = LabelTable.PROFILES.of(c, profileId);
        Map<String, String> flow = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : LabelTable.RUNS.of(c, runId).entrySet()) {
            if (!own.containsKey(e.getKey())) {
                flow.put(e.getKey(), e.getValue());
            }
        }
        if (!flow.isEmpty()) {
            LabelTable.PROFILES.replace(c, profileId, flow);
        }
    }
}
