package vn.motcua.scanner.hotfolder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Watches a folder by polling (WatchService does not see writes over SMB/NFS shares, which is where MFPs put
 * files) and reports a file once it has stopped growing for the settle time.
 */
final class SettledFiles {

    private record Seen(long size, long modifiedMillis, long sinceNanos) {
    }

    private final Path folder;
    private final long settleNanos;
    private final Map<Path, Seen> seen = new HashMap<>();

    SettledFiles(Path folder, Duration settleTime) {
        this.folder = folder;
        this.settleNanos = settleTime.toNanos();
    }

    /** The oldest file that has been still for the settle time, if any; each file is reported once. */
    Optional<Path> poll() throws IOException {
        long now = System.nanoTime();
        Path ready = null;
        long readyModified = Long.MAX_VALUE;
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(SettledFiles::looksLikeScan).toList()) {
                BasicFileAttributes attributes;
                try {
                    attributes = Files.readAttributes(file, BasicFileAttributes.class);
                } catch (IOException vanished) {
                    seen.remove(file);
                    continue;
                }
                if (!attributes.isRegularFile()) {
                    continue;
                }
                long modified = attributes.lastModifiedTime().toMillis();
                Seen before = seen.get(file);
                if (before == null || before.size() != attributes.size() || before.modifiedMillis() != modified) {
                    seen.put(file, new Seen(attributes.size(), modified, now));
                    continue;
                }
                boolean still = now - before.sinceNanos() >= settleNanos && attributes.size() > 0;
                if (still && (modified < readyModified
                        || modified == readyModified && Comparator.<Path>naturalOrder().compare(file, ready) < 0)) {
                    ready = file;
                    readyModified = modified;
                }
            }
        }
        if (ready != null) {
            seen.remove(ready);
        }
        return Optional.ofNullable(ready);
    }

    /** Skips hidden files and the temporary names MFPs and copy tools write before renaming. */
    private static boolean looksLikeScan(Path file) {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return !name.startsWith(".") && !name.startsWith("~") && !name.endsWith(".tmp") && !name.endsWith(".part")
                && !name.endsWith(".crdownload");
    }
}
