package vn.motcua.installer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a program of the installed or unpacked application and keeps what it printed; bounded in time. */
record Processes(int exit, String output) {

    static Processes run(Map<String, String> environment, List<String> command) throws IOException,
            InterruptedException {
        Path log = Files.createTempFile("motcua-run", ".log");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(3, TimeUnit.MINUTES)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new AssertionError("timed out: " + command);
            }
            return new Processes(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log);
        }
    }

    static Processes run(String... command) throws IOException, InterruptedException {
        return run(Map.of(), List.of(command));
    }

    /** The environment of a clerk whose home, data folder and temp folder are {@code home}'s. */
    static Map<String, String> clerk(Path home) {
        return Map.of("HOME", home.toString(), "XDG_DATA_HOME", home.resolve(".local/share").toString(),
                "TMPDIR", home.resolve("tmp").toString(), "MOTCUA_OCR_WORKERS", "0",
                "JAVA_TOOL_OPTIONS", "-Djava.io.tmpdir=" + home.resolve("tmp") + " -Duser.home=" + home);
    }

    /** Starts the window headless under Xvfb until its home list is filled, then closes it; the time it took. */
    static String windowUsable(Path launcher, Path home) throws IOException, InterruptedException {
        return windowUsable(launcher, home, Map.of());
    }

    /** The same with more environment (e.g. the dynamic linker's trace). */
    static String windowUsable(Path launcher, Path home, Map<String, String> more) throws IOException,
            InterruptedException {
        Path report = home.resolve("window.txt");
        Map<String, String> env = new java.util.HashMap<>(clerk(home));
        env.putAll(more);
        env.put("JAVA_TOOL_OPTIONS", env.get("JAVA_TOOL_OPTIONS") + " -Dmotcua.startup.report=" + report
                + " -Dmotcua.startup.exit=true");
        Processes window = run(env, List.of("xvfb-run", "-a", "-s", "-screen 0 1280x1024x24", launcher.toString()));
        if (window.exit() != 0 || !Files.exists(report)) {
            throw new AssertionError("the window did not come up (exit " + window.exit() + "):\n" + window.output());
        }
        return Files.readString(report).strip();
    }
}
