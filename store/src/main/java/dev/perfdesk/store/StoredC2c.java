package dev.perfdesk.store;

import java.time.Instant;

/**
 * A perf c2c report in the store, as the library lists it.
 *
 * @param id                its id; the CLI writes it {@code c3}
 * @param name              its name
 * @param cacheLines        how many shared cache lines its table holds
 * @param falseSharingLines how many of them show false sharing ({@code core.c2c.FalseSharing})
 * @param events            the events perf sampled, as its report names them
 * @param sourcePath        the file it came from
 * @param importedAt        when it was imported
 */
public record StoredC2c(long id, String name, int cacheLines, int falseSharingLines, String events,
                        String sourcePath, Instant importedAt) {
}
