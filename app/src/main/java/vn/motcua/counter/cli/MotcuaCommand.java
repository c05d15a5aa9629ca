package vn.motcua.counter.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import vn.motcua.counter.application.CounterAccess;
import vn.motcua.counter.application.CounterException;

/** The root of {@code ./motcua COMMAND}: every command of the application, for clerks' scripts and IT staff. */
@Command(name = "motcua", mixinStandardHelpOptions = true, versionProvider = VersionCommand.Provider.class,
        description = "Motcua Counter: one-stop dossier reception. Without a command, ./motcua opens the window.",
        subcommands = {VersionCommand.class, DoctorCommand.class, IdCommand.class, CalendarCommand.class,
                ScanCommand.class, OcrCommand.class, CatalogCommand.class, ReportCommand.class,
                ReceiveCommand.class, DossierCommand.class, RunCommand.class, SignCommand.class, VerifyCommand.class,
                UpdateCommand.class, ConfigCommand.class, SyncCommand.class, BackupCommand.class, RestoreCommand.class,
                CommandLine.HelpCommand.class})
public final class MotcuaCommand implements Runnable {

    private final CounterAccess access;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Commands reach the application through {@code access}, the same services the window uses. */
    public MotcuaCommand(CounterAccess access) {
        this.access = access;
    }

    CounterAccess access() {
        return access;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static CommandLine commandLine(CounterAccess access) {
        CommandLine commandLine = new CommandLine(new MotcuaCommand(access));
        // a failure no command expected: one line in the clerk's language on the console, the trace in the log
        commandLine.setExecutionExceptionHandler((e, cli, parsed) -> {
            org.slf4j.LoggerFactory.getLogger(MotcuaCommand.class).error("command {} failed",
                    parsed.subcommands().isEmpty() ? "motcua" : String.join(" ", parsed.originalArgs().subList(0, 1)), e);
            var messages = vn.motcua.counter.i18n.Messages.of(access.locale());
            cli.getErr().println(e instanceof CounterException refusal
                    ? messages.describe(refusal) : messages.text("error.unexpected"));
            cli.getErr().flush();
            return 1;
        });
        return commandLine;
    }

    public static int execute(CounterAccess access, String... args) {
        return commandLine(access).execute(args);
    }
}
