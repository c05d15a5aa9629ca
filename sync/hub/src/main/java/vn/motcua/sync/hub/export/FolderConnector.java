package vn.motcua.sync.hub.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes each record as {@code SERVICE-CODE-ID.json} into a folder, atomically: for a province whose own
 * integration picks files up, and the default of a pilot.
 */
public final class FolderConnector implements PortalConnector {
    private final Path folder;

    public FolderConnector(Path folder) {
        this.folder = folder;
    }

    @Override
    public void send(String service, String code, long exportId, byte[] json) throws IOException {
        Files.createDirectories(folder);
        Path target = folder.resolve(service + "-" + code + "-" + exportId + ".json");
        Path temp = Files.createTempFile(folder, ".sending-", ".tmp");
        try {
            Files.write(temp, json);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    @Override
    public String describe() {
        return "folder " + folder;
    }
}
