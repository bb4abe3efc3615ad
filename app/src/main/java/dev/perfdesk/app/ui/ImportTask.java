package dev.perfdesk.app.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javafx.concurrent.Task;

import dev.perfdesk.app.service.ImportService;
import dev.perfdesk.app.service.SampleData;
import dev.perfdesk.core.progress.ProgressMonitor;
import dev.perfdesk.importers.spi.ImportException;
import dev.perfdesk.importers.spi.UnknownFormatException;

/**
 * Imports files in the background, one transaction each, reporting byte progress across all of them. Cancelling
 * stops the file being read and rolls it back; files already imported stay. The value lists what happened.
 */
public final class ImportTask extends Task<ImportTask.Outcome> {

    /**
     * @param results  the files imported (or found already in the store)
     * @param failures one line per file that could not be imported (damaged, cut short)
     * @param unrecognised the files in no format Perfdesk reads (a README, a script), said once in a summary
     */
    public record Outcome(List<ImportService.Result> results, List<String> failures, List<Path> unrecognised) {
        /**
         * What went wrong, for a dialog: one line per damaged file, then one sentence for the files in no format
         * Perfdesk reads (naming at most five); empty when every file was imported.
         */
        public String problems() {
            List<String> lines = new ArrayList<>(failures);
            if (!unrecognised.isEmpty()) {
                String names = unrecognised.size() == 1 ? unrecognised.get(0).toString()
                        : unrecognised.stream().limit(5).map(p -> String.valueOf(p.getFileName()))
                        .collect(java.util.stream.Collectors.joining(", "));
                lines.add(unrecognised.size() == 1
                        ? names + " is not a profile or benchmark result in a format Perfdesk reads."
                        : unrecognised.size() + " files are not profiles or benchmark results in a format Perfdesk "
                        + "reads: " + names + (unrecognised.size() > 5 ? ", …" : "") + ".");
            }
            return String.join("\n", lines);
        }
    }

    private final ImportService service;
    private final List<Path> files;

    public ImportTask(ImportService service, List<Path> files) {
        this.service = service;
        this.files = List.copyOf(files);
    }

    @Override
    protected Outcome call() {
        List<ImportService.Result> results = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        List<Path> unrecognised = new ArrayList<>();
        long[] sizes = new long[files.size()];
        long total = 0;
        for (int i = 0; i < sizes.length; i++) {
            sizes[i] = Math.max(1, files.get(i).toFile().length());
            total += sizes[i];
        }
        long before = 0;
        for (int i = 0; i < files.size() && !isCancelled(); i++) {
            Path file = files.get(i);
            String prefix = files.size() > 1 ? "(" + (i + 1) + "/" + files.size() + ") " : "";
            updateMessage("Importing " + prefix + file.getFileName() + "…");
            long base = before;
            long all = total;
            ProgressMonitor monitor = new ProgressMonitor() {
                @Override
                public void progress(long done, long size) {
                    updateProgress(base + Math.min(done, size), all);
                }

                @Override
                public boolean isCancelled() {
                    return ImportTask.this.isCancelled();
                }
            };
            try {
                results.add(service.importFile(file, null, monitor, SampleData.attachmentsOf(file)));
            } catch (UnknownFormatException e) {
                unrecognised.add(file);
            } catch (ImportException e) {
                failures.add(e.getMessage());
            } catch (dev.perfdesk.core.progress.CancelledException e) {
                break;
            } catch (RuntimeException e) {
                failures.add(file + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            }
            before += sizes[i];
            updateProgress(before, total);
        }
        int profiles = results.stream().mapToInt(r -> r.profiles().size()).sum();
        int runs = results.stream().mapToInt(r -> r.runs().size()).sum();
        int c2c = results.stream().mapToInt(r -> r.c2c().size()).sum();
        updateMessage(isCancelled() ? "Import cancelled." : "Imported " + counted(profiles, runs)
                + (c2c == 0 ? "" : c2c == 1 ? " and 1 c2c report" : " and " + c2c + " c2c reports")
                + (failures.isEmpty() && unrecognised.isEmpty() ? "." : "; "
                + (failures.size() + unrecognised.size()) + " file(s) not imported."));
        return new Outcome(results, failures, unrecognised);
    }

    /** {@code 2 profiles}, {@code 1 run}, {@code 2 profiles and 1 run}; {@code 0 profiles} when nothing came. */
    static String counted(int profiles, int runs) {
        String p = profiles + (profiles == 1 ? " profile" : " profiles");
        String r = runs + (runs == 1 ? " run" : " runs");
        return runs == 0 ? p : profiles == 0 ? r : p + " and " + r;
    }
}
