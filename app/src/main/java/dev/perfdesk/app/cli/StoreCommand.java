package dev.perfdesk.app.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import dev.perfdesk.store.Store;
import dev.perfdesk.store.StoreCopy;
import dev.perfdesk.store.StoreLocation;
import dev.perfdesk.store.StorePaths;

/** {@code perfdesk store ...}: work on whole stores. */
@Command(name = "store", description = "Work on whole stores.", subcommands = StoreCommand.Copy.class)
final class StoreCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }

    /**
     * {@code perfdesk store copy FROM TO}: everything in one store into another, SQLite or PostgreSQL either way,
     * in one transaction on the target; progress on stderr, one summary line on stdout.
     */
    @Command(name = "copy", description = {
        "Copy a whole store into another: profiles, runs, series, attached profiles, saved comparisons and reviews; "
                + "SQLite to PostgreSQL (push a laptop's history to the team store) and back, in one transaction.",
        "Into an empty store every item keeps its id. Into a store that has items, a file already there (same "
                + "content) is kept once and the rest gets new ids; copying twice adds nothing."})
    static final class Copy implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "FROM", description = "The store to read: a file path, or "
                + "postgresql://[user@]host[:port]/database.")
        String from;

        @Parameters(index = "1", paramLabel = "TO", description = "The store to write, in the same forms; created "
                + "when it does not exist.")
        String to;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            StoreLocation source = StorePaths.locate(from);
            StoreLocation target = StorePaths.locate(to);
            if (source instanceof StoreLocation.SqliteFile file && !java.nio.file.Files.isRegularFile(file.path())) {
                err.println("perfdesk store copy: " + source + ": no such store file");
                err.flush();
                return 1;
            }
            try (Store a = Store.open(source); Store b = Store.open(target)) {
                StoreCopy.Result r = StoreCopy.copy(a, b, new StoreCopy.Listener() {
                    private long shownAt = -1;

                    @Override
                    public void table(String table, long rows) {
                        if (rows > 0) {
                            err.printf(Locale.ROOT, "copying %s: %,d rows%n", table, rows);
                            err.flush();
                        }
                    }

                    @Override
                    public void rows(String table, long done, long rows) {
                        if (rows >= 20_000 && done < rows && done / 20_000 != shownAt) {
                            shownAt = done / 20_000;
                            err.printf(Locale.ROOT, "  %s: %,d of %,d%n", table, done, rows);
                            err.flush();
                        }
                    }
                });
                out.printf(Locale.ROOT, "copied %,d %s (%,d profiles, %,d runs, %,d series sets, %,d rows) from %s "
                        + "to %s%s%n", r.sourceFiles(), r.sourceFiles() == 1 ? "file" : "files", r.profiles(),
                        r.runs(), r.series(), r.rows(), source, target, r.merged() ? "; merged into its items"
                        + (r.duplicateFiles() == 0 ? "" : String.format(Locale.ROOT, ", %,d %s there already kept "
                        + "once", r.duplicateFiles(), r.duplicateFiles() == 1 ? "file" : "files")) : "");
                out.flush();
            }
            return 0;
        }
    }
}
