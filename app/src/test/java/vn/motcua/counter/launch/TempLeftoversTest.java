package vn.motcua.counter.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Killed runs leave nothing in the system temp folder: no copies of SQLite's native library, no ImageIO cache. */
class TempLeftoversTest {

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void killedCountersLeaveNothingInTheTempFolderAndTheirNativeCopiesAreCleaned() throws Exception {
        Path data = dir.resolve("data");
        Path tmp = dir.resolve("tmp");
        ChildCounter counter = new ChildCounter(data, dir.resolve("home"), tmp);
        for (int run = 1; run <= 3; run++) {
            Process child = counter.start(HoldCounter.class, dir.resolve("run" + run));
            ChildCounter.await(child, dir.resolve("run" + run), "ready");
            child.destroyForcibly(); // SIGKILL: no deleteOnExit runs
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(list(tmp)).as("system temp folder").noneMatch(n -> n.startsWith("sqlite-") || n.startsWith("imageio"));
        // the next start removes the copies of killed runs: only the last (killed) run's folder is left
        assertThat(list(data.resolve("native")))
                .hasSizeLessThanOrEqualTo(1);
    }

    private static List<String> list(Path folder) throws Exception {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }
}
