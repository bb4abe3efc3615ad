package dev.perfdesk.app.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;

import dev.perfdesk.core.bench.DisplayUnits;
import dev.perfdesk.core.changepoint.ChangePoint;
import dev.perfdesk.core.series.ChangePointReview;
import dev.perfdesk.core.series.RunHistory;
import dev.perfdesk.core.series.SeriesChangePoint;
import dev.perfdesk.core.series.SeriesPoint;
import dev.perfdesk.core.series.SeriesSet;
import dev.perfdesk.viewers.trend.ChangePointEvent;
import dev.perfdesk.viewers.trend.TrendView;

/**
 * A tab with a metric's history and its change points: a stored series set (a CSV table of runs), or one
 * benchmark's history across the store's runs. Reviews (acknowledge, dismiss) are kept in the store; opening a
 * change point compares the two runs around it.
 */
public final class TrendTab extends Tab {

    private final TrendTabModel.Source source;
    private final TrendTabModel model;
    private final TrendView view = new TrendView();

    /**
     * @param model             the history's store-facing side
     * @param openRunComparison opens the comparison of two stored runs (baseline id, candidate id)
     */
    public TrendTab(TrendTabModel model, BiConsumer<Long, Long> openRunComparison) {
        this.source = model.source();
        this.model = model;
        setText(source.benchmark() != null ? "History · " + source.benchmark() : "Series s" + source.seriesId());
        getStyleClass().add("trend-tab");
        setContent(TabContent.loading("Analysing…"));
        // The store is written off the FX thread; the reviews it then holds are applied in one step.
        view.setReviewHandler((cp, status, reason) -> model.saveReview(cp.key(), new ChangePointReview(status, reason),
                view::setReviews, message -> view.getViewModel().setError("Could not save the review: " + message)));
        view.setOnChangePointSelected(e -> compare(e, openRunComparison));
        TaskRunner.Cancellable reading = model.load(this::show,
                message -> setContent(TabContent.failed("Could not open this history: " + message)));
        tabPaneProperty().addListener((o, was, now) -> {
            if (was != null && now == null) {
                reading.cancel();
            }
        });
    }

    private void show(TrendTabModel.Loaded loaded) {
        view.setReviews(loaded.reviews());
        if (loaded instanceof TrendTabModel.BenchmarkHistory history) {
            seriesList = history.series();
            setContent(withSeriesChooser(history.series()));
            return;
        }
        TrendTabModel.StoredSeriesSet stored = (TrendTabModel.StoredSeriesSet) loaded;
        SeriesSet set = stored.set();
        setText(set.name());
        setTooltip(new Tooltip(set.name() + "\n" + set.size() + " runs · " + String.join(", ", set.metricNames())));
        view.getViewModel().setDirections(stored.directions());
        view.setSeriesSet(set);
        javafx.scene.layout.BorderPane pane = new javafx.scene.layout.BorderPane(view);
        pane.setTop(bar(null, configurations(set)));
        setContent(pane);
    }

