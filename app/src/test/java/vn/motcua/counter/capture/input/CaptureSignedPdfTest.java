package vn.motcua.counter.capture.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Calendar;
import java.util.Date;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A digitally signed PDF (as citizens bring from public-service portals) must come out of import untouched. */
class CaptureSignedPdfTest {

    @TempDir
    Path dir;

    @Test
    void signedPdfPassesThroughByteForByteAndItsSignatureStaysValid() throws Exception {
        Path signed = dir.resolve("signed.pdf");
        Files.write(signed, signedPdf());
        if (PDFSIG_INSTALLED) { // the test's own premise: the file we made really carries a valid signature
            assertThat(pdfsig(signed)).contains("Signature is Valid");
        }

        Imported result = new ScanImporter().importFile(signed);

        assertThat(result).isInstanceOf(Imported.PassThrough.class);
        Imported.PassThrough kept = (Imported.PassThrough) result;
        assertThat(kept.pdf()).isEqualTo(Files.readAllBytes(signed));
        assertThat(kept.note()).contains("signed PDF kept as received");
        try (PDDocument doc = Loader.loadPDF(kept.pdf())) {
            assertThat(doc.getSignatureDictionaries()).singleElement()
                    .satisfies(s -> assertThat(s.getName()).isEqualTo("Motcua Counter test"));
        }
        if (PDFSIG_INSTALLED) { // what the store would save is still a validly signed document
            Path stored = Files.write(dir.resolve("stored.pdf"), kept.pdf());
            assertThat(pdfsig(stored)).contains("Signature is Valid").doesNotContain("Signature is Invalid");
        }
    }

    /** A one-page PDF signed (detached CMS, SHA-256/RSA) with a freshly made self-signed certificate. */
    static byte[] signedPdf() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        X500Name name = new X500Name("CN=Bộ phận một cửa (thử nghiệm), O=Motcua Counter, C=VN");
        Instant now = Instant.now();
        ContentSigner certSigner = new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate());
        X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(
                name, BigInteger.valueOf(now.toEpochMilli()), Date.from(now.minus(1, ChronoUnit.DAYS)),
                Date.from(now.plus(365, ChronoUnit.DAYS)), name, keys.getPublic()).build(certSigner));

        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        try (PDDocument doc = new PDDocument()) {
            doc.addPage(new PDPage(PDRectangle.A4));
            doc.save(plain);
        }
        // PDFBox signs by an incremental update, which needs a document loaded from bytes
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PDDocument doc = Loader.loadPDF(plain.toByteArray())) {
            PDSignature signature = new PDSignature();
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(PDSignature.SUBFILTER_ADBE_PKCS7_DETACHED);
            signature.setName("Motcua Counter test");
            signature.setSignDate(Calendar.getInstance());
            doc.addSignature(signature, content -> {
                try {
                    CMSSignedDataGenerator cms = new CMSSignedDataGenerator();
                    ContentSigner signer = new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate());
                    cms.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
                            new JcaDigestCalculatorProviderBuilder().build()).build(signer, certificate));
                    cms.addCertificates(new JcaCertStore(List.of(certificate)));
                    return cms.generate(new CMSProcessableByteArray(content.readAllBytes()), false).getEncoded();
                } catch (Exception e) {
                    throw new java.io.IOException(e);
                }
            });
            doc.saveIncremental(out);
        }
        return out.toByteArray();
    }

    /** poppler's pdfsig verifies independently of PDFBox; where poppler-utils is missing only the bytes are checked. */
    private static final boolean PDFSIG_INSTALLED = Files.isExecutable(Path.of("/usr/bin/pdfsig"));

    private static String pdfsig(Path pdf) throws Exception {
        Process p = new ProcessBuilder("pdfsig", pdf.toString()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return output;
    }
}
