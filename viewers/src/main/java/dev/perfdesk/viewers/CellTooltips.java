package dev.perfdesk.viewers;

import java.util.function.Supplier;

import javafx.scene.control.IndexedCell;
import javafx.scene.control.Tooltip;

/**
 * Tooltips for table cells, made when the mouse first comes over a cell rather than one per cell up front: a
 * tooltip is a window of its own, and a table makes a cell per visible row and column.
 *
 * <pre>{@code
 * CellTooltips.install(this, () -> getItem());   // in a cell's constructor
 * }</pre>
 */
public final class CellTooltips {

    private CellTooltips() {
    }

    /** Shows {@code text} (read each time the mouse comes; null for none) over {@code cell} while it is not empty. */
    public static void install(IndexedCell<?> cell, Supplier<String> text) {
        cell.setOnMouseEntered(e -> {
            String value = cell.isEmpty() ? null : text.get();
            if (value == null) {
                cell.setTooltip(null);
                return;
            }
            Tooltip tip = cell.getTooltip();
            if (tip == null) {
                tip = new Tooltip();
                cell.setTooltip(tip);
            }
            tip.setText(value);
        });
    }
}
