package vn.motcua.counter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import vn.motcua.counter.bootstrap.CounterConfiguration;
import vn.motcua.counter.bootstrap.CounterLauncher;
import vn.motcua.counter.bootstrap.Settings;

/**
 * A call builds only the command it names (decision 0903: picocli's model of every command cost ~0.3 s of each
 * start), and prints and answers exactly what the whole command line would.
 */
class OneCommandBuiltTest {

    @TempDir
    Path data;

    @BeforeEach
    void dataFolder() {
        System.setProperty("motcua.data.dir", data.toString());
    }

    @AfterEach
    void noDataFolder() {
        System.clearProperty("motcua.data.dir");
    }

    @Test
    void aCallNamingACommandBuildsThatOneAlone() {
        assertThat(MotcuaCommand.needed("version")).containsExactly(VersionCommand.class);
        assertThat(MotcuaCommand.needed("version", "--json")).containsExactly(VersionCommand.class);
        assertThat(MotcuaCommand.needed("--account", "report", "receive", "--name", "X"))
                .containsExactly(ReceiveCommand.class);   // the account named "report" is no command
        assertThat(MotcuaCommand.needed("--account=thu", "dossier", "show", "X")).containsExactly(DossierCommand.class);
        assertThat(MotcuaCommand.needed("--version")).isEmpty();
        assertThat(MotcuaCommand.needed("-V")).isEmpty();
        // help, no command, or no such command: all of them, so usage lists them and picocli suggests the near ones
        for (String[] args : List.of(new String[0], new String[]{"--help"}, new String[]{"-h", "version"},
                new String[]{"help", "receive"}, new String[]{"recieve"}, new String[]{"--bogus", "version"})) {
            assertThat(MotcuaCommand.needed(args)).as(String.join(" ", args)).isEqualTo(MotcuaCommand.COMMANDS);
        }
    }

    @Test
    void whatACallPrintsIsWhatTheWholeCommandLinePrints() {
        List<String[]> calls = new ArrayList<>(List.of(new String[0], new String[]{"--help"},
                new String[]{"--version"}, new String[]{"version"}, new String[]{"version", "--json"},
                new String[]{"help", "receive"}, new String[]{"recieve"}, new String[]{"version", "--bogus"},
                new String[]{"--account"}, new String[]{"id", "check", "001190012345"}));
        CommandLine whole = MotcuaCommand.commandLine(CounterLauncher.load());
        whole.getSubcommands().keySet().forEach(name -> calls.add(new String[]{name, "--help"}));
        assertThat(calls).hasSizeGreaterThan(25);
        for (String[] args : calls) {
            Run one = run(MotcuaCommand.commandLine(new MotcuaCommand(CounterLauncher.load()), args), args);
            Run all = run(MotcuaCommand.commandLine(new MotcuaCommand(CounterLauncher.load())), args);
            assertThat(one).as(String.join(" ", args)).isEqualTo(all);
        }
    }

    @Test
    void versionAndHelpSetNothingUpThatOpensTheCounter() {
        AtomicInteger setUps = new AtomicInteger();
        CounterLauncher launcher = new CounterLauncher(Settings.load(), CounterConfiguration.VIETNAM_TIME,
                setUps::incrementAndGet);
        assertThat(MotcuaCommand.execute(launcher, "version")).isZero();
        assertThat(MotcuaCommand.execute(launcher, "--help")).isZero();
        assertThat(setUps).hasValue(0);
        launcher.accountsExist();   // reads the database: the process's set-up first, once
        launcher.diagnostics();
        assertThat(setUps).hasValue(1);
    }

    private record Run(int exit, String out, String err) {
    }

    private static Run run(CommandLine cli, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }
}
