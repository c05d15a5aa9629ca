package vn.motcua.counter.ui.access;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import vn.motcua.counter.i18n.Messages;

/** The cover over a locked window: an opaque screen with the clerk's password field; Enter unlocks. */
public final class LockView extends StackPane {

    private final PasswordField password = new PasswordField();

    public LockView(IdleLockViewModel model, Messages messages) {
        setId("lockScreen");
        getStyleClass().add("lock-screen");
        setStyle("-fx-background-color: -color-bg-default;");   // opaque: nothing of the work shows through
        Label title = new Label(messages.text("lock.title"));
        title.getStyleClass().add("title-3");
        Label help = new Label();
        help.setWrapText(true);
        password.setId("unlockPassword");
        password.setPromptText(messages.text("login.password"));
        password.textProperty().bindBidirectional(model.passwordProperty());
        Label message = new Label();
        message.setId("unlockMessage");
        message.setWrapText(true);
        message.getStyleClass().add("danger");
        message.textProperty().bind(model.messageProperty());
        Button unlock = new Button(messages.text("lock.submit"));
        unlock.setId("unlock");
        password.setOnAction(e -> model.unlock());   // Enter (no default button: it would take Enter from the work)
        unlock.disableProperty().bind(model.busyProperty());
        unlock.setOnAction(e -> model.unlock());
        Label passwordLabel = SignInView.labelFor(password, "unlockPasswordLabel",
                messages.text("login.password.label"));
        VBox card = new VBox(10, title, help, new VBox(4, passwordLabel, password), message, unlock);
        card.setMaxWidth(420);
        card.setMaxHeight(javafx.scene.layout.Region.USE_PREF_SIZE);   // centred, not stretched to the window
        card.setPadding(new Insets(24));
        getChildren().add(card);
        setAlignment(Pos.CENTER);
        setVisible(false);
        model.lockedProperty().addListener((obs, was, locked) -> {
            setVisible(locked);
            if (locked) {
                help.setText(messages.text("lock.help", model.clerk()));
                password.requestFocus();
            }
        });
    }
}
