package vn.motcua.counter.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./motcua} as a named account from outside the process (decision 1301): the passwords come from the real
 * environment, and a script without one gets one line saying what to set instead of waiting for a console.
 */
class NamedAccountProcessTest {

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void aScriptRunsAsItsAccountWithThePasswordFromTheEnvironment() throws Exception {
        Path data = dir.resolve("data");
        String[] report = {"--account", "quantri", "report", "--from", "2026-12-01", "--to", "2026-12-31",
                "--format", "csv", "--out", dir.resolve("r.csv").toString()};

        ChildCounter.Result made = new ChildCounter(data, dir.resolve("home"), dir.resolve("tmp"))
                .environment("MOTCUA_NEW_PASSWORD", "quan-tri-123")
                .run(dir.resolve("add"), "account", "add", "--name", "quantri", "--role", "it-admin");
        assertThat(made.exitCode()).as(made.err()).isZero();

        ChildCounter.Result signed = new ChildCounter(data, dir.resolve("home"), dir.resolve("tmp"))
                .environment("MOTCUA_PASSWORD", "quan-tri-123").run(dir.resolve("signed"), report);
        assertThat(signed.exitCode()).as(signed.err()).isZero();
        assertThat(dir.resolve("r.csv")).exists();

        ChildCounter.Result noPassword = new ChildCounter(data, dir.resolve("home"), dir.resolve("tmp"))
                .run(dir.resolve("none"), report);
        assertThat(noPassword.exitCode()).isEqualTo(1);
        assertThat(noPassword.err()).contains("MOTCUA_PASSWORD").doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(noPassword.err().lines().count()).as(noPassword.err()).isLessThanOrEqualTo(2);
    }
}
