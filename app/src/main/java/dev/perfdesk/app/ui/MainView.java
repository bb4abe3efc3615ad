package dev.perfdesk.app.ui;

import java.nio.file.Path;
import java.util.List;

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
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import dev.perfdesk.app.service.SampleData;

/**
 * The main window's content: menu bar, the library sidebar, tabs of opened items, and the status bar. It builds the
 * window and wires its parts: the {@link MainViewModel} talks to the store, the {@link TabRouter} opens and
 * remembers tabs, and the {@link ImportController} imports files (menu, Ctrl+O, drag and drop, recent files) in
 * the background with progress and cancel.
 */
public final class MainView extends BorderPane {
    /** A view that can take the keyboard commands the window passes on: Ctrl+F and Esc. */
    public interface KeyboardTarget {
        /** Ctrl+F: focus the search field. */
        void focusSearch();

        /** Esc: zoom out or clear; returns whether it did something. */
        boolean escape();
    }

    /** How wide an error message runs before it wraps, in pixels. */
    static final double ERROR_WIDTH = 520;

    private final Settings settings;
    private final MainViewModel model;
    private final LibraryViewModel library;
    private final TabRouter router;
    private final ImportController imports;
    private final LibraryView libraryView;
    private final TabPane tabs = new TabPane();
    private final StatusBar status = new StatusBar();
    private final Menu recentMenu = new Menu("Open Recent");
    private final CheckMenuItem darkTheme = new CheckMenuItem("Dark Theme");
    private final CheckMenuItem showLibrary = new CheckMenuItem("Show Library");
    private double libraryDivider;
    private final SplitPane split;
    private MenuBar menuBar;

