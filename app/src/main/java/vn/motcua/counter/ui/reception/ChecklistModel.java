package vn.motcua.counter.ui.reception;

import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.motcua.counter.application.ReceptionService;
import vn.motcua.counter.application.ScanService;
import vn.motcua.counter.domain.Page;
import vn.motcua.counter.i18n.Messages;
import vn.motcua.counter.ui.UiExecutors;
import vn.motcua.scanner.ColorMode;
import vn.motcua.scanner.PaperSize;
import vn.motcua.scanner.PaperSource;
import vn.motcua.scanner.ScanError;
import vn.motcua.scanner.ScanResult;
import vn.motcua.scanner.ScanSettings;

/**
 * The component checklist of the new-dossier form: scanning with the counter's scan profile, the selected page and
 * what can be done to it before the copy is made (move, rotate, delete with undo, re-scan).
 */
public final class ChecklistModel {

    private static final Logger LOG = LoggerFactory.getLogger(ChecklistModel.class);
    static final List<Integer> RESOLUTIONS = List.of(200, 300);

    private final ReceptionService reception;
    private final ScanService scanning;
    private final Messages messages;
    private final UiExecutors executors;
    private final BooleanProperty busy;
    private final StringProperty message;

    private final ObservableList<ComponentItem> components = FXCollections.observableArrayList();
    private final ObjectProperty<PaperSource> source = new SimpleObjectProperty<>(PaperSource.FEEDER);
    private final ObjectProperty<Integer> dpi = new SimpleObjectProperty<>(200);
    private final ObjectProperty<ColorMode> mode = new SimpleObjectProperty<>(ColorMode.COLOR);
    private final ObjectProperty<ComponentItem> selectedComponent = new SimpleObjectProperty<>();
    private final IntegerProperty selectedPage = new SimpleIntegerProperty(-1);
    private final ReadOnlyStringWrapper scanProblem = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper canContinue = new ReadOnlyBooleanWrapper(false);
    private ComponentItem lastScanned;
    private Deleted lastDeleted;
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(false);

    private record Deleted(ComponentItem item, int index, Page page) {
    }

    ChecklistModel(ReceptionService reception, ScanService scanning, Messages messages, UiExecutors executors,
                   BooleanProperty busy, StringProperty message) {
        this.reception = reception;
        this.scanning = scanning;
        this.messages = messages;
        this.executors = executors;
        this.busy = busy;
        this.message = message;
        components.addListener((javafx.collections.ListChangeListener<ComponentItem>) change -> {
            select(null, -1);
            forgetDeleted();
            scanProblem.set("");
            canContinue.set(false);
        });
    }

    /** Starts from the counter's scan profile; the clerk may change it for this dossier. */
    public void useScanProfile(ScanSettings profile) {
        source.set(profile.source());
        dpi.set(profile.dpi());
        mode.set(profile.colorMode());
    }

    ScanSettings scanSettings() {
        return new ScanSettings(source.get(), dpi.get(), mode.get(), PaperSize.A4);
    }

    /** Scans into {@code item}, appending; pages appear one by one as they are stored. */
    public void scan(ComponentItem item) {
        scanInto(item, page -> item.pages().add(page));
    }

    /** After a retryable error (a jam, an empty feeder): scans again into the same component, appending. */
    public void continueScan() {
        if (lastScanned != null && canContinue.get()) {
            scan(lastScanned);
        }
    }

    /** Shift+F8: the pages scanned now take the selected page's place, in order (two sheets give two pages). */
    public void rescanSelected() {
        ComponentItem item = selectedComponent.get();
        Page old = selectedPageOrNull();
        if (old == null) {
            return;
        }
        int[] next = {selectedPage.get()};
        boolean[] replaced = {false};
        scanInto(item, page -> {
            if (!replaced[0]) {
                int at = item.pages().indexOf(old);
                next[0] = at >= 0 ? at : Math.min(next[0], item.pages().size());
                if (at >= 0) {
                    item.pages().set(at, page);
                } else {
                    item.pages().add(next[0], page);
                }
                replaced[0] = true;
                select(item, next[0]);
            } else {
                item.pages().add(Math.min(++next[0], item.pages().size()), page);
            }
        });
    }

    private void scanInto(ComponentItem item, Consumer<Page> arrived) {
        busy.set(true);
        lastScanned = item;
        scanProblem.set("");
        canContinue.set(false);
        message.set(messages.text("dossier.scanning"));
        ScanSettings settings = scanSettings();
        executors.run(() -> scanning.scan(scanning.defaultDevice(), settings,
                page -> executors.ui().execute(() -> arrived.accept(page))).completion().join(), result -> {
            busy.set(false);
            message.set("");
            result.errorIfAny().ifPresent(error -> stopped(error, result));
        }, failure -> {
            busy.set(false);
            LOG.warn("scan failed", failure);
            message.set(messages.describe(failure));
        });
    }

