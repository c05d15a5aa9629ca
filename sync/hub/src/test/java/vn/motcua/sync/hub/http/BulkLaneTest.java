package vn.motcua.sync.hub.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.condition.OS.LINUX;

import java.io.ByteArrayInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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

    @Test
    void atMostOneBodyPerCoreIsWorkedOnAtOnce() throws Exception {
        int cores = Runtime.getRuntime().availableProcessors();
        AtomicInteger working = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        try (BulkLane lane = new BulkLane(); ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Integer>> uploads = new ArrayList<>();
            for (int i = 0; i < cores + 4; i++) {
                uploads.add(callers.submit(() -> lane.run(() -> {
                    InputStream body = lane.gated(new ByteArrayInputStream(new byte[5 * 1024]));
                    byte[] buffer = new byte[1024];
                    int total = 0;
                    for (int n; (n = body.read(buffer, 0, buffer.length)) >= 0; total += n) {
                        most.accumulateAndGet(working.incrementAndGet(), Math::max); // as hashing and writing a chunk
                        sleep(20);
                        working.decrementAndGet();
                    }
                    return total;
                })));
            }
            for (Future<Integer> upload : uploads) {
                assertThat(upload.get(30, TimeUnit.SECONDS)).isEqualTo(5 * 1024);
            }
        }
        assertThat(most.get()).as("bodies worked on at once, with %d cores", cores).isBetween(1, cores);
    }

    @Test
    void aBodyWaitingForItsCounterHoldsNoSlot() throws Exception {
        int cores = Runtime.getRuntime().availableProcessors();
        CountDownLatch stalled = new CountDownLatch(cores);
        CountDownLatch linkBack = new CountDownLatch(1);
        try (BulkLane lane = new BulkLane(); ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<byte[]>> slow = new ArrayList<>();
            for (int i = 0; i < cores; i++) {
                // one byte, then a link that stalls: a reader that kept its slot while waiting would take them all
                InputStream stalling = new InputStream() {
                    private boolean sent;

                    @Override
                    public int read() throws IOException {
                        if (!sent) {
                            sent = true;
                            return 7;
                        }
                        stalled.countDown();
                        try {
                            linkBack.await();
                        } catch (InterruptedException e) {
                            throw new InterruptedIOException();
                        }
                        return -1;
                    }
                };
                slow.add(callers.submit(() -> lane.run(() -> lane.gated(stalling).readAllBytes())));
            }
            try {
                assertThat(stalled.await(30, TimeUnit.SECONDS)).as("every slow body has read its byte and waits").isTrue();
                Future<byte[]> fast = callers.submit(() -> lane.run(() -> lane.gated(new ByteArrayInputStream(new byte[100_000])).readAllBytes()));
                assertThat(fast.get(30, TimeUnit.SECONDS)).hasSize(100_000);
            } finally {
                linkBack.countDown(); // also when the above fails, so that closing the executors does not wait forever
            }
            for (Future<byte[]> body : slow) {
                assertThat(body.get(30, TimeUnit.SECONDS)).containsExactly(7);
            }
        }
    }

    private static void sleep(long millis) throws InterruptedIOException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            throw new InterruptedIOException();
        }
    }
}
