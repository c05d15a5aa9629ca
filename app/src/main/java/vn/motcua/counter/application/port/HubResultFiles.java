package vn.motcua.counter.application.port;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import vn.motcua.counter.domain.DossierCode;
import vn.motcua.sync.wire.FileRef;

/**
 * The result documents the department attached on the hub, named by a pulled RESULT change, to be downloaded into the
 * content store (V18 {@code hub_result_files}; each download is an item of the {@code FETCH_RESULT} stage).
 */
public interface HubResultFiles {

    /** One file a change named for a dossier, with the department's name for it, who attached it and when. */
    record ResultFile(long id, DossierCode dossier, long seq, String sha256, long size, String name, LocalDateTime at,
                      String by) {

        public FileRef ref() {
            return new FileRef(sha256, size, name, FileRef.Kind.RESULT);
        }
    }

    /**
     * Records the files for the dossier, each SHA-256 once per dossier (a file named again keeps its first row); joins
     * the caller's transaction. Returns how many were new.
     */
    int expect(DossierCode code, long seq, List<FileRef> files, LocalDateTime at, String by);

    Optional<ResultFile> file(long id);
}
