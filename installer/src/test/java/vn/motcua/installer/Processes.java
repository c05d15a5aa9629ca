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
        return run(environment, command, false);
    }

    /**
     * With {@code wholeSession}, the command runs in a session of its own and this returns only when every process
     * of that session has ended too: a process the window or xvfb-run started can outlive them by a moment, and one
     * that started late wrote into a test's folder while JUnit was deleting it.
     */
    private static Processes run(Map<String, String> environment, List<String> command, boolean wholeSession)
            throws IOException, InterruptedException {
        Path log = Files.createTempFile("motcua-run", ".log");
        try {
            List<String> line = new java.util.ArrayList<>(command);
            if (wholeSession) {
                line.addFirst("setsid"); // not a group leader when started from here: setsid keeps our pid
            }
            ProcessBuilder builder = new ProcessBuilder(line).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(3, TimeUnit.MINUTES)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new AssertionError("timed out: " + command);
            }
            if (wholeSession) {
                awaitSession(process.pid(), command);
            }
            return new Processes(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log);
        }
    }

    /** Waits (at most 30 s) until no live process is left in session {@code sid}; ends the rest if some are. */
    private static void awaitSession(long sid, List<String> command) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        List<Long> left;
        while (!(left = inSession(sid)).isEmpty()) {
            if (System.nanoTime() > deadline) {
                left.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
                throw new AssertionError("processes " + left + " of " + command + " still ran 30 s after it ended");
            }
            Thread.sleep(100);
        }
    }

    /** The live (not zombie) processes whose session is {@code sid}, from /proc/PID/stat. */
    private static List<Long> inSession(long sid) throws IOException {
        List<Long> found = new java.util.ArrayList<>();
        try (var entries = Files.list(Path.of("/proc"))) {
            for (Path entry : entries.filter(e -> e.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
                String stat;
                try {
                    stat = Files.readString(entry.resolve("stat"));
                } catch (IOException ended) {
                    continue;
                }
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" "); // state ppid pgrp session
                if (!fields[0].equals("Z") && Long.parseLong(fields[3]) == sid) {
                    found.add(Long.parseLong(entry.getFileName().toString()));
                }
            }
        }
        return found;
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
        Processes window = run(env, List.of("xvfb-run", "-a", "-s", "-screen 0 1280x1024x24", launcher.toString()), true);
        if (window.exit() != 0 || !Files.exists(report)) {
            throw new AssertionError("the window did not come up (exit " + window.exit() + "):\n" + window.output());
        }
        return Files.readString(report).strip();
    }
}
