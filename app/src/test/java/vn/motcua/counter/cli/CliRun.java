package vn.motcua.counter.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;
import vn.motcua.counter.bootstrap.CounterLauncher;

/** Runs a command in memory and keeps what it printed; the root command with the launcher's handlers. */
record CliRun(int exitCode, String out, String err) {

    static CliRun of(Object command, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = command instanceof MotcuaCommand root ? MotcuaCommand.commandLine(root)
                : new CommandLine(command);
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }

    /**
     * {@link #motcua(java.nio.file.Path, String...)} with {@code environment} as the process's environment
     * (MOTCUA_ACCOUNT, MOTCUA_PASSWORD, MOTCUA_NEW_PASSWORD).
     */
    static CliRun motcua(java.nio.file.Path data, java.util.Map<String, String> environment, String... args) {
        System.setProperty("motcua.data.dir", data.toString());
        try {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            CommandLine cli = MotcuaCommand.commandLine(new MotcuaCommand(CounterLauncher.load(), environment::get));
            cli.setOut(new PrintWriter(out));
            cli.setErr(new PrintWriter(err));
            int code = cli.execute(args);
            return new CliRun(code, out.toString(), err.toString());
        } finally {
            System.clearProperty("motcua.data.dir");
        }
    }

    /** Runs {@code ./motcua ARGS} against the data folder {@code data}, as IT staff would with MOTCUA_DATA_DIR. */
    static CliRun motcua(java.nio.file.Path data, String... args) {
        System.setProperty("motcua.data.dir", data.toString());
        try {
            return of(new MotcuaCommand(CounterLauncher.load()), args);
        } finally {
            System.clearProperty("motcua.data.dir");
        }
    }
}
