package vn.motcua.sync.hub.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.condition.OS.LINUX;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;

class BulkLaneTest {

    @Test
    @EnabledOnOs(LINUX)
    void filesMoveOnThreadsTheKernelRunsBelowTheRest() throws IOException {
        try (BulkLane lane = new BulkLane()) {
            int hub = nice();
            int below = Math.min(19, hub + 10);
            assertThat(below).as("this test run leaves room below it (not run under nice 19)").isGreaterThan(hub);
            assertThat(lane.run(BulkLaneTest::nice)).isEqualTo(below);
            assertThat(lane.run(BulkLaneTest::nice)).as("a thread used again keeps it").isEqualTo(below);
            assertThat(nice()).as("the caller's own thread is left alone").isEqualTo(hub);
        }
    }

    @Test
    void theWorksExceptionsReachTheCallerAsThrown() {
        try (BulkLane lane = new BulkLane()) {
            assertThatThrownBy(() -> lane.run(() -> {
                throw new FileNotFoundException("gone");
            })).isExactlyInstanceOf(FileNotFoundException.class).hasMessage("gone");
            assertThatThrownBy(() -> lane.run(() -> {
                throw new IllegalStateException("refused");
            })).isExactlyInstanceOf(IllegalStateException.class).hasMessage("refused");
        }
    }

    /** The calling thread's nice value: field 19 of /proc/thread-self/stat, after the command name in brackets. */
    private static int nice() throws IOException {
        String stat = Files.readString(Path.of("/proc/thread-self/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Integer.parseInt(fields[16]);
    }
}
