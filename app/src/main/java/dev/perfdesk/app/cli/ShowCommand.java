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

import dev.perfdesk.core.calltree.FunctionStats;
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
            description = "The id of a profile (12) or a benchmark run (r3), as 'perfdesk list' shows it.")
    ItemId itemId;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "For a run: text (default), json or csv.")
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
                row(out, e.getKey(), e.getValue());
            }
            List<FunctionStats> stats = ProfileSummaries.functionStats(profile);
            long total = info.totalWeight();
            out.println();
            out.println("Top " + top + " by self:");
            table(out, FunctionStats.topBySelf(stats, top), total, unit, true);
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
