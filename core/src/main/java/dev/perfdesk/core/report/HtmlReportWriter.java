package dev.perfdesk.core.report;

import java.util.List;

import dev.perfdesk.core.bench.Benchmark;
import dev.perfdesk.core.calltree.CallTree;
import dev.perfdesk.core.diff.DiffColors;
import dev.perfdesk.core.diff.FunctionDiff;
import dev.perfdesk.core.flame.FlameGraphSvgWriter;
import dev.perfdesk.core.stats.Comparison;
import dev.perfdesk.core.stats.Estimate;
import dev.perfdesk.core.util.XmlText;

/**
 * A comparison as one self-contained HTML file, laid out as performance reports are: summary with the verdict,
 * test configuration, benchmarks with a chart of their changes, latency percentiles with both runs' percentile
 * curves overlaid, throughput, resources where known, analysis, and the verdict with its thresholds. Styles are
 * inline, charts are inline SVG drawn here, and nothing is loaded from elsewhere. The run report needs no script;
 * the profile report embeds the interactive differential flame graph of {@link FlameGraphSvgWriter}, whose script
 * only ever writes names back as text. Every name from the input is escaped, and the output is well-formed XML
 * as well as HTML.
 *
 * <pre>{@code
 * Files.writeString(Path.of("report.html"), new HtmlReportWriter().write(runComparison));
 * }</pre>
 */
public final class HtmlReportWriter implements ReportWriter {
    /** Percentile charts drawn at most; the table lists every latency benchmark. */
    static final int MAX_CURVE_CHARTS = 24;

    private static final String CSS = String.join("\n",
            ":root { color-scheme: light; }",
            "body { font: 14px/1.45 system-ui, -apple-system, 'Segoe UI', Roboto, 'DejaVu Sans', sans-serif;"
                    + " color: #1f2328; margin: 0; background: #f6f8fa; }",
            "main { max-width: 1160px; margin: 0 auto; padding: 24px 28px 40px; background: #fff; }",
            "h1 { font-size: 22px; margin: 0 0 4px; }",
            "h2 { font-size: 17px; margin: 28px 0 10px; padding-bottom: 4px; border-bottom: 1px solid #d0d7de; }",
            ".runs { color: #57606a; margin: 0 0 14px; overflow-wrap: anywhere; }",
            ".verdict { display: inline-block; font-weight: 700; letter-spacing: .04em; padding: 4px 12px;"
                    + " border-radius: 6px; color: #fff; margin-right: 10px; }",
            ".verdict.pass { background: #1a7f37; } .verdict.warn { background: #9a6700; }"
                    + " .verdict.fail { background: #cf222e; }",
            ".summary { margin: 10px 0 0; }",
            "table { border-collapse: collapse; margin: 6px 0 10px; }",
            "th, td { padding: 4px 10px; border-bottom: 1px solid #eaeef2; text-align: left; vertical-align: top; }",
            "th { background: #f6f8fa; font-weight: 600; }",
            "td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }",
            "td.name { overflow-wrap: break-word; min-width: 12em; max-width: 420px; }",
            "td.verdict-cell, td.test { white-space: nowrap; }",
            "tr.geomean td:first-child { white-space: nowrap; }",
            "details.notes { margin: 4px 0; } details.notes ul { margin: 4px 0 8px; columns: 2 24em; }",
            "details.notes li { overflow-wrap: anywhere; } .count { color: #57606a; font-weight: 400; }",
            "tr.regression td.verdict-cell { color: #cf222e; font-weight: 600; }",
            "tr.improved td.verdict-cell { color: #1a7f37; font-weight: 600; }",
            "tr.noise td.verdict-cell { color: #9a6700; }",
            "tr.same td.verdict-cell { color: #6e7781; }",
            "tr.regression { background: #fff5f5; } tr.improved { background: #f3fbf5; }",
            "tr.geomean td { font-weight: 600; border-top: 2px solid #d0d7de; }",
            ".missed { color: #cf222e; font-weight: 600; } .met { color: #1a7f37; }",
            ".note { color: #57606a; font-size: 13px; }",
            ".charts { display: flex; flex-wrap: wrap; gap: 12px; }",
            "figure { margin: 8px 0; } .chart { max-width: 100%; height: auto; }",
            ".chart text { font: 11px system-ui, 'DejaVu Sans', sans-serif; fill: #1f2328; }",
            ".chart .chart-title { font-size: 12px; font-weight: 600; }",
            ".chart .tick, .chart .value { fill: #57606a; } .chart .axis { fill: #57606a; font-size: 11px; }",
            ".chart .grid { stroke: #eaeef2; } .chart .axisline { stroke: #57606a; }",
            ".chart .threshold { stroke: #9a6700; stroke-dasharray: 4 3; }",
            ".bar.regression { fill: #cf222e; } .bar.improved { fill: #1a7f37; } .bar.noise { fill: #d4a72c; }"
                    + " .bar.same { fill: #afb8c1; }",
            ".flame { overflow-x: auto; border: 1px solid #d0d7de; }",
            "ul.analysis li { margin: 3px 0; overflow-wrap: anywhere; }",
            "footer { color: #6e7781; font-size: 12px; margin-top: 30px; }");

