package dev.perfdesk.store;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.perfdesk.core.model.ProfileInfo;

/**
 * A profile's entry in the store: what lists and the library show without loading samples.
 *
 * @param id           the profile's id, stable for the life of the store
 * @param info         the profile's metadata
 * @param importedAt   when it was imported
 * @param frameCount   distinct frames
 * @param stackCount   distinct stacks (trie nodes, the empty stack included)
 * @param threadCount  distinct threads
 * @param timelineSize timestamped samples stored (0 when the source had no timestamps)
 * @param labels       the profile's labels by key ({@code platform=aws-m6i}); empty when none
 */
public record StoredProfile(long id, ProfileInfo info, Instant importedAt, int frameCount, int stackCount,
                            int threadCount, long timelineSize, Map<String, String> labels) {

    /** Copies the labels, keeping their order. */
    public StoredProfile {
        labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels == null ? Map.of() : labels));
    }

    /** A profile without labels. */
    public StoredProfile(long id, ProfileInfo info, Instant importedAt, int frameCount, int stackCount,
                         int threadCount, long timelineSize) {
        this(id, info, importedAt, frameCount, stackCount, threadCount, timelineSize, Map.of());
    }

    /** Whether the profile has timestamped samples for time-range views. */
    public boolean hasTimeline() {
        return timelineSize > 0;
    }
}
