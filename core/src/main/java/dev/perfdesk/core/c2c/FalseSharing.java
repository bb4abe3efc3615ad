package dev.perfdesk.core.c2c;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which cache lines of a c2c report show false sharing, by one rule that the view, {@code perfdesk show} and the
 * reports all state as {@link #RULE}. An offset row is <em>contended</em> when any of its HITM, snoop-peer or store
 * columns is above zero: a load there found the line modified by another CPU, or a store wrote it. A line shows false
 * sharing when two or more <em>different offsets</em> are contended and more than one CPU touched them: different
 * data on one line bouncing between CPUs. One offset hammered by many CPUs is true sharing and is not flagged.
 */
public final class FalseSharing {
    /** The rule in words, for views and reports. */
    public static final String RULE = "Highlighted: lines where two or more different offsets take HITMs, peer "
            + "snoops or stores from more than one CPU (different data on one cache line bouncing between CPUs: "
            + "false sharing); one offset hit by many CPUs is true sharing and is not highlighted.";

    private FalseSharing() {
    }

    /** Whether {@code column} of the pareto counts contended accesses: a HITM, snoop-peer or store column. */
    static boolean isContentionColumn(String column) {
        return column.startsWith("HITM ") || column.startsWith("Snoop ") || column.startsWith("Store Refs ");
    }

    /** Whether the offset row had a HITM, peer snoop or store. */
    public static boolean contended(C2cReport report, C2cOffset offset) {
        List<String> columns = report.offsetColumns();
        for (int i = 0; i < columns.size() && i < offset.cells().size(); i++) {
            if (isContentionColumn(columns.get(i)) && C2cValues.number(offset.cells().get(i)) > 0) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code line} shows false sharing by {@link #RULE}. */
    public static boolean showsFalseSharing(C2cReport report, C2cLine line) {
        Set<String> offsets = new HashSet<>();
        Set<String> code = new HashSet<>();
        long cpus = 0;
        boolean cpuColumn = report.offsetColumns().contains("cpu cnt");
        for (C2cOffset o : line.offsets()) {
            if (!contended(report, o)) {
                continue;
            }
            offsets.add(String.valueOf(o.cell(report.offsetColumns(), "Data address Offset")));
            code.add(String.valueOf(o.cell(report.offsetColumns(), "Code address")));
            double n = C2cValues.number(o.cell(report.offsetColumns(), "cpu cnt"));
            cpus = Math.max(cpus, Double.isNaN(n) ? 0 : (long) n);
        }
        boolean severalCpus = cpuColumn ? cpus > 1 || code.size() > 1 : code.size() > 1;
        return offsets.size() >= 2 && severalCpus;
    }

    /** Whether the offset row is one of the contended offsets of a line that shows false sharing. */
    public static boolean highlighted(C2cReport report, C2cLine line, C2cOffset offset) {
        return contended(report, offset) && showsFalseSharing(report, line);
    }

    /** How many lines of the report show false sharing. */
    public static int lineCount(C2cReport report) {
        int n = 0;
        for (C2cLine line : report.lines()) {
            n += showsFalseSharing(report, line) ? 1 : 0;
        }
        return n;
    }
}
