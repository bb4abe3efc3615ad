package dev.perfdesk.app.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import dev.perfdesk.importers.locust.LocustImporter;

/**
 * The sample files a new user sees on first start. The launcher points {@code perfdesk.sampledata} at the
 * project's {@code sample-data} folder; files are imported from its format folders (perf, folded, jfr, series, and
 * bench/TOOL), and sources, generators, test plans and notes are left out.
 */
public final class SampleData {
    /** The system property naming the sample-data folder. */
    public static final String PROPERTY = "perfdesk.sampledata";

    private SampleData() {
    }

    /** The sample files to import, in a stable order; empty when the folder is not known or missing. */
    public static List<Path> files() {
        String dir = System.getProperty(PROPERTY);
        if (dir == null || dir.isBlank()) {
            return List.of();
        }
        return files(Path.of(dir));
    }

    /** The sample files, the Java profile first: it is the one opened for a new user. */
    public static List<Path> samplesFirstShown() {
        List<Path> all = new ArrayList<>(files());
        all.sort(java.util.Comparator.comparing((Path p) -> !p.getFileName().toString().startsWith("java-workload")));
        return all;
    }

    /**
     * The Prometheus query results recorded beside a sample file, to attach to its runs: for a Locust run
     * {@code bench/locust/NAME_stats.csv}, the files {@code bench/locust/prometheus/NAME.*.prom.json}; empty for
     * every other file.
     */
    public static List<Path> attachmentsOf(Path file) {
        String name = String.valueOf(file.getFileName());
        Path folder = file.resolveSibling("prometheus");
        if (!name.endsWith("_stats.csv") || !Files.isDirectory(folder)) {
            return List.of();
        }
        String prefix = name.substring(0, name.length() - "_stats.csv".length()) + ".";
        try (Stream<Path> list = Files.list(folder)) {
            return list.filter(p -> {
                String n = p.getFileName().toString();
                return n.startsWith(prefix) && n.endsWith(".prom.json");
            }).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** The importable sample files under {@code root}. */
    public static List<Path> files(Path root) {
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return out;
        }
        try (Stream<Path> walk = Files.walk(root, 3)) {
            walk.filter(Files::isRegularFile)
                    .filter(p -> !root.relativize(p).startsWith("src"))
                    .filter(p -> root.relativize(p).getNameCount() >= 2)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(p -> !p.getFileName().toString()
                            .matches("(?i).*\\.(md|sh|txt\\.license|java|c|cc|cpp|h|py|js|jmx|yml|yaml)$"))
                    .filter(p -> !p.getFileName().toString().endsWith(".stdout.txt"))
                    .filter(p -> !LocustImporter.isCompanionOfStats(p))
                    .sorted()
                    .forEach(out::add);
        } catch (IOException e) {
            return List.of();
        }
        return out;
    }
}
