package dev.perfdesk.importers.spi;

import java.nio.file.Path;

/**
 * Numbers read from text lines, refused with the file, the line and the text in words when they are not what the
 * format promises, instead of {@link NumberFormatException}'s {@code For input string}.
 *
 * <pre>{@code
 * long total = Numbers.count(file, line, m.group(3), "the total count");
 * }</pre>
 */
public final class Numbers {
    private Numbers() {
    }

    /**
     * A count: a whole number from 0 to 2^63-1.
     *
     * @param what what the number is, for the message ("the total count")
     */
    public static long count(Path file, long line, String text, String what) throws ImportException {
        try {
            long v = Long.parseLong(text.strip());
            if (v >= 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw ImportException.atLine(file, line, what + " '" + text + "' is not a whole number from 0 to "
                + Long.MAX_VALUE);
    }

    /** A finite decimal number. */
    public static double finite(Path file, long line, String text, String what) throws ImportException {
        try {
            double v = Double.parseDouble(text.strip());
            if (Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw ImportException.atLine(file, line, what + " '" + text + "' is not a finite number");
    }

    /** A percentile: a finite number from 0 to 100. */
    public static double percentile(Path file, long line, String text) throws ImportException {
        double p = finite(file, line, text, "the percentile");
        if (!dev.perfdesk.core.bench.Benchmark.isPercentile(p)) {
            throw ImportException.atLine(file, line, "the percentile '" + text + "' is not between 0 and 100");
        }
        return p;
    }
}
