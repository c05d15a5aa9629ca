package vn.motcua.counter.ui.sync;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.shape.Circle;
import vn.motcua.counter.i18n.Messages;

/** The sync line at the foot of every screen: a dot (green online, grey offline or off), the counts, "Đồng bộ ngay". */
public final class SyncIndicator extends HBox {

    public SyncIndicator(SyncIndicatorViewModel model, Messages messages) {
        super(10);
        setId("syncBar");
        Circle dot = new Circle(5);
        dot.setId("syncDot");
        dot.styleProperty().bind(javafx.beans.binding.Bindings.when(model.onlineProperty())
                .then("-fx-fill: #2e7d32;").otherwise("-fx-fill: #9e9e9e;"));
        Label status = new Label();
        status.setId("syncStatus");
        status.textProperty().bind(model.statusProperty());
        Button now = new Button(messages.text("sync.now"));
        now.setId("syncNow");
        now.getStyleClass().add("small");
        now.visibleProperty().bind(model.enabledProperty());
        now.managedProperty().bind(model.enabledProperty());
        now.disableProperty().bind(model.busyProperty());
        now.setOnAction(e -> model.syncNow());
        getChildren().setAll(dot, status, now);
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(6, 16, 6, 16));
    }
}
