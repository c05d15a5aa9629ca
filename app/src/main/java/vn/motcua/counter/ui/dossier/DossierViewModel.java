package vn.motcua.counter.ui.dossier;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.motcua.counter.application.CounterProfile;
import vn.motcua.counter.application.LifecycleAction;
import vn.motcua.counter.application.LifecycleService;
import vn.motcua.counter.application.ReceptionService;
import vn.motcua.counter.application.capture.ElectronicCopies;
import vn.motcua.counter.application.stage.Stage;
import vn.motcua.counter.application.stage.StageRunner;
import vn.motcua.counter.application.stage.WorkItem;
import vn.motcua.counter.application.stage.WorkState;
import vn.motcua.counter.domain.ElectronicCopy;
import vn.motcua.counter.application.port.DossierProgress;
import vn.motcua.counter.application.port.IssuedForm;
import vn.motcua.counter.application.port.ResultPage;
import vn.motcua.counter.domain.Dossier;
import vn.motcua.counter.domain.DossierCode;
import vn.motcua.counter.domain.Page;
import vn.motcua.counter.domain.lifecycle.FormKind;
import vn.motcua.counter.domain.lifecycle.SupplementItem;
import vn.motcua.counter.i18n.HistoryText;
import vn.motcua.counter.i18n.Messages;
import vn.motcua.counter.ui.UiExecutors;
import vn.motcua.counter.application.sync.Syncing;

/**
 * One dossier after reception (chi tiết hồ sơ): what it is, its history, and the actions its status allows. Each
 * action that produces a form hands the PDF to {@link #formProperty()} for the print preview.
 */
public final class DossierViewModel {

