package vn.motcua.counter.application.sync;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.motcua.counter.application.audit.Audit;
import vn.motcua.counter.application.audit.AuditAction;
import vn.motcua.counter.application.port.DossierStore;
import vn.motcua.counter.application.port.HubChangeLog;
import vn.motcua.counter.application.port.HubLink;
import vn.motcua.counter.application.port.LifecycleStep;
import vn.motcua.counter.application.port.Transactions;
import vn.motcua.counter.application.stage.StageError;
import vn.motcua.counter.domain.Dossier;
import vn.motcua.counter.domain.DossierCode;
import vn.motcua.counter.domain.Status;
import vn.motcua.counter.domain.lifecycle.HubOutcome;
import vn.motcua.sync.wire.Api;

/**
 * The department's work on the provincial hub, pulled into the counter's dossiers (decision 0803): each change of the
 * hub's feed is applied in one SQLite transaction together with its {@link HubChangeLog} entry, so a change handed
 * over again (the feed's cursor moves only after a whole page) is recognised by its {@code seq} and skipped. A status
 * change or supplement request moves the dossier when the local lifecycle allows the step, with a history entry naming
 * who on the hub did it and when; a result adds a history entry (and the hub's status, when it moved) and records its
 * files for {@link FetchResultStage} to download into the content store and attach to the dossier. Changes for a
 * dossier this counter does not hold, or a step the lifecycle refuses, are logged and recorded, never retried, and
 * never stop the feed.
 */
public final class HubChanges {

    /** History kinds of the entries a pulled change writes (the window words them through {@code event.KIND}). */
    public static final String STATUS_EVENT = "HUB_STATUS";
    public static final String SUPPLEMENT_EVENT = "HUB_SUPPLEMENT_REQUESTED";
    public static final String RESULT_EVENT = "HUB_RESULT";
    public static final String REFUSED_EVENT = "HUB_REFUSED";

    private static final Logger LOG = LoggerFactory.getLogger(HubChanges.class);

    /**
     * One pull: changes applied (status taken or already there), refused by the lifecycle, for unknown dossiers, and
     * handed over again (taken before, skipped).
     */
    public record Pulled(int applied, int refused, int unknown, int repeated, Instant at) {
        public static final Pulled NOTHING = new Pulled(0, 0, 0, 0, null);
    }

    /** The last pull: what it took, or why it failed ({@code error} a {@code sync.error.*} key), null before any. */
    public record LastPull(Pulled pulled, StageError error) {
    }

    private final HubLink hub;
    private final DossierStore dossiers;
    private final HubChangeLog log;
    private final Transactions transactions;
    private final Clock clock;
    private volatile Audit audit = Audit.OFF;
    private volatile FetchResultStage results;   // null: result files are named in the history only
    private volatile LastPull last;