    /**
     * @param model       the window's store-facing side
     * @param settings    what is remembered between starts
     * @param profileView builds the view of a loaded profile
     */
    public MainView(MainViewModel model, Settings settings, ProfileTab.ContentFactory profileView) {
        this.settings = settings;
        getStyleClass().add("main-view");
        this.model = model;
        model.setErrorHandler(m -> showError("Something went wrong", m));
        library = model.library();
        router = new TabRouter(tabs, settings, profileView, model, this::showError);
        imports = new ImportController(model, router, settings, model.tasks(), status, this::showError);
        libraryView = new LibraryView(library, this::open, this::rename, this::delete, this::compare);
        status.rightLabel().textProperty().bind(library.summaryProperty());

        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.ALL_TABS);
        tabs.getTabs().addListener((javafx.collections.ListChangeListener<Tab>) c -> router.rememberTabs());
        StackPane center = new StackPane(welcome(), tabs);
        tabs.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(tabs.getTabs()));

        split = new SplitPane(libraryView, center);
        split.setDividerPositions(settings.getDouble("window.divider", 0.24));
        SplitPane.setResizableWithParent(libraryView, false);
        libraryView.setMinWidth(200);

        libraryDivider = split.getDividerPositions()[0];
        setTop(menuBar());
        setCenter(split);
        setBottom(status);
        if (!showLibrary.isSelected()) {
            split.getItems().remove(libraryView);
        }
        imports.acceptDrops(this);
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
        open.setOnAction(e -> imports.chooseFiles(getScene().getWindow()));
        MenuItem samples = new MenuItem("Import Sample Data");
        samples.setOnAction(e -> importFiles(SampleData.files()));
        samples.setDisable(SampleData.files().isEmpty());
        MenuItem close = new MenuItem("Close Tab");
        close.setAccelerator(new KeyCodeCombination(KeyCode.W, KeyCombination.SHORTCUT_DOWN));
        close.setOnAction(e -> router.closeSelectedTab());
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
        file.setOnShowing(e -> imports.fillRecentMenu(recentMenu));
        imports.fillRecentMenu(recentMenu);

        MenuItem find = new MenuItem("Find…");
        find.setAccelerator(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN));
        find.setOnAction(e -> router.currentTarget().ifPresent(KeyboardTarget::focusSearch));
        MenuItem nextTab = new MenuItem("Next Tab");
        nextTab.setAccelerator(new KeyCodeCombination(KeyCode.TAB, KeyCombination.CONTROL_DOWN));
        nextTab.setOnAction(e -> router.selectTab(1));
        MenuItem previousTab = new MenuItem("Previous Tab");
        previousTab.setAccelerator(new KeyCodeCombination(KeyCode.TAB, KeyCombination.CONTROL_DOWN,
                KeyCombination.SHIFT_DOWN));
        previousTab.setOnAction(e -> router.selectTab(-1));
        MenuItem focusLibrary = new MenuItem("Search Library");
        focusLibrary.setAccelerator(new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN));
        focusLibrary.setOnAction(e -> libraryView.searchField().requestFocus());
        darkTheme.setAccelerator(new KeyCodeCombination(KeyCode.T, KeyCombination.SHORTCUT_DOWN,
                KeyCombination.SHIFT_DOWN));
        darkTheme.setOnAction(e -> applyTheme());
        // Hiding the library gives a profile or a run the whole width of the window.
        showLibrary.setAccelerator(new KeyCodeCombination(KeyCode.B, KeyCombination.SHORTCUT_DOWN));
        showLibrary.setSelected(!"false".equals(settings.get("library.visible", "true")));
        showLibrary.setOnAction(e -> setLibraryShown(showLibrary.isSelected()));
        Menu view = new Menu("View", null, find, focusLibrary, showLibrary, new SeparatorMenuItem(), nextTab,
                previousTab, new SeparatorMenuItem(), darkTheme);

        MenuItem about = new MenuItem("About Perfdesk");
        about.setOnAction(e -> {
            Alert a = new Alert(Alert.AlertType.INFORMATION, "Perfdesk 0.1.0\nStore: " + model.storeLocation());
            a.setHeaderText("Perfdesk");
            a.initOwner(getScene().getWindow());
            a.showAndWait();
        });
        MenuItem shortcuts = new MenuItem("Keyboard Shortcuts");
        shortcuts.setAccelerator(new KeyCodeCombination(KeyCode.F1));
        MenuBar bar = new MenuBar(file, view, new Menu("Help", null, shortcuts, new SeparatorMenuItem(), about));
        shortcuts.setOnAction(e -> KeyboardShortcuts.dialog(KeyboardShortcuts.all(bar),
                getScene() == null ? null : getScene().getWindow()).show());
        bar.setUseSystemMenuBar(true);
        menuBar = bar;
        return bar;
    }

    /** Hooks the window-wide keys that menus do not carry (Esc) once the scene exists. */
    public void install(Scene scene) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            // Esc reaches the open view even when the focus is in the library; inside the view it arrives anyway.
            if (e.getCode() == KeyCode.ESCAPE && !router.focusInCurrentView(scene)
                    && router.currentTarget().map(KeyboardTarget::escape).orElse(false)) {
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
        model.refresh(() -> {
            if (model.isEmpty() && !SampleData.files().isEmpty()
                    && !settings.getBoolean("samples.imported", false)) {
                settings.put("samples.imported", true);
                imports.importFiles(SampleData.samplesFirstShown(), true);
            } else {
                router.restoreTabs();
            }
        });
    }

    /** Shows or hides the library beside the tabs; the divider returns where it was. */
    void setLibraryShown(boolean shown) {
        boolean showing = split.getItems().contains(libraryView);
        if (shown == showing) {
            return;
        }
        if (shown) {
            split.getItems().add(0, libraryView);
            split.setDividerPositions(libraryDivider);
        } else {
            libraryDivider = split.getDividerPositions()[0];
            split.getItems().remove(libraryView);
        }
        showLibrary.setSelected(shown);
        settings.put("library.visible", shown);
    }

    /** Whether the library is shown beside the tabs. */
    boolean isLibraryShown() {
        return split.getItems().contains(libraryView);
    }

    /** Saves what the next start should restore. */
    public void saveState() {
        settings.put("window.divider", isLibraryShown() ? split.getDividerPositions()[0] : libraryDivider);
        router.saveState();
    }

    /** Opens an entry in a tab (a profile's view or a run's table), or selects its tab if it is open. */
    public void open(LibraryEntry entry) {
        router.open(entry);
    }

    /** Opens the history of one benchmark across the store's runs, with its change points. */
    public void openHistory(String benchmark) {
        router.openHistory(benchmark);
    }

    /** Opens the comparison of two stored runs, the baseline first, or selects the tab that shows it. */
    public void compareRuns(long baselineRunId, long candidateRunId) {
        router.compareRuns(baselineRunId, candidateRunId);
    }

    /**
     * Opens a tab comparing two entries, or selects the one that does: the earlier import is the baseline, the
     * later the candidate (the tab's Swap button turns them round).
     */
    public void compare(List<LibraryEntry> entries) {
        router.compare(entries);
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
                .ifPresent(name -> model.rename(entry, name, () -> router.renamed(entry, name)));
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
            router.closeTabsOf(entry);
            model.delete(entry, () -> status.setMessage("Deleted “" + entry.title() + "”."));
        }
    }

    /** Imports files in the background and opens what they gave. */
    public void importFiles(List<Path> files) {
        imports.importFiles(files, false);
    }

    void showError(String header, String message) {
        Alert alert = new Alert(Alert.AlertType.ERROR);
        alert.setTitle("Perfdesk");
        alert.setHeaderText(header);
        Label text = new Label(message);
        text.setWrapText(true);
        // The dialog takes its content's preferred width, which for a label is its unwrapped line: fix it, so the
        // message wraps and the dialog stays on screen, however long the file name or message.
        text.setPrefWidth(ERROR_WIDTH);
        text.setMaxWidth(ERROR_WIDTH);
        text.setMinHeight(Region.USE_PREF_SIZE);
        alert.getDialogPane().setContent(text);
        alert.getDialogPane().setPrefWidth(ERROR_WIDTH + 40);
        alert.getDialogPane().setMinHeight(Region.USE_PREF_SIZE);
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

    /** Every keyboard shortcut, as Help ▸ Keyboard Shortcuts lists them. */
    List<KeyboardShortcuts.Shortcut> shortcuts() {
        return KeyboardShortcuts.all(menuBar);
    }
}
