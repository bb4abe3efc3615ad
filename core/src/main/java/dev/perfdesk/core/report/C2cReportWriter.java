package dev.perfdesk.core.report;

import java.util.List;
import java.util.Map;

import dev.perfdesk.core.c2c.C2cLine;
import dev.perfdesk.core.c2c.C2cOffset;
import dev.perfdesk.core.c2c.C2cReport;
import dev.perfdesk.core.c2c.FalseSharing;
import dev.perfdesk.core.util.XmlText;

/**
 * A perf c2c report as Markdown or a self-contained HTML page: the summary, the shared cache line table with every
 * column perf printed, and each line's offsets, with the lines and offsets that show false sharing marked by
 * {@link FalseSharing}'s rule, which the report states. Every name from the file (symbols, objects, sources, the
 * report's name) is escaped.
 */
public final class C2cReportWriter {
    /** The summary labels shown first, when the report has them. */
    static final List<String> SUMMARY = List.of("Total records", "Load Operations", "Load Local HITM",
            "Load Remote HITM", "Store Operations");

    private C2cReportWriter() {
    }

    /** The report as GitHub-flavoured Markdown. */
    public static String markdown(C2cReport report) {
        StringBuilder sb = new StringBuilder();
        sb.append("# perf c2c: ").append(MarkdownText.escape(report.name())).append("\n\n");
        summary(report, (k, v) -> sb.append("- ").append(MarkdownText.escape(k)).append(": ")
                .append(MarkdownText.escape(v)).append('\n'));
        sb.append('\n').append(FalseSharing.lineCount(report)).append(" of ").append(report.lines().size())
                .append(" shared cache lines show false sharing. ").append(FalseSharing.RULE).append("\n\n");
        sb.append("## Shared Data Cache Line Table\n\n");
        table(sb, "False sharing", report.lineColumns(), report.lines().stream()
                .map(l -> new Row(FalseSharing.showsFalseSharing(report, l), l.cells())).toList());
        for (C2cLine line : report.lines()) {
            boolean fs = FalseSharing.showsFalseSharing(report, line);
            sb.append("\n## Cache line ").append(line.index()).append(" (").append(MarkdownText.escape(line.address()))
                    .append(")").append(fs ? ": false sharing" : "").append("\n\n");
            table(sb, "Contended", report.offsetColumns(), line.offsets().stream()
                    .map(o -> new Row(FalseSharing.highlighted(report, line, o), o.cells())).toList());
        }
        return sb.toString();
    }

    private record Row(boolean marked, List<String> cells) {
    }

    private static void table(StringBuilder sb, String markColumn, List<String> columns, List<Row> rows) {
        sb.append("| ").append(markColumn);
        for (String c : columns) {
            sb.append(" | ").append(MarkdownText.escape(c));
        }
        sb.append(" |\n|---");
        for (int i = 0; i < columns.size(); i++) {
            sb.append("|---:");
        }
        sb.append("|\n");
        for (Row r : rows) {
            sb.append("| ").append(r.marked() ? "**yes**" : "");
            for (int i = 0; i < columns.size(); i++) {
                String cell = i < r.cells().size() ? r.cells().get(i) : "";
                sb.append(" | ").append(r.marked() && !cell.isEmpty() ? "**" + MarkdownText.escape(cell) + "**"
                        : MarkdownText.escape(cell));
            }
            sb.append(" |\n");
        }
    }

    private static void summary(C2cReport report, java.util.function.BiConsumer<String, String> out) {
        for (Map.Entry<String, String> e : report.details().entrySet()) {
            out.accept(e.getKey(), e.getValue());
        }
        for (String key : SUMMARY) {
            String v = report.traceEvents().get(key);
            if (v != null) {
                out.accept(key, v);
            }
        }
        String lines = report.sharedEvents().get("Total Shared Cache Lines");
        if (lines != null) {
            out.accept("Total Shared Cache Lines", lines);
        }
    }

    /** The report as one HTML page with its own style; false-sharing rows carry the class {@code fs}. */
    public static String html(C2cReport report) {
        StringBuilder sb = new StringBuilder();
        sb.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>perf c2c: ")
                .append(XmlText.escape(report.name())).append("</title>\n<style>body{font-family:sans-serif;margin:2em}"
                        + "table{border-collapse:collapse;font-size:12px}td,th{border:1px solid #ccc;padding:2px 6px;"
                        + "text-align:right;white-space:nowrap}th{background:#f0f0f0}tr.fs td{background:#ffe0b3;"
                        + "font-weight:bold}.rule{background:#fff4e0;padding:6px;border-left:4px solid #e08000}"
                        + "</style></head><body>\n<h1>perf c2c: ").append(XmlText.escape(report.name()))
                .append("</h1>\n<ul>\n");
        summary(report, (k, v) -> sb.append("<li>").append(XmlText.escape(k)).append(": ").append(XmlText.escape(v))
                .append("</li>\n"));
        sb.append("</ul>\n<p class=\"rule\">").append(FalseSharing.lineCount(report)).append(" of ")
                .append(report.lines().size()).append(" shared cache lines show false sharing. ")
                .append(XmlText.escape(FalseSharing.RULE)).append("</p>\n<h2>Shared Data Cache Line Table</h2>\n");
        htmlTable(sb, report.lineColumns(), report.lines().stream()
                .map(l -> new Row(FalseSharing.showsFalseSharing(report, l), l.cells())).toList());
        for (C2cLine line : report.lines()) {
            boolean fs = FalseSharing.showsFalseSharing(report, line);
            sb.append("<h2>Cache line ").append(line.index()).append(" (").append(XmlText.escape(line.address()))
                    .append(")").append(fs ? ": false sharing" : "").append("</h2>\n");
            htmlTable(sb, report.offsetColumns(), line.offsets().stream()
                    .map((C2cOffset o) -> new Row(FalseSharing.highlighted(report, line, o), o.cells())).toList());
        }
        return sb.append("</body></html>\n").toString();
    }

    private static void htmlTable(StringBuilder sb, List<String> columns, List<Row> rows) {
        sb.append("<table>\n<tr>");
        for (String c : columns) {
            sb.append("<th>").append(XmlText.escape(c)).append("</th>");
        }
        sb.append("</tr>\n");
        for (Row r : rows) {
            sb.append(r.marked() ? "<tr class=\"fs\">" : "<tr>");
            for (String cell : r.cells()) {
                sb.append("<td>").append(XmlText.escape(cell)).append("</td>");
            }
            sb.append("</tr>\n");
        }
        sb.append("</table>\n");
    }
}
