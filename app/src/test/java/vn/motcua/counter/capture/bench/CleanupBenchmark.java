package vn.motcua.counter.capture.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import vn.motcua.counter.capture.CleanedPage;
import vn.motcua.counter.capture.PageKind;
import vn.motcua.counter.capture.cleanup.DefaultPageCleanup;

/**
 * Clean-up alone on the pipeline benchmark's 20 pages (decoded from JPEG as there), one thread, warm JIT,
 * {@value #ROUNDS} rounds, thread CPU time per page so a busy shared machine does not inflate it. Run with
 * {@code ./mvnw -B -q -pl app -am test -Dtest=CleanupBenchmark -Dsurefire.failIfNoSpecifiedTests=false}; about
 * a minute, where {@link PipelineBenchmark} takes eight.
 */
class CleanupBenchmark {

    static final int ROUNDS = 3;

    @Test
    void cleanUpCpuTimePerPage() throws Exception {
        List<BenchPages.Spec> pages = BenchPages.specs();
        // kept as JPEG and decoded before each clean-up, as in the pipeline: twenty decoded scans do not fit 1 GB
        List<byte[]> scans = new ArrayList<>();
        for (BenchPages.Spec page : pages) {
            ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
            ImageIO.write(page.generate().image(), "jpeg", jpeg);
            scans.add(jpeg.toByteArray());
        }
        DefaultPageCleanup cleanup = new DefaultPageCleanup();
        PipelineBenchmark.warmUp(cleanup);
        var mx = ManagementFactory.getThreadMXBean();
        long[] cpu = new long[ROUNDS * scans.size()];
        PageKind[] kinds = new PageKind[scans.size()];
        double worstSkewError = 0;
        for (int round = 0; round < ROUNDS; round++) {
            for (int i = 0; i < scans.size(); i++) {
                BufferedImage scan = ImageIO.read(new ByteArrayInputStream(scans.get(i)));
                long start = mx.getCurrentThreadCpuTime();
                CleanedPage cleaned = cleanup.clean(scan, 300);
                cpu[round * scans.size() + i] = (mx.getCurrentThreadCpuTime() - start) / 1_000_000;
                kinds[i] = cleaned.kind();
                worstSkewError = Math.max(worstSkewError,
                        Math.abs(cleaned.skewDegrees() - pages.get(i).scan().skewDegrees()));
            }
        }
        StringBuilder byKind = new StringBuilder();
        for (PageKind kind : PageKind.values()) {
            long[] of = new long[0];
            for (int k = 0; k < cpu.length; k++) {
                if (kinds[k % scans.size()] == kind) {
                    of = Arrays.copyOf(of, of.length + 1);
                    of[of.length - 1] = cpu[k];
                }
            }
            byKind.append(String.format(" %s %.0f ms", kind, Arrays.stream(of).average().orElse(0)));
        }
        long[] sorted = cpu.clone();
        Arrays.sort(sorted);
        String report = String.format("clean-up alone, %d pages x %d rounds, one thread: CPU mean %.0f ms median %d ms"
                        + " max %d ms   (target <= 150)%nby kind:%s%nworst skew error %.3f deg (test bound 0.2)%n",
                scans.size(), ROUNDS, Arrays.stream(cpu).average().orElse(0), sorted[sorted.length / 2],
                sorted[sorted.length - 1], byKind, worstSkewError);
        System.out.println(report);
        Files.createDirectories(PipelineBenchmark.OUT);
        Files.writeString(PipelineBenchmark.OUT.resolve("cleanup.txt"), report);
        assertThat(worstSkewError).isLessThan(0.2);
    }
}
