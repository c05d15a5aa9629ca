package vn.motcua.counter.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The one-instance guard between real processes: an OS lock, not the lock file's existence. */
class InstanceLockProcessTest {

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void aSecondCounterIsRefusedEvenAfterTheLockFileIsDeletedAndStartsOnceTheFirstIsKilled() throws Exception {
        Path data = dir.resolve("data");
        ChildCounter counter = new ChildCounter(data, dir.resolve("home"), dir.resolve("tmp"));
        Process first = counter.start(HoldCounter.class, dir.resolve("first"));
        try {
            ChildCounter.await(first, dir.resolve("first"), "ready");
            Files.delete(data.resolve("motcua.lock"));

            ChildCounter.Result second = counter.run(dir.resolve("second"), "run", "--until-idle");
            assertThat(second.exitCode()).as(second.err()).isEqualTo(1);
            assertThat(second.err()).contains("Motcua Counter đang chạy với thư mục dữ liệu")
                    .doesNotContain("Exception");
            assertThat(first.isAlive()).isTrue();
        } finally {
            first.destroyForcibly(); // SIGKILL: the OS releases the lock
            assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        ChildCounter.Result third = counter.run(dir.resolve("third"), "run", "--until-idle");
        assertThat(third.exitCode()).as(third.err()).isZero();
    }
}
