package vn.motcua.counter.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * A command's output file, claimed before the work starts: a part file beside the target, held under an OS lock while
 * the command runs, moved into place when the result is written. An unwritable place is found before any page is
 * read; a part file that a killed run left behind (nobody holds its lock) is removed by the next run in that folder.
 */
final class OutputFile implements AutoCloseable {

    private static final String PART_PREFIX = ".ocr-";
    private static final String PART_SUFFIX = ".pdf.part";

    /** The target cannot be written; {@link #reason()} says why in the clerk's words (a message key's text). */
    static final class Unwritable extends Exception {
        private final String reason;

        Unwritable(String reason) {
            super(reason);
            this.reason = reason;
        }

        String reason() {
            return reason;
        }
    }

    private final Path target;
    private final Path part;
    private final FileChannel channel;
    private final FileLock lock;

    private OutputFile(Path target, Path part, FileChannel channel, FileLock lock) {
        this.target = target;
        this.part = part;
        this.channel = channel;
        this.lock = lock;
    }

    /** @param reasons the messages for why a target cannot be written, by {@code capture.output.reason.*} key */
    static OutputFile claim(Path out, java.util.function.Function<String, String> reasons) throws Unwritable {
        Path target = out.toAbsolutePath();
        Path folder = target.getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new Unwritable(reasons.apply("capture.output.reason.folder_missing"));
        }
        if (Files.isDirectory(target)) {
            throw new Unwritable(reasons.apply("capture.output.reason.is_folder"));
        }
        removeLeftovers(folder);
        Path part = null;
        try {
            part = Files.createTempFile(folder, PART_PREFIX, PART_SUFFIX);
            FileChannel channel = FileChannel.open(part, StandardOpenOption.WRITE);
            return new OutputFile(target, part, channel, channel.lock());
        } catch (AccessDeniedException e) {
            throw new Unwritable(reasons.apply("capture.output.reason.no_permission"));
        } catch (IOException e) {
            deleteQuietly(part);
            throw new Unwritable(reasons.apply("capture.output.reason.failed"));
        }
    }

    /** Writes the bytes, flushed to disk, and moves them into place under the target's name; returns the size. */
    long write(byte[] content) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(content);
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
        channel.force(true);
        lock.release();
        channel.close(); // Windows moves no open file
        Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return Files.size(target);
    }

    /** Part files of earlier runs that ended without cleaning up: a running one holds its lock and is left alone. */
    private static void removeLeftovers(Path folder) {
        try (DirectoryStream<Path> parts = Files.newDirectoryStream(folder, PART_PREFIX + "*" + PART_SUFFIX)) {
            for (Path leftover : parts) {
                try (FileChannel channel = FileChannel.open(leftover, StandardOpenOption.WRITE);
                     FileLock held = channel.tryLock()) {
                    if (held != null) {
                        Files.deleteIfExists(leftover);
                    }
                } catch (IOException e) {
                    // in use or gone: not ours to remove
                }
            }
        } catch (IOException e) {
            // an unlistable folder fails below, when the part file is created
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            if (file != null) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            // nothing more to do
        }
    }

    @Override
    public void close() throws IOException {
        if (channel.isOpen()) {
            lock.release();
            channel.close();
        }
        deleteQuietly(part);
    }
}
