package vn.motcua.counter.ui.reception;

import java.time.format.DateTimeFormatter;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import vn.motcua.counter.application.EarlierDossier;
import vn.motcua.counter.i18n.Messages;

/** The applicant's earlier dossiers under the applicant's fields, each paper with "Dùng lại"; hidden when none. */
public final class ReturningApplicantView extends VBox {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/uuuu");

    public ReturningApplicantView(ReturningApplicantViewModel model, Messages messages) {
        super(6);
        setId("returning");
        setMaxWidth(443);
        Label heading = new Label(messages.text("returning.title"));
        heading.getStyleClass().add("title-4");
        Label message = new Label();
        message.setId("returningMessage");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        message.setMinHeight(Region.USE_PREF_SIZE); // wrapped whole, never cut to "…"
        Label nameWarning = new Label();
        nameWarning.setId("returningNameWarning");
        nameWarning.setWrapText(true);
        nameWarning.getStyleClass().addAll("danger", "text-bold");
        nameWarning.textProperty().bind(model.nameWarningProperty());
        nameWarning.setMinHeight(Region.USE_PREF_SIZE);
        nameWarning.managedProperty().bind(nameWarning.textProperty().isNotEmpty());
        nameWarning.visibleProperty().bind(nameWarning.managedProperty());
        VBox dossiers = new VBox(4);
        javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(dossiers);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        getChildren().addAll(heading, nameWarning, message, scroll);
        managedProperty().bind(message.textProperty().isNotEmpty());
        visibleProperty().bind(managedProperty());
        model.earlierDossiers().addListener((ListChangeListener<EarlierDossier>) change -> {
            dossiers.getChildren().clear();
            for (int d = 0; d < model.earlierDossiers().size(); d++) {
                EarlierDossier earlier = model.earlierDossiers().get(d);
                Label title = new Label(earlier.code().value() + " · " + earlier.receivedAt().format(DAY) + " · "
                        + earlier.procedureName());
                title.setWrapText(true);
                title.getStyleClass().add("text-bold");
                dossiers.getChildren().add(title);
                for (int k = 0; k < earlier.documents().size(); k++) {
                    dossiers.getChildren().add(row(model, messages, earlier, earlier.documents().get(k), d + "-" + k));
                }
            }
        });
    }

    private static HBox row(ReturningApplicantViewModel model, Messages messages, EarlierDossier earlier,
                            EarlierDossier.Reusable document, String id) {
        Label name = new Label(document.name() + (document.result() ? " (" + messages.text("returning.result") + ")"
                : "") + " · " + messages.text("returning.pages", document.pages().size()));
        name.setWrapText(true);
        name.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(name, Priority.ALWAYS);
        ComboBox<ComponentItem> into = new ComboBox<>(model.components());
        into.setId("reuseInto-" + id);
        into.setPromptText(messages.text("returning.into"));
        into.setPrefWidth(150);
        into.setMinWidth(150);
        into.setButtonCell(new ComponentCell());
        into.setCellFactory(list -> new ComponentCell());
        // preselect the component of the same name, again whenever another procedure is chosen
        ListChangeListener<ComponentItem> match = c -> into.setValue(model.matchingComponent(document).orElse(null));
        match.onChanged(null);
        // weak, so rows dropped by the next lookup do not stay attached to the form; the combo box holds it
        into.getProperties().put(ListChangeListener.class, match);
        model.components().addListener(new javafx.collections.WeakListChangeListener<>(match));
        Button reuse = new Button(messages.text("returning.reuse"));
        reuse.setId("reuse-" + id);
        reuse.setMinWidth(HBox.USE_PREF_SIZE);
        reuse.setOnAction(e -> model.reuse(earlier, document, into.getValue()));
        HBox row = new HBox(6, name, into, reuse);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private static final class ComponentCell extends ListCell<ComponentItem> {
        @Override
        protected void updateItem(ComponentItem item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : item.requirement().name());
        }
    }
}
