package dev.perfdesk.core.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;

import dev.perfdesk.core.bench.BenchUnits;
import dev.perfdesk.core.bench.DisplayUnits;
import dev.perfdesk.core.stats.ConfidenceInterval;
import dev.perfdesk.core.stats.Estimate;
import dev.perfdesk.core.stats.TestMethod;
import dev.perfdesk.core.stats.Verdict;

/**
 * How reports and views write numbers: values with readable time units ({@code 1.718 µs}), intervals as benchstat
 * prints them ({@code ± 1%}), signed changes ({@code -17.20%}), p-values and verdict symbols. Plain text, no markup;
 * locale-independent.
 *
 * <pre>{@code
 * String unit = ReportFormat.displayUnit(1718, "ns/op");           // "us/op"
 * ReportFormat.value(1718, "ns/op", unit);                         // "1.718"
 * ReportFormat.change(-0.172);                                     // "-17.20%"
 * }</pre>
 */
public final class ReportFormat {
    private static final int DIGITS = 4;

    private ReportFormat() {
    }

    /** The unit to show {@code reference} (and values near it) in: a readable time unit, else {@code unit} itself. */
    public static String displayUnit(double reference, String unit) {
        return BenchUnits.readableTimeUnit(reference, unit);
    }

    /** A unit as people read it: {@code us} shows as {@code µs}. */
    public static String unitLabel(String unit) {
        if (unit.equals("us") || unit.startsWith("us/")) {
            return "\u00b5" + unit.substring(1);
        }
        return unit;
    }

    /**
     * {@code v} in {@code unit} converted to {@code displayUnit}, written as {@link DisplayUnits#number(double)}
     * writes it (the run table's and {@code perfdesk show}'s rule: three decimals, thousands separators from a
     * million, never an exponent). {@code ?} for NaN.
     */
    public static String value(double v, String unit, String displayUnit) {
        double shown = unit.equals(displayUnit) ? v : BenchUnits.convert(v, unit, displayUnit);
        if (Double.isNaN(shown)) {
            return "?";
        }
        return DisplayUnits.number(shown);
    }

    /** {@code v} in a readable unit with the unit: {@code 1.718 µs/op}, {@code 92.80M items/s}. */
    public static String quantity(double v, String unit) {
        String display = displayUnit(v, unit);
        return withUnit(value(v, unit, display), display);
    }

    /** A formatted number followed by its unit label, if any. */
    public static String withUnit(String number, String unit) {
        return unit.isEmpty() ? number : number + " " + unitLabel(unit);
    }

    /** A centre and its interval: {@code 1.718 ± 1%} (benchstat's relative half-width). */
    public static String estimate(Estimate e, String unit, String displayUnit) {
        return value(e.centre(), unit, displayUnit) + " " + interval(e);
    }

    /**
     * {@code ± 1.1%}, {@code ± 23%}; {@code ± >100%} when the interval crosses zero; {@code (no CI)} when there are
     * too few values for one. Prefer {@link #interval(Estimate)}, which says how few.
     */
    public static String interval(ConfidenceInterval ci, double centre) {
        double hw = ci.relativeHalfWidth(centre);
        if (Double.isNaN(hw)) {
            return "\u00b1 >100%";
        }
        if (Double.isInfinite(hw)) {
            return "(no CI)";
        }
        double pct = hw * 100;
        return "\u00b1 " + (pct < 9.95 ? String.format(Locale.ROOT, "%.1f%%", pct)
                : String.format(Locale.ROOT, "%.0f%%", pct));
    }

    /** As {@link #interval(ConfidenceInterval, double)}, but where there is no interval it says why: {@code (n=3)}. */
    public static String interval(Estimate e) {
        if (!e.interval().isBounded()) {
            return "(n=" + e.n() + ")";
        }
        return interval(e.interval(), e.centre());
    }

    /** A relative change with its sign: {@code +10.30%}, {@code -17.20%}, {@code 0.00%}; {@code ?} for NaN. */
    public static String change(double fraction) {
        return dev.perfdesk.core.bench.DisplayUnits.change(fraction);
    }

    /** {@code 0.446}, {@code <0.001}, {@code 1.000}; {@code n/a} when no test ran. */
    public static String pValue(double p) {
        if (Double.isNaN(p)) {
            return "n/a";
        }
        if (p < 0.0005) {
            return "<0.001";
        }
        return String.format(Locale.ROOT, "%.3f", p);
    }

    /** {@code p=0.446} or {@code p<0.001}, for sentences. */
    public static String pPhrase(double p) {
        String v = pValue(p);
        return v.startsWith("<") ? "p" + v : "p=" + v;
    }

    /** A fraction as a compact percentage: 0.05 is {@code 5%}, 0.025 is {@code 2.5%}. */
    public static String percent(double fraction) {
        return plain(fraction * 100) + "%";
    }

    /** {@code p50}, {@code p99.9}. */
    public static String percentileLabel(double percentile) {
        return "p" + plain(percentile);
    }

    /** Up to six significant digits, no exponent, no trailing zeros: {@code 5}, {@code 0.05}, {@code 99.9}. */
    public static String plain(double v) {
        if (!Double.isFinite(v)) {
            return String.valueOf(v);
        }
        if (v == 0) {
            return "0";
        }
        return new BigDecimal(v).round(new MathContext(6, RoundingMode.HALF_EVEN)).stripTrailingZeros()
                .toPlainString();
    }

    /** The symbol of a verdict as tables show it: {@code ▲ regression}, {@code ▼ improved}, {@code ~}. */
    public static String verdictSymbol(Verdict v) {
        switch (v) {
            case REGRESSION:
                return "\u25b2 regression";
            case IMPROVED:
                return "\u25bc improved";
            case WITHIN_NOISE:
                return "within noise";
            default:
                return "~";
        }
    }

    /** A test's short name for narrow columns: {@code U exact}, {@code U approx.}, {@code Welch}, {@code none}. */
    public static String shortTest(TestMethod test) {
        switch (test) {
            case MANN_WHITNEY_EXACT:
                return "U exact";
            case MANN_WHITNEY_APPROX:
                return "U approx.";
            case WELCH:
                return "Welch";
            default:
                return "none";
        }
    }

    /** The geometric mean of candidate / baseline as a change: {@code -8.94%}; {@code ?} when unknown. */
    public static String geomean(double ratio) {
        return change(ratio - 1);
    }

    /** {@code digits} significant digits; plain notation between 0.001 and 10^15, scientific beyond. */
    static String significant(double v, int digits) {
        if (Double.isNaN(v)) {
            return "?";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "\u221e" : "-\u221e";
        }
        if (v == 0) {
            return "0";
        }
        double abs = Math.abs(v);
        if (abs >= 1e-3 && abs < 1e15) {
            return new BigDecimal(v).round(new MathContext(digits, RoundingMode.HALF_EVEN)).toPlainString();
        }
        return String.format(Locale.ROOT, "%." + (digits - 1) + "e", v);
    }

    private static String siNumber(double v) {
        double abs = Math.abs(v);
        String[] suffixes = {"k", "M", "G", "T"};
        if (abs < 1e4 || !Double.isFinite(v)) {
            return significant(v, DIGITS);
        }
        int k = -1;
        double scaled = v;
        while (Math.abs(scaled) >= 1000 && k < suffixes.length - 1) {
            scaled /= 1000;
            k++;
        }
        return significant(scaled, DIGITS) + suffixes[k];
    }
}
