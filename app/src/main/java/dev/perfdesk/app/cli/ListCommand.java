package dev.perfdesk.app.cli;

import java.io.PrintWriter;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import dev.perfdesk.core.bench.RunLabels;
import dev.perfdesk.store.Store;
import dev.perfdesk.store.StoredComparison;
import dev.perfdesk.store.StoredProfile;
import dev.perfdesk.store.StoredRun;
import dev.perfdesk.store.StoredC2c;
import dev.perfdesk.store.StoredSeries;

/**
 * {@code perfdesk list}: everything in the store, profiles ({@code 12}), benchmark runs ({@code r3}) and saved
 * comparisons ({@code c5}).
 */
@Command(name = "list", description = "List the profiles, benchmark runs and saved comparisons in the store (run ids "
        + "start with r, comparison ids with c).")
final class ListCommand implements Callable<Integer> {
    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    @Mixin
    StoreOption store;

    @Option(names = "--where", paramLabel = "LABEL=VALUE", description = "Only the runs and profiles with this "
            + "label value, such as platform=aws-m6i; repeatable, all must hold.")
    List<String> where = new ArrayList<>();

    @Spec
    CommandSpec spec;

    /** The id of a saved comparison as the command line prints it: {@code c5}. */
    static String comparisonId(long id) {
        return "c" + id;
    }

    /** Labels after an item's name: two spaces, then {@code key=value} each, separated by spaces; empty for none. */
    static String labels(Map<String, String> labels) {
        if (labels.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder(" ");
        labels.forEach((k, v) -> sb.append(' ').append(TerminalText.escape(k)).append('=')
                .append(TerminalText.escape(v)));
        return sb.toString();
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Map<String, String> filter;
        try {
            filter = RunLabels.parse(where);
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("perfdesk list: --where " + e.getMessage());
            spec.commandLine().getErr().flush();
            return 2;
        }
        try (Store s = store.openForReading()) {
            List<StoredProfile> profiles = s.listProfiles(filter);
            List<StoredRun> runs = s.listRuns(filter);
            List<StoredSeries> series = filter.isEmpty() ? s.listSeries() : List.of();
            List<StoredComparison> comparisons = filter.isEmpty() ? s.listComparisons() : List.of();
            List<StoredC2c> c2c = filter.isEmpty() ? s.listC2c() : List.of();
            if (!filter.isEmpty() && profiles.isEmpty() && runs.isEmpty()) {
                spec.commandLine().getErr().println("no run or profile in " + s.location() + " has "
                        + labels(filter).strip());
                return 0;
            }
            if (profiles.isEmpty() && runs.isEmpty() && series.isEmpty() && comparisons.isEmpty() && c2c.isEmpty()) {
                spec.commandLine().getErr().println("the store " + s.location() + " is empty; add files with "
                        + "'perfdesk import FILE'");
                return 0;
            }
            out.printf(Locale.ROOT, "%-10s %-5s %-16s %-12s %-17s %16s  %s%n", "KIND", "ID", "IMPORTED", "FORMAT",
                    "EVENT/TOOL", "SIZE", "NAME");
            for (StoredProfile p : profiles) {
                out.printf(Locale.ROOT, "%-10s %-5d %-16s %-12s %-17s %16s  %s%n", "profile", p.id(),
                        WHEN.format(p.importedAt()), p.info().format(),
                        p.info().event().isEmpty() ? "-" : p.info().event(),
                        String.format(Locale.ROOT, "%,d samples", p.info().sampleCount()),
                        TerminalText.escape(p.info().name()) + labels(p.labels()));
            }
            for (StoredRun r : runs) {
                out.printf(Locale.ROOT, "%-10s %-5s %-16s %-12s %-17s %16s  %s%n", "run", ItemId.ofRun(r.id()),
                        WHEN.format(r.importedAt()), r.format(), r.tool(),
                        String.format(Locale.ROOT, "%,d benchmarks", r.benchmarkCount()),
                        TerminalText.escape(r.name()) + labels(r.labels()));
            }
            for (StoredSeries x : series) {
                out.printf(Locale.ROOT, "%-10s %-5s %-16s %-12s %-17s %16s  %s%n", "series", ItemId.ofSeries(x.id()),
                        WHEN.format(x.importedAt()), "series-csv", "-",
                        String.format(Locale.ROOT, "%,d runs", x.runs()), TerminalText.escape(x.name()));
            }
            for (StoredC2c x : c2c) {
                out.printf(Locale.ROOT, "%-10s %-5s %-16s %-12s %-17s %16s  %s%n", "c2c", ItemId.ofC2c(x.id()),
                        WHEN.format(x.importedAt()), "perf-c2c", TerminalText.escape(x.events().isEmpty() ? "-"
                                : x.events()), String.format(Locale.ROOT, "%,d lines", x.cacheLines()),
                        TerminalText.escape(x.name()) + (x.falseSharingLines() > 0
                                ? " (" + x.falseSharingLines() + " false sharing)" : ""));
            }
            for (StoredComparison c : comparisons) {
                boolean run = c.kind() == StoredComparison.Kind.RUN;
                String sides = run ? ItemId.ofRun(c.baselineId()) + " vs " + ItemId.ofRun(c.candidateId())
                        : c.baselineId() + " vs " + c.candidateId();
                out.printf(Locale.ROOT, "%-10s %-5s %-16s %-12s %-17s %16s  %s%n", "comparison",
                        comparisonId(c.id()), WHEN.format(c.createdAt()), c.kind().id(),
                        c.verdict().isEmpty() ? "-" : c.verdict(), sides, TerminalText.escape(c.name()));
            }
        }
        return 0;
    }
}
