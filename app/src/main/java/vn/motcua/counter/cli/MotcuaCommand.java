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
                UpdateCommand.class, ConfigCommand.class, SyncCommand.class, AuditCommand.class, RetentionCommand.class,
                AccountCommand.class, BackupCommand.class, RestoreCommand.class,
                CommandLine.HelpCommand.class})
public final class MotcuaCommand implements Runnable {

    private final CounterAccess access;
    private final java.util.function.Function<String, String> environment;
    private SignedInAccess signedIn;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Option(names = "--account", paramLabel = "NAME",
            description = "Run as this account (also MOTCUA_ACCOUNT); its password from MOTCUA_PASSWORD or asked on "
                    + "the console. Needed once the data folder has accounts.")
    String account;

    /** Commands reach the application through {@code access}, the same services the window uses. */
    public MotcuaCommand(CounterAccess access) {
        this(access, System::getenv);
    }

    /** With {@code environment} in place of the process's (tests give MOTCUA_ACCOUNT and MOTCUA_PASSWORD). */
    MotcuaCommand(CounterAccess access, java.util.function.Function<String, String> environment) {
        this.access = access;
        this.environment = environment;
    }

    /** The application, signed in as {@code --account} on every counter a command opens (decision 1301). */
    CounterAccess access() {
        if (signedIn == null) {
            signedIn = new SignedInAccess(access, account != null ? account : environment.apply("MOTCUA_ACCOUNT"),
                    new ConsolePasswords(environment));
        }
        return signedIn;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static CommandLine commandLine(CounterAccess access) {
        return commandLine(new MotcuaCommand(access));
    }

    /** The command line of {@code root}, with the handlers every run gets: refusals and failures in words. */
    static CommandLine commandLine(MotcuaCommand root) {
        CounterAccess access = root.access;
        CommandLine commandLine = new CommandLine(root);
        commandLine.setParameterExceptionHandler(new ParameterErrors());
        // a failure no command expected: one line in the clerk's language on the console, the trace in the log
        commandLine.setExecutionExceptionHandler((e, cli, parsed) -> {
            String command = parsed.subcommands().isEmpty() ? "motcua"
                    : parsed.subcommands().getLast().commandSpec().qualifiedName();
            var log = org.slf4j.LoggerFactory.getLogger(MotcuaCommand.class);
            if (e instanceof vn.motcua.counter.application.access.AccessDenied denied) {   // expected: no trace
                log.warn("command {} refused: {} needs {}", command, denied.permission(), denied.permission().least());
            } else {
                log.error("command {} failed", command, e);
            }
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
