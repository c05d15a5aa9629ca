package vn.motcua.counter.application.port;

import java.time.Instant;
import java.util.Optional;
import vn.motcua.counter.domain.DossierCode;

/** Per dossier, the revision last offered to the hub and the one it accepted (V11's {@code sync_revisions}). */
public interface SyncRecords {

    /** @param sentRevision null until the hub accepted one */
    record Revisions(int revision, String contentHash, Integer sentRevision, Instant sentAt) {
    }

    Optional<Revisions> revisions(DossierCode code);

    /** Keeps {@code revision} with its content hash as the one offered (before it is sent). */
    void offered(DossierCode code, int revision, String contentHash, Instant at);

    /** The hub accepted {@code revision}; joins the caller's transaction. */
    void accepted(DossierCode code, int revision, Instant at);
}
