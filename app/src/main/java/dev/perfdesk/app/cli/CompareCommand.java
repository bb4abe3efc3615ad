package dev.perfdesk.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import dev.perfdesk.app.service.AttachedProfiles;
import dev.perfdesk.app.service.ImportService;
import dev.perfdesk.core.diff.ProfileDiff;
import dev.perfdesk.core.model.Profile;
import dev.perfdesk.core.naming.FrameNamers;
import dev.perfdesk.core.progress.ProgressMonitor;
import dev.perfdesk.core.report.LatencyTarget;
import dev.perfdesk.core.report.ProfileComparison;
import dev.perfdesk.core.report.ReportVerdict;
import dev.perfdesk.core.report.ReportWriter;
import dev.perfdesk.core.report.RunComparison;
import dev.perfdesk.core.stats.ComparisonOptions;
import dev.perfdesk.importers.spi.ImportException;
import dev.perfdesk.store.Store;
import dev.perfdesk.store.StoreException;
import dev.perfdesk.store.StoredComparison;
import dev.perfdesk.store.StoredProfile;
import dev.perfdesk.store.StoredRun;

/**
 * {@code perfdesk compare BASE CANDIDATE}: the CI gate. Compares two benchmark runs ({@code r3}) or two profiles
 * ({@code 12}), stored or given as files, which are imported on the fly (a file already stored resolves to its run).
 * Prints a report as text, Markdown, JSON or HTML. Exit codes: 0 when no benchmark regressed significantly by at
 * least the threshold (and every latency target was met), 1 when one did, 2 on a usage or input error, with one
 * line on stderr. Profile comparisons exit 0 unless the input is wrong.
 */
@Command(name = "compare", description = {
    "Compare two benchmark runs (r3) or two profiles (12), stored or as files imported on the fly.",
    "Exit 0: no significant regression beyond the threshold; 1: a regression (or a missed --target); "
            + "2: usage or input error."})
final class CompareCommand implements Callable<Integer> {
    private static final Pattern PERCENT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*%");
    private static final Pattern FRACTION = Pattern.compile("0(?:\\.\\d+)?|1(?:\\.0+)?|\\.\\d+");
    private static final Pattern ID = Pattern.compile("r?\\d{1,18}");

    @Mixin
    StoreOption store;

    @Parameters(index = "0", paramLabel = "BASE",
            description = "The baseline: a run id (r3), a profile id (12), or a file to import. A file named like an "
                    + "id needs a path: ./12.")
    String base;

    @Parameters(index = "1", paramLabel = "CANDIDATE", description = "The candidate, in the same forms.")
    String candidate;

    @Option(names = "--threshold", paramLabel = "PERCENT", defaultValue = "5%",
            description = "Noise threshold: a significant change smaller than this is within noise (default 5%%; "
                    + "also as a fraction, 0.05).")
    String threshold;

    @Option(names = "--alpha", paramLabel = "P", defaultValue = "0.05",
            description = "Significance level of the two-sided tests (default 0.05).")
    String alpha;

    @Option(names = "--all-metrics",
            description = "Count secondary metrics (JMH's gc.* and the like) in the verdict and the geometric means; "
                    + "by default only primary metrics count and secondary ones are listed apart.")
    boolean allMetrics;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (default), md, json or html.")
    String format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write the report to FILE; the verdict line still goes to stdout.")
    Path output;

    @Option(names = "--target", paramLabel = "[BENCH@]pNN=VALUE",
            description = "A latency target the candidate must meet, e.g. p99=20ms or 'GET /@p95=150ms'. Repeatable.")
    List<String> targets = new ArrayList<>();

    @Option(names = "--save", description = "Save the comparison in the store (listed as c1, c2, ...).")
    boolean save;

    @Option(names = "--name", paramLabel = "NAME", description = "The saved comparison's name (with --save).")
    String name;

    @Option(names = "--top", paramLabel = "N", defaultValue = "20",
            description = "For profiles, and the profiles attached to two runs: how many functions with the largest "
                    + "change (default 20).")
    int top;

    @Spec
    CommandSpec spec;

    /** One side, resolved to a stored run or profile. */
    private record Side(boolean run, long id, String title) {
    }

