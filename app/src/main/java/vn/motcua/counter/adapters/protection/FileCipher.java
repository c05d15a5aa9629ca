package vn.motcua.counter.adapters.protection;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM for files, in segments so a file of any size is encrypted and decrypted as a stream with bounded memory
 * (the layout of Tink's streaming AEAD, kept small): a header {@code MCE1} + a random 7-byte nonce prefix, then
 * segments of at most {@value #SEGMENT} plaintext bytes, each sealed with the nonce {@code prefix ‖ segment number ‖
 * last-flag} and the file's associated data (its role and name). Reordering, truncating, swapping two files or one
 * changed bit makes the read fail instead of returning other bytes.
 */
public final class FileCipher {

    public static final byte[] MAGIC = "MCE1".getBytes(StandardCharsets.US_ASCII);
    static final int SEGMENT = 64 * 1024;
    private static final int PREFIX = 7;
    private static final int TAG_BITS = 128;
    private static final int TAG = TAG_BITS / 8;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    public FileCipher(DataKey dataKey) {
        this.key = new SecretKeySpec(dataKey.derive("files"), "AES");
    }

    /** True when {@code head} starts like a file this cipher wrote (a file from before encryption does not). */
    public static boolean isEncrypted(byte[] head) {
        return head.length >= MAGIC.length && Arrays.equals(head, 0, MAGIC.length, MAGIC, 0, MAGIC.length);
    }

    public byte[] encrypt(byte[] plain, String associated) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(plain.length + plain.length / SEGMENT * TAG + 64);
        try {
            encrypt(new java.io.ByteArrayInputStream(plain), out, associated);
        } catch (IOException e) {
            throw new IllegalStateException("in-memory streams do not fail", e);
        }
        return out.toByteArray();
    }

    public byte[] decrypt(byte[] sealed, String associated) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(0, sealed.length - 32));
        decrypt(new java.io.ByteArrayInputStream(sealed), out, associated);
        return out.toByteArray();
    }

    /** Reads {@code in} to its end and writes it sealed to {@code out}. */
    public void encrypt(InputStream in, OutputStream out, String associated) throws IOException {
        byte[] prefix = new byte[PREFIX];
        RANDOM.nextBytes(prefix);
        out.write(MAGIC);
        out.write(prefix);
        byte[] aad = associated.getBytes(StandardCharsets.UTF_8);
        byte[] current = in.readNBytes(SEGMENT);
        int index = 0;
        while (true) {
            byte[] next = current.length < SEGMENT ? new byte[0] : in.readNBytes(SEGMENT);
            boolean last = next.length == 0;
            out.write(seal(Cipher.ENCRYPT_MODE, prefix, index++, last, aad, current, current.length));
            if (last) {
                return;
            }
            current = next;
        }
    }

    /** Reads a sealed stream and writes its plaintext; throws when anything was changed, cut or reordered. */
    public void decrypt(InputStream in, OutputStream out, String associated) throws IOException {
        byte[] magic = in.readNBytes(MAGIC.length);
        if (!isEncrypted(magic)) {
            throw new IOException("not an encrypted file");
        }
        byte[] prefix = in.readNBytes(PREFIX);
        if (prefix.length != PREFIX) {
            throw new IOException("encrypted file cut short");
        }
        byte[] aad = associated.getBytes(StandardCharsets.UTF_8);
        byte[] current = in.readNBytes(SEGMENT + TAG);
        int index = 0;
        while (true) {
            if (current.length < TAG) {
                throw new IOException("encrypted file cut short");
            }
            byte[] next = current.length < SEGMENT + TAG ? new byte[0] : in.readNBytes(SEGMENT + TAG);
            boolean last = next.length == 0;
            out.write(seal(Cipher.DECRYPT_MODE, prefix, index++, last, aad, current, current.length));
            if (last) {
                return;
            }
            current = next;
        }
    }

    private byte[] seal(int mode, byte[] prefix, int index, boolean last, byte[] aad, byte[] data, int length)
            throws IOException {
        byte[] nonce = ByteBuffer.allocate(12).put(prefix).putInt(index).put((byte) (last ? 1 : 0)).array();
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(aad);
            return cipher.doFinal(data, 0, length);
        } catch (javax.crypto.AEADBadTagException e) {
            throw new IOException("encrypted file altered, cut or not of this counter", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is in every JDK", e);
        }
    }
}
