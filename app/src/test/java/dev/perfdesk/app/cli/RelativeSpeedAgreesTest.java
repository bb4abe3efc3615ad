package dev.perfdesk.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.scene.Scene;
import javafx.stage.Stage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import dev.perfdesk.core.bench.Benchmark;
import dev.perfdesk.core.bench.BenchmarkRun;
import dev.perfdesk.store.Store;
import dev.perfdesk.viewers.bench.RunTableRow;
import dev.perfdesk.viewers.bench.RunTableView;

/**
 * One number, one place, for relative speeds: hyperfine's own run of three commands (hyperfine-relative.json, whose
 * printed summary hyperfine-relative.md keeps) gives the same sentences and ratios in the run table's Relative
 * column and summary, in {@code perfdesk show}, and in every report format of {@code perfdesk compare}.
 */
@ExtendWith(ApplicationExtension.class)
class RelativeSpeedAgreesTest {
    @TempDir
    Path dir;
    RunTableView table;

    @Start
    void start(Stage stage) {
        table = new RunTableView(Runnable::run);
        stage.setScene(new Scene(table, 1000, 400));
        stage.show();
    }

    /** The sentences {@code perfdesk show} prints under its table. */
    static List<String> shown(String db, String... more) {
        List<String> args = new ArrayList<>(List.of("show", "--db", db, "r1"));
        args.addAll(List.of(more));
        CliRunner.Result r = CliRunner.run(args.toArray(String[]::new));
        assertEquals(0, r.exitCode(), r.err());
        List<String> lines = r.out().lines().toList();
        int at = lines.indexOf("Relative speed (ratio of means ± standard deviation propagated from both, as "
                + "hyperfine computes it):");
        assertTrue(at > 0, r.out());
        List<String> out = new ArrayList<>();
        for (String line : lines.subList(at + 1, lines.size())) {
            if (!line.startsWith("  ") || line.startsWith("  Not compared")) {
                break;
            }
            out.add(line.trim());
        }
        return out;
    }

    @Test
    void theRunTableShowAndEveryReportGiveHyperfinesRatios(FxRobot robot) throws Exception {
        String db = dir.resolve("store.db").toString();
        Path json = CliBenchTest.sample("hyperfine", "hyperfine-relative.json");
        assertEquals(0, CliRunner.run("import", "--db", db, json.toString()).exitCode());
        List<String> printed = CliRelativeSpeedTest.hyperfineSummary(CliBenchTest.sample("hyperfine",
                "hyperfine-relative.md"));
        assertEquals(printed, shown(db));

        // every report format of a comparison of the run with itself: the sentences once per run
        for (String format : List.of("md", "html", "text")) {
            CliRunner.Result r = CliRunner.run("compare", "--db", db, "r1", "r1", "--format", format);
            for (String sentence : printed) {
                String out = r.out();
                int n = 0;
                for (int at = out.indexOf(sentence); at >= 0; at = out.indexOf(sentence, at + 1)) {
                    n++;
                }
                assertEquals(2, n, format + ": " + sentence + "\n" + out);
            }
        }
        CliRunner.Result report = CliRunner.run("compare", "--db", db, "r1", "r1", "--format", "json");
        JsonNode entries = new ObjectMapper().readTree(report.out()).path("baseline").path("relativeSpeed")
                .path("groups").get(0).path("entries");
        List<String> ratioTexts = new ArrayList<>();
        List<String> sentences = new ArrayList<>();
        for (JsonNode e : entries) {
            ratioTexts.add(e.path("ratioText").asText());
            if (!e.path("sentence").isNull()) {
                sentences.add(e.path("sentence").asText());
            }
        }
        assertEquals(List.of("1.00", "2.30 ± 1.53", "3.02 ± 1.51"), ratioTexts);
        assertEquals(printed, sentences);

        // the run table: its Relative column is the JSON's ratio texts, its summary show's sentences
        BenchmarkRun run;
        try (Store s = Store.open(Path.of(db))) {
            run = s.loadRun(1);
        }
        robot.interact(() -> table.setRun(run));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> table.relativeSpeedProperty().get() != null
                && table.rows().size() == 3);
        WaitForAsyncUtils.waitForFxEvents();
        List<String> column = new ArrayList<>();
        for (RunTableRow row : table.rows()) {
            column.add(table.relativeText(row));
        }
        assertEquals(ratioTexts, column);
        assertEquals(printed, table.relativeSentences());
        assertTrue(table.relativeSpeedPane().isVisible());
        assertEquals("sleep 0.01 ran 2.30 ± 1.53 times faster than sleep 0.02",
                table.relativeTooltip(table.rows().get(1)));

        // "Use as reference" on sleep 0.02: the sentences of show --reference 'sleep 0.02'
        Benchmark middle = run.benchmarks().get(1);
        robot.interact(() -> table.referenceProperty().set(middle));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(shown(db, "--reference", "sleep 0.02"), table.relativeSentences());
        assertEquals(List.of("2.30 ± 1.53 faster", "1.00", "1.31 ± 0.75"),
                table.rows().stream().map(table::relativeText).toList());
        assertEquals("sleep 0.02", table.referenceBox().getValue().name());
        robot.interact(() -> table.referenceBox().getSelectionModel().select(0));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(null, table.referenceProperty().get());
        assertEquals(printed, table.relativeSentences());
    }

    @Test
    void rowsNotComparedAreBlankWithTheReasonAsTooltip(FxRobot robot) throws Exception {
        String db = dir.resolve("jmh.db").toString();
        CliRunner.run("import", "--db", db, CliBenchTest.sample("jmh", "perfdesk-benchmarks-baseline.json")
                .toString());
        BenchmarkRun run;
        try (Store s = Store.open(Path.of(db))) {
            run = s.loadRun(1);
        }
        robot.interact(() -> table.setRun(run));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> table.relativeSpeedProperty().get() != null
                && table.rows().size() == run.benchmarks().size());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(shown(db), table.relativeSentences());
        RunTableRow gc = table.rows().stream().filter(r -> !r.metric().equals(Benchmark.PRIMARY)).findFirst()
                .orElseThrow();
        assertEquals("", table.relativeText(gc));
        assertTrue(table.relativeTooltip(gc).startsWith("Not compared with "), table.relativeTooltip(gc));
        assertTrue(table.relativeTooltip(gc).endsWith(": metric " + gc.metric()), table.relativeTooltip(gc));
    }
}
