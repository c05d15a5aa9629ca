package vn.motcua.counter.application.signing;

import java.nio.file.Path;
import java.util.Optional;
import vn.motcua.counter.application.port.SigningKeys;
import vn.motcua.counter.domain.signing.SignatureLevel;

/**
 * Signing and verification as the counter is set up for them ({@code signing.*} settings): the services, the
 * counter's signing policy and where its key is. Nothing here opens a key: that needs the clerk's PIN.
 */
public interface Signatures {

    CopySigning signing();

    CopyVerification verification();

    /** The agency, the level set in {@code signing.level} and, for results, the signer's and seal images. */
    CopySigning.Policy policy();

    /** The same at another level. */
    CopySigning.Policy policy(SignatureLevel level);

    /** The key the settings name (a PKCS#12 file, else a token by its CA profile); empty when neither is set. */
    Optional<SigningKeys.Source> configuredKey();

    SigningKeys.Source pkcs12(Path file);

    /** A token through a SunPKCS11 configuration file ({@code name}, {@code library}, {@code slotListIndex}). */
    SigningKeys.Source pkcs11(Path configuration);
}
