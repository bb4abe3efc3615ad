package dev.perfdesk.viewers.timeline;

import java.util.List;
import java.util.Locale;

import javafx.beans.InvalidationListener;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.SkinBase;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

import dev.perfdesk.core.timeline.ActivityHistogram;
import dev.perfdesk.core.timeline.TimeRange;

/** Paints a {@link TimelineStrip} on a canvas and turns drags into a selected time range. */
final class TimelineStripSkin extends SkinBase<TimelineStrip> {
    private static final double AXIS = TimelineStrip.AXIS;
    private static final double BAND = TimelineStrip.LABEL_BAND;
    private static final double LABEL_WIDTH = 190;
    private static final Font LANE_FONT = Font.font(12);
    private static final javafx.css.PseudoClass DARK = javafx.css.PseudoClass.getPseudoClass("dark");
    private final javafx.collections.SetChangeListener<javafx.css.PseudoClass> themeChanged = c -> draw();
    private javafx.scene.Parent watchedRoot;
    private final javafx.scene.text.Text probe = new javafx.scene.text.Text();

    private final Canvas canvas = new Canvas();
    private final Region colours = new Region();
    private final InvalidationListener redraw = o -> draw();
    private final InvalidationListener relayout = o -> getSkinnable().requestLayout();
    private double dragStart = Double.NaN;
    private double dragNow = Double.NaN;

    TimelineStripSkin(TimelineStrip strip) {
        super(strip);
        colours.getStyleClass().add("timeline-colours");
        colours.setManaged(false);
        colours.setVisible(false);
        getChildren().addAll(canvas, colours);
        strip.histogramProperty().addListener(redraw);
        strip.selectionProperty().addListener(redraw);
        strip.selectedThreadProperty().addListener(redraw);
        strip.perThreadProperty().addListener(relayout);
        strip.histogramProperty().addListener(relayout);
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
        canvas.addEventHandler(MouseEvent.MOUSE_RELEASED, this::released);
        strip.addEventHandler(KeyEvent.KEY_PRESSED, this::key);
        // The theme switch toggles :dark on the scene's root: repaint in the other colours.
        strip.sceneProperty().addListener((o, was, now) -> watchRoot(now));
        watchRoot(strip.getScene());
    }

    private void watchRoot(javafx.scene.Scene scene) {
        if (watchedRoot != null) {
            watchedRoot.getPseudoClassStates().removeListener(themeChanged);
        }
        watchedRoot = scene == null ? null : scene.getRoot();
        if (watchedRoot != null) {
            watchedRoot.getPseudoClassStates().addListener(themeChanged);
        }
    }

    @Override
    protected double computePrefHeight(double width, double top, double right, double bottom, double left) {
        return top + bottom + getSkinnable().preferredHeight();
    }

    @Override
    protected double computeMinHeight(double width, double top, double right, double bottom, double left) {
        return computePrefHeight(width, top, right, bottom, left);
    }

    @Override
    protected double computeMaxHeight(double width, double top, double right, double bottom, double left) {
        return computePrefHeight(width, top, right, bottom, left);
    }

