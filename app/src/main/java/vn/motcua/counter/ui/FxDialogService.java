package vn.motcua.counter.ui;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import javafx.application.HostServices;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import vn.motcua.counter.i18n.Messages;

/** The real dialogs: JavaFX's native file chooser and the desktop's PDF viewer. */
public final class FxDialogService implements DialogService {

    private final HostServices host;
    private final Messages messages;

    public FxDialogService(HostServices host, Messages messages) {
        this.host = host;
        this.messages = messages;
    }

    @Override
    public List<Path> chooseImages(Window owner, String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(messages.text("dossier.images"),
                "*.png", "*.jpg", "*.jpeg", "*.tif", "*.tiff", "*.PNG", "*.JPG", "*.JPEG", "*.TIF", "*.TIFF"));
        List<File> files = chooser.showOpenMultipleDialog(owner);
        return files == null ? List.of() : files.stream().map(File::toPath).toList();
    }

    @Override
    public void open(Path file) {
        host.showDocument(file.toUri().toString());
    }

    /** A modal dialog with the key in a field that can be selected and copied, shown until it is closed. */
    @Override
    public void showRecoveryKey(Window owner, String title, String text, String key) {
        javafx.scene.control.TextField field = new javafx.scene.control.TextField(key);
        field.setEditable(false);
        field.setId("recoveryKey");
        field.setStyle("-fx-font-family: monospace; -fx-font-size: 16px;");
        javafx.scene.control.Alert alert = new javafx.scene.control.Alert(
                javafx.scene.control.Alert.AlertType.WARNING);
        alert.initOwner(owner);
        alert.setHeaderText(title);
        alert.setContentText(text);
        alert.getDialogPane().setExpandableContent(null);
        alert.getDialogPane().setContent(new javafx.scene.layout.VBox(8, new javafx.scene.control.Label(text),
                field));
        alert.showAndWait();
    }
}
