package vn.motcua.scanner.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.scanner.ColorMode;
import vn.motcua.scanner.PageThumbnails;
import vn.motcua.scanner.PaperSize;
import vn.motcua.scanner.PaperSource;
import vn.motcua.scanner.ScanListener;
import vn.motcua.scanner.ScanResult;
import vn.motcua.scanner.ScanSettings;
import vn.motcua.scanner.ScannedPage;
import vn.motcua.scanner.ScannerBridge;
import vn.motcua.scanner.sane.SaneCredentials;
import vn.motcua.scanner.sane.SaneDriver;
import vn.motcua.scanner.sane.SaneHost;
import vn.motcua.scanner.testing.SanedProcess;

/**
 * Targets from the issue, measured in one run against one saned (test backend, 10-sheet feeder, A4):
 * our 10-page batch at 300 dpi grey against {@code scanimage --batch} through SANE's net backend, alternating,
 * and the thumbnail time per page. Run with {@code ./mvnw -B -pl scanner-bridge -Pbench verify}; add
 * {@code -Dbench.enforce=true} to fail when a target is missed.
 *
 * <p>scanimage's net backend cannot be given a port, so saned runs on 6566 here; stop a system saned first.
 * Our batch ends when the 10th page has been handed to the listener (in memory); scanimage's when the 10th PNM
 * file is written. Thumbnail time runs from the hand-over to the finished thumbnail on two other threads, as in
 * the app, in five further batches of ours (kept out of the ratio: scanimage makes no thumbnails); the hand-over
 * follows the page's last byte after only the driver's image conversion (none for grey from saned).
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class SaneBatchBenchmark {

    private static final int ROUNDS = 5;
    private static final ScanSettings SETTINGS = new ScanSettings(PaperSource.FEEDER, 300, ColorMode.GRAY,
            PaperSize.A4);

    @TempDir
    Path work;

    @Test
    void batchAgainstScanimageAndThumbnailLatency() throws Exception {
        try (ServerSocket probe = new ServerSocket(6566, 1, InetAddress.getLoopbackAddress())) {
            probe.setReuseAddress(true);
        } catch (IOException busy) {
            throw new IllegalStateException("port 6566 is taken (a system saned?); the benchmark needs it", busy);
        }
        Path netConfig = Files.createDirectories(work.resolve("net.d"));
        Files.writeString(netConfig.resolve("dll.conf"), "net\n");
        Files.writeString(netConfig.resolve("net.conf"), "127.0.0.1\nconnect_timeout = 3\n");
        List<Long> ours = new ArrayList<>();
        List<Long> theirs = new ArrayList<>();
        List<Long> withThumbnails = new ArrayList<>();
        Timings timings = new Timings();
        try (SanedProcess saned = SanedProcess.start(work, 6566);
             ScannerBridge bridge = new ScannerBridge(List.of(new SaneDriver(List.of(new SaneHost("127.0.0.1",
                     6566)), SaneCredentials.none())))) {
            var device = bridge.device("sane:net:127.0.0.1:test:0");
            // Warm-up: JIT for us, page cache and saned's first fork for both.
            runOurs(bridge, device, false, new Timings());
            runScanimage(netConfig, work.resolve("warm"));
            for (int round = 0; round < ROUNDS; round++) {
                ours.add(runOurs(bridge, device, false, timings));
                theirs.add(runScanimage(netConfig, work.resolve("round" + round)));
            }
            for (int round = 0; round < ROUNDS; round++) {
                withThumbnails.add(runOurs(bridge, device, true, timings));
            }
        }
        long ourMedian = median(ours);
        long theirMedian = median(theirs);
        long thumbnailMax = Collections.max(timings.thumbnails);
        double ratio = (double) ourMedian / theirMedian;
        System.out.printf("%nBENCH sane 10 pages 300 dpi grey: ours median %d ms %s, scanimage --batch median %d ms"
                + " %s, ratio %.2f (target <= 1.20) %s%n", ourMedian, ours, theirMedian, theirs, ratio,
                ratio <= 1.2 ? "MET" : "MISSED");
        System.out.printf("BENCH sane phases (ours): connect+open+options+first page median %d ms, each further"
                + " page (start, read, hand-over) median %d ms, max %d ms; last page to job end median %d ms%n",
                median(timings.firstPages), median(timings.laterPages), Collections.max(timings.laterPages),
                median(timings.endings));
        System.out.printf("BENCH thumbnail after page delivery: max %d ms, median %d ms over %d pages"
                + " (target <= 300 ms) %s; those batches took median %d ms %s%n%n", thumbnailMax,
                median(timings.thumbnails), timings.thumbnails.size(), thumbnailMax <= 300 ? "MET" : "MISSED",
                median(withThumbnails), withThumbnails);
        if (Boolean.getBoolean("bench.enforce")) {
            assertThat(ratio).isLessThanOrEqualTo(1.2);
            assertThat(thumbnailMax).isLessThanOrEqualTo(300);
        }
    }

    /** Inside our batches: the first page after the start, gaps between later pages, the time after the last. */
    private static final class Timings {
        final List<Long> firstPages = new ArrayList<>();
        final List<Long> laterPages = new ArrayList<>();
        final List<Long> endings = new ArrayList<>();
        final List<Long> thumbnails = java.util.Collections.synchronizedList(new ArrayList<>());
    }

    /**
     * One batch; the listener keeps each page in memory. With {@code thumbnails}, it also hands each page to a
     * thumbnail thread as the app does; those rounds measure the thumbnail target and are kept out of the batch
     * ratio, since scanimage makes no thumbnails and on this 2-core machine that thread competes with the scan.
     */
    private static long runOurs(ScannerBridge bridge, vn.motcua.scanner.ScannerDevice device, boolean thumbnails,
                                Timings timings) throws Exception {
        List<ScannedPage> kept = new ArrayList<>();
        List<Long> arrivals = new ArrayList<>();
        // Two threads, like the app's background pool that makes the checklist's thumbnails.
        java.util.concurrent.ExecutorService thumbnailer = java.util.concurrent.Executors.newFixedThreadPool(2);
        ScanListener listener = page -> {
            long arrived = System.nanoTime();
            arrivals.add(arrived);
            kept.add(page);
            if (thumbnails) {
                thumbnailer.execute(() -> {
                    PageThumbnails.of(page.image(), 160);
                    timings.thumbnails.add((System.nanoTime() - arrived) / 1_000_000);
                });
            }
        };
        long start = System.nanoTime();
        ScanResult result = bridge.scan(device, SETTINGS, listener).await(Duration.ofMinutes(2));
        long millis = (System.nanoTime() - start) / 1_000_000;
        thumbnailer.shutdown();
        thumbnailer.awaitTermination(1, TimeUnit.MINUTES);
        if (!result.isCompleted() || kept.size() != 10) {
            throw new AssertionError("our batch: " + result + ", " + kept.size() + " pages");
        }
        if (!thumbnails) {
            timings.firstPages.add((arrivals.getFirst() - start) / 1_000_000);
            timings.endings.add(millis - (arrivals.getLast() - start) / 1_000_000);
            for (int i = 1; i < arrivals.size(); i++) {
                timings.laterPages.add((arrivals.get(i) - arrivals.get(i - 1)) / 1_000_000);
            }
        }
        return millis;
    }

    private static long runScanimage(Path netConfig, Path out) throws Exception {
        Files.createDirectories(out);
        ProcessBuilder builder = new ProcessBuilder("scanimage", "-d", "net:127.0.0.1:test:0", "--source",
                "Automatic Document Feeder", "--mode", "Gray", "--resolution", "300", "-x", "210", "-y", "297",
                "--format=pnm", "--batch=p%d.pnm").directory(out.toFile()).redirectErrorStream(true)
                .redirectOutput(out.resolve("scanimage.log").toFile());
        builder.environment().put("SANE_CONFIG_DIR", netConfig.toString());
        long start = System.nanoTime();
        Process process = builder.start();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("scanimage hung");
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        try (var files = Files.list(out)) {
            long pages = files.filter(f -> f.toString().endsWith(".pnm")).count();
            if (pages != 10) {
                throw new AssertionError("scanimage gave " + pages + " pages: "
                        + Files.readString(out.resolve("scanimage.log")));
            }
        }
        return millis;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