    @Override
    public String extension() {
        return "html";
    }

    @Override
    public String write(RunComparison c) {
        return write(c, List.of());
    }

    @Override
    public String write(RunComparison c, List<ProfileComparison> profiles) {
        StringBuilder sb = new StringBuilder(16384);
        head(sb, ReportContent.title(c));
        sb.append("<h1>Benchmark comparison</h1>\n<p class=\"runs\">").append(esc(c.baselineTitle()))
                .append(" (baseline) vs ").append(esc(c.candidateTitle())).append(" (candidate)</p>\n");
        sb.append("<section id=\"summary\"><span class=\"verdict ").append(verdictClass(c.verdict().verdict()))
                .append("\">").append(c.verdict().verdict().label()).append("</span>")
                .append(esc(c.summary())).append(" (").append(esc(ReportContent.shortThresholds(
                        c.options()))).append(")</section>\n");

        sb.append("<section id=\"configuration\"><h2>Test configuration</h2>\n<table>\n")
                .append("<tr><th></th><th>Baseline</th><th>Candidate</th></tr>\n");
        for (ReportContent.ConfigRow r : ReportContent.configuration(c)) {
            sb.append("<tr><th>").append(esc(r.label())).append("</th><td class=\"name\">").append(esc(r.baseline()))
                    .append("</td><td class=\"name\">").append(esc(r.candidate())).append("</td></tr>\n");
        }
        sb.append("</table></section>\n");

        sb.append("<section id=\"benchmarks\"><h2>Benchmarks</h2>\n");
        if (c.benchmarks().isEmpty()) {
            sb.append("<p class=\"note\">No benchmark could be compared.</p>\n");
        } else {
            benchmarkTable(sb, c, "Benchmark", c.primaryInReportOrder(), true);
            sb.append("<figure>").append(SvgCharts.changes(c.primaryInReportOrder(), c.options().noiseThreshold(),
                    c::shortName))
                    .append("<figcaption class=\"note\">Change of each benchmark's centre, coloured by verdict: red "
                            + "regression, green improvement, amber within noise, grey no significant change. "
                            + "Dashed lines: the noise threshold.</figcaption></figure>\n");
        }
        if (!c.secondary().isEmpty()) {
            sb.append("<h3>Secondary metrics</h3>\n<p class=\"note\">Not counted in the verdict or the geometric "
                    + "means.</p>\n");
            benchmarkTable(sb, c, "Metric", c.secondaryInReportOrder(), false);
        }
        sb.append("</section>\n");
        notes(sb, c);

        if (!c.latency().isEmpty()) {
            sb.append("<section id=\"latency\"><h2>Latency</h2>\n<table class=\"data\">\n<tr><th>Benchmark</th>"
                    + "<th></th><th class=\"num\">Baseline</th><th class=\"num\">Candidate</th>"
                    + "<th class=\"num\">Change</th><th>Target</th></tr>\n");
            for (LatencyRow r : c.latency()) {
                String unit = ReportContent.displayUnit(r);
                boolean first = true;
                for (PercentileChange p : r.percentiles()) {
                    sb.append("<tr><td class=\"name\">").append(first ? esc(r.key().toString()) : "")
                            .append("</td><td>")
                            .append(ReportFormat.percentileLabel(p.percentile())).append("</td>");
                    num(sb, ReportFormat.withUnit(ReportFormat.value(p.baseline(), r.unit(), unit), unit));
                    num(sb, ReportFormat.withUnit(ReportFormat.value(p.candidate(), r.unit(), unit), unit));
                    num(sb, ReportFormat.change(p.change()));
                    sb.append("<td>");
                    if (p.hasTarget()) {
                        sb.append("\u2264 ").append(esc(ReportFormat.withUnit(ReportFormat.value(p.target(), r.unit(),
                                unit), unit))).append(p.missesTarget() ? " <span class=\"missed\">missed</span>"
                                : " <span class=\"met\">met</span>");
                    } else {
                        sb.append('-');
                    }
                    sb.append("</td></tr>\n");
                    first = false;
                }
            }
            sb.append("</table>\n<p class=\"note\">").append(esc(ReportContent.latencyNote(c))).append("</p>\n");
            curves(sb, c);
            sb.append("</section>\n");
        }

        sb.append("<section id=\"throughput\"><h2>Throughput</h2>\n");
        List<BenchmarkComparison> throughput = c.throughput();
        if (throughput.isEmpty()) {
            sb.append("<p class=\"note\">No throughput metrics in these runs.</p>\n");
        } else {
            sb.append("<table class=\"data\">\n<tr><th>Benchmark</th><th class=\"num\">Baseline</th>"
                    + "<th class=\"num\">Candidate</th><th class=\"num\">Change</th><th>Verdict</th></tr>\n");
            for (BenchmarkComparison b : throughput) {
                Comparison k = b.comparison();
                String unit = ReportContent.displayUnit(b);
                sb.append("<tr class=\"").append(SvgCharts.verdictClass(k.verdict())).append("\"><td class=\"name\">")
                        .append(esc(b.key().toString())).append("</td>");
                num(sb, estimate(k.baseline(), b.unit(), unit));
                num(sb, estimate(k.candidate(), b.unit(), unit));
                num(sb, ReportFormat.change(k.change()));
                sb.append("<td class=\"verdict-cell\">").append(esc(ReportFormat.verdictSymbol(k.verdict())))
                        .append("</td></tr>\n");
            }
            sb.append("</table>\n");
        }
        sb.append("</section>\n");

        if (!c.resources().isEmpty()) {
            sb.append("<section id=\"resources\"><h2>Resources</h2>\n<table class=\"data\">\n<tr><th>Benchmark</th>"
                    + "<th>Resource</th><th class=\"num\">Baseline</th><th class=\"num\">Candidate</th>"
                    + "<th class=\"num\">Change</th><th>Verdict</th></tr>\n");
            for (ResourceRow r : c.resources()) {
                String unit = ReportFormat.displayUnit(r.baseline(), r.unit());
                sb.append("<tr class=\"").append(r.verdict() == null ? "untested" : SvgCharts.verdictClass(r.verdict()))
                        .append("\"><td class=\"name\">").append(esc(r.key().toString())).append("</td><td>")
                        .append(esc(r.resource())).append("</td>");
                num(sb, ReportFormat.withUnit(ReportFormat.value(r.baseline(), r.unit(), unit), unit));
                num(sb, ReportFormat.withUnit(ReportFormat.value(r.candidate(), r.unit(), unit), unit));
                num(sb, ReportFormat.change(r.change()));
                sb.append("<td class=\"verdict-cell\">").append(r.verdict() == null ? "not tested"
                        : esc(ReportFormat.verdictSymbol(r.verdict()))).append("</td></tr>\n");
            }
            sb.append("</table></section>\n");
        }

        relativeSpeeds(sb, c);

        sb.append("<section id=\"analysis\"><h2>Analysis</h2>\n<ul class=\"analysis\">\n");
        for (String line : ReportContent.analysis(c)) {
            sb.append("<li>").append(esc(line)).append("</li>\n");
        }
        sb.append("</ul></section>\n");
        for (int i = 0; i < profiles.size(); i++) {
            ProfileComparison p = profiles.get(i);
            sb.append("<section id=\"profiles-").append(i + 1).append("\"><h2>Profile comparison: ")
                    .append(esc(p.baselineTitle())).append(" vs ").append(esc(p.candidateTitle())).append("</h2>\n");
            profileBody(sb, p, "h3", "profile-" + (i + 1) + "-", i == 0);
            if (i > 0) {
                // the flame graph's script finds its parts by id, so one page holds one interactive graph
                sb.append("<p class=\"note\">The differential flame graph is drawn for the first pair of "
                        + "profiles; compare these two profiles on their own to see theirs.</p>\n");
            }
            sb.append("</section>\n");
        }
        sb.append("<section id=\"verdict\"><h2>Verdict: <span class=\"verdict ")
                .append(verdictClass(c.verdict().verdict())).append("\">").append(c.verdict().verdict().label())
                .append("</span></h2>\n<p>").append(esc(ReportContent.thresholds(c))).append("</p></section>\n");
        foot(sb);
        return sb.toString();
    }

