package dev.perfdesk.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import dev.perfdesk.app.service.ImportService;
import dev.perfdesk.core.bench.Benchmark;
import dev.perfdesk.core.bench.BenchmarkRun;
import dev.perfdesk.core.bench.RunLabels;
import dev.perfdesk.core.changepoint.ChangePointOptions;
import dev.perfdesk.core.progress.ProgressMonitor;
import dev.perfdesk.core.report.CiSummary;
import dev.perfdesk.core.report.RunComparison;
import dev.perfdesk.core.series.ChangePointReport;
import dev.perfdesk.core.series.ChangePointReviews;
import dev.perfdesk.core.series.RunHistory;
import dev.perfdesk.core.series.SeriesAnalysis;
import dev.perfdesk.core.stats.ComparisonOptions;
import dev.perfdesk.importers.spi.ImportException;
import dev.perfdesk.store.Store;
import dev.perfdesk.store.StoredRun;

/**
 * {@code perfdesk ci FILE...}: the one command of a CI step. Imports the run with its labels, finds the change
 * points of every metric of its benchmarks over the stored history of its configuration (its labels without the
 * per-build ones), compares it with a named baseline run when given, prints a Markdown summary for the pull
 * request, and exits 1 on a regression nobody has acknowledged or dismissed (or a FAIL against the baseline).
 */
@Command(name = "ci", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"Import benchmark results in a CI step and gate on regressions: the run is imported with its "
                + "labels, each metric of its benchmarks is checked for change points over the stored runs of the "
                + "same configuration (the same labels, except per-build ones: " + "commit, build, build_id, pr, "
                + "date), and compared with --baseline when given. Prints a Markdown summary for the pull request.",
                "",
                "Exit codes: 0 no new regression, 1 a regression not yet acknowledged or dismissed in the store (or "
                        + "a FAIL against the baseline, or a file that could not be imported), 2 usage error. "
                        + "Acknowledging or dismissing the change point in the app's trend view, in the team store, "
                        + "clears the gate for everyone."})
