package dev.perfdesk.viewers.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.perfdesk.core.bench.DisplayUnits;

/**
 * A service-level objective on a percentile, as a user types it: {@code p95 < 50 ms}, {@code p99.9 <= 2s},
 * {@code p(95)<500} (k6's spelling), {@code 99% < 120 us}, {@code median < 10 ms}, {@code max < 1 s}. Several are
 * separated by commas or semicolons. Without a unit the threshold is in the chart's unit.
 *
 * <pre>{@code
 * List<SlaSpec> slas = SlaSpec.parseAll("p95 < 50 ms, p99 < 120 ms");
 * slas.get(0).passes(curve.valueAt(95), curve.unit());
 * }</pre>
 *
 * @param percentile 0 to 100
 * @param operator   how the value compares with the threshold to pass
 * @param threshold  the threshold, in {@code unit}
 * @param unit       the threshold's unit; empty for the chart's unit
 */
public record SlaSpec(double percentile, Operator operator, double threshold, String unit) {
    private static final Pattern SLA = Pattern.compile("\\s*(?:p\\s*\\(?\\s*(\\d+(?:\\.\\d+)?)\\s*\\)?"
            + "|(\\d+(?:\\.\\d+)?)\\s*%|(median|med|max))\\s*(<=|<|≤|>=|>|≥)\\s*"
            + "(\\d+(?:\\.\\d*)?(?:[eE][-+]?\\d+)?)\\s*([A-Za-zµμ]+(?:/op)?)?\\s*", Pattern.CASE_INSENSITIVE);

    /** How a value compares with the threshold to pass. */
    public enum Operator {
        LESS("<"), AT_MOST("≤"), GREATER(">"), AT_LEAST("≥");

        private final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }

        boolean test(double value, double threshold) {
            switch (this) {
                case LESS:
                    return value < threshold;
                case AT_MOST:
                    return value <= threshold;
                case GREATER:
                    return value > threshold;
                default:
                    return value >= threshold;
            }
        }
    }

    public SlaSpec {
        if (!(percentile >= 0 && percentile <= 100)) {
            throw new IllegalArgumentException("a percentile is between 0 and 100: " + percentile);
        }
        unit = unit == null ? "" : unit;
    }

    /**
     * Parses one objective.
     *
     * @throws IllegalArgumentException with a sentence saying what was expected
     */
    public static SlaSpec parse(String text) {
        Matcher m = SLA.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("“" + text.strip() + "” is not an objective; write it as "
                    + "p95 < 50 ms (a percentile, < or <=, a number and a unit)");
        }
        double p;
        if (m.group(1) != null) {
            p = Double.parseDouble(m.group(1));
        } else if (m.group(2) != null) {
            p = Double.parseDouble(m.group(2));
        } else {
            p = m.group(3).toLowerCase(Locale.ROOT).startsWith("med") ? 50 : 100;
        }
        if (p > 100) {
            throw new IllegalArgumentException("“" + text.strip() + "”: a percentile is at most 100");
        }
        Operator op;
        switch (m.group(4)) {
            case "<":
                op = Operator.LESS;
                break;
            case "<=":
            case "≤":
                op = Operator.AT_MOST;
                break;
            case ">":
                op = Operator.GREATER;
                break;
            default:
                op = Operator.AT_LEAST;
                break;
        }
        String unit = m.group(6) == null ? "" : m.group(6);
        if (!unit.isEmpty() && !DisplayUnits.isTime(unit)) {
            throw new IllegalArgumentException("“" + text.strip() + "”: " + unit + " is not a time unit "
                    + "(ns, us, µs, ms, s)");
        }
        return new SlaSpec(p, op, Double.parseDouble(m.group(5)), unit);
    }

    /** Parses objectives separated by commas or semicolons; blank text gives none. */
    public static List<SlaSpec> parseAll(String text) {
        List<SlaSpec> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        for (String part : text.split("[,;]")) {
            if (!part.isBlank()) {
                out.add(parse(part));
            }
        }
        return out;
    }

    /** The threshold in {@code target} (the chart's unit); NaN when the units do not convert. */
    public double thresholdIn(String target) {
        if (unit.isEmpty()) {
            return threshold;
        }
        return threshold * DisplayUnits.factor(unit, target);
    }

    /** Whether {@code value}, in {@code valueUnit}, meets the objective. */
    public boolean passes(double value, String valueUnit) {
        double t = thresholdIn(valueUnit);
        return !Double.isNaN(value) && !Double.isNaN(t) && operator.test(value, t);
    }

    /** The percentile as people write it: {@code p95}, {@code p99.9}. */
    public String percentileName() {
        return "p" + java.math.BigDecimal.valueOf(percentile).stripTrailingZeros().toPlainString();
    }

    /** The objective written out: {@code p95 < 50 ms}. */
    @Override
    public String toString() {
        return percentileName() + " " + operator.symbol() + " " + DisplayUnits.shortNumber(threshold)
                + (unit.isEmpty() ? "" : " " + DisplayUnits.label(unit));
    }
}
