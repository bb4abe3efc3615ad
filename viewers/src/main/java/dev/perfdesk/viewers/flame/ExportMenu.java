package dev.perfdesk.viewers.flame;

import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import javafx.scene.Node;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;

import dev.perfdesk.viewers.ExportDialogs;

/**
 * The Export menu of the flame graph panes: each item asks where to write (a file chooser with the item's pattern
 * and a suggested name) and reports the outcome on the pane's status line.
 *
 * <pre>{@code
 * new ExportMenu(this, () -> vm.getState() != null, status::setText, List.of(
 *         new ExportMenu.Item("Interactive SVG…", "SVG image", "*.svg", "flame.svg", this::exportSvg)));
 * }</pre>
 */
public final class ExportMenu extends MenuButton {
    /**
     * One export.
     *
     * @param label       the menu item's text
     * @param description what is written, for the dialog's title and file type
     * @param pattern     the file name pattern: {@code *.svg}
     * @param initialName the suggested file name
     * @param writer      writes the file
     */
    public record Item(String label, String description, String pattern, String initialName,
                       ExportDialogs.Writer writer) {
    }

    /**
     * @param owner  the pane the dialog belongs to
     * @param ready  whether there is something to export (nothing happens otherwise)
     * @param report where the outcome is said
     * @param items  the exports, in menu order
     */
    public ExportMenu(Node owner, BooleanSupplier ready, Consumer<String> report, List<Item> items) {
        super("Export");
        for (Item item : items) {
            MenuItem menuItem = new MenuItem(item.label());
            menuItem.setOnAction(e -> {
                if (ready.getAsBoolean() && owner.getScene() != null) {
                    ExportDialogs.export(owner, "Export " + item.description(), item.description(), item.pattern(),
                            item.initialName(), item.writer(), report);
                }
            });
            getItems().add(menuItem);
        }
    }
}
