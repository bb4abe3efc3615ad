package dev.perfdesk.app.cli;

import picocli.CommandLine.Option;

import dev.perfdesk.store.Store;
import dev.perfdesk.store.StoreLocation;
import dev.perfdesk.store.StorePaths;

/** The {@code --db PATH|URL} option every command takes. */
public final class StoreOption {
    @Option(names = "--db", paramLabel = "PATH|URL",
            description = "The store: an SQLite file, or a team store on a PostgreSQL server, "
                    + "postgresql://[user@]host[:port]/database (password from PGPASSWORD or ~/.pgpass, never in "
                    + "the URL of a shared command line). Default: $PERFDESK_DB, else "
                    + "$XDG_DATA_HOME/perfdesk/perfdesk.db, else ~/.local/share/perfdesk/perfdesk.db.")
    String db;

    /** The store this command uses; its {@code toString()} never shows a password. */
    public StoreLocation location() {
        return StorePaths.locate(db);
    }

    /** Opens the store. */
    public Store open() {
        return Store.open(location());
    }

    /**
     * Opens the store for a command that only reads it: nothing is written beside the file and no migration runs
     * ({@link Store#openReadOnly}), so a store in a read-only folder can be read.
     */
    public Store openForReading() {
        return Store.openReadOnly(location());
    }
}
