package vn.motcua.counter.adapters.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import eu.europa.esig.dss.enumerations.Indication;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.counter.application.CounterException;
import vn.motcua.counter.application.port.SigningKey;

/** Signing through SunPKCS11 with a SoftHSM2 token the test makes: the key never leaves the token. */
class Pkcs11SigningTest {

    @TempDir
    static Path dir;
    static TestPkiServer server;
    static TestPki pki;
    static SoftHsmToken token;

    @BeforeAll
    static void peers() throws Exception {
        assumeTrue(SoftHsmToken.available(), "softhsm2 and opensc (app/ci-packages-signing.txt)");
        server = TestPkiServer.start();
        pki = new TestPki(server.base());
        server.serve(pki);
        token = SoftHsmToken.shared(pki);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void tokenSignsAValidLongTermSignature() throws Exception {
        byte[] signed;
        try (SigningKey key = new KeyStoreSigningKeys().unlock(token.token(), SoftHsmToken.PIN.toCharArray())) {
            assertThat(key.chain()).hasSize(3);
            assertThat(key.chain().getFirst()).isEqualTo(token.certificate);
            signed = new PadesCopySigner(URI.create(server.tsaUrl()), Duration.ofSeconds(5))
                    .sign(TestCopies.copy(1), key, PadesCopySignerTest.stamp(), true);
        }
        byte[] longTerm = new PadesCopySigner(URI.create(server.tsaUrl()), Duration.ofSeconds(5))
                .extend(signed, vn.motcua.counter.domain.signing.SignatureLevel.B_LT);
        Path file = Files.write(dir.resolve("token.pdf"), longTerm);
        assertThat(Pdfsig.trusting(token.pki.root.certificate(), dir).check(file))
                .contains("Signature is Valid", "Certificate is Trusted", "UBND xã Thử Nghiệm (token)");
        assertThat(DssValidator.validate(longTerm, token.pki.root.certificate(), false).getFirst().indication())
                .isEqualTo(Indication.TOTAL_PASSED);
    }

    @Test
    void wrongPinIsToldApart() {
        assertThatThrownBy(() -> new KeyStoreSigningKeys().unlock(token.token(), "000000".toCharArray()))
                .isInstanceOfSatisfying(CounterException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("signing.wrong_pin"));
    }

    @Test
    void missingDriverSaysWhichLibraryFailed() {
        var absent = TokenProfiles.token("VNPT-CA", "/nonexistent/libvnpt-ca_csp11.so");
        assertThatThrownBy(() -> new KeyStoreSigningKeys().unlock(absent, "123456".toCharArray()))
                .isInstanceOfSatisfying(CounterException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("signing.driver_failed");
                    assertThat(e.arguments()[1].toString()).contains("libvnpt-ca_csp11.so");
                });
    }
}
