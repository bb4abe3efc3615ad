package dev.perfdesk.viewers.flame;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.event.EventHandler;
import javafx.geometry.Orientation;
import javafx.geometry.Rectangle2D;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.SkinBase;
import javafx.scene.control.Tooltip;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.InputEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.text.Font;
import javafx.util.Callback;
import javafx.util.Duration;

import dev.perfdesk.core.calltree.CallTree;
import dev.perfdesk.core.flame.FlameLayout;
import dev.perfdesk.core.flame.FlameSearch;
import dev.perfdesk.core.flame.FlameViewState;
import dev.perfdesk.core.flame.FrameStyle;
import dev.perfdesk.core.util.IntArrayList;

/**
 * Paints a {@link FlameGraphView} on one Canvas sized to the control (in {@link #layoutChildren}), with a vertical
 * scroll bar when the graph is deeper than the view. The layout model is recomputed only when the tree, zoom or
 * width change and reuses its arrays; hit-testing uses the same model.
 */
public class FlameGraphViewSkin extends SkinBase<FlameGraphView> {
    static final double ROW = 18;
    static final double PAD_X = 4;
    static final double PAD_Y = 4;
    private static final Color LIGHT_TEXT = Color.web("#d8d8d8");
    private static final Color TEXT_ON_DARK_FILL = Color.web("#f6f6f6");
    /** Relative luminance below which light text contrasts better than dark (WCAG's crossover). */
    private static final double DARK_FILL_LUMINANCE = 0.179;

    private final Canvas canvas = new Canvas();
    private final ScrollBar scrollBar = new ScrollBar();
    private final FlameLayout layout = new FlameLayout();
    private final TextFitter fitter = new TextFitter(Font.font(12));
    private final Tooltip tooltip = new Tooltip();
    private final IntArrayList outlined = new IntArrayList(64);
    private final List<Runnable> disposers = new ArrayList<>();
    private final EventHandler<KeyEvent> keyHandler = this::onKeyPressed;

    private FlameViewState colorsFor;
    private FrameStyle colorsStyle;
    private Paint colorsBackground;
    /** Fills by name id, or by node when a frame style applies. */
    private Color[] colors = new Color[0];
    private Color[] dimmed = new Color[0];
    /** Per node under a frame style: whether the fill is dark enough to need light text. */
    private boolean[] darkFill = new boolean[0];
    /** Whether text on a dimmed frame must be light to be read (on a dark background). */
    private boolean dimmedNeedsLightText;
    /** How far the view is scrolled away from the root row, in pixels. */
    private double offsetFromRoot;
    private boolean updatingScrollBar;
    private boolean tooltipInstalled;
    private ContextMenu shownMenu;
    private long paintCount;

