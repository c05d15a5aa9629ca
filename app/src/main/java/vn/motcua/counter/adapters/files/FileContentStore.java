package vn.motcua.counter.adapters.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.motcua.counter.adapters.protection.FileCipher;
import vn.motcua.counter.application.CounterException;
import vn.motcua.counter.application.port.ContentStore;

/**
 * A content-addressed store on the local disk: {@code root/ab/abcdef…} where the name is the SHA-256 of the bytes.
 * Each item is written to a temporary file, forced to disk and renamed into place, so a crash leaves either the
 * whole file or none; equal content is stored once. With a {@link FileCipher} every item is written encrypted
 * (AES-GCM, the content id as associated data; decision 1201) and read back decrypted, so callers see plain
 * bytes; {@link #encryptExisting} seals the items of a folder from before encryption, one file at a time.
 */
public final class FileContentStore implements ContentStore {

    private static final Logger LOG = LoggerFactory.getLogger(FileContentStore.class);
    private static final Pattern CONTENT_ID = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern SHARD = Pattern.compile("[0-9a-f]{2}");
    private static final String SEALED_MARKER = ".sealed";

    /** Saves share the store; a clean-up's removal of one file excludes them (see {@link #removeUnreferenced}). */
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Lock saving = lock.readLock();
    private final Lock cleaning = lock.writeLock();

    private final Path root;
    private final Path temporary;
    private final FileCipher cipher; // null: plain files (tests of the store alone; the counter always has one)

    public FileContentStore(Path root) {
        this(root, null);
    }

    public FileContentStore(Path root, FileCipher cipher) {
        this.root = root;
        this.cipher = cipher;
        this.temporary = root.resolve(".tmp");
        try {
            Files.createDirectories(temporary);
        } catch (IOException e) {
            throw new CounterException("store.folder_unwritable", e, root);
        }
    }

    @Override
    public String put(byte[] content) {
        saving.lock();
        try {
            return store(content);
        } finally {
            saving.unlock();
        }
    }

    private String store(byte[] content) {
        String id = sha256(content);
        Path target = fileOf(id);
        if (Files.exists(target)) {
            touch(target); // stored again now: a clean-up running meanwhile must not take it
            return id;
        }
        Path tmp = null;
        try {
            Files.createDirectories(target.getParent());
            tmp = Files.createTempFile(temporary, id.substring(0, 8), ".part");
            writeForced(tmp, cipher == null ? content : cipher.encrypt(content, associated(id)));
            moveIntoPlace(tmp, target);
            forceDirectory(target.getParent());
            return id;
        } catch (IOException e) {
            deleteQuietly(tmp);
            LOG.error("cannot store content {}", id, e);
            throw new CounterException(isDiskFull(e) ? "store.disk_full" : "store.write_failed", e, root);
        }
    }