final class CiCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Benchmark or load-test results to import.")
    List<Path> files;

    @Mixin
    StoreOption store;

    @Option(names = "--label", paramLabel = "KEY=VALUE", description = "A label for the run, such as "
            + "platform=aws-m6i or commit=abc123. Repeatable.")
    List<String> labels = new ArrayList<>();

    @Option(names = "--ci-labels", description = "Label the run with the CI job's commit, branch, build URL, job and "
            + "pull request (GitHub Actions, GitLab CI, Jenkins, Prow); --label wins over them.")
    boolean ciLabels;

    @Option(names = "--attach", paramLabel = "FILE", description = "A profile (perf script, JFR, pprof, ...) or a "
            + "Prometheus query_range file recorded with the run: imported and linked to every run imported, in the "
            + "same transaction; the runs' labels flow to it. Repeatable.")
    List<Path> attach = new ArrayList<>();

    @Option(names = "--baseline", paramLabel = "rN", description = "Also compare the run with this stored run.")
    String baseline;

    @Option(names = "--threshold", paramLabel = "PERCENT", defaultValue = "5%",
            description = "Noise threshold of the baseline comparison (default 5%%), as 'perfdesk compare'.")
    String threshold;

    @Option(names = "--ignore-label", paramLabel = "KEY", description = "A label that does not choose the series "
            + "either, besides the per-build ones; e.g. branch, to check a pull request's run against main's "
            + "history. Repeatable.")
    List<String> ignoredLabels = new ArrayList<>();

    @Mixin
    ChangePointFlags changePoints = new ChangePointFlags();

    @Option(names = "--output", paramLabel = "FILE.md", description = "Also append the summary to this file (for "
            + "example $GITHUB_STEP_SUMMARY).")
    Path output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Map<String, String> given;
        ChangePointOptions options;
        ComparisonOptions comparison;
        Long baselineId = null;
        try {
            given = ImportCommand.givenLabels(labels, ciLabels, System.getenv());
            options = changePoints.options();
            comparison = ComparisonOptions.DEFAULTS.withNoiseThreshold(threshold());
            if (baseline != null) {
                ItemId id = ItemId.parse(baseline);
                if (!(id instanceof ItemId.RunId run)) {
                    throw new IllegalArgumentException("--baseline " + baseline + ": give a benchmark run, such as r3");
                }
                baselineId = run.number();
            }
        } catch (IllegalArgumentException | ItemId.NotAnIdException e) {
            return usage(err, e.getMessage());
        }
        Set<String> ignored = new LinkedHashSet<>(ignoredLabels);
        boolean fails = false;
        StringBuilder summary = new StringBuilder();
        try (Store s = store.open()) {
            StoredRun base = null;
            if (baselineId != null) {
                base = s.findRun(baselineId).orElse(null);
                if (base == null) {
                    return usage(err, "--baseline " + baseline + ": no such run in " + s.location()
                            + "; 'perfdesk list' shows them");
                }
            }
            List<StoredRun> imported = new ArrayList<>();
            ImportService service = new ImportService(s, given);
            for (Path file : files) {
                try {
                    ImportService.Result result = service.importFile(file, null, ProgressMonitor.NONE, attach);
                    if (result.runs().isEmpty()) {
                        err.println(file + ": holds no benchmark run; perfdesk ci takes benchmark and load-test "
                                + "results (profiles go with 'perfdesk import')");
                        err.flush();
                        return 1;
                    }
                    if (result.duplicate()) {
                        err.println(file + ": already in the store (same content), checked as it was stored");
                    }
                    imported.addAll(result.runs());
                } catch (ImportException e) {
                    err.println(e.getMessage());
                    err.flush();
                    return 1;
                }
            }
            ChangePointReviews reviews = s.reviews();
            for (StoredRun run : imported) {
                CiSummary result = check(s, run, base, ignored, options, comparison, reviews);
                fails |= result.fails();
                summary.append(result.markdown());
            }
        }
        out.print(summary);
        out.flush();
        if (output != null) {
            try {
                Files.writeString(output, summary, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            } catch (IOException e) {
                err.println(output + ": cannot be written: " + e.getMessage());
                err.flush();
                return 1;
            }
        }
        return fails ? 1 : 0;
    }

    /** The run's change points over its configuration's history, and its comparison with the baseline. */
    static CiSummary check(Store s, StoredRun run, StoredRun base, Set<String> ignored, ChangePointOptions options,
                           ComparisonOptions comparison, ChangePointReviews reviews) {
        Map<String, String> configuration = RunLabels.configuration(run.labels(), ignored);
        List<StoredRun> same = s.listRuns(configuration);
        List<RunHistory.IdentifiedRun> history = new ArrayList<>();
        BenchmarkRun loaded = null;
        for (StoredRun r : same) {
            BenchmarkRun b = s.loadRun(r.id());
            if (r.id() == run.id()) {
                loaded = b;
            }
            history.add(new RunHistory.IdentifiedRun(ItemId.ofRun(r.id()), b, r.importedAt()));
        }
        if (loaded == null) {
            loaded = s.loadRun(run.id());
        }
        Set<String> benchmarks = new LinkedHashSet<>();
        for (Benchmark b : loaded.benchmarks()) {
            benchmarks.add(RunHistory.seriesName(b));
        }
        List<ChangePointReport> reports = new ArrayList<>();
        for (RunHistory.RunSeries series : RunHistory.of(history)) {
            if (benchmarks.contains(series.benchmark())) {
                reports.addAll(SeriesAnalysis.analyze(series.set(), options, series.directions()));
            }
        }
        RunComparison against = null;
        if (base != null) {
            against = RunComparison.compare(title(base), s.loadRun(base.id()), title(run), loaded, comparison,
                    List.of());
        }
        return new CiSummary(title(run), configuration, reports, same.size(), reviews, against);
    }

    private double threshold() {
        try {
            return CompareCommand.parseThreshold(threshold);
        } catch (Exception e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private static String title(StoredRun r) {
        return r.name() + " (" + ItemId.ofRun(r.id()) + ")";
    }

    private static int usage(PrintWriter err, String message) {
        err.println("perfdesk ci: " + message);
        err.flush();
        return 2;
    }
}
