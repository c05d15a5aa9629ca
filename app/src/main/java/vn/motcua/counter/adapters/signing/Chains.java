package vn.motcua.counter.adapters.signing;

import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Walks from a certificate up through its issuers, by name and by signature, within a known set of certificates. */
final class Chains {

    private static final int MAX_DEPTH = 8;

    private Chains() {
    }

    static Optional<X509Certificate> issuerOf(X509Certificate certificate, Collection<X509Certificate> pool) {
        for (X509Certificate candidate : pool) {
            if (candidate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())) {
                try {
                    certificate.verify(candidate.getPublicKey());
                    return Optional.of(candidate);
                } catch (GeneralSecurityException e) {
                    // same name, other key: keep looking
                }
            }
        }
        return Optional.empty();
    }

    static boolean selfSigned(X509Certificate certificate) {
        if (!certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())) {
            return false;
        }
        try {
            certificate.verify(certificate.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** {@code leaf} and its issuers as far as {@code pool} goes, leaf first. */
    static List<X509Certificate> walk(X509Certificate leaf, Collection<X509Certificate> pool) {
        List<X509Certificate> chain = new ArrayList<>(List.of(leaf));
        X509Certificate current = leaf;
        while (chain.size() < MAX_DEPTH && !selfSigned(current)) {
            Optional<X509Certificate> issuer = issuerOf(current, pool);
            if (issuer.isEmpty() || chain.contains(issuer.get())) {
                break;
            }
            current = issuer.get();
            chain.add(current);
        }
        return chain;
    }
}
