package vn.motcua.counter.adapters.sync;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.LongConsumer;
import vn.motcua.counter.application.port.HubLink;
import vn.motcua.sync.client.HubClient;
import vn.motcua.sync.client.SyncException;
import vn.motcua.sync.wire.Api;
import vn.motcua.sync.wire.DossierManifest;

/** {@link HubLink} over the sync client ({@code sync/client}): its failure kinds and codes map one to one. */
public final class ClientHubLink implements HubLink, AutoCloseable {

    private final HubClient client;

    public ClientHubLink(HubClient client) {
        this.client = client;
    }

    @Override
    public boolean enrolled() {
        return client.enrolled();
    }

    @Override
    public Accepted deliver(DossierManifest manifest, Map<String, Path> files, LongConsumer progress) {
        try {
            Api.ManifestAccepted accepted = client.deliver(manifest, files, (sent, total) -> progress.accept(sent));
            return new Accepted(accepted.code(), accepted.revision(), accepted.acceptedAt());
        } catch (SyncException e) {
            throw failure(e);
        }
    }

    /** Exchanges the enrolment code for the counter's credential. */
    public void enrol(String code, String counterName) {
        try {
            client.enrol(code, counterName);
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