    /** An input or usage problem, reported in one line with exit code 2. */
    private static final class InputError extends Exception {
        private static final long serialVersionUID = 1L;

        InputError(String message) {
            super(message);
        }
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        try {
            ReportWriter writer = writer();
            ComparisonOptions options = ComparisonOptions.DEFAULTS.withNoiseThreshold(parseThreshold(threshold))
                    .withAlpha(parseAlpha(alpha)).withAllMetrics(allMetrics);
            List<LatencyTarget> parsedTargets = new ArrayList<>();
            for (String t : targets) {
                parsedTargets.add(parse(t));
            }
            if (top < 1) {
                throw new InputError("--top must be at least 1");
            }
            // reading only, unless the comparison is saved or a side is a file to import first
            boolean writes = save || isPath(base) || isPath(candidate);
            try (Store s = writes ? store.open() : store.openForReading()) {
                ImportService importer = new ImportService(s);
                Side b = resolve(s, importer, base);
                Side c = resolve(s, importer, candidate);
                if (b.run() != c.run()) {
                    throw new InputError("cannot compare a " + kind(b) + " (" + base + ") with a " + kind(c) + " ("
                            + candidate + "): give two runs (r3) or two profiles (12)");
                }
                if (!b.run() && !parsedTargets.isEmpty()) {
                    throw new InputError("--target applies to benchmark runs, not to profiles");
                }
                return b.run() ? compareRuns(s, b, c, options, parsedTargets, writer)
                        : compareProfiles(s, b, c, options, writer);
            }
        } catch (InputError | StoreException e) {
            err.println("perfdesk compare: " + e.getMessage());
            err.flush();
            return 2;
        }
    }

    private int compareRuns(Store s, Side b, Side c, ComparisonOptions options, List<LatencyTarget> parsedTargets,
                            ReportWriter writer) throws InputError {
        RunComparison comparison;
        try {
            comparison = RunComparison.compare(b.title(), s.loadRun(b.id()), c.title(), s.loadRun(c.id()), options,
                    parsedTargets);
        } catch (IllegalArgumentException e) {
            throw new InputError(e.getMessage());
        }
        ReportVerdict verdict = comparison.verdict().verdict();
        List<ProfileComparison> profiles = AttachedProfiles.compare(s, b.id(), c.id(), top);
        emit(writer.write(comparison, profiles), verdict.label() + ": " + b.title() + " vs " + c.title());
        if (save) {
            StoredComparison saved = s.saveComparison(name, StoredComparison.Kind.RUN, b.id(), c.id(),
                    options.noiseThreshold(), options.alpha(), verdict.label());
            note("saved as " + ListCommand.comparisonId(saved.id()));
        }
        return verdict == ReportVerdict.FAIL ? 1 : 0;
    }

    private int compareProfiles(Store s, Side b, Side c, ComparisonOptions options, ReportWriter writer)
            throws InputError {
        ProfileDiff diff = ProfileDiff.compute(side(s, b), side(s, c), ProfileDiff.Options.DEFAULT,
                ProgressMonitor.NONE);
        ProfileComparison comparison = new ProfileComparison(b.title(), c.title(), diff, top);
        emit(writer.write(comparison), "profiles " + b.title() + " vs " + c.title());
        if (save) {
            StoredComparison saved = s.saveComparison(name, StoredComparison.Kind.PROFILE, b.id(), c.id(),
                    options.noiseThreshold(), options.alpha(), "");
            note("saved as " + ListCommand.comparisonId(saved.id()));
        }
        return 0;
    }

    private static ProfileDiff.Side side(Store s, Side side) {
        Profile p = s.loadProfile(side.id());
        return ProfileDiff.Side.of(p, FrameNamers.forProfile(p), Set.of(), null, side.title(), ProgressMonitor.NONE);
    }

