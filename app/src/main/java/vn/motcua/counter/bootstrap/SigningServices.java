package vn.motcua.counter.bootstrap;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import vn.motcua.counter.adapters.signing.KeyStoreSigningKeys;
import vn.motcua.counter.adapters.signing.PadesCopySigner;
import vn.motcua.counter.adapters.signing.PdfSignatureVerifier;
import vn.motcua.counter.adapters.signing.TokenProfiles;
import vn.motcua.counter.adapters.signing.TrustFolder;
import vn.motcua.counter.application.CounterException;
import vn.motcua.counter.application.port.SigningKeys;
import vn.motcua.counter.application.signing.CopySigning;
import vn.motcua.counter.application.signing.CopyVerification;
import vn.motcua.counter.application.signing.Signatures;
import vn.motcua.counter.domain.signing.SignatureLevel;

/**
 * Signing and verification built from the settings ({@code signing.*}), for the window and the command line: the
 * services, the counter's signing policy and where its key is. Nothing here opens the key: that needs the PIN.
 */
public final class SigningServices implements Signatures {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SigningServices.class);

    /** Short enough that an offline counter signs at B-B without making the clerk wait. */
    private static final Duration NETWORK_TIMEOUT = Duration.ofSeconds(10);
    static final String TRUST_FOLDER = "trust";

    private final Settings settings;
    private final CopySigning signing;
    private final CopyVerification verification;

    private SigningServices(Settings settings, Clock clock) {
        this.settings = settings;
        URI tsa = settings.get(Settings.SIGNING_TSA_URL).map(URI::create).orElse(null);
        this.signing = new CopySigning(new KeyStoreSigningKeys(), new PadesCopySigner(tsa, NETWORK_TIMEOUT), clock);
        this.verification = new CopyVerification(new PdfSignatureVerifier(NETWORK_TIMEOUT), new TrustFolder(trustFolder()));
    }

    public static SigningServices from(Settings settings, Clock clock) {
        return new SigningServices(settings, clock);
    }

    @Override
    public CopySigning signing() {
        return signing;
    }

    @Override
    public CopyVerification verification() {
        return verification;
    }

    public Path trustFolder() {
        return settings.get(Settings.SIGNING_TRUST_DIR).map(Path::of)
                .orElseGet(() -> settings.dataDirectory().resolve(TRUST_FOLDER));
    }

    /** Without a timestamp authority a copy cannot rise above B-B: the level is then B-B, never "to extend". */
    @Override
    public CopySigning.Policy policy() {
        return policy(settings.get(Settings.SIGNING_TSA_URL).isEmpty() ? SignatureLevel.B_B
                : level(settings.get(Settings.SIGNING_LEVEL).orElse("B-LT")));
    }

    @Override
    public CopySigning.Policy policy(SignatureLevel level) {
        return new CopySigning.Policy(settings.require(Settings.AGENCY_NAME), level,
                image(Settings.SIGNING_SIGNER_IMAGE), image(Settings.SIGNING_SEAL_IMAGE));
    }

    private static SignatureLevel level(String text) {
        return SignatureLevel.parse(text)
                .orElseThrow(() -> new CounterException("settings.bad_value", Settings.SIGNING_LEVEL, text));
    }

    private byte[] image(String key) {
        Optional<Path> file = settings.get(key).map(Path::of);
        if (file.isEmpty()) {
            return null;
        }
        try {
            return Files.readAllBytes(file.get());
        } catch (IOException e) {
            throw new CounterException("settings.bad_value", e, key, file.get().toString());
        }
    }

    @Override
    public Optional<SigningKeys.Source> configuredKey() {
        Optional<String> file = settings.get(Settings.SIGNING_KEY);
        if (file.isPresent()) {
            return Optional.of(pkcs12(Path.of(file.get())));
        }
        Optional<Path> library = settings.get(Settings.SIGNING_PKCS11_LIBRARY).map(Path::of);
        Optional<String> profile = settings.get(Settings.SIGNING_PKCS11_PROFILE);
        if (profile.isEmpty() && library.isEmpty()) {
            return Optional.empty();
        }
        if (profile.isEmpty()) {
            return Optional.of(TokenProfiles.token("Token", library.get().toString()));
        }
        TokenProfiles profiles = TokenProfiles.load(settings.get(Settings.SIGNING_PKCS11_PROFILES).map(Path::of)
                .orElse(null));
        if (library.isEmpty() && !profiles.confirmed(profile.get())) {
            LOG.warn("the driver path of token profile {} is unconfirmed: check it on this PC, or set {}",
                    profile.get(), Settings.SIGNING_PKCS11_LIBRARY);
        }
        return Optional.of(profiles.token(profile.get(), library.orElse(null)));
    }

    @Override
    public SigningKeys.Source pkcs12(Path file) {
        return new SigningKeys.Pkcs12File(file);
    }

    @Override
    public SigningKeys.Source pkcs11(Path configuration) {
        return TokenProfiles.fromConfigFile(configuration);
    }
}
