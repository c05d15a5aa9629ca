package vn.motcua.counter.application.sync;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongConsumer;
import vn.motcua.counter.application.port.ContentStore;
import vn.motcua.counter.application.port.HubLink;
import vn.motcua.sync.wire.ContentHash;
import vn.motcua.sync.wire.DossierManifest;
import vn.motcua.sync.wire.FileRef;
import vn.motcua.sync.wire.ManifestRules;
import vn.motcua.sync.wire.Sha256;

/** The hub's rules, in process: every file read back and hashed; (code, revision) taken once per content. */
public final class SyncOutboxTestHub implements HubLink {
    public volatile boolean online = true;
    public volatile boolean enrolled = true;
    public volatile String conflictOn;
    public volatile int deliveries;
    public final Map<String, DossierManifest> accepted = new ConcurrentHashMap<>();
    public final List<String> sha256Checked = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Override
    public boolean enrolled() {
        return enrolled;
    }

    @Override
    public Accepted deliver(DossierManifest manifest, ContentStore files, LongConsumer progress) {
        if (!online) {
            throw new HubFailure(HubFailure.Kind.TRANSIENT, "sync.error.offline", "connection refused", null);
        }
        if (manifest.code().equals(conflictOn)) {
            throw new HubFailure(HubFailure.Kind.PERMANENT, "sync.error.conflict", "manifest_conflict", null);
        }
        try {
            ManifestRules.check(manifest);
            long sent = 0;
            for (FileRef file : manifest.files()) {
                byte[] bytes = files.read(file.sha256());
                if (!Sha256.hex(bytes).equals(file.sha256())) {
                    throw new HubFailure(HubFailure.Kind.PERMANENT, "sync.error.server", "checksum_mismatch", null);
                }
                sha256Checked.add(file.sha256());
                progress.accept(sent += bytes.length);
            }
        } catch (vn.motcua.sync.wire.WireFormatException e) {
            throw new HubFailure(HubFailure.Kind.PERMANENT, "sync.error.server", e.getMessage(), e);
        }
        String key = manifest.code() + "#" + manifest.revision();
        DossierManifest earlier = accepted.putIfAbsent(key, manifest);
        if (earlier != null && !ContentHash.of(earlier).equals(ContentHash.of(manifest))) {
            throw new HubFailure(HubFailure.Kind.PERMANENT, "sync.error.conflict", "manifest_conflict", null);
        }
        deliveries++;
        return new Accepted(manifest.code(), manifest.revision(), OffsetDateTime.now());
    }
}
