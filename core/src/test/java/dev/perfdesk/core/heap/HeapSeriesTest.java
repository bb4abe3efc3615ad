package dev.perfdesk.core.heap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.perfdesk.core.heap.HeapSeries.Snapshot;
import dev.perfdesk.core.heap.HeapSeries.Tree;
import dev.perfdesk.core.model.ProfileInfo;
import dev.perfdesk.core.model.WeightUnit;
import dev.perfdesk.core.timeline.TimeRange;

class HeapSeriesTest {
    private static final HeapSeries SERIES = new HeapSeries("ms", List.of(
            new Snapshot(0, 0, 0, 0, 0, Tree.EMPTY),
            new Snapshot(1, 10, 5_021_305_210L, 16, 432, Tree.DETAILED),
            new Snapshot(2, 12, 900, 16, 0, Tree.PEAK),
            new Snapshot(3, 20, 100, 8, 0, Tree.EMPTY)));

    @Test
    void encodesAndDecodesEverySnapshot() {
        String text = SERIES.encode();
        assertEquals("0 0 0 0 0 e;1 10 5021305210 16 432 d;2 12 900 16 0 p;3 20 100 8 0 e", text);
        assertEquals(SERIES, HeapSeries.decode("ms", text));
        assertEquals(new HeapSeries("i", List.of()), HeapSeries.decode("i", ""));
        assertThrows(IllegalArgumentException.class, () -> HeapSeries.decode("i", "1 2 3"));
        assertThrows(IllegalArgumentException.class, () -> HeapSeries.decode("i", "1 2 3 4 5 x"));
    }

    @Test
    void thePeakIsMassifsPeakTreeElseTheLargest() {
        assertEquals(2, SERIES.peak().number());
        assertEquals(1, SERIES.largest().number());
        HeapSeries noPeak = new HeapSeries("i", List.of(SERIES.snapshots().get(0), SERIES.snapshots().get(3)));
        assertEquals(3, noPeak.peak().number());
        assertNull(new HeapSeries("i", List.of()).peak());
        assertEquals(5_021_305_210L + 16 + 432, SERIES.byNumber(1).total());
    }

    @Test
    void aSnapshotsTreeIsTheTimelineAtItsNumber() {
        assertEquals(new TimeRange(2, 3), HeapSeries.rangeOf(SERIES.byNumber(2)));
        assertEquals(List.of(1, 2), SERIES.detailed().stream().map(Snapshot::number).toList());
        assertEquals(2, SERIES.nearestDetailed(15).number());
        assertEquals(1, SERIES.nearestDetailed(11).number());
    }

    @Test
    void readsItselfFromAProfilesAttributes() {
        ProfileInfo info = new ProfileInfo("x", "massif", "heap", WeightUnit.BYTES, "", "", "", "", null, -1, 0, 0,
                Map.of(HeapSeries.ATTRIBUTE, SERIES.encode(), HeapSeries.UNIT_ATTRIBUTE, "ms"));
        assertEquals(SERIES, HeapSeries.of(info));
        assertNull(HeapSeries.of(new ProfileInfo("x", "perf", "", WeightUnit.SAMPLES, "", "", "", "", null, -1, 0, 0,
                Map.of())));
        assertEquals("12 ms", SERIES.formatTime(12));
    }
}
