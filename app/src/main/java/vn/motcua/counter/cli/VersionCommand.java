package vn.motcua.counter.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code motcua version}: the application, Java and JavaFX versions, for support calls. */
@Command(mixinStandardHelpOptions = true, name = "version", description = "Print the application and runtime versions.")
public final class VersionCommand implements Callable<Integer> {

    @Mixin
    JsonOption json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public record Versions(String application, String java, String javafx, String os) {
    }

    static Versions versions() {
        String application = VersionCommand.class.getPackage().getImplementationVersion();
        return new Versions(application == null ? "development" : application, System.getProperty("java.version"),
                System.getProperty("javafx.runtime.version", javafxVersion()),
                System.getProperty("os.name") + " " + System.getProperty("os.arch"));
    }

    private static String javafxVersion() {
        try {
            Class<?> info = Class.forName("com.sun.javafx.runtime.VersionInfo");
            return (String) info.getMethod("getRuntimeVersion").invoke(null);
        } catch (ReflectiveOperationException | LinkageError e) {
            return "unknown";
        }
    }

    @Override
    public Integer call() {
        Versions v = versions();
        var out = spec.commandLine().getOut();
        json.print(out, v, () -> out.printf("Motcua Counter %s%nJava %s, JavaFX %s, %s%n", v.application(), v.java(),
                v.javafx(), v.os()));
        return 0;
    }

    /** Feeds {@code --version} on the root command. */
    public static final class Provider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            Versions v = versions();
            return new String[]{"Motcua Counter " + v.application(), "Java " + v.java() + ", JavaFX " + v.javafx()};
        }
    }
}
