package vn.motcua.counter.adapters.signing;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.ProviderException;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.List;
import vn.motcua.counter.application.CounterException;
import vn.motcua.counter.application.port.SigningKey;

/** A private key held by a JCA provider (the JDK's PKCS#12 keystore or SunPKCS11); it never leaves the provider. */
final class JcaSigningKey implements SigningKey {

    private final PrivateKey key;
    private final List<X509Certificate> chain;
    private final Provider provider;
    private final String source;
    private volatile boolean closed;

    JcaSigningKey(PrivateKey key, List<X509Certificate> chain, Provider provider, String source) {
        this.key = key;
        this.chain = List.copyOf(chain);
        this.provider = provider;
        this.source = source;
    }

    @Override
    public List<X509Certificate> chain() {
        return chain;
    }

    @Override
    public String signatureAlgorithm() {
        return "EC".equals(key.getAlgorithm()) ? "SHA256withECDSA" : "SHA256withRSA";
    }

    @Override
    public byte[] sign(byte[] data) {
        if (closed) {
            throw new IllegalStateException("the signing key was closed after its batch");
        }
        try {
            Signature signature = provider == null ? Signature.getInstance(signatureAlgorithm())
                    : Signature.getInstance(signatureAlgorithm(), provider);
            signature.initSign(key);
            signature.update(data);
            return signature.sign();
        } catch (GeneralSecurityException | ProviderException e) {
            if (provider == null) {
                throw new CounterException("signing.failed", e, source);
            }
            throw TokenFailures.onSign(e, source);
        }
    }

    @Override
    public void close() {
        closed = true;
        KeyStoreSigningKeys.logout(provider);
    }
}
