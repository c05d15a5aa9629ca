package vn.motcua.sync.hub.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Files on a local (or shared) disk in the counter's content-addressed layout ({@code files/ab/<sha256>}), upload
 * parts in {@code uploads/<id>/<offset>}. Moved (or copied, across file systems) to a temporary name, forced to
 * disk, then renamed atomically: a crash leaves the whole file or none.
 */
public final class DiskFileStore implements FileStore {
    private final Path files;
    private final Path uploads;
    private final Path tmp;

    public DiskFileStore(Path root) throws IOException {
        this.files = Files.createDirectories(root.resolve("files"));
        this.uploads = Files.createDirectories(root.resolve("uploads"));
        this.tmp = Files.createDirectories(root.resolve("files").resolve(".tmp"));
    }

    private Path blob(String sha256) {
        return files.resolve(sha256.substring(0, 2)).resolve(sha256);
    }

    private Path part(String uploadId, long offset) {
        return uploads.resolve(uploadId).resolve(Long.toString(offset));
    }

    @Override
    public void put(String sha256, Path file) throws IOException {
        Path target = blob(sha256);
        if (!Files.exists(target)) {
            place(file, target);
        }
    }

    private void place(Path source, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        Path temp = Files.createTempFile(tmp, "in-", ".part");
        try {
            try {
                Files.move(source, temp, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException otherFileSystem) {
                Files.copy(source, temp, StandardCopyOption.REPLACE_EXISTING);
            }
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    @Override
    public boolean exists(String sha256) {
        return Files.exists(blob(sha256));
    }

    @Override
    public InputStream open(String sha256) throws IOException {
        return Files.newInputStream(blob(sha256));
    }

    @Override
    public void putPart(String uploadId, long offset, Path part) throws IOException {
        place(part, part(uploadId, offset));
    }

    @Override
    public InputStream openPart(String uploadId, long offset) throws IOException {
        return Files.newInputStream(part(uploadId, offset));
    }

    @Override
    public void deletePart(String uploadId, long offset) throws IOException {
        Files.deleteIfExists(part(uploadId, offset));
        try {
            Files.deleteIfExists(uploads.resolve(uploadId));
        } catch (java.nio.file.DirectoryNotEmptyException stillHasParts) {
            // the other parts go next
        }
    }

    @Override
    public void check() throws IOException {
        if (!Files.isWritable(files)) {
            throw new IOException("file store not writable");
        }
    }

    @Override
    public String describe() {
        return "disk " + files.getParent();
    }
}
