package vn.motcua.counter.application.sync;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.motcua.counter.application.access.CurrentClerk;
import vn.motcua.counter.application.audit.AuditAction;
import vn.motcua.counter.application.audit.AuditEntry;
import vn.motcua.counter.application.port.AuditStore;
import vn.motcua.counter.application.port.HubChangeLog;
import vn.motcua.counter.application.port.StageQueue;
import vn.motcua.counter.application.stage.Stage;
import vn.motcua.counter.application.stage.StageError;
import vn.motcua.counter.application.stage.WorkItem;
import vn.motcua.counter.application.stage.WorkState;
import vn.motcua.counter.domain.access.Permission;
import vn.motcua.counter.domain.lifecycle.HubOutcome;

/**
 * What sync did, newest first, for the sync log screen and {@code motcua sync log}: read from what is already kept.
 * Dossiers sent, by the link or a drive's receipt, and packages written to a drive come from the audit log's
 * {@code SEND}/{@code EXPORT} entries (the only record of each revision and of the way it went); sending that failed,
 * waits for a later attempt or is blocked, from the {@code SEND_DOSSIER} items; the department's changes taken, from
 * {@code hub_changes}; pulls of the feed, from this process's {@link PullHistory}. No personal data beyond the dossier
 * code: the department's free-text reason stays out.
 */
public final class SyncLog {

    public enum Kind {
        /** The hub accepted a revision (by the link, or confirmed by a receipt carried back on a drive). */
        SENT,
        /** A revision written into a package on a drive (not sent until the hub's receipt comes back). */
        EXPORTED,
        /** Given up with its reason; a retry sends it again. */
        FAILED,
        /** The last attempt failed; another follows at {@code nextTry}. */
        RETRYING,
        /** Waits until the link is set right (not enrolled, revoked, wrong certificate). */
        BLOCKED,
        /** The hub's changes were pulled. */
        PULLED,
        PULL_FAILED,
        /** One change of the department taken from the feed. */
        HUB_CHANGE
    }

    /** How a revision reached the hub. */
    public enum Via { NETWORK, USB_RECEIPT }

    /** A change of the department as the log shows it: no reason text. */
    public record Change(long seq, String kind, int status, LocalDateTime at, String by, HubOutcome outcome) {
    }

    /**
     * One line; the fields that do not belong to its kind are null.
     *
     * @param at when it happened here (a change: when the counter took it; {@code change.at} is the department's)
     */
    public record Entry(Kind kind, Instant at, String dossier, Integer revision, Via via, StageError reason,
                        Integer attempts, Instant nextTry, HubChanges.Pulled pulled, Change change) {

        static Entry sent(Kind kind, Instant at, String dossier, Integer revision, Via via) {
            return new Entry(kind, at, dossier, revision, via, null, null, null, null, null);
        }
    }

    private static final Pattern REVISION = Pattern.compile("revision=(\\d+)");
    private static final String USB_PACKAGE = "usb-package";

    private final StageQueue stages;
    private final AuditStore audit;
    private final HubChangeLog changes;
    private final PullHistory pulls;
    private final CurrentClerk clerk;

    public SyncLog(StageQueue stages, AuditStore audit, HubChangeLog changes, PullHistory pulls, CurrentClerk clerk) {
        this.stages = stages;
        this.audit = audit;
        this.changes = changes;
        this.pulls = pulls;
        this.clerk = Objects.requireNonNull(clerk, "who is signed in");
    }

    /** The newest {@code limit} entries of every kind, newest first. */
    public List<Entry> entries(int limit) {
        clerk.require(Permission.SEARCH);
        List<Entry> all = new ArrayList<>();
        for (AuditEntry e : audit.find(new AuditStore.Filter(null, null, null, null, AuditAction.SEND), limit)) {
            Instant at = e.at().orElse(null);
            if (at != null) {
                all.add(Entry.sent(Kind.SENT, at, e.dossierCode(), revision(e.detail()),
                        e.detail().contains("via=usb-receipt") ? Via.USB_RECEIPT : Via.NETWORK));
            }
        }
        for (AuditEntry e : audit.find(new AuditStore.Filter(null, null, null, null, AuditAction.EXPORT), limit)) {
            if (e.detail().startsWith(USB_PACKAGE) && e.at().isPresent()) {   // not a report's export
                all.add(Entry.sent(Kind.EXPORTED, e.at().get(), e.dossierCode(), revision(e.detail()), null));
            }
        }
        // oldest first: of a backlog over 1,000 (weeks offline) the oldest problems are listed
        for (WorkItem i : stages.unfinished(Stage.SEND_DOSSIER, Math.max(limit, 1_000))) {
            Kind kind = i.state() == WorkState.FAILED ? Kind.FAILED : i.state() == WorkState.BLOCKED ? Kind.BLOCKED
                    : i.error() != null && i.state() == WorkState.WAITING ? Kind.RETRYING : null;
            if (kind != null) {
                all.add(new Entry(kind, i.updatedAt(), i.dossierCode(), null, null, i.error(), i.attempts(),
                        kind == Kind.RETRYING ? i.notBefore() : null, null, null));
            }
        }
        for (HubChanges.LastPull p : pulls.recent()) {
            all.add(new Entry(p.error() == null ? Kind.PULLED : Kind.PULL_FAILED, p.pulled().at(), null, null, null,
                    p.error(), null, null, p.pulled(), null));
        }
        for (HubChangeLog.Entry c : changes.recent(limit)) {
            all.add(new Entry(Kind.HUB_CHANGE, c.recordedAt(), c.dossierCode(), null, null, null, null, null, null,
                    new Change(c.seq(), c.kind(), c.status(), c.at(), c.by(), c.outcome())));
        }
        return all.stream().filter(e -> e.at() != null)
                .sorted(Comparator.comparing(Entry::at).reversed()).limit(limit).toList();
    }

    private static Integer revision(String detail) {
        Matcher m = REVISION.matcher(detail);
        return m.find() ? Integer.valueOf(m.group(1)) : null;
    }
}
