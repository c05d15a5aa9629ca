package vn.motcua.counter.adapters.update;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The Ed25519 keys whose signature on a manifest is accepted (PEM public keys, as {@code openssl genpkey -algorithm
 * ed25519} and {@code openssl pkey -pubout} write them), and the check of a detached signature over the manifest's
 * exact bytes: base64 of the 64 raw bytes {@code openssl pkeyutl -sign -rawin} writes, or those bytes themselves.
 */
final class ManifestSignature {

    private final List<PublicKey> trusted;

    ManifestSignature(List<PublicKey> trusted) {
        this.trusted = List.copyOf(trusted);
    }

    static ManifestSignature fromFiles(List<Path> pemFiles) throws IOException {
        List<PublicKey> keys = new ArrayList<>();
        for (Path file : pemFiles) {
            keys.add(readPublicKey(Files.readString(file, StandardCharsets.US_ASCII)));
        }
        return new ManifestSignature(keys);
    }

    static PublicKey readPublicKey(String pem) throws IOException {
        String base64 = pem.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(
                    Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IOException("not an Ed25519 public key in PEM", e);
        }
    }

    boolean trusts() {
        return !trusted.isEmpty();
    }

    /** Whether one of the trusted keys signed exactly {@code manifest}. */
    boolean verifies(byte[] manifest, byte[] signatureFile) {
        byte[] signature = decode(signatureFile);
        for (PublicKey key : trusted) {
            try {
                Signature check = Signature.getInstance("Ed25519");
                check.initVerify(key);
                check.update(manifest);
                if (check.verify(signature)) {
                    return true;
                }
            } catch (GeneralSecurityException e) {
                // a malformed signature verifies with no key
            }
        }
        return false;
    }

    private static byte[] decode(byte[] signatureFile) {
        if (signatureFile.length == 64) {
            return signatureFile;
        }
        try {
            return Base64.getMimeDecoder().decode(new String(signatureFile, StandardCharsets.US_ASCII).strip());
        } catch (IllegalArgumentException e) {
            return new byte[0];
        }
    }
}
