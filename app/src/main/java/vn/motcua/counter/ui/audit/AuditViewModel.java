package vn.motcua.counter.ui.audit;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.motcua.counter.application.FailureLog;
import vn.motcua.counter.application.audit.Audit;
import vn.motcua.counter.application.audit.AuditAction;
import vn.motcua.counter.application.audit.AuditEntry;
import vn.motcua.counter.application.audit.AuditVerdict;
import vn.motcua.counter.application.port.AuditStore;
import vn.motcua.counter.i18n.Messages;
import vn.motcua.counter.ui.UiExecutors;

/**
 * The supervisor's audit screen (decision 1302): the access log's entries filtered by period, clerk, dossier code and
 * action, newest first, and the chain's integrity check. Times are the counter's (Vietnam) local time.
 */
public final class AuditViewModel {

    /** How many entries one filter shows; narrow the filter for older ones. */
    public static final int LIMIT = 1_000;
    private static final Logger LOG = LoggerFactory.getLogger(AuditViewModel.class);

    /** One line of the table, as shown. */
    public record Row(long seq, String time, String actor, String counter, String action, String dossier,
                      String detail) {
    }

    private final Audit audit;
    private final Messages messages;
    private final UiExecutors executors;
    private final ZoneId zone;
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>();
    private final StringProperty who = new SimpleStringProperty("");
    private final StringProperty dossier = new SimpleStringProperty("");
    private final ObjectProperty<AuditAction> action = new SimpleObjectProperty<>();
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

    public AuditViewModel(Audit audit, Messages messages, UiExecutors executors, Clock clock) {
        this.audit = audit;
        this.messages = messages;
        this.executors = executors;
        this.zone = clock.getZone();
        LocalDate today = LocalDate.now(clock);
        from.set(today.minusDays(30));
        to.set(today);
    }

    public ObjectProperty<LocalDate> fromProperty() {
        return from;
    }

    public ObjectProperty<LocalDate> toProperty() {
        return to;
    }

    public StringProperty whoProperty() {
        return who;
    }

    public StringProperty dossierProperty() {
        return dossier;
    }

    /** Null: any action. */
    public ObjectProperty<AuditAction> actionProperty() {
        return action;
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The action's name in the clerk's language. */
    public String label(AuditAction value) {
        return value == null ? messages.text("audit.action.any") : messages.text("audit.action." + value.name());
    }

    /** Lists the entries that match the filter. */
    public void show() {
        AuditStore.Filter filter = new AuditStore.Filter(
                from.get() == null ? null : from.get().atStartOfDay(zone).toInstant(),
                to.get() == null ? null : to.get().plusDays(1).atStartOfDay(zone).toInstant(),
                blankToNull(who.get()), blankToNull(dossier.get()), action.get());
        executors.run(() -> audit.find(filter, LIMIT), found -> {
            rows.setAll(found.stream().map(this::row).toList());
            message.set(messages.text("audit.count", Integer.toString(found.size())));
        }, this::failed);
    }

    /** Walks the whole chain and says whether it is intact, or which entries were removed, moved or altered. */
    public void verify() {
        executors.run(audit::verify, verdict -> message.set(describe(verdict)), this::failed);
    }

    private String describe(AuditVerdict verdict) {
        if (verdict.intact()) {
            return messages.text("audit.verify.intact", Long.toString(verdict.entries()));
        }
        List<String> lines = new java.util.ArrayList<>();
        lines.add(messages.text("audit.verify.tampered", Long.toString(verdict.entries())));
        verdict.problems().forEach(p -> lines.add(messages.text(p.messageKey(), p.arguments(zone))));
        return String.join(System.lineSeparator(), lines);
    }

    private Row row(AuditEntry e) {
        String shown = e.knownAction().map(this::label).orElse(e.action());
        return new Row(e.seq(), Audit.localTime(e.time(), zone), e.actor(), e.counter(), shown,
                e.dossierCode() == null ? "" : e.dossierCode(), e.detail());
    }

    private void failed(Throwable failure) {
        FailureLog.log(LOG, "audit screen failed", failure);
        message.set(messages.describe(failure));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
