package dev.perfdesk.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import dev.perfdesk.core.c2c.C2cLine;
import dev.perfdesk.core.c2c.C2cOffset;
import dev.perfdesk.core.c2c.C2cReport;

/** A c2c report is stored whole, listed with its counts, read back equal, kept only on commit, and deleted. */
class StoreC2cTest {
    static C2cReport report() {
        List<String> offsetColumns = List.of("HITM LclHitm", "Store Refs L1 Hit", "Data address Offset", "cpu cnt",
                "Symbol");
        C2cLine line = new C2cLine(0, "0x20ea08034080", List.of("0", "0x20ea08034080", "2096"), List.of(
                new C2cOffset(List.of("49.62%", "0.00%", "0x30", "12", "[.] counter<'a & \"b\">")),
                new C2cOffset(List.of("50.38%", "0.00%", "0x38", "10", "[.] ünïcode::run"))));
        C2cLine single = new C2cLine(1, "0x40", List.of("1", "0x40", "7"), List.of(
                new C2cOffset(List.of("100.00%", "0.00%", "0x0", "4", "[k] spin"))));
        return new C2cReport("report.txt", Map.of("Total records", "9007"), Map.of("Total Shared Cache Lines", "2"),
                Map.of("Events", "ibs_op/ldlat=0/"), List.of("Index", "Cacheline Address", "Load Hitm Total"),
                offsetColumns, List.of(line, single));
    }

    @EngineTest
    void aReportRoundTripsIsListedAndDeletes(TestEngine engine) {
        try (Store store = engine.open("c2c")) {
            long id;
            try (ImportTransaction tx = store.beginImport(Path.of("report.txt"), "perf-c2c", 11)) {
                tx.addC2c(report());
                ImportTransaction.Outcome outcome = tx.commit("c2c-hash");
                assertEquals(1, outcome.c2c().size());
                assertTrue(outcome.profiles().isEmpty());
                id = outcome.c2c().get(0).id();
            }
            StoredC2c listed = store.listC2c().get(0);
            assertEquals(id, listed.id());
            assertEquals(2, listed.cacheLines());
            assertEquals(1, listed.falseSharingLines(), "two offsets from several CPUs on line 0 only");
            assertEquals("ibs_op/ldlat=0/", listed.events());
            assertEquals("report.txt", Path.of(listed.sourcePath()).getFileName().toString());
            assertEquals(report(), store.c2c().load(id));
            assertEquals(List.of(listed), store.c2cOfSource("c2c-hash"));

            try (ImportTransaction tx = store.beginImport(Path.of("again.txt"), "perf-c2c", 11)) {
                tx.addC2c(report());
                ImportTransaction.Outcome again = tx.commit("c2c-hash");
                assertTrue(again.duplicate());
                assertEquals(List.of(listed), again.c2c());
            }
            assertEquals(1, store.listC2c().size());

            assertTrue(store.c2c().rename(id, "nightly c2c"));
            assertEquals("nightly c2c", store.listC2c().get(0).name());
            assertTrue(store.hasSourceOfSize(11));
            assertTrue(store.c2c().delete(id));
            assertTrue(store.listC2c().isEmpty());
            assertFalse(store.hasSourceOfSize(11), "the file is forgotten with its last report");
        }
    }

    @EngineTest
    void aReportOfAnImportThatIsNotCommittedIsNotKept(TestEngine engine) {
        try (Store store = engine.open("c2c-abort")) {
            try (ImportTransaction tx = store.beginImport(Path.of("report.txt"), "perf-c2c", 12)) {
                tx.addC2c(report());
            }
            assertTrue(store.listC2c().isEmpty());
            assertFalse(store.hasSourceOfSize(12));
        }
    }
}