    private static void benchmarkTable(StringBuilder sb, RunComparison c, String first,
                                       List<BenchmarkComparison> rows, boolean geomeans) {
        sb.append("<table class=\"data\">\n<tr><th>").append(first).append("</th><th class=\"num\">Baseline</th>"
                + "<th class=\"num\">Candidate</th><th class=\"num\">Change</th><th class=\"num\">p</th>"
                + "<th class=\"num\">n</th><th>Test</th><th>Verdict</th></tr>\n");
        for (BenchmarkComparison b : rows) {
            Comparison k = b.comparison();
            String unit = ReportContent.displayUnit(b);
            sb.append("<tr class=\"").append(SvgCharts.verdictClass(k.verdict())).append("\">");
            name(sb, c, b.key());
            num(sb, estimate(k.baseline(), b.unit(), unit));
            num(sb, estimate(k.candidate(), b.unit(), unit));
            num(sb, ReportFormat.change(k.change()));
            num(sb, ReportFormat.pValue(k.pValue()));
            num(sb, ReportContent.counts(k));
            sb.append("<td class=\"test\" title=\"").append(esc(k.test().label())).append("\">")
                    .append(ReportFormat.shortTest(k.test()))
                    .append("</td><td class=\"verdict-cell\">")
                    .append(esc(ReportFormat.verdictSymbol(k.verdict()))).append("</td></tr>\n");
        }
        if (geomeans) {
            for (UnitGeomean g : c.geomeans()) {
                sb.append("<tr class=\"geomean\"><td colspan=\"3\">geomean").append(c.geomeans().size() == 1 ? ""
                        : " (" + esc(g.label()) + ")").append("</td>");
                num(sb, ReportFormat.geomean(g.ratio()));
                sb.append("<td></td><td></td><td></td><td></td></tr>\n");
            }
        }
        sb.append("</table>\n");
    }

