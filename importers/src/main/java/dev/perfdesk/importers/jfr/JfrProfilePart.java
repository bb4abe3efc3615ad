package dev.perfdesk.importers.jfr;

import java.util.LinkedHashSet;
import java.util.Set;

import dev.perfdesk.core.model.ProfileBuilder;
import dev.perfdesk.core.model.TimelineWriter;

/**
 * One event kind's profile while a recording is read: the recording's own, whose samples stream to the sink's
 * timeline, or one chunk's, read on another thread into a {@link PendingTimeline} and merged into the recording's
 * in file order.
 */
final class JfrProfilePart {
    final JfrEventKind kind;
    final TimelineWriter timeline;
    final ProfileBuilder builder;
    /** The ids of the JFR event types read into this profile, for their settings. */
    final Set<Long> typeIds = new LinkedHashSet<>();
    long events;
    long truncatedStacks;
    long missingStacks;

    JfrProfilePart(JfrEventKind kind, TimelineWriter timeline) {
        this.kind = kind;
        this.timeline = timeline;
        this.builder = new ProfileBuilder(timeline);
    }

    /** A chunk's part, holding its timeline until {@link #mergeInto}. */
    static JfrProfilePart pending(JfrEventKind kind) {
        return new JfrProfilePart(kind, new PendingTimeline());
    }

    /** Adds this chunk's part to {@code whole}, which holds every earlier chunk; this part is spent afterwards. */
    void mergeInto(JfrProfilePart whole) {
        ProfileBuilder.Merged merged = whole.builder.merge(builder);
        ((PendingTimeline) timeline).replay(merged, whole.timeline);
        whole.typeIds.addAll(typeIds);
        whole.events += events;
        whole.truncatedStacks += truncatedStacks;
        whole.missingStacks += missingStacks;
    }
}
