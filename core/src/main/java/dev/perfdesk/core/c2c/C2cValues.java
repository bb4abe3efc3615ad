package dev.perfdesk.core.c2c;

import java.util.Comparator;

/** Reading perf c2c's printed cells as numbers: counts, percentages ({@code 49.62%}), hex ({@code 0x30}). */
public final class C2cValues {
    private C2cValues() {
    }

    /** The cell's value, or NaN when it is no number ({@code N/A}, a symbol, empty). Percentages drop the sign. */
    public static double number(String cell) {
        if (cell == null || cell.isEmpty()) {
            return Double.NaN;
        }
        String s = cell.endsWith("%") ? cell.substring(0, cell.length() - 1) : cell;
        try {
            if (s.startsWith("0x") || s.startsWith("0X")) {
                return Long.parseUnsignedLong(s.substring(2), 16);
            }
            if (!s.isEmpty() && (Character.isDigit(s.charAt(0)) || s.charAt(0) == '-' || s.charAt(0) == '.')) {
                return Double.parseDouble(s);
            }
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
        return Double.NaN;
    }

    /** Orders cells by number where both are numbers, numbers before text, text alphabetically. */
    public static final Comparator<String> CELL_ORDER = (a, b) -> {
        double x = number(a);
        double y = number(b);
        if (!Double.isNaN(x) && !Double.isNaN(y)) {
            return Double.compare(x, y);
        }
        if (Double.isNaN(x) != Double.isNaN(y)) {
            return Double.isNaN(x) ? 1 : -1;
        }
        return String.valueOf(a).compareTo(String.valueOf(b));
    };
}
