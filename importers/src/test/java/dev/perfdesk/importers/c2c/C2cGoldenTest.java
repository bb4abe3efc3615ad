package dev.perfdesk.importers.c2c;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.perfdesk.core.c2c.C2cLine;
import dev.perfdesk.core.c2c.C2cOffset;
import dev.perfdesk.core.c2c.C2cReport;
import dev.perfdesk.core.c2c.FalseSharing;
import dev.perfdesk.core.progress.ProgressMonitor;
import dev.perfdesk.core.spi.CollectingSink;
import dev.perfdesk.importers.Importers;
import dev.perfdesk.importers.spi.ImportSource;

/**
 * Real {@code perf c2c report --stdio} output (no recording is possible on this VM: it has no memory-event
 * counters): perfgo's report of its false-sharing example (perf 6.x, AMD IBS, "Tot Hitm" and "N/A" store columns)
 * and the x86 and Arm SPE tables of Leo Yan's 2022 "perf c2c: Support display for Arm64" series (perf 5.19, with
 * "Snoop Peer" and "Anylvl"). Every expected value is the report's own text.
 */
class C2cGoldenTest {
    static Path dir() {
        return Path.of(System.getProperty("perfdesk.testdata", "../testdata")).resolve("perf-c2c");
    }

    static C2cReport read(String name) throws Exception {
        ImportSource source = ImportSource.of(dir().resolve(name));
        assertEquals(C2cImporter.FORMAT, Importers.detect(source).format(), "detected by content");
        CollectingSink sink = new CollectingSink();
        new C2cImporter().read(source, sink, ProgressMonitor.NONE);
        assertTrue(sink.profiles().isEmpty());
        assertEquals(1, sink.c2cReports().size());
        return sink.c2cReports().get(0);
    }

    @Test
    void perfgosFalseSharingReport() throws Exception {
        C2cReport r = read("perfgo.false-sharing.c2c-report.txt");
        assertEquals("perfgo.false-sharing.c2c-report.txt", r.name());
        assertEquals("9007", r.traceEvents().get("Total records"));
        assertEquals("2092", r.traceEvents().get("Load Local HITM"));
        assertEquals("4", r.traceEvents().get("Load Remote HITM"));
        assertEquals("100.0%", r.traceEvents().get("LLC Misses to Remote cache (HITM)"));
        assertEquals("5700", r.traceEvents().get("Unable to parse data source"));
        assertEquals(35, r.traceEvents().size());
        assertEquals("1", r.sharedEvents().get("Total Shared Cache Lines"));
        assertEquals("2096", r.sharedEvents().get("Total Merged records"));
        assertEquals("ibs_op/ldlat=0/", r.events());
        assertEquals("Total HITMs", r.details().get("Cachelines sort on"));
        assertEquals("offset,iaddr", r.details().get("Cacheline data grouping"));

        assertEquals(23, r.lineColumns().size());
        assertEquals(List.of("Index", "Cacheline Address", "Cacheline Node", "Cacheline PA cnt", "Tot Hitm",
                "Load Hitm Total", "Load Hitm LclHitm", "Load Hitm RmtHitm"), r.lineColumns().subList(0, 8));
        assertEquals(1, r.lines().size());
        C2cLine line = r.lines().get(0);
        assertEquals(0, line.index());
        assertEquals("0x20ea08034080", line.address());
        assertEquals("100.00%", r.lineCell(line, "Tot Hitm"));
        assertEquals("2096", r.lineCell(line, "Load Hitm Total"));
        assertEquals("2092", r.lineCell(line, "Load Hitm LclHitm"));
        assertEquals("4", r.lineCell(line, "Load Hitm RmtHitm"));
        assertEquals("3152", r.lineCell(line, "Total records"));
        assertEquals("1056", r.lineCell(line, "Core Load Hit L1"));
        assertEquals("2092", r.lineCell(line, "LLC Load Hit LclHitm"));
        assertEquals("0", r.lineCell(line, "Stores N/A"));
        assertEquals("1734", r.lineCell(line, "Cacheline PA cnt"));

        assertEquals(2, line.offsets().size());
        List<String> oc = r.offsetColumns();
        C2cOffset a = line.offsets().get(0);
        C2cOffset b = line.offsets().get(1);
        assertEquals("0x30", a.cell(oc, "Data address Offset"));
        assertEquals("0x38", b.cell(oc, "Data address Offset"));
        assertEquals("49.62%", a.cell(oc, "HITM LclHitm"));
        assertEquals("50.38%", b.cell(oc, "HITM LclHitm"));
        assertEquals("75.00%", a.cell(oc, "HITM RmtHitm"));
        assertEquals("1552", a.cell(oc, "Total records"));
        assertEquals("1600", b.cell(oc, "Total records"));
        assertEquals("12", a.cell(oc, "cpu cnt"));
        assertEquals("0x53dc88", a.cell(oc, "Code address"));
        assertEquals("410", a.cell(oc, "cycles rmt hitm"));
        assertEquals("[.] github.com/perfgo/perfgo/e", a.cell(oc, "Symbol"));
        assertEquals("perfgo.test.linux.amd64", a.cell(oc, "Shared Object"));
        assertEquals("go.go:0", a.cell(oc, "Source:Line"));
        assertEquals("0", a.cell(oc, "Node"));
        // two fields 8 bytes apart, written from 12 and 10 CPUs: the README's false sharing
        assertTrue(FalseSharing.showsFalseSharing(r, line));
        assertTrue(FalseSharing.highlighted(r, line, a) && FalseSharing.highlighted(r, line, b));
        assertEquals(1, FalseSharing.lineCount(r));
    }

