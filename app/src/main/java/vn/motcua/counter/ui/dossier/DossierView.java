package vn.motcua.counter.ui.dossier;

import java.util.LinkedHashMap;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import vn.motcua.counter.application.LifecycleAction;
import vn.motcua.counter.i18n.Messages;
import vn.motcua.counter.ui.DialogService;
import vn.motcua.counter.ui.PrintService;

/**
 * The dossier screen: summary and history on the left, what the next action needs (reason, papers to add, new date,
 * result name, rating) on the right, and the actions the status allows below, each on a function key.
 */
public final class DossierView extends BorderPane {

    private final Map<KeyCode, Button> keys = new LinkedHashMap<>();

    public DossierView(DossierViewModel model, CopyViewing copyViewing, Messages messages, DialogService dialogs,
                       PrintService printing, Runnable close) {
        Label title = new Label(messages.text("detail.title", model.code().value()));
        title.getStyleClass().add("title-3");
        Label status = new Label();
        status.setId("detailStatus");
        status.getStyleClass().addAll("title-4", "accent");
        status.textProperty().bind(model.statusProperty());
        Label sync = new Label();
        sync.setId("detailSync");
        sync.textProperty().bind(model.syncStateProperty());
        javafx.scene.control.Button retrySync = new javafx.scene.control.Button(messages.text("sync.retry"));
        retrySync.setId("retrySync");
        retrySync.getStyleClass().add("small");
        retrySync.visibleProperty().bind(model.syncFailedProperty());
        retrySync.managedProperty().bind(model.syncFailedProperty());
        retrySync.setOnAction(e -> model.retrySync());
        HBox top = new HBox(16, title, status, sync, retrySync);
        top.setAlignment(Pos.BASELINE_LEFT);
        top.setPadding(new Insets(0, 0, 12, 0));
        setTop(top);

        Label summary = new Label();
        summary.setId("detailSummary");
        summary.setWrapText(true);
        summary.textProperty().bind(model.summaryProperty());
        summary.setMinHeight(Region.USE_PREF_SIZE); // every line whole: the name was cut to "…", the rest hidden
        ListView<String> history = new ListView<>(model.history());
        history.setId("history");
        // each entry is a sentence: wrapped in its row, never scrolled sideways
        history.setCellFactory(view -> new javafx.scene.control.ListCell<>() {
            {
                setWrapText(true);
                setPrefWidth(0);
            }

            @Override
            protected void updateItem(String entry, boolean empty) {
                super.updateItem(entry, empty);
                setText(empty ? null : entry);
            }
        });
        Label results = new Label();
        results.setId("resultCount");
        results.setWrapText(true);
        results.setMinHeight(Region.USE_PREF_SIZE); // each result from the hub on its line, never cut to "…"
        results.textProperty().bind(model.resultsProperty());
        Label copies = new Label();
        copies.setId("electronicCopies");
        copies.setWrapText(true);
        copies.setMinHeight(Region.USE_PREF_SIZE); // every component's line, never cut to "…"
        copies.textProperty().bind(model.electronicCopiesProperty());
        // what failed in the pipeline is taken up again once the cause is fixed (a lost file restored, say)
        Button retry = button(messages.text("detail.retry"), "retryWork", KeyCode.F12, model::retryStuckWork);
        retry.visibleProperty().bind(Bindings.isNotEmpty(model.stuckWork()));
        retry.managedProperty().bind(retry.visibleProperty());
        VBox left = new VBox(8, summary, copies, retry, new Label(messages.text("detail.history")), history,
                results);
        VBox.setVgrow(history, Priority.ALWAYS);
        HBox.setHgrow(left, Priority.ALWAYS);
        HBox columns = new HBox(24, left, inputs(model, messages));
        setCenter(columns);

        FlowPane actions = new FlowPane(8, 8);
        action(actions, model, messages, "requestSupplement", KeyCode.F2, LifecycleAction.REQUEST_SUPPLEMENT,
                model::requestSupplement);
        action(actions, model, messages, "process", KeyCode.F3, LifecycleAction.PROCESS, model::process);
        action(actions, model, messages, "refuse", KeyCode.F4, LifecycleAction.REFUSE, model::refuse);
        action(actions, model, messages, "apologise", KeyCode.F6, LifecycleAction.APOLOGISE, model::apologise);
        action(actions, model, messages, "stop", KeyCode.F7, LifecycleAction.STOP, model::stop);
        action(actions, model, messages, "resolve", KeyCode.F8, LifecycleAction.RESOLVE, model::resolve);
        Button attach = action(actions, model, messages, "attachResult", KeyCode.F9, LifecycleAction.ATTACH_RESULT,
                () -> { });
        attach.setOnAction(e -> model.attachResults(dialogs.chooseImages(getScene().getWindow(),
                messages.text("detail.chooseResult"))));
        action(actions, model, messages, "returnResult", KeyCode.F10, LifecycleAction.RETURN, model::returnResult);
        Button slip = button(messages.text("detail.action.controlSlip"), "controlSlip", KeyCode.F11,
                model::controlSlip);
        slip.disableProperty().bind(model.busyProperty());
        Button view = button(messages.text("detail.action.viewCopies"), "viewCopies", KeyCode.F5,
                () -> copyViewing.load(model.code(), shown -> showCopy(shown, messages, printing)));
        Button receipt = new Button(messages.text("detail.action.receipt"));
        receipt.setId("reprintReceipt");
        receipt.setMinWidth(Region.USE_PREF_SIZE);
        receipt.disableProperty().bind(model.busyProperty());
        receipt.setOnAction(e -> model.receipt());
        actions.getChildren().addAll(slip, view, receipt);

        Label message = new Label();
        message.setId("detailMessage");
        message.setWrapText(true);
        message.textProperty().bind(Bindings.concat(model.messageProperty(), copyViewing.messageProperty()));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button back = new Button(messages.text("detail.close"));
        back.setId("closeDossier");
        back.setCancelButton(true);
        back.setOnAction(e -> close.run());
        HBox bottomBar = new HBox(12, message, spacer, back);
        bottomBar.setAlignment(Pos.CENTER_LEFT);
        VBox bottom = new VBox(10, actions, bottomBar);
        bottom.setPadding(new Insets(12, 0, 0, 0));
        setBottom(bottom);
        setPadding(new Insets(16));

        model.formProperty().addListener((obs, old, form) -> {
            if (form != null) {
                printing.preview(getScene().getWindow(), form.title(), form.pdf());
            }
        });
        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.P && e.isShortcutDown()) {
                e.consume();
                receipt.fire();
                return;
            }
            Button target = keys.get(e.getCode());
            if (target != null && !target.isDisabled()) {
                target.fire();
                e.consume();
            }
        });
    }

    /** One copy opens at once; with several, the clerk picks which. */
    private void showCopy(java.util.List<vn.motcua.counter.ui.print.DocumentViewModel> shown, Messages messages,
                          PrintService printing) {
        if (shown.size() == 1) {
            printing.show(getScene().getWindow(), shown.getFirst());
            return;
        }
        var choice = new javafx.scene.control.ChoiceDialog<>(shown.getFirst(), shown);
        choice.setHeaderText(messages.text("detail.copy.choose"));
        choice.initOwner(getScene().getWindow());
        choice.showAndWait().ifPresent(document -> printing.show(getScene().getWindow(), document));
    }

    private static VBox inputs(DossierViewModel model, Messages messages) {
        TextArea reason = new TextArea();
        reason.setId("reason");
        reason.setPrefRowCount(3);
        reason.setWrapText(true);
        reason.setPromptText(messages.text("detail.reason.prompt"));
        reason.textProperty().bindBidirectional(model.reasonProperty());
        TextArea items = new TextArea();
        items.setId("supplementItems");
        items.setPrefRowCount(3);
        items.setPromptText(messages.text("detail.supplement.prompt"));
        items.textProperty().bindBidirectional(model.supplementItemsProperty());
        TextField date = new TextField();
        date.setId("newAppointment");
        date.setPromptText("HH:mm dd/MM/yyyy");
        date.textProperty().bindBidirectional(model.newAppointmentProperty());
        TextField resultName = new TextField();
        resultName.setId("resultName");
        resultName.setPromptText(messages.text("detail.resultName.prompt"));
        resultName.textProperty().bindBidirectional(model.resultNameProperty());

        ToggleGroup group = new ToggleGroup();
        HBox rating = new HBox(12);
        for (int level = 1; level <= model.ratingLevels().size(); level++) {
            RadioButton choice = new RadioButton(model.ratingLevels().get(level - 1));
            choice.setId("rating-" + level);
            choice.setToggleGroup(group);
            choice.setUserData(level);
            rating.getChildren().add(choice);
        }
        group.selectedToggleProperty().addListener((obs, old, chosen) ->
                model.ratingLevelProperty().set(chosen == null ? 0 : (Integer) chosen.getUserData()));
        // a returned dossier shows the rating given, which no longer changes
        model.ratedProperty().addListener((obs, old, level) -> group.getToggles().forEach(t ->
                t.setSelected(level.intValue() > 0 && level.equals(t.getUserData()))));
        rating.disableProperty().bind(notAllowed(model, LifecycleAction.RETURN));
        // each field takes input only while the action it is for can be taken: a closed dossier is read-only
        reason.disableProperty().bind(notAllowed(model, LifecycleAction.REQUEST_SUPPLEMENT, LifecycleAction.PROCESS,
                LifecycleAction.REFUSE, LifecycleAction.APOLOGISE, LifecycleAction.STOP, LifecycleAction.RESOLVE));
        items.disableProperty().bind(notAllowed(model, LifecycleAction.REQUEST_SUPPLEMENT));
        date.disableProperty().bind(notAllowed(model, LifecycleAction.APOLOGISE));
        resultName.disableProperty().bind(notAllowed(model, LifecycleAction.ATTACH_RESULT));

        VBox box = new VBox(6,
                new Label(messages.text("detail.reason")), reason,
                new Label(messages.text("detail.supplement")), items,
                new Label(messages.text("detail.newAppointment")), date,
                new Label(messages.text("detail.resultName")), resultName,
                new Label(messages.text("detail.rating")), rating);
        box.setPrefWidth(440);
        box.setMinWidth(380);
        return box;
    }

    private static javafx.beans.binding.BooleanBinding notAllowed(DossierViewModel model, LifecycleAction... actions) {
        return Bindings.createBooleanBinding(() -> java.util.Arrays.stream(actions)
                .noneMatch(model.allowedActions()::contains), model.allowedActions());
    }

    private Button action(FlowPane pane, DossierViewModel model, Messages messages, String id, KeyCode key,
                          LifecycleAction action, Runnable run) {
        Button button = button(messages.text("detail.action." + id), id, key, run);
        button.disableProperty().bind(Bindings.createBooleanBinding(
                () -> !model.allowedActions().contains(action), model.allowedActions()).or(model.busyProperty()));
        pane.getChildren().add(button);
        return button;
    }

    /** The key is part of the label, so the clerk learns it from the button. */
    private Button button(String text, String id, KeyCode key, Runnable run) {
        Button button = new Button(text + " (" + key.getName() + ")");
        button.setId(id);
        button.setMinWidth(Region.USE_PREF_SIZE);
        button.setOnAction(e -> run.run());
        keys.put(key, button);
        return button;
    }
}
