package vn.motcua.counter.application.port;

/**
 * Slow, salted password hashes that carry their own parameters, so they can be made stronger later and old hashes
 * still check. The implementation compares in constant time.
 */
public interface PasswordHashing {

    /** A new hash of {@code password} with a fresh salt and the current parameters. */
    String hash(char[] password);

    /** Whether {@code password} gives {@code stored}; false (never an exception) for a malformed hash. */
    boolean matches(char[] password, String stored);

    /** Whether {@code text} has the form of a hash this implementation made (provisioning may give one). */
    boolean isHash(String text);
}
