package vn.motcua.counter.application.port;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import vn.motcua.counter.domain.lifecycle.HubOutcome;

/**
 * The changes of the hub's feed this counter has taken (V16's {@code hub_changes}), one per {@code seq}: what makes
 * applying a change twice harmless, and the record of changes that could not be applied. Writes join the caller's
 * transaction.
 */
public interface HubChangeLog {

    /**
     * @param status      the dossier's status on the hub with this change (portal code 1–10)
     * @param localStatus the dossier's status here before it (portal code), null for a dossier this counter lacks
     */
    record Entry(long seq, String dossierCode, String kind, int status, LocalDateTime at, String by, String reason,
                 int files, HubOutcome outcome, Integer localStatus, Instant recordedAt) {
    }

    /** Whether the change numbered {@code seq} was taken already. */
    boolean taken(long seq);

    void record(Entry entry);

    /**
     * The highest {@code seq} of a change applied to the dossier (its status taken, or found already there): what the
     * counter tells the hub it knew of when it sends the dossier ({@code DossierManifest.hubChange}).
     */
    Optional<Long> lastApplied(String dossierCode);

    /** The changes that could not be applied (unknown dossier, refused by the lifecycle), newest first. */
    List<Entry> notApplied(int limit);

    /** The changes taken, newest first, whatever their outcome (the sync log). */
    List<Entry> recent(int limit);
}
