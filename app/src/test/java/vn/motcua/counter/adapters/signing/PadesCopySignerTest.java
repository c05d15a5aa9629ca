package vn.motcua.counter.adapters.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.counter.application.port.CopySigner;
import vn.motcua.counter.application.port.SignatureVerifier;
import vn.motcua.counter.application.port.SigningKey;
import vn.motcua.counter.capture.pdfa.VeraPdf;
import vn.motcua.counter.domain.signing.CopyKind;
import vn.motcua.counter.domain.signing.SignatureLevel;
import vn.motcua.counter.domain.signing.SignatureStamp;

/**
 * PAdES signatures made by {@link PadesCopySigner} with a PKCS#12 key from the test PKI, judged by poppler's pdfsig
 * (with the test root trusted in NSS), veraPDF (PDF/A-2u after signing) and our own verifier, at each level.
 */
class PadesCopySignerTest {

    static final Path OUT = Path.of("target", "signing-out");

    @TempDir
    static Path dir;
    static SigningPeers peers;
    static TestPki pki;
    static TestPkiServer server;
    static Pdfsig pdfsig;
    static byte[] copy;

    @BeforeAll
    static void peers() throws Exception {
        peers = SigningPeers.start(dir);
        pki = peers.pki;
        server = peers.server;
        pdfsig = Pdfsig.trusting(pki.root.certificate(), dir);
        copy = TestCopies.copy(2);
        Files.createDirectories(OUT);
    }

    @AfterAll
    static void stop() {
        peers.close();
    }

    static SigningKey key() {
        return peers.key();
    }

    static CopySigner.Appearance stamp() {
        return CopySigner.Appearance.text(new SignatureStamp(CopyKind.CERTIFIED_FROM_ORIGINAL,
                "Ủy ban nhân dân phường Bến Nghé", ZonedDateTime.now(SignatureStamp.VIETNAM)));
    }

    PadesCopySigner signer() {
        return peers.signer();
    }

    SignatureVerifier.Signature verify(byte[] pdf, boolean online) {
        var findings = new PdfSignatureVerifier(Duration.ofSeconds(5)).inspect(pdf,
                List.of(pki.root.certificate()), online);
        return findings.signatures().getFirst();
    }

    @Test
    void bBasicSignatureIsValidForPdfsigAndKeepsPdfa() throws Exception {
        byte[] signed;
        try (SigningKey key = key()) {
            signed = signer().sign(copy, key, stamp(), false);
        }
        Path file = Files.write(OUT.resolve("b-b.pdf"), signed);

        assertThat(pdfsig.check(file)).contains("Signature is Valid", "Certificate is Trusted",
                "ETSI.CAdES.detached", "Signature Type: ETSI.CAdES.detached");
        assertThat(VeraPdf.failures(signed)).isEmpty();
        SignatureVerifier.Signature found = verify(signed, false);
        assertThat(found.intact()).as(found.problem()).isTrue();
        assertThat(found.level()).isEqualTo(SignatureLevel.B_B);
        assertThat(found.chain()).isEqualTo(SignatureVerifier.Chain.TRUSTED);
        assertThat(found.later()).isEmpty();
        assertThat(found.signer()).isEqualTo("UBND phường Bến Nghé (thử nghiệm)");
        try (PDDocument doc = Loader.loadPDF(signed)) {   // the stamp is real text, top right of page 1
            PDFTextStripper text = new PDFTextStripper();
            text.setStartPage(1);
            text.setEndPage(1);
            var widget = doc.getSignatureFields().getFirst().getWidgets().getFirst();
            assertThat(widget.getRectangle().getUpperRightY()).isGreaterThan(doc.getPage(0).getMediaBox().getHeight() - 60);
            assertThat(widget.getRectangle().getUpperRightX()).isGreaterThan(doc.getPage(0).getMediaBox().getWidth() - 60);
            assertThat(widget.isPrinted()).isTrue();
        }
    }

    @Test
    void bTimestampAndLongTermOnlineThenVerifiableOffline() throws Exception {
        byte[] signed;
        try (SigningKey key = key()) {
            signed = signer().sign(copy, key, stamp(), true);
        }
        assertThat(verify(signed, false).level()).isEqualTo(SignatureLevel.B_T);
        byte[] longTerm = signer().extend(signed, SignatureLevel.B_LT);
        Path file = Files.write(OUT.resolve("b-lt.pdf"), longTerm);

        assertThat(pdfsig.check(file)).contains("Signature is Valid", "Certificate is Trusted");
        assertThat(VeraPdf.failures(longTerm)).isEmpty();
        server.offline(true);
        try {
            SignatureVerifier.Signature found = verify(longTerm, false);
            assertThat(found.intact()).as(found.problem()).isTrue();
            assertThat(found.level()).isEqualTo(SignatureLevel.B_LT);
            assertThat(found.trustedTime()).isNotNull();
            assertThat(found.revocation()).isEqualTo(SignatureVerifier.Revocation.GOOD);
            assertThat(found.later()).extracting(SignatureVerifier.LaterRevision::change)
                    .containsExactly(SignatureVerifier.Change.VALIDATION_DATA);
        } finally {
            server.offline(false);
        }
        assertThat(signer().extend(longTerm, SignatureLevel.B_T)).isEqualTo(longTerm);
    }

    @Test
    void copySignedOfflineIsExtendedToLongTermWhenOnline() throws Exception {
        byte[] offline;
        try (SigningKey key = key()) {
            offline = new PadesCopySigner(null, Duration.ofSeconds(1)).sign(copy, key, stamp(), false);
        }
        byte[] extended = signer().extend(offline, SignatureLevel.B_LT);
        Path file = Files.write(OUT.resolve("b-b-extended-to-lt.pdf"), extended);

        assertThat(pdfsig.check(file)).contains("Signature is Valid", "Certificate is Trusted");
        assertThat(VeraPdf.failures(extended)).isEmpty();
        SignatureVerifier.Signature found = verify(extended, true);
        assertThat(found.intact()).as(found.problem()).isTrue();
        assertThat(found.level()).isEqualTo(SignatureLevel.B_LT);
        assertThat(found.later()).extracting(SignatureVerifier.LaterRevision::change)
                .containsExactly(SignatureVerifier.Change.DOCUMENT_TIMESTAMP, SignatureVerifier.Change.VALIDATION_DATA);
    }
}
