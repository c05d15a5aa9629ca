package vn.motcua.sync.client;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.sync.hub.support.Dossiers;
import vn.motcua.sync.hub.support.FaultProxy;
import vn.motcua.sync.hub.support.TestHub;

/**
 * Goodput on a bad link, measured in one run: through {@link FaultProxy} at 1 Mbit/s each way, 300 ms one-way
 * delay, every connection cut every 60 s. Chunked tus (256 KiB chunks, one file at a time and two at once) beside a whole-file upload
 * (one request per file, a cut restarts the file from zero: MOSIP's and ODK's way). Not in the default run:
 * {@code ./mvnw -B -Pbench verify -pl sync/client -am -Dtest='LinkBenchmark' -Dsurefire.failIfNoSpecifiedTests=false}
 */
class LinkBenchmark {
    static final long LINK = 1_000_000 / 8;
    static final int FILES = 4;
    static final int FILE_BYTES = 2_000_000;

    @TempDir
    Path dir;

    @Test
    void goodputAgainstTheLinkRate() throws Exception {
        try (TestHub hub = TestHub.start(dir.resolve("hub"))) {
            double c256 = run(hub, "tus 256 KiB chunks", 256 * 1024, 1, 1);
            double par = run(hub, "tus 256 KiB, 2 files", 256 * 1024, 2, 2);
            double whole = run(hub, "whole file per request", FILE_BYTES + 1, 1, 3);
            System.out.printf("RESULT goodput/link: tus256k %.3f, tus256k×2 %.3f, whole-file %.3f; tus256k/whole %.2f, tus256k×2/whole %.2f%n",
                    c256, par, whole, c256 / whole, par / whole);
        }
    }

    private double run(TestHub hub, String name, int chunk, int parallel, int n) throws Exception {
        try (FaultProxy proxy = new FaultProxy(hub.server.port(), n);
             HubClient client = HubClient.builder(proxy.uri()).proxy(ProxySettings.direct())
                     .state(Fixture.sqlite(dir.resolve("b" + n + ".db"))).chunkSize(chunk).maxCuts(1000).parallelFiles(parallel)
                     .timeouts(Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(30)).build()) {
            client.enrol(Fixture.enrolmentCode(hub, "Quầy đo " + n), "Quầy đo " + n);
            Outgoing d = Fixture.dossier(dir.resolve("f" + n), Dossiers.code(8, n), 100 + n, FILES, FILE_BYTES);
            proxy.bytesPerSecond = LINK;
            proxy.delayMillis = 300;
            long up0 = proxy.upstream.get();
            Thread cutter = Thread.ofPlatform().daemon().start(() -> {
                try {
                    while (true) {
                        Thread.sleep(60_000);
                        proxy.cutAll();
                    }
                } catch (InterruptedException ignored) {
                    Thread.currentThread().interrupt();
                }
            });
            long t0 = System.nanoTime();
            client.deliver(d.manifest(), d.filesBySha256(), null);
            double seconds = (System.nanoTime() - t0) / 1e9;
            cutter.interrupt();
            long bytes = (long) FILES * FILE_BYTES;
            double goodput = bytes / seconds;
            System.out.printf("RESULT %-24s %6.1f s, goodput %7.0f B/s = %.3f of the link, %d cuts, %d bytes sent upstream (%.2f× the files)%n",
                    name, seconds, goodput, goodput / LINK, proxy.cuts.get(), proxy.upstream.get() - up0,
                    (proxy.upstream.get() - up0) / (double) bytes);
            return goodput / LINK;
        }
    }
}
