package vn.motcua.counter.ui.capture;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import vn.motcua.counter.i18n.Messages;

/** The window's bottom line: background OCR and electronic copies, with pause and resume while they run. */
public final class CaptureStatusBar extends HBox {

    public CaptureStatusBar(CaptureProgressViewModel model, Messages messages) {
        super(10);
        setId("captureBar");
        Label status = new Label();
        status.setId("captureStatus");
        status.textProperty().bind(model.statusProperty());
        ProgressBar bar = new ProgressBar();
        bar.setId("captureProgress");
        bar.setPrefWidth(180);
        bar.progressProperty().bind(model.progressProperty());
        Button pause = new Button();
        pause.setId("capturePause");
        pause.getStyleClass().add("small");
        pause.textProperty().bind(model.pausedProperty().map(p -> messages.text(p ? "capture.resume" : "capture.pause")));
        pause.setOnAction(e -> model.togglePause());
        for (var node : new javafx.scene.Node[] {bar, pause}) {
            node.visibleProperty().bind(model.workingProperty());
            node.managedProperty().bind(model.workingProperty());
        }
        getChildren().setAll(status, bar, pause);
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(6, 16, 6, 16));
        getStyleClass().add("capture-bar");
    }
}
