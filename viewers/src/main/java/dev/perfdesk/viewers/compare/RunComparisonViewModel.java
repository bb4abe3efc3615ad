package dev.perfdesk.viewers.compare;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javafx.beans.InvalidationListener;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

import dev.perfdesk.core.bench.BenchmarkRun;
import dev.perfdesk.core.report.BenchmarkComparison;
import dev.perfdesk.core.report.HtmlReportWriter;
import dev.perfdesk.core.report.LatencyTarget;
import dev.perfdesk.core.report.MarkdownReportWriter;
import dev.perfdesk.core.report.NoteGroup;
import dev.perfdesk.core.report.ReportWriter;
import dev.perfdesk.core.report.RunComparison;
import dev.perfdesk.core.stats.ComparisonOptions;
import dev.perfdesk.viewers.LatestWins;

/**
 * The state behind a {@link RunComparisonView}: two runs, the noise threshold and alpha in; the
 * {@link RunComparison} out, with its rows in report order (regressions first, then improvements, then the rest),
 * the rows whose name matches the filter, the notes grouped by kind and the package prefix every name shares.
 * Whenever an input changes, the comparison is recomputed on the executor and replaces the old one in one step on
 * the UI executor (the FX thread in the application); a result made stale by a newer input is dropped
 * ({@link LatestWins}). The selected benchmark survives a
 * recomputation when it is still compared.
 *
 * <pre>{@code
 * RunComparisonViewModel vm = new RunComparisonViewModel(RunComparisonViewModel.defaultExecutor());
 * vm.setRuns("main (r3)", before, "branch (r4)", after);
 * vm.thresholdProperty().set(0.10);   // recomputes off the FX thread
 * }</pre>
 */
public final class RunComparisonViewModel implements AutoCloseable {
    private final LatestWins work;

    private final ReadOnlyObjectWrapper<Sides> sides = new ReadOnlyObjectWrapper<>(this, "sides");
    private final DoubleProperty threshold = new SimpleDoubleProperty(this, "threshold",
            ComparisonOptions.DEFAULTS.noiseThreshold());
    private final DoubleProperty alpha = new SimpleDoubleProperty(this, "alpha", ComparisonOptions.DEFAULTS.alpha());
    private final ObjectProperty<List<LatencyTarget>> targets = new SimpleObjectProperty<>(this, "targets", List.of());
    private final ReadOnlyObjectWrapper<RunComparison> comparison = new ReadOnlyObjectWrapper<>(this, "comparison");
    private final ObjectProperty<BenchmarkComparison> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ObservableList<BenchmarkComparison> rows = FXCollections.observableArrayList();
    private final FilteredList<BenchmarkComparison> visibleRows = new FilteredList<>(rows);
    private final StringProperty filter = new SimpleStringProperty(this, "filter", "");
    private final ObservableList<NoteGroup> noteGroups = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper namePrefix = new ReadOnlyStringWrapper(this, "namePrefix", "");

    /** The two runs and how reports name them. */
    private record Sides(String baselineTitle, BenchmarkRun baseline, String candidateTitle, BenchmarkRun candidate) {
    }

    /** @param executor where comparisons are computed; {@code Runnable::run} computes on the calling thread */
    public RunComparisonViewModel(Executor executor) {
        this(executor, LatestWins.fxThread());
    }

    /**
     * @param executor where comparisons are computed
     * @param fxThread where results are applied; {@code Runnable::run} in plain unit tests without a toolkit
     */
    public RunComparisonViewModel(Executor executor, Executor fxThread) {
        this.work = new LatestWins(executor, fxThread);
        filter.addListener(o -> applyFilter());
        InvalidationListener recompute = o -> recompute();
        sides.addListener(recompute);
        threshold.addListener(recompute);
        alpha.addListener(recompute);
        targets.addListener(recompute);
    }