    @Test
    void leoYansX86TableWithSnoopPeerAndAnyLevel() throws Exception {
        C2cReport r = read("lkml.leo-yan.x86-peer-anylvl.c2c-excerpt.txt");
        assertTrue(r.traceEvents().isEmpty(), "an excerpt: the two tables only");
        assertEquals(24, r.lineColumns().size());
        assertEquals("Snoop Peer", r.lineColumns().get(8));
        assertEquals("Stores Anylvl", r.lineColumns().get(14));
        assertEquals(2, r.lines().size());
        C2cLine hot = r.lines().get(0);
        assertEquals("0x55c8971f0080", hot.address());
        assertEquals("66.14%", r.lineCell(hot, "Tot Hitm"));
        assertEquals("252", r.lineCell(hot, "Load Hitm LclHitm"));
        assertEquals("2494", r.lineCell(hot, "Total Stores"));
        assertEquals("2024", r.lineCell(hot, "Stores L1Hit"));
        assertEquals(4, hot.offsets().size());
        List<String> oc = r.offsetColumns();
        assertEquals("Store Refs Any Lvl", oc.get(5));
        assertEquals("cycles peer", oc.get(13));
        assertEquals("90.51%", hot.offsets().get(1).cell(oc, "Store Refs L1 Hit"));
        assertEquals("86.90%", hot.offsets().get(3).cell(oc, "HITM LclHitm"));
        assertEquals("0x20", hot.offsets().get(3).cell(oc, "Data address Offset"));
        assertEquals("false_sharing.exe[1447]", hot.offsets().get(3).cell(oc, "Source:Line"));
        assertEquals("[.] 0x0000000000001447", hot.offsets().get(3).cell(oc, "Symbol"));
        // offsets 0x0 (stores and HITMs) and 0x20 (HITMs) from 3 and 2 CPUs: false sharing
        assertTrue(FalseSharing.showsFalseSharing(r, hot));
        // line 1: one offset, 0x20, from 2 CPUs: true sharing, not highlighted
        C2cLine one = r.lines().get(1);
        assertEquals("33.86%", r.lineCell(one, "Tot Hitm"));
        assertEquals(1, one.offsets().size());
        assertFalse(FalseSharing.showsFalseSharing(r, one));
        assertFalse(FalseSharing.highlighted(r, one, one.offsets().get(0)));
    }

    @Test
    void leoYansArmSpeTableSortedOnPeerSnoops() throws Exception {
        C2cReport r = read("lkml.leo-yan.arm-spe-peer.c2c-excerpt.txt");
        assertEquals("Snoop Peer", r.lineColumns().get(4), "the sort column where x86 has Tot Hitm");
        C2cLine line = r.lines().get(0);
        assertEquals("N/A", r.lineCell(line, "Cacheline Node"));
        assertEquals("100.00%", r.lineCell(line, "Snoop Peer"));
        assertEquals("99", line.cells().get(8), "the second Snoop Peer column: the count");
        assertEquals("18851", r.lineCell(line, "Total records"));
        List<String> oc = r.offsetColumns();
        assertEquals("93.94%", line.offsets().get(1).cell(oc, "Snoop Peer"));
        assertEquals("0x29", line.offsets().get(1).cell(oc, "Data address Offset"));
        assertEquals("memstress", line.offsets().get(1).cell(oc, "Shared Object"));
        assertTrue(FalseSharing.showsFalseSharing(r, line), "0x20 and 0x29 take peer snoops from 2 CPUs");
    }

    @Test
    void aReportQuotedWithIndentationReadsAsTheFileDoes() throws Exception {
        String plain = Files.readString(dir().resolve("perfgo.false-sharing.c2c-report.txt"));
        Path dirTmp = Files.createTempDirectory("c2c");
        try {
            Path indented = Files.writeString(dirTmp.resolve("quoted.txt"), plain.replaceAll("(?m)^", "    "));
            CollectingSink sink = new CollectingSink();
            new C2cImporter().read(ImportSource.of(indented), sink, ProgressMonitor.NONE);
            C2cReport r = sink.c2cReports().get(0);
            C2cReport original = read("perfgo.false-sharing.c2c-report.txt");
            assertEquals(original.lineColumns(), r.lineColumns());
            assertEquals(original.offsetColumns(), r.offsetColumns());
            assertEquals(original.lines(), r.lines());
        } finally {
            try (var files = Files.walk(dirTmp)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
