package dev.perfdesk.viewers.trend;

import java.util.Locale;
import java.util.Optional;

import javafx.scene.control.ButtonType;
import javafx.scene.control.TextInputDialog;
import javafx.stage.Window;

import dev.perfdesk.core.series.ReviewStatus;
import dev.perfdesk.core.series.SeriesChangePoint;

/** The default {@link ReasonPrompt}: a dialog whose OK button stays disabled until a reason is typed. */
final class ReasonDialog implements ReasonPrompt {

    @Override
    public Optional<String> ask(SeriesChangePoint cp, ReviewStatus status, Window owner) {
        String verb = status == ReviewStatus.DISMISSED ? "Dismiss" : "Acknowledge";
        TextInputDialog dialog = new TextInputDialog();
        dialog.initOwner(owner);
        dialog.setTitle(verb + " change point");
        dialog.setHeaderText(String.format(Locale.ROOT, "%s the %s of %s in %s at %s?", verb,
                cp.regression() ? "regression" : "improvement", TrendFormat.percent(cp.changePercent()), cp.metric(),
                cp.after().label().isEmpty() ? "run " + cp.index() : cp.after().label()));
        dialog.setContentText("Reason:");
        dialog.getEditor().setPromptText(status == ReviewStatus.DISMISSED ? "e.g. noisy machine, not a real change"
                : "e.g. expected: new GC default, tracked in #123");
        dialog.getEditor().setPrefColumnCount(36);
        dialog.getDialogPane().lookupButton(ButtonType.OK).disableProperty()
                .bind(dialog.getEditor().textProperty().isEmpty());
        dialog.getDialogPane().getStyleClass().add("trend-reason-dialog");
        if (owner != null && owner.getScene() != null) {
            dialog.getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        return dialog.showAndWait();
    }
}
