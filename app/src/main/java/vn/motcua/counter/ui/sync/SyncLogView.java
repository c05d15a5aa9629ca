package vn.motcua.counter.ui.sync;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import vn.motcua.counter.i18n.Messages;

/** The sync log screen: the entries, newest first; F12 or "Thử lại" sends a failed dossier again; Esc goes back. */
public final class SyncLogView extends BorderPane {

    private static final javafx.css.PseudoClass FAILED = javafx.css.PseudoClass.getPseudoClass("failed");

    public SyncLogView(SyncLogViewModel model, Messages messages, Runnable close) {
        Label title = new Label(messages.text("synclog.title"));
        title.getStyleClass().add("title-3");
        TableView<SyncLogViewModel.Row> table = new TableView<>(model.rows());
        table.setId("syncLogEntries");
        table.setPlaceholder(new Label(messages.text("synclog.empty")));
        table.getColumns().add(column(messages.text("synclog.column.time"), SyncLogViewModel.Row::time, 125));
        table.getColumns().add(column(messages.text("synclog.column.kind"), SyncLogViewModel.Row::kind, 150));
        table.getColumns().add(column(messages.text("synclog.column.dossier"), SyncLogViewModel.Row::dossier, 200));
        TableColumn<SyncLogViewModel.Row, String> detail = column(messages.text("synclog.column.detail"),
                SyncLogViewModel.Row::detail, 600);
        table.getColumns().add(detail);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        // a long reason wraps onto a second line rather than being cut off
        detail.setCellFactory(c -> {
            javafx.scene.control.TableCell<SyncLogViewModel.Row, String> cell = new javafx.scene.control.TableCell<>() {
                @Override
                protected void updateItem(String item, boolean empty) {
                    super.updateItem(item, empty);
                    setText(empty ? null : item);
                }
            };
            cell.setWrapText(true);
            cell.setPrefHeight(javafx.scene.control.Control.USE_COMPUTED_SIZE);
            return cell;
        });
        table.setRowFactory(t -> new javafx.scene.control.TableRow<>() {
            @Override
            protected void updateItem(SyncLogViewModel.Row item, boolean empty) {
                super.updateItem(item, empty);
                pseudoClassStateChanged(FAILED, !empty && item != null && item.retryable());
            }
        });

        Button retry = new Button(messages.text("synclog.retry"));
        retry.setId("syncLogRetry");
        retry.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(() -> {
            SyncLogViewModel.Row row = table.getSelectionModel().getSelectedItem();
            return row == null || !row.retryable();
        }, table.getSelectionModel().selectedItemProperty()));
        retry.setOnAction(e -> model.retry(table.getSelectionModel().getSelectedItem()));
        Button back = new Button(messages.text("synclog.back"));
        back.setId("closeSyncLog");
        back.setCancelButton(true);
        back.setOnAction(e -> close.run());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(10, title, spacer, retry, back);
        bar.setAlignment(Pos.CENTER_LEFT);
        Label message = new Label();
        message.setId("syncLogMessage");
        message.setWrapText(true);
        message.getStyleClass().add("text-muted");
        message.textProperty().bind(model.messageProperty());
        VBox top = new VBox(8, bar, message);
        top.setPadding(new Insets(0, 0, 12, 0));
        setTop(top);
        setCenter(table);
        setPadding(new Insets(16));
        addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.F12 && !retry.isDisabled()) {
                retry.fire();
                e.consume();
            }
        });
        sceneProperty().addListener((obs, old, now) -> {
            if (now != null) {
                table.requestFocus();
                if (!table.getItems().isEmpty() && table.getSelectionModel().isEmpty()) {
                    table.getSelectionModel().selectFirst();
                }
            }
        });
        // the list arrives after the screen shows: the first row gets the keyboard's selection
        model.rows().addListener((javafx.collections.ListChangeListener<SyncLogViewModel.Row>) c -> {
            if (table.getSelectionModel().isEmpty() && !table.getItems().isEmpty()) {
                table.getSelectionModel().selectFirst();
            }
        });
    }

    private static TableColumn<SyncLogViewModel.Row, String> column(String title,
            java.util.function.Function<SyncLogViewModel.Row, String> value, double width) {
        TableColumn<SyncLogViewModel.Row, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        column.setPrefWidth(width);
        column.setSortable(false);
        return column;
    }
}
