package dev.perfdesk.viewers.flame;

import java.util.List;
import java.util.Optional;
import java.util.function.IntConsumer;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.css.StyleableObjectProperty;
import javafx.css.SimpleStyleableObjectProperty;
import javafx.css.StyleablePropertyFactory;
import javafx.geometry.Rectangle2D;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Control;
import javafx.scene.control.Skin;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.util.Callback;

import dev.perfdesk.core.calltree.CallTree;
import dev.perfdesk.core.flame.FlameSearch;
import dev.perfdesk.core.flame.FlameViewState;
import dev.perfdesk.core.flame.FrameStyle;

/**
 * An interactive flame graph painted on a Canvas. It shows a {@link FlameViewState} (computed off the FX thread),
 * zoomed to {@link #zoomNodeProperty()}, as a flame (root at the bottom) or an icicle (root at the top). Clicking a
 * frame zooms into it and tells {@link #onFrameClickedProperty()}, clicking the root or pressing Esc zooms out; search matches are filled with
 * {@code -flame-match-fill}; the frames of {@link #highlightedNameProperty()} are outlined and the rest dimmed.
 * Frames too narrow to see are drawn as one grey run per parent.
 *
 * <pre>{@code
 * FlameGraphView view = new FlameGraphView();
 * view.setState(state);
 * view.zoomNodeProperty().addListener((o, was, now) -> showBreadcrumb(now.intValue()));
 * }</pre>
 *
 * <p>Colours come from CSS: {@code -flame-background}, {@code -flame-text-fill}, {@code -flame-match-fill},
 * {@code -flame-highlight-stroke}, {@code -flame-elided-fill}; see {@code flame-graph.css}. Frames take the state's
 * colours by name, unless a {@link #frameStyleProperty() frame style} gives each node its own colour and tooltip
 * (a differential flame graph); text on dark fills is then drawn light.
 */
public class FlameGraphView extends Control {
    private static final StyleablePropertyFactory<FlameGraphView> STYLES =
            new StyleablePropertyFactory<>(Control.getClassCssMetaData());
    private static final CssMetaData<FlameGraphView, Paint> BACKGROUND =
            STYLES.createPaintCssMetaData("-flame-background", v -> v.background, Color.WHITE);
    private static final CssMetaData<FlameGraphView, Paint> TEXT_FILL =
            STYLES.createPaintCssMetaData("-flame-text-fill", v -> v.textFill, Color.BLACK);
    private static final CssMetaData<FlameGraphView, Paint> MATCH_FILL =
            STYLES.createPaintCssMetaData("-flame-match-fill", v -> v.matchFill, Color.web("#e040e0"));
    private static final CssMetaData<FlameGraphView, Paint> HIGHLIGHT_STROKE =
            STYLES.createPaintCssMetaData("-flame-highlight-stroke", v -> v.highlightStroke, Color.web("#1d4ed8"));
    private static final CssMetaData<FlameGraphView, Paint> ELIDED_FILL =
            STYLES.createPaintCssMetaData("-flame-elided-fill", v -> v.elidedFill, Color.web("#b8b8b8"));

    private final ObjectProperty<FlameViewState> state = new SimpleObjectProperty<>(this, "state");
    private final ObjectProperty<FrameStyle> frameStyle = new SimpleObjectProperty<>(this, "frameStyle");
    private final IntegerProperty zoomNode = new SimpleIntegerProperty(this, "zoomNode", CallTree.ROOT);
    private final BooleanProperty icicle = new SimpleBooleanProperty(this, "icicle", false);
    private final ObjectProperty<FlameSearch.Result> searchResult = new SimpleObjectProperty<>(this, "searchResult");
    private final IntegerProperty highlightedName = new SimpleIntegerProperty(this, "highlightedName", -1);
    private final IntegerProperty currentMatch = new SimpleIntegerProperty(this, "currentMatch", -1);
    private final ReadOnlyIntegerWrapper hoveredNode = new ReadOnlyIntegerWrapper(this, "hoveredNode", -1);
    private final ObjectProperty<Callback<Integer, ContextMenu>> contextMenuFactory =
            new SimpleObjectProperty<>(this, "contextMenuFactory");
    private final ObjectProperty<IntConsumer> onFrameClicked = new SimpleObjectProperty<>(this, "onFrameClicked");

    private final StyleableObjectProperty<Paint> background =
            new SimpleStyleableObjectProperty<>(BACKGROUND, this, "background", Color.WHITE);
    private final StyleableObjectProperty<Paint> textFill =
            new SimpleStyleableObjectProperty<>(TEXT_FILL, this, "textFill", Color.BLACK);
    private final StyleableObjectProperty<Paint> matchFill =
            new SimpleStyleableObjectProperty<>(MATCH_FILL, this, "matchFill", Color.web("#e040e0"));
    private final StyleableObjectProperty<Paint> highlightStroke =
            new SimpleStyleableObjectProperty<>(HIGHLIGHT_STROKE, this, "highlightStroke", Color.web("#1d4ed8"));
    private final StyleableObjectProperty<Paint> elidedFill =
            new SimpleStyleableObjectProperty<>(ELIDED_FILL, this, "elidedFill", Color.web("#b8b8b8"));