    private void emit(String report, String summary) throws InputError {
        PrintWriter out = spec.commandLine().getOut();
        if (output == null) {
            out.print(report);
        } else {
            try {
                Path parent = output.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                Files.writeString(output, report, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new InputError("cannot write " + output + ": " + e.getMessage());
            }
            out.println(summary + " -> " + output);
        }
        out.flush();
    }

    private void note(String message) {
        PrintWriter err = spec.commandLine().getErr();
        err.println("perfdesk compare: " + message);
        err.flush();
    }

    private ReportWriter writer() throws InputError {
        try {
            return ReportWriter.forFormat(format);
        } catch (IllegalArgumentException e) {
            throw new InputError("--format " + e.getMessage().replace("unknown report format ", ""));
        }
    }

    private static String kind(Side s) {
        return s.run() ? "benchmark run" : "profile";
    }

    /** A stored id ({@code r3}, {@code 12}) or a file, imported now unless its content is stored already. */
    private static Side resolve(Store s, ImportService importer, String arg) throws InputError {
        String text = arg.strip();
        if (ID.matcher(text).matches()) {
            ItemId id = ItemId.parse(text);
            if (id instanceof ItemId.RunId) {
                StoredRun r = s.findRun(id.number()).orElseThrow(() -> new InputError("no run with id " + id + " in "
                        + s.location()));
                return new Side(true, r.id(), title(r));
            }
            StoredProfile p = s.findProfile(id.number()).orElseThrow(() -> new InputError("no profile with id " + id
                    + " in " + s.location() + " (runs are r" + id.number() + ")"));
            return new Side(false, p.id(), title(p));
        }
        Path file = Path.of(text);
        ImportService.Result result;
        try {
            result = importer.importFile(file, null, ProgressMonitor.NONE);
        } catch (ImportException e) {
            throw new InputError(e.getMessage());
        }
        int items = result.runs().size() + result.profiles().size();
        if (items == 1) {
            return result.runs().isEmpty() ? new Side(false, result.profiles().get(0).id(), title(result.profiles()
                    .get(0))) : new Side(true, result.runs().get(0).id(), title(result.runs().get(0)));
        }
        if (items == 0) {
            throw new InputError(file + ": holds no benchmark run or profile");
        }
        String ids = result.runs().stream().map(r -> ItemId.ofRun(r.id())).collect(Collectors.joining(", "));
        String pids = result.profiles().stream().map(p -> Long.toString(p.id())).collect(Collectors.joining(", "));
        throw new InputError(file + ": holds " + items + " runs or profiles (" + (ids.isEmpty() ? pids : pids.isEmpty()
                ? ids : ids + ", " + pids) + "); compare one of them by id");
    }

    private static String title(StoredRun r) {
        return r.name() + " (" + ItemId.ofRun(r.id()) + ")";
    }

    private static String title(StoredProfile p) {
        return p.info().name() + " (" + p.id() + ")";
    }

    /** {@code 5%} or a fraction such as {@code 0.05}; a bare {@code 5} is refused as ambiguous. */
    static double parseThreshold(String text) throws InputError {
        String t = text.strip();
        Matcher m = PERCENT.matcher(t);
        double value;
        if (m.matches()) {
            value = Double.parseDouble(m.group(1)) / 100;
        } else if (FRACTION.matcher(t).matches()) {
            value = Double.parseDouble(t);
        } else {
            throw new InputError("--threshold '" + text + "': give a percentage such as 5% or a fraction below 1 "
                    + "such as 0.05");
        }
        if (value >= 1) {
            throw new InputError("--threshold '" + text + "': must be below 100%");
        }
        return value;
    }

    static double parseAlpha(String text) throws InputError {
        double value;
        try {
            value = Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            value = Double.NaN;
        }
        if (!(value > 0 && value < 1)) {
            throw new InputError("--alpha '" + text + "': give a significance level between 0 and 1, such as 0.05");
        }
        return value;
    }

    private static LatencyTarget parse(String target) throws InputError {
        try {
            return LatencyTarget.parse(target);
        } catch (IllegalArgumentException e) {
            throw new InputError("--target " + e.getMessage().toLowerCase(Locale.ROOT).charAt(0)
                    + e.getMessage().substring(1));
        }
    }

    /** Whether {@code side} names something on disk (a file to import), not an id in the store. */
    private static boolean isPath(String side) {
        try {
            return java.nio.file.Files.exists(java.nio.file.Path.of(side));
        } catch (java.nio.file.InvalidPathException e) {
            return false;
        }
    }
}
