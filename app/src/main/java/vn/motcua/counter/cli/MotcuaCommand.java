package vn.motcua.counter.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import vn.motcua.counter.application.CounterAccess;
import vn.motcua.counter.application.CounterException;

/** The root of {@code ./motcua COMMAND}: every command of the application, for clerks' scripts and IT staff. */
@Command(name = "motcua", mixinStandardHelpOptions = true, versionProvider = VersionCommand.Provider.class,
        description = "Motcua Counter: one-stop dossier reception. Without a command, ./motcua opens the window.")
public final class MotcuaCommand implements Runnable {

    /**
     * Every command, in the order help lists them. Added by {@link #commandLine(MotcuaCommand, String...)}, not by
     * the annotation's {@code subcommands}: picocli builds the model of every command it is given (reflection over
     * each option, ~0.3 s at start), and a call needs only the one it names (decision 0903).
     */
    static final java.util.List<Class<?>> COMMANDS = java.util.List.of(VersionCommand.class, DoctorCommand.class,
            IdCommand.class, CalendarCommand.class, ScanCommand.class, OcrCommand.class, CatalogCommand.class,
            ReportCommand.class, ReceiveCommand.class, DossierCommand.class, RunCommand.class, SignCommand.class,
            VerifyCommand.class, UpdateCommand.class, ConfigCommand.class, SyncCommand.class, AuditCommand.class,
            RetentionCommand.class, AccountCommand.class, BackupCommand.class, RestoreCommand.class,
            CommandLine.HelpCommand.class);
    /** The root's options that take a value, so the value is not taken for a command's name. */
    private static final java.util.Set<String> ROOT_OPTIONS_WITH_VALUE = java.util.Set.of("--account");

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

    /** The whole command line, every command in it. */
    public static CommandLine commandLine(CounterAccess access) {
        return commandLine(new MotcuaCommand(access));
    }

    /** The whole command line of {@code root}, every command in it. */
    static CommandLine commandLine(MotcuaCommand root) {
        return build(root, COMMANDS);
    }

    /**
     * The command line of {@code root} for one call with {@code args}: only the command the call names ({@code motcua
     * receive …}: the receive command alone; {@code motcua --version}: none), or every command when the call needs
     * them all (help, no command, a name that is no command: picocli suggests the near ones). What it prints or runs
     * for {@code args} is what the whole command line would.
     */
    static CommandLine commandLine(MotcuaCommand root, String... args) {
        return build(root, needed(args));
    }

    /** The commands a call with {@code args} needs (see {@link #commandLine(MotcuaCommand, String...)}). */
    static java.util.List<Class<?>> needed(String... args) {
        boolean versionOnly = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (ROOT_OPTIONS_WITH_VALUE.contains(arg)) {
                i++;   // its value
            } else if (arg.equals("-V") || arg.equals("--version")) {
                versionOnly = true;
            } else if (arg.startsWith("-")) {
                if (!arg.startsWith("--account=")) {
                    return COMMANDS;   // help, or an option picocli will refuse with the whole usage
                }
            } else {
                for (Class<?> command : COMMANDS) {
                    Command named = command.getAnnotation(Command.class);
                    if (command != CommandLine.HelpCommand.class && (named.name().equals(arg)
                            || java.util.Arrays.asList(named.aliases()).contains(arg))) {
                        return java.util.List.of(command);
                    }
                }
                return COMMANDS;   // help, or no such command
            }
        }
        return versionOnly ? java.util.List.of() : COMMANDS;
    }

    /** The command line of {@code root} with {@code commands}, and the handlers every run gets. */
    private static CommandLine build(MotcuaCommand root, java.util.List<Class<?>> commands) {
        CounterAccess access = root.access;
        CommandLine commandLine = new CommandLine(root);
        for (Class<?> command : commands) {
            commandLine.addSubcommand(command);
        }
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

    /** Runs the call {@code args} (the launcher): only the command it names is built. */
    public static int execute(CounterAccess access, String... args) {
        return commandLine(new MotcuaCommand(access), args).execute(args);
    }
}
