package dev.perfdesk.core.report;

import java.util.List;

import dev.perfdesk.core.diff.FunctionDiff;
import dev.perfdesk.core.stats.Comparison;

/**
 * A comparison as GitHub-flavoured Markdown, compact enough for a pull-request comment: a summary line with the
 * verdict, the test configuration, the benchmark table (centre ± interval, change, p-value, n, verdict symbol),
 * latency percentiles against targets, throughput, resources where known, the analysis and the thresholds. Plain
 * text, no emoji; names from the input have Markdown and HTML escaped, so a {@code |} stays in its cell.
 *
 * <pre>{@code
 * String md = new MarkdownReportWriter().write(runComparison);
 * }</pre>
 */
public final class MarkdownReportWriter implements ReportWriter {

    @Override
    public String extension() {
        return "md";
    }

    private static void benchmarkTable(StringBuilder sb, RunComparison c, String first,
                                       List<BenchmarkComparison> rows) {
        sb.append("| ").append(first).append(" | Baseline | Candidate | Change | p | n | Verdict |\n")
                .append("|:--|--:|--:|--:|--:|--:|:--|\n");
        for (BenchmarkComparison b : rows) {
            Comparison k = b.comparison();
            String unit = ReportContent.displayUnit(b);
            row(sb, esc(c.shortName(b.key())), estimate(k.baseline(), b.unit(), unit),
                    estimate(k.candidate(), b.unit(), unit), ReportFormat.change(k.change()),
                    ReportFormat.pValue(k.pValue()), ReportContent.counts(k),
                    esc(ReportFormat.verdictSymbol(k.verdict())));
        }
    }

    @Override
    public String write(RunComparison c) {
        return write(c, List.of());
    }

    @Override
    public String write(RunComparison c, List<ProfileComparison> profiles) {
        StringBuilder sb = new StringBuilder();
        sb.append("## ").append(esc(ReportContent.title(c))).append("\n\n");
        sb.append("**").append(c.verdict().verdict().label()).append("**: ").append(esc(c.summary()))
                .append(" (").append(esc(ReportContent.shortThresholds(c.options()))).append(")\n\n");

        sb.append("### Test configuration\n\n");
        sb.append("| | Baseline | Candidate |\n|:--|:--|:--|\n");
        for (ReportContent.ConfigRow r : ReportContent.configuration(c)) {
            row(sb, esc(r.label()), esc(r.baseline()), esc(r.candidate()));
        }
        sb.append('\n');

        sb.append("### Benchmarks\n\n");
        if (!c.commonPrefix().isEmpty()) {
            String p = c.commonPrefix();
            sb.append('_').append(ReportContent.PREFIX_NOTE).append(p.contains("`") ? esc(p) : "`" + p + "`")
                    .append("._\n\n");
        }
        if (c.benchmarks().isEmpty()) {
            sb.append("_No benchmark could be compared._\n\n");
        } else {
            benchmarkTable(sb, c, "Benchmark", c.primaryInReportOrder());
            for (UnitGeomean g : c.geomeans()) {
                row(sb, c.geomeans().size() == 1 ? "**geomean**" : "**geomean** (" + esc(g.label()) + ")", "", "",
                        "**" + ReportFormat.geomean(g.ratio()) + "**", "", "", "");
            }
            sb.append('\n');
            if (!c.secondary().isEmpty()) {
                sb.append("### Secondary metrics\n\n_Not counted in the verdict or the geometric means._\n\n");
                benchmarkTable(sb, c, "Metric", c.secondaryInReportOrder());
                sb.append('\n');
            }
        }

        pairedTable(sb, c);
        if (!c.latency().isEmpty()) {
            sb.append("### Latency\n\n");
            sb.append("| Benchmark | | Baseline | Candidate | Change | Target |\n|:--|:--|--:|--:|--:|:--|\n");
            for (LatencyRow r : c.latency()) {
                String unit = ReportContent.displayUnit(r);
                boolean first = true;
                for (PercentileChange p : r.percentiles()) {
                    row(sb, first ? esc(c.shortName(r.key())) : "", ReportFormat.percentileLabel(p.percentile()),
                            ReportFormat.withUnit(ReportFormat.value(p.baseline(), r.unit(), unit), unit),
                            ReportFormat.withUnit(ReportFormat.value(p.candidate(), r.unit(), unit), unit),
                            ReportFormat.change(p.change()), target(p, r.unit(), unit));
                    first = false;
                }
            }
            sb.append('\n').append('_').append(esc(ReportContent.latencyNote(c))).append("_\n\n");
        }

        sb.append("### Throughput\n\n");
        List<BenchmarkComparison> throughput = c.throughput();
        if (throughput.isEmpty()) {
            sb.append("_No throughput metrics in these runs._\n\n");
        } else {
            sb.append("| Benchmark | Baseline | Candidate | Change | Verdict |\n|:--|--:|--:|--:|:--|\n");
            for (BenchmarkComparison b : throughput) {
                Comparison k = b.comparison();
                String unit = ReportContent.displayUnit(b);
                row(sb, esc(c.shortName(b.key())), estimate(k.baseline(), b.unit(), unit),
                        estimate(k.candidate(), b.unit(), unit), ReportFormat.change(k.change()),
                        esc(ReportFormat.verdictSymbol(k.verdict())));
            }
            sb.append('\n');
        }

        if (!c.resources().isEmpty()) {
            sb.append("### Resources\n\n");
            sb.append("| Benchmark | Resource | Baseline | Candidate | Change | Verdict |\n")
                    .append("|:--|:--|--:|--:|--:|:--|\n");
            for (ResourceRow r : c.resources()) {
                String unit = ReportFormat.displayUnit(r.baseline(), r.unit());
                row(sb, esc(c.shortName(r.key())), esc(r.resource()),
                        ReportFormat.withUnit(ReportFormat.value(r.baseline(), r.unit(), unit), esc(unit)),
                        ReportFormat.withUnit(ReportFormat.value(r.candidate(), r.unit(), unit), esc(unit)),
                        ReportFormat.change(r.change()),
                        r.verdict() == null ? "not tested" : esc(ReportFormat.verdictSymbol(r.verdict())));
            }
            sb.append('\n');
        }

        List<ReportContent.RunSpeeds> speeds = ReportContent.relativeSpeeds(c);
        if (ReportContent.hasRelativeSpeeds(speeds)) {
            sb.append("### Relative speed within each run\n\n_").append(esc(ReportContent.relativeSpeedNote()))
                    .append("_\n\n");
            for (ReportContent.RunSpeeds run : speeds) {
                for (dev.perfdesk.core.bench.RelativeSpeed g : run.shown()) {
                    sb.append(esc(ReportContent.relativeSpeedHeading(run, g))).append(":\n\n");
                    for (String sentence : g.sentences()) {
                        sb.append("- ").append(esc(sentence)).append('\n');
                    }
                    sb.append('\n');
                }
                for (dev.perfdesk.core.bench.RelativeSpeed g : run.leftOut()) {
                    sb.append(esc(run.role() + " " + run.title() + ": " + ReportContent.relativeSpeedLeftOut(g)))
                            .append(".\n\n");
                }
            }
        }

        sb.append("### Analysis\n\n");
        for (String line : ReportContent.analysis(c)) {
            sb.append("- ").append(esc(line)).append('\n');
        }
        sb.append('\n');

        for (ProfileComparison p : profiles) {
            profileSection(sb, p, "###");
        }
        sb.append("### Verdict: ").append(c.verdict().verdict().label()).append("\n\n");
        sb.append(esc(ReportContent.thresholds(c))).append('\n');
        return sb.toString();
    }

