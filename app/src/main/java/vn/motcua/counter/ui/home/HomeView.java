package vn.motcua.counter.ui.home;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import vn.motcua.counter.application.DossierList;
import vn.motcua.counter.application.port.DossierSummary;
import vn.motcua.counter.domain.DossierCode;
import vn.motcua.counter.ui.dossier.DossierOpening;
import vn.motcua.counter.i18n.Messages;

/**
 * The working lists and search, and the way to a new dossier. Every action shows its shortcut on its control; the
 * shortcuts themselves are registered on the scene by {@code CounterApplication}.
 */
public final class HomeView extends BorderPane {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");

    private final TextField search = new TextField();

    private final TableView<DossierSummary> table;

    /**
     * @param open opens a dossier: Enter in the search when one is found, Enter or double-click on a row
     */
    public HomeView(HomeViewModel model, Messages messages, Runnable newDossier, Runnable report,
                    Consumer<DossierCode> open) {
        Label title = new Label(messages.text("home.title"));
        title.getStyleClass().add("title-3");
        search.setId("search");
        search.setPromptText(messages.text("home.search.prompt"));
        search.setPrefColumnCount(34);
        search.textProperty().bindBidirectional(model.searchProperty());
        // Enter opens the dossier found (or goes to the results when there are several); Down goes to the results.
        search.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                search.clear();
            } else if (e.getCode() == KeyCode.DOWN) {
                e.consume();
                toResults();
            } else if (e.getCode() == KeyCode.ENTER) {
                e.consume();
                model.whenShown(() -> {
                    if (model.rows().size() == 1) {
                        open.accept(DossierCode.parse(model.rows().getFirst().code()));
                    } else {
                        toResults();
                    }
                });
            }
        });
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button create = new Button(messages.text("home.new"));
        create.setId("newDossier");
        create.getStyleClass().add("accent");
        create.setOnAction(e -> newDossier.run());
        Button reportButton = new Button(messages.text("home.report"));
        reportButton.setId("openReport");
        reportButton.setOnAction(e -> report.run());
        Button refresh = new Button(messages.text("home.refresh"));
        refresh.setOnAction(e -> model.refresh());
        HBox bar = new HBox(12, title, search, spacer, refresh, reportButton, create);
        bar.setAlignment(Pos.CENTER_LEFT);

        ToggleGroup lists = new ToggleGroup();
        HBox tabs = new HBox(4);
        for (DossierList list : DossierList.values()) {
            ToggleButton tab = new ToggleButton(messages.text("home.list." + list.name(), list.ordinal() + 1));
            tab.setId("list-" + list.name());
            tab.setToggleGroup(lists);
            tab.setUserData(list);
            tab.setSelected(model.listProperty().get() == list);
            tab.setOnAction(e -> {
                tab.setSelected(true); // a list is always chosen; clicking the chosen one again refreshes it
                model.show(list);
            });
            tabs.getChildren().add(tab);
        }
        model.listProperty().addListener((obs, old, now) -> lists.getToggles().forEach(t ->
                t.setSelected(t.getUserData() == now)));
        VBox top = new VBox(10, bar, tabs);
        top.setPadding(new Insets(0, 0, 12, 0));
        setTop(top);

        table = new TableView<>(model.rows());
        table.setId("todayTable"); // the id predates the other lists; tests and screenshots use it
        table.getColumns().add(column(messages.text("column.code"), DossierSummary::code, 210));
        table.getColumns().add(column(messages.text("column.applicant"), DossierSummary::applicantName, 190));
        table.getColumns().add(column(messages.text("column.procedure"), DossierSummary::procedureName, 330));
        table.getColumns().add(column(messages.text("column.status"),
                s -> messages.text("status." + s.status().name()), 140));
        table.getColumns().add(column(messages.text("column.received"), s -> format(s.receivedAt()), 130));
        table.getColumns().add(column(messages.text("column.appointment"), s -> format(s.appointmentAt()), 130));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Label placeholder = new Label();
        placeholder.textProperty().bind(model.summaryProperty());
        table.setPlaceholder(placeholder);
        setCenter(table);
        DossierOpening.onTable(table, open);
        // Up from the first row goes back to the search
        table.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.UP && table.getSelectionModel().getSelectedIndex() <= 0) {
                e.consume();
                search.requestFocus();
            }
        });

        Label summary = new Label();
        summary.setId("summary");
        summary.textProperty().bind(model.summaryProperty());
        Label error = new Label();
        error.getStyleClass().add("danger");
        error.textProperty().bind(model.errorProperty());
        Label keys = new Label(messages.text("home.shortcuts"));
        keys.getStyleClass().add("text-muted");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox status = new HBox(16, summary, error, gap, keys);
        status.setPadding(new Insets(8, 0, 0, 0));
        setBottom(status);
        setPadding(new Insets(16));
    }

    /** The result list takes the keyboard with its first row selected, so Enter opens it. */
    private void toResults() {
        if (!table.getItems().isEmpty()) {
            if (table.getSelectionModel().isEmpty()) {
                table.getSelectionModel().selectFirst();
            }
            table.getFocusModel().focus(table.getSelectionModel().getSelectedIndex());
            table.requestFocus();
        }
    }

    /** Ctrl+F: the search field, with its text selected so typing replaces it. */
    public void focusSearch() {
        search.requestFocus();
        search.selectAll();
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
