package dev.perfdesk.app.ui;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BiConsumer;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.input.TransferMode;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import dev.perfdesk.app.service.ImportService;
import dev.perfdesk.store.StoredProfile;

/**
 * Getting files into the store: the Open dialog, drag and drop, the recent files, and the background import
 * (through the {@link TaskRunner}, with progress and cancel in the status bar) that opens what the files gave.
 */
final class ImportController {
    private final MainViewModel model;
    private final TabRouter router;
    private final Settings settings;
    private final TaskRunner tasks;
    private final StatusBar status;
    private final BiConsumer<String, String> errors;

    /**
     * @param errors shows a failure: a header and a message
     */
    ImportController(MainViewModel model, TabRouter router, Settings settings, TaskRunner tasks, StatusBar status,
            BiConsumer<String, String> errors) {
        this.model = model;
        this.router = router;
        this.settings = settings;
        this.tasks = tasks;
        this.status = status;
        this.errors = errors;
    }

    /** Shows the Open dialog, starting in the folder of the latest recent file, and imports what is chosen. */
    void chooseFiles(Window owner) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open profiles and benchmark results");
        List<Path> recent = settings.recentFiles();
        if (!recent.isEmpty() && recent.get(0).getParent() != null && Files.isDirectory(recent.get(0).getParent())) {
            chooser.setInitialDirectory(recent.get(0).getParent().toFile());
        }
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("All files", "*"),
                new FileChooser.ExtensionFilter("perf script text", "*.txt", "*.perf", "*.perf.txt", "*.gz"),
                new FileChooser.ExtensionFilter("Folded stacks", "*.folded", "*.collapsed", "*.txt", "*.gz"),
                new FileChooser.ExtensionFilter("Benchmark results", "*.json", "*.ndjson", "*.jtl", "*.csv",
                        "*.hlog", "*.txt"));
        List<File> chosen = chooser.showOpenMultipleDialog(owner);
        if (chosen != null && !chosen.isEmpty()) {
            importFiles(chosen.stream().map(File::toPath).toList(), false);
        }
    }

    /** Fills {@code recentMenu} with the recent files, each importing its file; disabled when there are none. */
    void fillRecentMenu(Menu recentMenu) {
        recentMenu.getItems().clear();
        for (Path p : settings.recentFiles()) {
            MenuItem item = new MenuItem(p.getFileName() + "  —  " + p.getParent());
            item.setMnemonicParsing(false);
            item.setOnAction(e -> importFiles(List.of(p), false));
            recentMenu.getItems().add(item);
        }
        recentMenu.setDisable(recentMenu.getItems().isEmpty());
    }

    /**
     * Imports files in the background; opens what each file gave, or with {@code openOne} only the first profile
     * (the sample data: a new user is shown one flame graph, not a tab per sample file).
     */
    void importFiles(List<Path> files, boolean openOne) {
        if (files.isEmpty()) {
            return;
        }
        if (status.isBusy()) {
            errors.accept("Import in progress", "Another import is running; wait for it or cancel it first.");
            return;
        }
        ImportTask task = model.importTask(files);
        model.library().importingProperty().bind(task.runningProperty());
        task.setOnSucceeded(e -> {
            ImportTask.Outcome outcome = task.getValue();
            for (ImportService.Result r : outcome.results()) {
                settings.addRecentFile(r.file());
            }
            model.refresh(() -> {
                for (ImportService.Result r : outcome.results()) {
                    if (openOne && !router.isEmpty()) {
                        break;
                    }
                    if (openOne && r.profiles().isEmpty()) {
                        continue;
                    }
                    if (!r.profiles().isEmpty()) {
                        StoredProfile first = r.profiles().get(0);
                        router.open(LibraryEntry.of(first));
                    } else if (!r.runs().isEmpty()) {
                        router.open(LibraryEntry.of(r.runs().get(0)));
                    } else if (!r.c2c().isEmpty()) {
                        router.open(LibraryEntry.of(r.c2c().get(0)));
                    }
                }
                long duplicates = outcome.results().stream().filter(ImportService.Result::duplicate).count();
                if (duplicates > 0) {
                    status.setMessage(duplicates + " file(s) were already in the store and were not imported again.");
                }
            });
            String problems = outcome.problems();
            if (!problems.isEmpty()) {
                errors.accept(outcome.results().isEmpty() ? "Could not import" : "Some files were not imported",
                        problems);
            }
        });
        task.setOnFailed(e -> errors.accept("Could not import", LibraryViewModel.describe(task.getException())));
        task.setOnCancelled(e -> model.refresh(null));
        status.track(task);
        tasks.run(task);
    }

    /** Lets files dropped on {@code target} be imported. */
    void acceptDrops(Node target) {
        target.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        target.setOnDragDropped(e -> {
            boolean ok = e.getDragboard().hasFiles();
            if (ok) {
                List<Path> files = e.getDragboard().getFiles().stream().map(File::toPath)
                        .filter(Files::isRegularFile).toList();
                Platform.runLater(() -> importFiles(files, false));
            }
            e.setDropCompleted(ok);
            e.consume();
        });
    }
}
