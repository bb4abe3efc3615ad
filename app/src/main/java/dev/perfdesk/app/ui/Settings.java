package dev.perfdesk.app.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * What the application remembers between starts: window bounds, theme, open tabs and recent files, in
 * {@code $XDG_CONFIG_HOME/perfdesk/settings.properties} (else {@code ~/.config/perfdesk/}), or the file named by
 * the system property {@code perfdesk.settings}.
 */
public final class Settings {
    private static final int MAX_RECENT = 10;

    private final Path file;
    private final Properties values = new Properties();

    private Settings(Path file) {
        this.file = file;
    }

    /** Loads the settings file of this user, or starts empty. */
    public static Settings load() {
        String explicit = System.getProperty("perfdesk.settings");
        Path file;
        if (explicit != null && !explicit.isBlank()) {
            file = Path.of(explicit);
        } else {
            String xdg = System.getenv("XDG_CONFIG_HOME");
            Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg)
                    : Path.of(System.getProperty("user.home"), ".config");
            file = base.resolve("perfdesk").resolve("settings.properties");
        }
        return load(file);
    }

    /** Loads settings from {@code file}, or starts empty when it is missing or unreadable. */
    public static Settings load(Path file) {
        Settings s = new Settings(file);
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                s.values.load(in);
            } catch (IOException | IllegalArgumentException e) {
                s.values.clear();
            }
        }
        return s;
    }

    /** Writes the settings; a failure is not worth interrupting the user for, so it is ignored. */
    public void save() {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                values.store(out, "Perfdesk settings");
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException ignored) {
            // settings are a convenience; the next start falls back to defaults
        }
    }

    public String get(String key, String fallback) {
        return values.getProperty(key, fallback);
    }

    public double getDouble(String key, double fallback) {
        try {
            return Double.parseDouble(values.getProperty(key, ""));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    public boolean getBoolean(String key, boolean fallback) {
        String v = values.getProperty(key);
        return v == null ? fallback : Boolean.parseBoolean(v);
    }

    public void put(String key, Object value) {
        values.setProperty(key, String.valueOf(value));
    }

    /**
     * The items open in tabs, in tab order, as {@code tabs.open} keeps them: profiles by number ({@code 12}), as
     * settings before runs had them, benchmark runs by {@code r} and number ({@code r3}), series sets
     * ({@code s2}), profile and run comparisons ({@code pc3~4}, {@code rc1~2}) and benchmark histories
     * ({@code h:} and the URL-encoded name). Damaged entries are left out.
     */
    public List<String> openTabs() {
        List<String> out = new ArrayList<>();
        for (String part : values.getProperty("tabs.open", "").split(",")) {
            String p = part.trim();
            if (p.matches("[rsc]?\\d{1,18}|[rp]c\\d{1,18}~\\d{1,18}|h:[A-Za-z0-9%+._*-]+")) {
                out.add(p);
            }
        }
        return out;
    }

    /** Remembers the open items, each as {@link #openTabs()} gives them. */
    public void setOpenTabs(List<String> keys) {
        values.setProperty("tabs.open", String.join(",", keys));
    }

    /** The ids of the profiles open in tabs, in tab order. */
    public List<Long> openProfiles() {
        return openTabs().stream().filter(k -> k.matches("\\d+")).map(Long::parseLong).toList();
    }

    /** The ids of the benchmark runs open in tabs, in tab order. */
    public List<Long> openRuns() {
        return openTabs().stream().filter(k -> k.matches("r\\d+")).map(k -> Long.parseLong(k.substring(1))).toList();
    }

    public void setOpenProfiles(List<Long> ids) {
        setOpenTabs(ids.stream().map(String::valueOf).toList());
    }

    /** Recently imported files, newest first. */
    public List<Path> recentFiles() {
        String raw = values.getProperty("files.recent", "");
        List<Path> out = new ArrayList<>();
        for (String part : raw.split("\n")) {
            if (!part.isBlank()) {
                out.add(Path.of(part));
            }
        }
        return out;
    }

    public void addRecentFile(Path file) {
        List<Path> recent = new ArrayList<>(recentFiles());
        Path absolute = file.toAbsolutePath().normalize();
        recent.remove(absolute);
        recent.add(0, absolute);
        while (recent.size() > MAX_RECENT) {
            recent.remove(recent.size() - 1);
        }
        values.setProperty("files.recent", String.join("\n", recent.stream().map(Path::toString).toList()));
    }

    @Override
    public String toString() {
        return "Settings" + Arrays.toString(values.stringPropertyNames().toArray());
    }
}
