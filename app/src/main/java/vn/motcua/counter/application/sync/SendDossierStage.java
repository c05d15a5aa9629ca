package vn.motcua.counter.application.sync;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.motcua.counter.application.audit.Audit;
import vn.motcua.counter.application.audit.AuditAction;
import vn.motcua.counter.application.port.HubLink;
import vn.motcua.counter.application.port.SyncRecords;
import vn.motcua.counter.application.stage.Stage;
import vn.motcua.counter.application.stage.StageFailure;
import vn.motcua.counter.application.stage.StageHandler;
import vn.motcua.counter.application.stage.WorkItem;
import vn.motcua.counter.domain.DossierCode;
import vn.motcua.sync.wire.DossierManifest;

/**
 * {@link Stage#SEND_DOSSIER}: maps the dossier as it stands, offers it to the hub and records the revision accepted
 * with DONE. The revision grows only when the content differs from the one last offered, so a retry after a lost
 * answer offers the same manifest again (the hub says "accepted" again). Failures: the link down or the hub busy is
 * TRANSIENT (back-off with jitter), a conflict or a refused manifest PERMANENT (failed, with its reason and a retry),
 * not enrolled, revoked or a wrong certificate BLOCKED until the link is set right ({@link #WAITING_FOR}).
 */
public final class SendDossierStage implements StageHandler {

    /** What a blocked sending waits for; {@code unblock} when the counter is enrolled or "sync now" is asked. */
    public static final String WAITING_FOR = "hub-link";
    private static final Logger LOG = LoggerFactory.getLogger(SendDossierStage.class);

    private final Offers offers;
    private final SyncRecords records;
    private final HubLink hub;
    private final Clock clock;
    /** Bytes sent so far per dossier being sent, for "đang gửi 40 %". */
    private final Map<String, long[]> sending = new ConcurrentHashMap<>();
    private volatile Audit audit = Audit.OFF;
    private volatile Runnable afterDelivered = () -> { };

    public SendDossierStage(Offers offers, SyncRecords records, HubLink hub, Clock clock) {
        this.offers = offers;
        this.records = records;
        this.hub = hub;
        this.clock = clock;
    }

    /** Each dossier the hub accepted is recorded in {@code value} as sent out of the counter (decision 1302). */
    public void audit(Audit value) {
        this.audit = value;
    }

    /** Runs after each dossier the hub accepted: the link is up, a good moment to pull its changes (decision 0803). */
    public void afterDelivered(Runnable value) {
        this.afterDelivered = value;
    }

    /** Whether the counter holds its hub credential; without it nothing can be sent. */
    public boolean enrolled() {
        return hub.enrolled();
    }

    @Override
    public Stage stage() {
        return Stage.SEND_DOSSIER;
    }

    @Override
    public int concurrency() {
        return 1;   // one link; dossiers go one after another, oldest first
    }

    /** Bytes sent and total of a dossier being sent now. */
    public Optional<long[]> progress(String dossierCode) {
        return Optional.ofNullable(sending.get(dossierCode)).map(long[]::clone);
    }

    @Override
    public Result run(WorkItem item, BooleanSupplier cancelled) {
        DossierCode code = DossierCode.parse(item.dossierCode());
        try {
            if (!hub.ensureEnrolled()) {
                throw StageFailure.blocked(WAITING_FOR, "sync.error.not_enrolled");
            }
        } catch (HubLink.HubFailure failure) {
            throw stageFailure(failure);
        }
        Offers.Offer offer = offers.offer(code);
        if (offer.alreadySent()) {
            return Result.done(() -> { });   // the hub has this content already
        }
        if (cancelled.getAsBoolean()) {
            return Result.cancelled();
        }
        DossierManifest manifest = offer.manifest();
        int revision = manifest.revision();
        long total = manifest.files().stream().mapToLong(f -> f.size()).sum();
        long[] progress = {0, total};
        sending.put(code.value(), progress);
        try {
            HubLink.Accepted accepted = hub.deliver(manifest, offers.contents(), sent -> progress[0] = sent);
            LOG.info("dossier {} revision {} accepted by the hub", code, accepted.revision());
            Instant at = clock.instant();
            afterDelivered.run();
            return Result.done(() -> {
                records.accepted(code, revision, at);
                audit.record(AuditAction.SEND, code.value(),
                        "revision=" + revision + " files=" + manifest.files().size());
            });
        } catch (HubLink.HubFailure failure) {
            throw stageFailure(failure);
        } finally {
            sending.remove(code.value());
        }
    }

    /** The link's failure as the stage runner takes it (also for {@link FetchResultStage}). */
    static StageFailure stageFailure(HubLink.HubFailure failure) {
        String key = failure.code() == null ? "sync.error.server" : failure.code();
        return switch (failure.kind()) {
            case TRANSIENT -> StageFailure.transientFailure(key, failure);
            case PERMANENT -> StageFailure.permanent(key, failure);
            case BLOCKED -> StageFailure.blocked(WAITING_FOR, key);
        };
    }
}
