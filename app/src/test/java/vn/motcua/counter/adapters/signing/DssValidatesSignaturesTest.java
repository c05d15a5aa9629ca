package vn.motcua.counter.adapters.signing;

import static org.assertj.core.api.Assertions.assertThat;

import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.counter.application.port.SigningKey;

/** The EU DSS validator, trusting the test root, passes our signatures at B-B, B-T and B-LT. */
class DssValidatesSignaturesTest {

    @TempDir
    static Path dir;
    static SigningPeers peers;
    static TestPki pki;
    static byte[] copy;

    @BeforeAll
    static void peers() throws Exception {
        peers = SigningPeers.start(dir);
        pki = peers.pki;
        copy = TestCopies.copy(1);
    }

    @AfterAll
    static void stop() {
        peers.close();
    }

    private byte[] sign(boolean timestamped) {
        try (SigningKey key = peers.key()) {
            return signer().sign(copy, key, PadesCopySignerTest.stamp(), timestamped);
        }
    }

    private PadesCopySigner signer() {
        return peers.signer();
    }

    @Test
    void baselineB() throws Exception {
        var verdict = DssValidator.validate(sign(false), pki.root.certificate(), true).getFirst();
        assertThat(verdict.indication()).as(verdict.toString()).isEqualTo(Indication.TOTAL_PASSED);
        assertThat(verdict.format()).isEqualTo(SignatureLevel.PAdES_BASELINE_B);
    }

    @Test
    void baselineT() throws Exception {
        var verdict = DssValidator.validate(sign(true), pki.root.certificate(), true).getFirst();
        assertThat(verdict.indication()).as(verdict.toString()).isEqualTo(Indication.TOTAL_PASSED);
        assertThat(verdict.format()).isEqualTo(SignatureLevel.PAdES_BASELINE_T);
    }

    @Test
    void baselineLtValidatesOfflineFromTheDocumentAlone() throws Exception {
        byte[] longTerm = signer().extend(sign(true), vn.motcua.counter.domain.signing.SignatureLevel.B_LT);
        var verdict = DssValidator.validate(longTerm, pki.root.certificate(), false).getFirst();
        assertThat(verdict.indication()).as(verdict.toString()).isEqualTo(Indication.TOTAL_PASSED);
        assertThat(verdict.format()).isEqualTo(SignatureLevel.PAdES_BASELINE_LT);
    }

    @Test
    void copySignedOfflineAndExtendedReachesLt() throws Exception {
        byte[] extended = signer().extend(sign(false), vn.motcua.counter.domain.signing.SignatureLevel.B_LT);
        var verdicts = DssValidator.validate(extended, pki.root.certificate(), false);
        assertThat(verdicts).first().satisfies(v -> {
            assertThat(v.indication()).as(v.toString()).isEqualTo(Indication.TOTAL_PASSED);
            assertThat(v.format()).isEqualTo(SignatureLevel.PAdES_BASELINE_LT);
        });
    }
}
