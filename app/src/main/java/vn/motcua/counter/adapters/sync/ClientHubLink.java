package vn.motcua.counter.adapters.sync;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import vn.motcua.counter.application.port.ContentStore;
import vn.motcua.counter.application.port.HubLink;
import vn.motcua.sync.client.HubClient;
import vn.motcua.sync.client.SyncException;
import vn.motcua.sync.wire.Api;
import vn.motcua.sync.wire.DossierManifest;
import vn.motcua.sync.wire.FileRef;
import vn.motcua.sync.wire.Receipt;

/** {@link HubLink} over the sync client ({@code sync/client}): its failure kinds and codes map one to one. */
public final class ClientHubLink implements HubLink, AutoCloseable {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ClientHubLink.class);

    private final HubClient client;
    private final String enrolmentCode;   // null: none configured
    private final String counterName;
    /** The configured code was tried after a revocation and refused: not tried again until a restart. */
    private boolean refusedAfterRevocation;

    /** {@code enrolmentCode} (may be null) is exchanged for the credential, as {@code counterName}, when needed. */
    public ClientHubLink(HubClient client, String enrolmentCode, String counterName) {
        this.client = client;
        this.enrolmentCode = enrolmentCode;
        this.counterName = counterName;
    }

    @Override
    public boolean enrolled() {
        return client.enrolled();
    }

    @Override
    public Accepted deliver(DossierManifest manifest, ContentStore files, LongConsumer progress) {
        Api.ManifestAccepted accepted = againIfReenrolled(() -> client.deliver(manifest, new StoredFiles(files),
                (sent, total) -> progress.accept(sent)));
        return new Accepted(accepted.code(), accepted.revision(), accepted.acceptedAt());
    }

    @Override
    public int pullChanges(Consumer<Api.Change> apply) {
        return againIfReenrolled(() -> client.pullChanges(apply::accept));
    }

    /** A call to the hub with the stored credential. */
    @FunctionalInterface
    private interface Call<T> {
        T run() throws SyncException;
    }

    /**
     * Runs {@code call}; when the hub says the counter was revoked and IT staff have given it a code not tried yet
     * ({@code hub.enrolment}, read at start), enrols again with it and runs the call once more. A code the hub refuses
     * is not tried again by this process, and the counter stays revoked, its data kept.
     */
    private <T> T againIfReenrolled(Call<T> call) {
        try {
            return call.run();
        } catch (SyncException e) {
            if (!SyncException.REVOKED.equals(e.code()) || !reenrol()) {
                throw failure(e);
            }
        }
        try {
            return call.run();
        } catch (SyncException e) {
            throw failure(e);
        }
    }

    private synchronized boolean reenrol() {
        if (enrolmentCode == null || refusedAfterRevocation) {
            return false;
        }
        try {
            client.reenrol(enrolmentCode, counterName);
            LOG.info("revoked by the hub; enrolled again with the configured enrolment code");
            return true;
        } catch (SyncException failed) {
            // only the hub's refusal settles it (the code used before the revocation, most likely: wait for a new
            // one); a cut or a busy hub leaves the code to try again with the next call
            refusedAfterRevocation = failed.kind() == SyncException.Kind.BLOCKED;
            LOG.warn("revoked by the hub; enrolling again with the configured code failed ({})", failed.code());
            return false;
        }
    }

    @Override
    public byte[] download(FileRef file) {
        try {
            return client.download(file);
        } catch (SyncException e) {
            throw failure(e);
        }
    }

    @Override
    public Path exportPackage(List<DossierManifest> dossiers, ContentStore files, Path folder) {
        try {
            return client.exportPackage(dossiers, new StoredFiles(files), folder);
        } catch (SyncException e) {
            throw failure(e);
        }
    }

    @Override
    public List<Accepted> importReceipt(Path receiptFile) {
        try {
            Receipt receipt = client.importReceipt(receiptFile);
            return receipt.entries().stream().filter(Receipt.Entry::accepted)
                    .map(e -> new Accepted(e.code(), e.revision(), receipt.importedAt())).toList();
        } catch (SyncException e) {
            throw failure(e);
        }
    }

    /** Synchronized: the start-up attempt and the sending stage never enrol twice at once. */
    @Override
    public synchronized boolean ensureEnrolled() {
        if (client.enrolled() || enrolmentCode == null) {
            return client.enrolled();
        }
        try {
            client.enrol(enrolmentCode, counterName);
            return true;
        } catch (SyncException e) {
            throw failure(e);
        }
    }

    static HubFailure failure(SyncException e) {
        HubFailure.Kind kind = switch (e.kind()) {
            case TRANSIENT -> HubFailure.Kind.TRANSIENT;
            case PERMANENT -> HubFailure.Kind.PERMANENT;
            case BLOCKED -> HubFailure.Kind.BLOCKED;
        };
        return new HubFailure(kind, e.code(), e.getMessage(), e);
    }

    @Override
    public void close() {
        client.close();
    }
}
