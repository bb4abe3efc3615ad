package dev.perfdesk.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import javafx.scene.control.TableColumn;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import dev.perfdesk.app.service.ImportService;
import dev.perfdesk.core.c2c.C2cLine;
import dev.perfdesk.core.progress.ProgressMonitor;
import dev.perfdesk.store.Store;
import dev.perfdesk.store.StoredC2c;
import dev.perfdesk.viewers.c2c.C2cView;

/**
 * A perf c2c report (Leo Yan's x86 table, two shared lines: one with false sharing, one without) opens from the
 * library in its tab at 1400x880: lines sortable by any column as numbers, the false-sharing line and its contended
 * offsets highlighted; written to {@code target/screenshots/c2c-view.png}.
 */
@ExtendWith(ApplicationExtension.class)
class C2cTabScreenshotsTest {
    @TempDir
    static Path dir;

    Store store;
    MainView view;
    Stage stage;
    List<StoredC2c> imported;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        store = Store.open(dir.resolve("store-" + System.nanoTime() + ".db"));
        Path report = Path.of(System.getProperty("perfdesk.testdata", "../testdata"), "perf-c2c",
                "lkml.leo-yan.x86-peer-anylvl.c2c-excerpt.txt");
        imported = new ImportService(store).importFile(report, null, ProgressMonitor.NONE).c2c();
        view = AppTesting.showMainView(stage, store, dir);
        stage.setWidth(1400);
        stage.setHeight(880);
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    @Test
    void theC2cViewHighlightsFalseSharingAndSortsByNumber(FxRobot robot) throws Exception {
        assertEquals(1, imported.size());
        AppTesting.waitUntil(() -> view.library().allEntries().size() == 1);
        LibraryEntry entry = view.library().allEntries().get(0);
        assertEquals(LibraryEntry.Kind.C2C, entry.kind());
        assertTrue(entry.details().startsWith("perf c2c · 2 shared cache lines"), entry.details());
        robot.interact(() -> view.open(entry));
        AppTesting.waitUntil(() -> view.tabs().getTabs().size() == 1
                && view.tabs().getTabs().get(0).getContent() instanceof C2cView);
        C2cView c2c = (C2cView) view.tabs().getTabs().get(0).getContent();
        assertEquals(2, c2c.lineTable().getItems().size());
        assertEquals(4, c2c.offsetTable().getItems().size(), "the first line's offsets shown");

        // sort by Total records, ascending: 914 before 6044 (as numbers, not as text)
        TableColumn<C2cLine, ?> records = c2c.lineTable().getColumns().stream()
                .filter(c -> c.getText().equals("Total")).findFirst().orElseThrow().getColumns().stream()
                .filter(c -> c.getText().equals("records")).findFirst().orElseThrow();
        robot.interact(() -> {
            records.setSortType(TableColumn.SortType.ASCENDING);
            c2c.lineTable().getSortOrder().setAll(List.of(records));
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("0x55c8971f00c0", c2c.lineTable().getItems().get(0).address());
        robot.interact(() -> {
            records.setSortType(TableColumn.SortType.DESCENDING);
            c2c.lineTable().getSortOrder().setAll(List.of(records));
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("0x55c8971f0080", c2c.lineTable().getItems().get(0).address());
        robot.interact(() -> c2c.lineTable().getSelectionModel().select(0));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(4, c2c.offsetTable().getItems().size());
        assertTrue(robot.lookup(".table-row-cell:false-sharing").queryAll().size() >= 4,
                "the contended offsets are highlighted");
        Path html = dir.resolve("c2c.html");
        c2c.exportHtml(html);
        String page = java.nio.file.Files.readString(html);
        assertTrue(page.contains("1 of 2 shared cache lines show false sharing."), page);
        assertTrue(page.contains("<tr class=\"fs\">"), page);
        Path md = dir.resolve("c2c.md");
        c2c.exportMarkdown(md);
        assertTrue(java.nio.file.Files.readString(md).contains("## Cache line 0 (0x55c8971f0080): false sharing"));
        robot.interact(() -> {
            try {
                Screenshots.write(stage.getScene(), "c2c-view");
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
    }
}
