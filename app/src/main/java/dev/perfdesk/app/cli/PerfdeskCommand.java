package dev.perfdesk.app.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import dev.perfdesk.app.ui.PerfdeskApp;
import dev.perfdesk.importers.spi.ImportException;
import dev.perfdesk.store.StoreException;

/**
 * The {@code perfdesk} command: with no subcommand it opens the application window on the store; the
 * subcommands work on the store from the shell. Exit codes: 0 success, 1 bad input or failure (one line on
 * stderr), 2 usage error.
 */
@Command(name = "perfdesk", mixinStandardHelpOptions = true, version = "Perfdesk 0.1.0",
        description = "A performance-analysis workbench: profiles, flame graphs, benchmarks and regressions.%n"
                + "With no command, opens the application window.",
        subcommands = {ImportCommand.class, ListCommand.class, ShowCommand.class, DeleteCommand.class,
                ExportCommand.class, FlameCommand.class, ChangepointsCommand.class, CompareCommand.class,
                CiCommand.class, StoreCommand.class, CommandLine.HelpCommand.class})
public final class PerfdeskCommand implements Callable<Integer> {
    @Mixin
    StoreOption store;

    @Override
    public Integer call() {
        PerfdeskApp.launchWith(store.location());
        return 0;
    }

    /** Runs the command line and returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new PerfdeskCommand());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("perfdesk: " + describe(e));
            commandLine.getErr().flush();
            return 1;
        });
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    static String describe(Exception e) {
        if (e instanceof StoreException || e instanceof ImportException) {
            return e.getMessage();
        }
        if (e instanceof java.io.IOException) {
            return "I/O error: " + e.getMessage();
        }
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }
}
