package dev.perfdesk.viewers;

import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import javafx.geometry.Insets;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * Sizes a table's number columns to their content: each column is made exactly as wide as its widest value (and
 * its header) in the table's font, and fixed there, so numbers and their units never end in "…"; the name column
 * takes the rest of the width ({@link #fillWith}), and the table scrolls sideways when even that is too little.
 *
 * <pre>{@code
 * ColumnFit.fit(selfColumn, rows, r -> format(r.self()));
 * }</pre>
 */
public final class ColumnFit {
    /** A cell's padding and a margin, in pixels, added to the widest value. */
    static final double PADDING = 12;
    /** A header's padding and its sort arrow's room, in pixels, added to the header's text. */
    static final double HEADER_PADDING = 22;
    /** How many of the longest texts are measured: widths follow character counts closely for digits. */
    private static final int MEASURED = 24;
    /** The width a vertical scroll bar takes, left free beside the columns. */
    private static final double SCROLL_BAR = 16;

    private ColumnFit() {
    }

    /** Fixes {@code column}'s width to the widest of {@code rows} formatted by {@code text}, or its header. */
    public static <R> void fit(TableColumn<?, ?> column, List<R> rows, Function<R, String> text) {
        double width = width(column.getText(), rows.stream().map(text));
        column.setMinWidth(width);
        column.setPrefWidth(width);
        column.setMaxWidth(width);
    }

    /** The width the widest of {@code header} and {@code texts} needs in a cell, padding included. */
    public static double width(String header, Stream<String> texts) {
        Text probe = new Text();
        Font font = Font.font(Font.getDefault().getFamily(), 13);
        probe.setFont(font);
        double widest = measure(probe, header == null ? "" : header) + HEADER_PADDING - PADDING;
        List<String> longest = texts.filter(s -> s != null).sorted(Comparator.comparingInt(String::length)
                .reversed()).limit(MEASURED).toList();
        for (String s : longest) {
            widest = Math.max(widest, measure(probe, s));
        }
        return Math.ceil(widest + PADDING);
    }

    /**
     * Gives {@code name} the table's width left by the other columns, never less than {@code minWidth}: the table
     * is unconstrained, so when the fitted number columns and the name's minimum do not fit, the table scrolls
     * sideways instead of cutting a column off. Call once, after the columns are added.
     */
    public static void fillWith(TableView<?> table, TableColumn<?, ?> name, double minWidth) {
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        name.setMinWidth(minWidth);
        Runnable fill = () -> {
            double others = 0;
            for (TableColumn<?, ?> c : table.getVisibleLeafColumns()) {
                if (c != name) {
                    others += c.getWidth();
                }
            }
            Insets in = table.getInsets();
            // room for the vertical scroll bar, so adding rows does not make a horizontal one appear
            double available = table.getWidth() - in.getLeft() - in.getRight() - others - SCROLL_BAR;
            name.setPrefWidth(Math.max(minWidth, Math.floor(available)));
        };
        javafx.beans.InvalidationListener listener = o -> fill.run();
        table.widthProperty().addListener(listener);
        for (TableColumn<?, ?> c : table.getVisibleLeafColumns()) {
            if (c != name) {
                c.widthProperty().addListener(listener);
            }
        }
        fill.run();
    }

    private static double measure(Text probe, String s) {
        probe.setText(s);
        return probe.getLayoutBounds().getWidth();
    }
}
