package vn.motcua.counter.ui.access;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import vn.motcua.counter.i18n.Messages;

/** Name, password, Enter: the screen before home, and the first administrator's screen on a new counter. */
public final class SignInView extends StackPane {

    private final TextField name = new TextField();
    private final PasswordField password = new PasswordField();

    public SignInView(SignInViewModel model, Messages messages, Runnable signedIn) {
        setId("signInScreen");
        Label title = new Label();
        title.getStyleClass().add("title-3");
        Label help = new Label();
        help.setWrapText(true);
        name.setId("accountName");
        name.setPromptText(messages.text("login.name"));
        name.textProperty().bindBidirectional(model.nameProperty());
        TextField displayName = new TextField();
        displayName.setId("accountDisplayName");
        displayName.setPromptText(messages.text("firstRun.displayName"));
        displayName.textProperty().bindBidirectional(model.displayNameProperty());
        password.setId("accountPassword");
        password.setPromptText(messages.text("login.password"));
        password.textProperty().bindBidirectional(model.passwordProperty());
        PasswordField repeat = new PasswordField();
        repeat.setId("accountRepeat");
        repeat.setPromptText(messages.text("firstRun.repeat"));
        repeat.textProperty().bindBidirectional(model.repeatProperty());
        Label message = new Label();
        message.setId("signInMessage");
        message.setWrapText(true);
        message.getStyleClass().add("danger");
        message.textProperty().bind(model.messageProperty());
        Button submit = new Button();
        submit.setId("signIn");
        submit.disableProperty().bind(model.busyProperty());
        submit.setOnAction(e -> model.submit(signedIn));
        for (TextField field : java.util.List.of(name, displayName, password, repeat)) {   // Enter in any field
            field.setOnAction(e -> model.submit(signedIn));
        }
        // visible labels (a prompt text disappears once the field has the focus), each with its Alt+letter
        Label nameLabel = labelFor(name, "accountNameLabel", messages.text("login.name.label"));
        Label passwordLabel = labelFor(password, "accountPasswordLabel", messages.text("login.password.label"));
        Label repeatLabel = labelFor(repeat, "accountRepeatLabel", messages.text("firstRun.repeat.label"));
        Label displayNameLabel = labelFor(displayName, "accountDisplayNameLabel",
                messages.text("firstRun.displayName.label"));
        VBox displayNameBox = new VBox(4, displayNameLabel, displayName);
        VBox repeatBox = new VBox(4, repeatLabel, repeat);
        VBox card = new VBox(10, title, help, new VBox(4, nameLabel, name), displayNameBox,
                new VBox(4, passwordLabel, password),
                repeatBox, message, submit);
        card.setMaxWidth(420);
        card.setMaxHeight(javafx.scene.layout.Region.USE_PREF_SIZE);   // centred, not stretched to the window
        card.setPadding(new Insets(24));
        card.setAlignment(Pos.CENTER_LEFT);
        card.getStyleClass().add("sign-in-card");
        getChildren().add(card);
        setAlignment(Pos.CENTER);
        Runnable show = () -> {
            SignInViewModel.Mode mode = model.modeProperty().get();
            boolean choosing = mode != SignInViewModel.Mode.SIGN_IN;
            title.setText(messages.text(switch (mode) {
                case FIRST_RUN -> "firstRun.title";
                case SIGN_IN -> "login.title";
                case CHANGE_PASSWORD -> "changePassword.title";
            }));
            help.setText(switch (mode) {
                case FIRST_RUN -> messages.text("firstRun.help");
                case SIGN_IN -> "";
                case CHANGE_PASSWORD -> messages.text("changePassword.help", model.nameProperty().get());
            });
            help.setVisible(mode != SignInViewModel.Mode.SIGN_IN);
            help.setManaged(help.isVisible());
            displayNameBox.setVisible(mode == SignInViewModel.Mode.FIRST_RUN);
            displayNameBox.setManaged(displayNameBox.isVisible());
            displayName.setVisible(displayNameBox.isVisible());
            repeatBox.setVisible(choosing);
            repeatBox.setManaged(choosing);
            repeat.setVisible(choosing);
            name.setDisable(mode == SignInViewModel.Mode.CHANGE_PASSWORD);
            password.setPromptText(messages.text(mode == SignInViewModel.Mode.CHANGE_PASSWORD
                    ? "changePassword.new" : "login.password"));
            passwordLabel.setText(messages.text(mode == SignInViewModel.Mode.CHANGE_PASSWORD
                    ? "changePassword.new.label" : "login.password.label"));
            submit.setText(messages.text(switch (mode) {
                case FIRST_RUN -> "firstRun.submit";
                case SIGN_IN -> "login.submit";
                case CHANGE_PASSWORD -> "changePassword.submit";
            }));
            if (mode == SignInViewModel.Mode.CHANGE_PASSWORD) {
                password.requestFocus();
            }
        };
        model.modeProperty().addListener((obs, old, now) -> show.run());
        show.run();
        sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                focusFirst();
            }
        });
    }

    /** A label shown above {@code field}, naming it for screen readers, its underlined letter with Alt focusing it. */
    static Label labelFor(javafx.scene.control.Control field, String id, String text) {
        Label label = new Label(text);
        label.setId(id);
        label.setMnemonicParsing(true);
        label.setLabelFor(field);
        return label;
    }

    /** The keyboard goes to the name (or the password once the name is known). */
    public void focusFirst() {
        javafx.application.Platform.runLater(() -> (name.isDisabled() ? password : name).requestFocus());
    }
}
