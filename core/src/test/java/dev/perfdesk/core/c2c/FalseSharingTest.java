package dev.perfdesk.core.c2c;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The false-sharing rule on small reports shaped as perf's pareto rows. */
class FalseSharingTest {
    static final List<String> COLUMNS = List.of("HITM RmtHitm", "HITM LclHitm", "Store Refs L1 Hit",
            "Data address Offset", "Code address", "cpu cnt", "Symbol");

    static C2cOffset row(String lcl, String store, String offset, String code, String cpus) {
        return new C2cOffset(List.of("0.00%", lcl, store, offset, code, cpus, "[.] f"));
    }

    static C2cReport report(C2cLine... lines) {
        return new C2cReport("r", Map.of(), Map.of(), Map.of(), List.of("Index", "Cacheline Address"), COLUMNS,
                List.of(lines));
    }

    static C2cLine line(C2cOffset... offsets) {
        return new C2cLine(0, "0x40", List.of("0", "0x40"), List.of(offsets));
    }

    @Test
    void twoOffsetsWrittenFromSeveralCpusAreFalseSharing() {
        C2cLine l = line(row("50.00%", "0.00%", "0x30", "0x10", "4"), row("50.00%", "0.00%", "0x38", "0x20", "3"));
        C2cReport r = report(l);
        assertTrue(FalseSharing.showsFalseSharing(r, l));
        assertEquals(1, FalseSharing.lineCount(r));
        assertTrue(FalseSharing.highlighted(r, l, l.offsets().get(0)));
    }

    @Test
    void oneOffsetFromManyCpusIsTrueSharing() {
        C2cLine l = line(row("60.00%", "0.00%", "0x0", "0x10", "8"), row("40.00%", "10.00%", "0x0", "0x20", "8"));
        assertFalse(FalseSharing.showsFalseSharing(report(l), l));
    }

    @Test
    void anOffsetWithNoHitmNorStoreDoesNotCount() {
        C2cLine l = line(row("100.00%", "0.00%", "0x0", "0x10", "2"), row("0.00%", "0.00%", "0x8", "0x20", "2"));
        C2cReport r = report(l);
        assertFalse(FalseSharing.showsFalseSharing(r, l));
        assertFalse(FalseSharing.contended(r, l.offsets().get(1)));
    }

    @Test
    void twoOffsetsFromOneCpuAndOneInstructionAreNot() {
        C2cLine l = line(row("50.00%", "0.00%", "0x0", "0x10", "1"), row("0.00%", "50.00%", "0x8", "0x10", "1"));
        assertFalse(FalseSharing.showsFalseSharing(report(l), l));
    }

    @Test
    void cellsCompareAsNumbersPercentagesAndHex() {
        assertTrue(C2cValues.CELL_ORDER.compare("914", "6044") < 0);
        assertTrue(C2cValues.CELL_ORDER.compare("9.49%", "90.51%") < 0);
        assertTrue(C2cValues.CELL_ORDER.compare("0x8", "0x20") < 0);
        assertTrue(C2cValues.CELL_ORDER.compare("12", "N/A") < 0, "numbers before text");
        assertEquals(48.0, C2cValues.number("0x30"));
        assertTrue(Double.isNaN(C2cValues.number("[.] f")));
    }
}
