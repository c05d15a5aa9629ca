package vn.motcua.sync.wire;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * EC P-256 keys as the protocol carries them: public keys as base64 X.509 SubjectPublicKeyInfo, private keys as
 * PKCS#8. A key's id (in USB packages and receipts) is the first 20 bytes of the SHA-256 of its encoding.
 */
public final class Keys {
    /** Bouncy Castle as an instance, never installed JVM-wide; made on first use (it takes a second to load). */
    private static final class Bc {
        static final Provider PROVIDER = new BouncyCastleProvider();
    }

    static Provider bc() {
        return Bc.PROVIDER;
    }

    private Keys() {
    }

    public static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has EC P-256", e);
        }
    }

    public static String encode(PublicKey key) {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    /** Reads a counter's or the hub's public key; anything but an EC P-256 key is refused. */
    public static PublicKey decodePublic(String base64) throws WireFormatException {
        try {
            PublicKey key = KeyFactory.getInstance("EC").generatePublic(
                    new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
            if (!(key instanceof java.security.interfaces.ECPublicKey ec) || ec.getParams().getCurve().getField().getFieldSize() != 256) {
                throw new WireFormatException("publicKey", "not an EC P-256 key");
            }
            return key;
        } catch (IllegalArgumentException | GeneralSecurityException | NullPointerException e) {
            throw new WireFormatException("publicKey", "not a base64 X.509 EC public key");
        }
    }

    public static byte[] encodePrivate(PrivateKey key) {
        return key.getEncoded();
    }

    public static PrivateKey decodePrivate(byte[] pkcs8) {
        try {
            return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not a PKCS#8 EC private key", e);
        }
    }

    public static byte[] keyId(PublicKey key) {
        return Arrays.copyOf(Sha256.digest().digest(key.getEncoded()), 20);
    }
}
