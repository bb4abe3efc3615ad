package dev.perfdesk.app.ui;

import java.util.logging.Level;
import java.util.logging.Logger;

import javafx.application.Application;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.stage.Screen;
import javafx.stage.Stage;

import dev.perfdesk.store.Store;
import dev.perfdesk.store.StoreException;
import dev.perfdesk.store.StoreLocation;
import dev.perfdesk.store.StorePaths;

/** The Perfdesk application: one window on one store. */
public final class PerfdeskApp extends Application {
    /** Held so the logger's level is not lost to garbage collection. */
    private static final Logger JAVAFX_LOGGER = Logger.getLogger("javafx");
    private static volatile StoreLocation storeLocation;

    private Store store;
    private Settings settings;
    private MainView view;

    /** Opens the window on the store at {@code location} and returns when it is closed. */
    public static void launchWith(StoreLocation location) {
        storeLocation = location;
        // JavaFX warns that it runs from the class path; that is how Perfdesk runs it, on purpose.
        JAVAFX_LOGGER.setLevel(Level.SEVERE);
        Logger.getLogger("com.sun.javafx.application.PlatformImpl").setLevel(Level.SEVERE);
        Application.launch(PerfdeskApp.class);
    }

    @Override
    public void start(Stage stage) {
        try {
            StoreLocation location = storeLocation != null ? storeLocation : StorePaths.locate(null);
            store = Store.open(location);
        } catch (StoreException e) {
            Alert alert = new Alert(Alert.AlertType.ERROR, e.getMessage());
            alert.setHeaderText("Cannot open the store");
            alert.showAndWait();
            return;
        }
        settings = Settings.load();
        view = new MainView(new MainViewModel(store, TaskRunner.background()), settings, ProfileViews::create);
        Scene scene = new Scene(view, settings.getDouble("window.width", 1400), settings.getDouble("window.height", 880));
        view.install(scene);
        // the location, never with its password
        stage.setTitle("Perfdesk — " + store.location());
        stage.setScene(scene);
        restoreBounds(stage);
        stage.setOnHiding(e -> saveState(stage));
        stage.show();
        view.start();
    }

    private void restoreBounds(Stage stage) {
        double x = settings.getDouble("window.x", Double.NaN);
        double y = settings.getDouble("window.y", Double.NaN);
        if (!Double.isNaN(x) && !Double.isNaN(y)) {
            Rectangle2D wanted = new Rectangle2D(x, y, 100, 100);
            boolean visible = Screen.getScreens().stream().anyMatch(s -> s.getVisualBounds().intersects(wanted));
            if (visible) {
                stage.setX(x);
                stage.setY(y);
            }
        }
        stage.setMaximized(settings.getBoolean("window.maximized", false));
    }

    private void saveState(Stage stage) {
        settings.put("window.maximized", stage.isMaximized());
        if (!stage.isMaximized()) {
            settings.put("window.x", stage.getX());
            settings.put("window.y", stage.getY());
            settings.put("window.width", stage.getScene().getWidth());
            settings.put("window.height", stage.getScene().getHeight());
        }
        view.saveState();
        settings.save();
    }

    @Override
    public void stop() {
        if (store != null) {
            store.close();
        }
    }
}
