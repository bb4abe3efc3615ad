package dev.perfdesk.app.ui;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

import javafx.application.Platform;
import javafx.concurrent.Task;
import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.Tooltip;

import dev.perfdesk.core.flame.FlameViewState;
import dev.perfdesk.core.model.Profile;
import dev.perfdesk.core.progress.ProgressMonitor;
import dev.perfdesk.store.StoredProfile;
import dev.perfdesk.viewers.flame.FlameGraphViewModel;

/**
 * A tab showing one stored profile. The profile (and its timeline) is read in the background while the tab shows
 * a spinner; the view is then built and put in place in one step on the FX thread.
 */
public final class ProfileTab extends Tab {
    private long profileId;

    /** Builds the view of a loaded profile, on the FX thread. */
    public interface ContentFactory {
        /**
         * @param opening the flame graph state the profile opens with, being computed on another thread while
         *                the view is built (see {@link FlameGraphViewModel#openingState})
         */
        Node create(ProfileViews.Context context, Profile profile, Future<FlameViewState> opening);
    }

    /**
     * @param model   the profile views' store-facing side
     * @param entry   its library entry
     * @param content builds the view for a loaded profile (on the FX thread)
     */
    public ProfileTab(ProfileTabModel model, LibraryEntry entry, ContentFactory content) {
        this.profileId = entry.id();
        setText(entry.title());
        setTooltip(new Tooltip(entry.title() + "\n" + entry.details()));
        getStyleClass().add("profile-tab");
        setContent(TabContent.loading("Loading " + entry.title() + "…"));
        // Once the profile is read, the view is built on the FX thread while this task's thread computes the
        // flame graph the view opens with: the two overlap instead of following one another.
        Task<Profile> task = new Task<>() {
            @Override
            protected Profile call() {
                Profile p = model.read(profileId);
                CompletableFuture<FlameViewState> opening = new CompletableFuture<>();
                Platform.runLater(() -> {
                    if (!isCancelled()) {
                        setContent(content.create(new ProfileViews.Context(model, ProfileTab.this), p,
                                opening));
                    }
                });
                Task<Profile> self = this;
                try {
                    opening.complete(FlameGraphViewModel.openingState(p, new ProgressMonitor() {
                        @Override
                        public void progress(long done, long total) {
                        }

                        @Override
                        public boolean isCancelled() {
                            return self.isCancelled();
                        }
                    }));
                } catch (RuntimeException | Error e) {
                    // The view then computes it itself, and reports what goes wrong.
                    opening.completeExceptionally(e);
                }
                return p;
            }
        };
        task.setOnFailed(e -> {
            setContent(TabContent.failed("Could not open this profile: "
                    + TaskRunner.describe(task.getException())));
        });
        // Closed (by any means: the close button, Ctrl+W, deleting the entry): the reading and the opening state
        // stop, and the view, once shown, stops its background work.
        tabPaneProperty().addListener((o, was, now) -> {
            if (was != null && now == null) {
                task.cancel();
                if (getContent() instanceof ProfileViews.ProfileView view) {
                    view.dispose();
                }
            }
        });
        model.tasks().run(task);
    }

    /** Records that the tab now shows another profile of the same file (the event selector switched). */
    public void showing(StoredProfile other) {
        profileId = other.id();
        LibraryEntry entry = LibraryEntry.of(other);
        setText(entry.title());
        setTooltip(new Tooltip(entry.title() + "\n" + entry.details()));
        onProfileChanged.run();
    }

    private Runnable onProfileChanged = () -> { };

    /** What runs when the tab switches to another profile of its file (the window re-saves its open tabs). */
    public void setOnProfileChanged(Runnable handler) {
        onProfileChanged = handler;
    }

    /** The id of the profile shown. */
    public long profileId() {
        return profileId;
    }
}
