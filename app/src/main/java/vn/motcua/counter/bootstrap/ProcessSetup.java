package vn.motcua.counter.bootstrap;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * What the process sets once, before any image is decoded or the database opened, so that nothing is left in the
 * system temp folder by a run that is killed:
 * <ul>
 * <li>ImageIO's disk cache is off: decoding from a stream would otherwise copy the scanned page (a citizen's document)
 * into {@code imageio*.tmp} in the system temp folder, removed only on a clean exit. Pages are small enough for
 * memory.</li>
 * <li>sqlite-jdbc copies its native library into {@code org.sqlite.tmpdir} on every start and deletes it only on a
 * clean exit (a killed run leaves it, with its {@code .lck}, so sqlite-jdbc's own clean-up keeps it too). The copy goes
 * to {@code native/PID} inside the data folder instead, and each start removes the folders of processes that are no
 * longer running; a running process's copy is never touched.</li>
 * </ul>
 */
public final class ProcessSetup {

    public static final String NATIVE_FOLDER = "native";

    private ProcessSetup() {
    }

    public static void apply(Path dataDirectory) {
        ImageIO.setUseCache(false);
        if (System.getProperty("org.sqlite.tmpdir") == null && !Files.isRegularFile(dataDirectory)) {
            Path natives = dataDirectory.resolve(NATIVE_FOLDER);
            Path folder = natives.resolve(Long.toString(ProcessHandle.current().pid()));
            try {
                removeDeadProcessesCopies(natives);
                Files.createDirectories(folder);
                System.setProperty("org.sqlite.tmpdir", folder.toString());
            } catch (IOException e) {
                // an unwritable data folder is reported when the counter opens; the default temp folder serves now
            }
        }
    }

    private static void removeDeadProcessesCopies(Path natives) throws IOException {
        if (!Files.isDirectory(natives)) {
            return;
        }
        try (var folders = Files.list(natives)) {
            for (Path folder : folders.toList()) {
                String name = folder.getFileName().toString();
                if (name.matches("\\d+") && ProcessHandle.of(Long.parseLong(name)).isEmpty()) {
                    deleteQuietly(folder);
                }
            }
        }
    }

    private static void deleteQuietly(Path folder) {
        try (var files = Files.list(folder)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(folder);
        } catch (IOException e) {
            // in use (Windows keeps a loaded library) or gone: the next start tries again
        }
    }
}