    /** A name cell: the name without the prefix all share, the full name on hover. */
    private static void name(StringBuilder sb, RunComparison c, dev.perfdesk.core.stats.BenchmarkKey key) {
        sb.append("<td class=\"name\" title=\"").append(esc(key.toString())).append("\">")
                .append(esc(c.shortName(key))).append("</td>");
    }

    private static void notes(StringBuilder sb, RunComparison c) {
        List<NoteGroup> groups = c.noteGroups();
        if (groups.isEmpty()) {
            return;
        }
        sb.append("<section id=\"notes\"><h2>Notes</h2>\n");
        for (NoteGroup g : groups) {
            sb.append("<details class=\"notes ").append(esc(g.kind())).append("\"><summary>").append(esc(g.title()))
                    .append(" <span class=\"count\">").append(g.count()).append("</span></summary>\n<ul>");
            for (String item : g.items()) {
                sb.append("<li>").append(esc(item)).append("</li>");
            }
            sb.append("</ul></details>\n");
        }
        if (!c.commonPrefix().isEmpty()) {
            sb.append("<p class=\"note\">").append(ReportContent.PREFIX_NOTE).append("<code>")
                    .append(esc(c.commonPrefix())).append("</code>.</p>\n");
        }
        sb.append("</section>\n");
    }