    @Override
    protected void layoutChildren(double x, double y, double w, double h) {
        canvas.relocate(x, y);
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
        }
        draw();
    }

    private double plotLeft() {
        return getSkinnable().isPerThread() ? LABEL_WIDTH : 0;
    }

    private double plotWidth() {
        return Math.max(1, canvas.getWidth() - plotLeft());
    }

    /** The time at canvas x, clamped to the histogram. */
    private long timeAt(ActivityHistogram h, double x) {
        double f = Math.max(0, Math.min(1, (x - plotLeft()) / plotWidth()));
        return h.start() + Math.round(f * (h.end() - h.start()));
    }

    private double xOf(ActivityHistogram h, long time) {
        return plotLeft() + (time - h.start()) / (double) Math.max(1, h.end() - h.start()) * plotWidth();
    }

    private void pressed(MouseEvent e) {
        getSkinnable().requestFocus();
        if (e.getClickCount() == 2) {
            getSkinnable().setSelection(null);
            dragStart = Double.NaN;
            return;
        }
        dragStart = e.getX();
        dragNow = e.getX();
    }

    private void dragged(MouseEvent e) {
        if (!Double.isNaN(dragStart)) {
            dragNow = e.getX();
            draw();
        }
    }

    private void released(MouseEvent e) {
        ActivityHistogram h = getSkinnable().getHistogram();
        if (Double.isNaN(dragStart) || h == null) {
            return;
        }
        double from = dragStart;
        dragStart = Double.NaN;
        if (Math.abs(e.getX() - from) < 3) {
            getSkinnable().setSelection(null);
            int lane = laneAt(h, e.getY());
            if (lane >= 0) {
                int thread = h.lanes().get(lane).thread();
                getSkinnable().setSelectedThread(getSkinnable().getSelectedThread() == thread ? -1 : thread);
            }
        } else {
            getSkinnable().setSelection(TimeRange.between(timeAt(h, from), timeAt(h, e.getX())));
        }
        draw();
    }

    /** The lane at canvas y in per-thread mode, or -1. */
    private int laneAt(ActivityHistogram h, double y) {
        List<ActivityHistogram.Lane> lanes = getSkinnable().isPerThread() ? h.lanes() : List.of();
        if (lanes.isEmpty() || y < BAND) {
            return -1;
        }
        int i = (int) ((y - BAND) / laneHeight(lanes.size()));
        return i < lanes.size() ? i : -1;
    }

    private double laneHeight(int lanes) {
        return (canvas.getHeight() - BAND - AXIS) / Math.max(1, lanes);
    }

    /** {@code name} cut at its end (with an ellipsis) to fit {@code width} pixels in the lane font. */
    private String fit(String name, double width) {
        probe.setFont(LANE_FONT);
        probe.setText(name);
        if (probe.getLayoutBounds().getWidth() <= width) {
            return name;
        }
        int lo = 0;
        int hi = name.length();
        while (lo < hi) {
            int mid = (lo + hi + 1) / 2;
            probe.setText(name.substring(0, mid) + "…");
            if (probe.getLayoutBounds().getWidth() <= width) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return name.substring(0, lo) + "…";
    }

    private void key(KeyEvent e) {
        if (e.getCode() == KeyCode.ESCAPE && getSkinnable().getSelection() != null) {
            getSkinnable().setSelection(null);
            e.consume();
        }
    }

    private Color colour(String property, Color fallback) {
        Object v = colours.getProperties().get(property);
        return v instanceof Color ? (Color) v : fallback;
    }

    private void draw() {
        TimelineStrip strip = getSkinnable();
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        boolean dark = isDark(strip);
        Color background = dark ? Color.web("#1e1f22") : Color.web("#fbfbfc");
        Color bars = dark ? Color.web("#e8793a") : Color.web("#d9480f");
        Color text = dark ? Color.web("#c9cdd3") : Color.web("#4a5059");
        Color grid = dark ? Color.web("#3a3d44") : Color.web("#e3e5e8");
        g.setFill(background);
        g.fillRect(0, 0, w, h);
        ActivityHistogram hist = strip.getHistogram();
        g.setFont(Font.font(11));
        if (hist == null || hist.maxTotal() == 0) {
            g.setFill(text);
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            g.fillText("No timestamped samples", w / 2, h / 2);
            return;
        }
        double plotH = h - AXIS;
        List<ActivityHistogram.Lane> lanes = strip.isPerThread() ? hist.lanes() : List.of();
        if (lanes.isEmpty()) {
            drawRow(g, hist.totals(), hist.maxTotal(), BAND, plotH - BAND, bars);
        } else {
            double laneH = laneHeight(lanes.size());
            long max = 1;
            for (ActivityHistogram.Lane lane : lanes) {
                for (long v : lane.weights()) {
                    max = Math.max(max, v);
                }
            }
            g.setTextAlign(TextAlignment.LEFT);
            g.setTextBaseline(VPos.CENTER);
            g.setFont(LANE_FONT);
            Color marked = dark ? Color.web("#2f3b52") : Color.web("#dbe7fb");
            for (int i = 0; i < lanes.size(); i++) {
                ActivityHistogram.Lane lane = lanes.get(i);
                double top = BAND + i * laneH;
                if (lane.thread() == strip.getSelectedThread()) {
                    g.setFill(marked);
                    g.fillRect(0, top, w, laneH);
                }
                g.setStroke(grid);
                g.strokeLine(0, top + laneH - 0.5, w, top + laneH - 0.5);
                drawRow(g, lane.weights(), max, top + 2, laneH - 4, bars);
                g.setFill(text);
                String name = strip.threadNamesProperty().get().apply(lane.thread());
                g.fillText(fit(name, LABEL_WIDTH - 10), 4, top + laneH / 2);
            }
            g.setFont(Font.font(11));
        }
        drawAxis(g, hist, plotH, w, text, grid);
        drawSelection(g, hist, plotH, dark);
    }

    private void drawRow(GraphicsContext g, long[] values, long max, double top, double height, Color fill) {
        double left = plotLeft();
        double binW = plotWidth() / values.length;
        g.setFill(fill);
        for (int b = 0; b < values.length; b++) {
            if (values[b] > 0) {
                double barH = Math.max(1, height * values[b] / (double) max);
                g.fillRect(left + b * binW, top + height - barH, Math.max(1, binW - (binW > 3 ? 0.5 : 0)), barH);
            }
        }
    }

    private void drawAxis(GraphicsContext g, ActivityHistogram h, double top, double w, Color text, Color grid) {
        g.setStroke(grid);
        g.strokeLine(plotLeft(), top + 0.5, w, top + 0.5);
        double seconds = (h.end() - h.start()) / 1e9;
        double step = niceStep(seconds / Math.max(1, plotWidth() / 90));
        g.setFill(text);
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.CENTER);
        for (double s = 0; s <= seconds + 1e-9; s += step) {
            double x = plotLeft() + s / seconds * plotWidth();
            if (x > w - 20) {
                break;
            }
            g.strokeLine(x, top, x, top + 3);
            g.fillText(formatSeconds(s, step), Math.max(plotLeft() + 14, x), top + 3);
        }
    }

    private void drawSelection(GraphicsContext g, ActivityHistogram h, double plotH, boolean dark) {
        double from;
        double to;
        if (!Double.isNaN(dragStart)) {
            from = Math.min(dragStart, dragNow);
            to = Math.max(dragStart, dragNow);
        } else if (getSkinnable().getSelection() != null) {
            TimeRange r = getSkinnable().getSelection();
            from = xOf(h, r.from());
            to = xOf(h, r.to());
        } else {
            return;
        }
        Color shade = dark ? Color.rgb(0, 0, 0, 0.45) : Color.rgb(255, 255, 255, 0.65);
        g.setFill(shade);
        g.fillRect(plotLeft(), BAND, Math.max(0, from - plotLeft()), plotH - BAND);
        g.fillRect(to, BAND, Math.max(0, canvas.getWidth() - to), plotH - BAND);
        g.setStroke(dark ? Color.web("#4c8bf5") : Color.web("#1c7ed6"));
        g.setLineWidth(1.5);
        g.strokeRect(from, BAND + 0.75, Math.max(1, to - from), plotH - BAND - 1.5);
        g.setLineWidth(1);
        long start = timeAt(h, from);
        long end = timeAt(h, to);
        g.setFill(dark ? Color.web("#e6e8eb") : Color.web("#1d2126"));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        String label = String.format(Locale.ROOT, "%s – %s (%s)", formatSeconds((start - h.start()) / 1e9, 0.001),
                formatSeconds((end - h.start()) / 1e9, 0.001), formatSeconds((end - start) / 1e9, 0.001));
        // In the band above the bars, so it never covers them; kept inside the strip at the right edge.
        probe.setFont(Font.font(11));
        probe.setText(label);
        double labelW = probe.getLayoutBounds().getWidth();
        g.fillText(label, Math.max(plotLeft(), Math.min(from, canvas.getWidth() - labelW - 4)), 1);
    }

    /**
     * Whether the strip is shown dark: its scene's root has the {@code :dark} pseudo-class (the application's
     * theme switch), or the scene has the viewers' dark theme sheet.
     */
    static boolean isDark(TimelineStrip strip) {
        javafx.scene.Scene scene = strip.getScene();
        if (scene == null) {
            return false;
        }
        return scene.getRoot() != null && scene.getRoot().getPseudoClassStates().contains(DARK)
                || scene.getStylesheets().stream().anyMatch(s -> s.endsWith("theme-dark.css"));
    }

    static double niceStep(double raw) {
        if (raw <= 0) {
            return 1;
        }
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * p >= raw) {
                return m * p;
            }
        }
        return 10 * p;
    }

    static String formatSeconds(double s, double step) {
        if (step >= 1) {
            return String.format(Locale.ROOT, "%.0f s", s);
        } else if (step >= 0.1) {
            return String.format(Locale.ROOT, "%.1f s", s);
        } else if (step >= 0.01) {
            return String.format(Locale.ROOT, "%.2f s", s);
        }
        return String.format(Locale.ROOT, "%.3f s", s);
    }

    @Override
    public void dispose() {
        TimelineStrip strip = getSkinnable();
        strip.histogramProperty().removeListener(redraw);
        strip.selectionProperty().removeListener(redraw);
        strip.selectedThreadProperty().removeListener(redraw);
        strip.perThreadProperty().removeListener(relayout);
        strip.histogramProperty().removeListener(relayout);
        watchRoot(null);
        super.dispose();
    }
}
