package vn.motcua.sync.client;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.motcua.sync.wire.DossierManifest;
import vn.motcua.sync.wire.FileRef;
import vn.motcua.sync.wire.WireJson;

/**
 * The counter in a child JVM for {@link KillTest}: sends every dossier of the queue table {@code test_queue} in its
 * SQLite file (manifest files beside their files) and marks each sent after the hub's 200. Prints progress lines.
 * Args: hub URL, SQLite file, bandwidth (bytes/s).
 */
public final class KillChild {
    private KillChild() {
    }

    public static void main(String[] args) throws Exception {
        URI hub = URI.create(args[0]);
        Path db = Path.of(args[1]);
        long bandwidth = Long.parseLong(args[2]);
        String url = "jdbc:sqlite:" + db;
        try (HubClient client = HubClient.builder(hub).proxy(ProxySettings.direct()).bandwidth(bandwidth)
                .chunkSize(64 * 1024).parallelFiles(2).state(Fixture.sqlite(db)).build()) {
            while (true) {
                List<String[]> queue = new ArrayList<>();
                try (Connection c = DriverManager.getConnection(url);
                     PreparedStatement p = c.prepareStatement("select code, manifest from test_queue where sent = 0 order by code");
                     ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        queue.add(new String[] {r.getString(1), r.getString(2)});
                    }
                }
                if (queue.isEmpty()) {
                    System.out.println("empty");
                    return;
                }
                for (String[] q : queue) {
                    Path manifestFile = Path.of(q[1]);
                    DossierManifest m = WireJson.readManifest(Files.readAllBytes(manifestFile));
                    Map<String, Path> files = new HashMap<>();
                    for (FileRef f : m.files()) {
                        files.put(f.sha256(), manifestFile.getParent().resolve(f.sha256()));
                    }
                    client.deliver(m, files, (s, t) -> System.out.println("progress " + q[0] + " " + s + "/" + t));
                    try (Connection c = DriverManager.getConnection(url);
                         PreparedStatement p = c.prepareStatement("update test_queue set sent = 1 where code = ?")) {
                        p.setString(1, q[0]);
                        p.executeUpdate();
                    }
                    System.out.println("sent " + q[0]);
                }
            }
        }
    }
}
