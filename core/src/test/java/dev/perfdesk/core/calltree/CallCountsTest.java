package dev.perfdesk.core.calltree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class CallCountsTest {
    private static CallCounts counts() {
        Map<String, CallCounts.Calls> m = new LinkedHashMap<>();
        m.put("shared", new CallCounts.Calls(900, 450_000, 450_000));
        m.put("is_even", new CallCounts.Calls(40_496_253, 0, 0));
        m.put("parity", new CallCounts.Calls(1, 0, 148_000_000));
        m.put("main", new CallCounts.Calls(0, -1, -1));
        m.put("odd\tname", new CallCounts.Calls(3, -1, -1));
        return new CallCounts(m);
    }

    @Test
    void perCallIsTheSourcesFigureWherePrinted() {
        CallCounts c = counts();
        assertEquals(450_000, c.selfPerCall(400_000_000, "shared"));
        assertEquals(148_000_000, c.totalPerCall(148_000_000, "parity"));
        assertEquals(0, c.selfPerCall(0, "parity"));
        // Printed as 0.00 ms/call for a function with time: self / calls instead.
        assertEquals(1, c.selfPerCall(80_000_000, "is_even"));
        // Not printed: self / calls; not called, or not counted: -1.
        assertEquals(-1, c.selfPerCall(5, "main"));
        assertEquals(-1, c.selfPerCall(5, "nowhere"));
        assertEquals(-1, c.callsOf("nowhere"));
    }

    @Test
    void encodesAndDecodes() {
        CallCounts decoded = CallCounts.decode(counts().encode());
        assertEquals(900, decoded.callsOf("shared"));
        assertEquals(3, decoded.callsOf("odd name"));
        assertEquals(5, decoded.size());
        assertThrows(IllegalArgumentException.class, () -> CallCounts.decode("12\tname"));
    }
}
