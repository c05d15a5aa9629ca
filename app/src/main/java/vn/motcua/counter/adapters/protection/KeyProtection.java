package vn.motcua.counter.adapters.protection;

import java.util.Optional;

/**
 * How the data key is kept on this machine: wrapped by something a copied data folder or backup does not carry
 * (a root-only key file in a system folder, a passphrase typed at start, Windows DPAPI bound to the account).
 * There is no "none": when no protection is available the counter does not open (fail closed, decision 1201).
 */
public interface KeyProtection {

    /** The name kept in the keyring: keyfile, passphrase, dpapi. */
    String kind();

    /** Why this protection cannot be used on this machine now (for the message), or empty when it can. */
    Optional<String> unavailable();

    /** Seals the data key; {@code keyringId} binds the result to one data folder's keyring. */
    byte[] wrap(byte[] dataKey, String keyringId) throws ProtectionException;

    byte[] unwrap(byte[] wrapped, String keyringId) throws ProtectionException;

    /** Protection could not seal or open the key; the message is for the log, never shown with a key in it. */
    final class ProtectionException extends Exception {
        public ProtectionException(String message) {
            super(message);
        }

        public ProtectionException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
