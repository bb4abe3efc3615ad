package dev.perfdesk.viewers.c2c;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/** perf's two-row headers come back from the joined column names, without JavaFX. */
class ColumnGroupsTest {
    @Test
    void neighboursSharingLeadingWordsBecomeOneGroup() {
        List<ColumnGroups.Group> g = ColumnGroups.of(List.of("Index", "Cacheline Address", "Cacheline Node",
                "Cacheline PA cnt", "Tot Hitm", "Load Hitm Total", "Load Hitm LclHitm", "Load Hitm RmtHitm",
                "Snoop Peer", "Store Refs L1 Hit", "Store Refs L1 Miss", "Store Refs Any Lvl", "Load Dram Lcl",
                "Load Dram Rmt"));
        assertEquals(List.of(
                new ColumnGroups.Group("Index", 0, List.of()),
                new ColumnGroups.Group("Cacheline", 1, List.of("Address", "Node", "PA cnt")),
                new ColumnGroups.Group("Tot Hitm", 4, List.of()),
                new ColumnGroups.Group("Load Hitm", 5, List.of("Total", "LclHitm", "RmtHitm")),
                new ColumnGroups.Group("Snoop Peer", 8, List.of()),
                new ColumnGroups.Group("Store Refs", 9, List.of("L1 Hit", "L1 Miss", "Any Lvl")),
                new ColumnGroups.Group("Load Dram", 12, List.of("Lcl", "Rmt"))), g);
    }

    @Test
    void everyColumnIsCoveredOnceInOrder() {
        List<String> columns = List.of("HITM RmtHitm", "HITM LclHitm", "Data address Offset", "Code address",
                "cycles rmt hitm", "cycles lcl hitm", "cycles load", "Symbol", "Shared Object", "Source:Line", "Node");
        int next = 0;
        for (ColumnGroups.Group group : ColumnGroups.of(columns)) {
            assertEquals(next, group.first());
            next += Math.max(1, group.children().size());
        }
        assertEquals(columns.size(), next);
        assertEquals(new ColumnGroups.Group("cycles", 4, List.of("rmt hitm", "lcl hitm", "load")),
                ColumnGroups.of(columns).get(3));
    }
}
