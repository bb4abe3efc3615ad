package dev.perfdesk.app.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import javafx.concurrent.Task;

import dev.perfdesk.app.service.ImportService;
import dev.perfdesk.store.Store;
import dev.perfdesk.store.StoredComparison;
import dev.perfdesk.store.StoredProfile;

/**
 * The main window's state and its store-facing operations: the library (listing, renaming, deleting), finding
 * entries by key, loading saved comparisons, and the import task. Store work runs through the {@link TaskRunner};
 * results reach the FX thread in one step, through the callbacks given.
 */
public final class MainViewModel {
    private final Store store;
    private final TaskRunner tasks;
    private final LibraryViewModel library;
    private final ProfileTabModel profiles;
    private Consumer<String> errors = message -> { };

    public MainViewModel(Store store, TaskRunner tasks) {
        this.store = store;
        this.tasks = tasks;
        this.profiles = new ProfileTabModel(store, tasks);
        this.library = new LibraryViewModel(store, tasks);
        library.setErrorHandler(m -> errors.accept(m));
    }

    /** Where failures of library operations are reported (a dialog in the app). */
    public void setErrorHandler(Consumer<String> handler) {
        errors = handler;
    }

    /** The library's entries, search and summary. */
    public LibraryViewModel library() {
        return library;
    }

    /** Where the store lives, for the About dialog. */
    public String storeLocation() {
        return String.valueOf(store.location());
    }

    /** Reloads the library in the background, then runs {@code then} (may be null) on the FX thread. */
    public void refresh(Runnable then) {
        library.refresh(then);
    }

    /** The loaded library entry with {@link LibraryEntry#key() key} {@code key}, if there is one. */
    public Optional<LibraryEntry> find(String key) {
        return library.allEntries().stream().filter(en -> en.key().equals(key)).findFirst();
    }

    /** Whether the library, as last loaded, is empty. */
    public boolean isEmpty() {
        return library.allEntries().isEmpty();
    }

    /** Renames an entry in the store, reloads the library, then runs {@code then}. */
    public void rename(LibraryEntry entry, String newName, Runnable then) {
        library.rename(entry, newName, then);
    }

    /** Deletes an entry from the store, reloads the library, then runs {@code then}. */
    public void delete(LibraryEntry entry, Runnable then) {
        library.delete(entry, then);
    }

    /**
     * Reads saved comparison {@code id} (and, when it compares profiles, its two profiles) in the background and
     * hands it to {@code loaded}, or a description of the failure to {@code failed}.
     */
    public void loadSavedComparison(long id, Consumer<SavedComparison> loaded, Consumer<String> failed) {
        Task<SavedComparison> task = new Task<>() {
            @Override
            protected SavedComparison call() {
                StoredComparison c = store.findComparison(id).orElseThrow(() ->
                        new IllegalStateException("the comparison c" + id + " is no longer in the store"));
                if (c.kind() == StoredComparison.Kind.RUN) {
                    return new SavedComparison(c, null, null);
                }
                return new SavedComparison(c, store.findProfile(c.baselineId()).orElseThrow(),
                        store.findProfile(c.candidateId()).orElseThrow());
            }
        };
        task.setOnSucceeded(e -> loaded.accept(task.getValue()));
        task.setOnFailed(e -> failed.accept(LibraryViewModel.describe(task.getException())));
        tasks.run(task);
    }

    /** The runner background work of the window and its tabs goes through. */
    TaskRunner tasks() {
        return tasks;
    }

    /** The model of a tab showing stored run {@code runId}. */
    public RunTabModel run(long runId) {
        return new RunTabModel(store, tasks, runId);
    }

    /** The model of a trend tab showing {@code source}. */
    public TrendTabModel trend(TrendTabModel.Source source) {
        return new TrendTabModel(store, tasks, source);
    }

    /** The model of the profile views (and of comparisons of stored profiles). */
    public ProfileTabModel profiles() {
        return profiles;
    }

    /** The model of a tab showing stored perf c2c report {@code reportId}. */
    public C2cTabModel c2c(long reportId) {
        return new C2cTabModel(store, tasks, reportId);
    }

    /** The model of a tab comparing two stored runs. */
    public RunComparisonTabModel runComparison(long baselineRunId, long candidateRunId) {
        return new RunComparisonTabModel(store, tasks, baselineRunId, candidateRunId);
    }

    /** A background task importing {@code files} into the store; the caller tracks and runs it. */
    ImportTask importTask(List<Path> files) {
        return new ImportTask(new ImportService(store), files);
    }

    /** A saved comparison as the store holds it, with its two profiles when it compares profiles (else nulls). */
    public record SavedComparison(StoredComparison comparison, StoredProfile baseline, StoredProfile candidate) {
    }
}
