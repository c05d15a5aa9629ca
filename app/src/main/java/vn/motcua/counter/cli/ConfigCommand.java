package vn.motcua.counter.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code motcua config provision KEY=VALUE…}: writes keys into the machine-wide configuration (run as administrator;
 * the MSI's silent install and IT scripts use it). Unknown keys and wrong values are refused before anything is
 * written.
 */
@Command(mixinStandardHelpOptions = true, name = "config", description = "The machine-wide configuration IT staff provision.",
        subcommands = {ConfigCommand.Provision.class})
final class ConfigCommand extends CommandGroup {

    @Command(mixinStandardHelpOptions = true, name = "provision", description = "Set KEY=VALUE pairs in the machine-wide motcua.properties "
            + "(administrator); empty values are skipped.")
    static final class Provision implements Callable<Integer> {

        @Parameters(paramLabel = "KEY=VALUE", arity = "1..*")
        List<String> pairs;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            Map<String, String> values = new LinkedHashMap<>();
            for (String pair : pairs) {
                int equals = pair.indexOf('=');
                if (equals <= 0) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "expected KEY=VALUE: " + pair);
                }
                values.put(pair.substring(0, equals).strip(), pair.substring(equals + 1));
            }
            try {
                spec.commandLine().getOut().println(Cli.access(spec).provision(values));
                return 0;
            } catch (vn.motcua.counter.application.CounterException e) {
                spec.commandLine().getErr().println(Cli.messages(spec).describe(e));
                return 2;
            }
        }
    }
}
