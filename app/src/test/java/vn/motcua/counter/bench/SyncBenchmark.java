package vn.motcua.counter.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.motcua.counter.TestCounter;
import vn.motcua.counter.application.ReceptionRequest;
import vn.motcua.counter.bootstrap.CounterWiring;
import vn.motcua.counter.domain.Document;
import vn.motcua.counter.domain.DossierCode;
import vn.motcua.counter.domain.Page;
import vn.motcua.sync.hub.support.TestHub;

/**
 * Issue 13's two sync targets on loopback against the real hub over PostgreSQL (bench profile only): a dossier
 * received while online is on the hub within 5 s of its receipt (p95), and sending never slows the counter: the
 * reception's time while a large backlog drains stays within 10 % of the same counter's time once it has drained.
 * OCR is off ({@code ocr.workers=0}) as in the tests: clean-up and the electronic copies still run before sending.
 */
class SyncBenchmark {

    /** The one setting beside {@link TestCounter#hubSettings}: a system property, which settings take first. */
    private static final String BANDWIDTH = "motcua.sync.bandwidth";
    private static final String DEAD_LINK = "http://127.0.0.1:9/";

    @AfterEach
    void clear() {
        System.clearProperty(BANDWIDTH);
    }

    @Test
    void aDossierReceivedOnlineReachesTheHubWithinFiveSeconds() throws Exception {
        Path data = Files.createTempDirectory("motcua-bench-sync-latency");
        try (TestHub hub = TestHub.start(Files.createTempDirectory("motcua-bench-hub"));
             CounterWiring counter = open(data, hub, hub.base.toString(), 0)) {
            TestCounter.awaitEnrolled(counter);
            List<Double> latencies = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                DossierCode code = counter.reception().receive(TestCounter.request(counter, i), counter.profile())
                        .dossier().code();
                long received = System.nanoTime();
                while (hub.count("select count(*) from manifests where code = '" + code.value() + "'") == 0) {
                    assertThat(System.nanoTime() - received).as("on the hub within a minute")
                            .isLessThan(Duration.ofMinutes(1).toNanos());
                    Thread.sleep(20);
                }
                if (i >= 5) {   // the first ones warm up the JIT and the hub's connections
                    latencies.add((System.nanoTime() - received) / 1e6);
                }
            }
            print("receipt to manifest on the hub, one dossier at a time (2 pages, clean-up and copies first)",
                    latencies, 5_000);
        }
    }

    @Test
    void sendingABacklogDoesNotSlowReception() throws Exception {
        Path data = Files.createTempDirectory("motcua-bench-sync-backlog");
        try (TestHub hub = TestHub.start(Files.createTempDirectory("motcua-bench-hub"))) {
            try (CounterWiring counter = open(data, hub, hub.base.toString(), 0)) {
                TestCounter.awaitEnrolled(counter);
                counter.pipeline().pause();
            }
            // the backlog: received while the link was down, its copies made, only the sending left
            try (CounterWiring counter = open(data, hub, DEAD_LINK, 0)) {
                for (int i = 0; i < 40; i++) {
                    counter.reception().receive(large(counter, i), counter.profile());
                }
                assertThat(counter.pipeline().awaitIdle(Duration.ofMinutes(10))).isTrue();
            }
            long bandwidth = 1_000_000;   // bytes/s: a good 3G/4G link, so the backlog lasts through the first phase
            try (CounterWiring counter = open(data, hub, hub.base.toString(), bandwidth)) {
                for (int i = 0; i < 10; i++) {   // warm-up
                    counter.reception().receive(TestCounter.request(counter, 1000 + i), counter.profile());
                }
                List<Double> draining = receive(counter, 2000);
                int stillWaiting = counter.syncing().overview().waiting();
                assertThat(stillWaiting).as("the backlog was still draining").isGreaterThan(5);
                long manifestsBefore = hub.count("select count(*) from manifests");
                assertThat(counter.pipeline().awaitIdle(Duration.ofMinutes(10))).isTrue();
                List<Double> drained = receive(counter, 3000);
                print("reception saved while a 40-dossier backlog of ~3 MB each drains at 1 MB/s"
                        + " (" + stillWaiting + " still waiting at the end, " + manifestsBefore + " manifests on the hub)",
                        draining, 0);
                print("reception saved, same counter, nothing left to send", drained, 0);
                System.out.printf("BENCH reception while draining / drained: median %.2f, p95 %.2f (target <= 1.10)%n",
                        median(draining) / median(drained), p95(draining) / p95(drained));
            }
        }
    }

    /** 30 receptions, one every 300 ms (a busy counter), each timed from the call to the saved receipt. */
    private static List<Double> receive(CounterWiring counter, int labels) throws InterruptedException {
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            ReceptionRequest request = TestCounter.request(counter, labels + i);
            long start = System.nanoTime();
            counter.reception().receive(request, counter.profile());
            times.add((System.nanoTime() - start) / 1e6);
            Thread.sleep(300);
        }
        return times;
    }

    /** A dossier of two ~1.5 MB pages of noise (incompressible, as a colour scan at 300 dpi is nearly). */
    private static ReceptionRequest large(CounterWiring counter, int label) throws Exception {
        ReceptionRequest small = TestCounter.request(counter, label);
        Random random = new Random(label);
        List<Document> documents = new ArrayList<>();
        for (Document d : small.documents()) {
            BufferedImage noise = new BufferedImage(900, 560, BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < noise.getHeight(); y++) {
                for (int x = 0; x < noise.getWidth(); x++) {
                    noise.setRGB(x, y, random.nextInt(0x1000000));
                }
            }
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(noise, "png", png);
            Page page = counter.reception().storePage(png.toByteArray(), Page.PageSource.SCANNED);
            documents.add(new Document(d.component(), List.of(page)));
        }
        return new ReceptionRequest(small.applicant(), counter.catalogue().procedure("1.004873").orElseThrow(),
                small.processingTime(), documents);
    }

    private static CounterWiring open(Path data, TestHub hub, String url, long bandwidth) throws Exception {
        String enrolment = hub.hub.counters().createEnrolmentCode(TestCounter.AGENCY + "-1", "bench").code();
        System.setProperty(BANDWIDTH, Long.toString(bandwidth));
        CounterWiring counter = CounterWiring.open(TestCounter.hubSettings(data, url, enrolment),
                Clock.systemDefaultZone());
        counter.pipeline().start();   // as the window does while it is open
        return counter;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static double p95(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get((int) Math.ceil(sorted.size() * 0.95) - 1);
    }

    /** {@code targetMs} 0: no target of its own (compared by ratio). */
    private static void print(String what, List<Double> ms, double targetMs) {
        double p95 = p95(ms);
        System.out.printf("BENCH %s: median %.1f ms, p95 %.1f ms over %d%s%n", what, median(ms), p95, ms.size(),
                targetMs == 0 ? "" : String.format(" (target p95 <= %.0f ms) %s", targetMs,
                        p95 <= targetMs ? "MET" : "NOT MET"));
    }
}
