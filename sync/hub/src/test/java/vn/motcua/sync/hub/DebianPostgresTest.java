package vn.motcua.sync.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.sync.hub.support.CounterClient;
import vn.motcua.sync.hub.support.Dossiers;
import vn.motcua.sync.hub.support.TestHub;

/**
 * The hub against Debian's PostgreSQL 15 (package {@code postgresql}, as a province would install it), in a
 * cluster of the test's own made with {@code initdb} and run with {@code pg_ctl} on a free loopback port. As root
 * (CI), the cluster runs as the {@code postgres} user the package creates.
 */
class DebianPostgresTest {
    private static final Path BIN = Path.of("/usr/lib/postgresql/15/bin");

    @TempDir
    Path dir;

    private static boolean root() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if (root()) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        Process p = new ProcessBuilder(full).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
        }
    }

    @Test
    void theHubWorksOnDebiansPostgresql() throws Exception {
        assertThat(BIN.resolve("initdb")).as("Debian package postgresql (sync/ci-packages.txt)").isExecutable();
        Path cluster = Files.createDirectories(dir.resolve("pg"));
        if (root()) {
            new ProcessBuilder("chown", "-R", "postgres", dir.toString()).start().waitFor();
            dir.toFile().setExecutable(true, false);
        }
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        run(List.of(BIN.resolve("initdb").toString(), "-D", cluster.resolve("data").toString(), "-U", "hub", "--auth=trust", "-E", "UTF8"));
        run(List.of(BIN.resolve("pg_ctl").toString(), "-D", cluster.resolve("data").toString(), "-w", "-l", cluster.resolve("log").toString(),
                "-o", "-p " + port + " -k " + cluster + " -c listen_addresses=127.0.0.1", "start"));
        try {
            var env = TestHub.env("jdbc:postgresql://127.0.0.1:" + port + "/postgres");
            env.put("MOTCUA_HUB_DB_USER", "hub");
            try (TestHub hub = TestHub.start(Files.createDirectories(dir.resolve("hub")), env)) {
                CounterClient counter = hub.enrolCounter("Quầy trên PostgreSQL của Debian");
                Dossiers.Sample s = Dossiers.sample(Dossiers.code(14, 1), 141, 2, 20_000);
                for (byte[] f : s.files()) {
                    assertThat(counter.upload(f)).isEqualTo(204);
                }
                assertThat(counter.put(s.manifest()).statusCode()).isEqualTo(200);
                assertThat(counter.put(s.manifest()).statusCode()).isEqualTo(200);
                hub.hub.processing().changeStatus(s.manifest().code(), 4, "Chuyên viên E", null);
                assertThat(counter.changes(null).changes()).hasSize(1);
                assertThat(hub.count("select count(*) from manifests")).isEqualTo(1);
                String version = hub.hub.database().read(c -> c.getMetaData().getDatabaseProductVersion());
                assertThat(version).startsWith("15.");
            }
        } finally {
            run(List.of(BIN.resolve("pg_ctl").toString(), "-D", cluster.resolve("data").toString(), "-m", "fast", "-w", "stop"));
        }
    }
}
