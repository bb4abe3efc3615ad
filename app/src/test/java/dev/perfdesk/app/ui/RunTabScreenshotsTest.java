package dev.perfdesk.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import dev.perfdesk.core.bench.DisplayUnits;
import dev.perfdesk.store.Store;
import dev.perfdesk.viewers.bench.RunTableRow;

/**
 * Every run of the sample data (and the wrk2, HdrHistogram log, SPEC CPU 2017 and Criterion.rs folder test data) as
 * its tab opens, at 1400x880:
 * it opens on the first benchmark with a latency distribution, its charts in the unit of that benchmark's row.
 * The pictures go to {@code target/screenshots/runs/}.
 */
@ExtendWith(ApplicationExtension.class)
class RunTabScreenshotsTest {
    @TempDir
    static Path dir;

    Store store;
    MainView view;
    Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        store = Store.open(dir.resolve("store-" + System.nanoTime() + ".db"));
        view = AppTesting.showMainView(stage, store, dir);
        stage.setWidth(1400);
        stage.setHeight(880);
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    static List<Path> runFiles() throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.walk(Path.of(RunTabTest.SAMPLES, "bench"))) {
            s.filter(Files::isRegularFile)
                    .filter(p -> p.toString().matches(".*(\\.(json|hlog|jtl|ndjson|jsonl|txt)|_stats\\.csv)$"))
                    .filter(p -> !p.toString().endsWith(".stdout.txt") && !p.getParent().endsWith("prometheus"))
                    .sorted().forEach(files::add);
        }
        Path testdata = Path.of(System.getProperty("perfdesk.testdata", "../testdata"));
        files.add(testdata.resolve("formats").resolve("wrk2-readme-latency-output.txt"));
        files.add(testdata.resolve("hdr").resolve("jHiccup-2.0.7S.logV2.hlog"));
        files.add(testdata.resolve("spec-cpu2017").resolve("CPU2017.001.intrate.refrate.csv"));
        // a folder format: Criterion.rs's target/criterion is one run
        files.add(testdata.resolve("criterion").resolve("recorded").resolve("run2").resolve("criterion"));
        return files;
    }

    @Test
    void everySampleRunOpensOnALatencyDistributionInItsRowsUnit(FxRobot robot) throws Exception {
        List<Path> files = runFiles();
        assertTrue(files.size() >= 14, files.toString());
        robot.interact(() -> view.importFiles(files));
        AppTesting.waitUntil(() -> !view.statusBar().isBusy()
                && view.statusBar().messageLabel().getText().startsWith("Imported"));
        System.out.println("import: " + view.statusBar().messageLabel().getText());
        for (LibraryEntry entry : List.copyOf(view.library().allEntries())) {
            if (!entry.isRun()) {
                continue;
            }
            robot.interact(() -> view.open(entry));
            AppTesting.waitUntil(() -> view.tabs().getSelectionModel().getSelectedItem() instanceof RunTab t
                    && t.view() != null && t.view().table().rows().size() == t.view().run().benchmarks().size()
                    && t.view().detail().mainProperty().get() != null && !t.view().detail().isBusy());
            RunTab tab = (RunTab) view.tabs().getSelectionModel().getSelectedItem();
            RunTab.RunView rv = tab.view();
            // the first row with a distribution the charts draw, else the tool's headline latency, else one with
            // reported percentiles, else the first
            List<RunTableRow> rows = rv.table().visibleRows();
            RunTableRow expected = rows.stream().filter(r -> r.benchmark().figures().hasLatencyDistribution()
                            && (r.benchmark().figures().distribution() != null
                            || r.benchmark().figures().sortedSamples().length > 0)).findFirst()
                    .or(() -> rows.stream().filter(r -> r.benchmark().figures().hasLatencyDistribution()
                            && "true".equals(r.benchmark().attributes().get(
                            dev.perfdesk.core.bench.Benchmark.HEADLINE))).findFirst())
                    .or(() -> rows.stream().filter(r -> r.benchmark().figures().hasLatencyDistribution()).findFirst())
                    .orElse(rows.get(0));
            assertEquals(expected.benchmark(), rv.table().getSelectedBenchmark(), entry.title());
            if (entry.title().equals("k6-summary-export.json")) {
                assertEquals("http_req_duration", rv.table().getSelectedBenchmark().displayName());
            }
            // never empty axes without saying why: with nothing to chart, the charts give way to the reason
            if (rv.detail().percentileChart().curves().isEmpty()) {
                assertTrue(rv.detail().nothingToChartText().startsWith("Nothing to chart"), entry.title());
            } else {
                assertEquals("", rv.detail().nothingToChartText(), entry.title());
            }
            // every column fits at 1400 px with the library open: no sideways scrolling
            assertFalse(rv.table().table().lookupAll(".scroll-bar").stream()
                    .filter(n -> n instanceof javafx.scene.control.ScrollBar bar
                            && bar.getOrientation() == javafx.geometry.Orientation.HORIZONTAL)
                    .anyMatch(javafx.scene.Node::isVisible), entry.title() + ": the table scrolls sideways");
            RunTableRow row = rv.table().getSelectedRow();
            if (DisplayUnits.isTime(row.unit()) && !rv.detail().percentileChart().curves().isEmpty()) {
                String unit = DisplayUnits.base(row.unit());
                assertEquals(unit, rv.detail().shownUnit(), entry.title() + ": the charts' unit is the row's");
                assertEquals(unit, rv.detail().percentileChart().unit(), entry.title());
                assertFalse(rv.detail().percentileChart().curves().stream()
                        .anyMatch(c -> !DisplayUnits.base(c.unit()).equals(unit)), entry.title());
            }
            Thread.sleep(300);
            robot.interact(() -> { });
            String name = entry.title().replaceAll("[^A-Za-z0-9._-]+", "-");
            robot.interact(() -> {
                try {
                    Screenshots.write(stage.getScene(), "runs/" + name);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            robot.interact(() -> view.tabs().getTabs().remove(tab));
        }
    }
}
