package vn.motcua.sync.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.sync.hub.support.ChildHub;
import vn.motcua.sync.hub.support.CounterClient;
import vn.motcua.sync.hub.support.Dossiers;
import vn.motcua.sync.hub.support.TestHub;
import vn.motcua.sync.hub.support.TestPostgres;
import vn.motcua.sync.hub.support.TestS3;
import vn.motcua.sync.wire.Sha256;

/**
 * Two hub instances in their own JVMs on loopback, over one PostgreSQL and one S3 store. Counters send through
 * both at random; one instance is killed (SIGKILL) while a large PATCH is streaming into it; the counters go on
 * through the other, resume their uploads where the hub acknowledged them, and every dossier arrives exactly once.
 */
class TwoInstancesTest {
    private static final int COUNTERS = 3;
    private static final int DOSSIERS_PER_COUNTER = 4;

    @TempDir
    Path dir;

    @Test
    void everyDossierArrivesExactlyOnceWhenAnInstanceDiesMidUpload() throws Exception {
        try (TestS3 s3 = new TestS3(Files.createDirectories(dir.resolve("s3")))) {
            Map<String, String> env = s3.env(TestHub.env(TestPostgres.newDatabase()), "province");
            env.put("MOTCUA_HUB_EXPORT_INTERVAL_SECONDS", "3600");
            ChildHub a = ChildHub.start(Files.createDirectories(dir.resolve("a")), env, dir.resolve("a.log"));
            ChildHub b = ChildHub.start(Files.createDirectories(dir.resolve("b")), env, dir.resolve("b.log"));
            try (TestHub admin = TestHub.start(Files.createDirectories(dir.resolve("admin")), env)) {
                Random random = new Random(2026);
                List<CounterClient> counters = new ArrayList<>();
                for (int i = 0; i < COUNTERS; i++) {
                    counters.add(admin.enrolCounter("Quầy " + i).via(a.base));
                }
                // 1. a large file streams slowly into A; A dies in the middle of it
                CounterClient first = counters.getFirst();
                Dossiers.Sample big = Dossiers.sample(Dossiers.code(8, 999), 999, 1, 3 * 1024 * 1024);
                byte[] bigFile = big.files().getFirst();
                String location = first.createUpload(Sha256.hex(bigFile), bigFile.length);
                assertThat(first.patch(location, 0, Arrays.copyOf(bigFile, 1024 * 1024)).statusCode()).isEqualTo(204);
                CountDownLatch halfSent = new CountDownLatch(1);
                AtomicBoolean cut = new AtomicBoolean();
                Thread slow = Thread.ofVirtual().start(() -> {
                    try {
                        HttpRequest r = first.request(location).method("PATCH", HttpRequest.BodyPublishers.ofInputStream(
                                        () -> new SlowStream(Arrays.copyOfRange(bigFile, 1024 * 1024, bigFile.length), halfSent)))
                                .header("Tus-Resumable", "1.0.0").header("Upload-Offset", Integer.toString(1024 * 1024))
                                .header("Content-Type", "application/offset+octet-stream").build();
                        CounterClient.HTTP.send(r, HttpResponse.BodyHandlers.ofString());
                    } catch (IOException | InterruptedException e) {
                        cut.set(true);
                    }
                });
                halfSent.await();
                a.kill();
                slow.join(30_000);
                assertThat(cut).isTrue();
                // 2. the counter goes on through B, from the offset the hub acknowledged
                CounterClient viaB = first.via(b.base);
                long offset = viaB.offset(location);
                assertThat(offset).isEqualTo(1024 * 1024);
                assertThat(viaB.patch(location, offset, Arrays.copyOfRange(bigFile, (int) offset, bigFile.length)).statusCode()).isEqualTo(204);
                assertThat(viaB.put(big.manifest()).statusCode()).isEqualTo(200);

                // 3. A comes back; counters send their dossiers through A or B at random, each request anew
                ChildHub a2 = ChildHub.start(dir.resolve("a"), env, dir.resolve("a2.log"));
                try {
                    URI[] instances = {a2.base, b.base};
                    List<Dossiers.Sample> sent = new ArrayList<>(List.of(big));
                    for (int d = 0; d < DOSSIERS_PER_COUNTER; d++) {
                        for (int c = 0; c < COUNTERS; c++) {
                            CounterClient counter = counters.get(c);
                            Dossiers.Sample s = Dossiers.sample(Dossiers.code(8, c * 100 + d), c * 100L + d, 2, 150_000);
                            for (byte[] f : s.files()) {
                                String loc = counter.via(instances[random.nextInt(2)]).createUpload(Sha256.hex(f), f.length);
                                for (int off = 0; off < f.length; off += 64 * 1024) {
                                    CounterClient through = counter.via(instances[random.nextInt(2)]);
                                    assertThat(through.patch(loc, off, Arrays.copyOfRange(f, off, Math.min(f.length, off + 64 * 1024))).statusCode()).isEqualTo(204);
                                }
                            }
                            // the answer is lost once in a while: the counter sends the same manifest again elsewhere
                            int times = random.nextInt(3) == 0 ? 2 : 1;
                            for (int t = 0; t < times; t++) {
                                assertThat(counter.via(instances[random.nextInt(2)]).put(s.manifest()).statusCode()).isEqualTo(200);
                            }
                            sent.add(s);
                        }
                    }
                    // 4. exactly once
                    assertThat(admin.count("select count(*) from dossiers")).isEqualTo(sent.size());
                    assertThat(admin.count("select count(*) from manifests")).isEqualTo(sent.size());
                    assertThat(admin.count("select count(*) from (select code from manifests group by code having count(*) > 1) x")).isZero();
                    assertThat(admin.count("select count(*) from exports")).isEqualTo(sent.size());
                    assertThat(admin.count("select count(*) from uploads where completed_at is null")).isZero();
                    for (Dossiers.Sample s : sent) {
                        for (byte[] f : s.files()) {
                            try (InputStream in = admin.hub.uploads().open(Sha256.hex(f))) {
                                assertThat(Sha256.hex(in.readAllBytes())).isEqualTo(Sha256.hex(f));
                            }
                        }
                    }
                } finally {
                    a2.close();
                }
            } finally {
                a.close();
                b.close();
            }
        }
    }

    /** Sends half its bytes, says so, then trickles the rest so the kill lands mid-body. */
    private static final class SlowStream extends InputStream {
        private final byte[] data;
        private final CountDownLatch half;
        private int pos;

        SlowStream(byte[] data, CountDownLatch half) {
            this.data = data;
            this.half = half;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (pos >= data.length) {
                return -1;
            }
            if (pos >= data.length / 2) {
                half.countDown();
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                len = Math.min(len, 8 * 1024);
            }
            int n = Math.min(len, data.length - pos);
            System.arraycopy(data, pos, b, off, n);
            pos += n;
            return n;
        }
    }
}