    /** The bridge's message already says what to do; the pages delivered before the error stay. */
    private void stopped(ScanError error, ScanResult result) {
        String text = error.message(messages.locale());
        scanProblem.set(result.pages() > 0
                ? text + " " + messages.text("scan.stopped", result.pages()) : text);
        canContinue.set(error.retryable());
    }

    public void select(ComponentItem item, int index) {
        selectedComponent.set(item);
        selectedPage.set(item == null ? -1 : index);
    }

    /** ← and →: the neighbouring page of the same component becomes the selected one. */
    public void selectNeighbour(int step) {
        ComponentItem item = selectedComponent.get();
        if (item != null && !item.pages().isEmpty()) {
            select(item, Math.clamp(selectedPage.get() + step, 0, item.pages().size() - 1));
        }
    }

    /** Ctrl+← and Ctrl+→: the selected page changes places with its neighbour and stays selected. */
    public void moveSelected(int step) {
        ComponentItem item = selectedComponent.get();
        Page page = selectedPageOrNull();
        int to = selectedPage.get() + step;
        if (page == null || to < 0 || to >= item.pages().size()) {
            return;
        }
        item.pages().remove(selectedPage.get());
        item.pages().add(to, page);
        select(item, to);
    }

    /** R: the selected page turned a quarter clockwise, stored as a new page that takes the old one's place. */
    public void rotateSelected() {
        ComponentItem item = selectedComponent.get();
        Page page = selectedPageOrNull();
        if (page == null) {
            return;
        }
        busy.set(true);
        message.set(messages.text("page.rotating"));
        executors.run(() -> reception.rotatedPage(page), rotated -> {
            busy.set(false);
            message.set("");
            int at = item.pages().indexOf(page); // the page may have moved meanwhile
            if (at >= 0) {
                item.pages().set(at, rotated);
                select(item, at);
            }
        }, failure -> {
            busy.set(false);
            LOG.warn("page not rotated: {}", failure.toString());
            message.set(messages.describe(failure));
        });
    }

    /** Delete: the page leaves the component; Ctrl+Z puts it back where it was. */
    public void deleteSelected() {
        ComponentItem item = selectedComponent.get();
        Page page = selectedPageOrNull();
        if (page == null) {
            return;
        }
        int at = selectedPage.get();
        item.pages().remove(at);
        lastDeleted = new Deleted(item, at, page);
        canUndo.set(true);
        message.set(messages.text("page.deleted", at + 1));
        select(item.pages().isEmpty() ? null : item, Math.min(at, item.pages().size() - 1));
    }

    public void undoDelete() {
        Deleted deleted = lastDeleted;
        if (deleted == null || !components.contains(deleted.item())) {
            return;
        }
        forgetDeleted();
        int at = Math.min(deleted.index(), deleted.item().pages().size());
        deleted.item().pages().add(at, deleted.page());
        select(deleted.item(), at);
        message.set(messages.text("page.restored", at + 1));
    }

    private void forgetDeleted() {
        lastDeleted = null;
        canUndo.set(false);
    }

    /** Makes a picture of the page {@code width} pixels wide in the background and hands the PNG to {@code show}. */
    public void picture(Page page, int width, Consumer<byte[]> show) {
        executors.run(() -> reception.thumbnail(page, width), show,
                failure -> LOG.warn("no picture of a page: {}", failure.toString()));
    }

    Page selectedPageOrNull() {
        ComponentItem item = selectedComponent.get();
        int at = selectedPage.get();
        return item == null || at < 0 || at >= item.pages().size() ? null : item.pages().get(at);
    }

    public ObservableList<ComponentItem> components() { return components; }
    public ObjectProperty<PaperSource> sourceProperty() { return source; }
    public ObjectProperty<Integer> dpiProperty() { return dpi; }
    public ObjectProperty<ColorMode> modeProperty() { return mode; }
    public ObjectProperty<ComponentItem> selectedComponentProperty() { return selectedComponent; }
    public IntegerProperty selectedPageProperty() { return selectedPage; }
    public ReadOnlyStringProperty scanProblemProperty() { return scanProblem.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty canContinueProperty() { return canContinue.getReadOnlyProperty(); }
    public BooleanProperty busyProperty() { return busy; }
    public ReadOnlyBooleanProperty canUndoProperty() { return canUndo.getReadOnlyProperty(); }
}
