package dev.perfdesk.viewers.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableRow;
import javafx.scene.paint.Color;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import dev.perfdesk.core.bench.Benchmark;
import dev.perfdesk.core.bench.BenchmarkRun;
import dev.perfdesk.core.report.BenchmarkComparison;
import dev.perfdesk.core.report.ReportFormat;
import dev.perfdesk.core.report.RunComparison;
import dev.perfdesk.core.stats.ComparisonOptions;
import dev.perfdesk.core.report.ReportVerdict;
import dev.perfdesk.core.stats.Verdict;
import dev.perfdesk.viewers.flame.FlameGraphPane;

/** The run comparison view: rows coloured by verdict, thresholds re-evaluated, curves of the selected row, export. */
@ExtendWith(ApplicationExtension.class)
class RunComparisonViewTest {
    private RunComparisonView view;

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        view = new RunComparisonView(new RunComparisonViewModel(Runnable::run));
        Scene scene = new Scene(view, 1300, 800);
        scene.getStylesheets().add(FlameGraphPane.LIGHT_THEME);
        stage.setScene(scene);
        stage.show();
        view.getViewModel().setRuns("main (r1)", CompareTestData.baseline(), "branch (r2)",
                CompareTestData.candidate());
    }

    /** The style classes and verdict-cell colour of each visible row, by benchmark. */
    private Map<String, TableRow<?>> rows() {
        Map<String, TableRow<?>> out = new HashMap<>();
        for (Node n : view.table().lookupAll(".table-row-cell")) {
            TableRow<?> row = (TableRow<?>) n;
            if (row.getItem() instanceof BenchmarkComparison b) {
                out.put(b.key().toString(), row);
            }
        }
        return out;
    }

    private static Color verdictColour(TableRow<?> row) {
        Labeled cell = (Labeled) row.lookup(".verdict-column");
        return (Color) cell.getTextFill();
    }

    @Test
    void rowsAreColouredByVerdict(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        Map<String, TableRow<?>> rows = rows();
        TableRow<?> regression = rows.get("json.Parser.parse{size=1000}");
        TableRow<?> improved = rows.get("json.Writer.write{size=1000}");
        TableRow<?> noise = rows.get("json.Parser.parse{size=100000}");
        TableRow<?> same = rows.get("json.Writer.write{size=100000}");
        assertTrue(regression.getStyleClass().contains("regression"), regression.getStyleClass().toString());
        assertTrue(improved.getStyleClass().contains("improved"));
        assertTrue(noise.getStyleClass().contains("within-noise"));
        assertTrue(same.getStyleClass().contains("no-change"));
        assertEquals("\u25b2 regression", ((Labeled) regression.lookup(".verdict-column")).getText());
        assertEquals("\u25bc improved", ((Labeled) improved.lookup(".verdict-column")).getText());
        assertEquals("~", ((Labeled) same.lookup(".verdict-column")).getText());
        Color red = verdictColour(regression);
        Color green = verdictColour(improved);
        assertTrue(red.getRed() > 0.7 && red.getGreen() < 0.3, "regression red: " + red);
        assertTrue(green.getGreen() > 0.4 && green.getRed() < 0.2, "improvement green: " + green);
        assertEquals("FAIL", view.verdictLabel().getText());
    }

    @Test
    void changingTheThresholdReEvaluates(FxRobot robot) {
        robot.interact(() -> view.thresholdSpinner().getValueFactory().setValue(15.0));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0.15, view.getViewModel().thresholdProperty().get(), 1e-12);
        BenchmarkComparison parse = view.getViewModel().getComparison().benchmarks().get(0);
        assertEquals(Verdict.WITHIN_NOISE, parse.verdict(), "12% is within a 15% threshold");
        assertTrue(rows().get("json.Parser.parse{size=1000}").getStyleClass().contains("within-noise"));
        assertEquals(ReportVerdict.PASS_WITH_WARNING, view.getViewModel().getComparison().verdict().verdict());
        assertEquals("PASS WITH WARNING", view.verdictLabel().getText());

        robot.interact(() -> view.thresholdSpinner().getValueFactory().setValue(1.0));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(rows().get("json.Parser.parse{size=100000}").getStyleClass().contains("regression"),
                "3% is a regression beyond a 1% threshold");
    }

    @Test
    void theSelectedRowsPercentileCurvesAreOverlaid(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2, view.chart().curveCount(), "the first row is selected");
        assertEquals(view.table().getItems().get(0), view.getViewModel().selectedProperty().get());
        robot.interact(() -> view.table().getSelectionModel().select(view.table().getItems().stream()
                .filter(b -> b.key().name().startsWith("http.Server.handle")).findFirst().orElseThrow()));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("http.Server.handle GET /api/items",
                view.getViewModel().selectedProperty().get().key().name());
        assertEquals(2, view.chart().curveCount());
        robot.interact(() -> view.thresholdSpinner().getValueFactory().setValue(10.0));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("http.Server.handle GET /api/items",
                view.getViewModel().selectedProperty().get().key().name(), "the selection survives a recomputation");
    }

    @Test
    void exportsMarkdownAndHtml(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        Path md = dir.resolve("c.md");
        Path html = dir.resolve("c.html");
        view.exportMarkdown(md);
        view.exportHtml(html);
        assertTrue(Files.readString(md).startsWith("## Benchmark comparison: main (r1) vs branch (r2)"));
        assertTrue(Files.readString(html).contains("<svg"));
    }

    @Test
    void spreadsReadAsInTheReportsNeverNoCiOrInfinity(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        int cells = 0;
        for (Node n : view.table().lookupAll(".table-cell")) {
            String text = ((Labeled) n).getText();
            if (text != null) {
                cells++;
                assertTrue(!text.contains("no CI") && !text.contains("\u221e"), text);
            }
        }
        assertTrue(cells > 0);
        RunComparison few = RunComparison.compare(
                new BenchmarkRun("a", "t", "f", null, Map.of(), "", "", Map.of(), List.of(Benchmark.builder("x")
                        .unit("ms").samples(new double[] {1, 2, 3}).build())),
                new BenchmarkRun("b", "t", "f", null, Map.of(), "", "", Map.of(), List.of(Benchmark.builder("x")
                        .unit("ms").samples(new double[] {2, 3, 4}).build())), ComparisonOptions.DEFAULTS);
        BenchmarkComparison b = few.benchmarks().get(0);
        assertEquals("2.000 ms (n=3)", RunComparisonView.estimate(b, true));
        assertEquals(ReportFormat.estimateWithUnit(b.comparison().candidate(), "ms", "ms"),
                RunComparisonView.estimate(b, false));
    }
}
