package dev.perfdesk.app.ui;

import java.util.ArrayList;
import java.util.List;

import javafx.geometry.Insets;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.stage.Window;

/**
 * Help ▸ Keyboard Shortcuts: every key the application answers to. The window's keys are read from the menus'
 * accelerators, so the list cannot drift from them; the keys that views handle themselves are listed here beside
 * the code that handles them (MainView, LibraryView, FlameGraphPane, FrameSearchBar, FlameGraphViewSkin,
 * TimelineStripSkin, TrendViewSkin).
 */
final class KeyboardShortcuts {
    /** One shortcut: the keys, what they do, and where they work. */
    record Shortcut(String area, String keys, String action) {
    }

    /** The keys views handle themselves, beyond the menus' accelerators. */
    static final List<Shortcut> VIEW_KEYS = List.of(
            new Shortcut("Window", "Esc", "In the open view: clear the time range, else zoom out and clear the "
                    + "search and selection"),
            new Shortcut("Library", "Enter / double-click", "Open the selected item"),
            new Shortcut("Library", "Delete", "Delete the selected item (asks first)"),
            new Shortcut("Library", "F2", "Rename the selected item"),
            new Shortcut("Library", "→ / ←", "Show / hide the other profiles of a file (a JFR recording's events)"),
            new Shortcut("Flame graph", "Click", "Zoom into a frame and select its function in the table"),
            new Shortcut("Flame graph", "Click the root, Esc", "Zoom out"),
            new Shortcut("Flame graph", "Right-click", "Copy, focus on, exclude or collapse a function"),
            new Shortcut("Search field", "Enter / Shift+Enter", "Next / previous match"),
            new Shortcut("Search field", "Esc", "Clear the search and return to the graph"),
            new Shortcut("Timeline", "Drag", "Select a time range"),
            new Shortcut("Timeline", "Click a lane", "Show that thread only (again: all threads)"),
            new Shortcut("Timeline", "Esc, double-click", "Clear the time range"),
            new Shortcut("History table", "Enter / double-click", "Compare the change point's runs"));

    private KeyboardShortcuts() {
    }

    /** The window's shortcuts (the menus' accelerators, in menu order) followed by the views' keys. */
    static List<Shortcut> all(MenuBar bar) {
        List<Shortcut> out = new ArrayList<>();
        for (Menu menu : bar.getMenus()) {
            collect(menu, menu.getText(), out);
        }
        out.addAll(VIEW_KEYS);
        return out;
    }

    private static void collect(Menu menu, String path, List<Shortcut> out) {
        for (MenuItem item : menu.getItems()) {
            if (item instanceof Menu sub) {
                collect(sub, path + " ▸ " + sub.getText(), out);
            } else if (item.getAccelerator() != null) {
                out.add(new Shortcut("Window", item.getAccelerator().getDisplayText(),
                        path + " ▸ " + item.getText().replace("…", "")));
            }
        }
    }

    /** A dialog listing {@code shortcuts} by area. */
    static Alert dialog(List<Shortcut> shortcuts, Window owner) {
        GridPane grid = new GridPane();
        grid.setHgap(16);
        grid.setVgap(4);
        grid.setPadding(new Insets(4));
        grid.getStyleClass().add("shortcut-grid");
        int row = 0;
        String area = null;
        for (Shortcut s : shortcuts) {
            if (!s.area().equals(area)) {
                area = s.area();
                Label title = new Label(area);
                title.getStyleClass().add("shortcut-area");
                title.setStyle("-fx-font-weight: bold; -fx-padding: 6 0 0 0;");
                grid.add(title, 0, row++, 2, 1);
            }
            Label keys = new Label(s.keys());
            keys.getStyleClass().add("shortcut-keys");
            keys.setMinWidth(Region.USE_PREF_SIZE);
            Label action = new Label(s.action());
            action.setWrapText(true);
            action.setPrefWidth(380);
            action.setMinHeight(Region.USE_PREF_SIZE);
            grid.add(keys, 0, row);
            grid.add(action, 1, row++);
        }
        ScrollPane scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(Math.min(560, 22.0 * row + 10));
        scroll.setPrefViewportWidth(600);
        Alert alert = new Alert(Alert.AlertType.INFORMATION);
        alert.setTitle("Keyboard Shortcuts");
        alert.setHeaderText("Keyboard shortcuts");
        alert.getDialogPane().setContent(scroll);
        alert.getDialogPane().getStyleClass().add("shortcuts-dialog");
        if (owner != null) {
            alert.initOwner(owner);
        }
        return alert;
    }
}
