package dev.perfdesk.app.ui;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextInputDialog;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import dev.perfdesk.app.service.ImportService;
import dev.perfdesk.app.service.SampleData;
import dev.perfdesk.store.Store;
import dev.perfdesk.store.StoredComparison;
import dev.perfdesk.store.StoredProfile;

/**
 * The main window's content: menu bar, the library sidebar, tabs of opened items, and the status bar. Opening
 * files (menu, Ctrl+O, drag and drop, recent files) imports them in the background with progress and cancel.
 */
public final class MainView extends BorderPane {
    /** A view that can take the keyboard commands the window passes on: Ctrl+F and Esc. */
    public interface KeyboardTarget {
        /** Ctrl+F: focus the search field. */
        void focusSearch();

        /** Esc: zoom out or clear; returns whether it did something. */
        boolean escape();
    }

    private final Store store;
    private final Settings settings;
    private final TaskRunner tasks;
    private final ProfileTab.ContentFactory profileView;
    private final LibraryViewModel library;
    private final LibraryView libraryView;
    private final TabPane tabs = new TabPane();
    private final StatusBar status = new StatusBar();
    private final Menu recentMenu = new Menu("Open Recent");
    private final CheckMenuItem darkTheme = new CheckMenuItem("Dark Theme");
    private final SplitPane split;

