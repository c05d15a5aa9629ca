package vn.motcua.counter.cli;

import java.io.PrintWriter;
import java.util.Locale;
import picocli.CommandLine.Model.CommandSpec;
import vn.motcua.counter.application.CounterAccess;
import vn.motcua.counter.application.CounterServices;
import vn.motcua.counter.i18n.Messages;

/** What every command finds at the root of the command line: the application, and the clerk's language. */
final class Cli {

    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi-VN");

    private Cli() {
    }

    /** The application the launcher built; a command run on its own (in a test) has none. */
    static CounterAccess access(CommandSpec spec) {
        if (spec.root().userObject() instanceof MotcuaCommand root) {
            return root.access();
        }
        throw new IllegalStateException(spec.name() + " runs under MotcuaCommand, which holds the application");
    }

    /** The counter opened for a command; a recovery key made by this start is printed once (decision 1201). */
    static CounterServices open(CommandSpec spec) {
        return shown(spec, access(spec).open());
    }

    /** {@link CounterAccess#openForReading()}, printing a new recovery key as {@link #open} does. */
    static CounterServices openForReading(CommandSpec spec) {
        return shown(spec, access(spec).openForReading());
    }

    private static CounterServices shown(CommandSpec spec, CounterServices counter) {
        counter.newRecoveryKey().ifPresent(key -> {
            // on the error stream: a command's own output (JSON, a file) stays what it was
            PrintWriter err = spec.commandLine().getErr();
            err.println(messages(spec).text("protection.recovery_key_new", key));
            err.flush();
        });
        return counter;
    }

    /** Messages in the {@code ui.language} setting's language; Vietnamese for a command run on its own. */
    static Messages messages(CommandSpec spec) {
        return Messages.of(spec.root().userObject() instanceof MotcuaCommand root ? root.access().locale() : VIETNAMESE);
    }
}
