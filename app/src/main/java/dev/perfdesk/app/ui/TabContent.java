package dev.perfdesk.app.ui;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.VBox;

/** What a tab shows before its content is ready, or instead of it: one look for every kind of tab. */
final class TabContent {
    private TabContent() {
    }

    /** A spinner above {@code text} ("Loading r3…"), centred. */
    static Node loading(String text) {
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setMaxSize(48, 48);
        VBox box = new VBox(12, spinner, new Label(text));
        box.setAlignment(Pos.CENTER);
        return box;
    }

    /** {@code text} ("Could not open this run: ...") as a wrapped error line, centred. */
    static Node failed(String text) {
        Label error = new Label(text);
        error.setWrapText(true);
        error.getStyleClass().add("error-text");
        VBox box = new VBox(error);
        box.setAlignment(Pos.CENTER);
        return box;
    }
}
