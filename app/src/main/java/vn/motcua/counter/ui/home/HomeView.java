package vn.motcua.counter.ui.home;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import vn.motcua.counter.application.port.DossierSummary;
import vn.motcua.counter.i18n.Messages;

/** Today's dossiers, newest first, and the way to a new one. */
public final class HomeView extends BorderPane {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");

    public HomeView(HomeViewModel model, Messages messages, Runnable newDossier) {
        Label title = new Label(messages.text("home.title"));
        title.getStyleClass().add("title-3");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button create = new Button(messages.text("home.new"));
        create.setId("newDossier");
        create.getStyleClass().add("accent");
        create.setDefaultButton(true);
        create.setOnAction(e -> newDossier.run());
        Button refresh = new Button(messages.text("home.refresh"));
        refresh.setOnAction(e -> model.refresh());
        HBox bar = new HBox(12, title, spacer, refresh, create);
        bar.setPadding(new Insets(0, 0, 12, 0));
        setTop(bar);

        TableView<DossierSummary> table = new TableView<>(model.today());
        table.setId("todayTable");
        table.getColumns().add(column(messages.text("column.code"), DossierSummary::code, 210));
        table.getColumns().add(column(messages.text("column.applicant"), DossierSummary::applicantName, 190));
        table.getColumns().add(column(messages.text("column.procedure"), DossierSummary::procedureName, 330));
        table.getColumns().add(column(messages.text("column.status"),
                s -> messages.text("status." + s.status().name()), 140));
        table.getColumns().add(column(messages.text("column.received"), s -> format(s.receivedAt()), 130));
        table.getColumns().add(column(messages.text("column.appointment"), s -> format(s.appointmentAt()), 130));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label(messages.text("home.empty")));
        setCenter(table);

        Label summary = new Label();
        summary.textProperty().bind(model.summaryProperty());
        Label error = new Label();
        error.getStyleClass().add("danger");
        error.textProperty().bind(model.errorProperty());
        HBox status = new HBox(16, summary, error);
        status.setPadding(new Insets(8, 0, 0, 0));
        setBottom(status);
        setPadding(new Insets(16));
    }

    private static TableColumn<DossierSummary, String> column(String title, Function<DossierSummary, String> value,
                                                              double width) {
        TableColumn<DossierSummary, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        column.setPrefWidth(width);
        return column;
    }

    private static String format(LocalDateTime time) {
        return time.format(TIME);
    }
}
