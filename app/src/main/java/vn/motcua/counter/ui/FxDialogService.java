package vn.motcua.counter.ui;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import javafx.application.HostServices;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
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
        Label explanation = new Label(text);
        explanation.setWrapText(true);
        explanation.setMaxWidth(520);
        TextField field = new TextField(key);
        field.setEditable(false);
        field.setId("recoveryKey");
        field.setStyle("-fx-font-family: monospace; -fx-font-size: 16px;");
        Alert alert = new Alert(Alert.AlertType.WARNING);
        alert.initOwner(owner);
        alert.setHeaderText(title);
        alert.getDialogPane().setContent(new VBox(12, explanation, field));
        // modal over the window, but without a nested event loop: the window's start is not held up by it, and a
        // window closed meanwhile (the start-up probe's exit, the AOT training run) closes it too
        alert.show();
    }
}
