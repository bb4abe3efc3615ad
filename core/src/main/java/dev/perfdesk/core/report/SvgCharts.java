package dev.perfdesk.core.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.perfdesk.core.stats.Verdict;
import dev.perfdesk.core.util.XmlText;

/**
 * The charts of the HTML report, drawn as inline SVG from core data: no script, no external resources, every name
 * escaped. A percentile chart overlays both runs' {@link PercentileCurve}s on a log axis of nines; a change chart
 * draws each benchmark's change as a bar coloured by its verdict, with the noise threshold marked.
 */
final class SvgCharts {
    static final String BASELINE_COLOUR = "#2563eb";
    static final String CANDIDATE_COLOUR = "#ea580c";
    private static final int MAX_LABEL = 44;

    private SvgCharts() {
    }

    /** Both curves over percentiles; values shown in {@code displayUnit}. */
    static String percentiles(String title, PercentileCurve base, PercentileCurve cand, String displayUnit,
                              String baseName, String candName) {
        int w = 560;
        int h = 290;
        int left = 66;
        int right = 16;
        int top = 40;
        int bottom = 44;
        double pw = w - left - right;
        double ph = h - top - bottom;
        double maxNines = Math.max(PercentileCurve.nines(base.percentile(base.size() - 1)),
                PercentileCurve.nines(cand.percentile(cand.size() - 1)));
        double decades = Math.max(1, Math.log10(maxNines));
        double lo = Math.min(convert(base.min(), base.unit(), displayUnit), convert(cand.min(), cand.unit(),
                displayUnit));
        double hi = Math.max(convert(base.max(), base.unit(), displayUnit), convert(cand.max(), cand.unit(),
                displayUnit));
        double[] ticks = niceTicks(lo, hi, 5);
        double y0 = ticks[0];
        double y1 = ticks[ticks.length - 1];

        StringBuilder sb = new StringBuilder();
        sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 ").append(w).append(' ')
                .append(h).append("\" width=\"").append(w).append("\" height=\"").append(h)
                .append("\" role=\"img\">");
        sb.append("<title>").append(esc(title)).append("</title>");
        sb.append("<text class=\"chart-title\" x=\"").append(left).append("\" y=\"16\">").append(esc(cut(title)))
                .append("</text>");
        for (double t : ticks) {
            double y = top + ph - (t - y0) / (y1 - y0) * ph;
            sb.append("<line class=\"grid\" x1=\"").append(left).append("\" x2=\"").append(num(left + pw))
                    .append("\" y1=\"").append(num(y)).append("\" y2=\"").append(num(y)).append("\"/>");
            sb.append("<text class=\"tick\" x=\"").append(left - 6).append("\" y=\"").append(num(y + 4))
                    .append("\" text-anchor=\"end\">").append(esc(dev.perfdesk.core.bench.DisplayUnits.shortNumber(t)))
                    .append("</text>");
        }
        for (int d = 0; d <= decades + 1e-9; d++) {
            double x = left + d / decades * pw;
            sb.append("<line class=\"grid\" x1=\"").append(num(x)).append("\" x2=\"").append(num(x))
                    .append("\" y1=\"").append(top).append("\" y2=\"").append(num(top + ph)).append("\"/>");
            sb.append("<text class=\"tick\" x=\"").append(num(x)).append("\" y=\"").append(num(top + ph + 16))
                    .append("\" text-anchor=\"middle\">").append(ninesLabel(d)).append("</text>");
        }
        for (double minor : new double[] {2, 5}) {
            if (decades > 2.5 && minor == 5) {
                continue;
            }
            double x = left + Math.log10(minor) / decades * pw;
            sb.append("<line class=\"grid\" x1=\"").append(num(x)).append("\" x2=\"").append(num(x))
                    .append("\" y1=\"").append(top).append("\" y2=\"").append(num(top + ph)).append("\"/>");
            sb.append("<text class=\"tick\" x=\"").append(num(x)).append("\" y=\"").append(num(top + ph + 16))
                    .append("\" text-anchor=\"middle\">").append(minor == 2 ? "50%" : "80%").append("</text>");
        }
        sb.append("<text class=\"axis\" x=\"").append(num(left + pw / 2)).append("\" y=\"").append(h - 6)
                .append("\" text-anchor=\"middle\">percentile</text>");
        sb.append("<text class=\"axis\" transform=\"translate(14,").append(num(top + ph / 2))
                .append(") rotate(-90)\" text-anchor=\"middle\">").append(esc(ReportFormat.unitLabel(displayUnit)))
                .append("</text>");
        polyline(sb, base, displayUnit, BASELINE_COLOUR, left, top, pw, ph, decades, y0, y1);
        polyline(sb, cand, displayUnit, CANDIDATE_COLOUR, left, top, pw, ph, decades, y0, y1);
        legend(sb, left, 30, baseName, candName);
        sb.append("</svg>");
        return sb.toString();
    }

