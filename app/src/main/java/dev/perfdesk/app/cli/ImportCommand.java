package dev.perfdesk.app.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import dev.perfdesk.app.service.ImportService;
import dev.perfdesk.core.progress.ProgressMonitor;
import dev.perfdesk.importers.locust.LocustImporter;
import dev.perfdesk.importers.spi.ImportException;
import dev.perfdesk.importers.spi.UnknownFormatException;
import dev.perfdesk.store.Store;
import dev.perfdesk.store.StoredProfile;
import dev.perfdesk.store.StoredRun;
import dev.perfdesk.store.StoredSeries;

/**
 * {@code perfdesk import FILE...}: one line per profile or benchmark run created, {@code ID<TAB>NAME}, in file order;
 * run ids carry an {@code r} ({@code r3}).
 */
@Command(name = "import", description = "Import profiles and benchmark results into the store; prints ID<TAB>NAME "
        + "per profile or run (run ids start with r).")
final class ImportCommand implements Callable<Integer> {
    @Mixin
    StoreOption store;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "Read the files as this format instead of detecting it: perf-script, folded, jfr, "
                    + "jmh-json, hyperfine-json, gbench-json, k6-summary-json, k6-ndjson, pytest-benchmark-json, "
                    + "jmeter-jtl-csv, wrk-latency, hdr-log, locust-csv, go-bench, criterion (a folder), callgrind, "
                    + "cpuprofile, speedscope.")
    String format;

    @Option(names = "--attach", paramLabel = "FILE", description = "Attach a profile (any profile format Perfdesk "
            + "reads: perf script, JFR, pprof, folded, ...) or a Prometheus query_range (or query) JSON response to "
            + "every run imported. A profile is imported (or found, when stored before) and linked to the runs, in "
            + "the same transaction; the runs' labels flow to it. Prometheus series (CPU, memory, any query) are "
            + "drawn beside the run's latency over time and summarised in comparisons' Resources table. Repeatable.")
    List<Path> attach = new ArrayList<>();

    @Option(names = "--label", paramLabel = "KEY=VALUE", description = "A label for every run and profile imported, "
            + "such as platform=aws-m6i, branch=main or commit=abc123; 'perfdesk list --where' and the app's library "
            + "filter on labels, and a benchmark's history splits by them. Repeatable; given labels win over those "
            + "the file records itself (JMH's JVM, Go's goos, pytest-benchmark's commit).")
    List<String> labels = new ArrayList<>();

    @Option(names = "--ci-labels", description = "Label the runs with the CI job's commit, branch, build URL, job "
            + "and pull request, read from the environment variables of GitHub Actions, GitLab CI, Jenkins or Prow "
            + "(see the README); --label wins over them.")
    boolean ciLabels;

    @Option(names = "--run", paramLabel = "RUN", converter = ItemId.Converter.class,
            description = "Attach the profiles imported to this stored run (r3); the run's labels flow to them.")
    ItemId run;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Files to import (gzip-compressed is fine); a "
            + "folder imports every file in it and its subfolders, in name order (a folder of runs at once); "
            + "Criterion.rs's target/criterion folder is one run.")
    List<Path> files;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int failures = 0;
        int imported = 0;
        Map<Path, List<Path>> skipped = new LinkedHashMap<>();
        Map<String, String> labelled;
        try {
            labelled = givenLabels(labels, ciLabels, System.getenv());
        } catch (IllegalArgumentException e) {
            err.println("perfdesk import: " + e.getMessage());
            err.flush();
            return 2;
        }
        if (run != null && !(run instanceof ItemId.RunId)) {
            err.println("--run takes a run id such as r3, not " + run);
            err.flush();
            return 2;
        }
        try (Store s = store.open()) {
            ImportService service = new ImportService(s, labelled);
            for (Path given : files) {
                if (Files.isDirectory(given) && expandFolders(List.of(given)).isEmpty()) {
                    err.println(given + ": the folder has no files to import");
                    failures++;
                }
            }
            for (Path file : expandFolders(files)) {
                Path folder = files.stream().filter(f -> Files.isDirectory(f) && file.startsWith(f) && !file.equals(f))
                        .findFirst()
                        .orElse(null);
                try {
                    ImportService.Result result = service.importFile(file, format, new StderrProgress(err, file),
                            attach, run == null ? null : run.number());
                    java.util.Set<String> warnings = new java.util.LinkedHashSet<>();
                    for (StoredProfile p : result.profiles()) {
                        out.println(p.id() + "\t" + TerminalText.escape(p.info().name()));
                        for (String key : List.of("warning", "skipped lines")) {
                            String text = p.info().attributes().get(key);
                            if (text != null) {
                                warnings.add(key.equals("warning") ? text : "skipped " + text);
                            }
                        }
                    }
                    for (String w : warnings) {
                        err.println(file + ": " + TerminalText.escape(w));
                    }
                    for (StoredRun r : result.runs()) {
                        out.println(ItemId.ofRun(r.id()) + "\t" + TerminalText.escape(r.name()));
                    }
                    for (StoredSeries x : result.series()) {
                        out.println(ItemId.ofSeries(x.id()) + "\t" + TerminalText.escape(x.name()));
                    }
                    for (dev.perfdesk.store.StoredC2c x : result.c2c()) {
                        out.println(ItemId.ofC2c(x.id()) + "\t" + TerminalText.escape(x.name()));
                    }
                    for (StoredProfile p : result.attached()) {
                        out.println(p.id() + "\t" + TerminalText.escape(p.info().name()));
                    }
                    if (!result.attached().isEmpty()) {
                        err.println(file + ": attached " + ids(result.attached()) + " to " + result.runs().stream()
                                .map(r -> ItemId.ofRun(r.id())).collect(Collectors.joining(", ")));
                    }
                    if (run != null) {
                        err.println(file + ": attached " + ids(result.profiles()) + " to " + run);
                    }
                    out.flush();
                    imported++;
                    if (result.duplicate()) {
                        err.println(file + ": already in the store (same content), not imported again"
                                + (labelled.isEmpty() ? "" : "; its labels are unchanged"));
                    }
                } catch (UnknownFormatException e) {
                    if (folder == null) {
                        err.println(e.getMessage());
                        failures++;
                    } else {
                        skipped.computeIfAbsent(folder, f -> new ArrayList<>()).add(file);
                    }
                } catch (ImportException e) {
                    err.println(e.getMessage());
                    failures++;
                }
                err.flush();
            }
        }
        for (Map.Entry<Path, List<Path>> e : skipped.entrySet()) {
            List<Path> names = e.getValue();
            err.println(e.getKey() + ": skipped " + names.size() + (names.size() == 1 ? " file" : " files")
                    + " in no format Perfdesk reads (" + names.stream().limit(5)
                    .map(f -> TerminalText.escape(e.getKey().relativize(f).toString())).collect(Collectors.joining(", "))
                    + (names.size() > 5 ? ", …" : "") + ")");
        }
        if (imported == 0 && failures == 0 && !skipped.isEmpty()) {
            err.println("nothing imported: no file is a profile or benchmark result Perfdesk reads");
            failures++;
        }
        err.flush();
        return failures == 0 ? 0 : 1;
    }

    private static String ids(List<StoredProfile> profiles) {
        return (profiles.size() == 1 ? "profile " : "profiles ") + profiles.stream().map(p -> Long.toString(p.id()))
                .collect(Collectors.joining(", "));
    }

    /**
     * The labels given with {@code --label}, over those of the CI job when {@code ci} is set.
     *
     * @throws IllegalArgumentException for a label that is none, or {@code --ci-labels} outside a CI job
     */
    static Map<String, String> givenLabels(List<String> labels, boolean ci, Map<String, String> env) {
        Map<String, String> out = new LinkedHashMap<>();
        if (ci) {
            dev.perfdesk.core.bench.RunLabels.CiLabels job = dev.perfdesk.core.bench.RunLabels.ci(env);
            if (job == null) {
                throw new IllegalArgumentException("--ci-labels: no CI job found in the environment (GITHUB_ACTIONS, "
                        + "GITLAB_CI, JENKINS_URL or PROW_JOB_ID is not set); give the labels with --label");
            }
            out.putAll(job.labels());
        }
        try {
            out.putAll(dev.perfdesk.core.bench.RunLabels.parse(labels));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--label " + e.getMessage(), e);
        }
        return out;
    }

    /**
     * The files given, with each folder replaced by the regular files under it in name order, hidden ones left out;
     * a folder (given or met on the way down) that a folder format reads as one run, such as Criterion.rs's
     * {@code target/criterion}, stays one entry and is imported as a whole.
     */
    static List<Path> expandFolders(List<Path> given) {
        List<Path> out = new java.util.ArrayList<>();
        for (Path p : given) {
            if (!java.nio.file.Files.isDirectory(p)) {
                out.add(p);
                continue;
            }
            expand(p, out);
        }
        return out;
    }

    private static void expand(Path folder, List<Path> out) {
        try {
            if (dev.perfdesk.importers.Importers.detectFolder(folder) != null) {
                out.add(folder);
                return;
            }
            List<Path> gatling = dev.perfdesk.importers.gatling.GatlingStatsImporter.reportFiles(folder);
            if (gatling != null) {
                // a Gatling report: its simulation.log (else its statistics), not its HTML, CSS and scripts
                out.addAll(gatling);
                return;
            }
            List<Path> children;
            try (java.util.stream.Stream<Path> list = java.nio.file.Files.list(folder)) {
                children = list.filter(f -> !f.getFileName().toString().startsWith(".")).sorted().toList();
            }
            for (Path c : children) {
                if (java.nio.file.Files.isDirectory(c)) {
                    expand(c, out);
                } else if (java.nio.file.Files.isRegularFile(c) && !LocustImporter.isCompanionOfStats(c)) {
                    // a Locust run's history, failures and exceptions are read through its _stats.csv
                    out.add(c);
                }
            }
        } catch (java.io.IOException e) {
            out.add(folder);
        }
    }

    /** Progress on stderr: a percentage rewritten in place on a terminal, silent otherwise. */
    private static final class StderrProgress implements ProgressMonitor {
        private final PrintWriter err;
        private final Path file;
        private final boolean terminal = System.console() != null;
        private int lastPercent = -1;

        StderrProgress(PrintWriter err, Path file) {
            this.err = err;
            this.file = file;
        }

        @Override
        public void progress(long done, long total) {
            if (!terminal || total <= 0) {
                return;
            }
            int percent = (int) Math.min(100, done * 100 / total);
            if (percent != lastPercent) {
                lastPercent = percent;
                err.print("\rimporting " + file.getFileName() + ": " + percent + "%" + (percent == 100 ? "\r\033[K" : ""));
                err.flush();
            }
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    }
}
