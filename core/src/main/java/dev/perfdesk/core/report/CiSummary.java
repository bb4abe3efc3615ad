package dev.perfdesk.core.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.perfdesk.core.bench.DisplayUnits;
import dev.perfdesk.core.series.ChangePointReport;
import dev.perfdesk.core.series.ChangePointReview;
import dev.perfdesk.core.series.ChangePointReviews;
import dev.perfdesk.core.series.SeriesChangePoint;

/**
 * The Markdown summary a CI step posts on a pull request: the run imported, its configuration, the change points of
 * its configuration's series with their review status, the gate's verdict and, when a baseline run was named, the
 * comparison report {@link MarkdownReportWriter} writes for it. A regression that nobody acknowledged or dismissed
 * fails the gate; so does a FAIL against the baseline.
 *
 * @param run           the run as people name it, such as {@code results.json (r812)}
 * @param configuration the labels that chose the series (the run's labels without the per-build ones)
 * @param reports       the change points of each series of the run's benchmarks, one report per metric
 * @param runsInSeries  how many stored runs of the configuration the series were made of, this one included
 * @param reviews       the reviews of change points, as stored
 * @param baseline      the comparison against the named baseline, or null when none was named
 */
public record CiSummary(String run, Map<String, String> configuration, List<ChangePointReport> reports,
                        int runsInSeries, ChangePointReviews reviews, RunComparison baseline) {

    /** Copies the lists and the map. */
    public CiSummary {
        configuration = Map.copyOf(configuration);
        reports = List.copyOf(reports);
    }

    /** The regressions nobody has acknowledged or dismissed, in report order. */
    public List<SeriesChangePoint> newRegressions() {
        List<SeriesChangePoint> out = new ArrayList<>();
        for (ChangePointReport r : reports) {
            out.addAll(r.unreviewedRegressions(reviews));
        }
        return out;
    }

    /** Whether the gate fails: a new regression in the series, or a FAIL against the baseline. */
    public boolean fails() {
        return !newRegressions().isEmpty()
                || baseline != null && baseline.verdict().verdict() == ReportVerdict.FAIL;
    }

    /** The summary as GitHub-flavoured Markdown, the configuration in key order; every name from input is escaped. */
    public String markdown() {
        return write(new java.util.TreeMap<>(configuration));
    }

    private String write(Map<String, String> shownConfiguration) {
        StringBuilder sb = new StringBuilder();
        List<SeriesChangePoint> fresh = newRegressions();
        boolean baselineFails = baseline != null && baseline.verdict().verdict() == ReportVerdict.FAIL;
        sb.append("## Perfdesk: ").append(fails() ? "FAIL" : "PASS").append("\n\n");
        sb.append("Run ").append(esc(run)).append(", configuration ");
        if (shownConfiguration.isEmpty()) {
            sb.append("_(no labels: every stored run)_");
        } else {
            List<String> parts = new ArrayList<>();
            shownConfiguration.forEach((k, v) -> parts.add("`" + code(k + "=" + v) + "`"));
            sb.append(String.join(" ", parts));
        }
        sb.append(": ").append(runsInSeries).append(runsInSeries == 1 ? " run" : " runs").append(" in its series.\n\n");

        int total = 0;
        for (ChangePointReport r : reports) {
            total += r.changePoints().size();
        }
        sb.append("### Change points in the series\n\n");
        if (total == 0) {
            sb.append("_No change points in ").append(reports.size()).append(" series")
                    .append(" (window ").append(options().windowLength()).append(", max p-value ")
                    .append(DisplayUnits.shortNumber(options().maxPValue())).append(")._\n\n");
        } else {
            sb.append("| Benchmark | Metric | Run after | Before | After | Change | p-value | Status |\n")
                    .append("|:--|:--|:--|--:|--:|--:|--:|:--|\n");
            for (ChangePointReport r : reports) {
                for (SeriesChangePoint cp : r.changePoints()) {
                    String unit = r.series().unit();
                    sb.append("| ").append(esc(cp.series())).append(" | ").append(esc(cp.metric())).append(" | ")
                            .append(esc(runAfter(cp))).append(" | ")
                            .append(value(cp.meanBefore(), unit)).append(" | ")
                            .append(value(cp.meanAfter(), unit)).append(" | ")
                            .append(DisplayUnits.percent(cp.changePercent())).append(" | ")
                            .append(ReportFormat.pValue(cp.pValue())).append(" | ")
                            .append(status(cp)).append(" |\n");
                }
            }
            sb.append('\n');
        }
        if (!fresh.isEmpty()) {
            sb.append("**").append(fresh.size()).append(fresh.size() == 1 ? " new regression" : " new regressions")
                    .append("** not yet acknowledged or dismissed. Acknowledge or dismiss ")
                    .append(fresh.size() == 1 ? "it" : "them")
                    .append(" in the Perfdesk trend view of the team store to clear this gate for everyone.\n\n");
        } else {
            sb.append("No new regression in the series.\n\n");
        }
        if (baseline != null) {
            sb.append("### Against the baseline ").append(esc(baseline.baselineTitle())).append("\n\n");
            String report = new MarkdownReportWriter().write(baseline);
            // one level down: the report's ## and ### headings sit under this summary's ###
            for (String line : report.split("\n", -1)) {
                sb.append(line.startsWith("#") ? "##" + line : line).append('\n');
            }
            if (baselineFails) {
                sb.append("The comparison with the baseline fails the gate.\n");
            }
        }
        return sb.toString();
    }

    private dev.perfdesk.core.changepoint.ChangePointOptions options() {
        return reports.isEmpty() ? dev.perfdesk.core.changepoint.ChangePointOptions.DEFAULTS
                : reports.get(0).options();
    }

    /** The first run of the new level: its id, with its commit and build when it has them. */
    private static String runAfter(SeriesChangePoint cp) {
        List<String> parts = new ArrayList<>();
        parts.add(cp.after().attribute("run"));
        for (String key : List.of("commit", "build")) {
            String v = cp.after().attribute(key);
            if (v != null && !v.isEmpty()) {
                parts.add(key + " " + v);
            }
        }
        return String.join(" · ", parts);
    }

    private String status(SeriesChangePoint cp) {
        ChangePointReview review = reviews.reviewOf(cp.key());
        String kind = cp.regression() ? "regression" : "improvement";
        if (review == null || !review.isReviewed()) {
            return cp.regression() ? "**new regression**" : kind;
        }
        return kind + ", " + review.status().name().toLowerCase(Locale.ROOT)
                + (review.reason().isEmpty() ? "" : ": " + esc(review.reason()));
    }

    private static String value(double v, String unit) {
        String n = DisplayUnits.number(v);
        return unit == null || unit.isEmpty() ? n : n + " " + esc(DisplayUnits.label(unit));
    }

    private static String esc(String s) {
        return MarkdownText.escape(s == null ? "" : s);
    }

    /** Text inside a code span: backticks would end it, so they become quotes. */
    private static String code(String s) {
        return dev.perfdesk.core.util.XmlText.singleLine(s).replace('`', '\'');
    }
}
