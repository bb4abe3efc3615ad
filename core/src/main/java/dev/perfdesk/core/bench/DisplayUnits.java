package dev.perfdesk.core.bench;

import java.util.List;
import java.util.Locale;


/**
 * Units for showing benchmark values: converting between a benchmark's unit as the tool prints it ({@code us/op},
 * {@code s}, {@code ms}) and a time unit chosen for a chart or a table column, and formatting numbers.
 *
 * <pre>{@code
 * DisplayUnits.factor("us/op", "ms");          // 0.001
 * DisplayUnits.readable(0.0153, "s");          // "ms"
 * DisplayUnits.number(763.2341);               // "763.234"
 * DisplayUnits.number(67488.7641);             // "67,488.764"
 * DisplayUnits.number(0.0062341);              // "0.006234"
 * DisplayUnits.shortNumber(1_600_000);         // "1,600,000"
 * }</pre>
 */
public final class DisplayUnits {
    /** The time units a chart offers, smallest first. */
    public static final List<String> TIME_UNITS = List.of("ns", "us", "ms", "s");

    private DisplayUnits() {
    }

    /** Whether {@code unit} is a time, with or without {@code /op}. */
    public static boolean isTime(String unit) {
        return unit != null && BenchUnits.isTime(unit);
    }

    /** The time part of a time unit ({@code us/op} gives {@code us}); {@code unit} itself otherwise. */
    public static String base(String unit) {
        if (!isTime(unit)) {
            return unit;
        }
        int slash = unit.indexOf('/');
        return slash < 0 ? unit.strip() : unit.substring(0, slash).strip();
    }

    /** The {@code /op} part of a time unit, or empty. */
    public static String suffix(String unit) {
        int slash = unit == null ? -1 : unit.indexOf('/');
        return slash < 0 || !isTime(unit) ? "" : unit.substring(slash).strip();
    }

    /**
     * What a value in {@code from} is multiplied by to read in {@code to}: both times (the {@code /op} suffixes are
     * ignored), or the same unit; NaN otherwise.
     */
    public static double factor(String from, String to) {
        if (from.equals(to)) {
            return 1;
        }
        if (isTime(from) && isTime(to)) {
            return exact(BenchUnits.secondsPer(base(from)) / BenchUnits.secondsPer(base(to)));
        }
        return Double.NaN;
    }

    /** Ratios of time units are powers of ten or whole numbers: 1e-3 / 1e-6 is 1000, not 999.9999999999999. */
    private static double exact(double ratio) {
        double whole = Math.rint(ratio);
        if (whole >= 1 && Math.abs(ratio - whole) <= 1e-9 * whole) {
            return whole;
        }
        double inverse = Math.rint(1 / ratio);
        if (inverse >= 1 && Math.abs(1 / ratio - inverse) <= 1e-9 * inverse) {
            return 1 / inverse;
        }
        return ratio;
    }

    /** The plain time unit ({@code ns}, {@code us}, {@code ms}, {@code s}) in which {@code value} reads best. */
    public static String readable(double value, String unit) {
        if (!isTime(unit)) {
            return unit;
        }
        return base(BenchUnits.readableTimeUnit(value, base(unit)));
    }

    /**
     * Recorded units per value unit for a histogram of values in {@code unit}: nanoseconds for times, so that
     * HdrHistogram's three significant digits hold; thousandths for anything else.
     */
    public static double recordScale(String unit) {
        if (isTime(unit)) {
            return Math.max(1, BenchUnits.secondsPer(base(unit)) / 1e-9);
        }
        return 1000;
    }

    /**
     * A number as benchmark tools print it, the one rule of every table, report and command: with one thousands
     * separator (a comma) wherever a number has four digits or more before the point; three decimals from 1 up
     * ({@code 763.234}, {@code 67,488.764}, JMH's style); whole numbers from a million up ({@code 228,254,638}); four
     * significant digits below 1 ({@code 0.006234}, {@code 0.5000}, {@code 0.0009979}), so a small throughput keeps
     * its digits; never an exponent. {@code 0.000} for 0, empty for NaN.
     */
    public static String number(double v) {
        if (Double.isNaN(v)) {
            return "";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "∞" : "-∞";
        }
        double a = Math.abs(v);
        if (a >= 1e6) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        if (a != 0 && a < 1) {
            java.math.BigDecimal d = significant(v, 4);
            if (d.abs().compareTo(java.math.BigDecimal.ONE) < 0) {
                // keep four significant digits, trailing zeros included: 0.5000 as 763.200 keeps its three decimals
                return d.setScale(d.scale() + Math.max(0, 4 - d.precision())).toPlainString();
            }
        }
        return String.format(Locale.ROOT, "%,.3f", v);
    }

    /**
     * A value for an axis, a label or a threshold: up to four significant digits without trailing zeros, with one
     * thousands separator from 1,000 up ({@code 1,600,000}, {@code 12,350}, {@code 0.004}); an exponent only
     * beyond ordinary magnitudes (from 10^15, below 10^-6). Empty for NaN.
     */
    public static String shortNumber(double v) {
        if (Double.isNaN(v)) {
            return "";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "∞" : "-∞";
        }
        if (v == 0) {
            return "0";
        }
        double a = Math.abs(v);
        if (a >= 1e15 || a < 1e-6) {
            return String.format(Locale.ROOT, "%.3e", v);
        }
        java.math.BigDecimal d = significant(v, 4);
        if (d.abs().compareTo(java.math.BigDecimal.valueOf(1000)) >= 0) {
            return String.format(Locale.ROOT, "%,d", d.toBigInteger());
        }
        return d.stripTrailingZeros().toPlainString();
    }

    private static java.math.BigDecimal significant(double v, int digits) {
        return new java.math.BigDecimal(v).round(new java.math.MathContext(digits, java.math.RoundingMode.HALF_EVEN));
    }

    /** A signed change in percent with one decimal, {@code -10.4%}, {@code +3.0%}; empty for NaN. */
    public static String percent(double p) {
        return Double.isNaN(p) ? "" : String.format(Locale.ROOT, "%+.1f%%", p);
    }

    /**
     * A relative change (a fraction) in percent with its sign and two decimals: {@code +10.30%}, {@code -17.20%},
     * {@code 0.00%}; one decimal from 100% and none from 1000%; {@code ?} for NaN.
     */
    public static String change(double fraction) {
        if (Double.isNaN(fraction)) {
            return "?";
        }
        if (Double.isInfinite(fraction)) {
            return fraction > 0 ? "+\u221e%" : "-\u221e%";
        }
        double pct = fraction * 100;
        double abs = Math.abs(pct);
        if (abs < 0.005) {
            return "0.00%";
        }
        String f = abs < 99.995 ? "%+.2f%%" : abs < 999.95 ? "%+.1f%%" : "%+.0f%%";
        return String.format(Locale.ROOT, f, pct);
    }

    /**
     * The unit as every output spells it: {@code µs} for {@code us} wherever it stands as a unit of its own
     * ({@code us}, {@code us/op}, {@code ops/us}), so that one table never says "µs/op" in one row and "ops/us" in
     * the next; other units as they are.
     */
    public static String label(String unit) {
        if (unit == null) {
            return "";
        }
        return MICROS.matcher(unit).replaceAll("$1µs");
    }

    private static final java.util.regex.Pattern MICROS = java.util.regex.Pattern.compile("(^|/)us(?=$|/)");
}
