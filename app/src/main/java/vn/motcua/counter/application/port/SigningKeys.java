package vn.motcua.counter.application.port;

import java.nio.file.Path;

/** Opens an agency's signing key with the PIN the clerk typed. The PIN is used to unlock and never kept. */
public interface SigningKeys {

    /** Where the key is. */
    sealed interface Source permits Pkcs12File, Pkcs11Token {
        /** For messages and logs: the file or the token's name, never a secret. */
        String describe();
    }

    /** A PKCS#12 file ({@code .p12}, {@code .pfx}). */
    record Pkcs12File(Path file) implements Source {
        @Override
        public String describe() {
            return file.toString();
        }
    }

    /**
     * A USB token through its CA's PKCS#11 driver, as a SunPKCS11 configuration ({@code name}, {@code library},
     * {@code slotListIndex}); {@code name} names it in messages.
     */
    record Pkcs11Token(String name, String configuration) implements Source {
        @Override
        public String describe() {
            return name;
        }
    }

    /**
     * Unlocks the key; the caller clears {@code pin} afterwards.
     *
     * @throws vn.motcua.counter.application.CounterException {@code signing.no_token}, {@code signing.wrong_pin},
     *         {@code signing.pin_locked}, {@code signing.no_key}, {@code signing.driver_failed} or
     *         {@code signing.key_unreadable}
     */
    SigningKey unlock(Source source, char[] pin);
}
