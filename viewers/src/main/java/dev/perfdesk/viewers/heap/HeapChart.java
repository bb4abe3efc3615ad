package dev.perfdesk.viewers.heap;

import java.util.List;
import java.util.Locale;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

import dev.perfdesk.core.heap.HeapSeries;
import dev.perfdesk.core.heap.HeapSeries.Snapshot;
import dev.perfdesk.core.model.WeightUnit;

/**
 * Memory in use over time, as Valgrind Massif recorded it: useful heap, extra heap and stacks stacked, over the
 * snapshots' times in the file's unit (instructions, ms or bytes allocated). The peak is marked, detailed snapshots
 * (those with a tree) are dots on the total, and the selected one a line; a click picks the nearest detailed snapshot
 * ({@link #selectedProperty()}), the arrow keys the previous or next one.
 *
 * <pre>{@code
 * HeapChart chart = new HeapChart();
 * chart.setSeries(HeapSeries.of(profile.info()));
 * chart.selectedProperty().addListener((o, was, now) -> showTreeOf(now));
 * }</pre>
 */
public class HeapChart extends Region {
    static final Color HEAP = Color.web("#3b6fd8");
    static final Color EXTRA = Color.web("#f08c00");
    static final Color STACKS = Color.web("#2b8a3e");
    static final Color PEAK = Color.web("#d92626");

    private final Canvas canvas = new Canvas();
    private final ObjectProperty<HeapSeries> series = new SimpleObjectProperty<>(this, "series");
    private final ObjectProperty<Snapshot> selected = new SimpleObjectProperty<>(this, "selected");
    private final Tooltip tip = new Tooltip();
    private HeapChartLayout layout;