    /** A produced form, ready for the preview. */
    public record PrintableForm(String title, byte[] pdf) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(DossierViewModel.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm dd/MM/uuuu");

    private final LifecycleService lifecycle;
    private final ReceptionService reception;
    private final ElectronicCopies copies;
    private final StageRunner pipeline;
    private final CounterProfile counter;
    private final Messages messages;
    private final UiExecutors executors;
    private final DossierCode code;

    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ObservableList<String> history = FXCollections.observableArrayList();
    private final ObservableSet<LifecycleAction> allowed = FXCollections.observableSet();
    private final ReadOnlyStringWrapper results = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper electronicCopies = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper syncState = new ReadOnlyStringWrapper("");
    private final javafx.beans.property.ReadOnlyBooleanWrapper syncFailed = new javafx.beans.property.ReadOnlyBooleanWrapper(false);
    private volatile Syncing syncing;
    /** The dossier's stage items that failed or wait, which "Thử lại" takes up again. */
    private final ObservableList<WorkItem> stuck = FXCollections.observableArrayList();
    /** The hub's result files that could not be downloaded: retried with the failed pipeline work (F12). */
    private volatile List<WorkItem> failedFetches = List.of();
    private final StringProperty reason = new SimpleStringProperty("");
    private final StringProperty newAppointment = new SimpleStringProperty("");
    private final StringProperty supplementItems = new SimpleStringProperty("");
    private final StringProperty resultName = new SimpleStringProperty("");
    private final IntegerProperty ratingLevel = new SimpleIntegerProperty(0);
    /** The level the citizen chose when the result was returned; 0 until then. */
    private final javafx.beans.property.ReadOnlyIntegerWrapper rated = new javafx.beans.property.ReadOnlyIntegerWrapper(0);
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<PrintableForm> form = new ReadOnlyObjectWrapper<>();

    public DossierViewModel(LifecycleService lifecycle, ReceptionService reception, ElectronicCopies copies,
                            StageRunner pipeline, CounterProfile counter, Messages messages, UiExecutors executors,
                            DossierCode code) {
        this.lifecycle = lifecycle;
        this.reception = reception;
        this.copies = copies;
        this.pipeline = pipeline;
        this.counter = counter;
        this.messages = messages;
        this.executors = executors;
        this.code = code;
    }

    /** Shows where the dossier stands with the hub, and offers a retry when its sending failed. */
    public void syncing(Syncing value) {
        this.syncing = value;
    }

    /** Reads the dossier's sync state again (the pipeline moved on). */
    public void refreshSync() {
        var s = syncing;
        if (s != null) {
            executors.run(() -> s.of(code), this::showSync, this::fail);
        }
    }

    private void showSync(Syncing.DossierSync sync) {
        String line = messages.text("sync.state." + sync.state().name());
        if (sync.state() == Syncing.State.SENDING && sync.totalBytes() > 0) {
            line += " " + (100 * sync.sentBytes() / sync.totalBytes()) + " %";
        }
        if (sync.reason() != null) {
            line += ": " + messages.text(sync.reason().messageKey(), sync.reason().arguments().toArray());
        }
        syncState.set(messages.text("sync.dossier", line));
        syncFailed.set(sync.state() == Syncing.State.FAILED);
    }

    /** The clerk's retry of a failed sending. */
    public void retrySync() {
        var s = syncing;
        if (s != null) {
            executors.run(() -> s.retry(code), retried -> refreshSync(), this::fail);
        }
    }

    public ReadOnlyStringProperty syncStateProperty() { return syncState.getReadOnlyProperty(); }
    public javafx.beans.property.ReadOnlyBooleanProperty syncFailedProperty() { return syncFailed.getReadOnlyProperty(); }

    public DossierCode code() {
        return code;
    }

    public List<String> ratingLevels() {
        return lifecycle.satisfactionScale().levels();
    }

    /** Reads the dossier, its progress and history again. */
    public void load() {
        executors.run(() -> new Snapshot(lifecycle.dossier(code), lifecycle.progress(code),
                lifecycle.history(code), copies.of(code), copies.workOf(code).stream()
                .filter(i -> i.stage() == Stage.FETCH_RESULT).toList()), this::show, this::fail);
    }

    /** {@code fetches}: the downloads of the result files the department attached on the hub. */
    private record Snapshot(Dossier dossier, DossierProgress progress,
                            List<vn.motcua.counter.application.port.DossierEvent> events,
                            List<ElectronicCopies.CopyWork> copies, List<WorkItem> fetches) {
    }

    private void show(Snapshot s) {
        Dossier d = s.dossier();
        DossierProgress p = s.progress();
        String due = p.extendedAppointmentAt() == null ? d.appointmentAt().format(TIME)
                : messages.text("detail.appointment.extended", p.extendedAppointmentAt().format(TIME),
                        d.appointmentAt().format(TIME));
        summary.set(messages.text("detail.summary", d.applicant().fullName(), d.procedureName(),
                d.receivedAt().format(TIME), due)
                + (p.rating() == null ? "" : "\n" + messages.text("detail.rated", p.rating().label())));
        status.set(messages.text("status." + d.status().name()));
        HistoryText text = new HistoryText(messages, p.rating());
        history.setAll(s.events().stream().map(text::line).toList());
        allowed.clear();
        allowed.addAll(LifecycleAction.allowedIn(d.status()));
        rated.set(p.rating() == null ? 0 : p.rating().level());
        results.set(resultsText(p, s.fetches()));
        failedFetches = s.fetches().stream().filter(i -> i.state() == WorkState.FAILED).toList();
        showCopies(s.copies());
        refreshSync();
    }

    /** Reads the components' copy states again: called as background OCR and copy writing move on. */
    public void refreshCopies() {
        executors.run(() -> copies.of(code), this::showCopies, this::fail);
    }

    private void showCopies(List<ElectronicCopies.CopyWork> work) {
        electronicCopies.set(String.join("\n", work.stream().map(this::copyState).toList()));
        List<WorkItem> all = new java.util.ArrayList<>(work.stream().flatMap(w -> w.needingAttention().stream())
                .toList());
        all.addAll(failedFetches);
        stuck.setAll(all);
    }

    /**
     * The results attached (pages scanned here and files from the hub, each of those named), and the hub's files still
     * downloading or failed with the reason.
     */
    private String resultsText(DossierProgress p, List<WorkItem> fetches) {
        StringBuilder text = new StringBuilder(messages.text("detail.results", p.results().size()));
        for (ResultPage r : p.results()) {
            if (r.page().source() == Page.PageSource.HUB) {
                text.append('\n').append(messages.text("detail.result.fromHub", r.documentName(), r.attachedBy()));
            }
        }
        long downloading = fetches.stream().filter(i -> i.state().unfinished()).count();
        if (downloading > 0) {
            text.append('\n').append(messages.text("detail.result.downloading", downloading));
        }
        fetches.stream().filter(i -> i.state() == WorkState.FAILED).forEach(i -> text.append('\n')
                .append(messages.text("detail.result.failed", reason(i))));
        return text.toString();
    }

    /**
     * One line per component: its electronic copy made, failed with the reason, being made, or its pages still being
     * read; and the pages whose text could not be read, with why.
     */
    private String copyState(ElectronicCopies.CopyWork work) {
        ElectronicCopy c = work.copy();
        String state = switch (c.state()) {
            case MADE -> messages.text("detail.copy.made", c.pageCount());
            case FAILED -> messages.text("detail.copy.failed", reason(work.copyItem()));
            case READING_PAGES -> messages.text("detail.copy.reading", c.pagesRead(), c.pageCount());
            case BEING_MADE -> messages.text("detail.copy.writing");
        };
        StringBuilder line = new StringBuilder(messages.text("detail.copy", c.component().position(),
                c.component().name(), state));
        work.pageItems().stream().filter(i -> i.error() != null && !i.state().unfinished()
                        && i.state() != vn.motcua.counter.application.stage.WorkState.DONE)
                .forEach(i -> line.append("\n    ").append(messages.text("detail.page.failed", reason(i))));
        return line.toString();
    }

    private String reason(WorkItem item) {
        return item == null || item.error() == null ? ""
                : messages.text(item.error().messageKey(), item.error().arguments().toArray());
    }

    /** The dossier's stage items that failed or wait for something outside. */
    public ObservableList<WorkItem> stuckWork() {
        return stuck;
    }

    /** Takes up every failed item of the dossier again (after IT staff fixed the cause). */
    public void retryStuckWork() {
        List<Long> ids = stuck.stream().map(WorkItem::id).toList();
        executors.run(() -> pipeline.retry(ids), retried -> {
            message.set(messages.text("detail.retried", retried));
            refreshCopies();
        }, this::fail);
    }

    public void requestSupplement() {
        List<SupplementItem> items;
        try {
            items = Arrays.stream(supplementItems.get().split("\n")).filter(line -> !line.isBlank())
                    .map(SupplementItem::parse).toList();
        } catch (IllegalArgumentException e) {
            message.set(messages.text("detail.supplement.invalid"));
            return;
        }
        withForm(() -> lifecycle.requestSupplement(code, items, reason.get(), counter));
    }

    public void refuse() {
        withForm(() -> lifecycle.refuse(code, reason.get(), counter));
    }

    public void stop() {
        withForm(() -> lifecycle.stop(code, reason.get(), counter));
    }

    public void apologise() {
        LocalDateTime date;
        try {
            date = LocalDateTime.parse(newAppointment.get().strip(), TIME);
        } catch (DateTimeParseException e) {
            message.set(messages.text("detail.apology.date_format"));
            return;
        }
        withForm(() -> lifecycle.apologise(code, date, reason.get(), counter));
    }

    /** Ctrl+P: the receipt (form 01) again, as it was issued, for the applicant who lost it or a second copy. */
    public void receipt() {
        busy.set(true);
        executors.run(() -> new PrintableForm(FormKind.RECEIPT.title() + " " + code.value(), lifecycle.receipt(code)),
                printable -> {
                    busy.set(false);
                    form.set(printable);
                }, this::fail);
    }

    public void controlSlip() {
        withForm(() -> lifecycle.controlSlip(code, counter));
    }

    public void process() {
        step(() -> lifecycle.process(code, reason.get(), counter));
    }

    public void resolve() {
        step(() -> lifecycle.resolve(code, reason.get(), counter));
    }

    /** Imports the chosen images as the pages of one result document. */
    public void attachResults(List<Path> files) {
        if (files.isEmpty()) {
            return;
        }
        step(() -> {
            var pages = files.stream().flatMap(file -> reception.importPages(file).stream()).toList();
            lifecycle.attachResult(code, resultName.get(), pages, counter);
            return pages.size();
        });
    }

    public void returnResult() {
        step(() -> lifecycle.returnResult(code, ratingLevel.get(), counter));
    }

    private void withForm(Supplier<IssuedForm> action) {
        busy.set(true);
        executors.run(() -> {
            IssuedForm issued = action.get();
            return new PrintableForm(issued.kind().title() + (issued.number() == null ? "" : " " + issued.number()),
                    lifecycle.pdf(code, issued));
        }, printable -> {
            done();
            form.set(printable);
        }, this::fail);
    }

    private void step(Supplier<?> action) {
        busy.set(true);
        executors.run(action::get, result -> done(), this::fail);
    }

    /** After an action, its inputs are cleared: a date or a reason typed for it must not go with the next one. */
    private void done() {
        busy.set(false);
        reason.set("");
        newAppointment.set("");
        supplementItems.set("");
        resultName.set("");
        message.set(messages.text("detail.saved"));
        load();
    }

    private void fail(Throwable failure) {
        busy.set(false);
        LOG.warn("dossier action refused: {}", failure.toString());
        message.set(messages.describe(failure));
    }

    public ReadOnlyStringProperty summaryProperty() { return summary.getReadOnlyProperty(); }
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }
    public ObservableList<String> history() { return history; }
    public ObservableSet<LifecycleAction> allowedActions() { return allowed; }
    public ReadOnlyStringProperty resultsProperty() { return results.getReadOnlyProperty(); }
    /** The electronic copy of each component with pages, one line each. */
    public ReadOnlyStringProperty electronicCopiesProperty() { return electronicCopies.getReadOnlyProperty(); }
    public StringProperty reasonProperty() { return reason; }
    public StringProperty newAppointmentProperty() { return newAppointment; }
    public StringProperty supplementItemsProperty() { return supplementItems; }
    public StringProperty resultNameProperty() { return resultName; }
    public IntegerProperty ratingLevelProperty() { return ratingLevel; }
    public javafx.beans.property.ReadOnlyIntegerProperty ratedProperty() { return rated.getReadOnlyProperty(); }
    public BooleanProperty busyProperty() { return busy; }
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<PrintableForm> formProperty() { return form.getReadOnlyProperty(); }
}
