package vn.motcua.counter.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;
import vn.motcua.counter.TestCounter;
import vn.motcua.counter.adapters.signing.TestPki;
import vn.motcua.counter.application.signing.Verdict;
import vn.motcua.counter.bootstrap.CounterWiring;
import vn.motcua.counter.domain.DossierCode;

/**
 * The status bar's signing queue in the real window: copies made by the pipeline wait ("… bản chờ ký"), Ctrl+K
 * asks the PIN once, and the whole queue is signed with progress; the document viewer then says they are valid.
 */
class SigningQueueWindowTest {

    @TempDir
    Path data;
    @TempDir
    Path dir;

    private CounterWindow window;
    private final FxRobot robot = new FxRobot();

    @AfterEach
    void stop() throws Exception {
        for (String key : List.of("signing.key", "ocr.workers", "signing.trust.dir")) {
            System.clearProperty("motcua." + key);
        }
        window.close();
    }

    @Test
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void theWaitingCopiesAreSignedWithOnePin() throws Exception {
        TestPki pki = new TestPki("http://127.0.0.1:9");   // offline PKI: B-B, as a commune without a network
        System.setProperty("motcua.signing.key", pki.writePkcs12(dir.resolve("k.p12"), "123456".toCharArray()).toString());
        System.setProperty("motcua.ocr.workers", "1");
        Path trust = Files.createDirectories(dir.resolve("trust"));
        TestPki.writePem(trust.resolve("root.pem"), pki.root.certificate());
        System.setProperty("motcua.signing.trust.dir", trust.toString());
        window = CounterWindow.open(data, List::of);
        CounterWiring counter = window.counter();
        DossierCode code = counter.reception().receive(TestCounter.request(counter, 1), counter.profile())
                .dossier().code();
        int components = counter.captureStore().componentsOf(code).size();

        WaitForAsyncUtils.waitFor(150, TimeUnit.SECONDS, () -> robot.lookup("#signingStatus").queryAs(Label.class)
                .getText().equals(components + " bản chờ ký"));
        WindowShots.save(robot, robot.lookup("#signingBar").query(), "signing-queue.png");
        robot.press(KeyCode.CONTROL).press(KeyCode.K).release(KeyCode.K).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#signingPin").tryQuery().isPresent());
        robot.clickOn("#signingPin").write("123456").type(KeyCode.ENTER);

        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#signingStatus").queryAs(Label.class)
                .getText().isEmpty());
        assertThat(counter.signedCopies().of(code)).hasSize(components)
                .allSatisfy(c -> assertThat(c.verdict().outcome()).isEqualTo(Verdict.Outcome.VALID));
        assertThat(counter.signingDesk().orElseThrow().key()).isEmpty();
    }
}
