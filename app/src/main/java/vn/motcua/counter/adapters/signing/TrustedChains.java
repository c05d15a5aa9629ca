package vn.motcua.counter.adapters.signing;

import java.security.GeneralSecurityException;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertStore;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.PKIXCertPathBuilderResult;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.tsp.TimeStampToken;
import vn.motcua.counter.application.port.SignatureVerifier.Chain;

/**
 * The signer's chain to a trust anchor by the JDK's PKIX path builder (names, signatures, CA constraints, key
 * usage, validity at the time that counts); revocation is checked apart, so an offline counter still gets a path.
 */
final class TrustedChains {

    private TrustedChains() {
    }

    /** @param path the signer's certificate up to and including the anchor, or as far as the issuers are known */
    record Result(Chain status, String anchor, List<X509Certificate> path) {
        static Result untrusted(List<X509Certificate> path, String anchor) {
            return new Result(Chain.UNTRUSTED, anchor, path);
        }
    }

    static Result check(X509Certificate signer, Collection<X509Certificate> pool, Collection<X509Certificate> anchors,
                        Instant at) {
        List<X509Certificate> everything = new ArrayList<>(pool);
        everything.addAll(anchors);
        List<X509Certificate> walked = Chains.walk(signer, everything);
        X509Certificate top = walked.getLast();
        boolean reachesAnchor = anchors.contains(top);
        if (anchors.isEmpty()) {
            return Result.untrusted(walked, null);
        }
        try {
            Set<TrustAnchor> trust = new HashSet<>();
            anchors.forEach(a -> trust.add(new TrustAnchor(a, null)));
            X509CertSelector target = new X509CertSelector();
            target.setCertificate(signer);
            PKIXBuilderParameters parameters = new PKIXBuilderParameters(trust, target);
            parameters.setRevocationEnabled(false);
            parameters.setDate(Date.from(at));
            parameters.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(pool)));
            PKIXCertPathBuilderResult built = (PKIXCertPathBuilderResult) CertPathBuilder.getInstance("PKIX")
                    .build(parameters);
            List<X509Certificate> path = new ArrayList<>();
            built.getCertPath().getCertificates().forEach(c -> path.add((X509Certificate) c));
            X509Certificate anchor = built.getTrustAnchor().getTrustedCert();
            path.add(anchor);
            return new Result(Chain.TRUSTED, PadesCopySigner.commonName(anchor), path);
        } catch (GeneralSecurityException e) {
            // the issuers lead to an anchor, so what failed is a date or a constraint: not valid at that time
            return reachesAnchor ? new Result(Chain.NOT_VALID_AT_SIGNING_TIME, PadesCopySigner.commonName(top), walked)
                    : Result.untrusted(walked, null);
        }
    }

    /** The token verifies with its TSA's certificate, and that certificate chains to an anchor today. */
    static boolean tsaTrusted(TimeStampToken token, Collection<X509Certificate> anchors) {
        @SuppressWarnings("unchecked")
        Collection<X509CertificateHolder> holders = token.getCertificates().getMatches(null);
        List<X509Certificate> certificates = PdfSignatures.certificates(holders);
        for (X509Certificate tsa : certificates) {
            try {
                if (token.getSID().match(new X509CertificateHolder(tsa.getEncoded()))) {
                    token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(tsa));
                    Instant at = token.getTimeStampInfo().getGenTime().toInstant();
                    return check(tsa, certificates, anchors, at).status() == Chain.TRUSTED;
                }
            } catch (Exception e) {
                return false;
            }
        }
        return false;
    }
}