    public FlameGraphViewSkin(FlameGraphView control) {
        super(control);
        scrollBar.setOrientation(Orientation.VERTICAL);
        scrollBar.setVisible(false);
        getChildren().addAll(canvas, scrollBar);
        tooltip.setShowDelay(Duration.millis(300));
        tooltip.setWrapText(true);
        tooltip.setMaxWidth(640);

        InvalidationListener repaint = o -> paint();
        InvalidationListener resetScroll = o -> {
            offsetFromRoot = 0;
            paint();
        };
        listen(repaint, control.zoomNodeProperty(), control.searchResultProperty(),
                control.highlightedNameProperty(), control.currentMatchProperty());
        listen(resetScroll, control.stateProperty(), control.icicleProperty());
        listen(o -> {
            paint();
            updateTooltip(getSkinnable().getHoveredNode());
        }, control.frameStyleProperty());
        for (Observable p : control.paintProperties()) {
            listen(repaint, p);
        }
        InvalidationListener scrolled = o -> {
            if (!updatingScrollBar) {
                offsetFromRoot = getSkinnable().isIcicle()
                        ? scrollBar.getValue() : scrollBar.getMax() - scrollBar.getValue();
                paint();
            }
        };
        scrollBar.valueProperty().addListener(scrolled);
        disposers.add(() -> scrollBar.valueProperty().removeListener(scrolled));

        canvas.addEventHandler(MouseEvent.MOUSE_MOVED, this::onMouseMoved);
        canvas.addEventHandler(MouseEvent.MOUSE_EXITED, this::onMouseExited);
        canvas.addEventHandler(MouseEvent.MOUSE_CLICKED, this::onMouseClicked);
        canvas.addEventHandler(ScrollEvent.SCROLL, this::onScroll);
        canvas.addEventHandler(ContextMenuEvent.CONTEXT_MENU_REQUESTED,
                e -> showContextMenu(e.getX(), e.getY(), e.getScreenX(), e.getScreenY(), e));
        // Not every glass platform (Monocle, for one) turns a secondary press into a context-menu request.
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            if (e.getButton() == MouseButton.SECONDARY) {
                showContextMenu(e.getX(), e.getY(), e.getScreenX(), e.getScreenY(), e);
            }
        });
        control.addEventHandler(KeyEvent.KEY_PRESSED, keyHandler);
        disposers.add(() -> control.removeEventHandler(KeyEvent.KEY_PRESSED, keyHandler));
    }

    private void listen(InvalidationListener listener, Observable... observables) {
        for (Observable o : observables) {
            o.addListener(listener);
            disposers.add(() -> o.removeListener(listener));
        }
    }

    @Override
    public void dispose() {
        disposers.forEach(Runnable::run);
        disposers.clear();
        if (tooltipInstalled) {
            Tooltip.uninstall(canvas, tooltip);
        }
        if (shownMenu != null) {
            shownMenu.hide();
        }
        getChildren().clear();
        super.dispose();
    }

    @Override
    protected void layoutChildren(double x, double y, double w, double h) {
        double barWidth = scrollBar.prefWidth(-1);
        boolean bar = scrollBar.isVisible();
        double canvasWidth = Math.max(0, bar ? w - barWidth : w);
        if (canvas.getWidth() != canvasWidth || canvas.getHeight() != h) {
            canvas.setWidth(canvasWidth);
            canvas.setHeight(h);
        }
        canvas.relocate(x, y);
        scrollBar.resizeRelocate(x + w - barWidth, y, barWidth, h);
        paint();
    }

    @Override
    protected double computePrefWidth(double height, double top, double right, double bottom, double left) {
        return 800;
    }

    @Override
    protected double computePrefHeight(double width, double top, double right, double bottom, double left) {
        return 400;
    }

    @Override
    protected double computeMinHeight(double width, double top, double right, double bottom, double left) {
        return ROW * 4;
    }

    @Override
    protected double computeMinWidth(double height, double top, double right, double bottom, double left) {
        return 100;
    }

    /** Number of paints so far, for tests and timing. */
    long paintCount() {
        return paintCount;
    }

    /** Number of rectangles in the current layout. */
    int layoutSize() {
        return layout.size();
    }

    Canvas canvas() {
        return canvas;
    }

    private boolean ensureLayout() {
        FlameViewState state = getSkinnable().getState();
        if (state == null) {
            return false;
        }
        CallTree tree = state.tree();
        int zoom = getSkinnable().getZoomNode();
        if (zoom < 0 || zoom >= tree.size()) {
            zoom = CallTree.ROOT;
        }
        double width = Math.max(0, canvas.getWidth() - 2 * PAD_X);
        if (layout.tree() != tree || layout.zoomNode() != zoom || layout.layoutWidth() != width) {
            layout.compute(tree, zoom, width, FlameLayout.DEFAULT_MIN_WIDTH);
        }
        return true;
    }

    private double contentHeight() {
        return (layout.maxDepth() + 1) * ROW + 2 * PAD_Y;
    }

    private void updateScrollBar() {
        double viewport = canvas.getHeight();
        double content = contentHeight();
        boolean needed = content > viewport + 0.5 && viewport > 0;
        double max = Math.max(0, content - viewport);
        offsetFromRoot = Math.max(0, Math.min(offsetFromRoot, max));
        updatingScrollBar = true;
        try {
            if (scrollBar.isVisible() != needed) {
                scrollBar.setVisible(needed);
                getSkinnable().requestLayout();
            }
            scrollBar.setMin(0);
            scrollBar.setMax(max);
            scrollBar.setVisibleAmount(viewport * max / Math.max(1, content));
            scrollBar.setUnitIncrement(ROW);
            scrollBar.setBlockIncrement(viewport * 0.9);
            scrollBar.setValue(getSkinnable().isIcicle() ? offsetFromRoot : max - offsetFromRoot);
        } finally {
            updatingScrollBar = false;
        }
    }

    /** The top of row {@code depth}. */
    private double rowY(int depth) {
        if (getSkinnable().isIcicle()) {
            return PAD_Y + depth * ROW - offsetFromRoot;
        }
        return canvas.getHeight() - PAD_Y - (depth + 1) * ROW + offsetFromRoot;
    }

    private int rowAt(double y) {
        double d = getSkinnable().isIcicle()
                ? (y - PAD_Y + offsetFromRoot) / ROW
                : (canvas.getHeight() - PAD_Y + offsetFromRoot - y) / ROW;
        return d < 0 ? -1 : (int) Math.floor(d);
    }

    private int indexAt(double x, double y) {
        if (!ensureLayout()) {
            return -1;
        }
        int row = rowAt(y);
        return row < 0 ? -1 : layout.indexAt(x - PAD_X, row);
    }

    int nodeAt(double x, double y) {
        int i = indexAt(x - canvas.getLayoutX(), y - canvas.getLayoutY());
        return i < 0 ? -1 : layout.node(i);
    }

    Optional<Rectangle2D> frameBounds(int node) {
        if (!ensureLayout()) {
            return Optional.empty();
        }
        int i = layout.indexOf(node);
        if (i < 0) {
            return Optional.empty();
        }
        double y = rowY(layout.depth(i));
        if (y + ROW <= 0 || y >= canvas.getHeight()) {
            return Optional.empty();
        }
        return Optional.of(new Rectangle2D(canvas.getLayoutX() + PAD_X + layout.x(i), canvas.getLayoutY() + y,
                layout.width(i), ROW - 1));
    }

    /** The frame style if it was made for {@code state}'s tree, else null. */
    private static FrameStyle styleFor(FlameViewState state, FrameStyle style) {
        return style != null && style.tree() == state.tree() ? style : null;
    }

    private void ensureColors(FlameViewState state, FrameStyle style, Paint background) {
        if (colorsFor == state && colorsStyle == style && colorsBackground == background) {
            return;
        }
        Color bg = background instanceof Color ? (Color) background : Color.WHITE;
        int n = style != null ? state.tree().size() : state.names().size();
        colors = new Color[n];
        dimmed = new Color[n];
        darkFill = new boolean[style != null ? n : 0];
        for (int i = 0; i < n; i++) {
            int rgb = style != null ? style.color(i) : state.colorOfName(i);
            Color c = Color.rgb(rgb >> 16 & 0xFF, rgb >> 8 & 0xFF, rgb & 0xFF);
            colors[i] = c;
            dimmed[i] = c.interpolate(bg, 0.6);
            if (style != null) {
                darkFill[i] = luminance(c) < DARK_FILL_LUMINANCE;
            }
        }
        colorsFor = state;
        colorsStyle = style;
        colorsBackground = background;
        dimmedNeedsLightText = bg.getBrightness() < 0.5;
    }

    /** WCAG relative luminance. */
    static double luminance(Color c) {
        return 0.2126 * linear(c.getRed()) + 0.7152 * linear(c.getGreen()) + 0.0722 * linear(c.getBlue());
    }

    private static double linear(double channel) {
        return channel <= 0.04045 ? channel / 12.92 : Math.pow((channel + 0.055) / 1.055, 2.4);
    }

    /** Repaints the canvas from the current state; cheap enough to call on every change. */
    void paint() {
        FlameGraphView view = getSkinnable();
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        paintCount++;
        g.setFill(view.getBackgroundFill());
        g.fillRect(0, 0, w, h);
        if (!ensureLayout() || w <= 0 || h <= 0) {
            return;
        }
        updateScrollBar();
        FlameViewState state = view.getState();
        FrameStyle style = styleFor(state, view.getFrameStyle());
        ensureColors(state, style, view.getBackgroundFill());
        CallTree tree = state.tree();
        FlameSearch.Result search = view.getSearchResult();
        if (search != null && search.matchCount() == 0) {
            search = null;
        }
        int highlighted = view.getHighlightedName();
        int hovered = view.getHoveredNode();
        int current = view.currentMatchProperty().get();
        int zoomDepth = tree.depth(layout.zoomNode());
        Paint matchFill = view.getMatchFill();
        Paint elidedFill = view.getElidedFill();
        Paint textFill = view.getTextFill();
        double minText = fitter.minimumWidth() + 6;
        g.setFont(fitter.font());
        outlined.clear();
        for (int i = 0; i < layout.size(); i++) {
            double y = rowY(layout.depth(i));
            if (y + ROW < 0 || y > h) {
                continue;
            }
            double x = PAD_X + layout.x(i);
            double fw = layout.width(i);
            double drawW = fw > 3 ? fw - 1 : fw;
            if (layout.isElided(i)) {
                g.setFill(elidedFill);
                g.fillRect(x, y + ROW * 0.25, Math.max(drawW, 1), ROW * 0.75 - 1);
                continue;
            }
            int node = layout.node(i);
            int nameId = tree.nameId(node);
            boolean isMatch = search != null && search.isMatch(node);
            boolean dim = layout.depth(i) < zoomDepth || (highlighted >= 0 && nameId != highlighted);
            int colorIndex = style != null ? node : nameId;
            g.setFill(isMatch ? matchFill : dim ? dimmed[colorIndex] : colors[colorIndex]);
            g.fillRect(x, y, drawW, ROW - 1);
            if (nameId == highlighted || node == hovered || node == current) {
                outlined.add(i);
            }
            if (fw >= minText) {
                String label = fitter.fit(tree.name(node), fw - 6);
                if (!label.isEmpty()) {
                    g.setFill(isMatch ? textFill
                            : dim ? (dimmedNeedsLightText ? LIGHT_TEXT : textFill)
                            : style != null && darkFill[node] ? TEXT_ON_DARK_FILL : textFill);
                    g.fillText(label, x + 3, y + ROW - 5);
                }
            }
        }
        for (int k = 0; k < outlined.size(); k++) {
            int i = outlined.get(k);
            int node = layout.node(i);
            double x = PAD_X + layout.x(i);
            double y = rowY(layout.depth(i));
            double fw = Math.max(1, layout.width(i) > 3 ? layout.width(i) - 1 : layout.width(i));
            if (tree.nameId(node) == highlighted || node == current) {
                g.setStroke(view.getHighlightStroke());
                g.setLineWidth(2);
                g.strokeRect(x + 1, y + 1, Math.max(0, fw - 2), ROW - 3);
            }
            if (node == hovered) {
                g.setStroke(textFill);
                g.setLineWidth(1);
                g.strokeRect(x + 0.5, y + 0.5, Math.max(0, fw - 1), ROW - 2);
            }
        }
    }

    private void onMouseMoved(MouseEvent e) {
        int i = indexAt(e.getX(), e.getY());
        int node = i < 0 || layout.isElided(i) ? -1 : layout.node(i);
        FlameGraphView view = getSkinnable();
        if (node != view.getHoveredNode()) {
            view.setHoveredNode(node);
            updateTooltip(node);
            paint();
        }
    }

    private void onMouseExited(MouseEvent e) {
        if (getSkinnable().getHoveredNode() >= 0) {
            getSkinnable().setHoveredNode(-1);
            updateTooltip(-1);
            paint();
        }
    }

    private void updateTooltip(int node) {
        FlameViewState state = getSkinnable().getState();
        if (node < 0 || state == null || node >= state.tree().size()) {
            if (tooltipInstalled) {
                Tooltip.uninstall(canvas, tooltip);
                tooltipInstalled = false;
            }
            return;
        }
        FrameStyle style = styleFor(state, getSkinnable().getFrameStyle());
        tooltip.setText(style != null ? state.tree().name(node) + "\n" + style.details(node)
                : FrameText.tooltip(state, node, getSkinnable().getZoomNode()));
        if (!tooltipInstalled) {
            Tooltip.install(canvas, tooltip);
            tooltipInstalled = true;
        }
    }

    private void onMouseClicked(MouseEvent e) {
        FlameGraphView view = getSkinnable();
        view.requestFocus();
        if (e.getButton() != MouseButton.PRIMARY || !e.isStillSincePress()) {
            return;
        }
        int i = indexAt(e.getX(), e.getY());
        if (i < 0) {
            return;
        }
        int node = layout.node(i);
        view.setZoomNode(node);
        if (!layout.isElided(i)) {
            view.frameClicked(node);
        }
        e.consume();
    }

    private void onScroll(ScrollEvent e) {
        if (!scrollBar.isVisible() || e.getDeltaY() == 0) {
            return;
        }
        double delta = e.getDeltaY();
        offsetFromRoot += getSkinnable().isIcicle() ? -delta : delta;
        paint();
        e.consume();
    }

    private void showContextMenu(double x, double y, double screenX, double screenY, InputEvent e) {
        FlameGraphView view = getSkinnable();
        Callback<Integer, ContextMenu> factory = view.getContextMenuFactory();
        if (shownMenu != null && shownMenu.isShowing()) {
            if (e instanceof ContextMenuEvent) {
                e.consume();
                return;
            }
            shownMenu.hide();
        }
        int i = indexAt(x, y);
        if (factory == null || i < 0 || layout.isElided(i)) {
            return;
        }
        ContextMenu menu = factory.call(layout.node(i));
        if (menu != null) {
            shownMenu = menu;
            menu.show(canvas, screenX, screenY);
            e.consume();
        }
    }

    private void onKeyPressed(KeyEvent e) {
        FlameGraphView view = getSkinnable();
        if (e.getCode() == KeyCode.ESCAPE && view.getZoomNode() != CallTree.ROOT) {
            view.resetZoom();
            e.consume();
            return;
        }
        FlameViewState state = view.getState();
        if (state == null) {
            return;
        }
        CallTree tree = state.tree();
        int current = view.getHoveredNode();
        if (current < 0 || current >= tree.size()) {
            current = view.getZoomNode();
        }
        boolean towardsLeaves = view.isIcicle() ? e.getCode() == KeyCode.DOWN : e.getCode() == KeyCode.UP;
        boolean towardsRoot = view.isIcicle() ? e.getCode() == KeyCode.UP : e.getCode() == KeyCode.DOWN;
        int next = -1;
        if (towardsLeaves) {
            next = heaviestChild(tree, current);
        } else if (towardsRoot) {
            next = current == CallTree.ROOT ? -1 : tree.parent(current);
        } else if (e.getCode() == KeyCode.RIGHT) {
            next = current == CallTree.ROOT ? -1 : tree.nextSibling(current);
        } else if (e.getCode() == KeyCode.LEFT) {
            next = current == CallTree.ROOT ? -1 : previousSibling(tree, current);
        } else if (e.getCode() == KeyCode.ENTER) {
            view.setZoomNode(current);
            e.consume();
            return;
        } else {
            return;
        }
        // The frame in focus is the one the pointer would be on: outlined, and described in the status line.
        if (next >= 0) {
            view.setHoveredNode(next);
            paint();
        }
        e.consume();
    }

    private static int heaviestChild(CallTree tree, int node) {
        int best = -1;
        for (int c = tree.firstChild(node); c >= 0; c = tree.nextSibling(c)) {
            if (best < 0 || tree.total(c) > tree.total(best)) {
                best = c;
            }
        }
        return best;
    }

    private static int previousSibling(CallTree tree, int node) {
        int previous = -1;
        for (int c = tree.firstChild(tree.parent(node)); c >= 0 && c != node; c = tree.nextSibling(c)) {
            previous = c;
        }
        return previous;
    }
}
