package vn.motcua.scanner.sane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import vn.motcua.scanner.ColorMode;
import vn.motcua.scanner.PaperSize;
import vn.motcua.scanner.PaperSource;
import vn.motcua.scanner.RecordingListener;
import vn.motcua.scanner.ScanError;
import vn.motcua.scanner.ScanException;
import vn.motcua.scanner.ScanJobState;
import vn.motcua.scanner.ScanResult;
import vn.motcua.scanner.ScanSettings;
import vn.motcua.scanner.ScannerBridge;
import vn.motcua.scanner.ScannerDevice;
import vn.motcua.scanner.testing.SanedProcess;

/** Against a real saned whose {@code saned.users} protects the test backend. */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class SaneAuthorizationTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    /** Not ASCII, so the test also shows both sides hash the same UTF-8 bytes. */
    private static final String PASSWORD = "mật-khẩu-2026";
    private static final ScanSettings FEEDER = new ScanSettings(PaperSource.FEEDER, 100, ColorMode.GRAY,
            PaperSize.A4);
    /** The test backend's feeder holds 10 sheets; NO_DOCS before page 4 makes it a 3-sheet batch. */
    private static final SaneOptionOverrides THREE_SHEETS = page -> page == 4
            ? Map.of("read-return-value", "SANE_STATUS_NO_DOCS") : Map.of();

    @TempDir
    static Path work;
    @TempDir
    Path home;
    private static SanedProcess saned;
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger scannerLogger = (Logger) LoggerFactory.getLogger("vn.motcua.scanner");
    private Level levelBefore;

    @BeforeAll
    static void startSaned() throws Exception {
        saned = SanedProcess.startRequiringLogin(work, List.of("scan:" + PASSWORD + ":test"));
    }

    @AfterAll
    static void stopSaned() throws Exception {
        if (saned != null) {
            saned.stop();
        }
    }

    @BeforeEach
    void captureEveryLogLine() {
        levelBefore = scannerLogger.getLevel();
        scannerLogger.setLevel(Level.ALL);
        log.start();
        scannerLogger.addAppender(log);
    }

    @AfterEach
    void passwordNeverLogged() {
        scannerLogger.detachAppender(log);
        scannerLogger.setLevel(levelBefore);
        assertThat(log.list).as("the log of the run").isNotEmpty();
        assertThat(logText()).doesNotContain(PASSWORD);
    }

    private String logText() {
        return log.list.stream().map(event -> event.getFormattedMessage()
                        + (event.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(event.getThrowableProxy())))
                .collect(Collectors.joining("\n"));
    }

    private Path passFile(String... lines) throws Exception {
        Path file = Files.createDirectories(home.resolve(".sane")).resolve("pass");
        Files.write(file, List.of(lines));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }

    private static ScannerBridge bridge(SaneCredentials credentials) {
        return new ScannerBridge(List.of(new SaneDriver(List.of(new SaneHost("127.0.0.1", saned.port())),
                Duration.ofSeconds(2), Duration.ofSeconds(30), THREE_SHEETS, credentials)));
    }

    private static ScannerDevice testDevice(ScannerBridge bridge) throws ScanException {
        return bridge.device("sane:net:127.0.0.1:" + saned.port() + ":test:0");
    }

    @Test
    void theRightPasswordFromAScanimagePassFileScansTheBatch() throws Exception {
        // scanimage's resource name for this saned: net:HOST[:PORT]:backend.
        Path file = passFile("other:nope:net:127.0.0.1:" + saned.port() + ":pixma",
                "scan:" + PASSWORD + ":net:127.0.0.1:" + saned.port() + ":test");
        try (ScannerBridge bridge = bridge(SaneCredentials.fromFile(file))) {
            RecordingListener listener = new RecordingListener();

            ScanResult result = bridge.scan(testDevice(bridge), FEEDER, listener).await(WAIT);

            assertThat(result.state()).as(result.toString()).isEqualTo(ScanJobState.COMPLETED);
            assertThat(listener.pageNumbers()).containsExactly(1, 2, 3);
            assertThat(listener.pages).allSatisfy(page -> assertThat(page.image().getWidth()).isBetween(826, 827));
        }
        assertThat(logText()).contains("asks to authorise test: answering as user 'scan'");
    }

    @Test
    void aBareBackendNameInTheFileServesAnyHost() throws Exception {
        Path file = passFile("scan:" + PASSWORD + ":test");
        try (ScannerBridge bridge = bridge(SaneCredentials.fromFile(file))) {
            assertThat(bridge.capabilities(testDevice(bridge)).sources()).contains(PaperSource.FEEDER);
        }
    }

    @Test
    void aWrongPasswordIsRefusedWithAMessageForItStaff() throws Exception {
        Path file = passFile("scan:" + PASSWORD + "-old:test");
        try (ScannerBridge bridge = bridge(SaneCredentials.fromFile(file))) {
            RecordingListener listener = new RecordingListener();

            ScanResult result = bridge.scan(testDevice(bridge), FEEDER, listener).await(WAIT);

            assertThat(result.state()).isEqualTo(ScanJobState.FAILED);
            assertThat(result.error()).isEqualTo(ScanError.ACCESS_DENIED);
            assertThat(result.error().retryable()).isFalse();
            assertThat(result.pages()).isZero();
            assertThat(result.detail()).contains("saned refused", "as user 'scan'").doesNotContain(PASSWORD);
            assertThat(result.error().message(Locale.forLanguageTag("vi-VN")))
                    .contains("tên đăng nhập và mật khẩu", "CNTT", "~/.sane/pass");
            assertThat(result.error().message(Locale.ENGLISH)).contains("user name and password", "IT staff");
        }
    }

    @Test
    void withoutAPassFileTheScannerIsListedButRefused() throws Exception {
        try (ScannerBridge bridge = bridge(SaneCredentials.fromFile(home.resolve(".sane/pass")))) {
            // Listing devices needs no login; opening one does.
            assertThat(bridge.discover().devices()).extracting(ScannerDevice::id)
                    .contains("sane:net:127.0.0.1:" + saned.port() + ":test:0");

            ScanResult result = bridge.scan(testDevice(bridge), FEEDER, new RecordingListener()).await(WAIT);

            assertThat(result.error()).isEqualTo(ScanError.ACCESS_DENIED);
            assertThat(result.detail()).contains("without credentials: no password file");
            assertThatThrownBy(() -> bridge.capabilities(testDevice(bridge)))
                    .isInstanceOfSatisfying(ScanException.class,
                            e -> assertThat(e.error()).isEqualTo(ScanError.ACCESS_DENIED));
        }
    }

    @Test
    void noCredentialsConfiguredIsRefusedToo() throws Exception {
        try (ScannerBridge bridge = bridge(SaneCredentials.none())) {
            ScanResult result = bridge.scan(testDevice(bridge), FEEDER, new RecordingListener()).await(WAIT);

            assertThat(result.error()).isEqualTo(ScanError.ACCESS_DENIED);
        }
    }

    @Test
    void aPassFileOthersMayReadIsIgnoredAsScanimageDoes() throws Exception {
        Path file = passFile("scan:" + PASSWORD + ":test");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        try (ScannerBridge bridge = bridge(SaneCredentials.fromFile(file))) {
            ScanResult result = bridge.scan(testDevice(bridge), FEEDER, new RecordingListener()).await(WAIT);

            assertThat(result.error()).isEqualTo(ScanError.ACCESS_DENIED);
            assertThat(result.detail()).contains("may be read by other users");
        }
    }
}
