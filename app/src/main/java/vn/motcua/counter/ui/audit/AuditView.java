package vn.motcua.counter.ui.audit;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import vn.motcua.counter.application.audit.AuditAction;
import vn.motcua.counter.i18n.Messages;

/** The audit screen: filters, the entries, the integrity check (Ctrl+L from home; Esc goes back). */
public final class AuditView extends BorderPane {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    public AuditView(AuditViewModel model, Messages messages, Runnable close) {
        Label title = new Label(messages.text("audit.title"));
        title.getStyleClass().add("title-3");
        DatePicker from = new DatePicker();
        from.setId("auditFrom");
        from.valueProperty().bindBidirectional(model.fromProperty());
        DatePicker to = new DatePicker();
        to.setId("auditTo");
        to.valueProperty().bindBidirectional(model.toProperty());
        for (DatePicker picker : List.of(from, to)) {
            picker.setConverter(new javafx.util.converter.LocalDateStringConverter(DAY, DAY));
            picker.setPrefWidth(140);
        }
        TextField who = new TextField();
        who.setId("auditWho");
        who.setPromptText(messages.text("audit.who"));
        who.textProperty().bindBidirectional(model.whoProperty());
        TextField dossier = new TextField();
        dossier.setId("auditDossier");
        dossier.setPromptText(messages.text("audit.dossier"));
        dossier.setPrefColumnCount(22);
        dossier.textProperty().bindBidirectional(model.dossierProperty());
        List<AuditAction> actions = new ArrayList<>();
        actions.add(null);
        actions.addAll(Arrays.asList(AuditAction.values()));
        ComboBox<AuditAction> action = new ComboBox<>(javafx.collections.FXCollections.observableList(actions));
        action.setId("auditAction");
        action.setConverter(new StringConverter<>() {
            @Override
            public String toString(AuditAction value) {
                return model.label(value);
            }

            @Override
            public AuditAction fromString(String text) {
                return null;
            }
        });
        action.valueProperty().bindBidirectional(model.actionProperty());
        Button show = new Button(messages.text("audit.show"));
        show.setId("showAudit");
        show.setDefaultButton(true);
        show.setOnAction(e -> model.show());
        Button verify = new Button(messages.text("audit.verify"));
        verify.setId("verifyAudit");
        verify.setOnAction(e -> model.verify());
        Button back = new Button(messages.text("audit.back"));
        back.setId("closeAudit");
        back.setCancelButton(true);
        back.setOnAction(e -> close.run());
        FlowPane bar = new FlowPane(10, 8, new Label(messages.text("audit.from")), from,
                new Label(messages.text("audit.to")), to, who, dossier, action, show, verify, back);
        bar.setAlignment(Pos.CENTER_LEFT);
        Label message = new Label();
        message.setId("auditMessage");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        VBox top = new VBox(10, title, bar, message);
        top.setPadding(new Insets(0, 0, 12, 0));
        setTop(top);

        TableView<AuditViewModel.Row> table = new TableView<>(model.rows());
        table.setId("auditEntries");
        table.getColumns().add(column(messages.text("audit.column.seq"), r -> Long.toString(r.seq()), 60));
        table.getColumns().add(column(messages.text("audit.column.time"), AuditViewModel.Row::time, 150));
        table.getColumns().add(column(messages.text("audit.who"), AuditViewModel.Row::actor, 130));
        table.getColumns().add(column(messages.text("audit.column.counter"), AuditViewModel.Row::counter, 130));
        table.getColumns().add(column(messages.text("audit.action"), AuditViewModel.Row::action, 110));
        table.getColumns().add(column(messages.text("audit.dossier"), AuditViewModel.Row::dossier, 200));
        table.getColumns().add(column(messages.text("audit.column.detail"), AuditViewModel.Row::detail, 250));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        setCenter(table);
        setPadding(new Insets(16));
        sceneProperty().addListener((obs, old, now) -> {
            if (now != null) {
                dossier.requestFocus();
            }
        });
    }

    private static TableColumn<AuditViewModel.Row, String> column(String title,
            java.util.function.Function<AuditViewModel.Row, String> value, double width) {
        TableColumn<AuditViewModel.Row, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        column.setPrefWidth(width);
        return column;
    }
}
