package vn.motcua.counter.bench;

import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.SignatureValue;
import eu.europa.esig.dss.model.ToBeSigned;
import eu.europa.esig.dss.pades.PAdESSignatureParameters;
import eu.europa.esig.dss.pades.signature.PAdESService;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.token.DSSPrivateKeyEntry;
import eu.europa.esig.dss.token.Pkcs12SignatureToken;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import vn.motcua.counter.adapters.signing.DssValidator;
import vn.motcua.counter.adapters.signing.KeyStoreSigningKeys;
import vn.motcua.counter.adapters.signing.PadesCopySigner;
import vn.motcua.counter.adapters.signing.PdfSignatureVerifier;
import vn.motcua.counter.adapters.signing.Pdfsig;
import vn.motcua.counter.adapters.signing.SoftHsmToken;
import vn.motcua.counter.adapters.signing.TestCopies;
import vn.motcua.counter.adapters.signing.TestPki;
import vn.motcua.counter.adapters.signing.TestPkiServer;
import vn.motcua.counter.application.port.CopySigner;
import vn.motcua.counter.application.port.SigningKey;
import vn.motcua.counter.application.port.SigningKeys;
import vn.motcua.counter.application.signing.CopySigning;
import vn.motcua.counter.domain.signing.CopyKind;
import vn.motcua.counter.domain.signing.SignatureLevel;
import vn.motcua.counter.domain.signing.SignatureStamp;

/**
 * Issue 12's signing targets (bench profile only), each beside a peer measured in the same run: a 10-page copy
 * signed after the PIN ≤ 300 ms (peer: EU DSS's own PAdES service signing the same copy with the same PKCS#12 key),
 * 20 copies with one PIN on SoftHSM2 ≤ 5 s (peers: the same batch from the PKCS#12 file, and DSS from the file),
 * and verifying a signed copy ≤ 200 ms (peers: poppler's {@code pdfsig} as a process, and DSS's validator).
 */
class SigningBenchmark {

    private static final int WARM_UP = 5;
    private static final int RUNS = 20;
    private static final char[] PIN = "123456".toCharArray();

