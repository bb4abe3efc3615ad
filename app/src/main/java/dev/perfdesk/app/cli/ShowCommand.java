package dev.perfdesk.app.cli;

import java.io.PrintWriter;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import dev.perfdesk.core.calltree.CallCounts;
import dev.perfdesk.core.calltree.FunctionStats;
import dev.perfdesk.core.heap.HeapSeries;
import dev.perfdesk.core.model.Profile;
import dev.perfdesk.core.model.ProfileInfo;
import dev.perfdesk.core.model.WeightUnit;
import dev.perfdesk.store.Store;
import dev.perfdesk.store.StoredProfile;
import dev.perfdesk.store.StoredRun;
import dev.perfdesk.store.StoredSeries;

/**
 * {@code perfdesk show ID}: a profile's metadata and the heaviest functions by self and by total weight, or, for a
 * benchmark run ({@code r3}), its benchmark table as text, JSON or CSV.
 */
@Command(name = "show", description = "Show a profile's metadata and top functions, or a benchmark run's table (r3).")
final class ShowCommand implements Callable<Integer> {
    @Mixin
    StoreOption store;

    @Parameters(paramLabel = "ID", converter = ItemId.Converter.class,
            description = "The id of a profile (12), a benchmark run (r3), a series (s2) or a c2c report (cl4), as "
                    + "'perfdesk list' shows it.")
    ItemId itemId;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "For a run: text (default), json or csv; for a c2c report (cl4): text, csv, markdown or "
                    + "html.")
    RunTable.Format format;

    @Option(names = "--reference", paramLabel = "NAME",
            description = "For a run: the benchmark the relative speeds are against (default: the fastest), by name, "
                    + "or with its parameters and mode when the name is not unique.")
    String reference;

    @Option(names = "--top", paramLabel = "N", defaultValue = "20", description = "How many functions (default 20).")
    int top;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (Store s = store.openForReading()) {
            if (itemId instanceof ItemId.SeriesId) {
                StoredSeries x = s.findSeries(itemId.number()).orElse(null);
                if (x == null) {
                    spec.commandLine().getErr().println("no series with id " + itemId + " in " + s.location());
                    return 1;
                }
                dev.perfdesk.core.series.SeriesSet set = s.loadSeries(itemId.number());
                out.println("Series " + itemId + ": " + TerminalText.escape(x.name()));
                row(out, "source", x.sourcePath());
                row(out, "imported", ListCommand.WHEN.format(x.importedAt()));
                row(out, "runs", String.format(Locale.ROOT, "%,d", set.size()));
                if (set.size() > 0) {
                    row(out, "from", java.time.Instant.ofEpochMilli(set.time(0)).toString());
                    row(out, "to", java.time.Instant.ofEpochMilli(set.time(set.size() - 1)).toString());
                }
                row(out, "metrics", String.join(", ", set.metricNames()));
                row(out, "labels", String.join(", ", set.attributeNames()));
                out.println();
                out.println("Change points: perfdesk changepoints " + itemId);
                return 0;
            }
            if (itemId instanceof ItemId.C2cId) {
                dev.perfdesk.store.StoredC2c x = s.listC2c().stream().filter(c -> c.id() == itemId.number())
                        .findFirst().orElse(null);
                if (x == null) {
                    spec.commandLine().getErr().println("no c2c report with id " + itemId + " in " + s.location());
                    return 1;
                }
                dev.perfdesk.core.c2c.C2cReport report = s.c2c().load(itemId.number()).withName(x.name());
                switch (format) {
                    case csv -> C2cTable.csv(report, out);
                    case markdown -> out.print(dev.perfdesk.core.report.C2cReportWriter.markdown(report));
                    case html -> out.print(dev.perfdesk.core.report.C2cReportWriter.html(report));
                    case json -> {
                        spec.commandLine().getErr().println("a c2c report is shown as text, csv, markdown or html");
                        return 1;
                    }
                    default -> C2cTable.text(itemId.toString(), x, report, out);
                }
                return 0;
            }
            if (itemId instanceof ItemId.RunId) {
                StoredRun run = s.findRun(itemId.number()).orElse(null);
                if (run == null) {
                    spec.commandLine().getErr().println("no run with id " + itemId + " in " + s.location());
                    return 1;
                }
                try {
                    RunTable.print(run, s.loadRun(itemId.number()), format, reference, out);
                } catch (IllegalArgumentException e) {
                    out.flush();
                    spec.commandLine().getErr().println(e.getMessage());
                    return 1;
                }
                List<StoredProfile> attached = s.profilesOfRun(run.id());
                if (format == RunTable.Format.text && !attached.isEmpty()) {
                    out.println();
                    out.println("Profiles attached (perfdesk show ID):");
                    for (StoredProfile p : attached) {
                        out.printf(Locale.ROOT, "  %-6d %s  (%s, %s, %s)%n", p.id(),
                                TerminalText.escape(p.info().name()), TerminalText.escape(p.info().format()),
                                TerminalText.escape(p.info().event()), p.info().unit().format(p.info().totalWeight()));
                    }
                }
                return 0;
            }
            long id = itemId.number();
            StoredProfile stored = s.findProfile(id).orElse(null);
            if (stored == null) {
                spec.commandLine().getErr().println("no profile with id " + id + " in " + s.location());
                return 1;
            }
            Profile profile = s.loadProfile(id);
            ProfileInfo info = stored.info();
            WeightUnit unit = info.unit();
            out.println("Profile " + id + ": " + TerminalText.escape(info.name()));
            row(out, "format", info.format());
            row(out, "event", info.event());
            row(out, "unit", unit.symbol());
            row(out, "source", info.sourcePath());
            row(out, "sha256", info.sourceHash());
            row(out, "imported", ListCommand.WHEN.format(stored.importedAt()));
            row(out, "host", info.host());
            row(out, "command", info.command());
            if (info.startTime() != null) {
                row(out, "started", DateTimeFormatter.ISO_INSTANT.format(info.startTime()));
            }
            if (info.durationNanos() >= 0) {
                row(out, "duration", WeightUnit.NANOSECONDS.format(info.durationNanos()));
            }
            row(out, "samples", String.format(Locale.ROOT, "%,d", info.sampleCount()));
            row(out, "total", unit.format(info.totalWeight()));
            row(out, "frames", String.format(Locale.ROOT, "%,d", stored.frameCount()));
            row(out, "stacks", String.format(Locale.ROOT, "%,d", stored.stackCount() - 1));
            row(out, "threads", String.format(Locale.ROOT, "%,d", stored.threadCount()));
            row(out, "timeline", stored.hasTimeline()
                    ? String.format(Locale.ROOT, "%,d timestamped samples", stored.timelineSize()) : "none");
            for (Map.Entry<String, String> e : info.attributes().entrySet()) {
                // The heap snapshots and call counts are data: shown as tables below, not as one long row.
                if (!e.getKey().equals(HeapSeries.ATTRIBUTE) && !e.getKey().equals(CallCounts.ATTRIBUTE)) {
                    row(out, e.getKey(), e.getValue());
                }
            }
            HeapSeries heap = HeapSeries.of(info);
            if (heap != null) {
                out.println();
                out.println("Detailed snapshots (time in " + heap.timeUnitLabel() + "; the tree above is snapshot "
                        + info.attributes().get(HeapSeries.SHOWN_ATTRIBUTE) + "):");
                out.printf(Locale.ROOT, "  %5s %16s %14s %14s %14s %14s%n", "N", "TIME", "TOTAL", "HEAP", "EXTRA",
                        "STACKS");
                for (HeapSeries.Snapshot sn : heap.detailed()) {
                    out.printf(Locale.ROOT, "  %5d %,16d %,14d %,14d %,14d %,14d%s%n", sn.number(), sn.time(),
                            sn.total(), sn.heap(), sn.extraHeap(), sn.stacks(),
                            sn.tree() == HeapSeries.Tree.PEAK ? "  peak" : "");
                }
            }
            List<StoredRun> runs = s.runsOfProfile(id);
            if (!runs.isEmpty()) {
                row(out, "attached to", runs.stream().map(r -> ItemId.ofRun(r.id()) + " " + r.name())
                        .collect(java.util.stream.Collectors.joining(", ")));
            }
            List<FunctionStats> stats = ProfileSummaries.functionStats(profile);
            long total = info.totalWeight();
            out.println();
            out.println("Top " + top + " by self:");
            table(out, FunctionStats.topBySelf(stats, top), total, unit, true);
            CallCounts calls = CallCounts.of(info);
            if (calls != null) {
                out.println();
                out.println("Calls (top " + top + " by self):");
                out.printf(Locale.ROOT, "  %14s %14s %14s  %s%n", "CALLS", "SELF/CALL", "TOTAL/CALL", "FUNCTION");
                for (FunctionStats f : FunctionStats.topBySelf(stats, top)) {
                    long n = calls.callsOf(f.name());
                    long selfPer = calls.selfPerCall(f.self(), f.name());
                    long totalPer = calls.totalPerCall(f.total(), f.name());
                    out.printf(Locale.ROOT, "  %14s %14s %14s  %s%n", n < 0 ? "" : String.format(Locale.ROOT, "%,d", n),
                            selfPer < 0 ? "" : unit.format(selfPer), totalPer < 0 ? "" : unit.format(totalPer),
                            TerminalText.escape(f.name()));
                }
            }
            out.println();
            out.println("Top " + top + " by total:");
            table(out, FunctionStats.topByTotal(stats, top), total, unit, false);
        }
        return 0;
    }

    private static void row(PrintWriter out, String key, String value) {
        if (value != null && !value.isEmpty()) {
            out.printf(Locale.ROOT, "  %-14s %s%n", TerminalText.escape(key), TerminalText.escape(value));
        }
    }

    private static void table(PrintWriter out, List<FunctionStats> rows, long total, WeightUnit unit, boolean self) {
        out.printf(Locale.ROOT, "  %14s %7s %14s %7s  %s%n", "SELF", "%", "TOTAL", "%", "FUNCTION");
        for (FunctionStats f : rows) {
            out.printf(Locale.ROOT, "  %14s %6.2f%% %14s %6.2f%%  %s%n", unit.format(f.self()), percent(f.self(), total),
                    unit.format(f.total()), percent(f.total(), total), TerminalText.escape(f.name()));
        }
    }

    private static double percent(long part, long total) {
        return total == 0 ? 0 : 100.0 * part / total;
    }
}
