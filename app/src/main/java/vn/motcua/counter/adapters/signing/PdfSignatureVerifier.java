package vn.motcua.counter.adapters.signing;

import java.io.IOException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.tsp.TimeStampToken;
import vn.motcua.counter.application.CounterException;
import vn.motcua.counter.application.port.SignatureVerifier;
import vn.motcua.counter.domain.signing.SignatureLevel;

/**
 * Checks a PDF's signatures itself, with PDFBox and Bouncy Castle: the byte ranges, the CMS signature, the
 * signing-certificate-v2 binding, timestamps, the chain to the given anchors ({@link TrustedChains}), revocation
 * (OCSP or CRL, online or from the DSS dictionary), and what every later revision changed ({@link Revisions}).
 */
public final class PdfSignatureVerifier implements SignatureVerifier {

    private final Revocations revocations;

    public PdfSignatureVerifier(Duration networkTimeout) {
        this.revocations = new Revocations(new ValidationHttp(networkTimeout));
    }

    @Override
    public Findings inspect(byte[] pdf, Collection<X509Certificate> anchors, boolean online) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            List<PdfSignatures.Found> found = PdfSignatures.read(doc, pdf);
            List<Long> ends = Revisions.ends(pdf);
            PdfSignatures.ValidationData embedded = PdfSignatures.ValidationData.of(doc);
            List<Signature> signatures = new ArrayList<>();
            for (PdfSignatures.Found signature : found) {
                signatures.add(check(pdf, signature, found, ends, embedded, anchors, online));
            }
            return new Findings(ends.size(), signatures);
        } catch (IOException e) {
            throw new CounterException("verify.unreadable", e);
        }
    }

    private Signature check(byte[] pdf, PdfSignatures.Found found, List<PdfSignatures.Found> all, List<Long> ends,
                            PdfSignatures.ValidationData embedded, Collection<X509Certificate> anchors,
                            boolean online) throws IOException {
        int[] range = found.dictionary().getByteRange();
        long signedLength = found.signedLength();
        int revision = ends.indexOf(signedLength) + 1;
        String problem = coverageProblem(pdf, range, revision);
        X509Certificate signer = signerCertificate(found);
        if (problem == null) {
            problem = signatureProblem(pdf, range, found, signer);
        }
        boolean intact = problem == null;
        Instant trustedTime = trustedTime(found, all, anchors);
        Instant claimed = found.dictionary().getSignDate() == null ? null
                : found.dictionary().getSignDate().toInstant();
        if (found.documentTimestamp() && intact) {
            claimed = found.timestamps().getFirst().getTimeStampInfo().getGenTime().toInstant();
            trustedTime = claimed;
        }
        List<X509Certificate> pool = new ArrayList<>(found.certificates());
        pool.addAll(embedded.parsedCertificates());
        TrustedChains.Result chain = signer == null ? TrustedChains.Result.untrusted(List.of(), null)
                : TrustedChains.check(signer, pool, anchors, trustedTime == null ? Instant.now() : trustedTime);
        RevocationCheck revocation = signer == null ? new RevocationCheck(Revocation.NOT_CHECKED, null)
                : revocation(chain.path(), embedded, online);
        SignatureLevel level = level(found, trustedTime, signer, chain.path(), embedded);
        List<LaterRevision> later = new ArrayList<>();
        int at = ends.indexOf(signedLength);
        for (int i = Math.max(at, 0) + 1; i < ends.size(); i++) {
            later.add(Revisions.compare(pdf, ends.get(i - 1), ends.get(i), i + 1));
        }
        return new Signature(found.field(), revision, found.documentTimestamp(), intact, problem,
                signer == null ? null : PadesCopySigner.commonName(signer),
                signer == null ? null : signer.getIssuerX500Principal().getName(), claimed, trustedTime, level,
                chain.status(), chain.anchor(), revocation.status(), revocation.source(), later);
    }

    /** The signed bytes are the whole revision but for the signature's own hex string. */
    private static String coverageProblem(byte[] pdf, int[] range, int revision) {
        if (range == null || range.length != 4 || range[0] != 0 || range[1] <= 0 || range[2] <= range[1]
                || (long) range[2] + range[3] > pdf.length) {
            return "byte range does not fit the file";
        }
        if (revision == 0) {
            return "byte range does not end where a revision ends";
        }
        if (pdf[range[1]] != '<' || pdf[range[2] - 1] != '>') {
            return "byte range leaves out more than the signature";
        }
        for (int i = range[1] + 1; i < range[2] - 1; i++) {
            if (Character.digit(pdf[i], 16) < 0) {
                return "byte range leaves out more than the signature";
            }
        }
        return null;
    }

    private static String signatureProblem(byte[] pdf, int[] range, PdfSignatures.Found found,
                                           X509Certificate signer) {
        if (found.cms() == null || signer == null) {
            return "no readable CMS signature with its certificate";
        }
        byte[] signed = new byte[range[1] + range[3]];
        System.arraycopy(pdf, 0, signed, 0, range[1]);
        System.arraycopy(pdf, range[2], signed, range[1], range[3]);
        try {
            if (found.documentTimestamp()) {
                TimeStampToken token = found.timestamps().getFirst();
                token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(signer));
                return Arrays.equals(token.getTimeStampInfo().getMessageImprintDigest(), CadesSignature.sha256(signed))
                        ? null : "digest does not match the document";
            }
            CMSSignedData detached = new CMSSignedData(new CMSProcessableByteArray(signed), found.cms().getEncoded());
            SignerInformation info = detached.getSignerInfos().getSigners().iterator().next();
            if (!info.verify(new JcaSimpleSignerInfoVerifierBuilder().build(signer))) {
                return "signature value does not verify";
            }
            return signingCertificateProblem(info, signer);
        } catch (Exception e) {   // BC reports a digest mismatch and a bad signature as exceptions
            return "digest or signature does not match: " + e.getMessage();
        }
    }

    /** signing-certificate-v2 must name the very certificate that verified the signature. */
    private static String signingCertificateProblem(SignerInformation info, X509Certificate signer) throws Exception {
        var attribute = info.getSignedAttributes() == null ? null
                : info.getSignedAttributes().get(PKCSObjectIdentifiers.id_aa_signingCertificateV2);
        if (attribute == null) {
            return null;   // not PAdES baseline, but not altered either: the level says so
        }
        ESSCertIDv2 id = SigningCertificateV2.getInstance(attribute.getAttrValues().getObjectAt(0)).getCerts()[0];
        String algorithm = id.getHashAlgorithm().getAlgorithm().getId();
        byte[] hash = java.security.MessageDigest.getInstance(algorithm).digest(signer.getEncoded());
        return Arrays.equals(hash, id.getCertHash()) ? null : "signing-certificate-v2 names another certificate";
    }

    private static X509Certificate signerCertificate(PdfSignatures.Found found) {
        if (found.signer() == null) {
            return null;
        }
        for (X509Certificate c : found.certificates()) {
            try {
                if (found.signer().getSID().match(new X509CertificateHolder(c.getEncoded()))) {
                    return c;
                }
            } catch (Exception e) {
                // not this one
            }
        }
        return null;
    }

    /**
     * The time a timestamp authority vouches for: the signature's own timestamp, else the first document timestamp
     * saved after it. A token is used only when it matches and its TSA chains to an anchor.
     */
    private static Instant trustedTime(PdfSignatures.Found found, List<PdfSignatures.Found> all,
                                       Collection<X509Certificate> anchors) throws IOException {
        if (found.documentTimestamp()) {
            return null;
        }
        for (TimeStampToken token : found.timestamps()) {
            if (Arrays.equals(token.getTimeStampInfo().getMessageImprintDigest(),
                    CadesSignature.sha256(found.signer().getSignature())) && TrustedChains.tsaTrusted(token, anchors)) {
                return token.getTimeStampInfo().getGenTime().toInstant();
            }
        }
        for (PdfSignatures.Found later : all) {
            if (later.documentTimestamp() && later.signedLength() > found.signedLength()
                    && !later.timestamps().isEmpty() && TrustedChains.tsaTrusted(later.timestamps().getFirst(), anchors)) {
                return later.timestamps().getFirst().getTimeStampInfo().getGenTime().toInstant();
            }
        }
        return null;
    }

    /** B-LT once the document holds revocation data for every certificate of the signer's chain but its root. */
    private static SignatureLevel level(PdfSignatures.Found found, Instant trustedTime, X509Certificate signer,
                                        List<X509Certificate> path, PdfSignatures.ValidationData embedded) {
        if (found.documentTimestamp() || signer == null) {
            return null;
        }
        if (trustedTime == null) {
            return SignatureLevel.B_B;
        }
        if (path.size() < 2 || embedded.ocspResponses().isEmpty() && embedded.crls().isEmpty()) {
            return SignatureLevel.B_T;
        }
        for (int i = 0; i + 1 < path.size(); i++) {
            if (Revocations.judge(path.get(i), path.get(i + 1), embedded.ocspResponses(), embedded.crls())
                    == Revocation.UNKNOWN) {
                return SignatureLevel.B_T;
            }
        }
        return SignatureLevel.B_LT;
    }

    private record RevocationCheck(Revocation status, String source) {
    }

    /**
     * Online: ask each issuer's responder now, falling back to what the file holds when it cannot be reached;
     * offline: what the file holds. The worst answer counts; nothing to go on is NOT_CHECKED, not a failure.
     */
    private RevocationCheck revocation(List<X509Certificate> path, PdfSignatures.ValidationData embedded,
                                       boolean online) {
        if (path.size() < 2) {
            return new RevocationCheck(Revocation.NOT_CHECKED, null);
        }
        Revocation worst = Revocation.GOOD;
        String source = null;
        for (int i = 0; i + 1 < path.size(); i++) {
            X509Certificate certificate = path.get(i);
            X509Certificate issuer = path.get(i + 1);
            Revocation said = null;
            if (online) {
                try {
                    Revocations.Evidence evidence = revocations.fetch(certificate, issuer);
                    said = Revocations.judge(certificate, issuer, evidence.ocspResponses(), evidence.crls());
                    source = "online";
                } catch (CounterException unreachable) {
                    // the counter is offline or the CA's responder is down: use the file's data below
                }
            }
            if (said == null) {
                said = Revocations.judge(certificate, issuer, embedded.ocspResponses(), embedded.crls());
                if (said == Revocation.UNKNOWN) {
                    said = Revocation.NOT_CHECKED;
                } else if (source == null) {
                    source = "embedded";
                }
            }
            worst = worse(worst, said);
        }
        return new RevocationCheck(worst, source);
    }

    private static Revocation worse(Revocation a, Revocation b) {
        List<Revocation> order = List.of(Revocation.GOOD, Revocation.NOT_CHECKED, Revocation.UNKNOWN,
                Revocation.REVOKED);
        return order.indexOf(a) >= order.indexOf(b) ? a : b;
    }
}