    private static void legend(StringBuilder sb, int x, int y, String baseName, String candName) {
        String[] names = {cut("baseline: " + baseName, 34), cut("candidate: " + candName, 34)};
        String[] colours = {BASELINE_COLOUR, CANDIDATE_COLOUR};
        int at = x;
        for (int i = 0; i < 2; i++) {
            sb.append("<line x1=\"").append(at).append("\" x2=\"").append(at + 16).append("\" y1=\"").append(y - 4)
                    .append("\" y2=\"").append(y - 4).append("\" stroke=\"").append(colours[i])
                    .append("\" stroke-width=\"3\"/>");
            sb.append("<text class=\"legend\" x=\"").append(at + 20).append("\" y=\"").append(y).append("\">")
                    .append(esc(names[i])).append("</text>");
            at += 26 + names[i].length() * 6;
        }
    }

    private static void polyline(StringBuilder sb, PercentileCurve curve, String displayUnit, String colour,
                                 int left, int top, double pw, double ph, double decades, double y0, double y1) {
        sb.append("<polyline fill=\"none\" stroke=\"").append(colour).append("\" stroke-width=\"2\" points=\"");
        for (int i = 0; i < curve.size(); i++) {
            double x = left + Math.log10(PercentileCurve.nines(curve.percentile(i))) / decades * pw;
            double v = convert(curve.value(i), curve.unit(), displayUnit);
            double y = top + ph - (v - y0) / (y1 - y0) * ph;
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(num(x)).append(',').append(num(y));
        }
        sb.append("\"/>");
    }

    /** A horizontal bar per benchmark: its change, coloured by verdict, with dashed lines at ± threshold. */
    static String changes(List<BenchmarkComparison> rows, double threshold) {
        return changes(rows, threshold, k -> k.toString());
    }

    /**
     * The change chart with each bar labelled by {@code label} (the name without the prefix all share), the full
     * name and the change on hover.
     */
    static String changes(List<BenchmarkComparison> rows, double threshold,
                          java.util.function.Function<dev.perfdesk.core.stats.BenchmarkKey, String> label) {
        int labelWidth = 360;
        int barWidth = 380;
        int valueWidth = 80;
        int rowHeight = 20;
        int top = 24;
        int w = labelWidth + barWidth + valueWidth;
        int h = top + rows.size() * rowHeight + 8;
        double max = Math.max(threshold * 2, 0.01);
        for (BenchmarkComparison b : rows) {
            double c = b.comparison().change();
            if (Double.isFinite(c)) {
                max = Math.max(max, Math.abs(c));
            }
        }
        double mid = labelWidth + barWidth / 2.0;
        double scale = (barWidth / 2.0 - 4) / max;
        StringBuilder sb = new StringBuilder();
        sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 ").append(w).append(' ')
                .append(h).append("\" width=\"").append(w).append("\" height=\"").append(h)
                .append("\" role=\"img\"><title>Change per benchmark</title>");
        sb.append("<text class=\"tick\" x=\"").append(num(mid)).append("\" y=\"14\" text-anchor=\"middle\">0</text>");
        for (int sign = -1; sign <= 1; sign += 2) {
            double x = mid + sign * threshold * scale;
            sb.append("<line class=\"threshold\" x1=\"").append(num(x)).append("\" x2=\"").append(num(x))
                    .append("\" y1=\"").append(top - 4).append("\" y2=\"").append(h - 4).append("\"/>");
            sb.append("<text class=\"tick\" x=\"").append(num(x)).append("\" y=\"14\" text-anchor=\"middle\">")
                    .append(ReportFormat.change(sign * threshold)).append("</text>");
        }
        sb.append("<line class=\"axisline\" x1=\"").append(num(mid)).append("\" x2=\"").append(num(mid))
                .append("\" y1=\"").append(top - 4).append("\" y2=\"").append(h - 4).append("\"/>");
        for (int i = 0; i < rows.size(); i++) {
            BenchmarkComparison b = rows.get(i);
            double c = b.comparison().change();
            double y = top + i * rowHeight;
            String name = b.key().toString();
            sb.append("<g><title>").append(esc(name + ": " + ReportFormat.change(c) + ", "
                    + ReportFormat.verdictSymbol(b.verdict()))).append("</title>");
            sb.append("<text class=\"label\" x=\"").append(labelWidth - 8).append("\" y=\"").append(num(y + 14))
                    .append("\" text-anchor=\"end\">").append(esc(cutStart(label.apply(b.key()), 56)))
                    .append("</text>");
            if (Double.isFinite(c)) {
                double len = Math.max(1, Math.abs(c) * scale);
                double x = c >= 0 ? mid : mid - len;
                sb.append("<rect class=\"bar ").append(verdictClass(b.verdict())).append("\" x=\"").append(num(x))
                        .append("\" y=\"").append(num(y + 3)).append("\" width=\"").append(num(len))
                        .append("\" height=\"").append(rowHeight - 6).append("\"/>");
            }
            sb.append("<text class=\"value\" x=\"").append(w - 4).append("\" y=\"").append(num(y + 14))
                    .append("\" text-anchor=\"end\">").append(esc(ReportFormat.change(c))).append("</text></g>");
        }
        sb.append("</svg>");
        return sb.toString();
    }

