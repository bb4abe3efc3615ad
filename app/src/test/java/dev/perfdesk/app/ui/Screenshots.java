package dev.perfdesk.app.ui;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;

/** Writes a scene to {@code target/screenshots/NAME.png}, for looking at what a test built. */
final class Screenshots {

    private Screenshots() {
    }

    /** Call on the FX thread. */
    static Path write(Scene scene, String name) throws IOException {
        WritableImage image = scene.snapshot(null);
        BufferedImage buffered = SwingFXUtils.fromFXImage(image, null);
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Path file = dir.resolve(name + ".png");
        Files.createDirectories(file.getParent());
        ImageIO.write(buffered, "png", file.toFile());
        return file;
    }
}
