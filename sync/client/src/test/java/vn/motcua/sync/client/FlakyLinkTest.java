package vn.motcua.sync.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.sync.hub.support.Dossiers;
import vn.motcua.sync.hub.support.FaultProxy;
import vn.motcua.sync.hub.support.TestHub;
import vn.motcua.sync.wire.FileRef;
import vn.motcua.sync.wire.Sha256;

/** Deliveries through {@link FaultProxy}: rate limit, delay, cuts at random byte offsets, a stall. */
class FlakyLinkTest {
    static final int CHUNK = 64 * 1024;

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

    private HubClient through(FaultProxy proxy, Path db) {
        return HubClient.builder(proxy.uri()).proxy(ProxySettings.direct()).state(Fixture.sqlite(db))
                .chunkSize(CHUNK).maxChunkSize(CHUNK).maxCuts(40)   // the bound below is per chunk: keep it fixed
                .timeouts(Duration.ofSeconds(3), Duration.ofSeconds(2), Duration.ofSeconds(5)).build();
    }

    /** Upstream bytes of one delivery on a clean link: the file bytes plus the requests' own overhead. */
    private long cleanUpstream(int port, String counter, int number) throws Exception {
        try (FaultProxy proxy = new FaultProxy(port, 1); HubClient client = through(proxy, dir.resolve("clean.db"))) {
            client.enrol(Fixture.enrolmentCode(hub, counter), counter);
            Outgoing d = Fixture.dossier(dir.resolve("clean"), Dossiers.code(5, number), 77, 4, 500_000);
            long before = proxy.upstream.get();
            client.deliver(d.manifest(), d.filesBySha256(), null);
            return proxy.upstream.get() - before;
        }
    }

    @Test
    @Timeout(180)
    void aDeliveryThroughCutsDelayAndAStallArrivesByteIdenticalAndResendsAtMostAChunkPerCut() throws Exception {
        int port = hub.server.port();
        long clean = cleanUpstream(port, "Quầy sạch", 1);

        try (FaultProxy proxy = new FaultProxy(port, 42); HubClient client = through(proxy, dir.resolve("flaky.db"))) {
            client.enrol(Fixture.enrolmentCode(hub, "Quầy 3G"), "Quầy 3G");
            proxy.bytesPerSecond = 1_500_000;
            proxy.delayMillis = 30;
            // different bytes, same sizes and structure as the clean run
            Outgoing d = Fixture.dossier(dir.resolve("flaky"), Dossiers.code(5, 2), 78, 4, 500_000);
            long before = proxy.upstream.get();
            proxy.cutRandomly(6, 1_000, 300_000);
            Thread stall = Thread.ofPlatform().daemon().start(() -> {
                try {
                    Thread.sleep(1500);
                    proxy.stalled = true;   // longer than the client's read time-out
                    Thread.sleep(3000);
                    proxy.stalled = false;
                } catch (InterruptedException ignored) {
                    Thread.currentThread().interrupt();
                }
            });
            var accepted = client.deliver(d.manifest(), d.filesBySha256(), null);
            stall.join();
            long used = proxy.upstream.get() - before;
            int cuts = proxy.cuts.get();
            assertThat(accepted.code()).isEqualTo(d.manifest().code());
            assertThat(cuts).as("the proxy did cut").isGreaterThanOrEqualTo(3);
            long resent = used - clean;
            System.out.printf("flaky link: %d cuts, %d bytes upstream vs %d clean: %d re-sent (%.2f chunks per cut)%n",
                    cuts, used, clean, resent, resent / (double) CHUNK / Math.max(1, cuts));
            // each cut (and the stall) costs at most one chunk plus the few requests that resume (HEAD, headers)
            assertThat(resent).isLessThanOrEqualTo((long) (cuts + 1) * (CHUNK + 2_000));

            try (HubClient direct = Fixture.client(hub.base, dir.resolve("flaky.db"))) {
                for (FileRef f : d.manifest().files()) {
                    Path back = direct.download(f, dir.resolve("back").resolve(f.sha256()));
                    assertThat(Sha256.hex(Files.readAllBytes(back))).isEqualTo(f.sha256());
                    assertThat(Files.mismatch(back, d.filesBySha256().get(f.sha256()))).isEqualTo(-1L);
                }
            }
            assertThat(hub.count("select count(*) from manifests where code = '" + d.manifest().code() + "'")).isEqualTo(1);
        }
    }
}
