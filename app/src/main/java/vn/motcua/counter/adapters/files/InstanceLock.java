package vn.motcua.counter.adapters.files;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import vn.motcua.counter.application.CounterException;

/**
 * Keeps a second application instance off the same data folder: an exclusive OS lock ({@link FileChannel#tryLock})
 * on {@code motcua.lock}, held for the life of the process. The operating system releases it when the process dies,
 * however it dies (SIGKILL included), so a crash never leaves the folder locked.
 *
 * <p>A lock belongs to the file, not to its name: if someone deletes {@code motcua.lock} while a counter runs, a
 * second process would create a new file and lock that one. So the file cannot be deleted on Windows while it is held
 * (opened without {@code FILE_SHARE_DELETE}), and on Linux a new holder also looks for another process that still
 * holds a deleted {@code motcua.lock} of this folder ({@code /proc/locks} names the processes holding locks, their
 * {@code /proc/PID/fd} links name the files, a removed one as "PATH (deleted)").
 */
public final class InstanceLock implements AutoCloseable {

    public static final String FILE_NAME = "motcua.lock";
    private static final String DELETED = " (deleted)";
    private static final Path PROC = Path.of("/proc");

    private final FileChannel channel;
    private final FileLock lock;

    private InstanceLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    public static InstanceLock acquire(Path dataDirectory) {
        Path file = dataDirectory.resolve(FILE_NAME);
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, openOptions());
            FileLock lock = channel.tryLock();
            if (lock == null || heldThroughDeletedFile(file)) {
                closeQuietly(channel);
                throw new CounterException("instance.already_running", dataDirectory);
            }
            return new InstanceLock(channel, lock);
        } catch (OverlappingFileLockException e) {
            closeQuietly(channel);
            throw new CounterException("instance.already_running", e, dataDirectory);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new CounterException("store.folder_unwritable", e, dataDirectory);
        }
    }

    /** Whether another process still holds the lock file of this folder under a name that was deleted since. */
    static boolean heldThroughDeletedFile(Path file) throws IOException {
        Path locks = PROC.resolve("locks");
        if (!Files.isReadable(locks)) {
            return false; // not Linux: Windows refuses the deletion instead (see openOptions)
        }
        String deleted = file.toRealPath().toString() + DELETED;
        long self = ProcessHandle.current().pid();
        for (long pid : lockingProcesses(Files.readAllLines(locks))) {
            if (pid != self && holdsOpen(pid, deleted)) {
                return true;
            }
        }
        return false;
    }

    /** The processes named in {@code /proc/locks}: "1: POSIX  ADVISORY  WRITE 4711 08:01:1234 0 EOF". */
    static Set<Long> lockingProcesses(List<String> procLocks) {
        Set<Long> pids = new HashSet<>();
        for (String line : procLocks) {
            String[] fields = line.trim().split("\\s+");
            if (fields.length > 4 && !fields[1].equals("->")) {
                try {
                    pids.add(Long.parseLong(fields[4]));
                } catch (NumberFormatException ignored) {
                    // a format this code does not know: skip the line
                }
            }
        }
        return pids;
    }

    private static boolean holdsOpen(long pid, String deletedFile) {
        List<Path> fds = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(PROC.resolve(Long.toString(pid)).resolve("fd"))) {
            entries.forEach(fds::add);
        } catch (IOException | SecurityException e) {
            return false; // gone, or another user's process (which cannot hold a lock in this user's folder anyway)
        }
        for (Path fd : fds) {
            try {
                if (Files.readSymbolicLink(fd).toString().equals(deletedFile)) {
                    return true;
                }
            } catch (IOException | UnsupportedOperationException ignored) {
                // the descriptor closed meanwhile
            }
        }
        return false;
    }

    private static OpenOption[] openOptions() {
        List<OpenOption> options = new ArrayList<>(List.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE));
        if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")) {
            options.add(com.sun.nio.file.ExtendedOpenOption.NOSHARE_DELETE);
        }
        return options.toArray(OpenOption[]::new);
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing more to release
            }
        }
    }

    @Override
    public void close() throws IOException {
        lock.release();
        channel.close();
    }
}
