package vn.motcua.counter.application.port;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import vn.motcua.sync.wire.Api;
import vn.motcua.sync.wire.DossierManifest;
import vn.motcua.sync.wire.FileRef;

/**
 * The counter's link to the provincial hub (the sync client behind it, an adapter): delivers one dossier manifest with
 * the files it names, exactly once per revision.
 */
public interface HubLink {

    /** Whether the counter holds its credential (enrolled). */
    boolean enrolled();

    /**
     * Enrols with the configured enrolment code if not enrolled yet, so that sending does not depend on the start-up
     * attempt having finished; answers {@link #enrolled()}.
     *
     * @throws HubFailure when the hub cannot be reached or refuses the code
     */
    default boolean ensureEnrolled() {
        return enrolled();
    }

    /**
     * Uploads the files the hub lacks, then the manifest.
     *
     * @param files    the content store holding each named file under its SHA-256 (its content id); read through it,
     *                 so the hub receives the plaintext whose SHA-256 the manifest names (the store keeps it encrypted)
     * @param progress told the bytes sent so far
     * @throws HubFailure when the hub cannot take it now, or ever
     */
    Accepted deliver(DossierManifest manifest, ContentStore files, LongConsumer progress);

    /**
     * Writes the dossiers with the files they name, read through {@code files} as {@link #deliver} does, as one
     * package signed by the counter and encrypted for the hub into {@code folder} (a drive carried to the hub when
     * there is no link); returns the package file.
     *
     * @throws HubFailure when the counter is not enrolled or the package cannot be written
     */
    Path exportPackage(List<DossierManifest> dossiers, ContentStore files, Path folder);

    /**
     * The revisions that the hub's receipt file, carried back from it, says the hub accepted.
     *
     * @throws HubFailure when the file is not a receipt the hub signed for this counter
     */
    List<Accepted> importReceipt(Path receiptFile);

    /**
     * Reads the hub's changes feed (the department's status changes, supplement requests and results for this
     * counter's dossiers) from the cursor the link keeps, and hands each change to {@code apply} in order. The cursor
     * moves past a page only after {@code apply} returned for every change of it, so after a failure or a crash a
     * change may be handed over again: {@code apply} recognises it by its {@code seq}. Returns how many were handed.
     *
     * @throws HubFailure when the hub cannot be reached, refuses the counter, or {@code apply} failed (the changes
     *                    from there on come again next time)
     */
    int pullChanges(Consumer<Api.Change> apply);

    /**
     * Downloads a file the hub names (a result document the department attached) into memory, its size and SHA-256
     * checked, so it goes into the content store encrypted and no plain copy ever lies on disk (decision 1201).
     *
     * @throws HubFailure when the link fails (TRANSIENT), the hub does not hold the file for this counter (PERMANENT)
     *                    or the counter is not enrolled or revoked (BLOCKED)
     */
    byte[] download(FileRef file);

    record Accepted(String code, int revision, OffsetDateTime acceptedAt) {
    }

    /**
     * Why a delivery did not happen. {@code code} is a message key ({@code sync.error.offline}, {@code
     * sync.error.conflict}, {@code sync.error.revoked}, {@code sync.error.certificate}, {@code sync.error.server}…).
     */
    final class HubFailure extends RuntimeException {

        public enum Kind { TRANSIENT, PERMANENT, BLOCKED }

        private final Kind kind;
        private final String code;

        public HubFailure(Kind kind, String code, String detail, Throwable cause) {
            super(detail, cause);
            this.kind = kind;
            this.code = code;
        }

        public Kind kind() {
            return kind;
        }

        public String code() {
            return code;
        }
    }
}
