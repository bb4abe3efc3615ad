package dev.perfdesk.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Map;

import dev.perfdesk.core.series.ChangePointKey;
import dev.perfdesk.core.series.ChangePointReview;
import dev.perfdesk.core.series.ChangePointReviews;
import dev.perfdesk.core.series.ReviewStatus;

/** Reviews of change points (acknowledged or dismissed), shared by everyone who uses the store. */
public final class ReviewRepository {
    private final Database db;

    ReviewRepository(Database db) {
        this.db = db;
    }

    /** Every review, keyed as the series analysis keys change points. */
    public ChangePointReviews all() {
        Map<ChangePointKey, ChangePointReview> map = db.read(c -> {
            Map<ChangePointKey, ChangePointReview> out = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT series, metric, time_ms, status, reason FROM change_point_review");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(new ChangePointKey(rs.getString(1), rs.getString(2), rs.getLong(3)),
                            new ChangePointReview(ReviewStatus.valueOf(rs.getString(4)), rs.getString(5)));
                }
            } catch (IllegalArgumentException e) {
                throw new StoreException("a change-point review has an unknown status; the store may be damaged", e);
            }
            return out;
        });
        return ChangePointReviews.of(map);
    }

    /** Records a review of a change point, replacing an earlier one; {@code NEW} removes the review. */
    public void save(ChangePointKey key, ChangePointReview review) {
        db.write(c -> {
            if (review.status() == ReviewStatus.NEW) {
                try (PreparedStatement ps = c.prepareStatement(
                        "DELETE FROM change_point_review WHERE series = ? AND metric = ? AND time_ms = ?")) {
                    ps.setString(1, key.series());
                    ps.setString(2, key.metric());
                    ps.setLong(3, key.time());
                    ps.executeUpdate();
                }
                return null;
            }
            // an upsert both engines read the same way, so two people reviewing at once never fail
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO change_point_review(series, metric, time_ms, "
                    + "status, reason, reviewed_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (series, metric, time_ms) "
                    + "DO UPDATE SET status = excluded.status, reason = excluded.reason, "
                    + "reviewed_at = excluded.reviewed_at")) {
                ps.setString(1, key.series());
                ps.setString(2, key.metric());
                ps.setLong(3, key.time());
                ps.setString(4, review.status().name());
                ps.setString(5, review.reason());
                ps.setLong(6, System.currentTimeMillis());
                ps.executeUpdate();
            }
            return null;
        });
    }
}
