package vn.motcua.counter.launch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import vn.motcua.counter.Launcher;

/**
 * The real application ({@link Launcher}, as {@code ./motcua} starts it) in a child JVM on a given data folder, with
 * its home (user settings) and temp folder in the test's folder, so what it leaves behind can be looked at.
 */
public final class ChildCounter {

    private final Path data;
    private final Path home;
    private final Path tmp;
    private final List<String> jvmOptions = new ArrayList<>();
    private final java.util.Map<String, String> environment = new java.util.HashMap<>();

    public ChildCounter(Path data, Path home, Path tmp) {
        this.data = data;
        this.home = home;
        this.tmp = tmp;
    }

    public ChildCounter option(String jvmOption) {
        jvmOptions.add(jvmOption);
        return this;
    }

    /** Sets an environment variable of the child (MOTCUA_PASSWORD, say). */
    public ChildCounter environment(String name, String value) {
        environment.put(name, value);
        return this;
    }

    /** Starts {@code mainClass} (the launcher unless a test names its own) with {@code args}; output in files. */
    public Process start(Class<?> mainClass, Path outputs, String... args) throws IOException {
        Files.createDirectories(home);
        Files.createDirectories(tmp);
        Files.createDirectories(outputs);
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED",
                "-Djava.awt.headless=true", "-Dfile.encoding=UTF-8", "-Duser.home=" + home,
                "-Djava.io.tmpdir=" + tmp, "-Dmotcua.data.dir=" + data, "-Dmotcua.ocr.workers=0",
                "-Dmotcua.machine.file=" + home.resolve("machine.properties")));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(outputs.resolve("out.txt").toFile())
                .redirectError(outputs.resolve("err.txt").toFile());
        builder.environment().putAll(environment);
        return builder.start();
    }

    /** Runs {@code ./motcua ARGS} to its end (at most two minutes). */
    public Result run(Path outputs, String... args) throws IOException, InterruptedException {
        Process process = start(Launcher.class, outputs, args);
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly().waitFor();
            throw new IllegalStateException("./motcua " + String.join(" ", args) + " did not end");
        }
        return new Result(process.exitValue(), Files.readString(outputs.resolve("out.txt"), StandardCharsets.UTF_8),
                Files.readString(outputs.resolve("err.txt"), StandardCharsets.UTF_8));
    }

    /** Waits (bounded) until the child printed {@code line} on its output. */
    public static void await(Process child, Path outputs, String line) throws IOException, InterruptedException {
        long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        Path out = outputs.resolve("out.txt");
        while (System.nanoTime() < end) {
            if (Files.exists(out) && Files.readAllLines(out, StandardCharsets.UTF_8).contains(line)) {
                return;
            }
            if (!child.isAlive()) {
                throw new IllegalStateException("the child ended (" + child.exitValue() + ") before '" + line
                        + "': " + Files.readString(outputs.resolve("err.txt")));
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("no '" + line + "' within a minute");
    }

    public record Result(int exitCode, String out, String err) {
    }
}
