package dev.perfdesk.app.ui;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tab;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;

import dev.perfdesk.viewers.c2c.C2cView;

/**
 * A tab showing one stored perf c2c report in a {@link C2cView}; the report is read in the background through the
 * {@link TaskRunner} while the tab shows a spinner.
 */
public final class C2cTab extends Tab {
    private final long reportId;

    /**
     * @param model the report's store-facing side
     * @param entry its library entry (of kind C2C)
     */
    public C2cTab(C2cTabModel model, LibraryEntry entry) {
        this.reportId = model.reportId();
        setText(entry.title());
        setTooltip(new Tooltip(entry.title() + "\n" + entry.details()));
        getStyleClass().add("c2c-tab");
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setMaxSize(48, 48);
        VBox box = new VBox(12, spinner, new Label("Loading " + entry.title() + "…"));
        box.setAlignment(Pos.CENTER);
        setContent(box);
        TaskRunner.Cancellable loading = model.load(entry.title(), report -> setContent(new C2cView(report)),
                message -> {
                    Label error = new Label("Could not open this c2c report: " + message);
                    error.setWrapText(true);
                    error.getStyleClass().add("error-text");
                    VBox failed = new VBox(error);
                    failed.setAlignment(Pos.CENTER);
                    setContent(failed);
                });
        tabPaneProperty().addListener((o, was, now) -> {
            if (was != null && now == null) {
                loading.cancel();
            }
        });
    }

    /** The id of the report shown. */
    public long reportId() {
        return reportId;
    }

    /** The view, once the report is loaded; null before. */
    public C2cView view() {
        return getContent() instanceof C2cView ? (C2cView) getContent() : null;
    }
}
