package vn.motcua.counter.ui.reception;

import java.io.ByteArrayInputStream;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import vn.motcua.counter.domain.Page;

/** A larger picture of one page (double-click or Enter on its thumbnail); Esc closes it. */
final class PagePreview {

    private static final int WIDTH = 760;

    private PagePreview() {
    }

    static void show(Window owner, ChecklistModel checklist, Page page, String title) {
        ImageView view = new ImageView();
        view.setId("pagePreview");
        view.setPreserveRatio(true);
        ScrollPane scroll = new ScrollPane(view);
        scroll.setPannable(true);
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle(title);
        Scene scene = new Scene(scroll, WIDTH + 20, Math.min(900, owner.getHeight()));
        scene.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE || e.getCode() == KeyCode.ENTER) {
                stage.close();
            }
        });
        stage.setScene(scene);
        checklist.picture(page, WIDTH, png -> view.setImage(new Image(new ByteArrayInputStream(png))));
        stage.show();
    }
}