    public HeapChart() {
        getStyleClass().add("heap-chart");
        getChildren().add(canvas);
        setFocusTraversable(true);
        setPrefHeight(210);
        setMinHeight(150);
        series.addListener(o -> {
            selected.set(null);
            draw();
        });
        selected.addListener(o -> draw());
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            requestFocus();
            if (layout != null) {
                Snapshot s = layout.pick(e.getX());
                if (s != null) {
                    selected.set(s);
                }
            }
        });
        canvas.addEventHandler(MouseEvent.MOUSE_MOVED, e -> {
            Snapshot s = layout == null ? null : layout.pick(e.getX());
            if (s == null) {
                Tooltip.uninstall(canvas, tip);
            } else {
                tip.setText(describe(s) + "\nClick to show its tree");
                Tooltip.install(canvas, tip);
            }
        });
        addEventHandler(KeyEvent.KEY_PRESSED, this::key);
    }

    /** The series drawn; null draws nothing. Setting it clears the selection. */
    public ObjectProperty<HeapSeries> seriesProperty() {
        return series;
    }

    public HeapSeries getSeries() {
        return series.get();
    }

    public void setSeries(HeapSeries value) {
        series.set(value);
    }

    /** The detailed snapshot whose tree is shown, or null. */
    public ObjectProperty<Snapshot> selectedProperty() {
        return selected;
    }

    public Snapshot getSelected() {
        return selected.get();
    }

    public void setSelected(Snapshot value) {
        selected.set(value);
    }

    /** A snapshot for people: its number, time, total and parts. */
    public static String describe(Snapshot s) {
        return describe(null, s);
    }

    private static String describe(HeapSeries series, Snapshot s) {
        String time = series == null ? String.format(Locale.ROOT, "%,d", s.time()) : series.formatTime(s.time());
        return String.format(Locale.ROOT, "Snapshot %d%s at %s: %s (heap %s, extra heap %s, stacks %s)", s.number(),
                s.tree() == HeapSeries.Tree.PEAK ? " (peak)" : "", time, WeightUnit.BYTES.format(s.total()),
                WeightUnit.BYTES.format(s.heap()), WeightUnit.BYTES.format(s.extraHeap()),
                WeightUnit.BYTES.format(s.stacks()));
    }

    private void key(KeyEvent e) {
        HeapSeries s = series.get();
        if (s == null || (e.getCode() != KeyCode.LEFT && e.getCode() != KeyCode.RIGHT)) {
            return;
        }
        List<Snapshot> detailed = s.detailed();
        if (detailed.isEmpty()) {
            return;
        }
        int at = detailed.indexOf(selected.get());
        int next = at < 0 ? (e.getCode() == KeyCode.LEFT ? detailed.size() - 1 : 0)
                : Math.max(0, Math.min(detailed.size() - 1, at + (e.getCode() == KeyCode.LEFT ? -1 : 1)));
        selected.set(detailed.get(next));
        e.consume();
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth() - snappedLeftInset() - snappedRightInset();
        double h = getHeight() - snappedTopInset() - snappedBottomInset();
        canvas.relocate(snappedLeftInset(), snappedTopInset());
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(Math.max(0, w));
            canvas.setHeight(Math.max(0, h));
        }
        draw();
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        boolean dark = getScene() != null && getScene().getStylesheets().stream().anyMatch(s -> s.contains("dark"));
        Color background = dark ? Color.web("#1e1f22") : Color.web("#fbfbfc");
        Color text = dark ? Color.web("#c9cdd3") : Color.web("#4a5059");
        Color grid = dark ? Color.web("#3a3d44") : Color.web("#e3e5e8");
        Color strong = dark ? Color.web("#e6e8eb") : Color.web("#1d2126");
        g.setFill(background);
        g.fillRect(0, 0, w, h);
        HeapSeries s = series.get();
        g.setFont(Font.font(11));
        if (s == null || s.snapshots().isEmpty() || w < 10 || h < 10) {
            layout = null;
            return;
        }
        HeapChartLayout l = HeapChartLayout.of(s, w, h);
        layout = l;
        g.setLineWidth(1);
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.RIGHT);
        for (HeapChartLayout.Tick t : l.byteTicks()) {
            g.setStroke(grid);
            double y = Math.round(t.position()) + 0.5;
            g.strokeLine(l.left(), y, l.left() + l.width(), y);
            g.setFill(text);
            g.fillText(t.label(), l.left() - 6, t.position());
        }
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.CENTER);
        double bottom = l.top() + l.height();
        for (HeapChartLayout.Tick t : l.timeTicks()) {
            g.setStroke(grid);
            g.strokeLine(t.position(), bottom, t.position(), bottom + 4);
            g.setFill(text);
            g.fillText(t.label(), Math.max(l.left() + 20, Math.min(l.left() + l.width() - 20, t.position())),
                    bottom + 5);
        }
        g.setTextAlign(TextAlignment.RIGHT);
        g.fillText("time (" + s.timeUnitLabel() + ")", l.left() + l.width(), bottom + 19);
        List<Snapshot> snaps = s.snapshots();
        // Stacked from the bottom: heap, then extra heap, then stacks.
        area(g, l, snaps, 0, HEAP);
        area(g, l, snaps, 1, EXTRA);
        area(g, l, snaps, 2, STACKS);
        g.setStroke(strong);
        g.setLineWidth(1.2);
        g.beginPath();
        for (int i = 0; i < snaps.size(); i++) {
            double x = l.x(snaps.get(i).time());
            double y = l.y(snaps.get(i).total());
            if (i == 0) {
                g.moveTo(x, y);
            } else {
                g.lineTo(x, y);
            }
        }
        g.stroke();
        g.setLineWidth(1);
        for (Snapshot d : s.detailed()) {
            double x = l.x(d.time());
            double y = l.y(d.total());
            g.setFill(background);
            g.fillOval(x - 3.5, y - 3.5, 7, 7);
            g.setStroke(strong);
            g.strokeOval(x - 3.5, y - 3.5, 7, 7);
        }
        Snapshot peak = s.peak();
        if (peak != null) {
            double x = l.x(peak.time());
            g.setStroke(PEAK);
            g.setLineDashes(4, 3);
            g.strokeLine(x, l.top(), x, bottom);
            g.setLineDashes();
            g.setFill(PEAK);
            double y = l.y(peak.total());
            g.fillOval(x - 4.5, y - 4.5, 9, 9);
            String label = (peak.tree() == HeapSeries.Tree.PEAK ? "peak " : "largest ") + WeightUnit.BYTES.format(
                    peak.total()) + " (snapshot " + peak.number() + ")";
            g.setFont(Font.font(null, FontWeight.BOLD, 11));
            g.setTextBaseline(VPos.BOTTOM);
            boolean right = x < l.left() + l.width() * 0.7;
            g.setTextAlign(right ? TextAlignment.LEFT : TextAlignment.RIGHT);
            g.fillText(label, right ? x + 6 : x - 6, l.top() + 14);
            g.setFont(Font.font(11));
        }
        Snapshot sel = selected.get();
        if (sel != null) {
            double x = l.x(sel.time());
            g.setStroke(dark ? Color.web("#4c8bf5") : Color.web("#1c7ed6"));
            g.setLineWidth(2);
            g.strokeLine(x, l.top(), x, bottom);
            g.setLineWidth(1);
        }
        legend(g, l, s, sel, text, strong);
    }

    /** Fills the band of part {@code part} (0 heap, 1 extra heap, 2 stacks) stacked on the parts below it. */
    private static void area(GraphicsContext g, HeapChartLayout l, List<Snapshot> snaps, int part, Color colour) {
        g.setFill(Color.color(colour.getRed(), colour.getGreen(), colour.getBlue(), 0.55));
        g.beginPath();
        for (int i = 0; i < snaps.size(); i++) {
            Snapshot s = snaps.get(i);
            double x = l.x(s.time());
            double y = l.y(upTo(s, part));
            if (i == 0) {
                g.moveTo(x, y);
            } else {
                g.lineTo(x, y);
            }
        }
        for (int i = snaps.size() - 1; i >= 0; i--) {
            Snapshot s = snaps.get(i);
            g.lineTo(l.x(s.time()), l.y(part == 0 ? 0 : upTo(s, part - 1)));
        }
        g.closePath();
        g.fill();
    }

    private static long upTo(Snapshot s, int part) {
        long v = s.heap();
        if (part >= 1) {
            v += s.extraHeap();
        }
        if (part >= 2) {
            v += s.stacks();
        }
        return v;
    }

    private void legend(GraphicsContext g, HeapChartLayout l, HeapSeries s, Snapshot sel, Color text, Color strong) {
        double x = l.left();
        double y = 4;
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.LEFT);
        String[] names = {"useful heap", "extra heap", "stacks"};
        Color[] colours = {HEAP, EXTRA, STACKS};
        for (int i = 0; i < 3; i++) {
            g.setFill(Color.color(colours[i].getRed(), colours[i].getGreen(), colours[i].getBlue(), 0.75));
            g.fillRect(x, y + 2, 10, 10);
            g.setFill(text);
            g.fillText(names[i], x + 14, y);
            x += 14 + names[i].length() * 6.2 + 14;
        }
        g.setFill(text);
        g.fillText("○ detailed snapshot (has a tree)", x, y);
        x += 200;
        if (sel != null) {
            g.setFill(strong);
            String shown = "Tree shown: " + describe(s, sel);
            g.setTextAlign(TextAlignment.RIGHT);
            g.fillText(shown, l.left() + l.width(), y, Math.max(60, l.left() + l.width() - x));
        }
    }
}