    public HubChanges(HubLink hub, DossierStore dossiers, HubChangeLog log, Transactions transactions, Clock clock) {
        this.hub = hub;
        this.dossiers = dossiers;
        this.log = log;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Each change applied to a dossier is recorded in {@code value} (decision 1302). */
    public void audit(Audit value) {
        this.audit = value;
    }

    /**
     * The result files a RESULT change names are recorded for {@code value} to download, in the transaction that
     * applies the change.
     */
    public void results(FetchResultStage value) {
        this.results = value;
    }

    /** Whether the counter can pull (it holds its hub credential). */
    public boolean enrolled() {
        return hub.enrolled();
    }

    public Optional<LastPull> last() {
        return Optional.ofNullable(last);
    }

    /**
     * Reads the feed to its end and applies every change; one pull at a time (the feed has one cursor).
     *
     * @throws HubLink.HubFailure when the hub cannot be reached or refuses the counter; changes applied before the
     *                            failure stay applied, the rest come again next time
     */
    public synchronized Pulled pull() {
        AtomicInteger[] counts = {new AtomicInteger(), new AtomicInteger(), new AtomicInteger(), new AtomicInteger()};
        try {
            hub.pullChanges(change -> {
                Optional<HubOutcome> outcome = apply(change);
                int slot = outcome.map(o -> switch (o) {
                    case APPLIED, ALREADY_THERE -> 0;
                    case REFUSED -> 1;
                    case UNKNOWN_DOSSIER -> 2;
                }).orElse(3);
                counts[slot].incrementAndGet();
            });
        } catch (HubLink.HubFailure failure) {
            String key = failure.code() == null ? "sync.error.server" : failure.code();
            last = new LastPull(pulled(counts), new StageError(key, java.util.List.of(), failure.getMessage()));
            throw failure;
        }
        Pulled pulled = pulled(counts);
        last = new LastPull(pulled, null);
        if (pulled.applied() + pulled.refused() + pulled.unknown() > 0) {
            LOG.info("hub changes pulled: {} applied, {} refused, {} for unknown dossiers, {} repeated",
                    pulled.applied(), pulled.refused(), pulled.unknown(), pulled.repeated());
        }
        return pulled;
    }

    private Pulled pulled(AtomicInteger[] counts) {
        return new Pulled(counts[0].get(), counts[1].get(), counts[2].get(), counts[3].get(), clock.instant());
    }

    /**
     * Applies one change of the feed with its log entry in one transaction; empty when it was taken before (same
     * {@code seq}).
     */
    public Optional<HubOutcome> apply(Api.Change change) {
        return transactions.inOneTransaction(() -> {
            if (log.taken(change.seq())) {
                return Optional.<HubOutcome>empty();
            }
            LocalDateTime at = change.at() == null ? LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS)
                    : change.at().atZoneSameInstant(DossierManifests.VIETNAM).toLocalDateTime()
                            .truncatedTo(ChronoUnit.SECONDS);
            String by = change.by() == null || change.by().isBlank() ? "?" : change.by().strip();
            String reason = change.reason() == null || change.reason().isBlank() ? null : change.reason().strip();
            Optional<Dossier> dossier = parse(change.code()).flatMap(dossiers::dossier);
            if (dossier.isEmpty()) {
                LOG.warn("hub change {} ({}) names dossier {}, which this counter does not hold; recorded, not applied",
                        change.seq(), change.kind(), change.code());
                record(change, at, by, reason, HubOutcome.UNKNOWN_DOSSIER, null);
                return Optional.of(HubOutcome.UNKNOWN_DOSSIER);
            }
            Dossier d = dossier.get();
            Status here = d.status();
            Optional<Status> there = status(change.status());
            HubOutcome outcome = there.map(s -> HubOutcome.of(here, s)).orElse(HubOutcome.REFUSED);
            Api.ChangeKind kind = change.kind() == null ? Api.ChangeKind.STATUS : change.kind();
            if (kind == Api.ChangeKind.RESULT && outcome == HubOutcome.REFUSED) {
                outcome = HubOutcome.ALREADY_THERE;   // a result is taken whatever the status; the status stays
            }
            Status to = outcome == HubOutcome.APPLIED ? there.orElseThrow() : here;
            String eventKind = outcome == HubOutcome.REFUSED ? REFUSED_EVENT : switch (kind) {
                case STATUS -> STATUS_EVENT;
                case SUPPLEMENT_REQUEST -> SUPPLEMENT_EVENT;
                case RESULT -> RESULT_EVENT;
            };
            String why = outcome == HubOutcome.REFUSED
                    ? "hub=" + change.status() + (reason == null ? "" : " " + reason) : reason;
            if (kind == Api.ChangeKind.RESULT) {
                why = "results=" + change.files().size() + (why == null ? "" : " " + why);
            }
            dossiers.record(d.code(), LifecycleStep.of(eventKind, at, by, here, to, why));
            if (kind == Api.ChangeKind.RESULT && results != null) {
                results.expect(d.code(), change.seq(), change.files(), at, by);   // downloaded after, by the stage
            }
            if (outcome == HubOutcome.REFUSED) {
                LOG.warn("hub change {} moves dossier {} from {} to {}, which the lifecycle does not allow; recorded",
                        change.seq(), d.code(), here.portalCode(), change.status());
            }
            record(change, at, by, reason, outcome, here.portalCode());
            audit.record(AuditAction.CHANGE, d.code().value(), eventKind + " seq=" + change.seq() + " "
                    + here.portalCode() + "->" + to.portalCode());
            return Optional.of(outcome);
        });
    }

    private void record(Api.Change change, LocalDateTime at, String by, String reason, HubOutcome outcome,
                        Integer localStatus) {
        log.record(new HubChangeLog.Entry(change.seq(), change.code() == null ? "" : change.code(),
                change.kind() == null ? "?" : change.kind().name(), change.status(), at, by, reason,
                change.files().size(), outcome, localStatus, clock.instant()));
    }

    private static Optional<DossierCode> parse(String code) {
        try {
            return code == null ? Optional.empty() : Optional.of(DossierCode.parse(code));
        } catch (RuntimeException e) {   // not a code, or a date that does not exist
            return Optional.empty();
        }
    }

    private static Optional<Status> status(int portalCode) {
        try {
            return Optional.of(Status.ofPortalCode(portalCode));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
