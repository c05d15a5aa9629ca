package vn.motcua.counter.application.sync;

import java.time.Clock;
import java.util.Optional;
import vn.motcua.counter.application.port.ContentStore;
import vn.motcua.counter.application.port.SyncRecords;
import vn.motcua.counter.domain.DossierCode;
import vn.motcua.sync.wire.ContentHash;
import vn.motcua.sync.wire.DossierManifest;

/**
 * The revision of a dossier offered to the hub, over the link or on a drive. It grows only when the content differs
 * from the one last offered, so offering the same dossier again (a retry after a lost answer, a package exported
 * twice) offers the same revision, which the hub accepts again instead of calling it a conflict.
 */
public final class Offers {

    /**
     * @param alreadySent the hub accepted this very revision already
     */
    public record Offer(DossierManifest manifest, boolean alreadySent) {
    }

    private final DossierManifests manifests;
    private final SyncRecords records;
    private final Clock clock;

    public Offers(DossierManifests manifests, SyncRecords records, Clock clock) {
        this.manifests = manifests;
        this.records = records;
        this.clock = clock;
    }

    /** Maps the dossier as it stands and keeps the revision offered, before it can reach the hub. */
    public Offer offer(DossierCode code) {
        DossierManifests.Mapped now = manifests.map(code, 1);
        String hash = contentHash(now.manifest());
        Optional<SyncRecords.Revisions> last = records.revisions(code);
        int revision = last.map(r -> r.contentHash().equals(hash) ? r.revision() : r.revision() + 1).orElse(1);
        if (last.isEmpty() || last.get().revision() != revision) {
            records.offered(code, revision, hash, clock.instant());
        }
        boolean sent = last.isPresent() && last.get().sentRevision() != null && last.get().sentRevision() == revision;
        return new Offer(withRevision(now.manifest(), revision), sent);
    }

    /** Where the files the manifests name are read from, decrypted (decision 1201). */
    public ContentStore contents() {
        return manifests.contents();
    }

    /** Whether {@code revision} is the dossier as it stands: the last one offered, with nothing changed since. */
    public boolean isCurrent(DossierCode code, int revision) {
        return records.revisions(code).filter(r -> r.revision() == revision)
                .map(r -> r.contentHash().equals(contentHash(manifests.map(code, 1).manifest())))
                .orElse(false);
    }

    private static String contentHash(DossierManifest manifest) {
        return ContentHash.of(withRevision(manifest, 0));   // the content, whatever revision it is offered as
    }

    private static DossierManifest withRevision(DossierManifest m, int revision) {
        return m.withRevision(revision);
    }
}
