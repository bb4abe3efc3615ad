package dev.perfdesk.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class WeightUnitTest {
    @Test
    void countsSayOneInTheSingular() {
        assertEquals("1 sample", WeightUnit.SAMPLES.format(1));
        assertEquals("-1 event", WeightUnit.EVENTS.format(-1));
        assertEquals("0 samples", WeightUnit.SAMPLES.format(0));
        assertEquals("1,234 events", WeightUnit.EVENTS.format(1234));
    }

    @Test
    void timesAndSizesKeepTheirSymbols() {
        assertEquals("1 ns", WeightUnit.NANOSECONDS.format(1));
        assertEquals("1 B", WeightUnit.BYTES.format(1));
        assertEquals("12.3 ms", WeightUnit.NANOSECONDS.format(12_300_000));
    }
}
