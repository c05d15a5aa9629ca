package vn.motcua.counter.i18n;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import vn.motcua.counter.application.stage.StageError;
import vn.motcua.counter.application.sync.SyncLog;
import vn.motcua.counter.domain.Status;

/**
 * The sync log's entries in the clerk's words, for the sync log screen and {@code motcua sync log}: what happened
 * ("Đã gửi") and its detail ("Phiên bản 2 · qua mạng"), times in the counter's zone.
 */
public final class SyncLogText {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter FULL = DateTimeFormatter.ofPattern("HH:mm dd/MM/uuuu");

    private final Messages messages;
    private final ZoneId zone;

    public SyncLogText(Messages messages, ZoneId zone) {
        this.messages = messages;
        this.zone = zone;
    }

    /** "10:42 05/12/2026". */
    public String time(Instant at) {
        return at == null ? "" : FULL.format(at.atZone(zone));
    }

    /** "10:42" today, "10:42 04/12/2026" another day (the indicator's last pull). */
    public String shortTime(Instant at, Instant now) {
        boolean today = LocalDate.ofInstant(at, zone).equals(LocalDate.ofInstant(now, zone));
        return (today ? CLOCK : FULL).format(at.atZone(zone));
    }

    public String kind(SyncLog.Entry e) {
        return messages.text("synclog.kind." + e.kind().name());
    }

    /** The reason of a failed step in words, or "". */
    public String reason(StageError error) {
        return error == null ? "" : messages.text(error.messageKey(), error.arguments().toArray());
    }

    /**
     * Why a pull of the hub's changes failed: the sending words where they fit both ("the hub reported an error"),
     * the pull's own where the sending words would promise a dossier will be sent ({@code sync.pull.error.*}).
     */
    public String pullReason(StageError error) {
        if (error == null) {
            return "";
        }
        String own = error.messageKey().replaceFirst("^sync\\.error\\.", "sync.pull.error.");
        return messages.text(own).equals(own) ? reason(error) : messages.text(own, error.arguments().toArray());
    }

    public String detail(SyncLog.Entry e) {
        return switch (e.kind()) {
            case SENT -> messages.text(e.via() == SyncLog.Via.USB_RECEIPT ? "synclog.detail.sent_usb"
                    : "synclog.detail.sent", revision(e));
            case EXPORTED -> messages.text("synclog.detail.exported", revision(e));
            case FAILED -> messages.text("synclog.detail.failed", reason(e.reason()), e.attempts());
            case RETRYING -> messages.text("synclog.detail.retrying", reason(e.reason()), e.attempts(),
                    e.nextTry() == null ? "?" : time(e.nextTry()));
            case BLOCKED -> reason(e.reason());
            case PULL_FAILED -> pullReason(e.reason());
            case PULLED -> e.pulled().applied() + e.pulled().refused() + e.pulled().unknown() == 0
                    ? messages.text("synclog.detail.pulled_nothing")
                    : messages.text("synclog.detail.pulled", e.pulled().applied(), e.pulled().refused(),
                            e.pulled().unknown());
            case HUB_CHANGE -> change(e.change());
        };
    }

    private static String revision(SyncLog.Entry e) {
        return e.revision() == null ? "?" : e.revision().toString();
    }

    /** "Đổi trạng thái: Đang xử lý · Lê Văn Tâm, 10:05 05/12/2026 · đã áp dụng". */
    private String change(SyncLog.Change c) {
        String key = "synclog.change." + c.kind();
        String kind = messages.text(key).equals(key) ? c.kind() : messages.text(key);
        String status;
        try {
            status = messages.text("status." + Status.ofPortalCode(c.status()).name());
        } catch (IllegalArgumentException e) {
            status = Integer.toString(c.status());
        }
        return messages.text("synclog.detail.change", kind, status, c.by(), c.at().format(FULL),
                messages.text("synclog.outcome." + c.outcome().name()));
    }
}
