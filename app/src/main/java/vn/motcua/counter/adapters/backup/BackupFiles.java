package vn.motcua.counter.adapters.backup;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Properties;
import vn.motcua.counter.adapters.protection.FileCipher;

/** The file work backup and restore share: one file sealed or opened as a stream, forced to disk, hashed. */
final class BackupFiles {

    static final String MANIFEST = "backup.mce";
    static final String DATABASE = "motcua.db.mce";
    static final String FILES = "files";
    static final String SEALED = ".mce";
    static final String KEYRING = "keyring.properties";
    static final String PREFIX = "motcua-backup-";
    /** Associated data: a sealed file opens only under the name it was sealed for. */
    static final String AAD = "motcua-backup/";

    private BackupFiles() {
    }

    /** Encrypts {@code plain} into {@code sealed}; returns the plaintext's SHA-256 (hex). */
    static String seal(FileCipher cipher, Path plain, Path sealed, String name) throws IOException {
        MessageDigest sha = sha256();
        Files.createDirectories(sealed.getParent());
        try (InputStream in = new DigestInputStream(new BufferedInputStream(Files.newInputStream(plain)), sha);
                FileOutputStream file = new FileOutputStream(sealed.toFile());
                OutputStream out = new BufferedOutputStream(file, 1 << 16)) {
            cipher.encrypt(in, out, AAD + name);
            out.flush();
            file.getFD().sync();
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /** Decrypts {@code sealed} into {@code plain}; returns the plaintext's SHA-256; throws when it was altered. */
    static String open(FileCipher cipher, Path sealed, Path plain, String name) throws IOException {
        MessageDigest sha = sha256();
        Files.createDirectories(plain.getParent());
        try (InputStream in = new BufferedInputStream(Files.newInputStream(sealed), 1 << 16);
                FileOutputStream file = new FileOutputStream(plain.toFile());
                OutputStream out = new DigestOutputStream(new BufferedOutputStream(file, 1 << 16), sha)) {
            cipher.decrypt(in, out, AAD + name);
            out.flush();
            file.getFD().sync();
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    static String keyringId(Path keyring) throws IOException {
        Properties ring = new Properties();
        try (InputStream in = Files.newInputStream(keyring)) {
            ring.load(in);
        }
        String id = ring.getProperty("id");
        if (id == null || id.isBlank()) {
            throw new IOException("keyring without id");
        }
        return id;
    }

    /** Removes a folder and everything in it (a partial backup, a failed restore). */
    static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        Files.walkFileTree(folder, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
