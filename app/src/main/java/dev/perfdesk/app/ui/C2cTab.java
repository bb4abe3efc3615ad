package dev.perfdesk.app.ui;

import javafx.scene.control.Tab;
import javafx.scene.control.Tooltip;

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
        setContent(TabContent.loading("Loading " + entry.title() + "…"));
        TaskRunner.Cancellable loading = model.load(entry.title(), report -> setContent(new C2cView(report)),
                message -> setContent(TabContent.failed("Could not open this c2c report: " + message)));
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
