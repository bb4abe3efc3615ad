package dev.perfdesk.store;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the store lives: {@code --db PATH|URL} first, then the environment variable {@code PERFDESK_DB}, then
 * {@code $XDG_DATA_HOME/perfdesk/perfdesk.db}, falling back to {@code ~/.local/share/perfdesk/perfdesk.db}. A
 * {@code postgresql://} URL names a team store on a PostgreSQL server (see {@link PostgresLocation}).
 */
public final class StorePaths {
    /** The environment variable that overrides the default store. */
    public static final String ENV_DB = "PERFDESK_DB";

    private StorePaths() {
    }

    /** The store for an optional explicit {@code --db} value (a path or URL), using the process environment. */
    public static StoreLocation locate(String explicit) {
        return locate(explicit, System.getenv(), System.getProperty("user.home"));
    }

    /** The store, given an environment and home folder (for tests). */
    public static StoreLocation locate(String explicit, Map<String, String> env, String home) {
        String chosen = explicit != null && !explicit.isBlank() ? explicit : env.get(ENV_DB);
        if (chosen != null && !chosen.isBlank()) {
            return StoreLocation.parse(chosen, env, home);
        }
        return new StoreLocation.SqliteFile(resolve(null, env, home));
    }

    /** The store path for an optional explicit {@code --db} value, using the process environment. */
    public static Path resolve(Path explicit) {
        return resolve(explicit, System.getenv(), System.getProperty("user.home"));
    }

    /** The store path, given an environment and home folder (for tests). */
    public static Path resolve(Path explicit, Map<String, String> env, String home) {
        if (explicit != null) {
            return explicit;
        }
        String fromEnv = env.get(ENV_DB);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Path.of(fromEnv);
        }
        String xdg = env.get("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()
                ? Path.of(xdg) : Path.of(home, ".local", "share");
        return base.resolve("perfdesk").resolve("perfdesk.db");
    }
}
