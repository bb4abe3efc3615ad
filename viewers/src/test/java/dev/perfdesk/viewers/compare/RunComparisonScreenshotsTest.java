package dev.perfdesk.viewers.compare;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import javafx.scene.Scene;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import dev.perfdesk.core.stats.Verdict;
import dev.perfdesk.viewers.flame.FlameGraphPane;
import dev.perfdesk.viewers.testing.Screenshots;

/**
 * Screenshots of the run comparison view for review, target/screenshots/run-comparison-*.png, and the HTML report
 * of the same runs, target/screenshots/run-comparison-report.html, to render in a browser.
 */
@ExtendWith(ApplicationExtension.class)
class RunComparisonScreenshotsTest {
    private RunComparisonView view;
    private Scene scene;

    @Start
    void start(Stage stage) {
        view = new RunComparisonView(new RunComparisonViewModel(Runnable::run));
        scene = new Scene(view, 1400, 900);
        scene.getStylesheets().add(FlameGraphPane.LIGHT_THEME);
        stage.setScene(scene);
        stage.show();
    }

    private Path shoot(String name) throws Exception {
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        Path file = Screenshots.save(scene, name);
        assertTrue(Files.size(file) > 10_000, name);
        return file;
    }

    @Test
    void screenshots(FxRobot robot) throws Exception {
        robot.interact(() -> view.getViewModel().setRuns("main.json (r1)", CompareTestData.baseline(),
                "feature/streaming-parser.json (r2)", CompareTestData.candidate()));
        robot.interact(() -> view.getViewModel().selectedProperty().set(view.getViewModel().rows().stream()
                .filter(b -> b.key().name().startsWith("http.Server.handle")).findFirst().orElseThrow()));
        shoot("run-comparison-small");
        robot.interact(() -> view.getViewModel().setRuns("jmh-76-baseline.json (r11)", JmhComparisonData.baseline(),
                "jmh-76-candidate.json (r12)", JmhComparisonData.candidate()));
        robot.interact(() -> view.getViewModel().selectedProperty().set(view.getViewModel().rows().stream()
                .filter(b -> b.baseline().mode().equals("sample") && b.verdict() == Verdict.IMPROVED)
                .findFirst().orElseThrow()));
        shoot("run-comparison");
        robot.interact(() -> view.lookupAll(".note-too-few-samples").forEach(n ->
                ((javafx.scene.control.TitledPane) n).setExpanded(true)));
        shoot("run-comparison-notes");
        robot.interact(() -> view.lookupAll(".note-too-few-samples").forEach(n ->
                ((javafx.scene.control.TitledPane) n).setExpanded(false)));
        robot.interact(() -> scene.getStylesheets().setAll(FlameGraphPane.DARK_THEME));
        shoot("run-comparison-dark");
        view.exportHtml(Screenshots.folder().resolve("run-comparison-report.html"));
    }
}
