package dev.perfdesk.app.ui;

import java.util.concurrent.ExecutorService;

import javafx.scene.control.Button;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;

import dev.perfdesk.core.report.RunComparison;
import dev.perfdesk.viewers.compare.RunComparisonView;
import dev.perfdesk.viewers.compare.RunComparisonViewModel;

/**
 * A tab comparing two stored benchmark runs in a {@link RunComparisonView}. Both runs are loaded in the background
 * while the tab shows a spinner; the view then computes the statistics on a thread of its own, which ends when the
 * tab is closed. "Save comparison" stores the runs with the current thresholds and verdict, so that the library
 * and {@code perfdesk list} show it.
 *
 * <pre>{@code
 * tabs.getTabs().add(new RunComparisonTab(new RunComparisonTabModel(store, tasks, baselineRunId, candidateRunId)));
 * }</pre>
 */
public final class RunComparisonTab extends Tab {
    private final RunComparisonTabModel model;
    private final long baselineRunId;
    private final long candidateRunId;
    private final ExecutorService statistics = RunComparisonViewModel.defaultExecutor();
    private final Button saveButton = new Button("Save comparison");

    /** Compares the model's two stored runs, candidate against baseline. */
    public RunComparisonTab(RunComparisonTabModel model) {
        this.model = model;
        this.baselineRunId = model.baselineRunId();
        this.candidateRunId = model.candidateRunId();
        String title = "r" + baselineRunId + " vs r" + candidateRunId;
        setText(title);
        setTooltip(new Tooltip(title));
        getStyleClass().add("run-comparison-tab");
        setContent(TabContent.loading("Loading " + title + "\u2026"));
        TaskRunner.Cancellable load = model.load(this::show,
                message -> setContent(TabContent.failed("Could not compare: " + message)));
        // Closed by any means: onClosed fires for the close button only, not when Ctrl+W or a deletion removes the
        // tab, so the tab watches its pane instead. The reading stops and the statistics thread is shut down.
        tabPaneProperty().addListener((o, was, now) -> {
            if (was != null && now == null) {
                load.cancel();
                if (runView != null) {
                    runView.getViewModel().close();
                }
                if (profileView != null) {
                    profileView.pane().dispose();
                }
                statistics.shutdownNow();
            }
        });
    }

    /** Whether the statistics thread is shut down: the tab was closed. */
    boolean isStopped() {
        return statistics.isShutdown();
    }

    private void show(RunComparisonTabModel.Loaded loaded) {
        String baseTitle = loaded.baseline().name() + " (r" + baselineRunId + ")";
        String candTitle = loaded.candidate().name() + " (r" + candidateRunId + ")";
        setText(loaded.baseline().name() + " vs " + loaded.candidate().name());
        setTooltip(new Tooltip(baseTitle + " vs " + candTitle));
        RunComparisonView view = new RunComparisonView(new RunComparisonViewModel(statistics));
        saveButton.setTooltip(new Tooltip("Keep this comparison with its thresholds in the library"));
        saveButton.disableProperty().bind(view.getViewModel().comparisonProperty().isNull());
        saveButton.setOnAction(e -> save(view));
        view.getToolbar().getItems().add(saveButton);
        view.getViewModel().setRuns(baseTitle, loaded.baselineRun(), candTitle, loaded.candidateRun());
        runView = view;
        if (loaded.profiles() == null) {
            setContent(view);
            return;
        }
        ComparisonTab.ComparisonView profiles = new ComparisonTab.ComparisonView();
        profiles.setNote(loaded.profiles().note());
        profiles.pane().setSides(loaded.profiles().baseline(), loaded.profiles().candidate());
        profileView = profiles;
        TabPane views = new TabPane(new Tab("Benchmarks", view), new Tab("Profiles", profiles));
        views.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        views.getStyleClass().add("run-comparison-views");
        setContent(views);
    }

    private RunComparisonView runView;
    private ComparisonTab.ComparisonView profileView;

    /** The differential flame graph of the runs' attached profiles, or null when they have none of one kind. */
    public dev.perfdesk.viewers.diff.DiffFlameGraphPane profilePane() {
        return profileView == null ? null : profileView.pane();
    }

    private void save(RunComparisonView view) {
        RunComparison c = view.getViewModel().getComparison();
        if (c == null) {
            return;
        }
        model.save(c, saved -> {
            view.showStatus("Saved as c" + saved.id() + ": " + saved.name());
            onSaved.run();
        }, message -> view.showStatus("Could not save the comparison: " + message));
    }

    private Runnable onSaved = () -> { };

    /** What runs once the comparison is saved (the window refreshes its library). */
    public void setOnSaved(Runnable handler) {
        onSaved = handler;
    }

    /** Whether the tab compares these two stored runs, in this order. */
    public boolean compares(long baseline, long candidate) {
        return baselineRunId == baseline && candidateRunId == candidate;
    }

    /** Whether either side is the stored run {@code id}. */
    public boolean involves(long runId) {
        return baselineRunId == runId || candidateRunId == runId;
    }

    /** The view, once both runs are loaded; null before. */
    public RunComparisonView view() {
        return runView;
    }
}
