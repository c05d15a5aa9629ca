package vn.motcua.sync.hub.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.condition.OS.LINUX;

import java.io.FileNotFoundException;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import vn.motcua.sync.hub.support.ThreadNice;

class BulkLaneTest {

    @Test
    @EnabledOnOs(LINUX)
    void filesMoveOnThreadsTheKernelRunsBelowTheRest() throws IOException {
        try (BulkLane lane = new BulkLane()) {
            int hub = ThreadNice.current();
            int below = Math.min(19, hub + 10);
            assertThat(below).as("this test run leaves room below it (not run under nice 19)").isGreaterThan(hub);
            assertThat(lane.run(ThreadNice::current)).isEqualTo(below);
            assertThat(lane.run(ThreadNice::current)).as("a thread used again keeps it").isEqualTo(below);
            assertThat(ThreadNice.current()).as("the caller's own thread is left alone").isEqualTo(hub);
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
}