    @Test
    void signingAndVerification() throws Exception {
        Path dir = Files.createTempDirectory("motcua-bench-signing");
        try (TestPkiServer server = TestPkiServer.start()) {
            TestPki pki = new TestPki(server.base());
            server.serve(pki);
            byte[] copy = TestCopies.copy(10);
            Path p12 = pki.writePkcs12(dir.resolve("agency.p12"), PIN);
            PadesCopySigner signer = new PadesCopySigner(URI.create(server.tsaUrl()), Duration.ofSeconds(5));
            System.out.printf("%n== Signing benchmark: 10-page copy of %d KB ==%n", copy.length / 1024);

            List<Double> ours;
            List<Double> oursTimestamped;
            try (SigningKey key = new KeyStoreSigningKeys().unlock(new SigningKeys.Pkcs12File(p12), PIN.clone())) {
                ours = time(() -> signer.sign(copy, key, stamp(), false));
                oursTimestamped = time(() -> signer.sign(copy, key, stamp(), true));
            }
            List<Double> dss = time(() -> dssSign(copy, p12));
            report("sign 10-page copy B-B, after the PIN (target ≤ 300 ms)", ours, "DSS PAdESService B-B", dss);
            report("sign 10-page copy B-T (TSA on loopback)", oursTimestamped, "DSS PAdESService B-B", dss);

            List<CopySigning.Item> batch = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                batch.add(new CopySigning.Item("copy-" + i, CopyKind.CERTIFIED_FROM_ORIGINAL, () -> copy, signed -> { }));
            }
            CopySigning signing = new CopySigning(new KeyStoreSigningKeys(), signer, Clock.systemUTC());
            CopySigning.Policy policy = new CopySigning.Policy("UBND phường Bến Nghé", SignatureLevel.B_B, null, null);
            double file = batch(() -> signing.sign(new SigningKeys.Pkcs12File(p12), PIN.clone(), batch, policy,
                    (d, t, o) -> { }, () -> false));
            double dssBatch = batch(() -> {
                for (int i = 0; i < 20; i++) {
                    dssSign(copy, p12);
                }
                return null;
            });
            if (SoftHsmToken.available()) {
                SoftHsmToken token = SoftHsmToken.shared(pki);
                signing.sign(token.token(), SoftHsmToken.PIN.toCharArray(), batch.subList(0, 2), policy,
                        (d, t, o) -> { }, () -> false);   // warm the provider once
                double hsm = batch(() -> signing.sign(token.token(), SoftHsmToken.PIN.toCharArray(), batch, policy,
                        (d, t, o) -> { }, () -> false));
                System.out.printf("20 copies, one PIN, SoftHSM2 through SunPKCS11 (target ≤ 5000 ms): %.0f ms"
                        + "  | same batch from PKCS#12: %.0f ms  | DSS 20× from PKCS#12: %.0f ms  (ratio ours/DSS %.2f)%n",
                        hsm, file, dssBatch, hsm / dssBatch);
            } else {
                System.out.printf("20 copies from PKCS#12: %.0f ms | DSS: %.0f ms (SoftHSM2 not installed)%n", file, dssBatch);
            }

            byte[] longTerm;
            try (SigningKey key = new KeyStoreSigningKeys().unlock(new SigningKeys.Pkcs12File(p12), PIN.clone())) {
                longTerm = signer.extend(signer.sign(copy, key, stamp(), true), SignatureLevel.B_LT);
            }
            Path signedFile = Files.write(dir.resolve("signed.pdf"), longTerm);
            PdfSignatureVerifier verifier = new PdfSignatureVerifier(Duration.ofSeconds(5));
            List<Double> verify = time(() -> verifier.inspect(longTerm, List.of(pki.root.certificate()), false));
            Pdfsig pdfsig = Pdfsig.trusting(pki.root.certificate(), dir);
            List<Double> poppler = time(() -> {
                try {
                    return pdfsig.check(signedFile);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            List<Double> dssValidate = time(() -> DssValidator.validate(longTerm, pki.root.certificate(), false));
            report("verify B-LT 10-page copy, offline (target ≤ 200 ms)", verify, "pdfsig (process, NSS)", poppler);
            report("verify B-LT 10-page copy, offline", verify, "DSS validator", dssValidate);
        }
    }

    private static CopySigner.Appearance stamp() {
        return CopySigner.Appearance.text(new SignatureStamp(CopyKind.CERTIFIED_FROM_ORIGINAL,
                "Ủy ban nhân dân phường Bến Nghé", ZonedDateTime.now(SignatureStamp.VIETNAM)));
    }

    private static byte[] dssSign(byte[] copy, Path p12) {
        try (Pkcs12SignatureToken token = new Pkcs12SignatureToken(p12.toFile(), new KeyStore.PasswordProtection(PIN))) {
            DSSPrivateKeyEntry key = token.getKeys().getFirst();
            PAdESService service = new PAdESService(new CommonCertificateVerifier());
            PAdESSignatureParameters parameters = new PAdESSignatureParameters();
            parameters.setSignatureLevel(eu.europa.esig.dss.enumerations.SignatureLevel.PAdES_BASELINE_B);
            parameters.setDigestAlgorithm(DigestAlgorithm.SHA256);
            parameters.setSigningCertificate(key.getCertificate());
            parameters.setCertificateChain(key.getCertificateChain());
            DSSDocument document = new InMemoryDocument(copy);
            ToBeSigned toBeSigned = service.getDataToSign(document, parameters);
            SignatureValue value = token.sign(toBeSigned, parameters.getDigestAlgorithm(), key);
            DSSDocument signed = service.signDocument(document, parameters, value);
            return signed.openStream().readAllBytes();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Double> time(Supplier<?> work) {
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < WARM_UP + RUNS; i++) {
            long start = System.nanoTime();
            work.get();
            if (i >= WARM_UP) {
                millis.add((System.nanoTime() - start) / 1e6);
            }
        }
        Collections.sort(millis);
        return millis;
    }

    private static double batch(Supplier<?> work) {
        long start = System.nanoTime();
        work.get();
        return (System.nanoTime() - start) / 1e6;
    }

    private static void report(String what, List<Double> ours, String peer, List<Double> theirs) {
        double median = ours.get(ours.size() / 2);
        double p95 = ours.get((int) Math.ceil(ours.size() * 0.95) - 1);
        double peerMedian = theirs.get(theirs.size() / 2);
        System.out.printf("%s: median %.1f ms, p95 %.1f ms | %s median %.1f ms (ratio %.2f)%n", what, median, p95,
                peer, peerMedian, median / peerMedian);
    }
}
