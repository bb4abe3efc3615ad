package dev.perfdesk.app.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.perfdesk.core.c2c.C2cLine;
import dev.perfdesk.core.c2c.C2cOffset;
import dev.perfdesk.core.c2c.C2cReport;
import dev.perfdesk.core.c2c.FalseSharing;
import dev.perfdesk.store.StoredC2c;

/**
 * {@code perfdesk show c4}: a c2c report's summary and tables as aligned text (false-sharing rows marked with
 * {@code *}) or as CSV (one row per offset, its line's cells first), every cell as perf printed it.
 */
final class C2cTable {
    private C2cTable() {
    }

    static void text(String id, StoredC2c stored, C2cReport report, PrintWriter out) {
        out.println("c2c report " + id + ": " + TerminalText.escape(report.name()));
        row(out, "source", stored.sourcePath());
        row(out, "imported", ListCommand.WHEN.format(stored.importedAt()));
        for (Map.Entry<String, String> e : report.details().entrySet()) {
            row(out, e.getKey(), e.getValue());
        }
        for (String key : List.of("Total records", "Load Operations", "Load Local HITM", "Load Remote HITM",
                "Store Operations")) {
            row(out, key, report.traceEvents().get(key));
        }
        row(out, "cache lines", Integer.toString(report.lines().size()));
        row(out, "false sharing", FalseSharing.lineCount(report) + " lines");
        out.println();
        out.println(FalseSharing.RULE.replace("Highlighted:", "Marked *:"));
        out.println();
        out.println("Shared Data Cache Line Table:");
        List<List<String>> rows = new ArrayList<>();
        for (C2cLine line : report.lines()) {
            List<String> r = new ArrayList<>();
            r.add(FalseSharing.showsFalseSharing(report, line) ? "*" : "");
            r.addAll(line.cells());
            rows.add(r);
        }
        aligned(out, report.lineColumns(), rows);
        for (C2cLine line : report.lines()) {
            out.println();
            out.println("Cache line " + line.index() + " (" + TerminalText.escape(line.address()) + ")"
                    + (FalseSharing.showsFalseSharing(report, line) ? ": false sharing" : "") + ":");
            List<List<String>> offsets = new ArrayList<>();
            for (C2cOffset o : line.offsets()) {
                List<String> r = new ArrayList<>();
                r.add(FalseSharing.highlighted(report, line, o) ? "*" : "");
                r.addAll(o.cells());
                offsets.add(r);
            }
            aligned(out, report.offsetColumns(), offsets);
        }
    }

    private static void aligned(PrintWriter out, List<String> columns, List<List<String>> rows) {
        List<String> header = new ArrayList<>();
        header.add("");
        header.addAll(columns);
        int[] width = new int[header.size()];
        for (int i = 0; i < header.size(); i++) {
            width[i] = header.get(i).length();
            for (List<String> r : rows) {
                width[i] = Math.max(width[i], i < r.size() ? TerminalText.escape(r.get(i)).length() : 0);
            }
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < header.size(); i++) {
            sb.append(i == 0 ? "" : "  ").append(String.format(Locale.ROOT, "%" + Math.max(1, width[i]) + "s",
                    TerminalText.escape(header.get(i))));
        }
        out.println(sb.toString().stripTrailing());
        for (List<String> r : rows) {
            sb.setLength(0);
            for (int i = 0; i < header.size(); i++) {
                String cell = i < r.size() ? TerminalText.escape(r.get(i)) : "";
                sb.append(i == 0 ? "" : "  ").append(String.format(Locale.ROOT, "%" + Math.max(1, width[i]) + "s",
                        cell));
            }
            out.println(sb.toString().stripTrailing());
        }
    }

    private static void row(PrintWriter out, String key, String value) {
        if (value != null && !value.isEmpty()) {
            out.printf(Locale.ROOT, "  %-24s %s%n", TerminalText.escape(key), TerminalText.escape(value));
        }
    }

    /** One CSV row per offset: the line's columns, {@code false_sharing}, then the offset's columns. */
    static void csv(C2cReport report, PrintWriter out) {
        List<String> header = new ArrayList<>();
        header.addAll(report.lineColumns());
        header.add("false sharing line");
        header.add("contended offset");
        header.addAll(report.offsetColumns());
        out.println(String.join(",", header.stream().map(TerminalText::csvCell).toList()));
        for (C2cLine line : report.lines()) {
            boolean fs = FalseSharing.showsFalseSharing(report, line);
            for (C2cOffset o : line.offsets()) {
                List<String> cells = new ArrayList<>(line.cells());
                cells.add(fs ? "yes" : "no");
                cells.add(FalseSharing.contended(report, o) ? "yes" : "no");
                cells.addAll(o.cells());
                out.println(String.join(",", cells.stream().map(TerminalText::csvCell).toList()));
            }
        }
    }
}
