package vn.motcua.sync.hub.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A thread's nice value as Linux keeps it: field 19 of its {@code /proc} stat line, counted after the command name in
 * brackets (which may hold spaces).
 */
public final class ThreadNice {

    private ThreadNice() {
    }

    /** The calling thread's. */
    public static int current() throws IOException {
        return of(Path.of("/proc/thread-self/stat"));
    }

    /** From a stat file ({@code /proc/self/stat}, {@code /proc/self/task/TID/stat}). */
    public static int of(Path stat) throws IOException {
        String line = Files.readString(stat);
        return Integer.parseInt(line.substring(line.lastIndexOf(')') + 2).split(" ")[16]);
    }
}