    public FlameGraphView() {
        getStyleClass().add("flame-graph-view");
        setFocusTraversable(true);
    }

    @Override
    protected Skin<?> createDefaultSkin() {
        return new FlameGraphViewSkin(this);
    }

    @Override
    public String getUserAgentStylesheet() {
        return FlameGraphView.class.getResource("flame-graph.css").toExternalForm();
    }

    /** Zooms out to the root. */
    public void resetZoom() {
        setZoomNode(CallTree.ROOT);
    }

    /**
     * Where frame {@code node} is drawn now, in this control's coordinates, or empty when it is not visible (zoomed
     * away, scrolled off or too narrow). For tests and for positioning popups.
     */
    public Optional<Rectangle2D> frameBounds(int node) {
        if (getSkin() instanceof FlameGraphViewSkin) {
            return ((FlameGraphViewSkin) getSkin()).frameBounds(node);
        }
        return Optional.empty();
    }

    /** The node drawn at a point in this control's coordinates, or -1. */
    public int nodeAt(double x, double y) {
        if (getSkin() instanceof FlameGraphViewSkin) {
            return ((FlameGraphViewSkin) getSkin()).nodeAt(x, y);
        }
        return -1;
    }

    void setHoveredNode(int node) {
        hoveredNode.set(node);
    }

    public ObjectProperty<FlameViewState> stateProperty() {
        return state;
    }

    public FlameViewState getState() {
        return state.get();
    }

    public void setState(FlameViewState value) {
        state.set(value);
    }

    /**
     * Colours and tooltips per node of the state's tree, replacing the state's colours by name; null for those.
     * A style made for another tree than the state's is ignored, so state and style may change in either order.
     */
    public ObjectProperty<FrameStyle> frameStyleProperty() {
        return frameStyle;
    }

    public FrameStyle getFrameStyle() {
        return frameStyle.get();
    }

    public void setFrameStyle(FrameStyle value) {
        frameStyle.set(value);
    }

    /** The frame the graph is zoomed to; {@link CallTree#ROOT} for the whole graph. */
    public IntegerProperty zoomNodeProperty() {
        return zoomNode;
    }

    public int getZoomNode() {
        return zoomNode.get();
    }

    public void setZoomNode(int node) {
        zoomNode.set(node);
    }

    /** Root at the top (icicle) rather than at the bottom (flame). */
    public BooleanProperty icicleProperty() {
        return icicle;
    }

    public boolean isIcicle() {
        return icicle.get();
    }

    public void setIcicle(boolean value) {
        icicle.set(value);
    }

    /** The search to highlight, or null. */
    public ObjectProperty<FlameSearch.Result> searchResultProperty() {
        return searchResult;
    }

    public void setSearchResult(FlameSearch.Result value) {
        searchResult.set(value);
    }

    public FlameSearch.Result getSearchResult() {
        return searchResult.get();
    }

    /** The name id whose frames are outlined (the function selected in a table), or -1. */
    public IntegerProperty highlightedNameProperty() {
        return highlightedName;
    }

    public int getHighlightedName() {
        return highlightedName.get();
    }

    public void setHighlightedName(int nameId) {
        highlightedName.set(nameId);
    }

    /** The search match to mark as current (next/previous), or -1. */
    public IntegerProperty currentMatchProperty() {
        return currentMatch;
    }

    public void setCurrentMatch(int node) {
        currentMatch.set(node);
    }

    /** The frame under the mouse, or -1. */
    public ReadOnlyIntegerProperty hoveredNodeProperty() {
        return hoveredNode.getReadOnlyProperty();
    }

    public int getHoveredNode() {
        return hoveredNode.get();
    }

    /** Makes the context menu for a frame node; null for none. */
    public ObjectProperty<Callback<Integer, ContextMenu>> contextMenuFactoryProperty() {
        return contextMenuFactory;
    }

    public void setContextMenuFactory(Callback<Integer, ContextMenu> factory) {
        contextMenuFactory.set(factory);
    }

    public Callback<Integer, ContextMenu> getContextMenuFactory() {
        return contextMenuFactory.get();
    }

    /**
     * Called with the node of a frame clicked with the primary button (after the graph zoomed into it), or null.
     * The flame graph pane selects the frame's function in its table with it.
     */
    public ObjectProperty<IntConsumer> onFrameClickedProperty() {
        return onFrameClicked;
    }

    public void setOnFrameClicked(IntConsumer handler) {
        onFrameClicked.set(handler);
    }

    void frameClicked(int node) {
        IntConsumer handler = onFrameClicked.get();
        if (handler != null) {
            handler.accept(node);
        }
    }

    public Paint getBackgroundFill() {
        return background.get();
    }

    public Paint getTextFill() {
        return textFill.get();
    }

    public Paint getMatchFill() {
        return matchFill.get();
    }

    public Paint getHighlightStroke() {
        return highlightStroke.get();
    }

    public Paint getElidedFill() {
        return elidedFill.get();
    }

    /** The styleable properties the skin repaints on. */
    List<StyleableObjectProperty<Paint>> paintProperties() {
        return List.of(background, textFill, matchFill, highlightStroke, elidedFill);
    }

    public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() {
        return STYLES.getCssMetaData();
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getControlCssMetaData() {
        return getClassCssMetaData();
    }
}
