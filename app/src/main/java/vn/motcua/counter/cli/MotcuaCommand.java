package vn.motcua.counter.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The root of {@code ./motcua COMMAND}: every command of the application, for clerks' scripts and IT staff. */
@Command(name = "motcua", mixinStandardHelpOptions = true, versionProvider = VersionCommand.Provider.class,
        description = "Motcua Counter: one-stop dossier reception. Without a command, ./motcua opens the window.",
        subcommands = {VersionCommand.class, DoctorCommand.class, IdCommand.class, CalendarCommand.class,
                ScanCommand.class, OcrCommand.class, CatalogCommand.class, ReportCommand.class, SignCommand.class,
                VerifyCommand.class,
                CommandLine.HelpCommand.class})
public final class MotcuaCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static int execute(String... args) {
        return new CommandLine(new MotcuaCommand()).execute(args);
    }
}
