package vn.motcua.counter.application.signing;

import java.util.List;
import vn.motcua.counter.application.port.SignatureVerifier.Signature;

/**
 * The answer to "can this signed copy be relied on?": one outcome for the whole file (the worst of its signatures),
 * and what was found for each signature.
 */
public record Verdict(Outcome outcome, int revisions, List<Signature> signatures) {

    /** From best to worst reasons; each has a plain message ({@code verify.outcome.*}) and an exit code. */
    public enum Outcome {
        /** Every signature is intact, chains to a trust anchor and is not revoked; nothing changed after signing. */
        VALID,
        /** The file carries no signature (document timestamps alone do not count). */
        NOT_SIGNED,
        /** The file cannot be read as a PDF. */
        UNREADABLE,
        /** The signed bytes were changed: the signature no longer matches the document. */
        ALTERED,
        /** The signed bytes are intact, but a later update changed what the reader sees. */
        CHANGED_AFTER_SIGNING,
        /** The signer's certificate does not lead to a trusted root. */
        UNTRUSTED,
        /** The certificate (or one of its issuers) was not valid when the copy was signed. */
        NOT_VALID_AT_SIGNING_TIME,
        /** The certificate was revoked by its CA. */
        REVOKED,
        /** The CA's responder was reached but could not say whether the certificate is revoked. */
        REVOCATION_UNKNOWN
    }

    public boolean valid() {
        return outcome == Outcome.VALID;
    }
}
