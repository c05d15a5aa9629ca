package vn.motcua.scanner.worker;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Command lines for worker processes in tests: this JVM's java with this test run's class path, and native access
 * allowed as the twain backend (FFM) needs it.
 */
final class WorkerCommands {

    private WorkerCommands() {
    }

    static List<String> java(Class<?> main, String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "--enable-native-access=ALL-UNNAMED",
                "-Djava.awt.headless=true", "-Xshare:auto", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(args));
        return command;
    }
}
