package vn.motcua.counter.ui.signing;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import vn.motcua.counter.i18n.Messages;

/**
 * The signing queue's line in the status bar: "N bản chờ ký" with "Ký ngay (Ctrl+K)", which asks the PIN once for
 * the whole queue; then progress and "Dừng ký". The PIN goes from the field to the desk as characters, never as a
 * String, and the field is cleared.
 */
public final class SigningStatusBar extends HBox {

    public SigningStatusBar(SigningQueueViewModel model, Messages messages) {
        super(10);
        setId("signingBar");
        Label status = new Label();
        status.setId("signingStatus");
        status.textProperty().bind(model.statusProperty());
        ProgressBar bar = new ProgressBar();
        bar.setId("signingProgress");
        bar.setPrefWidth(140);
        bar.progressProperty().bind(model.progressProperty());
        Button sign = new Button(messages.text("signing.queue.sign"));
        sign.setId("signNow");
        sign.getStyleClass().add("small");
        sign.setOnAction(e -> askPin(model, messages));
        Button stop = new Button(messages.text("signing.queue.stop"));
        stop.setId("stopSigning");
        stop.getStyleClass().add("small");
        stop.setOnAction(e -> model.stop());
        Label message = new Label();
        message.setId("signingMessage");
        message.textProperty().bind(model.messageProperty());
        sign.visibleProperty().bind(model.waitingProperty());
        sign.managedProperty().bind(model.waitingProperty());
        for (var node : new javafx.scene.Node[] {bar, stop}) {
            node.visibleProperty().bind(model.signingProperty());
            node.managedProperty().bind(model.signingProperty());
        }
        getChildren().setAll(status, bar, sign, stop, message);
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(6, 16, 6, 16));
        sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                scene.getAccelerators().put(new javafx.scene.input.KeyCodeCombination(javafx.scene.input.KeyCode.K,
                        javafx.scene.input.KeyCombination.SHORTCUT_DOWN), () -> {
                    if (!sign.isDisabled() && sign.isVisible()) {
                        sign.fire();
                    }
                });
            }
        });
    }

    private void askPin(SigningQueueViewModel model, Messages messages) {
        PasswordField pin = new PasswordField();
        pin.setId("signingPin");
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.setTitle(messages.text("signing.queue.pin_title"));
        dialog.getDialogPane().setContent(new VBox(8, new Label(model.pinPrompt()), pin));
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        if (getScene() != null) {
            dialog.initOwner(getScene().getWindow());
        }
        dialog.setOnShown(e -> pin.requestFocus());
        dialog.showAndWait().filter(ButtonType.OK::equals).ifPresent(ok -> {
            CharSequence characters = pin.getCharacters();
            char[] typed = new char[characters.length()];
            for (int i = 0; i < typed.length; i++) {
                typed[i] = characters.charAt(i);
            }
            pin.clear();
            model.sign(typed);
        });
        pin.clear();
    }
}
