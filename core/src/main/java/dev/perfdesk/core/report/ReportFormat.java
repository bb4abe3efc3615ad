package dev.perfdesk.core.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;

import dev.perfdesk.core.bench.BenchUnits;
import dev.perfdesk.core.bench.DisplayUnits;
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
    private ReportFormat() {
    }

    /** The unit to show {@code reference} (and values near it) in: a readable time unit, else {@code unit} itself. */
    public static String displayUnit(double reference, String unit) {
        return BenchUnits.readableTimeUnit(reference, unit);
    }

    /** A unit as people read it: {@code us} shows as {@code µs}. */
    public static String unitLabel(String unit) {
        return dev.perfdesk.core.bench.DisplayUnits.label(unit);
    }

    /**
     * {@code v} in {@code unit} converted to {@code displayUnit}, written as {@link DisplayUnits#number(double)}
     * writes it (the run table's and {@code perfdesk show}'s rule: three decimals from 1 up, four significant digits
     * below, one thousands separator, never an exponent). {@code ?} for NaN.
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
     * The interval of a centre as every comparison table and view shows it: {@code ± 1.1%}, {@code ± 23%}
     * (benchstat's relative half-width); {@code ± >100%} when it crosses zero; where there is no interval it says why
     * in a word, {@code (n=3)}, and {@code (centre 0)} where a relative width has no meaning. Never {@code ± ∞}.
     */
    public static String interval(Estimate e) {
        if (!e.interval().isBounded()) {
            return "(n=" + e.n() + ")";
        }
        double hw = e.interval().relativeHalfWidth(e.centre());
        if (Double.isNaN(hw)) {
            return "\u00b1 >100%";
        }
        if (Double.isInfinite(hw)) {
            return "(centre 0)";
        }
        double pct = hw * 100;
        return "\u00b1 " + (pct < 9.95 ? String.format(Locale.ROOT, "%.1f%%", pct)
                : String.format(Locale.ROOT, "%.0f%%", pct));
    }

    /** A centre in {@code displayUnit} with its unit and {@link #interval(Estimate)}: {@code 1.718 µs/op ± 1.1%}. */
    public static String estimateWithUnit(Estimate e, String unit, String displayUnit) {
        return withUnit(value(e.centre(), unit, displayUnit), displayUnit) + " " + interval(e);
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
}
