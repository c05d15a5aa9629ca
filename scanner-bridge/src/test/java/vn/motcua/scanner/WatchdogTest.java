package vn.motcua.scanner;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Fault injection: drivers that hang (ignoring interrupts, like a native call) or throw. No peer can be made to
 * do this on demand except saned (see SaneWatchdogTest), so these drivers stand in for misbehaving TWAIN/WIA code.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class WatchdogTest {

    private static final Watchdog QUICK = new Watchdog(Duration.ofMillis(500), Duration.ofMillis(500),
            Duration.ofMillis(500), Duration.ofMillis(300));
    private static final ScanSettings SETTINGS = ScanSettings.defaults().withDpi(100);

    /** Released after each test so abandoned driver threads end. */
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void releaseHungThreads() {
        release.countDown();
    }

    private enum Fault { NONE, HANG_ON_PAGE_3, THROW_ON_PAGE_3, ERROR_ON_PAGE_3, HANG_ON_OPEN, HANG_ON_DISCOVER,
        IGNORE_CANCEL }

    private final class FaultyDriver implements ScannerDriver {
        private final Fault fault;
        private final String name;

        FaultyDriver(String name, Fault fault) {
            this.name = name;
            this.fault = fault;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public List<ScannerDevice> discover() {
            if (fault == Fault.HANG_ON_DISCOVER) {
                hangUninterruptibly();
            }
            return List.of(ScannerDevice.of(name, "one", "Faulty " + name));
        }

        @Override
        public ScannerCapabilities capabilities(ScannerDevice device) {
            return new ScannerCapabilities(Set.of(PaperSource.FEEDER), List.of(100), Set.of(ColorMode.GRAY), 216,
                    356);
        }

        @Override
        public ScanSession open(ScannerDevice device, ScanSettings settings) {
            if (fault == Fault.HANG_ON_OPEN) {
                hangUninterruptibly();
            }
            return new ScanSession() {
                private int page;

                @Override
                public Optional<ScannedPage> nextPage() {
                    page++;
                    if (page == 3) {
                        switch (fault) {
                            case HANG_ON_PAGE_3, IGNORE_CANCEL -> hangUninterruptibly();
                            case THROW_ON_PAGE_3 -> throw new IllegalStateException("driver bug");
                            case ERROR_ON_PAGE_3 -> throw new StackOverflowError("driver bug");
                            default -> { }
                        }
                    }
                    if (page > 5) {
                        return Optional.empty();
                    }
                    return Optional.of(new ScannedPage(new BufferedImage(10, 10, BufferedImage.TYPE_BYTE_GRAY),
                            page, page, Side.FRONT, 100, ColorMode.GRAY));
                }

                @Override
                public void cancel() {
                    if (fault == Fault.IGNORE_CANCEL) {
                        hangUninterruptibly();
                    }
                }

                @Override
                public void close() {
                    if (fault == Fault.HANG_ON_PAGE_3) {
                        hangUninterruptibly();
                    }
                }
            };
        }
    }

    private void hangUninterruptibly() {
        while (true) {
            try {
                if (release.await(60, TimeUnit.SECONDS)) {
                    return;
                }
            } catch (InterruptedException ignored) {
                // a native call would not notice either
            }
        }
    }

    private ScanResult scan(Fault fault, RecordingListener listener) throws Exception {
        ScannerBridge bridge = new ScannerBridge(List.of(new FaultyDriver("faulty", fault)), QUICK);
        return bridge.scan(bridge.device("faulty:one"), SETTINGS, listener).await(Duration.ofSeconds(10));
    }

    @Test
    void aHungPageIsReportedAndThePagesBeforeItStay() throws Exception {
        RecordingListener listener = new RecordingListener();
        long start = System.nanoTime();

        ScanResult result = scan(Fault.HANG_ON_PAGE_3, listener);

        assertThat(result.error()).isEqualTo(ScanError.DRIVER_HUNG);
        assertThat(result.pages()).isEqualTo(2);
        assertThat(listener.pageNumbers()).containsExactly(1, 2);
        // page limit + a close that hangs too (bounded by the cancel grace), with slack for a busy machine
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
    }

    @Test
    void aDriverThatThrowsIsReportedCrashedAndThePagesBeforeItStay() throws Exception {
        RecordingListener listener = new RecordingListener();

        ScanResult result = scan(Fault.THROW_ON_PAGE_3, listener);

        assertThat(result.error()).isEqualTo(ScanError.DRIVER_CRASHED);
        assertThat(listener.pageNumbers()).containsExactly(1, 2);
    }

    @Test
    void evenAnErrorFromTheDriverDoesNotEscape() throws Exception {
        ScanResult result = scan(Fault.ERROR_ON_PAGE_3, new RecordingListener());

        assertThat(result.error()).isEqualTo(ScanError.DRIVER_CRASHED);
        assertThat(result.pages()).isEqualTo(2);
    }

    @Test
    void aHungOpenIsReported() throws Exception {
        ScanResult result = scan(Fault.HANG_ON_OPEN, new RecordingListener());

        assertThat(result.error()).isEqualTo(ScanError.DRIVER_HUNG);
        assertThat(result.pages()).isZero();
    }

    @Test
    void cancelEndsTheJobEvenWhenTheDriverIgnoresIt() throws Exception {
        ScannerBridge bridge = new ScannerBridge(List.of(new FaultyDriver("faulty", Fault.IGNORE_CANCEL)),
                QUICK.withPage(Duration.ofSeconds(20)));
        RecordingListener listener = new RecordingListener();
        ScanJob job = bridge.scan(bridge.device("faulty:one"), SETTINGS, listener);
        while (listener.pages.size() < 2) {
            Thread.sleep(10);
        }
        Thread.sleep(100);
        long start = System.nanoTime();

        job.cancel();
        ScanResult result = job.await(Duration.ofSeconds(10));

        assertThat(result.state()).isEqualTo(ScanJobState.CANCELLED);
        assertThat(result.pages()).isEqualTo(2);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void aHungDiscoveryDoesNotHideTheOtherDrivers() {
        ScannerBridge bridge = new ScannerBridge(List.of(new FaultyDriver("stuck", Fault.HANG_ON_DISCOVER),
                new FaultyDriver("fine", Fault.NONE)), QUICK);

        ScannerBridge.Discovery discovery = bridge.discover();

        assertThat(discovery.devices()).extracting(ScannerDevice::id).containsExactly("fine:one");
        assertThat(discovery.failedDrivers()).containsEntry("stuck", ScanError.DRIVER_HUNG);
    }

    @Test
    void aPageTheAppCannotStoreEndsTheJob() throws Exception {
        RecordingListener failingStore = new RecordingListener() {
            @Override
            public void pageScanned(ScannedPage page) throws Exception {
                if (page.pageNumber() == 2) {
                    throw new java.io.IOException("disk full");
                }
                super.pageScanned(page);
            }
        };

        ScanResult result = scan(Fault.NONE, failingStore);

        assertThat(result.error()).isEqualTo(ScanError.PAGE_NOT_STORED);
        assertThat(result.pages()).isEqualTo(1);
    }
}
