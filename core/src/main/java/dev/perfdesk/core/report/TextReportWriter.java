package dev.perfdesk.core.report;

import java.util.ArrayList;
import java.util.List;

import dev.perfdesk.core.diff.FunctionDiff;
import dev.perfdesk.core.stats.Comparison;
import dev.perfdesk.core.util.XmlText;

/**
 * A comparison as plain text for a terminal: the verdict and summary, aligned tables of benchmarks and latency
 * percentiles, and the analysis. Control characters in names (terminal escapes among them) become spaces.
 */
public final class TextReportWriter implements ReportWriter {

    @Override
    public String extension() {
        return "txt";
    }

    private List<String[]> benchmarkRows(RunComparison c, String first, List<BenchmarkComparison> list) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {first, "BASELINE", "CANDIDATE", "CHANGE", "P", "N", "TEST", "VERDICT"});
        for (BenchmarkComparison b : list) {
            Comparison k = b.comparison();
            String unit = ReportContent.displayUnit(b);
            rows.add(new String[] {clean(c.shortName(b.key())), estimate(k.baseline(), b.unit(), unit),
                estimate(k.candidate(), b.unit(), unit), ReportFormat.change(k.change()),
                ReportFormat.pValue(k.pValue()), ReportContent.counts(k), ReportFormat.shortTest(k.test()),
                ReportFormat.verdictSymbol(k.verdict())});
        }
        return rows;
    }

    @Override
    public String write(RunComparison c) {
        return write(c, List.of());
    }

    @Override
    public String write(RunComparison c, List<ProfileComparison> profiles) {
        StringBuilder sb = new StringBuilder();
        sb.append(clean(ReportContent.title(c))).append('\n');
        sb.append(c.verdict().verdict().label()).append(": ").append(clean(c.summary())).append(" (")
                .append(ReportContent.shortThresholds(c.options())).append(")\n");
        if (!c.benchmarks().isEmpty()) {
            List<String[]> rows = benchmarkRows(c, "BENCHMARK", c.primaryInReportOrder());
            for (UnitGeomean g : c.geomeans()) {
                rows.add(new String[] {c.geomeans().size() == 1 ? "geomean" : "geomean (" + g.label() + ")", "", "",
                    ReportFormat.geomean(g.ratio()), "", "", "", ""});
            }
            sb.append('\n');
            if (!c.commonPrefix().isEmpty()) {
                sb.append(ReportContent.PREFIX_NOTE).append(clean(c.commonPrefix())).append(".\n");
            }
            table(sb, rows, new boolean[] {false, true, true, true, true, true, false, false});
            if (!c.secondary().isEmpty()) {
                sb.append("\nSecondary metrics (not counted in the verdict or the geometric means):\n");
                table(sb, benchmarkRows(c, "METRIC", c.secondaryInReportOrder()),
                        new boolean[] {false, true, true, true, true, true, false, false});
            }
        }
        pairedTable(sb, c);
        if (!c.latency().isEmpty()) {
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"LATENCY", "", "BASELINE", "CANDIDATE", "CHANGE", "TARGET"});
            for (LatencyRow r : c.latency()) {
                String unit = ReportContent.displayUnit(r);
                boolean first = true;
                for (PercentileChange p : r.percentiles()) {
                    rows.add(new String[] {first ? clean(c.shortName(r.key())) : "",
                        ReportFormat.percentileLabel(p.percentile()),
                        ReportFormat.withUnit(ReportFormat.value(p.baseline(), r.unit(), unit), unit),
                        ReportFormat.withUnit(ReportFormat.value(p.candidate(), r.unit(), unit), unit),
                        ReportFormat.change(p.change()), !p.hasTarget() ? "" : "<= "
                                + ReportFormat.withUnit(ReportFormat.value(p.target(), r.unit(), unit), unit)
                                + (p.missesTarget() ? " MISSED" : " met")});
                    first = false;
                }
            }
            sb.append('\n');
            if (c.benchmarks().isEmpty() && !c.commonPrefix().isEmpty()) {
                sb.append(ReportContent.PREFIX_NOTE).append(clean(c.commonPrefix())).append(".\n");
            }
            table(sb, rows, new boolean[] {false, false, true, true, true, false});
            sb.append(clean(ReportContent.latencyNote(c))).append('\n');
        }
        List<ReportContent.RunSpeeds> speeds = ReportContent.relativeSpeeds(c);
        if (ReportContent.hasRelativeSpeeds(speeds)) {
            sb.append("\nRelative speed within each run (").append(clean(dev.perfdesk.core.bench.RelativeSpeed.BASIS))
                    .append("; groups of 2 to ").append(ReportContent.MAX_RELATIVE).append(" benchmarks):\n");
            for (ReportContent.RunSpeeds run : speeds) {
                for (dev.perfdesk.core.bench.RelativeSpeed g : run.shown()) {
                    sb.append(clean(ReportContent.relativeSpeedHeading(run, g))).append(":\n");
                    for (String sentence : g.sentences()) {
                        sb.append("  ").append(clean(sentence)).append('\n');
                    }
                }
                for (dev.perfdesk.core.bench.RelativeSpeed g : run.leftOut()) {
                    sb.append(clean(run.role() + " " + run.title() + ": " + ReportContent.relativeSpeedLeftOut(g)))
                            .append('\n');
                }
            }
        }
        sb.append('\n');
        for (String line : ReportContent.analysis(c)) {
            sb.append("- ").append(clean(line)).append('\n');
        }
        for (ProfileComparison p : profiles) {
            sb.append('\n').append(write(p));
        }
        sb.append('\n').append("Verdict: ").append(c.verdict().verdict().label()).append('\n');
        return sb.toString();
    }

    /** compare.py's pairs of repetitions (Google Benchmark runs): {@link BenchmarkComparison#pairedChanges}. */
    private static void pairedTable(StringBuilder sb, RunComparison c) {
        List<BenchmarkComparison> paired = ReportContent.pairedRows(c);
        if (paired.isEmpty()) {
            return;
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"REPETITIONS", "#", "BASELINE", "CANDIDATE", "CHANGE"});
        for (BenchmarkComparison b : paired) {
            String unit = ReportContent.displayUnit(b);
            for (PairedChange p : b.pairedChanges()) {
                rows.add(new String[] {p.index() == 0 ? clean(c.shortName(b.key())) : "", String.valueOf(p.index() + 1),
                    ReportFormat.withUnit(ReportFormat.value(p.baseline(), b.unit(), unit), unit),
                    ReportFormat.withUnit(ReportFormat.value(p.candidate(), b.unit(), unit), unit),
                    ReportFormat.change(p.change())});
            }
        }
        sb.append('\n').append(ReportContent.PAIRED_NOTE).append('\n');
        table(sb, rows, new boolean[] {false, true, true, true, true});
    }

    @Override
    public String write(ProfileComparison p) {
        StringBuilder sb = new StringBuilder();
        sb.append("Profile comparison: ").append(clean(p.baselineTitle())).append(" vs ")
                .append(clean(p.candidateTitle())).append('\n');
        sb.append(clean(ReportContent.profileSummary(p))).append("\n\n");
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"BASELINE", "CANDIDATE", "CHANGE", "CHANGE %", "SELF CHANGE", "FUNCTION"});
        for (FunctionDiff f : p.topFunctions()) {
            String[] cells = ReportContent.functionRow(p, f);
            rows.add(new String[] {cells[1], cells[2], cells[3], cells[4], cells[5], clean(cells[0])});
        }
        table(sb, rows, new boolean[] {true, true, true, true, true, false});
        return sb.toString();
    }


    private static String estimate(dev.perfdesk.core.stats.Estimate e, String unit, String displayUnit) {
        return ReportFormat.estimateWithUnit(e, unit, displayUnit);
    }

    private static String clean(String s) {
        return XmlText.singleLine(s);
    }

    private static void table(StringBuilder sb, List<String[]> rows, boolean[] right) {
        int columns = rows.get(0).length;
        int[] width = new int[columns];
        for (String[] r : rows) {
            for (int i = 0; i < columns; i++) {
                width[i] = Math.max(width[i], r[i].codePointCount(0, r[i].length()));
            }
        }
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < columns; i++) {
                String pad = " ".repeat(width[i] - r[i].codePointCount(0, r[i].length()));
                line.append(right[i] ? pad + r[i] : r[i] + pad);
                if (i < columns - 1) {
                    line.append("  ");
                }
            }
            sb.append(line.toString().stripTrailing()).append('\n');
        }
    }
}
