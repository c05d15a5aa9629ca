package vn.motcua.counter.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A supervisor exports the report and looks at a dossier while the window (another process) holds the folder. */
class ReadBesideWindowTest {

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void readingCommandsRunWhileAnotherProcessHoldsTheInstanceLock() throws Exception {
        Path data = dir.resolve("data");
        ChildCounter counter = new ChildCounter(data, dir.resolve("home"), dir.resolve("tmp"));
        Process window = counter.start(HoldCounter.class, dir.resolve("window"));
        try {
            ChildCounter.await(window, dir.resolve("window"), "ready");
            Path csv = dir.resolve("report.csv");

            ChildCounter.Result report = counter.run(dir.resolve("report"), "report", "--from", "2026-12-01",
                    "--to", "2026-12-31", "--format", "csv", "--out", csv.toString());
            assertThat(report.exitCode()).as(report.err()).isZero();
            assertThat(Files.readString(csv)).isNotEmpty();

            ChildCounter.Result show = counter.run(dir.resolve("show"), "dossier", "show",
                    "000.00.00.H26-261204-0001");
            assertThat(show.err()).doesNotContain("đang chạy");
            assertThat(show.err() + show.out()).contains("000.00.00.H26-261204-0001");

            ChildCounter.Result writer = counter.run(dir.resolve("writer"), "run", "--until-idle");
            assertThat(writer.err()).contains("đang chạy"); // writers still need the lock
            assertThat(window.isAlive()).isTrue();
        } finally {
            window.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }
}
