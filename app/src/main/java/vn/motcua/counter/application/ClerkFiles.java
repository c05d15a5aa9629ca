package vn.motcua.counter.application;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a file the clerk chose or dropped, with the message the clerk understands when it cannot be read. */
final class ClerkFiles {

    private ClerkFiles() {
    }

    static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new CounterException("page.file_unreadable", e, file.getFileName());
        }
    }
}