    /** A single daemon thread for the statistics. */
    public static ExecutorService defaultExecutor() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "run-comparison");
            t.setDaemon(true);
            return t;
        });
    }

    /** Compares {@code candidate} with {@code baseline}, named as the titles say. */
    public void setRuns(String baselineTitle, BenchmarkRun baseline, String candidateTitle, BenchmarkRun candidate) {
        sides.set(new Sides(baselineTitle, baseline, candidateTitle, candidate));
    }

    private void recompute() {
        Sides s = sides.get();
        if (s == null) {
            work.cancel();
            return;
        }
        double t = threshold.get();
        double a = alpha.get();
        List<LatencyTarget> ts = List.copyOf(targets.get() == null ? List.of() : targets.get());
        busy.set(true);
        work.submit(monitor -> compared(s, t, a, ts), this::apply,
                e -> apply(new Compared(null, "Could not compare the runs: " + e.getMessage())));
    }

    /** A comparison, or null with why it failed. */
    private record Compared(RunComparison result, String message) {
    }

    private static Compared compared(Sides s, double t, double a, List<LatencyTarget> ts) {
        try {
            ComparisonOptions options = ComparisonOptions.DEFAULTS.withNoiseThreshold(t).withAlpha(a);
            return new Compared(RunComparison.compare(s.baselineTitle(), s.baseline(), s.candidateTitle(),
                    s.candidate(), options, ts), "");
        } catch (RuntimeException e) {
            return new Compared(null, "Could not compare the runs: " + e.getMessage());
        }
    }

    private void apply(Compared compared) {
        RunComparison result = compared.result();
        String message = compared.message();
        BenchmarkComparison was = selected.get();
        List<BenchmarkComparison> ordered = result == null ? List.of() : result.benchmarksInReportOrder();
        namePrefix.set(result == null ? "" : result.commonPrefix());
        rows.setAll(ordered);
        noteGroups.setAll(result == null ? List.of() : result.noteGroups());
        comparison.set(result);
        BenchmarkComparison keep = null;
        if (!ordered.isEmpty()) {
            keep = ordered.get(0);
            if (was != null) {
                for (BenchmarkComparison b : ordered) {
                    if (b.key().equals(was.key()) && b.unit().equals(was.unit())) {
                        keep = b;
                    }
                }
            }
        }
        selected.set(keep);
        error.set(message);
        busy.set(false);
    }

    private void applyFilter() {
        String f = filter.get() == null ? "" : filter.get().strip().toLowerCase(Locale.ROOT);
        visibleRows.setPredicate(f.isEmpty() ? null : b -> b.key().toString().toLowerCase(Locale.ROOT).contains(f));
    }

    /** The benchmark's name without the shared package prefix (no mode, metric or parameters). */
    public String shortName(BenchmarkComparison b) {
        String n = b.baseline().name();
        String p = namePrefix.get();
        return !p.isEmpty() && n.startsWith(p) ? n.substring(p.length()) : n;
    }

    /** Drops any comparison still being computed: it is not applied. The executor is left to its owner. */
    @Override
    public void close() {
        work.close();
    }

    /** Writes the current comparison as a Markdown report. */
    public void exportMarkdown(Path file) throws IOException {
        export(new MarkdownReportWriter(), file);
    }

    /** Writes the current comparison as a self-contained HTML report. */
    public void exportHtml(Path file) throws IOException {
        export(new HtmlReportWriter(), file);
    }

    private void export(ReportWriter writer, Path file) throws IOException {
        RunComparison c = comparison.get();
        if (c == null) {
            throw new IOException("nothing to export yet: the comparison is still being computed");
        }
        Files.writeString(file, writer.write(c), StandardCharsets.UTF_8);
    }

    /** The noise threshold as a fraction: 0.05 for 5%. */
    public DoubleProperty thresholdProperty() {
        return threshold;
    }

    /** The significance level. */
    public DoubleProperty alphaProperty() {
        return alpha;
    }

    /** Latency targets the candidate must meet. */
    public ObjectProperty<List<LatencyTarget>> targetsProperty() {
        return targets;
    }

    /** The latest comparison; null before the first is computed or when it failed. */
    public ReadOnlyObjectProperty<RunComparison> comparisonProperty() {
        return comparison.getReadOnlyProperty();
    }

    /** The current comparison, or null. */
    public RunComparison getComparison() {
        return comparison.get();
    }

    /** The benchmark whose percentile curves are shown. */
    public ObjectProperty<BenchmarkComparison> selectedProperty() {
        return selected;
    }

    /** Every compared benchmark in report order: regressions (largest change first), improvements, the rest. */
    public ObservableList<BenchmarkComparison> rows() {
        return FXCollections.unmodifiableObservableList(rows);
    }

    /** The rows whose name or parameters contain the filter, ignoring case, in report order. */
    public FilteredList<BenchmarkComparison> visibleRows() {
        return visibleRows;
    }

    /** Text the shown rows' names must contain; empty shows every row. */
    public StringProperty filterProperty() {
        return filter;
    }

    /** The notes of the comparison grouped by kind, each with its benchmarks. */
    public ObservableList<NoteGroup> noteGroups() {
        return FXCollections.unmodifiableObservableList(noteGroups);
    }

    /** The prefix every benchmark name shares ({@link RunComparison#commonPrefix()}); may be empty. */
    public ReadOnlyStringProperty namePrefixProperty() {
        return namePrefix.getReadOnlyProperty();
    }

    /** Whether a comparison is being computed. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Why the last comparison failed; empty when it did not. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
