package dev.perfdesk.app.ui;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import javafx.scene.Scene;
import javafx.stage.Stage;

import org.testfx.util.WaitForAsyncUtils;

import dev.perfdesk.store.Store;

/** What the window's TestFX tests share: the main window on a test store, and waiting for background work. */
final class AppTesting {

    private AppTesting() {
    }

    /** Shows the main window on {@code store} with fresh settings in {@code dir} (sample import off). */
    static MainView showMainView(Stage stage, Store store, Path dir) {
        Settings settings = Settings.load(dir.resolve("settings-" + System.nanoTime() + ".properties"));
        settings.put("samples.imported", true);
        return showMainView(stage, store, settings);
    }

    /** Shows the main window on {@code store} with {@code settings}, as the application starts it. */
    static MainView showMainView(Stage stage, Store store, Settings settings) {
        MainView view = new MainView(new MainViewModel(store, TaskRunner.background()), settings, ProfileViews::create);
        Scene scene = new Scene(view, 1440, 900);
        view.install(scene);
        stage.setScene(scene);
        stage.show();
        view.start();
        return view;
    }

    /** Waits (at most 40 s) until {@code condition} holds and the FX thread has caught up. */
    static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(40, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
