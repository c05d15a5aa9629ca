package vn.motcua.counter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import vn.motcua.counter.bootstrap.CounterLauncher;

/** Every command answers {@code --help} with its usage (not "Unknown option"), as IT staff expect. */
class HelpEverywhereTest {

    @Test
    void everyCommandAndSubcommandHasHelp() {
        CommandLine root = MotcuaCommand.commandLine(CounterLauncher.load());
        List<List<String>> paths = new ArrayList<>();
        collect(root, new ArrayList<>(), paths);
        assertThat(paths).hasSizeGreaterThan(15);
        for (List<String> path : paths) {
            List<String> args = new ArrayList<>(path);
            args.add("--help");
            CliRun run = CliRun.of(new MotcuaCommand(CounterLauncher.load()), args.toArray(String[]::new));
            assertThat(run.exitCode()).as("%s: %s", args, run.err()).isZero();
            assertThat(run.out()).as("%s", args).contains("Usage:");
            assertThat(run.err()).as("%s", args).doesNotContain("Unknown option");
        }
    }

    private static void collect(CommandLine command, List<String> path, List<List<String>> paths) {
        command.getSubcommands().forEach((name, sub) -> {
            if (!name.equals("help") && sub.getCommandName().equals(name)) {
                List<String> next = new ArrayList<>(path);
                next.add(name);
                paths.add(next);
                collect(sub, next, paths);
            }
        });
    }
}
