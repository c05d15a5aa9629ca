package vn.motcua.counter.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import vn.motcua.counter.application.CounterUpdates;

/**
 * {@code motcua update check|apply}: IT staff ask the hub for a signed update now, and the installation's boot-time
 * step (systemd unit, Windows scheduled task) installs a checked one. Exit 0 when nothing was refused.
 */
@Command(mixinStandardHelpOptions = true, name = "update", description = "Updates from the hub: check (download and verify), apply (install, as "
        + "administrator).", subcommands = {UpdateCommand.Check.class, UpdateCommand.Apply.class})
final class UpdateCommand extends CommandGroup {

    abstract static class Step implements Callable<Integer> {
        @Mixin
        JsonOption json;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        abstract CounterUpdates.Result run(CounterUpdates updates);

        @Override
        public Integer call() {
            CounterUpdates.Result result = run(Cli.access(spec).updates());
            var out = spec.commandLine().getOut();
            json.print(out, result, () -> out.printf("%s %s%s%n", result.outcome(), result.version(),
                    result.detail().isEmpty() ? "" : ": " + result.detail()));
            return switch (result.outcome()) {
                case REFUSED -> 3;
                case UNREACHABLE -> 2;
                default -> 0;
            };
        }
    }

    @Command(mixinStandardHelpOptions = true, name = "check", description = "Ask the hub; download and verify a newer (or the pinned) version.")
    static final class Check extends Step {
        @Override
        CounterUpdates.Result run(CounterUpdates updates) {
            return updates.check();
        }
    }

    @Command(mixinStandardHelpOptions = true, name = "apply", description = "Verify the waiting update again and install it (administrator).")
    static final class Apply extends Step {
        @Override
        CounterUpdates.Result run(CounterUpdates updates) {
            return updates.apply();
        }
    }
}
