package dev.perfdesk.app.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import dev.perfdesk.core.bench.BenchmarkRun;
import dev.perfdesk.core.bench.TimeSeries;
import dev.perfdesk.core.model.Profile;
import dev.perfdesk.core.progress.ProgressMonitor;
import dev.perfdesk.core.series.SeriesSet;
import dev.perfdesk.core.spi.ImportSink;
import dev.perfdesk.core.model.TimelineWriter;
import dev.perfdesk.importers.spi.ImportException;
import dev.perfdesk.importers.spi.ImportSource;
import dev.perfdesk.importers.spi.Importer;
import dev.perfdesk.importers.prometheus.PrometheusQueryReader;
import dev.perfdesk.importers.Importers;
import dev.perfdesk.store.ImportTransaction;
import dev.perfdesk.store.Store;
import dev.perfdesk.store.StoredProfile;
import dev.perfdesk.store.StoredRun;
import dev.perfdesk.store.StoredSeries;

/**
 * Imports files into a store: detects the format by content, parses while hashing the file on another core, and
 * commits everything in one transaction, or nothing. Plain Java, used by the CLI and, inside a background task, by
 * the application.
 *
 * <pre>{@code
 * ImportService.Result r = new ImportService(store).importFile(path, null, ProgressMonitor.NONE);
 * }</pre>
 */
public final class ImportService {

    /**
     * What an import did.
     *
     * @param file      the file imported
     * @param format    the format it was read as
     * @param profiles  the profiles in the store for it, in file order
     * @param runs      the benchmark runs in the store for it, in file order
     * @param duplicate true when the same content was already in the store, so nothing new was written
     * @param attached  the profiles of the {@code --attach} files now attached to the runs, in the order given
     */
    public record Result(Path file, String format, List<StoredProfile> profiles, List<StoredRun> runs,
                         List<StoredSeries> series, List<dev.perfdesk.store.StoredC2c> c2c, boolean duplicate,
                         List<StoredProfile> attached) {

        /** Copies the lists. */
        public Result {
            profiles = List.copyOf(profiles);
            runs = List.copyOf(runs);
            series = List.copyOf(series);
            c2c = List.copyOf(c2c);
            attached = List.copyOf(attached);
        }

        /** A result without attached profiles. */
        public Result(Path file, String format, List<StoredProfile> profiles, List<StoredRun> runs,
                      List<StoredSeries> series, List<dev.perfdesk.store.StoredC2c> c2c, boolean duplicate) {
            this(file, format, profiles, runs, series, c2c, duplicate, List.of());
        }

        /** A result without c2c reports or attached profiles. */
        public Result(Path file, String format, List<StoredProfile> profiles, List<StoredRun> runs,
                      List<StoredSeries> series, boolean duplicate) {
            this(file, format, profiles, runs, series, List.of(), duplicate);
        }

        /** A result without series. */
        public Result(Path file, String format, List<StoredProfile> profiles, List<StoredRun> runs,
                      boolean duplicate) {
            this(file, format, profiles, runs, List.of(), duplicate);
        }

        /** A result with profiles only. */
        public Result(Path file, String format, List<StoredProfile> profiles, boolean duplicate) {
            this(file, format, profiles, List.of(), List.of(), duplicate);
        }
    }

    /**
     * An importer's unexpected refusal in words: a number Java could not parse says so instead of the library's
     * "For input string: ..." (each importer should name the line itself; this is the last resort).
     */
    static String inWords(IllegalArgumentException e) {
        if (e instanceof NumberFormatException) {
            String m = String.valueOf(e.getMessage());
            int quote = m.indexOf('"');
            String value = quote >= 0 && m.lastIndexOf('"') > quote ? m.substring(quote + 1, m.lastIndexOf('"')) : "";
            return "holds a number that is malformed or out of range" + (value.isEmpty() ? ""
                    : ": '" + (value.length() > 40 ? value.substring(0, 40) + "…" : value) + "'");
        }
        return e.getMessage();
    }

