package dev.perfdesk.app.ui;

import java.util.List;
import java.util.function.Consumer;

import dev.perfdesk.core.diff.ProfileDiff;
import dev.perfdesk.core.model.Profile;
import dev.perfdesk.core.model.Timeline;
import dev.perfdesk.core.naming.FrameNamers;
import dev.perfdesk.core.progress.ProgressMonitor;
import dev.perfdesk.store.Store;
import dev.perfdesk.store.StoredProfile;

/**
 * The store-facing side of the profile views: reading a profile with its timeline, the other profiles recorded
 * from the same file (the event selector), and the two sides of a comparison of stored profiles. Work runs through
 * the {@link TaskRunner}; results reach the FX thread in one step.
 */
public final class ProfileTabModel {
    private final Store store;
    private final TaskRunner tasks;

    public ProfileTabModel(Store store, TaskRunner tasks) {
        this.store = store;
        this.tasks = tasks;
    }

    /** The runner the profile views use for their own work. */
    public TaskRunner tasks() {
        return tasks;
    }

    /**
     * Profile {@code id} with its timeline, when it has one. Blocking: for the opening task, which goes on to compute
     * the flame graph the view opens with on the same thread.
     */
    Profile read(long id) {
        Profile loaded = store.loadProfile(id);
        Timeline timeline = store.loadTimeline(id);
        return timeline == null ? loaded : loaded.withTimeline(timeline);
    }

    /** Reads profile {@code id} with its timeline in the background. */
    public TaskRunner.Cancellable load(long id, Consumer<Profile> loaded, Consumer<String> failed) {
        return tasks.submit(() -> read(id), loaded, failed);
    }

    /** Every stored profile recorded from the same file as profile {@code id} (itself included; none if gone). */
    public TaskRunner.Cancellable siblings(long id, Consumer<List<StoredProfile>> found, Consumer<String> failed) {
        return tasks.submit(() -> {
            StoredProfile self = store.findProfile(id).orElse(null);
            return self == null ? List.<StoredProfile>of() : store.profilesOfSource(self.info().sourceHash());
        }, found, failed);
    }

    /**
     * The two sides of comparing stored profile {@code candidate} with {@code baseline}, read and named in the
     * background.
     */
    public TaskRunner.Cancellable comparison(LibraryEntry baseline, LibraryEntry candidate,
                                             Consumer<ComparisonTab.Sides> loaded, Consumer<String> failed) {
        return tasks.submit(() -> new ComparisonTab.Sides(side(baseline), side(candidate), false), loaded, failed);
    }

    private ProfileDiff.Side side(LibraryEntry entry) {
        Profile p = store.loadProfile(entry.id());
        return ProfileDiff.Side.of(p, FrameNamers.forProfile(p), java.util.Set.of(), null, entry.title(),
                ProgressMonitor.NONE);
    }
}
