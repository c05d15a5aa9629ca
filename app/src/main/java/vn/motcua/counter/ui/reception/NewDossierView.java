package vn.motcua.counter.ui.reception;

import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import javafx.util.StringConverter;
import vn.motcua.counter.domain.Procedure;
import vn.motcua.counter.domain.identity.IdKind;
import vn.motcua.counter.domain.identity.Sex;
import vn.motcua.counter.i18n.Messages;
import vn.motcua.counter.ui.DialogService;

/** The new-dossier screen: applicant on the left, procedure and component checklist on the right. */
public final class NewDossierView extends BorderPane {

    /** The longest limit the form takes, in working days. */
    private static final int MAX_DAYS = 365;

    private final VBox applicantColumn;

    public NewDossierView(NewDossierViewModel model, Messages messages, DialogService dialogs, Runnable close) {
        Label title = new Label(messages.text("dossier.title"));
        title.getStyleClass().add("title-3");
        setTop(title);
        BorderPane.setMargin(title, new Insets(0, 0, 12, 0));

        applicantColumn = new VBox(12, applicantForm(model, messages, dialogs));
        HBox columns = new HBox(24, applicantColumn, procedurePane(model, messages, dialogs));
        HBox.setHgrow(columns.getChildren().get(1), Priority.ALWAYS);
        setCenter(columns);

        Label message = new Label();
        message.setId("message");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Runnable closeAsked = () -> {
            if (!model.hasInput() || discardConfirmed(messages)) {
                close.run();
            }
        };
        Button cancel = new Button(messages.text("dossier.cancel"));
        cancel.setId("close");
        cancel.setOnAction(e -> closeAsked.run());
        // Esc closes from anywhere on the form: a filter, because the procedure list would consume it first.
        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                e.consume();
                closeAsked.run();
            } else if (e.getCode() == KeyCode.T && e.isShortcutDown()) { // a paper the catalogue does not list
                e.consume();
                if (model.procedureProperty().get() == null) {
                    model.addOtherComponent(null); // says to choose the procedure first
                    lookup("#procedureFilter").requestFocus();
                } else {
                    lookup("#otherComponent").requestFocus();
                }
            }
        });
        Button receive = new Button(messages.text("dossier.receive"));
        receive.setId("receive");
        receive.getStyleClass().add("accent");
        receive.disableProperty().bind(model.busyProperty());
        receive.setOnAction(e -> model.receive(done -> { }));
        HBox actions = new HBox(12, message, spacer, cancel, receive);
        actions.setAlignment(Pos.CENTER_LEFT);
        actions.setPadding(new Insets(12, 0, 0, 0));
        setBottom(actions);
        setPadding(new Insets(16));
        listenForCardReader(model);
    }

    /** Asks before a form with something in it is closed; keeping it is the default answer. */
    private boolean discardConfirmed(Messages messages) {
        ButtonType discard = new ButtonType(messages.text("dossier.discard.yes"), ButtonBar.ButtonData.OK_DONE);
        ButtonType keep = new ButtonType(messages.text("dossier.discard.no"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION, messages.text("dossier.discard.text"), discard, keep);
        ask.initOwner(getScene().getWindow());
        ask.setTitle(messages.text("dossier.discard.title"));
        ask.setHeaderText(messages.text("dossier.discard.title"));
        ((Button) ask.getDialogPane().lookupButton(discard)).setDefaultButton(false);
        Button stay = (Button) ask.getDialogPane().lookupButton(keep);
        stay.setDefaultButton(true);
        stay.setId("keepDossier");
        ask.getDialogPane().lookupButton(discard).setId("discardDossier");
        return ask.showAndWait().filter(discard::equals).isPresent();
    }

    /** Adds a section under the applicant's fields (earlier dossiers), kept in its own class. */
    public void addApplicantSection(javafx.scene.Node section) {
        applicantColumn.getChildren().add(section);
        VBox.setVgrow(section, Priority.ALWAYS);
    }

    /**
     * A USB 2D reader types the card's QR code into whatever field has focus. The burst is caught here, removed
     * from that field, and used to fill the applicant; its closing Enter must not trigger the field's action.
     */
    private void listenForCardReader(NewDossierViewModel model) {
        WedgeScanDetector detector = new WedgeScanDetector();
        PauseTransition pause = new PauseTransition(Duration.millis(150));
        Runnable finish = () -> detector.complete().ifPresent(scanned -> {
            if (getScene() != null && getScene().getFocusOwner() instanceof TextInputControl field) {
                field.setText(field.getText().replace(scanned, ""));
            }
            model.readCardQr(scanned);
        });
        pause.setOnFinished(e -> finish.run());
        addEventFilter(KeyEvent.KEY_TYPED, e -> {
            String typed = e.getCharacter();
            if (!typed.isEmpty() && typed.charAt(0) >= ' ') {
                detector.typed(typed, System.nanoTime());
                pause.playFromStart();
            }
        });
        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER && detector.scanning()) {
                pause.stop();
                e.consume();
                finish.run();
            }
        });
    }

    private static GridPane applicantForm(NewDossierViewModel model, Messages messages, DialogService dialogs) {
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.getColumnConstraints().addAll(new ColumnConstraints(205), new ColumnConstraints(230));
        Label heading = new Label(messages.text("dossier.applicant"));
        heading.getStyleClass().add("title-4");
        Button cardPicture = new Button(messages.text("dossier.cardPicture"));
        cardPicture.setId("cardPicture");
        cardPicture.setOnAction(e -> dialogs.chooseImages(cardPicture.getScene().getWindow(),
                messages.text("dossier.cardPicture")).stream().findFirst().ifPresent(model::readCardPicture));
        Button mrzPicture = new Button(messages.text("dossier.mrzPicture"));
        mrzPicture.setId("mrzPicture");
        mrzPicture.setOnAction(e -> dialogs.chooseImages(mrzPicture.getScene().getWindow(),
                messages.text("dossier.mrzPicture")).stream().findFirst().ifPresent(model::readCardMrzPicture));
        javafx.scene.layout.FlowPane top = new javafx.scene.layout.FlowPane(12, 6, heading, cardPicture, mrzPicture);
        top.setPrefWrapLength(435); // the two card buttons go under the heading when they do not fit beside it
        top.setAlignment(Pos.CENTER_LEFT);
        grid.add(top, 0, 0, 2, 1);
        int row = 1;
        ComboBox<IdKind> kind = new ComboBox<>();
        kind.setId("idKind");
        kind.getItems().setAll(IdKind.values());
        kind.setConverter(labels(k -> messages.text("dossier.idKind." + key(k))));
        kind.valueProperty().bindBidirectional(model.idKindProperty());
        kind.setMaxWidth(Double.MAX_VALUE);
        grid.add(new Label(messages.text("dossier.idKind")), 0, row);
        grid.add(kind, 1, row++);
        javafx.beans.binding.BooleanBinding organisation = Bindings.createBooleanBinding(
                () -> model.idKindProperty().get().organisation(), model.idKindProperty());
        Label name = new Label();
        name.textProperty().bind(Bindings.createStringBinding(() -> messages.text(
                organisation.get() ? "dossier.organisationName" : "dossier.name"), organisation));
        row = field(grid, row, name, "fullName", model.fullNameProperty());
        Label number = new Label();
        number.textProperty().bind(Bindings.createStringBinding(
                () -> messages.text("dossier.idNumber." + key(model.idKindProperty().get())), model.idKindProperty()));
        row = field(grid, row, number, "idNumber", model.idNumberProperty());
        row = shownWhen(grid, field(grid, row, new Label(messages.text("dossier.idCountry")), "idCountry",
                model.idCountryProperty()), row, model.idKindProperty().isEqualTo(IdKind.PASSPORT));
        row = problemLine(grid, row, "idMessage", model.idMessageProperty());
        TextField idOverride = new TextField();
        idOverride.setId("idOverride");
        idOverride.setPromptText(messages.text("dossier.idOverride"));
        idOverride.textProperty().bindBidirectional(model.identityOverrideProperty());
        idOverride.managedProperty().bind(model.idMismatchProperty());
        idOverride.visibleProperty().bind(model.idMismatchProperty());
        grid.add(idOverride, 1, row++);
        row = shownWhen(grid, field(grid, row, new Label(messages.text("dossier.representative")), "representative",
                model.representativeProperty()), row, organisation);
        int personal = row;
        row = field(grid, row, new Label(messages.text("dossier.birthDate")), "birthDate", model.birthDateProperty());
        ComboBox<Sex> sex = new ComboBox<>();
        sex.setId("sex");
        sex.getItems().setAll(Sex.values());
        sex.setConverter(labels(s -> messages.text(s == Sex.MALE ? "dossier.sex.male" : "dossier.sex.female")));
        sex.valueProperty().bindBidirectional(model.sexProperty());
        grid.add(new Label(messages.text("dossier.sex")), 0, row);
        grid.add(sex, 1, row++);
        row = shownWhen(grid, row, personal, organisation.not());
        row = problemLine(grid, row, "birthDateMessage", model.birthDateMessageProperty());
        row = field(grid, row, new Label(messages.text("dossier.address")), "address", model.addressProperty());
        row = field(grid, row, new Label(messages.text("dossier.phone")), "phone", model.phoneProperty());
        field(grid, row, new Label(messages.text("dossier.email")), "email", model.emailProperty());
        // The rows' spacing goes with their nodes, not GridPane's vgap, which stays around a hidden row as a gap.
        grid.getChildren().forEach(node -> GridPane.setMargin(node, new Insets(4, 0, 4, 0)));
        return grid;
    }

    /** A red line under a field, taking space only while there is something to say. */
    private static int problemLine(GridPane grid, int row, String id, javafx.beans.value.ObservableStringValue text) {
        Label problem = new Label();
        problem.setId(id);
        problem.setWrapText(true);
        problem.getStyleClass().add("danger");
        problem.textProperty().bind(text);
        problem.managedProperty().bind(problem.textProperty().isNotEmpty());
        problem.visibleProperty().bind(problem.managedProperty());
        grid.add(problem, 1, row);
        return row + 1;
    }

    private static int field(GridPane grid, int row, Label label, String id,
                             javafx.beans.property.StringProperty property) {
        TextField input = new TextField();
        input.setId(id);
        input.textProperty().bindBidirectional(property);
        grid.add(label, 0, row);
        grid.add(input, 1, row);
        return row + 1;
    }

    /** Rows {@code from} to {@code to} (exclusive) take space and show only while {@code shown} holds. */
    private static int shownWhen(GridPane grid, int to, int from, javafx.beans.value.ObservableBooleanValue shown) {
        for (javafx.scene.Node node : grid.getChildren()) {
            Integer row = GridPane.getRowIndex(node);
            if (row != null && row >= from && row < to) {
                node.managedProperty().bind(shown);
                node.visibleProperty().bind(shown);
            }
        }
        return to;
    }

    /** Combo-box items shown by {@code label}; nothing is typed into these boxes, so text never turns back. */
    private static <T> StringConverter<T> labels(java.util.function.Function<T, String> label) {
        return new StringConverter<>() {
            @Override
            public String toString(T item) {
                return item == null ? "" : label.apply(item);
            }

            @Override
            public T fromString(String text) {
                return null;
            }
        };
    }

    private static String key(IdKind kind) {
        return kind.name().toLowerCase(java.util.Locale.ROOT);
    }

    private static VBox procedurePane(NewDossierViewModel model, Messages messages, DialogService dialogs) {
        Label heading = new Label(messages.text("dossier.procedure"));
        heading.getStyleClass().add("title-4");
        TextField filter = new TextField();
        filter.setId("procedureFilter");
        filter.setPromptText(messages.text("dossier.procedure.filter"));
        filter.textProperty().bindBidirectional(model.procedureFilterProperty());
        ListView<Procedure> list = new ListView<>(model.procedures());
        list.setId("procedureList");
        list.getStyleClass().add("procedure-list");
        list.setPrefHeight(150); // five procedures, four at least: the clerk sees the neighbours of the match
        list.setMinHeight(118);
        // Procedure names run to two lines ("Thủ tục chứng thực chữ ký trong các giấy tờ…"): wrapped, not scrolled
        list.setCellFactory(view -> new ListCell<>() {
            {
                setWrapText(true);
                setPrefWidth(0);
            }

            @Override
            protected void updateItem(Procedure p, boolean empty) {
                super.updateItem(p, empty);
                setText(empty || p == null ? null : p.code() + "  " + p.name());
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, chosen) -> {
            if (chosen != null) {
                model.procedureProperty().set(chosen);
            }
        });
        // Enter or Down in the filter moves to the list, so the clerk never needs the mouse.
        filter.setOnAction(e -> {
            list.getSelectionModel().selectFirst();
            list.requestFocus();
        });

        Spinner<Integer> days = new Spinner<>(new SpinnerValueFactory.IntegerSpinnerValueFactory(0, MAX_DAYS, 0));
        days.setId("processingDays");
        days.setEditable(true);
        days.setPrefWidth(90);
        days.getEditor().setText(""); // no procedure, no limit yet
        // A procedure the catalogue gives no limit leaves the field blank (not the last procedure's number), and a
        // number typed counts as soon as it is typed, also when it equals the spinner's hidden value.
        model.processingDaysProperty().addListener((obs, old, value) -> {
            if (value == null) {
                days.getEditor().setText("");
            } else if (!value.equals(days.getValue()) || days.getEditor().getText().isEmpty()) {
                days.getValueFactory().setValue(value);
                days.getEditor().setText(String.valueOf(value));
            }
        });
        days.valueProperty().addListener((obs, old, value) -> {
            if (model.procedureProperty().get() != null) {
                model.processingDaysProperty().set(value);
            }
        });
        days.getEditor().textProperty().addListener((obs, old, text) -> {
            if (model.procedureProperty().get() != null && text.strip().matches("\\d{1,3}")
                    && Integer.parseInt(text.strip()) <= MAX_DAYS) {
                model.processingDaysProperty().set(Integer.parseInt(text.strip()));
            }
        });
        Label appointment = new Label();
        appointment.setId("appointment");
        appointment.getStyleClass().add("text-bold");
        appointment.textProperty().bind(model.appointmentProperty());
        HBox limit = new HBox(8, new Label(messages.text("dossier.processingDays")), days, appointment);
        limit.setAlignment(Pos.CENTER_LEFT);

        ChecklistView checklist = new ChecklistView(model, messages, dialogs);
        VBox pane = new VBox(8, heading, filter, list, limit, checklist);
        VBox.setVgrow(checklist, Priority.ALWAYS);
        return pane;
    }
}