    private static void writeForced(Path file, byte[] bytes) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
    }

    private static String associated(String contentId) {
        return "content:" + contentId;
    }

    @Override
    public byte[] read(String contentId) {
        try {
            return plain(contentId, Files.readAllBytes(fileOf(contentId)));
        } catch (NoSuchFileException e) {
            throw new CounterException("store.content_missing", e, contentId);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The stored bytes decrypted; a file from before encryption is returned as it is. */
    private byte[] plain(String contentId, byte[] stored) throws IOException {
        if (cipher == null || !FileCipher.isEncrypted(stored)) {
            return stored;
        }
        return cipher.decrypt(stored, associated(contentId));
    }

    @Override
    public boolean verify(String contentId) {
        Path path = fileOf(contentId);
        try {
            return Files.isRegularFile(path) && sha256(plain(contentId, Files.readAllBytes(path))).equals(contentId);
        } catch (IOException e) {
            LOG.warn("cannot read content {}", contentId, e);
            return false;
        }
    }

    /**
     * Seals every item still stored in plain (a data folder from before decision 1201): each is read, checked
     * against its id, written encrypted to a temporary file, forced and renamed over the plain one, so a crash at
     * any point leaves each item either plain or sealed, whole; the next start carries on. Returns how many were
     * sealed.
     */
    public int encryptExisting(BooleanSupplier cancelled) {
        if (cipher == null) {
            throw new IllegalStateException("no cipher");
        }
        int sealed = 0;
        try (Stream<Path> folders = Files.list(root)) {
            for (Path folder : (Iterable<Path>) folders::iterator) {
                if (!Files.isDirectory(folder) || !SHARD.matcher(folder.getFileName().toString()).matches()) {
                    continue;
                }
                try (Stream<Path> files = Files.list(folder)) {
                    for (Path file : (Iterable<Path>) files::iterator) {
                        if (cancelled.getAsBoolean()) {
                            return sealed;
                        }
                        String id = file.getFileName().toString();
                        if (CONTENT_ID.matcher(id).matches() && sealOne(id, file)) {
                            sealed++;
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new CounterException("store.write_failed", e, root);
        }
        return sealed;
    }

    /**
     * {@link #encryptExisting} once per data folder: a marker ({@code .sealed}) is written when a pass went to the end,
     * after which every item is sealed (each new one is written sealed), so later starts do not read the store
     * again. A pass that was stopped or killed leaves no marker, and the next start carries on. Returns how many
     * items this pass sealed.
     */
    public int sealPlainItemsOnce(BooleanSupplier cancelled) {
        Path marker = root.resolve(SEALED_MARKER);
        if (Files.exists(marker)) {
            return 0;
        }
        int sealed = encryptExisting(cancelled);
        if (!cancelled.getAsBoolean()) {
            try {
                Path tmp = Files.createTempFile(temporary, "sealed", ".part");
                writeForced(tmp, "every item of this store is sealed (decision 1201)\n".getBytes(
                        java.nio.charset.StandardCharsets.US_ASCII));
                moveIntoPlace(tmp, marker);
                forceDirectory(root);
            } catch (IOException e) {
                LOG.warn("cannot mark the content store as sealed; the next start checks it again", e);
            }
            if (sealed > 0) {
                LOG.info("sealed {} content files stored before encryption", sealed);
            }
        }
        return sealed;
    }

    private boolean sealOne(String id, Path file) throws IOException {
        saving.lock();
        try {
            byte[] stored = Files.readAllBytes(file);
            if (FileCipher.isEncrypted(stored)) {
                return false;
            }
            if (!sha256(stored).equals(id)) {
                LOG.warn("content {} does not match its id; left as it is for doctor", id);
                return false;
            }
            Path tmp = Files.createTempFile(temporary, id.substring(0, 8), ".part");
            try {
                writeForced(tmp, cipher.encrypt(stored, associated(id)));
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(tmp);
            }
            forceDirectory(file.getParent());
            return true;
        } finally {
            saving.unlock();
        }
    }

    /**
     * Walks {@code root/ab/…} and {@code .tmp} (temporary files a crash left). Each removal holds the write lock and
     * checks the file's time again, so it cannot fall between a {@link #put} finding the file and the row that
     * will refer to it.
     */
    @Override
    public Removed removeUnreferenced(Set<String> referenced, Instant storedBefore, BooleanSupplier cancelled) {
        int items = 0;
        long bytes = 0;
        try (Stream<Path> folders = Files.list(root)) {
            for (Path folder : (Iterable<Path>) folders::iterator) {
                boolean contents = SHARD.matcher(folder.getFileName().toString()).matches();
                if (!Files.isDirectory(folder) || !(contents || folder.equals(temporary))) {
                    continue;
                }
                try (Stream<Path> files = Files.list(folder)) {
                    for (Path file : (Iterable<Path>) files::iterator) {
                        if (cancelled.getAsBoolean()) {
                            return new Removed(items, bytes);
                        }
                        String name = file.getFileName().toString();
                        if (contents && (!CONTENT_ID.matcher(name).matches() || referenced.contains(name))) {
                            continue;
                        }
                        long size = removeIfStoredBefore(file, storedBefore);
                        if (size >= 0) {
                            items++;
                            bytes += size;
                        }
                    }
                }
            }
        } catch (IOException e) {
            LOG.warn("content clean-up stopped", e);
        }
        return new Removed(items, bytes);
    }

    @Override
    public Removed remove(Set<String> ids, Set<String> referenced, Instant storedBefore) {
        int items = 0;
        long bytes = 0;
        for (String id : ids) {
            if (referenced.contains(id) || !CONTENT_ID.matcher(id).matches()) {
                continue;
            }
            try {
                long size = removeIfStoredBefore(fileOf(id), storedBefore);
                if (size >= 0) {
                    items++;
                    bytes += size;
                }
            } catch (IOException e) {
                LOG.warn("content {} not removed; the start-up clean-up will take it", id, e);
            }
        }
        return new Removed(items, bytes);
    }

    /** The removed file's size, or -1 when it was kept (stored since, or already gone). */
    private long removeIfStoredBefore(Path file, Instant storedBefore) throws IOException {
        cleaning.lock();
        try {
            if (!Files.getLastModifiedTime(file).toInstant().isBefore(storedBefore)) {
                return -1;
            }
            long size = Files.size(file);
            Files.delete(file);
            LOG.info("removed unreferenced content {} ({} bytes)", file.getFileName(), size);
            return size;
        } catch (NoSuchFileException e) {
            return -1;
        } finally {
            cleaning.unlock();
        }
    }

    private static void touch(Path file) {
        try {
            Files.setLastModifiedTime(file, FileTime.from(Instant.now()));
        } catch (IOException e) {
            LOG.warn("cannot mark {} as stored again", file, e);
        }
    }

    private Path fileOf(String contentId) {
        if (!CONTENT_ID.matcher(contentId).matches()) {
            throw new IllegalArgumentException("not a content id: " + contentId);
        }
        return root.resolve(contentId.substring(0, 2)).resolve(contentId);
    }

    private static void moveIntoPlace(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the data folder does not support atomic rename: " + target.getParent(), e);
        }
    }

    /** Makes the rename itself durable. Windows cannot open a directory for this; NTFS journals the rename. */
    private static void forceDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            LOG.debug("directory fsync not available for {}", directory, e);
        }
    }

    private static boolean isDiskFull(IOException e) {
        String message = String.valueOf(e.getMessage());
        return message.contains("No space left") || message.contains("not enough space")
                || (e instanceof FileSystemException fse && String.valueOf(fse.getReason()).contains("No space left"));
    }

    private static void deleteQuietly(Path path) {
        if (path != null) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException e) {
                LOG.warn("cannot remove temporary file {}", path, e);
            }
        }
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
