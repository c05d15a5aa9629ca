package vn.motcua.counter.ui.print;

import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.print.PageLayout;
import javafx.print.PageOrientation;
import javafx.print.Paper;
import javafx.print.Printer;
import javafx.print.PrinterJob;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.motcua.counter.i18n.Messages;
import vn.motcua.counter.ui.PrintService;

/**
 * The print preview: the form's pages rendered by PDFBox, and a print button that sends them through JavaFX's
 * {@link PrinterJob} (the system print dialog picks the printer), each page scaled to the printable area.
 */
public final class FxPrintService implements PrintService {

    private static final Logger LOG = LoggerFactory.getLogger(FxPrintService.class);
    private static final float SCREEN_DPI = 96;
    private static final float PRINT_DPI = 200;  // sharp enough for 12-point text and the receipt's QR code

    private final Messages messages;

    public FxPrintService(Messages messages) {
        this.messages = messages;
    }

    @Override
    public void preview(Window owner, String title, byte[] pdf) {
        open(owner, title, pdf, null);
    }

    @Override
    public void show(Window owner, DocumentViewModel document) {
        Label verdict = new Label();
        verdict.setId("signatureVerdict");
        verdict.setWrapText(true);
        verdict.setMaxWidth(Double.MAX_VALUE);
        verdict.setPadding(new Insets(10));
        verdict.textProperty().bind(document.verdictProperty());
        verdict.styleProperty().bind(javafx.beans.binding.Bindings.when(document.trustedProperty())
                .then("-fx-background-color: #e3f4e1; -fx-text-fill: #1b5e20; -fx-font-weight: bold;")
                .otherwise("-fx-background-color: #fde4e1; -fx-text-fill: #b71c1c; -fx-font-weight: bold;"));
        open(owner, document.title(), document.pdf(), verdict);
    }

    /** The pages, with {@code banner} above them when given. */
    private void open(Window owner, String title, byte[] pdf, javafx.scene.Node banner) {
        VBox pages = new VBox(16);
        pages.setId("previewPages");
        pages.setAlignment(Pos.TOP_CENTER);
        pages.setPadding(new Insets(16));
        pages.setStyle("-fx-background-color: #888;");
        for (Image page : PdfPreview.pages(pdf, SCREEN_DPI)) {
            pages.getChildren().add(new ImageView(page));
        }
        ScrollPane scroll = new ScrollPane(pages);
        scroll.setFitToWidth(true);

        Stage stage = new Stage();
        Label status = new Label();
        status.setId("printStatus");
        Button print = new Button(messages.text("print.print"));
        print.setId("print");
        print.setDefaultButton(true);
        print.setOnAction(e -> status.setText(print(stage, pdf)));
        Button close = new Button(messages.text("print.close"));
        close.setId("closePreview");
        close.setCancelButton(true);
        close.setOnAction(e -> stage.close());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(12, status, spacer, close, print);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(10));
        BorderPane root = new BorderPane(scroll);
        root.setTop(banner);
        root.setBottom(bar);

        // its own title bar stays on a 768-pixel-high screen too
        Scene scene = new Scene(root, 900, Math.min(760, javafx.stage.Screen.getPrimary().getVisualBounds().getHeight() - 40));
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN), print::fire);
        if (owner != null) {
            stage.initOwner(owner);
            scene.getStylesheets().addAll(owner.getScene().getStylesheets());
        }
        stage.setTitle(messages.text("print.title", title));
        stage.setScene(scene);
        stage.show();
    }

    /** Prints every page; returns what to tell the clerk. */
    private String print(Stage owner, byte[] pdf) {
        if (Printer.getDefaultPrinter() == null) {
            return messages.text("print.no_printer");
        }
        PrinterJob job = PrinterJob.createPrinterJob();
        if (job == null || !job.showPrintDialog(owner)) {
            return "";
        }
        List<Image> images = PdfPreview.pages(pdf, PRINT_DPI);
        for (Image image : images) {
            boolean landscape = image.getWidth() > image.getHeight();
            PageLayout layout = job.getPrinter().createPageLayout(Paper.A4,
                    landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT, Printer.MarginType.HARDWARE_MINIMUM);
            ImageView view = new ImageView(image);
            view.setPreserveRatio(true);
            view.setFitWidth(layout.getPrintableWidth());
            view.setFitHeight(layout.getPrintableHeight());
            if (!job.printPage(layout, view)) {
                LOG.warn("printing failed: {}", job.getJobStatus());
                job.cancelJob();
                return messages.text("print.failed");
            }
        }
        job.endJob();
        return messages.text("print.sent", images.size());
    }
}