    /** compare.py's pairs of repetitions (Google Benchmark runs): {@link BenchmarkComparison#pairedChanges}. */
    private static void pairedTable(StringBuilder sb, RunComparison c) {
        List<BenchmarkComparison> paired = ReportContent.pairedRows(c);
        if (paired.isEmpty()) {
            return;
        }
        sb.append("### Repetitions\n\n_").append(esc(ReportContent.PAIRED_NOTE)).append("_\n\n")
                .append("| Benchmark | # | Baseline | Candidate | Change |\n|:--|--:|--:|--:|--:|\n");
        for (BenchmarkComparison b : paired) {
            String unit = ReportContent.displayUnit(b);
            for (PairedChange p : b.pairedChanges()) {
                row(sb, p.index() == 0 ? esc(c.shortName(b.key())) : "", String.valueOf(p.index() + 1),
                        ReportFormat.withUnit(ReportFormat.value(p.baseline(), b.unit(), unit), esc(unit)),
                        ReportFormat.withUnit(ReportFormat.value(p.candidate(), b.unit(), unit), esc(unit)),
                        ReportFormat.change(p.change()));
            }
        }
        sb.append('\n');
    }

    @Override
    public String write(ProfileComparison p) {
        StringBuilder sb = new StringBuilder();
        profileSection(sb, p, "##");
        return sb.toString();
    }

    /** A profile comparison under a heading of level {@code h} ({@code ##}). */
    private static void profileSection(StringBuilder sb, ProfileComparison p, String h) {
        sb.append(h).append(" Profile comparison: ").append(esc(p.baselineTitle())).append(" vs ")
                .append(esc(p.candidateTitle())).append("\n\n");
        sb.append(esc(ReportContent.profileSummary(p))).append("\n\n");
        sb.append(h).append("# Largest changes of total ").append(esc(p.unit().symbol())).append("\n\n");
        sb.append("| Function | Baseline | Candidate | Change | Change % | Self change |\n")
                .append("|:--|--:|--:|--:|--:|--:|\n");
        for (FunctionDiff f : p.topFunctions()) {
            String[] cells = ReportContent.functionRow(p, f);
            cells[0] = esc(cells[0]);
            row(sb, cells);
        }
        sb.append('\n');
    }

    private static String estimate(dev.perfdesk.core.stats.Estimate e, String unit, String displayUnit) {
        return ReportFormat.withUnit(ReportFormat.value(e.centre(), unit, displayUnit), esc(displayUnit)) + " "
                + ReportFormat.interval(e);
    }

    private static String target(PercentileChange p, String unit, String displayUnit) {
        if (!p.hasTarget()) {
            return "-";
        }
        String t = "\u2264 " + ReportFormat.withUnit(ReportFormat.value(p.target(), unit, displayUnit), displayUnit);
        return t + (p.missesTarget() ? " **missed**" : " met");
    }

    private static void row(StringBuilder sb, String... cells) {
        sb.append('|');
        for (String cell : cells) {
            sb.append(' ').append(cell).append(" |");
        }
        sb.append('\n');
    }

    static String esc(String text) {
        return MarkdownText.escape(text);
    }
}
