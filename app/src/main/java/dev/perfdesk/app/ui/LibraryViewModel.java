package dev.perfdesk.app.ui;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.concurrent.Task;

import dev.perfdesk.store.Store;
import dev.perfdesk.store.StoredProfile;
import dev.perfdesk.store.StoredRun;

/**
 * The library's state: every profile and benchmark run in the store, newest import first, filtered by the search
 * text; rename and delete.
 */
public final class LibraryViewModel {
    private final Store store;
    private final TaskRunner tasks;
    private final ObservableList<LibraryEntry> entries = FXCollections.observableArrayList();
    private final FilteredList<LibraryEntry> visible = new FilteredList<>(entries, e -> true);
    private final StringProperty search = new SimpleStringProperty("");
    private final StringProperty labelFilter = new SimpleStringProperty("");
    private final ObservableList<String> labelChoices = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private Consumer<String> errors = message -> { };

    public LibraryViewModel(Store store, TaskRunner tasks) {
        this.store = store;
        this.tasks = tasks;
        search.addListener((obs, old, text) -> filter());
        labelFilter.addListener((obs, old, text) -> filter());
    }

    private void filter() {
        String text = search.get();
        String label = labelFilter.get();
        visible.setPredicate(e -> e.matches(text) && e.hasLabel(label));
    }

    /**
     * The label the library is filtered by, {@code platform=aws-m6i}; empty for any. Only runs and profiles carrying
     * it are shown.
     */
    public StringProperty labelFilterProperty() {
        return labelFilter;
    }

    /**
     * The labels to filter by, {@code key=value}, sorted: every label of the entries except those naming one build
     * (commit, build, ...), at most {@value #MAX_LABEL_CHOICES}.
     */
    public ObservableList<String> labelChoices() {
        return labelChoices;
    }

    /** The most labels the filter offers. */
    static final int MAX_LABEL_CHOICES = 200;

    static List<String> labelChoices(List<LibraryEntry> entries) {
        java.util.TreeSet<String> out = new java.util.TreeSet<>();
        for (LibraryEntry e : entries) {
            e.labels().forEach((k, v) -> {
                if (!dev.perfdesk.core.bench.RunLabels.PER_BUILD.contains(k)) {
                    out.add(k + "=" + v);
                }
            });
        }
        return out.stream().limit(MAX_LABEL_CHOICES).toList();
    }

    /** Where failures are reported (a dialog in the app). */
    public void setErrorHandler(Consumer<String> handler) {
        errors = handler;
    }

    /** The entries shown: all, filtered by {@link #searchProperty()}. */
    public ObservableList<LibraryEntry> visibleEntries() {
        return visible;
    }

    /** Every entry in the store. */
    public ObservableList<LibraryEntry> allEntries() {
        return entries;
    }

    public StringProperty searchProperty() {
        return search;
    }

    /** "12 profiles · 3 runs", for the status bar. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** Reloads the list from the store in the background, then runs {@code then} on the FX thread. */
    public void refresh(Runnable then) {
        Task<List<LibraryEntry>> task = new Task<>() {
            @Override
            protected List<LibraryEntry> call() {
                List<StoredProfile> profiles = store.listProfiles();
                List<StoredRun> runs = store.listRuns();
                List<LibraryEntry> all = new ArrayList<>(profiles.size() + runs.size());
                profiles.forEach(p -> all.add(LibraryEntry.of(p)));
                runs.forEach(r -> all.add(LibraryEntry.of(r)));
                store.listSeries().forEach(x -> all.add(LibraryEntry.of(x)));
                store.listC2c().forEach(x -> all.add(LibraryEntry.of(x)));
                store.listComparisons().forEach(c -> all.add(LibraryEntry.of(c)));
                // Both lists are newest import first; a stable sort keeps file order within one import.
                all.sort(Comparator.comparing(LibraryEntry::imported).reversed());
                return all;
            }
        };
        task.setOnSucceeded(e -> {
            entries.setAll(task.getValue());
            labelChoices.setAll(labelChoices(entries));
            long runs = entries.stream().filter(LibraryEntry::isRun).count();
            long series = entries.stream().filter(en -> en.kind() == LibraryEntry.Kind.SERIES).count();
            long comparisons = entries.stream().filter(en -> en.kind() == LibraryEntry.Kind.COMPARISON).count();
            long c2c = entries.stream().filter(en -> en.kind() == LibraryEntry.Kind.C2C).count();
            String text = summary(entries.size() - runs - series - comparisons - c2c, runs);
            if (c2c > 0) {
                text += String.format(Locale.ROOT, " · %,d c2c %s", c2c, c2c == 1 ? "report" : "reports");
            }
            summary.set(series == 0 ? text : text + String.format(Locale.ROOT, " · %,d %s", series,
                    series == 1 ? "series" : "series"));
            if (then != null) {
                then.run();
            }
        });
        task.setOnFailed(e -> errors.accept(describe(task.getException())));
        tasks.run(task);
    }

    /** {@code 12 profiles}, {@code 1 run}, {@code 2 profiles · 3 runs}. */
    static String summary(long profiles, long runs) {
        String p = String.format(Locale.ROOT, "%,d %s", profiles, profiles == 1 ? "profile" : "profiles");
        String r = String.format(Locale.ROOT, "%,d %s", runs, runs == 1 ? "run" : "runs");
        return runs == 0 ? p : profiles == 0 ? r : p + " · " + r;
    }

    /** Renames an entry, then reloads. */
    public void rename(LibraryEntry entry, String newName, Runnable then) {
        runThenRefresh(() -> {
            if (entry.kind() == LibraryEntry.Kind.C2C) {
                store.c2c().rename(entry.id(), newName);
            } else if (entry.kind() == LibraryEntry.Kind.COMPARISON) {
                store.renameComparison(entry.id(), newName);
            } else if (entry.kind() == LibraryEntry.Kind.SERIES) {
                store.renameSeries(entry.id(), newName);
            } else if (entry.isRun()) {
                store.renameRun(entry.id(), newName);
            } else {
                store.renameProfile(entry.id(), newName);
            }
        }, then);
    }

    /** Deletes an entry, then reloads. */
    public void delete(LibraryEntry entry, Runnable then) {
        runThenRefresh(() -> {
            if (entry.kind() == LibraryEntry.Kind.C2C) {
                store.c2c().delete(entry.id());
            } else if (entry.kind() == LibraryEntry.Kind.COMPARISON) {
                store.deleteComparison(entry.id());
            } else if (entry.kind() == LibraryEntry.Kind.SERIES) {
                store.deleteSeries(entry.id());
            } else if (entry.isRun()) {
                store.deleteRun(entry.id());
            } else {
                store.deleteProfile(entry.id());
            }
        }, then);
    }

    private void runThenRefresh(Runnable work, Runnable then) {
        Task<Void> task = new Task<>() {
            @Override
            protected Void call() {
                work.run();
                return null;
            }
        };
        task.setOnSucceeded(e -> refresh(then));
        task.setOnFailed(e -> errors.accept(describe(task.getException())));
        tasks.run(task);
    }

    static String describe(Throwable t) {
        return TaskRunner.describe(t);
    }
}
