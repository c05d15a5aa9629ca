package vn.motcua.sync.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.sync.hub.support.Dossiers;
import vn.motcua.sync.hub.support.TestHub;
import vn.motcua.sync.wire.FileRef;
import vn.motcua.sync.wire.Sha256;
import vn.motcua.sync.wire.WireJson;

/**
 * SIGKILL of the sending counter (a child JVM) at random points during uploads; then a last run to the end. Every
 * dossier arrives exactly once, every file byte-identical, the queue empties. Trials: {@code client.kill.trials}
 * (3 by default, 50 in the {@code soak} profile).
 */
class KillTest {
    @TempDir
    Path dir;
    TestHub hub;

    @BeforeEach
    void start() throws Exception {
        hub = TestHub.start(dir.resolve("hub"));
    }

    @AfterEach
    void stop() throws Exception {
        hub.close();
    }

    private Process child(Path db) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder pb = new ProcessBuilder(List.of(java, "--enable-native-access=ALL-UNNAMED", "-Xmx256m",
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                KillChild.class.getName(), hub.base.toString(), db.toString(), "1500000"));
        pb.redirectError(dir.resolve("child.err").toFile());
        return pb.start();
    }

    @Test
    @Timeout(1800)
    void killedAtRandomPointsEveryDossierArrivesExactlyOnceAndTheQueueEmpties() throws Exception {
        int trials = Integer.getInteger("client.kill.trials", 3);
        Path db = dir.resolve("counter.db");
        String url = "jdbc:sqlite:" + db;
        try (HubClient client = Fixture.client(hub.base, db)) {
            client.enrol(Fixture.enrolmentCode(hub, "Quầy bị tắt"), "Quầy bị tắt");
        }
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.executeUpdate("create table test_queue (code text primary key, manifest text not null, sent int not null)");
        }
        Random random = new Random(2026);
        List<Outgoing> all = new ArrayList<>();
        int killedDuringUpload = 0;
        for (int trial = 0; trial < trials; trial++) {
            for (int k = 0; k < 2; k++) {
                int n = all.size() + 1;
                Outgoing d = Fixture.dossier(dir.resolve("d" + n), Dossiers.code(7, n), n, 3, 200_000 + random.nextInt(200_000));
                Path mf = dir.resolve("d" + n).resolve("manifest.json");
                Files.write(mf, WireJson.write(d.manifest()));
                try (Connection c = DriverManager.getConnection(url);
                     PreparedStatement p = c.prepareStatement("insert into test_queue values (?, ?, 0)")) {
                    p.setString(1, d.manifest().code());
                    p.setString(2, mf.toString());
                    p.executeUpdate();
                }
                all.add(d);
            }
            Process p = child(db);
            CountDownLatch uploading = new CountDownLatch(1);
            Thread reader = Thread.ofPlatform().daemon().start(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = r.readLine()) != null) {
                        if (line.startsWith("progress") && !line.contains(" 0/")) {
                            uploading.countDown();
                        }
                    }
                } catch (java.io.IOException ignored) {
                    // killed
                }
            });
            if (uploading.await(60, TimeUnit.SECONDS)) {
                Thread.sleep(random.nextInt(1500));
            }
            if (p.isAlive()) {
                killedDuringUpload++;
            }
            p.destroyForcibly(); // SIGKILL
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            reader.join(5000);
        }
        // the last run, not killed, empties the queue
        Process last = child(db);
        String out = new String(last.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(last.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(last.exitValue()).as(Files.readString(dir.resolve("child.err"))).isZero();
        assertThat(out).contains("empty");
        System.out.printf("kill test: %d trials, %d killed while sending, %d dossiers%n", trials, killedDuringUpload, all.size());

        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select count(*) from test_queue where sent = 0")) {
            r.next();
            assertThat(r.getInt(1)).isZero();
        }
        assertThat(killedDuringUpload).isGreaterThan(0);
        assertThat(hub.count("select count(*) from dossiers")).isEqualTo(all.size());
        assertThat(hub.count("select count(*) from manifests")).isEqualTo(all.size());
        assertThat(hub.count("select count(*) from (select code from manifests group by code having count(*) > 1) x")).isZero();
        try (HubClient client = Fixture.client(hub.base, db)) {
            for (Outgoing d : all) {
                for (FileRef f : d.manifest().files()) {
                    Path back = client.download(f, dir.resolve("back").resolve(f.sha256()));
                    assertThat(Sha256.hex(Files.readAllBytes(back))).isEqualTo(f.sha256());
                }
            }
        }
    }
}
