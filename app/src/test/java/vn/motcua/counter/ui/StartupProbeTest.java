package vn.motcua.counter.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The start-up benchmark's clock: milliseconds since this process started (decision 0903). */
class StartupProbeTest {

    @Test
    void readsTheStartFromProcStatAgainstTheUptime() {
        // a command name with spaces and parentheses; start 1234567 ticks (12,345.67 s) after the boot
        String stat = "4242 (java (x) y) S 1 4242 4242 0 -1 4194560 100 0 0 0 5 3 0 0 20 0 30 0 1234567 "
                + "4000000 9000 18446744073709551615 1 1 0 0 0 0 0 4096 17663 0 0 0 17 1 0 0 0 0 0\n";
        assertThat(StartupProbe.sinceStart(stat, "12347.50 3000.00\n")).isEqualTo(1830);
    }

    @Test
    void onLinuxTheProcessStartedBeforeItsJvmAndNotASecondEarlier() {
        if (!Files.isReadable(Path.of("/proc/self/stat"))) {
            return;   // elsewhere ProcessHandle's start, which is exact
        }
        long jvmUp = ManagementFactory.getRuntimeMXBean().getUptime();
        long since = StartupProbe.sinceStart();
        // ProcessHandle's start on Linux was up to 1 s early (boot time rounded to the second); 10 ms ticks
        assertThat(since).isBetween(jvmUp - 20, ManagementFactory.getRuntimeMXBean().getUptime() + 1000);
    }
}
