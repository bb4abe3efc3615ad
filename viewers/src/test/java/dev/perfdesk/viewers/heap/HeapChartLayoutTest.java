package dev.perfdesk.viewers.heap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.perfdesk.core.heap.HeapSeries;
import dev.perfdesk.core.heap.HeapSeries.Snapshot;
import dev.perfdesk.core.heap.HeapSeries.Tree;

class HeapChartLayoutTest {
    private static final HeapSeries SERIES = new HeapSeries("i", List.of(
            new Snapshot(0, 0, 0, 0, 0, Tree.EMPTY),
            new Snapshot(1, 1_000, 300_000, 20_000, 0, Tree.DETAILED),
            new Snapshot(2, 2_000, 1_180_672, 70_416, 0, Tree.PEAK),
            new Snapshot(3, 3_000, 400_000, 30_000, 4_000, Tree.EMPTY),
            new Snapshot(4, 4_000, 100_000, 10_000, 0, Tree.DETAILED)));

    @Test
    void scalesPutTheFirstSnapshotLeftAndZeroAtTheBottom() {
        HeapChartLayout l = HeapChartLayout.of(SERIES, 1000, 200);
        assertEquals(HeapChartLayout.AXIS_LEFT, l.x(0), 1e-9);
        assertEquals(l.left() + l.width(), l.x(4_000), 1e-9);
        assertEquals(l.top() + l.height(), l.y(0), 1e-9);
        // 1,251,088 B at most: steps of 500 KiB, so the top is 1500 KiB.
        assertEquals(1_536_000, l.maxBytes());
        assertEquals(List.of("0", "500 KiB", "1000 KiB", "1500 KiB"),
                l.byteTicks().stream().map(HeapChartLayout.Tick::label).toList());
        assertEquals(l.top(), l.y(l.maxBytes()), 1e-9);
    }

    @Test
    void aClickPicksTheNearestDetailedSnapshot() {
        HeapChartLayout l = HeapChartLayout.of(SERIES, 1000, 200);
        assertEquals(1, l.pick(l.x(1_400)).number());
        assertEquals(2, l.pick(l.x(2_600)).number());
        // Snapshot 3 has no tree: the nearest with one is 4.
        assertEquals(4, l.pick(l.x(3_100)).number());
        assertEquals(1, l.pick(0).number());
        assertNull(HeapChartLayout.of(new HeapSeries("i", List.of(SERIES.snapshots().get(0))), 100, 100).pick(50));
    }

    @Test
    void timeTicksAreInTheFilesUnit() {
        HeapSeries ms = new HeapSeries("ms", List.of(new Snapshot(0, 0, 1, 0, 0, Tree.EMPTY),
                new Snapshot(1, 250, 2, 0, 0, Tree.PEAK)));
        assertEquals(List.of("0 ms", "50 ms", "100 ms", "150 ms", "200 ms", "250 ms"),
                HeapChartLayout.of(ms, 600, 200).timeTicks().stream().map(HeapChartLayout.Tick::label).toList());
        HeapSeries instructions = new HeapSeries("i", List.of(new Snapshot(0, 0, 1, 0, 0, Tree.EMPTY),
                new Snapshot(1, 2_064_000, 2, 0, 0, Tree.PEAK)));
        assertEquals("1 Mi", HeapChartLayout.of(instructions, 600, 200).timeTicks().get(2).label());
    }
}
