package vn.motcua.counter.application.port;

import java.security.cert.X509Certificate;
import java.util.List;

/**
 * An agency's signing key, unlocked with its PIN for one batch: a PKCS#12 file, a USB token (PKCS#11), or later a
 * remote signing service. It signs bytes without ever handing out the private key; closing it logs out of the
 * token and forgets everything the PIN opened.
 */
public interface SigningKey extends AutoCloseable {

    /** The signer's certificate first, then its issuers as far as the key source knows them. */
    List<X509Certificate> chain();

    /** The JCA name of the signature this key makes over its input, e.g. {@code SHA256withRSA}. */
    String signatureAlgorithm();

    /**
     * Signs {@code data} (the DER of a signature's signed attributes).
     *
     * @throws vn.motcua.counter.application.CounterException with {@code signing.token_removed} when the token was
     *         pulled out or stopped answering, or {@code signing.second_pin} when it asks for a second PIN
     */
    byte[] sign(byte[] data);

    @Override
    void close();
}
