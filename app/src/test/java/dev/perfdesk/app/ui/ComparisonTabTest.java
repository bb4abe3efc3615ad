package dev.perfdesk.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import javafx.geometry.Side;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import dev.perfdesk.app.service.ImportService;
import dev.perfdesk.core.diff.ProfileDiff;
import dev.perfdesk.core.progress.ProgressMonitor;
import dev.perfdesk.store.Store;
import dev.perfdesk.store.StoredProfile;

/**
 * Two profiles of the same program compared from the library: "Compare selected" is offered for exactly two
 * entries, opens a tab "A vs B" with the earlier import as the baseline, and Swap turns the sides and the title
 * round. The second profile is FlameGraph's vertx perf file folded, with its socket writes doubled.
 */
@ExtendWith(ApplicationExtension.class)
class ComparisonTabTest {
    @TempDir
    static Path dir;

    Store store;
    MainView view;
    Stage stage;
    StoredProfile first;
    StoredProfile second;

    static Path perf(String name) {
        return Path.of(System.getProperty("perfdesk.testdata", "../testdata"), "perf-script", name);
    }

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        store = Store.open(dir.resolve("store-" + System.nanoTime() + ".db"));
        List<String> changed = new ArrayList<>();
        for (String line : Files.readAllLines(perf("expected").resolve("perf-vertx-stacks-01.folded"))) {
            int space = line.lastIndexOf(' ');
            long count = Long.parseLong(line.substring(space + 1));
            changed.add(line.substring(0, space) + " " + (line.contains(";sys_write;") ? 2 * count : count));
        }
        Path folded = Files.write(dir.resolve("vertx-run2-" + System.nanoTime() + ".folded"), changed,
                StandardCharsets.UTF_8);
        ImportService imports = new ImportService(store);
        first = imports.importFile(perf("perf-vertx-stacks-01.txt"), null, ProgressMonitor.NONE).profiles().get(0);
        second = imports.importFile(folded, null, ProgressMonitor.NONE).profiles().get(0);
        view = AppTesting.showMainView(stage, store, dir);
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        AppTesting.waitUntil(condition);
    }

    /** Shows the library's context menu as a right click would and returns its "Compare selected" item. */
    private MenuItem compareItem(FxRobot robot) {
        ContextMenu menu = view.libraryView().list().getContextMenu();
        robot.interact(() -> menu.show(view.libraryView().list(), Side.BOTTOM, 0, 0));
        MenuItem item = menu.getItems().stream().filter(i -> "Compare selected".equals(i.getText())).findFirst()
                .orElseThrow();
        return item;
    }

    private ComparisonTab comparisonTab() {
        return view.tabs().getTabs().stream().filter(t -> t instanceof ComparisonTab).map(t -> (ComparisonTab) t)
                .findFirst().orElse(null);
    }

    @Test
    void comparesTwoSelectedEntriesWithTheEarlierImportAsBaseline(FxRobot robot) throws Exception {
        waitUntil(() -> view.library().allEntries().size() == 2);
        robot.interact(() -> view.libraryView().list().getSelectionModel().select(0));
        MenuItem compare = compareItem(robot);
        assertTrue(compare.isDisable(), "one entry is not a comparison");
        robot.interact(() -> {
            view.libraryView().list().getContextMenu().hide();
            view.libraryView().list().getSelectionModel().selectAll();
        });
        compare = compareItem(robot);
        assertFalse(compare.isDisable(), "two entries can be compared");
        MenuItem item = compare;
        robot.interact(() -> {
            item.fire();
            view.libraryView().list().getContextMenu().hide();
        });

        waitUntil(() -> comparisonTab() != null && comparisonTab().pane() != null
                && comparisonTab().pane().viewModel().getDiff() != null);
        ComparisonTab tab = comparisonTab();
        ProfileDiff diff = tab.pane().viewModel().getDiff();
        String firstTitle = LibraryEntry.of(first).title();
        String secondTitle = LibraryEntry.of(second).title();
        assertEquals(firstTitle, diff.baseline().name(), "the earlier import is the baseline");
        assertEquals(secondTitle, diff.candidate().name());
        assertEquals(firstTitle + " vs " + secondTitle, tab.getText());
        assertTrue(diff.functions().get(0).change() > 0, "the doubled writes grew");
        assertEquals(tab, view.tabs().getSelectionModel().getSelectedItem());
        robot.interact(() -> {
            try {
                Screenshots.write(stage.getScene(), "comparison-tab");
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });

        robot.interact(() -> tab.pane().swapButton().fire());
        waitUntil(() -> tab.pane().viewModel().getDiff().baseline().name().equals(secondTitle));
        assertEquals(secondTitle + " vs " + firstTitle, tab.getText());
        assertTrue(tab.pane().viewModel().getDiff().functions().get(0).change() < 0, "swapped, the writes shrank");

        int tabs = view.tabs().getTabs().size();
        robot.interact(() -> view.compare(List.of(LibraryEntry.of(second), LibraryEntry.of(first))));
        assertEquals(tabs, view.tabs().getTabs().size(), "the open comparison is selected, not opened again");
    }
}
