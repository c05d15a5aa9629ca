package vn.motcua.counter.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.counter.adapters.signing.PdfSignatureVerifier;
import vn.motcua.counter.adapters.signing.SoftHsmToken;
import vn.motcua.counter.adapters.signing.TestCopies;
import vn.motcua.counter.adapters.signing.TestPki;
import vn.motcua.counter.adapters.signing.TestPkiServer;

/**
 * A token pulled out in the middle of {@code motcua sign}: a child JVM signs through SunPKCS11 from its own SoftHSM2
 * token while the test deletes the token's files after a few copies. The batch stops with the plain message, the
 * copies signed before stay valid, and no half-written file is left.
 */
class TokenPulledOutTest {

    private static final int COPIES = 60;

    @TempDir
    Path dir;

    @Test
    void theBatchStopsCleanlyAndTheRestWait() throws Exception {
        assumeTrue(SoftHsmToken.available(), "softhsm2 and opensc (app/ci-packages-signing.txt)");
        try (TestPkiServer server = TestPkiServer.start()) {
            TestPki pki = new TestPki(server.base());
            server.serve(pki);
            Path config = Files.createDirectories(dir.resolve("hsm")).resolve("softhsm2.conf");
            SoftHsmToken token = SoftHsmToken.create(config, pki);
            byte[] copy = TestCopies.copy(1);
            List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                    "--enable-native-access=ALL-UNNAMED", "-Dmotcua.log.dir=" + dir.resolve("logs"), "-cp",
                    System.getProperty("java.class.path"), "vn.motcua.counter.Launcher", "sign", "--pkcs11",
                    token.configFile(dir).toString(), "--pin-env", "MOTCUA_TEST_PIN", "--level", "B-B", "--out",
                    dir.resolve("out").toString()));
            for (int i = 1; i <= COPIES; i++) {
                command.add(Files.write(dir.resolve(String.format("ban-sao-%02d.pdf", i)), copy).toString());
            }
            ProcessBuilder builder = new ProcessBuilder(command);
            builder.environment().put("SOFTHSM2_CONF", config.toString());
            builder.environment().put("MOTCUA_DATA_DIR", dir.resolve("data").toString());
            builder.environment().put("MOTCUA_TEST_PIN", SoftHsmToken.PIN);
            builder.redirectError(dir.resolve("stderr.txt").toFile());
            Process child = builder.start();
            int signedBeforePull = 0;
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    if (line.startsWith("Đã ký ban-sao") || line.contains("ban-sao") && line.startsWith("Đã ký")) {
                        signedBeforePull++;
                    }
                    if (signedBeforePull == 3) {
                        pullOut(config.resolveSibling("tokens"));
                        signedBeforePull++;
                    }
                }
            }
            assertThat(child.waitFor(120, TimeUnit.SECONDS)).isTrue();
            String stderr = Files.readString(dir.resolve("stderr.txt"));

            assertThat(child.exitValue()).as(stderr).isEqualTo(3);
            assertThat(stderr).contains("đã bị rút ra hoặc ngừng trả lời giữa chừng", "không có bản nào ký dở");
            List<Path> written;
            try (var files = Files.list(dir.resolve("out"))) {
                written = files.sorted(Comparator.naturalOrder()).toList();
            }
            assertThat(written).isNotEmpty().hasSizeLessThan(COPIES)
                    .allMatch(p -> p.getFileName().toString().startsWith("ban-sao-") && p.toString().endsWith(".pdf"));
            PdfSignatureVerifier verifier = new PdfSignatureVerifier(Duration.ofSeconds(5));
            for (Path file : written) {
                var signature = verifier.inspect(Files.readAllBytes(file), List.of(pki.root.certificate()), false)
                        .signatures().getFirst();
                assertThat(signature.intact()).as(file + ": " + signature.problem()).isTrue();
            }
        }
    }

    /** What pulling the USB token out looks like to SoftHSM: its token files are gone. */
    private static void pullOut(Path tokens) throws Exception {
        try (var walk = Files.walk(tokens)) {
            walk.sorted(Comparator.reverseOrder()).filter(p -> !p.equals(tokens)).forEach(p -> p.toFile().delete());
        }
    }
}
