package vn.motcua.counter.ui;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javax.imageio.ImageIO;
import org.testfx.api.FxRobot;

/** Saves the window a node is in as a PNG under {@code target/signing-out}, for a person to look at. */
final class WindowShots {

    private WindowShots() {
    }

    static void save(FxRobot robot, Node inWindow, String name) throws IOException {
        Path file = Path.of("target", "signing-out", name);
        Files.createDirectories(file.getParent());
        robot.interact(() -> {
            try {
                ByteArrayOutputStream png = new ByteArrayOutputStream();
                ImageIO.write(SwingFXUtils.fromFXImage(inWindow.getScene().getRoot().snapshot(null, null), null),
                        "png", png);
                Files.write(file, png.toByteArray());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
