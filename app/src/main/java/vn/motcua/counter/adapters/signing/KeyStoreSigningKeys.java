package vn.motcua.counter.adapters.signing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.security.AuthProvider;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.ProviderException;
import java.security.Security;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import javax.security.auth.login.LoginException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.motcua.counter.application.CounterException;
import vn.motcua.counter.application.port.SigningKey;
import vn.motcua.counter.application.port.SigningKeys;

/**
 * Keys from a PKCS#12 file or from a USB token through the JDK's SunPKCS11 provider and the CA's driver library.
 * Each unlock configures a fresh provider instance, so a token pulled out and put back is found again.
 */
public final class KeyStoreSigningKeys implements SigningKeys {

    private static final Logger LOG = LoggerFactory.getLogger(KeyStoreSigningKeys.class);

    @Override
    public SigningKey unlock(Source source, char[] pin) {
        return switch (source) {
            case Pkcs12File file -> fromPkcs12(file, pin);
            case Pkcs11Token token -> fromToken(token, pin);
        };
    }

    private static SigningKey fromPkcs12(Pkcs12File source, char[] pin) {
        try (InputStream in = Files.newInputStream(source.file())) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, pin);
            return keyFrom(store, pin, null, source);
        } catch (NoSuchFileException e) {
            throw new CounterException("signing.no_key_file", e, source.describe());
        } catch (IOException e) {
            if (e.getCause() instanceof java.security.UnrecoverableKeyException || e.getMessage() != null
                    && e.getMessage().contains("password")) {
                throw new CounterException("signing.wrong_pin", e, source.describe());
            }
            throw new CounterException("signing.key_unreadable", e, source.describe());
        } catch (GeneralSecurityException e) {
            throw new CounterException("signing.key_unreadable", e, source.describe());
        }
    }

    private static SigningKey fromToken(Pkcs11Token source, char[] pin) {
        Provider provider;
        try {
            provider = Security.getProvider("SunPKCS11").configure("--" + source.configuration());
        } catch (ProviderException | IllegalArgumentException | UnsupportedOperationException e) {
            // the provider's own words say which library or slot failed: IT staff need them, the clerk gets the key
            LOG.warn("PKCS#11 driver for {} did not start: {}", source.describe(), TokenFailures.chain(e));
            throw new CounterException(TokenFailures.noToken(e) ? "signing.no_token" : "signing.driver_failed", e,
                    source.describe(), TokenFailures.rootMessage(e));
        }
        try {
            KeyStore store = KeyStore.getInstance("PKCS11", provider);
            store.load(null, pin);
            return keyFrom(store, null, provider, source);
        } catch (IOException | GeneralSecurityException | ProviderException e) {
            logout(provider);
            throw TokenFailures.onUnlock(e, source.describe());
        }
    }

    private static SigningKey keyFrom(KeyStore store, char[] pin, Provider provider, Source source)
            throws GeneralSecurityException {
        for (String alias : Collections.list(store.aliases())) {
            if (!store.isKeyEntry(alias)) {
                continue;
            }
            Certificate[] chain = store.getCertificateChain(alias);
            if (chain == null || chain.length == 0) {
                continue;  // a key without its certificate cannot sign a copy anyone can check
            }
            PrivateKey key = (PrivateKey) store.getKey(alias, pin);
            List<X509Certificate> certificates = Arrays.stream(chain).map(X509Certificate.class::cast).toList();
            LOG.info("signing key unlocked from {}: {}", source.describe(),
                    certificates.getFirst().getSubjectX500Principal().getName());
            return new JcaSigningKey(key, certificates, provider, source.describe());
        }
        logout(provider);
        throw new CounterException("signing.no_key", source.describe());
    }

    static void logout(Provider provider) {
        if (provider instanceof AuthProvider auth) {
            try {
                auth.logout();
            } catch (LoginException | ProviderException e) {
                LOG.debug("logout from the token failed (it may be gone): {}", e.toString());
            }
        }
    }
}
