package vn.motcua.counter.ui.reception;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import vn.motcua.counter.domain.Page;
import vn.motcua.counter.i18n.Messages;
import vn.motcua.counter.ui.DialogService;
import vn.motcua.scanner.ColorMode;
import vn.motcua.scanner.PaperSource;

/**
 * The component checklist: the scan profile, a scan error with what to do, one row per component with its page
 * thumbnails, and the tools for the selected page (each with its key).
 */
final class ChecklistView extends VBox {

    private static final javafx.css.PseudoClass CURRENT = javafx.css.PseudoClass.getPseudoClass("current");
    private static final javafx.css.PseudoClass SELECTED = javafx.css.PseudoClass.getPseudoClass("selected");
    private static final int THUMBNAIL_WIDTH = 34;

    private final NewDossierViewModel model;
    private final ChecklistModel checklist;
    private final Messages messages;
    private final DialogService dialogs;
    /** Thumbnails by content id, so moving or undoing does not render a page again. */
    private final Map<String, Image> thumbnails = new HashMap<>();

    ChecklistView(NewDossierViewModel model, Messages messages, DialogService dialogs) {
        super(8);
        this.model = model;
        this.checklist = model.checklist();
        this.messages = messages;
        this.dialogs = dialogs;
        Label heading = new Label(messages.text("dossier.components"));
        heading.getStyleClass().add("title-4");
        VBox rows = new VBox(6);
        rows.setId("components");
        model.components().addListener((ListChangeListener<ComponentItem>) change -> {
            rows.getChildren().clear();
            List<ComponentItem> items = model.components();
            for (int i = 0; i < items.size(); i++) {
                rows.getChildren().add(componentRow(i, items.get(i)));
            }
        });
        // Long checklists scroll, so the form's Receive button always stays in the window.
        ScrollPane scroll = new ScrollPane(rows);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.setMinHeight(80);
        scroll.getStyleClass().add("edge-to-edge");
        Label noComponents = new Label(messages.text("dossier.other.noneInCatalogue"));
        noComponents.setId("noCatalogueComponents");
        noComponents.setWrapText(true);
        noComponents.getStyleClass().add("text-bold");
        noComponents.setMinHeight(Region.USE_PREF_SIZE);
        noComponents.visibleProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(() ->
                model.procedureProperty().get() != null && model.procedureProperty().get().components().isEmpty(),
                model.procedureProperty()));
        noComponents.managedProperty().bind(noComponents.visibleProperty());
        javafx.scene.layout.FlowPane top = new javafx.scene.layout.FlowPane(16, 6, heading, scanProfile());
        top.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(top, scanProblem(), noComponents, scroll, otherComponent(), pageTools());
        VBox.setVgrow(scroll, Priority.ALWAYS);
        // Handled here, not as a filter, so Ctrl+Z in a text field still undoes typing.
        addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.Z && e.isShortcutDown()) {
                checklist.undoDelete();
                e.consume();
            }
        });
    }

    /** A paper the catalogue does not list: typed name, Enter (or the button) adds it as the next component. */
    private HBox otherComponent() {
        javafx.scene.control.TextField name = new javafx.scene.control.TextField();
        name.setId("otherComponent");
        name.setPromptText(messages.text("dossier.other.prompt"));
        HBox.setHgrow(name, Priority.ALWAYS);
        Button add = new Button(messages.text("dossier.other.add"));
        add.setId("addOtherComponent");
        add.setMinWidth(Region.USE_PREF_SIZE);
        Runnable adding = () -> {
            int before = model.components().size();
            model.addOtherComponent(name.getText());
            if (model.components().size() > before) {
                name.clear();
            }
        };
        name.setOnAction(e -> adding.run());
        add.setOnAction(e -> adding.run());
        Label label = new Label(messages.text("dossier.other"));
        label.setMinWidth(Region.USE_PREF_SIZE);
        HBox row = new HBox(6, label, name, add);
        row.setAlignment(Pos.CENTER_LEFT);
        row.disableProperty().bind(model.procedureProperty().isNull().or(model.busyProperty()));
        return row;
    }

    private HBox scanProfile() {
        ComboBox<PaperSource> source = choice("scanSource", List.of(PaperSource.values()),
                s -> messages.text("scan.source." + s.name()));
        source.valueProperty().bindBidirectional(checklist.sourceProperty());
        ComboBox<Integer> dpi = choice("scanDpi", ChecklistModel.RESOLUTIONS, d -> messages.text("scan.dpi", d));
        if (!ChecklistModel.RESOLUTIONS.contains(checklist.dpiProperty().get())) {
            dpi.getItems().add(checklist.dpiProperty().get()); // a profile's other resolution stays selectable
        }
        dpi.valueProperty().bindBidirectional(checklist.dpiProperty());
        ComboBox<ColorMode> mode = choice("scanMode", List.of(ColorMode.values()),
                m -> messages.text("scan.mode." + m.name()));
        mode.valueProperty().bindBidirectional(checklist.modeProperty());
        HBox profile = new HBox(6, new Label(messages.text("scan.profile")), source, dpi, mode);
        profile.setAlignment(Pos.CENTER_LEFT);
        profile.disableProperty().bind(checklist.busyProperty());
        return profile;
    }

    private static <T> ComboBox<T> choice(String id, List<T> values, java.util.function.Function<T, String> text) {
        ComboBox<T> box = new ComboBox<>();
        box.setId(id);
        box.getItems().setAll(values);
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : text.apply(value);
            }

            @Override
            public T fromString(String typed) {
                return null;
            }
        });
        return box;
    }

    /** A scan that stopped: the bridge's message, which says what to do, and Continue when trying again helps. */
    private HBox scanProblem() {
        Label problem = new Label();
        problem.setId("scanProblem");
        problem.setWrapText(true);
        problem.getStyleClass().addAll("danger", "text-bold");
        problem.textProperty().bind(checklist.scanProblemProperty());
        HBox.setHgrow(problem, Priority.ALWAYS);
        Button resume = new Button(messages.text("scan.continue"));
        resume.setId("scanContinue");
        resume.getStyleClass().add("accent");
        resume.setMinWidth(Region.USE_PREF_SIZE);
        resume.visibleProperty().bind(checklist.canContinueProperty());
        resume.managedProperty().bind(resume.visibleProperty());
        resume.disableProperty().bind(checklist.busyProperty());
        resume.setOnAction(e -> checklist.continueScan());
        HBox banner = new HBox(12, problem, resume);
        banner.setAlignment(Pos.CENTER_LEFT);
        banner.getStyleClass().add("scan-problem");
        banner.managedProperty().bind(checklist.scanProblemProperty().isNotEmpty());
        banner.visibleProperty().bind(banner.managedProperty());
        return banner;
    }

    private FlowPane pageTools() {
        Label which = new Label();
        which.setId("selectedPage");
        which.textProperty().bind(Bindings.createStringBinding(() -> {
            ComponentItem item = checklist.selectedComponentProperty().get();
            return item == null ? messages.text("page.none") : messages.text("page.selected",
                    checklist.selectedPageProperty().get() + 1, item.pages().size());
        }, checklist.selectedComponentProperty(), checklist.selectedPageProperty()));
        FlowPane tools = new FlowPane(6, 6, which,
                tipped(tool("pageLeft", "page.left", () -> checklist.moveSelected(-1)), "page.left.tip"),
                tipped(tool("pageRight", "page.right", () -> checklist.moveSelected(1)), "page.right.tip"),
                tool("pageRotate", "page.rotate", checklist::rotateSelected),
                tool("pageDelete", "page.delete", checklist::deleteSelected),
                tool("pageRescan", "page.rescan", checklist::rescanSelected),
                tool("pagePreview", "page.preview", this::previewSelected));
        Button undo = new Button(messages.text("page.undo"));
        undo.setId("pageUndo");
        undo.getStyleClass().add("small");
        undo.disableProperty().bind(checklist.canUndoProperty().not());
        undo.setOnAction(e -> checklist.undoDelete());
        tools.getChildren().add(undo);
        tools.setAlignment(Pos.CENTER_LEFT);
        return tools;
    }

    private Button tipped(Button button, String key) {
        button.setTooltip(new javafx.scene.control.Tooltip(messages.text(key)));
        return button;
    }

    private Button tool(String id, String key, Runnable action) {
        Button button = new Button(messages.text(key));
        button.setId(id);
        button.getStyleClass().add("small");
        button.disableProperty().bind(checklist.selectedComponentProperty().isNull().or(checklist.busyProperty()));
        button.setOnAction(e -> action.run());
        return button;
    }

    private void previewSelected() {
        Page page = checklist.selectedPageOrNull();
        if (page != null) {
            ComponentItem item = checklist.selectedComponentProperty().get();
            PagePreview.show(getScene().getWindow(), checklist, page, messages.text("page.previewTitle",
                    checklist.selectedPageProperty().get() + 1, item.pages().size(), item.requirement().name()));
        }
    }

    private VBox componentRow(int index, ComponentItem item) {
        Label name = new Label((index + 1) + ". " + item.requirement().name());
        name.setWrapText(true);
        name.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(name, Priority.ALWAYS);
        Label pages = new Label();
        pages.setId("component-" + index + "-pages");
        pages.textProperty().bind(Bindings.createStringBinding(
                () -> messages.text("dossier.component.pages", item.pageCount().get()), item.pageCount()));
        Button add = new Button(messages.text("dossier.import"));
        add.setId("component-" + index + "-import");
        add.setOnAction(e -> model.addImages(item,
                dialogs.chooseImages(add.getScene().getWindow(), messages.text("dossier.chooseImages"))));
        Button scan = new Button(messages.text("dossier.scan"));
        scan.setId("component-" + index + "-scan");
        scan.disableProperty().bind(model.busyProperty());
        scan.setOnAction(e -> model.scan(item));
        // The buttons keep their width; the component's name wraps instead.
        add.setMinWidth(Region.USE_PREF_SIZE);
        scan.setMinWidth(Region.USE_PREF_SIZE);
        pages.setMinWidth(Region.USE_PREF_SIZE);
        name.setMinWidth(120);
        // The thumbnails go under the name across the whole row: beside a long name they were squeezed into a column.
        FlowPane strip = new FlowPane(3, 3);
        strip.setId("component-" + index + "-thumbnails");
        strip.setAlignment(Pos.CENTER_LEFT);
        strip.setPadding(new Insets(0, 0, 0, 14));
        strip.managedProperty().bind(item.pageCount().greaterThan(0));
        strip.visibleProperty().bind(strip.managedProperty());
        item.pages().addListener((ListChangeListener<Page>) change -> showPages(strip, index, item));
        showPages(strip, index, item);
        checklist.selectedComponentProperty().addListener((obs, old, now) -> markSelected(strip, item));
        checklist.selectedPageProperty().addListener((obs, old, now) -> markSelected(strip, item));
        HBox line = new HBox(8, name, pages, add, scan);
        line.setAlignment(Pos.CENTER_LEFT);
        VBox row = new VBox(4, line, strip);
        row.setPadding(new Insets(6, 8, 6, 8));
        row.getStyleClass().add("component-row");
        // the row F8 scans into, moved with Ctrl+Down
        row.pseudoClassStateChanged(CURRENT, model.currentComponentProperty().get() == index);
        model.currentComponentProperty().addListener((obs, old, now) ->
                row.pseudoClassStateChanged(CURRENT, now.intValue() == index));
        row.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        row.setOnDragDropped(e -> {
            List<File> files = e.getDragboard().getFiles();
            model.addImages(item, files.stream().map(File::toPath).toList());
            e.setDropCompleted(true);
            e.consume();
        });
        return row;
    }

    /** The strip is redrawn from the page list on every change, so its order is always the dossier's order. */
    private void showPages(FlowPane strip, int index, ComponentItem item) {
        boolean hadFocus = strip.getChildren().stream().anyMatch(Node::isFocused);
        strip.getChildren().clear();
        for (int i = 0; i < item.pages().size(); i++) {
            strip.getChildren().add(thumbnail(index, i, item));
        }
        markSelected(strip, item);
        int selected = checklist.selectedPageProperty().get();
        if (hadFocus && checklist.selectedComponentProperty().get() == item && selected >= 0
                && selected < strip.getChildren().size()) {
            strip.getChildren().get(selected).requestFocus();
        }
    }

    private ImageView thumbnail(int component, int position, ComponentItem item) {
        Page page = item.pages().get(position);
        ImageView view = new ImageView(thumbnails.get(page.contentId()));
        view.setId("component-" + component + "-page-" + position);
        view.setUserData(page.contentId());
        view.getStyleClass().add("page-thumbnail");
        view.setFocusTraversable(true);
        if (view.getImage() == null) {
            checklist.picture(page, THUMBNAIL_WIDTH, png -> {
                Image image = new Image(new ByteArrayInputStream(png));
                thumbnails.put(page.contentId(), image);
                view.setImage(image);
            });
        }
        view.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY) {
                checklist.select(item, position);
                view.requestFocus();
                if (e.getClickCount() == 2) {
                    previewSelected();
                }
            }
        });
        view.setOnKeyPressed(e -> pageKey(e, item, position));
        return view;
    }

    private void pageKey(KeyEvent e, ComponentItem item, int position) {
        checklist.select(item, position);
        boolean handled = true;
        switch (e.getCode()) {
            case LEFT, RIGHT -> {
                int step = e.getCode() == KeyCode.LEFT ? -1 : 1;
                if (e.isShortcutDown()) {
                    checklist.moveSelected(step);
                } else {
                    checklist.selectNeighbour(step);
                    focusSelected((Node) e.getSource());
                }
            }
            case R -> checklist.rotateSelected();
            case DELETE, BACK_SPACE -> checklist.deleteSelected();
            case ENTER, SPACE -> previewSelected();
            case F8 -> {
                if (e.isShiftDown()) {
                    checklist.rescanSelected();
                } else {
                    handled = false;
                }
            }
            default -> handled = false;
        }
        if (handled) {
            e.consume();
        }
    }

    private void focusSelected(Node from) {
        if (from.getParent() instanceof FlowPane strip) {
            int at = checklist.selectedPageProperty().get();
            if (at >= 0 && at < strip.getChildren().size()) {
                strip.getChildren().get(at).requestFocus();
            }
        }
    }

    private void markSelected(FlowPane strip, ComponentItem item) {
        int selected = checklist.selectedComponentProperty().get() == item
                ? checklist.selectedPageProperty().get() : -1;
        for (int i = 0; i < strip.getChildren().size(); i++) {
            strip.getChildren().get(i).pseudoClassStateChanged(SELECTED, i == selected);
        }
    }
}