    /** {@code s} with its start elided when longer than {@code max}: the end tells benchmarks apart. */
    static String cutStart(String s, int max) {
        return s.length() <= max ? s : "\u2026" + s.substring(s.length() - max + 1);
    }

    /** The CSS class of a verdict in tables and charts. */
    static String verdictClass(Verdict v) {
        switch (v) {
            case REGRESSION:
                return "regression";
            case IMPROVED:
                return "improved";
            case WITHIN_NOISE:
                return "noise";
            default:
                return "same";
        }
    }

    /** {@code 0%}, {@code 90%}, {@code 99%}, {@code 99.9%} for 0, 1, 2, 3 nines. */
    static String ninesLabel(int nines) {
        if (nines == 0) {
            return "0%";
        }
        if (nines == 1) {
            return "90%";
        }
        return nines == 2 ? "99%" : "99." + "9".repeat(nines - 2) + "%";
    }

    /** About {@code count} round tick values covering [lo, hi], first and last outside or on the range. */
    static double[] niceTicks(double lo, double hi, int count) {
        if (!Double.isFinite(lo) || !Double.isFinite(hi)) {
            return new double[] {0, 1};
        }
        if (hi <= lo) {
            double pad = lo == 0 ? 1 : Math.abs(lo) * 0.05;
            lo -= pad;
            hi += pad;
        }
        double raw = (hi - lo) / count;
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double residual = raw / magnitude;
        double step = (residual > 5 ? 10 : residual > 2 ? 5 : residual > 1 ? 2 : 1) * magnitude;
        double first = Math.floor(lo / step) * step;
        double last = Math.ceil(hi / step) * step;
        List<Double> ticks = new ArrayList<>();
        for (int k = 0; first + k * step <= last + step * 1e-9; k++) {
            ticks.add(first + k * step);
        }
        return ticks.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static double convert(double v, String unit, String displayUnit) {
        if (unit.equals(displayUnit)) {
            return v;
        }
        double c = dev.perfdesk.core.bench.BenchUnits.convert(v, unit, displayUnit);
        return Double.isNaN(c) ? v : c;
    }

    private static String cut(String s) {
        return cut(s, MAX_LABEL);
    }

    private static String cut(String s, int max) {
        String line = XmlText.singleLine(s);
        return line.length() <= max ? line : line.substring(0, max - 1) + "\u2026";
    }

    private static String esc(String s) {
        return XmlText.escape(XmlText.singleLine(s));
    }

    private static String num(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e9) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
