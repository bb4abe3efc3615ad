package dev.perfdesk.viewers.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import javafx.scene.Scene;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import dev.perfdesk.core.diff.DiffColors;
import dev.perfdesk.core.diff.ProfileDiff;
import dev.perfdesk.core.flame.FlameViewState;
import dev.perfdesk.core.model.Profile;
import dev.perfdesk.core.naming.FrameNamers;
import dev.perfdesk.core.progress.ProgressMonitor;
import dev.perfdesk.core.spi.CollectingSink;
import dev.perfdesk.importers.folded.FoldedImporter;
import dev.perfdesk.importers.perf.PerfScriptImporter;
import dev.perfdesk.importers.spi.ImportSource;
import dev.perfdesk.viewers.flame.FlameGraphPane;
import dev.perfdesk.viewers.testing.Screenshots;

/**
 * Screenshots of a comparison on real data, for review: target/screenshots/diff-*.png. The baseline is FlameGraph's
 * perf-vertx-stacks-01.txt; the candidate is a second run made from it and written as a folded file here: socket
 * writes cost half as much again, the JavaScript runtime half as much (its rarest stacks vanish), the GC worker
 * threads are gone, and the HTTP handler calls a new JSON encoder.
 */
@ExtendWith(ApplicationExtension.class)
class DiffScreenshotsTest {
    private static final String NEW_FRAMES = "org/vertx/java/core/json/impl/Json:.encode;"
            + "com/fasterxml/jackson/databind/ObjectMapper:.writeValueAsString;"
            + "com/fasterxml/jackson/core/json/WriterBasedJsonGenerator:.writeString";

    private DiffFlameGraphPane pane;
    private Scene scene;

    static Path perfScript(String file) {
        return Path.of(System.getProperty("perfdesk.testdata", "../testdata")).resolve("perf-script")
                .resolve(file);
    }

    private static Profile importFile(Path file, boolean folded) throws Exception {
        CollectingSink sink = new CollectingSink();
        if (folded) {
            new FoldedImporter().read(ImportSource.of(file), sink, ProgressMonitor.NONE);
        } else {
            new PerfScriptImporter().read(ImportSource.of(file), sink, ProgressMonitor.NONE);
        }
        return sink.profiles().get(0);
    }

    /** The folded lines of {@code baseline}, changed as the class comment says. */
    static List<String> secondRun(Profile baseline) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FlameViewState.baseStacks(baseline, FrameNamers.forProfile(baseline), Set.of(), ProgressMonitor.NONE)
                .writeFolded(out);
        List<String> lines = new ArrayList<>();
        String handler = null;
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            int space = line.lastIndexOf(' ');
            String stack = line.substring(0, space);
            long count = Long.parseLong(line.substring(space + 1));
            if (stack.contains("GCTaskThread")) {
                continue;
            }
            if (stack.contains(";sys_write;")) {
                count += count / 2;
            } else if (stack.contains("ScriptRuntime")) {
                count /= 2;
            }
            int at = stack.indexOf("DefaultHttpServer$ServerHandler:.doMessageReceived");
            if (handler == null && at > 0) {
                int end = stack.indexOf(';', at);
                handler = end < 0 ? stack : stack.substring(0, end);
            }
            if (count > 0) {
                lines.add(stack + " " + count);
            }
        }
        lines.add(handler + ";" + NEW_FRAMES + " 14");
        return lines;
    }

    @Start
    void start(Stage stage) throws Exception {
        Profile baseline = importFile(perfScript("perf-vertx-stacks-01.txt"), false);
        Path candidateFile = Screenshots.folder().resolve("vertx-second-run.folded");
        Files.createDirectories(candidateFile.getParent());
        Files.write(candidateFile, secondRun(baseline), StandardCharsets.UTF_8);
        Profile candidate = importFile(candidateFile, true);
        pane = new DiffFlameGraphPane(Runnable::run);
        pane.setSides(ProfileDiff.Side.of(baseline, ProgressMonitor.NONE),
                ProfileDiff.Side.of(candidate, FrameNamers.forProfile(candidate), Set.of(), null,
                        "vertx, second run", ProgressMonitor.NONE));
        scene = new Scene(pane, 1600, 1000);
        scene.getStylesheets().add(FlameGraphPane.LIGHT_THEME);
        stage.setScene(scene);
        stage.show();
    }

    private Path shoot(String name) throws Exception {
        WaitForAsyncUtils.sleep(400, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        Path file = Screenshots.save(scene, name);
        assertTrue(Files.size(file) > 10_000, name);
        return file;
    }

    @Test
    void screenshots(FxRobot robot) throws Exception {
        ProfileDiff d = pane.viewModel().getDiff();
        assertEquals(ProfileDiff.Shape.CANDIDATE, d.options().shape());
        assertTrue(d.functions().stream().anyMatch(f -> f.isNew()), "the new encoder is in the table");
        shoot("diff-flame");
        pane.exportSvg(Screenshots.folder().resolve("diff-vertx.svg"));

        Path table = Screenshots.save(pane.table(), "diff-table");
        assertTrue(Files.size(table) > 5_000);

        robot.interact(() -> pane.baselineShapeButton().setSelected(true));
        shoot("diff-baseline-shape");

        robot.interact(() -> {
            pane.baselineShapeButton().setSelected(false);
            pane.candidateShapeButton().setSelected(true);
            pane.normalizeButton().setSelected(true);
            pane.basisChoice().setValue(DiffColors.Basis.SELF);
        });
        shoot("diff-normalised-self");

        robot.interact(() -> {
            pane.setIcicle(true);
            scene.getStylesheets().setAll(FlameGraphPane.DARK_THEME);
        });
        shoot("diff-dark-icicle");
    }
}
