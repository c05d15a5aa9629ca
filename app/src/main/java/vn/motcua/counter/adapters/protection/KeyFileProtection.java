package vn.motcua.counter.adapters.protection;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;

/**
 * Linux: a key-encryption key in a file readable by its owner only (0600, in a 0700 folder: the account's
 * {@code ~/.config/motcua-counter/keys} by default, or a system folder set by {@code security.key.dir}), one file per
 * data folder's keyring.
 * The data folder and its backups hold only the wrapped data key, so a copy of them without this file (and without
 * the recovery key) opens nothing. The folder must not lie inside the data folder.
 */
public final class KeyFileProtection implements KeyProtection {

    private static final Set<PosixFilePermission> OWNER_FOLDER = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    private final Path folder;
    private final Path dataFolder;

    public KeyFileProtection(Path folder, Path dataFolder) {
        this.folder = folder.toAbsolutePath().normalize();
        this.dataFolder = dataFolder.toAbsolutePath().normalize();
    }

    @Override
    public String kind() {
        return "keyfile";
    }

    @Override
    public Optional<String> unavailable() {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return Optional.of("no owner-only file permissions on this system (use dpapi or passphrase)");
        }
        if (folder.startsWith(dataFolder)) {
            return Optional.of("the key folder " + folder + " lies inside the data folder");
        }
        try {
            if (!Files.isDirectory(folder)) {
                Files.createDirectories(folder);
                Files.setPosixFilePermissions(folder, OWNER_FOLDER);
            }
            if (!Files.isWritable(folder) && !Files.isReadable(folder)) {
                return Optional.of("the key folder " + folder + " cannot be used by this account");
            }
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(folder);
            if (permissions.contains(PosixFilePermission.OTHERS_READ)
                    || permissions.contains(PosixFilePermission.OTHERS_WRITE)
                    || permissions.contains(PosixFilePermission.GROUP_WRITE)) {
                return Optional.of("the key folder " + folder + " is open to other accounts");
            }
            return Optional.empty();
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return Optional.of("the key folder " + folder + " cannot be created (" + e.getClass().getSimpleName()
                    + ")");
        }
    }

    @Override
    public byte[] wrap(byte[] dataKey, String keyringId) throws ProtectionException {
        Path file = fileOf(keyringId);
        byte[] kek;
        try {
            kek = Files.exists(file) ? readKey(file) : writeNewKey(file);
        } catch (IOException e) {
            throw new ProtectionException("cannot write the key file " + file, e);
        }
        return Sealing.seal(kek, dataKey, keyringId);
    }

    @Override
    public byte[] unwrap(byte[] wrapped, String keyringId) throws ProtectionException {
        Path file = fileOf(keyringId);
        try {
            return Sealing.open(readKey(file), wrapped, keyringId);
        } catch (NoSuchFileException e) {
            throw new ProtectionException("the key file " + file + " is missing", e);
        } catch (IOException e) {
            throw new ProtectionException("cannot read the key file " + file, e);
        }
    }

    Path fileOf(String keyringId) {
        if (!keyringId.matches("[0-9a-f]{32}")) {
            throw new IllegalArgumentException("not a keyring id");
        }
        return folder.resolve(keyringId + ".key");
    }

    private static byte[] readKey(Path file) throws IOException, ProtectionException {
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
        if (!OWNER_FILE.containsAll(permissions)) {
            throw new ProtectionException("the key file " + file + " is readable by other accounts: "
                    + PosixFilePermissions.toString(permissions));
        }
        byte[] kek = Files.readAllBytes(file);
        if (kek.length != 32) {
            throw new ProtectionException("the key file " + file + " is damaged");
        }
        return kek;
    }

    private static byte[] writeNewKey(Path file) throws IOException {
        byte[] kek = Sealing.random(32);
        Path tmp = Files.createTempFile(file.getParent(), ".key", ".tmp",
                PosixFilePermissions.asFileAttribute(OWNER_FILE));
        try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
            channel.write(java.nio.ByteBuffer.wrap(kek));
            channel.force(true);
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
        try (FileChannel dir = FileChannel.open(file.getParent(), StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException ignored) {
            // a folder cannot be forced on every file system; the rename is journaled there
        }
        return kek;
    }
}
