package vn.motcua.counter.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/** Decision 1201: the window that sets a data folder up shows its recovery key once; the next start does not. */
class RecoveryKeyWindowTest {

    @TempDir
    Path data;

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void theFirstWindowOnANewDataFolderShowsTheRecoveryKeyAndTheNextDoesNot() throws Exception {
        try (CounterWindow first = CounterWindow.open(data, List::of)) {
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !first.recoveryKeysShown().isEmpty());
            assertThat(first.recoveryKeysShown()).singleElement().asString()
                    .matches("([A-Z2-7]{4}-){7}[A-Z2-7]{4}");
        }
        try (CounterWindow again = CounterWindow.open(data, List::of)) {
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> again.counter() != null);
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(again.recoveryKeysShown()).isEmpty();
        }
    }
}
