package dev.perfdesk.viewers.flame;

import java.util.function.Consumer;
import java.util.function.IntConsumer;

import javafx.animation.Animation;
import javafx.animation.PauseTransition;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.util.Duration;

import dev.perfdesk.core.flame.FlameSearch;
import dev.perfdesk.core.flame.FlameViewState;
import dev.perfdesk.core.flame.SearchQuery;
import dev.perfdesk.viewers.ColumnFit;

/**
 * The frame search of the flame graph panes: a field (debounced as the user types, at once on Enter), regular
 * expression and match-case toggles, previous and next match buttons when the pane can step through matches, and
 * the "Matched 12.5% (frame 2 of 7)" line. The pane hands it what to do with a query and shows the view model's
 * result through {@link #showResult}.
 *
 * <pre>{@code
 * FrameSearchBar search = new FrameSearchBar("Search frames (Ctrl+F)", 16, vm.queryProperty()::set);
 * search.setOnStep(direction -> ...);            // shows the previous and next buttons
 * vm.searchResultProperty().addListener(o -> search.showResult(vm.searchResultProperty().get(), "", -1));
 * }</pre>
 */
public final class FrameSearchBar extends HBox {
    private final TextField field = new TextField();
    private final ToggleButton regexButton = new ToggleButton(".*");
    private final ToggleButton caseButton = new ToggleButton("Aa");
    private final Button previousButton = new Button("\u25C0");
    private final Button nextButton = new Button("\u25B6");
    private final Label matchedLabel = new Label();
    private final PauseTransition debounce = new PauseTransition(Duration.millis(200));
    private final Consumer<SearchQuery> onQuery;
    private IntConsumer onStep;
    private Runnable onLeave = () -> { };

    /**
     * @param prompt  the field's prompt text
     * @param columns the field's width in columns
     * @param onQuery what to do with each query: the view model's query property's setter
     */
    public FrameSearchBar(String prompt, int columns, Consumer<SearchQuery> onQuery) {
        super(6);
        this.onQuery = onQuery;
        setAlignment(Pos.CENTER_LEFT);
        getStyleClass().add("frame-search-bar");
        field.setPromptText(prompt);
        field.setPrefColumnCount(columns);
        field.getStyleClass().add("flame-search");
        regexButton.setTooltip(new Tooltip("Regular expression"));
        caseButton.setTooltip(new Tooltip("Match case"));
        previousButton.setTooltip(new Tooltip("Previous match (Shift+Enter)"));
        nextButton.setTooltip(new Tooltip("Next match (Enter)"));
        matchedLabel.getStyleClass().add("matched-label");
        // Room for the longest "Matched …" line from the start, so the toolbar keeps its layout (and does not wrap
        // to another row) when the first character typed makes the line appear; a longer error is elided, whole
        // in its tooltip.
        double room = ColumnFit.width(null, java.util.stream.Stream.of("Matched 100.0% (frame 88,888 of 88,888)"))
                - 10;
        matchedLabel.setMinWidth(room);
        matchedLabel.setPrefWidth(room);
        matchedLabel.setMaxWidth(room);
        showSteps(false);
        HBox inputs = new HBox(2, field, regexButton, caseButton, previousButton, nextButton);
        inputs.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(inputs, matchedLabel);

        debounce.setOnFinished(e -> push());
        field.textProperty().addListener((o, was, now) -> debounce.playFromStart());
        regexButton.selectedProperty().addListener((o, was, now) -> push());
        caseButton.selectedProperty().addListener((o, was, now) -> push());
        field.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                debounce.stop();
                push();
                if (onStep != null) {
                    onStep.accept(e.isShiftDown() ? -1 : 1);
                }
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                field.clear();
                debounce.stop();
                push();
                onLeave.run();
                e.consume();
            }
        });
        nextButton.setOnAction(e -> step(1));
        previousButton.setOnAction(e -> step(-1));
    }

    private void step(int direction) {
        if (onStep != null) {
            onStep.accept(direction);
        }
    }

    private void showSteps(boolean show) {
        previousButton.setVisible(show);
        previousButton.setManaged(show);
        nextButton.setVisible(show);
        nextButton.setManaged(show);
    }

    /** Lets Enter, Shift+Enter and the two buttons step through the matches (+1 next, -1 previous). */
    public void setOnStep(IntConsumer step) {
        this.onStep = step;
        showSteps(step != null);
    }

    /** What to do after Esc in the field has cleared it: give the focus back to the graph. */
    public void setOnLeave(Runnable leave) {
        this.onLeave = leave == null ? () -> { } : leave;
    }

    /** Sends the field's query now. */
    public void push() {
        onQuery.accept(new SearchQuery(field.getText(), regexButton.isSelected(), caseButton.isSelected()));
    }

    /** Empties the field without sending a query: for when the view model has cleared its search already. */
    public void clearText() {
        field.clear();
        debounce.stop();
    }

    /** Shows {@code text} in the field when the view model's query changed elsewhere, unless the user is typing. */
    public void showQueryText(String text) {
        if (!text.equals(field.getText()) && debounce.getStatus() != Animation.Status.RUNNING) {
            field.setText(text);
            debounce.stop();
        }
    }

    /** Puts the keyboard focus in the field, its text selected. */
    public void focus() {
        field.requestFocus();
        field.selectAll();
    }

    /**
     * Shows a search's outcome: the error in red, nothing when there is no search, else the matched share of all
     * samples and how many frames matched, with the current one when stepping ({@code current} >= 0).
     */
    public void showResult(FlameSearch.Result r, String error, int current) {
        matchedLabel.getStyleClass().remove("error");
        boolean searching = r != null && !r.query().isEmpty();
        previousButton.setDisable(!searching || r.matchCount() == 0);
        nextButton.setDisable(!searching || r.matchCount() == 0);
        matchedLabel.setTooltip(null);
        if (error != null && !error.isEmpty()) {
            matchedLabel.setText(error);
            matchedLabel.setTooltip(new Tooltip(error));
            matchedLabel.getStyleClass().add("error");
        } else if (!searching) {
            matchedLabel.setText("");
        } else {
            String position = current < 0 ? r.matchCount() + " frames"
                    : "frame " + (current + 1) + " of " + r.matchCount();
            matchedLabel.setText("Matched " + FlameViewState.percent(r.matchedWeight(), r.totalWeight()) + " ("
                    + position + ")");
        }
    }

    public TextField field() {
        return field;
    }

    public Label matchedLabel() {
        return matchedLabel;
    }

    public ToggleButton regexButton() {
        return regexButton;
    }

    public ToggleButton caseButton() {
        return caseButton;
    }
}
