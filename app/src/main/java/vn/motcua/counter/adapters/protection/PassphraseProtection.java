package vn.motcua.counter.adapters.protection;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * A passphrase typed at start (or given to the command line through {@code security.passphrase} /
 * {@code MOTCUA_SECURITY_PASSPHRASE}): the key-encryption key is Argon2id (Bouncy Castle; 64 MiB, 3 passes) of the
 * passphrase and a random salt kept beside the wrapped key.
 */
public final class PassphraseProtection implements KeyProtection {

    static final int MIN_LENGTH = 12;
    private static final int SALT = 16;
    private final char[] passphrase;

    public PassphraseProtection(char[] passphrase) {
        this.passphrase = passphrase == null ? new char[0] : passphrase.clone();
    }

    @Override
    public String kind() {
        return "passphrase";
    }

    @Override
    public Optional<String> unavailable() {
        if (passphrase.length == 0) {
            return Optional.of("no passphrase given (security.passphrase)");
        }
        if (passphrase.length < MIN_LENGTH) {
            return Optional.of("the passphrase is shorter than " + MIN_LENGTH + " characters");
        }
        return Optional.empty();
    }

    @Override
    public byte[] wrap(byte[] dataKey, String keyringId) {
        byte[] salt = Sealing.random(SALT);
        byte[] sealed = Sealing.seal(kek(salt), dataKey, keyringId);
        return ByteBuffer.allocate(SALT + sealed.length).put(salt).put(sealed).array();
    }

    @Override
    public byte[] unwrap(byte[] wrapped, String keyringId) throws ProtectionException {
        if (wrapped.length <= SALT) {
            throw new ProtectionException("wrapped key too short");
        }
        byte[] salt = java.util.Arrays.copyOf(wrapped, SALT);
        byte[] sealed = java.util.Arrays.copyOfRange(wrapped, SALT, wrapped.length);
        try {
            return Sealing.open(kek(salt), sealed, keyringId);
        } catch (ProtectionException e) {
            throw new ProtectionException("wrong passphrase", e);
        }
    }

    private byte[] kek(byte[] salt) {
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id).withSalt(salt)
                .withMemoryAsKB(64 * 1024).withIterations(3).withParallelism(1).build());
        byte[] out = new byte[32];
        byte[] bytes = new String(passphrase).getBytes(StandardCharsets.UTF_8);
        generator.generateBytes(bytes, out);
        java.util.Arrays.fill(bytes, (byte) 0);
        return out;
    }
}
