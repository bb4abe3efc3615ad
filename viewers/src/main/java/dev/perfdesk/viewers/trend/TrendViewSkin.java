package dev.perfdesk.viewers.trend;

import java.awt.geom.Rectangle2D;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SkinBase;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;

import org.jfree.chart.event.ChartProgressEvent;
import org.jfree.chart.event.ChartProgressListener;
import org.jfree.chart.fx.ChartViewer;

import dev.perfdesk.core.series.ChangePointReport;
import dev.perfdesk.core.series.ChangePointReview;
import dev.perfdesk.core.series.ReviewStatus;
import dev.perfdesk.core.series.SeriesChangePoint;

/**
 * Lays out a {@link TrendView}: a bar with the metric selector and a summary, the chart, and below it the change
 * points' table with the Compare, Acknowledge and Dismiss buttons.
 */
final class TrendViewSkin extends SkinBase<TrendView> {
    /** Whether a paint property changed since the chart was last recoloured. */
    private boolean coloursChanged;

    @Override
    protected void layoutChildren(double x, double y, double w, double h) {
        if (coloursChanged) {
            coloursChanged = false;
            applyColours();
        }
        super.layoutChildren(x, y, w, h);
    }

    private final ZoneId zone = ZoneId.systemDefault();
    private final TrendChart chart = new TrendChart();
    private final ChartViewer viewer = new ChartViewer(chart.chart());
    private final ComboBox<String> metricBox = new ComboBox<>();
    private final Label metricLabel = new Label("Metric");
    private final Label summary = new Label();
    private final TableView<SeriesChangePoint> table = new TableView<>();
    private final Button compare = new Button("Compare runs");
    private final Button acknowledge = new Button("Acknowledge…");
    private final Button dismiss = new Button("Dismiss…");
    private final Label message = new Label();
    private final List<Runnable> disposers = new ArrayList<>();
    private boolean updatingSelection;

