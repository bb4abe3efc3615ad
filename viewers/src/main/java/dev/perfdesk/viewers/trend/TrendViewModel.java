package dev.perfdesk.viewers.trend;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javafx.beans.InvalidationListener;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import dev.perfdesk.core.changepoint.ChangePointOptions;
import dev.perfdesk.core.changepoint.Direction;
import dev.perfdesk.core.series.ChangePointReport;
import dev.perfdesk.core.series.SeriesAnalysis;
import dev.perfdesk.core.series.SeriesSet;
import dev.perfdesk.viewers.LatestWins;

/**
 * The state behind a {@link TrendView}: the series set, the detector's options and each metric's direction in;
 * the change-point reports of every metric out. Whenever an input changes, the analysis runs on the executor and
 * its result replaces the reports in one step on the UI executor (the FX thread in the application); a result that
 * an input change has made stale is dropped ({@link LatestWins}).
 *
 * <pre>{@code
 * TrendViewModel vm = new TrendViewModel(TrendViewModel.defaultExecutor());
 * vm.setDirections(Map.of("p99", Direction.LOWER_IS_BETTER));
 * vm.setSeriesSet(set);
 * }</pre>
 */
public final class TrendViewModel implements AutoCloseable {
    private final LatestWins work;

    private final ObjectProperty<SeriesSet> seriesSet = new SimpleObjectProperty<>(this, "seriesSet");
    private final ObjectProperty<ChangePointOptions> options =
            new SimpleObjectProperty<>(this, "options", ChangePointOptions.DEFAULTS);
    private final ObjectProperty<Map<String, Direction>> directions =
            new SimpleObjectProperty<>(this, "directions", Map.of());
    private final StringProperty selectedMetric = new SimpleStringProperty(this, "selectedMetric");
    private final ReadOnlyObjectWrapper<Map<String, ChangePointReport>> reports =
            new ReadOnlyObjectWrapper<>(this, "reports", Map.of());
    private final ReadOnlyObjectWrapper<ChangePointReport> report = new ReadOnlyObjectWrapper<>(this, "report");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");

    /** @param executor where the analysis runs; results are applied on the FX thread */
    public TrendViewModel(Executor executor) {
        this(executor, LatestWins.fxThread());
    }

    /**
     * @param executor where the analysis runs; {@code Runnable::run} runs it on the calling thread (tests)
     * @param ui       where results are applied: {@link LatestWins#fxThread()}, or {@code Runnable::run} in tests
     */
    public TrendViewModel(Executor executor, Executor ui) {
        this.work = new LatestWins(executor, ui);
        InvalidationListener reanalyse = o -> analyse();
        seriesSet.addListener(reanalyse);
        options.addListener(reanalyse);
        directions.addListener(reanalyse);
        InvalidationListener pick = o -> report.set(selectedMetric.get() == null ? null
                : reports.get().get(selectedMetric.get()));
        selectedMetric.addListener(pick);
        reports.addListener(pick);
    }

    /** A single daemon thread for the analysis. */
    public static ExecutorService defaultExecutor() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "trend-analysis");
            t.setDaemon(true);
            return t;
        });
    }

    /** An analysis's reports by metric, and why it failed (empty when it did not). */
    private record Analysis(Map<String, ChangePointReport> reports, String message) {
    }

    private void analyse() {
        SeriesSet set = seriesSet.get();
        ChangePointOptions opts = options.get();
        Map<String, Direction> dirs = directions.get() == null ? Map.of() : Map.copyOf(directions.get());
        if (set == null) {
            work.cancel();
            apply(new Analysis(Map.of(), ""));
            return;
        }
        busy.set(true);
        work.submit(monitor -> analysis(set, opts, dirs), this::apply,
                e -> apply(new Analysis(Map.of(), "The analysis failed: " + e.getMessage())));
    }

    private static Analysis analysis(SeriesSet set, ChangePointOptions opts, Map<String, Direction> dirs) {
        Map<String, ChangePointReport> out = new LinkedHashMap<>();
        String failure = "";
        try {
            List<ChangePointReport> all = SeriesAnalysis.analyze(set, opts, dirs);
            for (ChangePointReport r : all) {
                out.put(r.series().metric(), r);
            }
        } catch (RuntimeException e) {
            failure = "The analysis failed: " + e.getMessage();
        }
        return new Analysis(out, failure);
    }

    private void apply(Analysis analysis) {
        Map<String, ChangePointReport> result = analysis.reports();
        String keep = selectedMetric.get();
        reports.set(Collections.unmodifiableMap(result));
        if (keep == null || !result.containsKey(keep)) {
            selectedMetric.set(result.isEmpty() ? null : result.keySet().iterator().next());
        }
        error.set(analysis.message());
        busy.set(false);
    }

    /** Drops any analysis still running: its result is not applied. The executor is left to its owner. */
    @Override
    public void close() {
        work.close();
    }

    /** The runs to show; null for none. */
    public ObjectProperty<SeriesSet> seriesSetProperty() {
        return seriesSet;
    }

    public SeriesSet getSeriesSet() {
        return seriesSet.get();
    }

    public void setSeriesSet(SeriesSet value) {
        seriesSet.set(value);
    }

    /** The detector's window, maximum p-value and minimum magnitude; Otava's defaults at first. */
    public ObjectProperty<ChangePointOptions> optionsProperty() {
        return options;
    }

    public ChangePointOptions getOptions() {
        return options.get();
    }

    public void setOptions(ChangePointOptions value) {
        options.set(value);
    }

    /** Each metric's direction; metrics left out are higher-is-better ({@link SeriesAnalysis#DEFAULT_DIRECTION}). */
    public ObjectProperty<Map<String, Direction>> directionsProperty() {
        return directions;
    }

    public void setDirections(Map<String, Direction> value) {
        directions.set(value);
    }

    /** The metric shown; set to the first metric when the reports arrive and the current one is not among them. */
    public StringProperty selectedMetricProperty() {
        return selectedMetric;
    }

    public String getSelectedMetric() {
        return selectedMetric.get();
    }

    public void setSelectedMetric(String metric) {
        selectedMetric.set(metric);
    }

    /** The reports of every metric, in the set's metric order; empty until the first analysis ends. */
    public ReadOnlyObjectProperty<Map<String, ChangePointReport>> reportsProperty() {
        return reports.getReadOnlyProperty();
    }

    public Map<String, ChangePointReport> getReports() {
        return reports.get();
    }

    /** The report of the selected metric, or null. */
    public ReadOnlyObjectProperty<ChangePointReport> reportProperty() {
        return report.getReadOnlyProperty();
    }

    public ChangePointReport getReport() {
        return report.get();
    }

    /** Whether an analysis is running. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public boolean isBusy() {
        return busy.get();
    }

    /** Shows {@code message} where an analysis's failure is shown: for work around the analysis that failed. */
    public void setError(String message) {
        error.set(message);
    }

    /** Why the last analysis failed, or empty. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
