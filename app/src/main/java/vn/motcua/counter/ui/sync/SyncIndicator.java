package vn.motcua.counter.ui.sync;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.shape.Circle;
import vn.motcua.counter.i18n.Messages;

/**
 * The sync line at the foot of every screen: a dot (green online, grey offline or off), the counts (a link to the
 * sync log: click, Enter or Space), the last pull of the hub's changes, "Đồng bộ ngay". While the hub has revoked the
 * counter the whole line turns red and says so in place of the last pull, until the counter is enrolled again: no
 * dialog to click away, and no extra line (on a 1366×768 screen the window has no height to spare).
 */
public final class SyncIndicator extends HBox {

    private static final javafx.css.PseudoClass REVOKED = javafx.css.PseudoClass.getPseudoClass("revoked");

    public SyncIndicator(SyncIndicatorViewModel model, Messages messages, Runnable openLog) {
        super(10);
        setId("syncBar");
        Circle dot = new Circle(5);
        dot.setId("syncDot");
        dot.styleProperty().bind(javafx.beans.binding.Bindings.when(model.onlineProperty())
                .then("-fx-fill: #2e7d32;").otherwise("-fx-fill: #9e9e9e;"));
        Hyperlink status = new Hyperlink();
        status.setId("syncStatus");
        status.textProperty().bind(model.statusProperty());
        status.setTooltip(new Tooltip(messages.text("sync.indicator.open_log")));
        status.setOnAction(e -> {
            status.setVisited(false);
            openLog.run();
        });
        Label pull = new Label();
        pull.setId("syncLastPull");
        pull.getStyleClass().add("text-muted");
        pull.textProperty().bind(model.lastPullProperty());
        Tooltip why = new Tooltip();
        why.textProperty().bind(model.lastPullProblemProperty());
        model.lastPullProblemProperty().addListener((obs, old, now) -> pull.setTooltip(now.isEmpty() ? null : why));
        pull.visibleProperty().bind(model.revokedProperty().not());
        pull.managedProperty().bind(model.revokedProperty().not());
        Button now = new Button(messages.text("sync.now"));
        now.setId("syncNow");
        now.getStyleClass().add("small");
        now.visibleProperty().bind(model.enabledProperty());
        now.managedProperty().bind(model.enabledProperty());
        now.disableProperty().bind(model.busyProperty());
        now.setOnAction(e -> model.syncNow());
        Label revoked = new Label(messages.text("sync.revoked.notice"));
        revoked.setId("syncRevoked");
        revoked.setTooltip(new Tooltip(messages.text("sync.revoked.detail")));
        revoked.visibleProperty().bind(model.revokedProperty());
        revoked.managedProperty().bind(model.revokedProperty());
        // what gives way on a narrow window is the notice (its tooltip has it whole), never the counts or the button
        status.setMinWidth(Region.USE_PREF_SIZE);
        now.setMinWidth(Region.USE_PREF_SIZE);
        getStyleClass().add("sync-bar");
        model.revokedProperty().addListener((obs, was, is) -> pseudoClassStateChanged(REVOKED, is));
        getChildren().setAll(dot, status, revoked, pull, now);
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(6, 16, 6, 16));
    }
}
