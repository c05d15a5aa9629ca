package vn.motcua.counter.application.retention;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.motcua.counter.application.audit.Audit;
import vn.motcua.counter.application.audit.AuditAction;
import vn.motcua.counter.application.port.ContentReferences;
import vn.motcua.counter.application.port.ContentStore;
import vn.motcua.counter.application.port.RetentionStore;
import vn.motcua.counter.application.port.Transactions;

/**
 * Removes the local copies of dossiers that were returned to the citizen and sent to the hub, once
 * {@code retention.days} have passed since the return (docs/decisions/1303-retention.md): each dossier's rows and its
 * audit entry in one transaction, then the files no other record refers to. A crash between the two leaves only
 * unreferenced files, which the start-up clean-up removes. {@code days = 0} keeps everything.
 */
public final class Retention {

    private static final Logger LOG = LoggerFactory.getLogger(Retention.class);
    private static final int BATCH = 500;

    private final RetentionStore store;
    private final ContentReferences references;
    private final ContentStore contents;
    private final Transactions transactions;
    private final Audit audit;
    private final Clock clock;
    private final Clock files;
    private final int days;
    /** Everything removed since the counter opened (the start-up run and any since). */
    private final List<RetentionStore.Candidate> session = new ArrayList<>();
    private int sessionFiles;
    private long sessionBytes;

    /**
     * @param clock the counter's clock (return dates are Vietnam local times)
     * @param files the clock of file times (the machine's real time)
     */
    public Retention(RetentionStore store, ContentReferences references, ContentStore contents,
                     Transactions transactions, Audit audit, Clock clock, Clock files, int days) {
        this.store = store;
        this.references = references;
        this.contents = contents;
        this.transactions = transactions;
        this.audit = audit;
        this.clock = clock;
        this.files = files;
        this.days = days;
    }

    /** What a run removed (or, dry, would remove). */
    public record Result(int days, List<RetentionStore.Candidate> dossiers, ContentStore.Removed files, boolean dry) {
    }

    public int days() {
        return days;
    }

    /** The dossiers a run would remove now. */
    public List<RetentionStore.Candidate> due() {
        if (days <= 0) {
            return List.of();
        }
        return store.removable(LocalDateTime.now(clock).minusDays(days), Integer.MAX_VALUE);
    }

    /** Lists what would go, removes nothing. */
    public Result dryRun() {
        return new Result(days, due(), new ContentStore.Removed(0, 0), true);
    }

    /** Removes what is due, dossier by dossier, stopping between two when {@code cancelled} turns true. */
    public synchronized Result run(BooleanSupplier cancelled) {
        if (days <= 0) {
            return new Result(days, List.of(), new ContentStore.Removed(0, 0), false);
        }
        Instant started = files.instant();
        List<RetentionStore.Candidate> removed = new ArrayList<>();
        Set<String> contentIds = new HashSet<>();
        LocalDateTime returnedBefore = LocalDateTime.now(clock).minusDays(days);
        List<RetentionStore.Candidate> batch;
        do {
            batch = store.removable(returnedBefore, BATCH);
            for (RetentionStore.Candidate dossier : batch) {
                if (removed.stream().anyMatch(r -> r.dossierCode().equals(dossier.dossierCode()))) {
                    throw new IllegalStateException("retention: dossier " + dossier.dossierCode() + " still there");
                }
                if (cancelled.getAsBoolean()) {
                    return finish(removed, contentIds, started);
                }
                contentIds.addAll(transactions.inOneTransaction(() -> {
                    audit.record(AuditAction.REMOVE, dossier.dossierCode(), "retention days=" + days
                            + " returned=" + dossier.returnedAt() + " sent_revision=" + dossier.sentRevision());
                    return store.remove(dossier.dossierCode());
                }));
                removed.add(dossier);
            }
        } while (batch.size() == BATCH);
        return finish(removed, contentIds, started);
    }

    /** Files go after the rows: those of the removed dossiers that no record refers to and were not stored since. */
    private Result finish(List<RetentionStore.Candidate> removed, Set<String> contentIds, Instant started) {
        ContentStore.Removed gone = contentIds.isEmpty() ? new ContentStore.Removed(0, 0)
                : contents.remove(contentIds, references.referencedContentIds(), started);
        if (!removed.isEmpty()) {
            LOG.info("retention: {} dossiers returned over {} days ago removed, {} files ({} bytes)", removed.size(),
                    days, gone.items(), gone.bytes());
        }
        session.addAll(removed);
        sessionFiles += gone.items();
        sessionBytes += gone.bytes();
        return new Result(days, List.copyOf(removed), gone, false);
    }

    /**
     * What retention removed since the counter opened, the start-up run included: {@code motcua retention run} shows
     * this, as the start-up run may have removed what was due just before the command's own run.
     */
    public synchronized Result session() {
        return new Result(days, List.copyOf(session), new ContentStore.Removed(sessionFiles, sessionBytes), false);
    }

    /** How often the counter runs retention while it stays open. */
    public static final Duration EVERY = Duration.ofDays(1);
}
