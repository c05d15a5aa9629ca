package vn.motcua.counter.adapters.protection;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import vn.motcua.counter.application.port.PasswordHashing;

/**
 * Account passwords as Argon2id hashes (Bouncy Castle, as {@link PassphraseProtection} uses it) in the PHC string
 * format that other tools read: {@code $argon2id$v=19$m=19456,t=2,p=1$SALT$HASH} (Base64 without padding). The
 * parameters are OWASP's (2024) first choice for Argon2id, 19 MiB and 2 passes: about 0.1 s on a counter PC, for a
 * sign-in that happens a few times a day. Each hash keeps its own parameters, so raising them later leaves old
 * hashes checkable. Compared with {@link MessageDigest#isEqual} (constant time).
 */
public final class Argon2idPasswords implements PasswordHashing {

    public static final int MEMORY_KIB = 19 * 1024;
    public static final int PASSES = 2;
    public static final int LANES = 1;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final Pattern PHC = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=(\\d{1,7}),t=(\\d{1,3}),p=(\\d{1,2})\\$([A-Za-z0-9+/]{11,64})\\$([A-Za-z0-9+/]{16,128})");
    private static final Base64.Encoder ENCODER = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getDecoder();

    private final SecureRandom random = new SecureRandom();
    private final int memoryKib;
    private final int passes;

    public Argon2idPasswords() {
        this(MEMORY_KIB, PASSES);
    }

    /** Other parameters (a test checks that a hash keeps its own). */
    public Argon2idPasswords(int memoryKib, int passes) {
        this.memoryKib = memoryKib;
        this.passes = passes;
    }

    @Override
    public String hash(char[] password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = derive(password, salt, memoryKib, passes, LANES, HASH_BYTES);
        return "$argon2id$v=19$m=" + memoryKib + ",t=" + passes + ",p=" + LANES + "$" + ENCODER.encodeToString(salt)
                + "$" + ENCODER.encodeToString(hash);
    }

    @Override
    public boolean matches(char[] password, String stored) {
        Matcher m = stored == null ? null : PHC.matcher(stored);
        if (m == null || !m.matches()) {
            return false;
        }
        int memory = Integer.parseInt(m.group(1));
        int t = Integer.parseInt(m.group(2));
        int p = Integer.parseInt(m.group(3));
        if (memory < 8 * p || memory > 4 * 1024 * 1024 || t < 1 || p < 1) {
            return false;
        }
        byte[] salt;
        byte[] expected;
        try {
            salt = DECODER.decode(m.group(4));
            expected = DECODER.decode(m.group(5));
        } catch (IllegalArgumentException e) {
            return false;
        }
        byte[] actual = derive(password, salt, memory, t, p, expected.length);
        return MessageDigest.isEqual(actual, expected);
    }

    @Override
    public boolean isHash(String text) {
        return text != null && PHC.matcher(text.strip()).matches();
    }

    private static byte[] derive(char[] password, byte[] salt, int memoryKib, int passes, int lanes, int length) {
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);
        Arrays.fill(encoded.array(), (byte) 0);
        try {
            Argon2BytesGenerator generator = new Argon2BytesGenerator();
            generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                    .withVersion(Argon2Parameters.ARGON2_VERSION_13).withSalt(salt)
                    .withMemoryAsKB(memoryKib).withIterations(passes).withParallelism(lanes).build());
            byte[] out = new byte[length];
            generator.generateBytes(bytes, out);
            return out;
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }
}
