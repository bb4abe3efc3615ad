package dev.perfdesk.store;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A benchmark run's entry in the store: what lists show without loading its benchmarks. Runs have ids of their own,
 * apart from profiles' ids.
 *
 * @param id             the run's id, stable for the life of the store
 * @param name           a name for people, by default the file name
 * @param tool           the tool that wrote the file ({@code JMH}, {@code hyperfine}, ...)
 * @param format         the importer's format id
 * @param startTime      when the run started, or null
 * @param label          the run's label; empty when none
 * @param commit         the commit measured; empty when not known
 * @param benchmarkCount how many benchmarks (metrics included) the run holds
 * @param sourcePath     the file it was imported from, as given
 * @param sourceHash     hex SHA-256 of the file's bytes
 * @param importedAt     when it was imported
 * @param labels         the run's labels by key ({@code platform=aws-m6i}); empty when none
 */
public record StoredRun(long id, String name, String tool, String format, Instant startTime, String label,
                        String commit, int benchmarkCount, String sourcePath, String sourceHash, Instant importedAt,
                        Map<String, String> labels) {

    /** Copies the labels, keeping their order. */
    public StoredRun {
        labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels == null ? Map.of() : labels));
    }

    /** A run without labels. */
    public StoredRun(long id, String name, String tool, String format, Instant startTime, String label,
                     String commit, int benchmarkCount, String sourcePath, String sourceHash, Instant importedAt) {
        this(id, name, tool, format, startTime, label, commit, benchmarkCount, sourcePath, sourceHash, importedAt,
                Map.of());
    }
}