    /**
     * A benchmark's history: a chooser of its series (one per mode, metric and unit: {@code thrpt · ops/us},
     * {@code avgt · gc.alloc.rate.norm · B/op}) above the trend of the chosen one, with its configurations.
     */
    private javafx.scene.Node withSeriesChooser(List<RunHistory.RunSeries> found) {
        javafx.scene.layout.BorderPane pane = new javafx.scene.layout.BorderPane(view);
        javafx.scene.control.ComboBox<RunHistory.RunSeries> chooser = new javafx.scene.control.ComboBox<>(
                javafx.collections.FXCollections.observableArrayList(found));
        chooser.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(RunHistory.RunSeries s) {
                return s == null ? "" : s.label() + "  (" + s.set().size() + (s.set().size() == 1 ? " run)" : " runs)");
            }

            @Override
            public RunHistory.RunSeries fromString(String text) {
                return null;
            }
        });
        chooser.getStyleClass().add("trend-series-box");
        chooser.setTooltip(new Tooltip("Each mode, metric and unit of the benchmark is its own series"));
        chooser.valueProperty().addListener((o, was, now) -> {
            if (now != null) {
                show(now, pane, chooser);
            }
        });
        seriesChooser = chooser;
        chooser.setValue(found.get(0));
        return pane;
    }

    private void show(RunHistory.RunSeries series, javafx.scene.layout.BorderPane pane,
                      javafx.scene.control.ComboBox<RunHistory.RunSeries> chooser) {
        SeriesSet set = series.set();
        setTooltip(new Tooltip(series.benchmark() + "\n" + seriesList.size() + " series · " + set.size()
                + " runs of " + series.label()));
        view.getViewModel().setDirections(series.directions());
        view.setSeriesSet(set);
        pane.setTop(bar(chooser, configurations(set)));
    }

    /**
     * The chooser of configurations when the runs carry labels with a few distinct values (branch, machine, JDK,
     * label; never the run id): choosing one analyses only the runs of that configuration. Null when there are none.
     */
    private javafx.scene.control.ComboBox<String> configurations(SeriesSet set) {
        List<String> choices = new ArrayList<>();
        choices.add(ALL_RUNS);
        choices.addAll(RunHistory.configurations(set));
        if (choices.size() == 1) {
            configurationChooser = null;
            return null;
        }
        javafx.scene.control.ComboBox<String> configuration = new javafx.scene.control.ComboBox<>(
                javafx.collections.FXCollections.observableArrayList(choices));
        configuration.setValue(ALL_RUNS);
        configuration.setTooltip(new Tooltip("Analyse only the runs of one configuration"));
        configuration.valueProperty().addListener((o, was, now) -> {
            if (now == null || now.equals(ALL_RUNS)) {
                view.setSeriesSet(set);
            } else {
                int eq = now.indexOf('=');
                view.setSeriesSet(set.filter(now.substring(0, eq), now.substring(eq + 1)));
            }
        });
        configurationChooser = configuration;
        return configuration;
    }

    private static javafx.scene.Node bar(javafx.scene.Node seriesChooser, javafx.scene.Node configurationChooser) {
        javafx.scene.layout.HBox bar = new javafx.scene.layout.HBox(8);
        if (seriesChooser != null) {
            bar.getChildren().addAll(new Label("Series"), seriesChooser);
        }
        if (configurationChooser != null) {
            bar.getChildren().addAll(new Label("Configuration"), configurationChooser);
        }
        if (bar.getChildren().isEmpty()) {
            return null;
        }
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 8, 4, 8));
        return bar;
    }

    private static final String ALL_RUNS = "all runs";
    private javafx.scene.control.ComboBox<String> configurationChooser;
    private javafx.scene.control.ComboBox<RunHistory.RunSeries> seriesChooser;
    private List<RunHistory.RunSeries> seriesList = List.of();

    /** The configuration chooser, or null when the runs have no configuration labels; for tests. */
    javafx.scene.control.ComboBox<String> configurationChooser() {
        return configurationChooser;
    }

    /** The chooser of a benchmark's series, or null for a stored series set; for tests. */
    javafx.scene.control.ComboBox<RunHistory.RunSeries> seriesChooser() {
        return seriesChooser;
    }

    /** What the tab shows. */
    public TrendTabModel.Source source() {
        return source;
    }

    /** The trend view, for tests. */
    public TrendView view() {
        return view;
    }

    private void compare(ChangePointEvent e, BiConsumer<Long, Long> openRunComparison) {
        String before = e.before() == null ? null : e.before().attribute(RunHistory.RUN_LABEL);
        String after = e.after() == null ? null : e.after().attribute(RunHistory.RUN_LABEL);
        if (before != null && after != null && before.startsWith("r") && after.startsWith("r")) {
            openRunComparison.accept(Long.parseLong(before.substring(1)), Long.parseLong(after.substring(1)));
            compareProfiles(e.changePoint());
            return;
        }
        showRowComparison(e);
    }

    private BiConsumer<String, java.util.concurrent.Callable<ComparisonTab.Sides>> onProfileComparison =
            (title, sides) -> { };

    /**
     * What opens the differential flame graph of the profiles attached to the runs around a change point: it gets
     * the tab's title and the work that reads both sides (the window opens a {@link ComparisonTab}).
     */
    public void setOnProfileComparison(BiConsumer<String, java.util.concurrent.Callable<ComparisonTab.Sides>> handler) {
        onProfileComparison = handler;
    }

    /**
     * Looks, in the background, for the profiles attached to the runs around {@code cp} (or to the nearest runs
     * before and after it that have some) and opens their differential flame graph; nothing when no run on one
     * side has a profile of a kind the other has.
     */
    private void compareProfiles(SeriesChangePoint cp) {
        SeriesSet set = view.getViewModel().getSeriesSet();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < set.size(); i++) {
            String label = set.attribute(RunHistory.RUN_LABEL, i);
            ids.add(label != null && label.matches("r\\d{1,18}") ? Long.parseLong(label.substring(1)) : -1L);
        }
        model.findProfiles(ids, cp, plan -> {
            if (plan != null) {
                onProfileComparison.accept("Profiles r" + plan.baselineRunId() + " vs r" + plan.candidateRunId(),
                        model.profileSides(plan));
            }
        }, message -> view.getViewModel().setError("Could not look for the runs' profiles: " + message));
    }

    /** The two runs of a CSV table around a change point, side by side: labels and every metric. */
    private void showRowComparison(ChangePointEvent e) {
        SeriesSet set = view.getViewModel().getSeriesSet();
        GridPane grid = new GridPane();
        grid.setHgap(14);
        grid.setVgap(4);
        grid.setPadding(new Insets(8));
        int row = 0;
        for (String[] cells : comparisonRows(set, e.changePoint())) {
            if (row == 0) {
                grid.addRow(row++, bold(cells[0]), bold(cells[1]), bold(cells[2]), bold(cells[3]));
            } else {
                grid.addRow(row++, new Label(cells[0]), new Label(cells[1]), new Label(cells[2]),
                        new Label(cells[3]));
            }
        }
        Alert alert = new Alert(Alert.AlertType.INFORMATION);
        alert.setTitle("Runs around the change point");
        alert.setHeaderText(comparisonHeader(e.changePoint()));
        alert.getDialogPane().setContent(grid);
        if (getTabPane() != null && getTabPane().getScene() != null) {
            alert.initOwner(getTabPane().getScene().getWindow());
        }
        alert.show();
    }

    /**
     * The header of the runs-around dialog: the metric and its change as the change points' table prints it
     * ({@link ChangePoint#changePercent()}, written by {@link DisplayUnits#percent}).
     */
    static String comparisonHeader(SeriesChangePoint cp) {
        SeriesPoint p = cp.after();
        return cp.metric() + ": " + DisplayUnits.percent(cp.changePercent()) + " at run " + cp.index()
                + (p == null || p.label().isEmpty() ? "" : " (" + p.label() + ")");
    }

    /**
     * The rows of the runs-around dialog: a header, the time and labels of both runs, the change point's metric
     * as the means of the segments on either side (the change the table shows), and each metric of the two runs.
     * Numbers by {@link DisplayUnits#number}, changes by {@link ChangePoint#percentChange}.
     */
    static List<String[]> comparisonRows(SeriesSet set, SeriesChangePoint cp) {
        int after = cp.index();
        int before = after - 1;
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"", "run before", "run after", "change"});
        rows.add(new String[] {"time", TrendFormatter.time(set.time(before)), TrendFormatter.time(set.time(after)),
            ""});
        for (String a : set.attributeNames()) {
            rows.add(new String[] {a, orDash(set.attribute(a, before)), orDash(set.attribute(a, after)), ""});
        }
        String cpUnit = unitSuffix(set.unit(cp.metric()));
        rows.add(new String[] {cp.metric() + " (segment mean)", num(cp.meanBefore()) + cpUnit,
            num(cp.meanAfter()) + cpUnit, DisplayUnits.percent(cp.changePercent())});
        for (String m : set.metricNames()) {
            double x = set.values(m)[before];
            double y = set.values(m)[after];
            String unit = unitSuffix(set.unit(m));
            rows.add(new String[] {m, num(x) + unit, num(y) + unit,
                DisplayUnits.percent(ChangePoint.percentChange(x, y))});
        }
        return rows;
    }

    private static String unitSuffix(String unit) {
        return unit == null || unit.isEmpty() ? "" : " " + DisplayUnits.label(unit);
    }

    private static Label bold(String text) {
        Label l = new Label(text);
        l.setStyle("-fx-font-weight: bold;");
        return l;
    }

    private static String orDash(String s) {
        return s == null || s.isEmpty() ? "–" : s;
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "–" : DisplayUnits.number(v);
    }

    /** Times for people, in the local zone. */
    private static final class TrendFormatter {
        private static final java.time.format.DateTimeFormatter FORMAT = java.time.format.DateTimeFormatter
                .ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(java.time.ZoneId.systemDefault());

        static String time(long epochMillis) {
            return FORMAT.format(java.time.Instant.ofEpochMilli(epochMillis));
        }
    }
}
