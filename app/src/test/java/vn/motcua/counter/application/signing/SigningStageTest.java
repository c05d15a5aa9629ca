package vn.motcua.counter.application.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.counter.TestCounter;
import vn.motcua.counter.adapters.signing.PadesCopySigner;
import vn.motcua.counter.adapters.signing.TestPki;
import vn.motcua.counter.adapters.signing.TestPkiServer;
import vn.motcua.counter.application.stage.Stage;
import vn.motcua.counter.application.stage.WorkItem;
import vn.motcua.counter.application.stage.WorkState;
import vn.motcua.counter.bootstrap.CounterWiring;
import vn.motcua.counter.bootstrap.Settings;
import vn.motcua.counter.bootstrap.SigningServices;
import vn.motcua.counter.capture.pdfa.VeraPdf;
import vn.motcua.counter.domain.DossierCode;
import vn.motcua.counter.domain.signing.SignatureLevel;

/**
 * Signing as a pipeline stage, on a real counter (SQLite, content store, OCR, PDF/A copies): copies wait BLOCKED
 * ("chờ ký") until the clerk unlocks the key; offline they are signed at B-B at once and raised to B-LT by a retry
 * once the TSA and OCSP answer again, without being signed twice.
 */
class SigningStageTest {

    private static final long WAIT_MS = 180_000;

    @TempDir
    Path data;
    @TempDir
    Path dir;

    @Test
    @Timeout(value = 5, unit = java.util.concurrent.TimeUnit.MINUTES)
    void copiesWaitForTheKeyAreSignedOfflineAndRaisedWhenOnline() throws Exception {
        try (TestPkiServer server = TestPkiServer.start()) {
            TestPki pki = new TestPki(server.base());
            server.serve(pki);
            Path p12 = pki.writePkcs12(dir.resolve("agency.p12"), "123456".toCharArray());
            Map<String, String> values = new HashMap<>(Map.of(Settings.DATA_DIR, data.toString(),
                    Settings.AGENCY_CODE, TestCounter.AGENCY, Settings.CLERK_NAME, "Trần Văn Bình",
                    Settings.OCR_WORKERS, "1", Settings.SIGNING_KEY, p12.toString(),
                    Settings.SIGNING_TSA_URL, server.tsaUrl(), Settings.SIGNING_LEVEL, "B-LT"));
            try (CounterWiring counter = CounterWiring.open(Settings.of(values),
                    Clock.system(ZoneId.of("Asia/Ho_Chi_Minh")))) {
                counter.pipeline().start();
                DossierCode code = counter.reception().receive(TestCounter.request(counter, 1), counter.profile())
                        .dossier().code();

                List<WorkItem> waiting = await(counter, code, i -> i.state() == WorkState.BLOCKED);
                assertThat(waiting).isNotEmpty().allSatisfy(i -> {
                    assertThat(i.waitingFor()).isEqualTo(SigningDesk.WAITING_FOR);
                    assertThat(i.error().messageKey()).isEqualTo("signing.waiting_for_key");
                });
                String unsigned = copyId(counter, code);
                assertThat(new PadesCopySigner(null, java.time.Duration.ofSeconds(1))
                        .levelOf(counter.contents().read(unsigned))).isEmpty();

                server.offline(true);
                SigningDesk desk = counter.signingDesk().orElseThrow();
                char[] pin = "123456".toCharArray();
                desk.open(pin);
                assertThat(pin).containsOnly('\0');
                await(counter, code, i -> i.state() == WorkState.WAITING && i.error() != null
                        && i.error().messageKey().equals("signing.to_extend"));
                byte[] offline = counter.contents().read(copyId(counter, code));
                assertThat(counter.signedCopies().of(code).getFirst().verdict().signatures().getFirst().level())
                        .isEqualTo(SignatureLevel.B_B);

                server.offline(false);
                await(counter, code, i -> i.state() == WorkState.DONE);
                byte[] longTerm = counter.contents().read(copyId(counter, code));
                assertThat(longTerm.length).isGreaterThan(offline.length);
                assertThat(java.util.Arrays.copyOf(longTerm, offline.length)).isEqualTo(offline); // extended, not re-signed
                assertThat(VeraPdf.failures(longTerm)).isEmpty();
                Path root = TestPki.writePem(dir.resolve("root.pem"), pki.root.certificate());
                Verdict verdict = SigningServices.from(counter.configuration().settings(), counter.clock())
                        .verification().verify(longTerm, List.of(root), false);
                assertThat(verdict.outcome()).isEqualTo(Verdict.Outcome.VALID);
                assertThat(verdict.signatures().getFirst().level()).isEqualTo(SignatureLevel.B_LT);
                assertThat(desk.key()).isEmpty();   // closed once nothing was left to sign
            }
        }
    }

    private static String copyId(CounterWiring counter, DossierCode code) {
        return counter.copies().of(code).getFirst().copy().pdfContentId();
    }

    /** Waits until every SIGN_COPY item of the dossier matches. */
    private static List<WorkItem> await(CounterWiring counter, DossierCode code, Predicate<WorkItem> state)
            throws InterruptedException {
        long deadline = System.currentTimeMillis() + WAIT_MS;
        List<WorkItem> items = List.of();
        while (System.currentTimeMillis() < deadline) {
            items = counter.stages().itemsOf(code).stream().filter(i -> i.stage() == Stage.SIGN_COPY).toList();
            if (!items.isEmpty() && items.stream().allMatch(state)) {
                return items;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("SIGN_COPY items did not reach the state in time: " + items);
    }
}
