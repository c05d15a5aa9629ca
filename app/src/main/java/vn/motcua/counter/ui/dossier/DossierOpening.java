package vn.motcua.counter.ui.dossier;

import java.util.function.Consumer;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import vn.motcua.counter.application.port.DossierSummary;
import vn.motcua.counter.domain.DossierCode;

/** Opens a dossier from a list of dossiers: double-click or Enter on its row. */
public final class DossierOpening {

    private DossierOpening() {
    }

    public static void onTable(TableView<? extends DossierSummary> view, Consumer<DossierCode> open) {
        Runnable openSelected = () -> {
            if (view.getSelectionModel().getSelectedItem() instanceof DossierSummary row) {
                open.accept(DossierCode.parse(row.code()));
            }
        };
        view.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                openSelected.run();
            }
        });
        view.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                openSelected.run();
                e.consume();
            }
        });
    }
}
