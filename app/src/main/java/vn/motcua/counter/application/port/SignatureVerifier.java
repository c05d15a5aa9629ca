package vn.motcua.counter.application.port;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import vn.motcua.counter.domain.signing.SignatureLevel;

/** Reads every signature of a PDF and checks it against the bytes, the trust anchors and revocation data. */
public interface SignatureVerifier {

    /** Whether the signer's certificate leads to a trust anchor and was valid when it signed. */
    enum Chain { TRUSTED, UNTRUSTED, NOT_VALID_AT_SIGNING_TIME }

    /** Where the signer's certificate stood: GOOD or REVOKED by an OCSP answer or a CRL, else not known. */
    enum Revocation { GOOD, REVOKED, UNKNOWN, NOT_CHECKED }

    /** What an incremental update after a signature changed. Only CONTENT breaks the signed copy. */
    enum Change { VALIDATION_DATA, DOCUMENT_TIMESTAMP, SIGNATURE, CONTENT }

    /**
     * One update saved after a signature.
     *
     * @param revision 1 for the file's first revision
     * @param details  for CONTENT, what was changed ("page 2", "annotation on page 1", …)
     */
    record LaterRevision(int revision, Change change, List<String> details) {
    }

    /**
     * One signature as found.
     *
     * @param documentTimestamp a document timestamp (ETSI.RFC3161), not a person's or agency's signature
     * @param intact            its byte ranges cover its revision except the signature itself, their digest matches
     *                          and the signature value verifies with the signer's key
     * @param claimedTime       the signing time the signer's computer stated
     * @param trustedTime       the time a timestamp authority certified, or null
     * @param revocationSource  e.g. "OCSP (trong tệp)", "CRL (trực tuyến)"; null when none was used
     */
    record Signature(String field, int revision, boolean documentTimestamp, boolean intact, String problem,
                     String signer, String issuer, Instant claimedTime, Instant trustedTime, SignatureLevel level,
                     Chain chain, String anchor, Revocation revocation, String revocationSource,
                     List<LaterRevision> later) {
    }

    /** @param revisions how many revisions (saves) the file holds */
    record Findings(int revisions, List<Signature> signatures) {
    }

    /**
     * @param online ask OCSP responders and CRL distribution points on the network; otherwise use only the
     *               revocation data inside the file
     * @throws vn.motcua.counter.application.CounterException {@code verify.unreadable} when the file is no PDF
     */
    Findings inspect(byte[] pdf, Collection<X509Certificate> anchors, boolean online);
}
