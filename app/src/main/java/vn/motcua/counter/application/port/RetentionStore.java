package vn.motcua.counter.application.port;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;

/** The local copies retention may remove, and their removal (docs/decisions/1303-retention.md). */
public interface RetentionStore {

    /** A dossier returned to the citizen and sent to the hub as it stands now. */
    record Candidate(String dossierCode, LocalDateTime returnedAt, int sentRevision) {
    }

    /**
     * Dossiers returned (status 10) before {@code returnedBefore} whose latest revision the hub accepted and that
     * have nothing waiting to be sent, oldest first, at most {@code limit}.
     */
    List<Candidate> removable(LocalDateTime returnedBefore, int limit);

    /**
     * Deletes every row of the dossier (pages, texts, copies, forms, results, history, stage items, sync record) in
     * the caller's transaction, and returns the content ids they referred to. Its removal must already be in the
     * audit log within that transaction: the history's append-only trigger lets it go only then (V15).
     */
    Set<String> remove(String dossierCode);
}
