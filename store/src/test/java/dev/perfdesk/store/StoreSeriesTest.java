package dev.perfdesk.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.perfdesk.core.series.ChangePointKey;
import dev.perfdesk.core.series.ChangePointReview;
import dev.perfdesk.core.series.ReviewStatus;
import dev.perfdesk.core.series.SeriesSet;

class StoreSeriesTest {
    @TempDir
    Path dir;

    static SeriesSet set() {
        SeriesSet.Builder b = SeriesSet.builder("nightly", List.of("throughput", "p99"), List.of("commit", "build"));
        b.unit("p99", "ms");
        b.add(1_700_000_000_000L, new double[] {100.5, 12.0}, new String[] {"abc123", "https://ci/1"});
        b.add(1_700_000_060_000L, new double[] {Double.NaN, 12.5}, new String[] {"def456", null});
        b.add(1_700_000_120_000L, new double[] {98.25, 30.0}, new String[] {"0badc0de".repeat(10_000), "x"});
        return b.build();
    }

    @EngineTest
    void seriesRoundTripsAndDeletes(TestEngine engine) {
        try (Store store = engine.open("a")) {
            long id;
            try (ImportTransaction tx = store.beginImport(Path.of("nightly.csv"), "series-csv", 10)) {
                tx.addSeries(set());
                ImportTransaction.Outcome outcome = tx.commit("h");
                assertEquals(1, outcome.series().size());
                id = outcome.series().get(0).id();
            }
            StoredSeries stored = store.findSeries(id).orElseThrow();
            assertEquals(List.of("throughput", "p99"), stored.metrics());
            assertEquals(3, stored.runs());
            SeriesSet read = store.loadSeries(id);
            SeriesSet written = set();
            assertArrayEquals(written.times(), read.times());
            assertArrayEquals(written.values("throughput"), read.values("throughput"));
            assertArrayEquals(written.values("p99"), read.values("p99"));
            assertEquals("ms", read.unit("p99"));
            assertNull(read.attribute("build", 1));
            assertEquals(written.attribute("commit", 2), read.attribute("commit", 2));
            assertTrue(store.renameSeries(id, "nightly builds"));
            assertEquals("nightly builds", store.listSeries().get(0).name());
            assertTrue(store.hasSourceOfSize(10));
            assertTrue(store.deleteSeries(id));
            assertFalse(store.hasSourceOfSize(10), "the file is forgotten with its last series");
        }
    }

    @EngineTest
    void reviewsAreKeptAndRemoved(TestEngine engine) {
        ChangePointKey key = new ChangePointKey("nightly", "p99", 1_700_000_120_000L);
        try (Store store = engine.open("b")) {
            store.saveReview(key, new ChangePointReview(ReviewStatus.DISMISSED, "noisy runner"));
        }
        try (Store store = engine.open("b")) {
            assertEquals(new ChangePointReview(ReviewStatus.DISMISSED, "noisy runner"), store.reviews().reviewOf(key));
            store.saveReview(key, new ChangePointReview(ReviewStatus.ACKNOWLEDGED, "real: new allocator"));
            assertEquals(ReviewStatus.ACKNOWLEDGED, store.reviews().reviewOf(key).status());
            store.saveReview(key, ChangePointReview.NEW);
            ChangePointReview none = store.reviews().reviewOf(key);
            assertTrue(none == null || !none.isReviewed());
        }
    }
}
