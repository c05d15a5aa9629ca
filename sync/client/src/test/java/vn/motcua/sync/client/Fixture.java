package vn.motcua.sync.client;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.motcua.sync.hub.support.Dossiers;
import vn.motcua.sync.hub.support.TestHub;
import vn.motcua.sync.wire.DossierManifest;
import vn.motcua.sync.wire.FileRef;

/** Test helpers: a counter's SQLite state file, sample dossiers written to disk. */
final class Fixture {
    private Fixture() {
    }

    static JdbcSyncState sqlite(Path file) {
        return new JdbcSyncState(() -> {
            try {
                return DriverManager.getConnection("jdbc:sqlite:" + file);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    static HubClient client(URI hub, Path stateFile) {
        return HubClient.builder(hub).proxy(ProxySettings.direct()).state(sqlite(stateFile)).build();
    }

    static String enrolmentCode(TestHub hub, String counter) {
        return hub.hub.counters().createEnrolmentCode(counter, "test").code();
    }

    /** A dossier whose files are written under {@code dir}; returns it as the app would hand it over. */
    static Outgoing dossier(Path dir, String code, long seed, int pages, int pageBytes) throws IOException {
        Dossiers.Sample s = Dossiers.sample(code, seed, pages, pageBytes);
        return write(dir, s.manifest(), s.files());
    }

    static Outgoing write(Path dir, DossierManifest m, List<byte[]> bytes) throws IOException {
        Files.createDirectories(dir);
        Map<String, Path> files = new LinkedHashMap<>();
        List<FileRef> refs = m.files();
        for (int i = 0; i < refs.size(); i++) {
            Path p = dir.resolve(refs.get(i).sha256());
            Files.write(p, bytes.get(i));
            files.put(refs.get(i).sha256(), p);
        }
        return new Outgoing(m, files);
    }
}