    TrendViewSkin(TrendView view) {
        super(view);
        TrendViewModel vm = view.getViewModel();

        metricLabel.setLabelFor(metricBox);
        metricBox.getStyleClass().add("trend-metric-box");
        summary.getStyleClass().add("trend-summary");
        // A long benchmark name would cut the summary off at the window's edge: it wraps instead, whole in a tooltip.
        summary.setWrapText(true);
        summary.setMinWidth(0);
        summary.setMinHeight(Region.USE_PREF_SIZE);
        HBox.setHgrow(summary, Priority.ALWAYS);
        javafx.scene.control.Tooltip summaryTip = new javafx.scene.control.Tooltip();
        summaryTip.textProperty().bind(summary.textProperty());
        summary.setTooltip(summaryTip);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, metricLabel, metricBox, summary, spacer);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 10, 6, 10));
        bar.getStyleClass().add("trend-bar");

        viewer.getStyleClass().add("trend-chart");
        viewer.setMinHeight(160);
        javafx.event.EventHandler<MouseEvent> click = this::chartClicked;
        viewer.getCanvas().addEventHandler(MouseEvent.MOUSE_CLICKED, click);
        disposers.add(() -> viewer.getCanvas().removeEventHandler(MouseEvent.MOUSE_CLICKED, click));
        // Labels are laid out for the width last drawn; when that changes them, the chart draws once more.
        ChartProgressListener relabel = e -> {
            if (e.getType() == ChartProgressEvent.DRAWING_FINISHED) {
                Platform.runLater(() -> {
                    Rectangle2D area = dataArea();
                    if (area != null) {
                        chart.relayoutLabels(area.getWidth());
                    }
                });
            }
        };
        chart.chart().addProgressListener(relabel);
        disposers.add(() -> chart.chart().removeProgressListener(relabel));

        buildTable();
        compare.getStyleClass().add("trend-compare");
        acknowledge.getStyleClass().add("trend-acknowledge");
        dismiss.getStyleClass().add("trend-dismiss");
        compare.setTooltip(new Tooltip("Open the comparison of the last run before and the first run after the "
                + "selected change point"));
        acknowledge.setTooltip(new Tooltip("A real change, known and accepted: no longer fails the check"));
        dismiss.setTooltip(new Tooltip("Not a real change (noise, a machine change): no longer fails the check"));
        compare.setOnAction(e -> view.openComparison(table.getSelectionModel().getSelectedItem()));
        acknowledge.setOnAction(e -> review(ReviewStatus.ACKNOWLEDGED));
        dismiss.setOnAction(e -> review(ReviewStatus.DISMISSED));
        message.getStyleClass().add("trend-message");
        Label title = new Label("Change points");
        title.getStyleClass().add("trend-table-title");
        HBox actions = new HBox(8, title, message, new Region(), compare, acknowledge, dismiss);
        HBox.setHgrow(actions.getChildren().get(2), Priority.ALWAYS);
        actions.setAlignment(Pos.CENTER_LEFT);
        actions.setPadding(new Insets(6, 10, 6, 10));
        VBox bottom = new VBox(actions, table);
        VBox.setVgrow(table, Priority.ALWAYS);
        bottom.setMinHeight(100);

        SplitPane split = new SplitPane(viewer, bottom);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.64);
        BorderPane root = new BorderPane(split);
        root.setTop(bar);
        getChildren().add(root);

        metricBox.valueProperty().addListener((o, was, now) -> {
            if (now != null && !now.equals(vm.getSelectedMetric())) {
                vm.setSelectedMetric(now);
            }
        });
        listen(vm.reportsProperty(), o -> updateMetrics());
        listen(vm.selectedMetricProperty(), o -> metricBox.setValue(vm.getSelectedMetric()));
        listen(vm.reportProperty(), o -> showReport());
        listen(vm.busyProperty(), o -> updateSummary());
        listen(vm.errorProperty(), o -> updateSummary());
        listen(view.reviewsRevisionProperty(), o -> {
            table.refresh();
            restyle();
            updateSummary();
        });
        listen(view.selectedChangePointProperty(), o -> {
            SeriesChangePoint cp = view.getSelectedChangePoint();
            if (!updatingSelection && cp != null && table.getItems().contains(cp)) {
                table.getSelectionModel().select(cp);
                table.scrollTo(cp);
            }
            restyle();
        });
        listen(view.reviewHandlerProperty(), o -> updateButtons());
        listen(table.getSelectionModel().selectedItemProperty(), o -> {
            updatingSelection = true;
            view.setSelectedChangePoint(table.getSelectionModel().getSelectedItem());
            updatingSelection = false;
            updateButtons();
        });
        // A theme change sets every paint property at once: recolour (one chart redraw) once, at the next layout,
        // rather than redrawing the chart once per property.
        for (ObservableValue<Paint> p : view.paintProperties()) {
            listen(p, o -> {
                coloursChanged = true;
                getSkinnable().requestLayout();
            });
        }
        applyColours();
        updateMetrics();
        showReport();
    }

    private void listen(Observable o, InvalidationListener l) {
        o.addListener(l);
        disposers.add(() -> o.removeListener(l));
    }

    @Override
    public void dispose() {
        disposers.forEach(Runnable::run);
        disposers.clear();
        super.dispose();
    }

    private void buildTable() {
        table.getStyleClass().add("trend-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No change points"));
        TrendView view = getSkinnable();
        table.getColumns().add(column("Status", 100, cp -> statusText(view.reviewOf(cp))));
        table.getColumns().add(column("Index", 60, cp -> String.valueOf(cp.index())));
        table.getColumns().add(column("Time", 130, cp -> TrendFormat.time(cp.time(), zone)));
        table.getColumns().add(column("First run after", 120, cp -> cp.after().label()));
        table.getColumns().add(column("Before (mean ± sd)", 150,
                cp -> TrendFormat.meanAndDeviation(cp.meanBefore(), cp.stddevBefore())));
        table.getColumns().add(column("After (mean ± sd)", 150,
                cp -> TrendFormat.meanAndDeviation(cp.meanAfter(), cp.stddevAfter())));
        table.getColumns().add(column("Change", 80, cp -> TrendFormat.percent(cp.changePercent())));
        table.getColumns().add(column("p-value", 80, cp -> TrendFormat.pValue(cp.pValue())));
        table.getColumns().add(column("Kind", 100, cp -> cp.regression() ? "regression" : "improvement"));
        table.getColumns().add(column("Reason", 200, cp -> view.reviewOf(cp).reason()));
        for (int c : new int[] {1, 6, 7}) {
            table.getColumns().get(c).setStyle("-fx-alignment: CENTER-RIGHT;");
        }
        table.setRowFactory(t -> {
            TableRow<SeriesChangePoint> row = new TableRow<>() {
                @Override
                protected void updateItem(SeriesChangePoint cp, boolean empty) {
                    super.updateItem(cp, empty);
                    getStyleClass().removeAll("regression", "improvement");
                    if (!empty && cp != null) {
                        getStyleClass().add(cp.regression() ? "regression" : "improvement");
                        setTooltip(new Tooltip(rowTooltip(cp)));
                    } else {
                        setTooltip(null);
                    }
                }
            };
            row.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !row.isEmpty()) {
                    view.openComparison(row.getItem());
                }
            });
            return row;
        });
        table.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER && table.getSelectionModel().getSelectedItem() != null) {
                view.openComparison(table.getSelectionModel().getSelectedItem());
                e.consume();
            }
        });
    }

    private String rowTooltip(SeriesChangePoint cp) {
        String before = TrendFormat.labels(cp.before());
        String after = TrendFormat.labels(cp.after());
        return "Last run before (" + TrendFormat.fullTime(cp.before().time(), zone) + ")"
                + (before.isEmpty() ? "" : "\n" + before)
                + "\n\nFirst run after (" + TrendFormat.fullTime(cp.after().time(), zone) + ")"
                + (after.isEmpty() ? "" : "\n" + after);
    }

    private static TableColumn<SeriesChangePoint, String> column(String title, double width,
                                                                 Function<SeriesChangePoint, String> text) {
        TableColumn<SeriesChangePoint, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setSortable(false);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(text.apply(d.getValue())));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(String s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty ? null : s);
                getStyleClass().removeAll("status-new", "status-acknowledged", "status-dismissed");
                if (!empty && title.equals("Status") && s != null) {
                    getStyleClass().add("status-" + s);
                }
            }
        });
        return c;
    }

    private static String statusText(ChangePointReview review) {
        return review.status().name().toLowerCase(Locale.ROOT);
    }

    private void updateMetrics() {
        Map<String, ChangePointReport> reports = getSkinnable().getViewModel().getReports();
        metricBox.setItems(FXCollections.observableArrayList(reports.keySet()));
        boolean several = reports.size() > 1;
        metricBox.setVisible(several);
        metricBox.setManaged(several);
        metricLabel.setVisible(several);
        metricLabel.setManaged(several);
        metricBox.setValue(getSkinnable().getViewModel().getSelectedMetric());
    }

    private void showReport() {
        TrendView view = getSkinnable();
        ChangePointReport report = view.getViewModel().getReport();
        chart.show(report, view.getSelectedChangePoint(), view::reviewOf);
        table.setItems(FXCollections.observableArrayList(report == null ? List.of() : report.changePoints()));
        message.setText("");
        updateSummary();
        updateButtons();
    }

    private void restyle() {
        TrendView view = getSkinnable();
        chart.restyleMarkers(view.getSelectedChangePoint(), view::reviewOf);
    }

    private void updateSummary() {
        TrendViewModel vm = getSkinnable().getViewModel();
        ChangePointReport report = vm.getReport();
        if (!vm.errorProperty().get().isEmpty()) {
            summary.setText(vm.errorProperty().get());
        } else if (vm.isBusy()) {
            summary.setText("Finding change points…");
        } else if (report == null) {
            summary.setText(vm.getSeriesSet() == null ? "No series" : "No metrics");
        } else {
            int n = report.changePoints().size();
            long regressions = report.changePoints().stream().filter(SeriesChangePoint::regression).count();
            long open = report.changePoints().stream()
                    .filter(cp -> cp.regression() && !getSkinnable().reviewOf(cp).isReviewed()).count();
            summary.setText(String.format(Locale.ROOT,
                    "%s · %s · %,d runs · %d change point%s, %d regression%s (%d not reviewed) · window %d, "
                            + "p ≤ %s%s%s",
                    report.series().name(), report.series().metric(), report.series().size(), n, n == 1 ? "" : "s",
                    regressions, regressions == 1 ? "" : "s", open, report.options().windowLength(),
                    dev.perfdesk.core.bench.DisplayUnits.shortNumber(report.options().maxPValue()),
                    report.options().minMagnitude() > 0
                            ? ", min " + dev.perfdesk.core.bench.DisplayUnits.shortNumber(
                                    report.options().minMagnitude() * 100) + "%" : "",
                    report.series().lowerIsBetter() ? " · lower is better" : " · higher is better"));
        }
    }

    private void updateButtons() {
        boolean selected = table.getSelectionModel().getSelectedItem() != null;
        boolean canReview = selected && getSkinnable().getReviewHandler() != null;
        compare.setDisable(!selected);
        acknowledge.setDisable(!canReview);
        dismiss.setDisable(!canReview);
    }

    private void review(ReviewStatus status) {
        SeriesChangePoint cp = table.getSelectionModel().getSelectedItem();
        try {
            if (getSkinnable().review(cp, status)) {
                message.setText((status == ReviewStatus.ACKNOWLEDGED ? "Acknowledged" : "Dismissed") + " the change at "
                        + cp.after().label());
            }
        } catch (Exception e) {
            message.setText("Not saved: " + e.getMessage());
        }
    }

    private void chartClicked(MouseEvent e) {
        if (e.getButton() != MouseButton.PRIMARY || !e.isStillSincePress()) {
            return;
        }
        Rectangle2D area = dataArea();
        SeriesChangePoint cp = chart.changePointAt(e.getX(), e.getY(), area);
        if (cp != null) {
            getSkinnable().openComparison(cp);
            e.consume();
        }
    }

    private Rectangle2D dataArea() {
        if (viewer.getCanvas().getRenderingInfo() == null) {
            return null;
        }
        return viewer.getCanvas().getRenderingInfo().getPlotInfo().getDataArea();
    }

    Optional<Point2D> markerPosition(SeriesChangePoint cp) {
        Rectangle2D area = dataArea();
        if (area == null || area.isEmpty() || chart.markerCount() == 0) {
            return Optional.empty();
        }
        double x = chart.markerX(cp, area);
        if (x < area.getMinX() || x > area.getMaxX()) {
            return Optional.empty();
        }
        Point2D inScene = viewer.getCanvas().localToScene(x, area.getCenterY());
        return Optional.of(getSkinnable().sceneToLocal(inScene));
    }

    /** Where run {@code index} is drawn, in the control's coordinates; for tests. */
    Optional<Point2D> runPosition(int index) {
        Rectangle2D area = dataArea();
        ChangePointReport report = getSkinnable().getViewModel().getReport();
        if (area == null || report == null || index < 0 || index >= report.series().size()) {
            return Optional.empty();
        }
        java.awt.geom.Point2D p = chart.runXY(report.series().point(index), area);
        return Optional.of(getSkinnable().sceneToLocal(viewer.getCanvas().localToScene(p.getX(), p.getY())));
    }

    TrendChart chart() {
        return chart;
    }

    javafx.scene.canvas.Canvas chartCanvas() {
        return viewer.getCanvas();
    }

    TableView<SeriesChangePoint> table() {
        return table;
    }

    private void applyColours() {
        TrendView v = getSkinnable();
        chart.applyColours(new TrendChart.Colours(awt(v.getBackgroundFill()), awt(v.getPlotBackground()),
                awt(v.getTextFill()), awt(v.getGridStroke()), awt(v.getLineStroke()), awt(v.getMeanStroke()),
                awt(v.getRegressionStroke()), awt(v.getImprovementStroke()), awt(v.getDismissedStroke())),
                v.getSelectedChangePoint(), v::reviewOf);
    }

    private static java.awt.Color awt(Paint paint) {
        Color c = paint instanceof Color ? (Color) paint : Color.GRAY;
        return new java.awt.Color((float) c.getRed(), (float) c.getGreen(), (float) c.getBlue(),
                (float) c.getOpacity());
    }
}
