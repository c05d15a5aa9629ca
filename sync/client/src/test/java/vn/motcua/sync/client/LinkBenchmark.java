package vn.motcua.sync.client;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.sync.hub.support.CounterClient;
import vn.motcua.sync.hub.support.Dossiers;
import vn.motcua.sync.hub.support.FaultProxy;
import vn.motcua.sync.hub.support.TestHub;

/**
 * Goodput on a bad link, measured in one run: through {@link FaultProxy} at 1 Mbit/s each way, 300 ms one-way
 * delay, every connection cut every 60 s. The client's chunked tus (chunks grown to the measured rate; fixed
 * 256 KiB beside it) against the whole-file way of MOSIP and ODK: one request per file, and a cut starts that file
 * again from its first byte. Not in the default run:
 * {@code ./mvnw -B -Pbench verify -pl sync/client -am -Dtest='LinkBenchmark' -Dsurefire.failIfNoSpecifiedTests=false}
 */
class LinkBenchmark {
    static final long LINK = 1_000_000 / 8;
    static final int FILES = 4;
    static final int FILE_BYTES = 2_000_000;
    static final int CHUNK = 256 * 1024;

    @TempDir
    Path dir;

    @Test
    void goodputAgainstTheLinkRate() throws Exception {
        try (TestHub hub = TestHub.start(dir.resolve("hub"))) {
            double grown = run(hub, "tus, grown chunks", 4 * 1024 * 1024, 1, 1);
            double grown2 = run(hub, "tus, grown, 2 files", 4 * 1024 * 1024, 2, 2);
            double fixed = run(hub, "tus, 256 KiB chunks", CHUNK, 1, 3);
            double whole = run(hub, "whole file per request", 0, 1, 4);
            System.out.printf("RESULT goodput/link: tus grown %.3f, tus grown×2 %.3f, tus 256k %.3f, whole-file %.3f;"
                    + " grown/whole %.2f, grown×2/whole %.2f (target: tus ≥ 0.85 of the link)%n",
                    grown, grown2, fixed, whole, grown / whole, grown2 / whole);
        }
    }

    /** One delivery through a fresh proxy; {@code largestChunk} 0 is the whole-file peer. Goodput / link rate. */
    private double run(TestHub hub, String name, int largestChunk, int parallel, int n) throws Exception {
        try (FaultProxy proxy = new FaultProxy(hub.server.port(), n)) {
            Outgoing d = Fixture.dossier(dir.resolve("f" + n), Dossiers.code(8, n), 100 + n, FILES, FILE_BYTES);
            String code = Fixture.enrolmentCode(hub, "Quầy đo " + n);
            HubClient client = null;
            CounterClient peer = null;
            if (largestChunk > 0) {
                client = HubClient.builder(proxy.uri()).proxy(ProxySettings.direct())
                        .state(Fixture.sqlite(dir.resolve("b" + n + ".db"))).chunkSize(CHUNK).maxChunkSize(largestChunk)
                        .maxCuts(1000).parallelFiles(parallel)
                        .timeouts(Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(30)).build();
                client.enrol(code, "Quầy đo " + n);
            } else {
                peer = CounterClient.enrol(proxy.uri(), code, "Quầy đo " + n);
            }
            proxy.bytesPerSecond = LINK;
            proxy.delayMillis = 300;
            long taken0 = proxy.upstreamTaken.get();
            long up0 = proxy.upstream.get();
            int cuts0 = proxy.cuts.get();
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
            try {
                if (client != null) {
                    client.deliver(d.manifest(), d.filesBySha256(), null);
                } else {
                    wholeFiles(peer, d);
                }
            } finally {
                cutter.interrupt();
                if (client != null) {
                    client.close();
                }
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            long bytes = (long) FILES * FILE_BYTES;
            double goodput = bytes / seconds;
            int cuts = proxy.cuts.get() - cuts0;
            long lost = proxy.upstreamTaken.get() - taken0 - (proxy.upstream.get() - up0);
            System.out.printf("RESULT %-24s %6.1f s, goodput %7.0f B/s = %.3f of the link, %d cuts;"
                            + " upstream %.2f× the files, lost in the link at the cuts %d bytes (%.2f of a 256 KiB chunk per cut)%n",
                    name, seconds, goodput, goodput / LINK, cuts, (proxy.upstream.get() - up0) / (double) bytes,
                    lost, lost / (double) CHUNK / Math.max(1, cuts));
            return goodput / LINK;
        }
    }

    /** MOSIP's and ODK's way: each file in one request; a cut loses the request and the file goes again whole. */
    private static void wholeFiles(CounterClient peer, Outgoing d) throws Exception {
        for (Map.Entry<String, Path> f : d.filesBySha256().entrySet()) {
            byte[] bytes = Files.readAllBytes(f.getValue());
            for (int attempt = 0; ; attempt++) {
                try {
                    String location = peer.createUpload(f.getKey(), bytes.length);
                    if (peer.patch(location, 0, bytes).statusCode() == 204) {
                        break;
                    }
                } catch (IOException cut) {
                    // the link dropped: this file starts again
                }
                if (attempt == 20) {
                    throw new IllegalStateException(f.getKey() + ": not sent in 20 attempts");
                }
            }
        }
        for (int attempt = 0; ; attempt++) {
            try {
                HttpResponse<String> r = peer.put(d.manifest());
                if (r.statusCode() / 100 == 2) {
                    return;
                }
                throw new IllegalStateException("manifest: " + r.statusCode() + " " + r.body());
            } catch (IOException cut) {
                if (attempt == 20) {
                    throw cut;
                }
            }
        }
    }
}