    public MainView(Store store, Settings settings, TaskRunner tasks, ProfileTab.ContentFactory profileView) {
        this.store = store;
        this.settings = settings;
        this.tasks = tasks;
        this.profileView = profileView;
        getStyleClass().add("main-view");
        library = new LibraryViewModel(store, tasks);
        library.setErrorHandler(m -> showError("Something went wrong", m));
        libraryView = new LibraryView(library, this::open, this::rename, this::delete, this::compare);
        status.rightLabel().textProperty().bind(library.summaryProperty());

        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.ALL_TABS);
        tabs.getTabs().addListener((javafx.collections.ListChangeListener<Tab>) c -> rememberTabs());
        StackPane center = new StackPane(welcome(), tabs);
        tabs.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(tabs.getTabs()));

        split = new SplitPane(libraryView, center);
        split.setDividerPositions(settings.getDouble("window.divider", 0.24));
        SplitPane.setResizableWithParent(libraryView, false);
        libraryView.setMinWidth(200);

        setTop(menuBar());
        setCenter(split);
        setBottom(status);
        setUpDragAndDrop();
        darkTheme.setSelected("dark".equals(settings.get("theme", "light")));
    }

    private Node welcome() {
        Label title = new Label("Perfdesk");
        title.getStyleClass().add("welcome-title");
        Label hint = new Label("Open an item from the library, or import a file:\n"
                + "File ▸ Open… (Ctrl+O), or drop profiles or benchmark results here.");
        hint.getStyleClass().add("welcome-hint");
        hint.setWrapText(true);
        VBox box = new VBox(10, title, hint);
        box.setAlignment(Pos.CENTER);
        box.getStyleClass().add("welcome");
        return box;
    }

    private MenuBar menuBar() {
        MenuItem open = new MenuItem("Open…");
        open.setAccelerator(new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN));
        open.setOnAction(e -> chooseFiles());
        MenuItem samples = new MenuItem("Import Sample Data");
        samples.setOnAction(e -> importFiles(SampleData.files()));
        samples.setDisable(SampleData.files().isEmpty());
        MenuItem close = new MenuItem("Close Tab");
        close.setAccelerator(new KeyCodeCombination(KeyCode.W, KeyCombination.SHORTCUT_DOWN));
        close.setOnAction(e -> closeSelectedTab());
        MenuItem quit = new MenuItem("Quit");
        quit.setAccelerator(new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN));
        quit.setOnAction(e -> {
            Window w = getScene() == null ? null : getScene().getWindow();
            if (w != null) {
                w.hide();
            }
        });
        Menu file = new Menu("File", null, open, recentMenu, samples, new SeparatorMenuItem(), close,
                new SeparatorMenuItem(), quit);
        file.setOnShowing(e -> fillRecentMenu());
        fillRecentMenu();

        MenuItem find = new MenuItem("Find…");
        find.setAccelerator(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN));
        find.setOnAction(e -> currentTarget().ifPresent(KeyboardTarget::focusSearch));
        MenuItem nextTab = new MenuItem("Next Tab");
        nextTab.setAccelerator(new KeyCodeCombination(KeyCode.TAB, KeyCombination.CONTROL_DOWN));
        nextTab.setOnAction(e -> selectTab(1));
        MenuItem previousTab = new MenuItem("Previous Tab");
        previousTab.setAccelerator(new KeyCodeCombination(KeyCode.TAB, KeyCombination.CONTROL_DOWN,
                KeyCombination.SHIFT_DOWN));
        previousTab.setOnAction(e -> selectTab(-1));
        MenuItem focusLibrary = new MenuItem("Search Library");
        focusLibrary.setAccelerator(new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN));
        focusLibrary.setOnAction(e -> libraryView.searchField().requestFocus());
        darkTheme.setAccelerator(new KeyCodeCombination(KeyCode.T, KeyCombination.SHORTCUT_DOWN,
                KeyCombination.SHIFT_DOWN));
        darkTheme.setOnAction(e -> applyTheme());
        Menu view = new Menu("View", null, find, focusLibrary, new SeparatorMenuItem(), nextTab, previousTab,
                new SeparatorMenuItem(), darkTheme);

        MenuItem about = new MenuItem("About Perfdesk");
        about.setOnAction(e -> {
            Alert a = new Alert(Alert.AlertType.INFORMATION, "Perfdesk 0.1.0\nStore: " + store.location());
            a.setHeaderText("Perfdesk");
            a.initOwner(getScene().getWindow());
            a.showAndWait();
        });
        MenuBar bar = new MenuBar(file, view, new Menu("Help", null, about));
        bar.setUseSystemMenuBar(true);
        return bar;
    }

    /** Hooks the window-wide keys that menus do not carry (Esc) once the scene exists. */
    public void install(Scene scene) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            // Esc reaches the open view even when the focus is in the library; inside the view it arrives anyway.
            if (e.getCode() == KeyCode.ESCAPE && !focusInCurrentView(scene)
                    && currentTarget().map(KeyboardTarget::escape).orElse(false)) {
                e.consume();
            }
        });
        applyTheme();
    }

    private void applyTheme() {
        boolean dark = darkTheme.isSelected();
        settings.put("theme", dark ? "dark" : "light");
        Scene scene = getScene();
        if (scene != null) {
            Themes.apply(scene, dark);
        }
    }

    /** Loads the library, imports the sample data into an empty store, and reopens the tabs of last time. */
    public void start() {
        library.refresh(() -> {
            if (library.allEntries().isEmpty() && !SampleData.files().isEmpty()
                    && !settings.getBoolean("samples.imported", false)) {
                settings.put("samples.imported", true);
                importFiles(SampleData.samplesFirstShown(), true);
            } else {
                for (String key : settings.openTabs()) {
                    library.allEntries().stream().filter(en -> en.key().equals(key)).findFirst()
                            .ifPresent(this::open);
                }
                if (!tabs.getTabs().isEmpty()) {
                    int selected = (int) settings.getDouble("tabs.selected", 0);
                    tabs.getSelectionModel().select(Math.max(0, Math.min(selected, tabs.getTabs().size() - 1)));
                }
            }
        });
    }

    /** Saves what the next start should restore. */
    public void saveState() {
        settings.put("window.divider", split.getDividerPositions()[0]);
        settings.put("tabs.selected", tabs.getSelectionModel().getSelectedIndex());
        rememberTabs();
    }

    private void rememberTabs() {
        List<String> keys = new ArrayList<>();
        for (Tab t : tabs.getTabs()) {
            if (t instanceof ProfileTab) {
                keys.add(LibraryEntry.key(LibraryEntry.Kind.PROFILE, ((ProfileTab) t).profileId()));
            } else if (t instanceof RunTab) {
                keys.add(LibraryEntry.key(LibraryEntry.Kind.RUN, ((RunTab) t).runId()));
            } else if (t instanceof TrendTab && ((TrendTab) t).source().benchmark() == null) {
                keys.add(LibraryEntry.key(LibraryEntry.Kind.SERIES, ((TrendTab) t).source().seriesId()));
            }
        }
        settings.setOpenTabs(keys);
    }

    /** Whether tab {@code t} shows the item of {@code entry}. */
    private static boolean shows(Tab t, LibraryEntry entry) {
        return t instanceof ProfileTab && entry.is(LibraryEntry.Kind.PROFILE, ((ProfileTab) t).profileId())
                || t instanceof RunTab && entry.is(LibraryEntry.Kind.RUN, ((RunTab) t).runId())
                || t instanceof TrendTab && ((TrendTab) t).source().benchmark() == null
                        && entry.is(LibraryEntry.Kind.SERIES, ((TrendTab) t).source().seriesId());
    }

    /** Opens an entry in a tab (a profile's view or a run's table), or selects its tab if it is open. */
    public void open(LibraryEntry entry) {
        if (entry == null) {
            return;
        }
        for (Tab t : tabs.getTabs()) {
            if (shows(t, entry)) {
                tabs.getSelectionModel().select(t);
                return;
            }
        }
        if (entry.kind() == LibraryEntry.Kind.COMPARISON) {
            openSavedComparison(entry.id());
            return;
        }
        Tab tab;
        if (entry.kind() == LibraryEntry.Kind.SERIES) {
            tab = new TrendTab(store, tasks, TrendTab.Source.series(entry.id()), this::compareRuns);
        } else if (entry.isRun()) {
            RunTab runTab = new RunTab(store, entry, tasks);
            runTab.setOnHistory(this::openHistory);
            tab = runTab;
        } else {
            ProfileTab profileTab = new ProfileTab(store, entry, tasks, profileView);
            profileTab.setOnProfileChanged(this::rememberTabs);
            tab = profileTab;
        }
        tabs.getTabs().add(tab);
        tabs.getSelectionModel().select(tab);
    }

    /** Opens a saved comparison: of two runs, or of two profiles. */
    private void openSavedComparison(long id) {
        javafx.concurrent.Task<SavedComparison> task = new javafx.concurrent.Task<>() {
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
        task.setOnSucceeded(e -> {
            SavedComparison saved = task.getValue();
            StoredComparison c = saved.comparison();
            if (c.kind() == StoredComparison.Kind.RUN) {
                compareRuns(c.baselineId(), c.candidateId());
            } else {
                compare(List.of(LibraryEntry.of(saved.baseline()), LibraryEntry.of(saved.candidate())));
            }
        });
        task.setOnFailed(e -> showError("Cannot open the comparison", LibraryViewModel.describe(task.getException())));
        tasks.run(task);
    }

    /** Opens the history of one benchmark across the store's runs, with its change points. */
    public void openHistory(String benchmark) {
        for (Tab t : tabs.getTabs()) {
            if (t instanceof TrendTab && benchmark.equals(((TrendTab) t).source().benchmark())) {
                tabs.getSelectionModel().select(t);
                return;
            }
        }
        TrendTab tab = new TrendTab(store, tasks, TrendTab.Source.benchmark(benchmark), this::compareRuns);
        tabs.getTabs().add(tab);
        tabs.getSelectionModel().select(tab);
    }

    /** Opens the comparison of two stored runs, the baseline first, or selects the tab that shows it. */
    public void compareRuns(long baselineRunId, long candidateRunId) {
        for (Tab t : tabs.getTabs()) {
            if (t instanceof RunComparisonTab && ((RunComparisonTab) t).compares(baselineRunId, candidateRunId)) {
                tabs.getSelectionModel().select(t);
                return;
            }
        }
        RunComparisonTab tab = new RunComparisonTab(store, tasks, baselineRunId, candidateRunId);
        tab.setOnSaved(() -> library.refresh(null));
        tabs.getTabs().add(tab);
        tabs.getSelectionModel().select(tab);
    }

    /**
     * Opens a tab comparing two entries, or selects the one that does: the earlier import is the baseline, the
     * later the candidate (the tab's Swap button turns them round).
     */
    public void compare(List<LibraryEntry> entries) {
        if (!LibraryView.canCompare(entries)) {
            return;
        }
        List<LibraryEntry> ordered = new ArrayList<>(entries);
        ordered.sort(Comparator.comparing(LibraryEntry::imported).thenComparingLong(LibraryEntry::id));
        LibraryEntry baseline = ordered.get(0);
        LibraryEntry candidate = ordered.get(1);
        if (baseline.isRun()) {
            compareRuns(baseline.id(), candidate.id());
            return;
        }
        for (Tab t : tabs.getTabs()) {
            if (t instanceof ComparisonTab && ((ComparisonTab) t).compares(baseline.id(), candidate.id())) {
                tabs.getSelectionModel().select(t);
                return;
            }
        }
        ComparisonTab tab = new ComparisonTab(store, baseline, candidate, tasks);
        tabs.getTabs().add(tab);
        tabs.getSelectionModel().select(tab);
    }

    private void rename(LibraryEntry entry) {
        if (entry == null) {
            return;
        }
        TextInputDialog dialog = new TextInputDialog(entry.title());
        dialog.setTitle("Rename");
        dialog.setHeaderText("Rename “" + entry.title() + "”");
        dialog.setContentText("Name:");
        dialog.initOwner(getScene().getWindow());
        dialog.showAndWait().map(String::strip).filter(s -> !s.isEmpty() && !s.equals(entry.title()))
                .ifPresent(name -> library.rename(entry, name, () -> tabs.getTabs().stream()
                        .filter(t -> shows(t, entry)).forEach(t -> t.setText(name))));
    }

    private void delete(LibraryEntry entry) {
        if (entry == null) {
            return;
        }
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION, "“" + entry.title() + "” will be removed from the "
                + "store. The file it was imported from is not touched.", ButtonType.CANCEL, ButtonType.OK);
        confirm.setTitle("Delete");
        confirm.setHeaderText(entry.isRun() ? "Delete this run?" : "Delete this profile?");
        confirm.initOwner(getScene().getWindow());
        if (confirm.showAndWait().orElse(ButtonType.CANCEL) == ButtonType.OK) {
            tabs.getTabs().removeIf(t -> shows(t, entry)
                    || !entry.isRun() && t instanceof ComparisonTab && ((ComparisonTab) t).involves(entry.id()));
            library.delete(entry, () -> status.setMessage("Deleted “" + entry.title() + "”."));
        }
    }

    private void chooseFiles() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open profiles and benchmark results");
        List<Path> recent = settings.recentFiles();
        if (!recent.isEmpty() && recent.get(0).getParent() != null && Files.isDirectory(recent.get(0).getParent())) {
            chooser.setInitialDirectory(recent.get(0).getParent().toFile());
        }
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("All files", "*"),
                new FileChooser.ExtensionFilter("perf script text", "*.txt", "*.perf", "*.perf.txt", "*.gz"),
                new FileChooser.ExtensionFilter("Folded stacks", "*.folded", "*.collapsed", "*.txt", "*.gz"),
                new FileChooser.ExtensionFilter("Benchmark results", "*.json", "*.ndjson", "*.jtl", "*.csv",
                        "*.hlog", "*.txt"));
        List<File> chosen = chooser.showOpenMultipleDialog(getScene().getWindow());
        if (chosen != null && !chosen.isEmpty()) {
            importFiles(chosen.stream().map(File::toPath).toList());
        }
    }

    private void fillRecentMenu() {
        recentMenu.getItems().clear();
        for (Path p : settings.recentFiles()) {
            MenuItem item = new MenuItem(p.getFileName() + "  —  " + p.getParent());
            item.setMnemonicParsing(false);
            item.setOnAction(e -> importFiles(List.of(p)));
            recentMenu.getItems().add(item);
        }
        recentMenu.setDisable(recentMenu.getItems().isEmpty());
    }

    /** Imports files in the background and opens what they gave. */
    public void importFiles(List<Path> files) {
        importFiles(files, false);
    }

    /**
     * Imports files in the background; opens what each file gave, or with {@code openOne} only the first profile
     * (the sample data: a new user is shown one flame graph, not a tab per sample file).
     */
    private void importFiles(List<Path> files, boolean openOne) {
        if (files.isEmpty()) {
            return;
        }
        if (status.isBusy()) {
            showError("Import in progress", "Another import is running; wait for it or cancel it first.");
            return;
        }
        ImportTask task = new ImportTask(new ImportService(store), files);
        task.setOnSucceeded(e -> {
            ImportTask.Outcome outcome = task.getValue();
            for (ImportService.Result r : outcome.results()) {
                settings.addRecentFile(r.file());
            }
            library.refresh(() -> {
                for (ImportService.Result r : outcome.results()) {
                    if (openOne && !tabs.getTabs().isEmpty()) {
                        break;
                    }
                    if (openOne && r.profiles().isEmpty()) {
                        continue;
                    }
                    if (!r.profiles().isEmpty()) {
                        StoredProfile first = r.profiles().get(0);
                        open(LibraryEntry.of(first));
                    } else if (!r.runs().isEmpty()) {
                        open(LibraryEntry.of(r.runs().get(0)));
                    }
                }
                long duplicates = outcome.results().stream().filter(ImportService.Result::duplicate).count();
                if (duplicates > 0) {
                    status.setMessage(duplicates + " file(s) were already in the store and were not imported again.");
                }
            });
            if (!outcome.failures().isEmpty()) {
                showError(String.join("\n", outcome.failures()));
            }
        });
        task.setOnFailed(e -> showError(LibraryViewModel.describe(task.getException())));
        task.setOnCancelled(e -> library.refresh(null));
        status.track(task);
        tasks.run(task);
    }

    private void setUpDragAndDrop() {
        setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        setOnDragDropped(e -> {
            boolean ok = e.getDragboard().hasFiles();
            if (ok) {
                List<Path> files = e.getDragboard().getFiles().stream().map(File::toPath)
                        .filter(Files::isRegularFile).toList();
                Platform.runLater(() -> importFiles(files));
            }
            e.setDropCompleted(ok);
            e.consume();
        });
    }

    private void closeSelectedTab() {
        Tab t = tabs.getSelectionModel().getSelectedItem();
        if (t != null) {
            tabs.getTabs().remove(t);
        }
    }

    private void selectTab(int delta) {
        int n = tabs.getTabs().size();
        if (n > 0) {
            int i = tabs.getSelectionModel().getSelectedIndex();
            tabs.getSelectionModel().select(((i + delta) % n + n) % n);
        }
    }

    private boolean focusInCurrentView(Scene scene) {
        Tab t = tabs.getSelectionModel().getSelectedItem();
        Node content = t == null ? null : t.getContent();
        for (Node n = scene.getFocusOwner(); n != null; n = n.getParent()) {
            if (n == content) {
                return true;
            }
        }
        return false;
    }

    private Optional<KeyboardTarget> currentTarget() {
        Tab t = tabs.getSelectionModel().getSelectedItem();
        if (t != null && t.getContent() instanceof KeyboardTarget) {
            return Optional.of((KeyboardTarget) t.getContent());
        }
        return Optional.empty();
    }

    void showError(String message) {
        showError("Could not import", message);
    }

    void showError(String header, String message) {
        Alert alert = new Alert(Alert.AlertType.ERROR);
        alert.setTitle("Perfdesk");
        alert.setHeaderText(header);
        Label text = new Label(message);
        text.setWrapText(true);
        text.setMaxWidth(560);
        alert.getDialogPane().setContent(text);
        if (getScene() != null && getScene().getWindow() != null) {
            alert.initOwner(getScene().getWindow());
        }
        alert.show();
    }

    public TabPane tabs() {
        return tabs;
    }

    public LibraryView libraryView() {
        return libraryView;
    }

    public LibraryViewModel library() {
        return library;
    }

    public StatusBar statusBar() {
        return status;
    }

    /** A saved comparison as the store holds it, with its two profiles when it compares profiles (else nulls). */
    private record SavedComparison(StoredComparison comparison, StoredProfile baseline, StoredProfile candidate) {
    }
}
