package dev.perfdesk.core.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The one number format of tables, reports and commands, and the short one of axes and labels. */
class DisplayUnitsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            763.2341         | 763.234
            67488.7641       | 67,488.764
            228254638        | 228,254,638
            1                | 1.000
            0                | 0.000
            0.0062341        | 0.006234
            0.02022          | 0.02022
            0.5              | 0.5000
            0.000997912      | 0.0009979
            0.00000001234    | 0.00000001234
            0.99996          | 1.000
            -0.0062341       | -0.006234
            -1234.5          | -1,234.500
            """)
    void numberKeepsFourSignificantDigitsBelowOneAndOneSeparator(double v, String expected) {
        assertEquals(expected, DisplayUnits.number(v));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            1600000          | 1,600,000
            28200            | 28,200
            12345.6          | 12,350
            10000000         | 10,000,000
            999.95           | 1,000
            763.2341         | 763.2
            0.004            | 0.004
            0.0062341        | 0.006234
            2.5              | 2.5
            0                | 0
            -1600000         | -1,600,000
            1e15             | 1.000e+15
            1e-7             | 1.000e-07
            """)
    void shortNumberHumanisesWithoutAnExponentForOrdinaryMagnitudes(double v, String expected) {
        assertEquals(expected, DisplayUnits.shortNumber(v));
    }
}
