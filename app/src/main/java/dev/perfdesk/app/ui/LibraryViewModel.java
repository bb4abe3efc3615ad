package dev.perfdesk.app.ui;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
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
    private final ObservableList<LibraryEntry> visible = FXCollections.observableArrayList();
    private final StringProperty search = new SimpleStringProperty("");
    private final StringProperty labelFilter = new SimpleStringProperty("");
    private final ObservableList<String> labelChoices = FXCollections.observableArrayList();
    private final BooleanProperty importing = new SimpleBooleanProperty(false);
    /** The groups (files with several profiles) shown expanded. */
    private final Set<String> expanded = new HashSet<>();
    /** Group key to its entries, in list order, for groups of two or more. */
    private Map<String, List<LibraryEntry>> groups = Map.of();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private Consumer<String> errors = message -> { };

    public LibraryViewModel(Store store, TaskRunner tasks) {
        this.store = store;
        this.tasks = tasks;
        search.addListener((obs, old, text) -> updateVisible());
        labelFilter.addListener((obs, old, text) -> updateVisible());
        entries.addListener((javafx.collections.ListChangeListener<LibraryEntry>) c -> {
            Map<String, List<LibraryEntry>> byGroup = new LinkedHashMap<>();
            for (LibraryEntry e : entries) {
                if (!e.group().isEmpty()) {
                    byGroup.computeIfAbsent(e.group(), g -> new ArrayList<>()).add(e);
                }
            }
            byGroup.values().removeIf(l -> l.size() < 2);
            groups = byGroup;
            updateVisible();
        });
    }

    /**
     * The shown list: with no search, a file's several profiles (a JFR recording's event kinds) as one entry, its
     * first profile, followed by the others only when the group is {@link #toggle expanded}; with a search, every
     * matching entry.
     */
    private void updateVisible() {
        String text = search.get();
        String label = labelFilter.get();
        List<LibraryEntry> out = new ArrayList<>();
        if (isSearching()) {
            entries.stream().filter(e -> e.matches(text) && e.hasLabel(label)).forEach(out::add);
        } else {
            for (LibraryEntry e : entries) {
                List<LibraryEntry> group = groups.get(e.group());
                if (group == null || group.get(0) == e) {
                    out.add(e);
                } else if (expanded.contains(e.group())) {
                    out.add(e);
                }
            }
        }
        visible.setAll(out);
    }

    /** Whether {@code e} stands for a file with several profiles (the group's first entry, shown as the file). */
    public boolean isGroupHead(LibraryEntry e) {
        List<LibraryEntry> group = groups.get(e.group());
        return group != null && group.get(0) == e && !isSearching();
    }

    /** Whether {@code e} is shown under its file's entry (a group member other than the first). */
    public boolean isGroupMember(LibraryEntry e) {
        List<LibraryEntry> group = groups.get(e.group());
        return group != null && group.get(0) != e && !isSearching();
    }

    /** How many profiles the file of {@code e} gave (1 when it is alone). */
    public int groupSize(LibraryEntry e) {
        List<LibraryEntry> group = groups.get(e.group());
        return group == null ? 1 : group.size();
    }

    /** Whether the group of {@code e} shows its members. */
    public boolean isExpanded(LibraryEntry e) {
        return expanded.contains(e.group());
    }

    /** Shows or hides the other profiles of the file of {@code e}. */
    public void toggle(LibraryEntry e) {
        if (groups.containsKey(e.group()) && !expanded.remove(e.group())) {
            expanded.add(e.group());
        }
        updateVisible();
    }

    /** Searching or filtering by a label: a flat list of what matches, files not grouped. */
    private boolean isSearching() {
        return search.get() != null && !search.get().isBlank()
                || labelFilter.get() != null && !labelFilter.get().isBlank();
    }

    /** Whether an import is running, so an empty library says it is importing rather than that it is empty. */
    public BooleanProperty importingProperty() {
        return importing;
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

    /** The entries shown: all, filtered by {@link #searchProperty()}, a file's profiles grouped (see below). */
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
