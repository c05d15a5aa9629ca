package vn.motcua.sync.hub.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default database when none is configured: a real PostgreSQL from zonky's Maven binaries, its data in
 * {@code DATA/postgres}, listening on loopback only. The port is written to {@code DATA/postgres.port}; a second
 * process on the same folder ({@code ./motcua-hub enrol} while {@code serve} runs, or a restart after a crash left
 * the server running) connects to the running server instead of starting another.
 */
public final class EmbeddedDatabase implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);
    public static final String USER = "postgres";

    private final EmbeddedPostgres owned;
    private final int port;

    private EmbeddedDatabase(EmbeddedPostgres owned, int port) {
        this.owned = owned;
        this.port = port;
    }

    public static EmbeddedDatabase open(Path dataDir) throws IOException {
        Files.createDirectories(dataDir);
        Path portFile = dataDir.resolve("postgres.port");
        if (Files.exists(portFile)) {
            int known = Integer.parseInt(Files.readString(portFile).strip());
            if (answers(known)) {
                LOG.atInfo().addKeyValue("port", known).log("using the embedded PostgreSQL already running");
                return new EmbeddedDatabase(null, known);
            }
        }
        int port = freePort();
        EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir.resolve("postgres"))
                .setCleanDataDirectory(false)
                .setPort(port)
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("max_connections", "200")
                .setPGStartupWait(Duration.ofSeconds(60))
                .start();
        Files.writeString(portFile, Integer.toString(port), StandardCharsets.US_ASCII);
        LOG.atInfo().addKeyValue("port", port).log("embedded PostgreSQL started");
        return new EmbeddedDatabase(pg, port);
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    private static boolean answers(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() throws IOException {
        if (owned != null) {
            owned.close();
        }
    }
}
