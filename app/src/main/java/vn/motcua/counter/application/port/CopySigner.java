package vn.motcua.counter.application.port;

import vn.motcua.counter.domain.signing.SignatureLevel;
import vn.motcua.counter.domain.signing.SignatureStamp;

/**
 * Signs electronic copies as PAdES (ETSI EN 319 142-1), each signature an incremental update that keeps the copy's
 * PDF/A conformance, and raises signed copies to longer-lived levels when the counter is online.
 */
public interface CopySigner {

    /**
     * What the signature shows on the first page: the stamp's text and, for results, the signer's image (blue,
     * transparent PNG) and the agency's seal (red PNG); both images null for copies.
     */
    record Appearance(SignatureStamp stamp, byte[] signerImage, byte[] sealImage) {

        public static Appearance text(SignatureStamp stamp) {
            return new Appearance(stamp, null, null);
        }
    }

    /**
     * Signs {@code pdf} at B-B, or at B-T with a signature timestamp when {@code timestamped}.
     *
     * @throws ValidationDataUnavailableException when the timestamp authority cannot be reached
     */
    byte[] sign(byte[] pdf, SigningKey key, Appearance appearance, boolean timestamped);

    /**
     * Raises every signature of a signed copy to {@code level}: a document timestamp for B-T, then the chain and
     * revocation data in the document's DSS dictionary for B-LT. A copy already at the level comes back unchanged.
     *
     * @throws ValidationDataUnavailableException when a timestamp, OCSP responder or CRL cannot be reached
     */
    byte[] extend(byte[] signedPdf, SignatureLevel level);

    /**
     * The level the copy's last signature has reached by its structure (a timestamp, validation data after it), or
     * empty when it carries no signature. Trust is not judged here: that is the verifier's work.
     */
    java.util.Optional<SignatureLevel> levelOf(byte[] pdf);

    /** The counter is offline for now: what was asked can be done later, when it is online again. */
    final class ValidationDataUnavailableException extends vn.motcua.counter.application.CounterException {
        public ValidationDataUnavailableException(String what, Throwable cause) {
            super("signing.offline", cause, what);
        }
    }
}