    private static void relativeSpeeds(StringBuilder sb, RunComparison c) {
        List<ReportContent.RunSpeeds> speeds = ReportContent.relativeSpeeds(c);
        if (!ReportContent.hasRelativeSpeeds(speeds)) {
            return;
        }
        sb.append("<section id=\"relative-speed\"><h2>Relative speed within each run</h2>\n<p class=\"note\">")
                .append(esc(ReportContent.relativeSpeedNote())).append("</p>\n");
        for (ReportContent.RunSpeeds run : speeds) {
            for (dev.perfdesk.core.bench.RelativeSpeed g : run.shown()) {
                sb.append("<h3>").append(esc(ReportContent.relativeSpeedHeading(run, g))).append("</h3>\n")
                        .append("<ul class=\"analysis\">\n");
                for (String sentence : g.sentences()) {
                    sb.append("<li>").append(esc(sentence)).append("</li>\n");
                }
                sb.append("</ul>\n");
            }
            for (dev.perfdesk.core.bench.RelativeSpeed g : run.leftOut()) {
                sb.append("<p class=\"note\">").append(esc(run.role() + " " + run.title() + ": "
                        + ReportContent.relativeSpeedLeftOut(g))).append(".</p>\n");
            }
        }
        sb.append("</section>\n");
    }

    private static void curves(StringBuilder sb, RunComparison c) {
        int drawn = 0;
        int skipped = 0;
        StringBuilder charts = new StringBuilder();
        for (LatencyRow r : c.latency()) {
            Benchmark[] pair = c.benchmarksOf(r.key(), r.unit());
            PercentileCurve base = pair[0] == null ? null : PercentileCurve.of(pair[0]);
            PercentileCurve cand = pair[1] == null ? null : PercentileCurve.of(pair[1]);
            if (base == null || cand == null) {
                continue;
            }
            if (drawn == MAX_CURVE_CHARTS) {
                skipped++;
                continue;
            }
            charts.append("<figure>").append(SvgCharts.percentiles(r.key().toString(), base, cand,
                    ReportContent.displayUnit(r), c.baselineTitle(), c.candidateTitle())).append("</figure>\n");
            drawn++;
        }
        if (drawn > 0) {
            sb.append("<h3>Percentile curves</h3>\n<div class=\"charts\">\n").append(charts).append("</div>\n");
            if (skipped > 0) {
                sb.append("<p class=\"note\">").append(skipped).append(" more benchmarks have percentile curves; "
                        + "the first ").append(MAX_CURVE_CHARTS).append(" are drawn.</p>\n");
            }
        }
    }

