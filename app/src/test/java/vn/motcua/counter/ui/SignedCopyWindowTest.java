package vn.motcua.counter.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;
import vn.motcua.counter.TestCounter;
import vn.motcua.counter.adapters.signing.PadesCopySigner;
import vn.motcua.counter.adapters.signing.KeyStoreSigningKeys;
import vn.motcua.counter.adapters.signing.TestCopies;
import vn.motcua.counter.adapters.signing.TestPki;
import vn.motcua.counter.application.port.CopySigner;
import vn.motcua.counter.application.port.SigningKey;
import vn.motcua.counter.application.port.SigningKeys;
import vn.motcua.counter.bootstrap.CounterWiring;
import vn.motcua.counter.domain.signing.CopyKind;
import vn.motcua.counter.domain.signing.SignatureStamp;

/**
 * The dossier screen's F5 opens a component's electronic copy with the verdict on its signature above the pages,
 * in a clerk's words: valid with the signer and time when the root is in the trust store, not valid otherwise.
 */
class SignedCopyWindowTest {

    @TempDir
    Path data;
    @TempDir
    Path dir;

    private CounterWindow window;
    private final FxRobot robot = new FxRobot();

    @AfterEach
    void stop() throws Exception {
        System.clearProperty("motcua.signing.trust.dir");
        window.close();
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void theViewerSaysWhetherTheSignedCopyCanBeReliedOn() throws Exception {
        TestPki pki = new TestPki("http://127.0.0.1:9");   // offline: nothing listens on the discard port
        Path trust = Files.createDirectories(dir.resolve("trust"));
        TestPki.writePem(trust.resolve("root.pem"), pki.root.certificate());
        System.setProperty("motcua.signing.trust.dir", trust.toString());
        window = CounterWindow.open(data, List::of);
        CounterWiring counter = window.counter();
        var code = counter.reception().receive(TestCounter.request(counter, 1), counter.profile()).dossier().code();
        long component = counter.captureStore().componentsOf(code).getFirst().componentId();
        byte[] signed;
        Path p12 = pki.writePkcs12(dir.resolve("k.p12"), "123456".toCharArray());
        try (SigningKey key = new KeyStoreSigningKeys().unlock(new SigningKeys.Pkcs12File(p12), "123456".toCharArray())) {
            signed = new PadesCopySigner(null, Duration.ofSeconds(1)).sign(TestCopies.copy(1), key,
                    CopySigner.Appearance.text(new SignatureStamp(CopyKind.CERTIFIED_FROM_ORIGINAL,
                            "Ủy ban nhân dân phường Bến Nghé", java.time.ZonedDateTime.now(SignatureStamp.VIETNAM))),
                    false);
        }
        String contentId = counter.contents().put(signed);
        counter.captureStore().saveCopy(component, contentId, signed.length, 1, 0, LocalDateTime.now());

        robot.clickOn("Làm mới (F5)");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> robot.lookup("#todayTable").queryTableView().getItems().size() == 1);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> robot.lookup("#todayTable .table-row-cell").tryQuery().isPresent());
        robot.doubleClickOn(robot.lookup("#todayTable .table-row-cell").<Node>query());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#viewCopies").tryQuery().isPresent());
        robot.type(KeyCode.F5);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#signatureVerdict").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        Label verdict = robot.lookup("#signatureVerdict").queryAs(Label.class);
        assertThat(verdict.getText()).startsWith("Chữ ký số hợp lệ: UBND phường Bến Nghé (thử nghiệm) ký lúc")
                .endsWith("(PAdES-B-B).");
        WindowShots.save(robot, verdict, "viewer.png");
        robot.clickOn("#closePreview");

        Files.delete(trust.resolve("root.pem"));   // IT staff take the root out of the trust store
        robot.type(KeyCode.F5);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#signatureVerdict").queryAllAs(Label.class)
                .stream().anyMatch(l -> l.getScene().getWindow().isShowing()
                        && l.getText().startsWith("Chữ ký số KHÔNG hợp lệ: Chữ ký còn nguyên vẹn nhưng chứng thư số")));
    }
}