    private static final ExecutorService HASHER = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "perfdesk-hash");
        t.setDaemon(true);
        return t;
    });

    private final Store store;
    private final Map<String, String> labels;

    public ImportService(Store store) {
        this(store, Map.of());
    }

    /**
     * An import service that gives every profile and run it creates these labels ({@code platform=aws-m6i}), over
     * those the file records itself; a file already in the store keeps its labels.
     */
    public ImportService(Store store, Map<String, String> labels) {
        this.store = store;
        this.labels = Map.copyOf(labels);
    }

    /**
     * Imports one file, or one folder that a folder format reads as one run (Criterion.rs's
     * {@code target/criterion}, see {@link Importers#detectFolder(Path)}).
     *
     * @param file   the file
     * @param format a format id to force, or null to detect by content
     * @throws ImportException for unreadable or invalid content; the store is unchanged
     * @throws dev.perfdesk.core.progress.CancelledException when cancelled; the store is unchanged
     */
    public Result importFile(Path file, String format, ProgressMonitor monitor) throws ImportException {
        return importFile(file, format, monitor, List.of());
    }

    /**
     * Imports one file and attaches the series of Prometheus query results ({@code query_range} JSON) to every run
     * it holds. The attachments are read first, so a bad one leaves the store unchanged; a file already in the
     * store gets them added to its runs.
     *
     * @param attachments Prometheus response files; empty for none
     * @throws ImportException for unreadable or invalid content, of the file or an attachment, or attachments to a
     *                         file that holds no benchmark run; the store is unchanged
     */
    public Result importFile(Path file, String format, ProgressMonitor monitor, List<Path> attachments)
            throws ImportException {
        return importFile(file, format, monitor, attachments, null);
    }

    /**
     * Imports one file with its attachments, in one transaction: Prometheus query results become series of every
     * run the file holds, and profiles (any profile format Perfdesk reads) are imported and attached to those runs.
     * With {@code toRun}, the profiles the file itself holds are attached to that stored run. A profile already in
     * the store (same content) is attached, not copied; a failed attachment leaves the store unchanged.
     *
     * @param attachments Prometheus response files and profile files; empty for none
     * @param toRun       the id of a stored run to attach the file's profiles to, or null
     * @throws ImportException for unreadable or invalid content of the file or an attachment, an attachment that
     *                         is no profile or Prometheus response, attachments to a file without runs, or
     *                         {@code toRun} given for a file without profiles; the store is unchanged
     */
    public Result importFile(Path file, String format, ProgressMonitor monitor, List<Path> attachments, Long toRun)
            throws ImportException {
        List<Path> prometheus = new ArrayList<>();
        List<Path> profiles = new ArrayList<>();
        for (Path p : attachments) {
            (isPrometheus(p) ? prometheus : profiles).add(p);
        }
        if (profiles.isEmpty() && toRun == null) {
            return importWithSeries(file, format, monitor, attachments);
        }
        List<TimeSeries> attached = readAttachments(prometheus);
        Result r = importLinked(file, format, monitor, attached, profiles, toRun);
        if (r.duplicate() && !attached.isEmpty()) {
            for (StoredRun run : r.runs()) {
                store.attachSeries(run.id(), attached);
            }
        }
        return r;
    }

    /**
     * Whether an attachment is a Prometheus response by its content (anything else is read as a profile). A file
     * that cannot be read is left to the reader that names the problem.
     */
    private static boolean isPrometheus(Path p) {
        if (!Files.isRegularFile(p)) {
            return true;
        }
        try {
            return PrometheusQueryReader.looksLikeResponse(ImportSource.of(p).head(4096));
        } catch (IOException e) {
            return true;
        }
    }

    private Result importWithSeries(Path file, String format, ProgressMonitor monitor, List<Path> attachments)
            throws ImportException {
        List<TimeSeries> attached = readAttachments(attachments);
        Result r = importWith(file, format, monitor, attached);
        if (!attached.isEmpty() && r.runs().isEmpty()) {
            throw ImportException.whole(file, "holds no benchmark run to attach "
                    + attachments.get(0).getFileName() + " to; attachments go with load-test and benchmark runs");
        }
        if (r.duplicate() && !attached.isEmpty()) {
            for (StoredRun run : r.runs()) {
                store.attachSeries(run.id(), attached);
            }
        }
        return r;
    }

    /** Reads Prometheus query results into series, each file whole before any is attached. */
    public static List<TimeSeries> readAttachments(List<Path> attachments) throws ImportException {
        List<TimeSeries> out = new ArrayList<>();
        for (Path p : attachments) {
            if (Files.isDirectory(p)) {
                throw ImportException.whole(p, "is a folder; --attach takes a profile or a Prometheus query_range "
                        + "JSON file");
            }
            if (Files.exists(p) && !Files.isRegularFile(p)) {
                throw ImportException.whole(p, notRegular(p));
            }
            try {
                out.addAll(PrometheusQueryReader.read(p));
            } catch (NoSuchFileException e) {
                throw ImportException.whole(p, "no such file");
            } catch (IOException e) {
                throw ImportException.whole(p, "cannot be read: " + e.getMessage());
            }
        }
        return out;
    }

    /** A file checked, its format found, and its hash when it was worth computing first. */
    private record Prepared(ImportSource source, Importer importer, String knownHash, Result earlier) {
    }

    private Prepared prepare(Path file, String format) throws ImportException, IOException {
        if (!Files.exists(file)) {
            throw ImportException.whole(file, "no such file");
        }
        boolean folder = Files.isDirectory(file);
        if (!folder && !Files.isRegularFile(file)) {
            throw ImportException.whole(file, notRegular(file));
        }
        if (!Files.isReadable(file)) {
            throw ImportException.whole(file, "cannot be read (permission denied)");
        }
        if (folder && Importers.detectFolder(file) == null && format == null) {
            throw ImportException.whole(file, "is a folder that no folder format claims (Criterion.rs's "
                    + "target/criterion); import the files in it");
        }
        ImportSource source = folder ? ImportSource.ofFolder(file) : ImportSource.of(file);
        Importer importer;
        if (format == null) {
            importer = Importers.detect(source);
        } else {
            if (source.size() == 0) {
                throw ImportException.whole(file, "the file is empty");
            }
            importer = Importers.byFormat(format);
        }
        // Hash first only when a file of this size is already stored: then a duplicate is likely and the
        // parse can be skipped. Otherwise hash on another core while parsing.
        String knownHash = null;
        if (store.hasSourceOfSize(source.size())) {
            knownHash = folder ? FileHasher.sha256Folder(file) : FileHasher.sha256(file);
            List<StoredProfile> earlier = store.profilesOfSource(knownHash);
            List<StoredRun> earlierRuns = store.runsOfSource(knownHash);
            List<StoredSeries> earlierSeries = store.seriesOfSource(knownHash);
            List<dev.perfdesk.store.StoredC2c> earlierC2c = store.c2cOfSource(knownHash);
            if (!earlier.isEmpty() || !earlierRuns.isEmpty() || !earlierSeries.isEmpty() || !earlierC2c.isEmpty()) {
                return new Prepared(source, importer, knownHash, new Result(file, importer.format(), earlier,
                        earlierRuns, earlierSeries, earlierC2c, true));
            }
        }
        return new Prepared(source, importer, knownHash, null);
    }

    private Result importWith(Path file, String format, ProgressMonitor monitor, List<TimeSeries> attached)
            throws ImportException {
        try {
            Prepared prepared = prepare(file, format);
            if (prepared.earlier() != null) {
                return prepared.earlier();
            }
            ImportSource source = prepared.source();
            Importer importer = prepared.importer();
            String knownHash = prepared.knownHash();
            CompletableFuture<String> hash = knownHash != null ? CompletableFuture.completedFuture(knownHash)
                    : FileHasher.sha256Async(file, HASHER);
            try (ImportTransaction tx = store.beginImport(file, importer.format(), source.size())) {
                tx.label(labels);
                importer.read(source, attached.isEmpty() ? tx : new AttachingSink(tx, attached), monitor);
                monitor.checkCancelled();
                ImportTransaction.Outcome outcome = tx.commit(join(hash));
                return new Result(file, importer.format(), outcome.profiles(), outcome.runs(), outcome.series(),
                        outcome.c2c(), outcome.duplicate());
            } finally {
                hash.cancel(true);
            }
        } catch (NoSuchFileException e) {
            throw ImportException.whole(file, "no such file");
        } catch (IOException e) {
            throw ImportException.whole(file, "cannot be read: " + e.getMessage());
        } catch (UncheckedIOException e) {
            throw ImportException.whole(file, "cannot be read: " + e.getCause().getMessage());
        } catch (IllegalArgumentException e) {
            throw new ImportException(file, -1, -1, inWords(e), e);
        }
    }

    /**
     * The file and its profile attachments in one transaction: each file staged in turn (a duplicate's earlier
     * items are used), then the links, then one commit.
     */
    private Result importLinked(Path file, String format, ProgressMonitor monitor, List<TimeSeries> series,
                                List<Path> profileFiles, Long toRun) throws ImportException {
        if (toRun != null && store.findRun(toRun).isEmpty()) {
            throw ImportException.whole(file, "cannot be attached to run r" + toRun + ": there is no such run in "
                    + store.location());
        }
        Path current = file;
        try {
            Prepared main = prepare(file, format);
            List<Long> attachedIds = new ArrayList<>();
            ImportTransaction.Staged staged;
            try (ImportTransaction tx = store.beginImport(file, main.importer().format(), main.source().size())) {
                // The labels given go to every run and profile of every file of the transaction.
                tx.label(labels);
                staged = stageFile(tx, main, file, monitor, series);
                if (!profileFiles.isEmpty() && staged.runIds().isEmpty()) {
                    throw ImportException.whole(file, "holds no benchmark run to attach "
                            + profileFiles.get(0).getFileName() + " to; attachments go with load-test and benchmark "
                            + "runs");
                }
                if (toRun != null && staged.profileIds().isEmpty()) {
                    throw ImportException.whole(file, "holds no profile to attach to run r" + toRun
                            + "; --run takes profile files");
                }
                for (Path p : profileFiles) {
                    current = p;
                    checkAttachment(p);
                    Prepared prepared = prepare(p, null);
                    tx.nextFile(p, prepared.importer().format(), prepared.source().size());
                    ImportTransaction.Staged a = stageFile(tx, prepared, p, monitor, List.of());
                    if (!a.runIds().isEmpty() || a.profileIds().isEmpty()) {
                        throw ImportException.whole(p, "is " + (a.runIds().isEmpty() ? "no profile"
                                : "a benchmark result, not a profile") + "; --attach takes profiles ("
                                + "perf script, JFR, pprof, folded, ...) and Prometheus query_range JSON");
                    }
                    for (long id : a.profileIds()) {
                        if (!attachedIds.contains(id)) {
                            attachedIds.add(id);
                        }
                    }
                }
                current = file;
                for (long run : staged.runIds()) {
                    for (long profile : attachedIds) {
                        tx.link(run, profile);
                    }
                }
                if (toRun != null) {
                    for (long profile : staged.profileIds()) {
                        tx.link(toRun, profile);
                    }
                }
                monitor.checkCancelled();
                tx.commit();
            }
            List<StoredProfile> profiles = new ArrayList<>();
            for (long id : staged.profileIds()) {
                store.findProfile(id).ifPresent(profiles::add);
            }
            List<StoredRun> runs = new ArrayList<>();
            for (long id : staged.runIds()) {
                store.findRun(id).ifPresent(runs::add);
            }
            List<StoredProfile> attachedProfiles = new ArrayList<>();
            for (long id : attachedIds) {
                store.findProfile(id).ifPresent(attachedProfiles::add);
            }
            List<StoredSeries> sets = main.earlier() != null ? main.earlier().series()
                    : main.knownHash() != null ? store.seriesOfSource(main.knownHash()) : List.of();
            return new Result(file, main.importer().format(), profiles, runs, sets, List.of(), staged.duplicate(),
                    attachedProfiles);
        } catch (NoSuchFileException e) {
            throw ImportException.whole(current, "no such file");
        } catch (IOException e) {
            throw ImportException.whole(current, "cannot be read: " + e.getMessage());
        } catch (UncheckedIOException e) {
            throw ImportException.whole(current, "cannot be read: " + e.getCause().getMessage());
        } catch (IllegalArgumentException e) {
            throw ImportException.whole(current, inWords(e));
        }
    }

    /** Reads one file into the transaction and stages it; a file stored before is staged unread. */
    private static ImportTransaction.Staged stageFile(ImportTransaction tx, Prepared prepared, Path file,
                                                      ProgressMonitor monitor, List<TimeSeries> series)
            throws ImportException, IOException {
        if (prepared.earlier() != null) {
            return tx.stage(prepared.knownHash());
        }
        CompletableFuture<String> hash = prepared.knownHash() != null
                ? CompletableFuture.completedFuture(prepared.knownHash())
                : FileHasher.sha256Async(file, HASHER);
        try {
            prepared.importer().read(prepared.source(), series.isEmpty() ? tx : new AttachingSink(tx, series),
                    monitor);
            monitor.checkCancelled();
            return tx.stage(join(hash));
        } finally {
            hash.cancel(true);
        }
    }

    private static void checkAttachment(Path p) throws ImportException {
        if (Files.isDirectory(p)) {
            throw ImportException.whole(p, "is a folder; --attach takes a profile or a Prometheus query_range "
                    + "JSON file");
        }
    }

    /**
     * Why a path that exists but is neither a regular file nor a folder is refused: reading a named pipe blocks
     * until a writer comes and a device such as {@code /dev/zero} never ends, so neither is opened at all.
     */
    static String notRegular(Path file) {
        return "is not a regular file (a named pipe, device or socket); Perfdesk imports files and folders, "
                + "so save the data to a file first";
    }

    private static String join(CompletableFuture<String> hash) throws IOException {
        try {
            return hash.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while hashing", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof UncheckedIOException) {
                throw ((UncheckedIOException) cause).getCause();
            }
            throw new IOException(String.valueOf(cause), cause);
        }
    }

    /** Passes everything on to the transaction, with the attached series added to each run. */
    private record AttachingSink(ImportTransaction tx, List<TimeSeries> series) implements ImportSink {
        @Override
        public TimelineWriter openTimeline() {
            return tx.openTimeline();
        }

        @Override
        public void addProfile(Profile profile, TimelineWriter timeline) {
            tx.addProfile(profile, timeline);
        }

        @Override
        public void addRun(BenchmarkRun run) {
            tx.addRun(run.withSeries(series));
        }

        @Override
        public void addSeries(SeriesSet set) {
            tx.addSeries(set);
        }

        @Override
        public void addC2c(dev.perfdesk.core.c2c.C2cReport report) {
            tx.addC2c(report);
        }
    }
}
