package dev.perfdesk.core.model;

import java.util.Locale;

/** The unit sample weights are counted in, with formatting for people. */
public enum WeightUnit {
    SAMPLES("samples"),
    NANOSECONDS("ns"),
    BYTES("bytes"),
    EVENTS("events");

    private final String symbol;

    WeightUnit(String symbol) {
        this.symbol = symbol;
    }

    /** The short name stored and printed, such as {@code ns}. */
    public String symbol() {
        return symbol;
    }

    /** Parses {@link #symbol()} or the enum name. */
    public static WeightUnit parse(String text) {
        for (WeightUnit unit : values()) {
            if (unit.symbol.equalsIgnoreCase(text) || unit.name().equalsIgnoreCase(text)) {
                return unit;
            }
        }
        throw new IllegalArgumentException("unknown weight unit: " + text);
    }

    /** Formats a weight for people: {@code 1,234 samples}, {@code 12.3 ms}, {@code 4.5 MiB}. */
    public String format(long weight) {
        switch (this) {
            case NANOSECONDS:
                return formatNanos(weight);
            case BYTES:
                return formatBytes(weight);
            default:
                String name = weight == 1 || weight == -1 ? singular() : symbol;
                return String.format(Locale.ROOT, "%,d %s", weight, name);
        }
    }

    /** The counted unit's name for one of it: {@code 1 sample}, not {@code 1 samples}. */
    private String singular() {
        return symbol.endsWith("s") ? symbol.substring(0, symbol.length() - 1) : symbol;
    }

    private static String formatNanos(long ns) {
        double abs = Math.abs((double) ns);
        if (abs >= 1e9) {
            return String.format(Locale.ROOT, "%.3g s", ns / 1e9);
        } else if (abs >= 1e6) {
            return String.format(Locale.ROOT, "%.3g ms", ns / 1e6);
        } else if (abs >= 1e3) {
            return String.format(Locale.ROOT, "%.3g µs", ns / 1e3);
        }
        return ns + " ns";
    }

    private static String formatBytes(long bytes) {
        double abs = Math.abs((double) bytes);
        if (abs >= 1L << 30) {
            return String.format(Locale.ROOT, "%.3g GiB", bytes / (double) (1L << 30));
        } else if (abs >= 1L << 20) {
            return String.format(Locale.ROOT, "%.3g MiB", bytes / (double) (1L << 20));
        } else if (abs >= 1L << 10) {
            return String.format(Locale.ROOT, "%.3g KiB", bytes / 1024.0);
        }
        return bytes + " B";
    }
}
