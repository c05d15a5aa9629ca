package vn.motcua.sync.client;

import java.nio.file.Path;
import java.util.Map;
import vn.motcua.sync.wire.DossierManifest;

/** A dossier to send: its manifest and where each file it names lies, by SHA-256. */
public record Outgoing(DossierManifest manifest, Map<String, Path> filesBySha256) {
    public Outgoing {
        filesBySha256 = Map.copyOf(filesBySha256);
    }
}
