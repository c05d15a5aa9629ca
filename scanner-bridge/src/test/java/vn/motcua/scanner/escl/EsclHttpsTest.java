package vn.motcua.scanner.escl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileInputStream;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.scanner.ColorMode;
import vn.motcua.scanner.PaperSize;
import vn.motcua.scanner.PaperSource;
import vn.motcua.scanner.RecordingListener;
import vn.motcua.scanner.ScanError;
import vn.motcua.scanner.ScanResult;
import vn.motcua.scanner.ScanSettings;
import vn.motcua.scanner.ScannerBridge;
import vn.motcua.scanner.simulator.escl.EsclSimulator;
import vn.motcua.scanner.simulator.escl.EsclSimulatorConfig;

/**
 * eSCL over HTTPS with a self-signed certificate for 127.0.0.1 made by the JDK's keytool, as an MFP has:
 * trusted once imported, refused otherwise.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class EsclHttpsTest {

    private static final char[] PASSWORD = "changeit".toCharArray();
    private static final ScanSettings FLATBED = new ScanSettings(PaperSource.FLATBED, 100, ColorMode.GRAY,
            PaperSize.A4);

    @TempDir
    static Path work;
    private static KeyStore keyStore;

    @BeforeAll
    static void makeCertificate() throws Exception {
        Path file = work.resolve("simulator.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "simulator", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=127.0.0.1", "-ext", "san=ip:127.0.0.1", "-validity", "2",
                "-keystore", file.toString(), "-storetype", "PKCS12", "-storepass", "changeit")
                .redirectErrorStream(true).start();
        assertThat(keytool.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).as(new String(keytool.getInputStream().readAllBytes())).isZero();
        keyStore = KeyStore.getInstance("PKCS12");
        try (InputStream in = new FileInputStream(file.toFile())) {
            keyStore.load(in, PASSWORD);
        }
    }

    private static SSLContext serverTls() throws Exception {
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(keyStore, PASSWORD);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keys.getKeyManagers(), null, null);
        return tls;
    }

    private static SSLContext trustingTheSimulator() throws Exception {
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(keyStore);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, trust.getTrustManagers(), null);
        return tls;
    }

    private static ScanResult scanOverHttps(SSLContext clientTls, RecordingListener listener) throws Exception {
        try (EsclSimulator simulator = EsclSimulator.startHttps(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), EsclSimulatorConfig.defaults(),
                serverTls());
             ScannerBridge bridge = new ScannerBridge(List.of(new EsclDriver(List.of(simulator.baseUri()), null,
                     clientTls, Duration.ofSeconds(30))))) {
            assertThat(simulator.baseUri().getScheme()).isEqualTo("https");
            return bridge.scan(bridge.device("escl:" + simulator.baseUri()), FLATBED, listener)
                    .await(Duration.ofSeconds(30));
        }
    }

    @Test
    void scansOverHttpsOnceTheCertificateIsTrusted() throws Exception {
        RecordingListener listener = new RecordingListener();

        ScanResult result = scanOverHttps(trustingTheSimulator(), listener);

        assertThat(result.isCompleted()).isTrue();
        assertThat(listener.pages).hasSize(1);
    }

    @Test
    void refusesAnUntrustedCertificate() throws Exception {
        ScanResult result = scanOverHttps(SSLContext.getDefault(), new RecordingListener());

        assertThat(result.error()).isEqualTo(ScanError.DEVICE_ERROR);
        assertThat(result.detail()).contains("TLS");
    }
}
