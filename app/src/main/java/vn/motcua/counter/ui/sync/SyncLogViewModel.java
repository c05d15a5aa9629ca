package vn.motcua.counter.ui.sync;

import java.time.ZoneId;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.motcua.counter.application.FailureLog;
import vn.motcua.counter.application.sync.SyncLog;
import vn.motcua.counter.application.sync.Syncing;
import vn.motcua.counter.domain.DossierCode;
import vn.motcua.counter.i18n.Messages;
import vn.motcua.counter.i18n.SyncLogText;
import vn.motcua.counter.ui.UiExecutors;

/**
 * The sync log screen ("Nhật ký đồng bộ", Ctrl+J or the indicator): what sync did, newest first, in the clerk's words
 * ({@link SyncLogText}, as {@code motcua sync log} prints it), and "Thử lại" on a dossier whose sending failed.
 */
public final class SyncLogViewModel {

    /** How many entries the screen lists. */
    public static final int LIMIT = 500;
    private static final Logger LOG = LoggerFactory.getLogger(SyncLogViewModel.class);

    /** One line as shown; {@code retryable}: a failed sending the clerk can send again. */
    public record Row(String time, String kind, String dossier, String detail, boolean retryable) {
    }

    private final SyncLog log;
    private final Syncing syncing;
    private final Messages messages;
    private final UiExecutors executors;
    private final SyncLogText words;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

    public SyncLogViewModel(SyncLog log, Syncing syncing, Messages messages, UiExecutors executors, ZoneId zone) {
        this.log = log;
        this.syncing = syncing;
        this.messages = messages;
        this.executors = executors;
        this.words = new SyncLogText(messages, zone);
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Reads the log again. */
    public void show() {
        load(null);
    }

    /** Reads the log, then says {@code done} (what the clerk just did, or null) before the count. */
    private void load(String done) {
        executors.run(() -> log.entries(LIMIT).stream().map(this::row).toList(), found -> {
            rows.setAll(found);
            String count = found.isEmpty() ? messages.text("synclog.empty")
                    : messages.text("synclog.count", found.size()) + " · " + messages.text("synclog.pulls_kept");
            message.set(done == null ? count : done + " " + count);
        }, this::failed);
    }

    private Row row(SyncLog.Entry e) {
        return new Row(words.time(e.at()), words.kind(e), e.dossier() == null ? "" : e.dossier(), words.detail(e),
                e.kind() == SyncLog.Kind.FAILED);
    }

    /** Sends the row's dossier again (a failed one); the list follows. */
    public void retry(Row row) {
        if (row == null || !row.retryable()) {
            return;
        }
        executors.run(() -> syncing.retry(DossierCode.parse(row.dossier())),
                retried -> load(messages.text(retried ? "synclog.retried" : "synclog.not_retried", row.dossier())),
                this::failed);
    }

    private void failed(Throwable failure) {
        FailureLog.log(LOG, "sync log failed", failure);
        message.set(messages.describe(failure));
    }
}
