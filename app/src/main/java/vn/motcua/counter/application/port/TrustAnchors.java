package vn.motcua.counter.application.port;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * The certificates a signature must chain to: Vietnam's national root, the government CA root and whatever IT
 * staff add, kept as PEM or DER files in a folder (Vietnamese roots are in no public trust store).
 */
public interface TrustAnchors {

    /**
     * The configured anchors plus the certificates in {@code extraFiles}.
     *
     * @throws vn.motcua.counter.application.CounterException {@code verify.bad_trust_file} for a file that holds
     *         no certificate
     */
    List<X509Certificate> load(List<Path> extraFiles);
}