    @Override
    public String write(ProfileComparison p) {
        StringBuilder sb = new StringBuilder(65536);
        String title = "Profile comparison: " + p.baselineTitle() + " vs " + p.candidateTitle();
        head(sb, title);
        sb.append("<h1>Profile comparison</h1>\n<p class=\"runs\">").append(esc(p.baselineTitle()))
                .append(" (baseline) vs ").append(esc(p.candidateTitle())).append(" (candidate)</p>\n");
        profileBody(sb, p, "h2", "", true);
        foot(sb);
        return sb.toString();
    }

    /**
     * A profile comparison's summary, table of functions and differential flame graph, under headings
     * {@code h}; {@code ids} prefixes the sections' ids so that several fit in one page.
     */
    private static void profileBody(StringBuilder sb, ProfileComparison p, String h, String ids, boolean flame) {
        sb.append("<section id=\"").append(ids).append("summary\"><p>").append(esc(ReportContent.profileSummary(p)))
                .append("</p></section>\n");
        sb.append("<section id=\"").append(ids).append("functions\"><").append(h).append(">Largest changes of total ")
                .append(esc(p.unit().symbol()))
                .append("</").append(h).append(">\n<table class=\"data\">\n<tr><th>Function</th>"
                        + "<th class=\"num\">Baseline</th>"
                        + "<th class=\"num\">Candidate</th><th class=\"num\">Change</th><th class=\"num\">Change %</th>"
                        + "<th class=\"num\">Self change</th></tr>\n");
        for (FunctionDiff f : p.topFunctions()) {
            String[] cells = ReportContent.functionRow(p, f);
            sb.append("<tr class=\"").append(f.change() > 0 ? "regression" : f.change() < 0 ? "improved" : "same")
                    .append("\"><td class=\"name\">").append(esc(cells[0])).append("</td>");
            for (int i = 1; i < cells.length; i++) {
                num(sb, cells[i]);
            }
            sb.append("</tr>\n");
        }
        sb.append("</table></section>\n");
        if (!flame) {
            return;
        }
        sb.append("<section id=\"").append(ids).append("flame\"><").append(h).append(">Differential flame graph</")
                .append(h).append(">\n<p class=\"note\">Widths are the "
                + "candidate's; red frames grew, blue shrank, purple are new. Click a frame to zoom, Esc to reset, "
                + "Ctrl+F to search.</p>\n<div class=\"flame\">");
        String svg = new FlameGraphSvgWriter(FlameGraphSvgWriter.Options.DEFAULT.withTitle(XmlText.singleLine(
                p.baselineTitle() + " vs " + p.candidateTitle())))
                .toSvg(p.diff().view(), CallTree.ROOT, DiffColors.style(p.diff(), DiffColors.Basis.TOTAL));
        sb.append(stripXmlDeclaration(svg)).append("</div></section>\n");
    }

    static String stripXmlDeclaration(String svg) {
        if (svg.startsWith("<?xml")) {
            return svg.substring(svg.indexOf("?>") + 2).stripLeading();
        }
        return svg;
    }

    private static void head(StringBuilder sb, String title) {
        sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
                .append("<meta name=\"generator\" content=\"Perfdesk\"/>\n<title>").append(esc(title))
                .append("</title>\n<style>\n").append(CSS).append("\n</style>\n</head>\n<body>\n<main>\n");
    }

    private static void foot(StringBuilder sb) {
        sb.append("<footer>Generated by Perfdesk.</footer>\n</main>\n</body>\n</html>\n");
    }


    private static String verdictClass(ReportVerdict v) {
        return v == ReportVerdict.FAIL ? "fail" : v == ReportVerdict.PASS ? "pass" : "warn";
    }

    private static void num(StringBuilder sb, String text) {
        sb.append("<td class=\"num\">").append(esc(text)).append("</td>");
    }

    private static String estimate(Estimate e, String unit, String displayUnit) {
        return ReportFormat.withUnit(ReportFormat.value(e.centre(), unit, displayUnit), displayUnit) + " "
                + ReportFormat.interval(e);
    }

    private static String esc(String s) {
        return XmlText.escape(XmlText.singleLine(s));
    }
}
