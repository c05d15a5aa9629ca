package vn.motcua.counter.application.signing;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import vn.motcua.counter.application.CounterException;
import vn.motcua.counter.application.port.SignatureVerifier;
import vn.motcua.counter.application.port.SignatureVerifier.Change;
import vn.motcua.counter.application.port.SignatureVerifier.Chain;
import vn.motcua.counter.application.port.SignatureVerifier.Revocation;
import vn.motcua.counter.application.port.SignatureVerifier.Signature;
import vn.motcua.counter.application.port.TrustAnchors;
import vn.motcua.counter.application.signing.Verdict.Outcome;

/** Verifies a signed copy for the command line and the window alike: the same checks, the same verdict. */
public final class CopyVerification {

    private final SignatureVerifier verifier;
    private final TrustAnchors anchors;

    public CopyVerification(SignatureVerifier verifier, TrustAnchors anchors) {
        this.verifier = verifier;
        this.anchors = anchors;
    }

    /**
     * @param extraTrust certificates trusted for this check besides the configured trust store
     * @param online     ask OCSP responders and CRL points now; offline, the file's own revocation data is used
     */
    public Verdict verify(byte[] pdf, List<Path> extraTrust, boolean online) {
        List<X509Certificate> trusted = anchors.load(extraTrust);
        SignatureVerifier.Findings findings;
        try {
            findings = verifier.inspect(pdf, trusted, online);
        } catch (CounterException e) {
            if ("verify.unreadable".equals(e.messageKey())) {
                return new Verdict(Outcome.UNREADABLE, 0, List.of());
            }
            throw e;
        }
        return new Verdict(judge(findings.signatures()), findings.revisions(), findings.signatures());
    }

    /** The worst thing found, in the order a clerk must hear about it. */
    static Outcome judge(List<Signature> signatures) {
        if (signatures.stream().noneMatch(s -> !s.documentTimestamp())) {
            return Outcome.NOT_SIGNED;
        }
        if (signatures.stream().anyMatch(s -> !s.intact())) {
            return Outcome.ALTERED;
        }
        if (signatures.stream().anyMatch(s -> s.later().stream().anyMatch(r -> r.change() == Change.CONTENT))) {
            return Outcome.CHANGED_AFTER_SIGNING;
        }
        List<Signature> signed = signatures.stream().filter(s -> !s.documentTimestamp()).toList();
        if (signed.stream().anyMatch(s -> s.revocation() == Revocation.REVOKED)) {
            return Outcome.REVOKED;
        }
        if (signed.stream().anyMatch(s -> s.chain() == Chain.NOT_VALID_AT_SIGNING_TIME)) {
            return Outcome.NOT_VALID_AT_SIGNING_TIME;
        }
        if (signed.stream().anyMatch(s -> s.chain() == Chain.UNTRUSTED)) {
            return Outcome.UNTRUSTED;
        }
        if (signed.stream().anyMatch(s -> s.revocation() == Revocation.UNKNOWN)) {
            return Outcome.REVOCATION_UNKNOWN;
        }
        return Outcome.VALID;
    }
}
