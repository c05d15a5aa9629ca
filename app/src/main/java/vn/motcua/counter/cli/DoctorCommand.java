package vn.motcua.counter.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import vn.motcua.counter.application.CounterDiagnostics;

/** {@code motcua doctor}: what IT staff run first when a counter misbehaves. Exit 1 when a check failed. */
@Command(name = "doctor", description = "Check the data folder, database integrity, free disk, OCR and scanner.")
public final class DoctorCommand implements Callable<Integer> {

    @Mixin
    JsonOption json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        CounterDiagnostics.Report report = Cli.access(spec).diagnostics().run();
        var out = spec.commandLine().getOut();
        json.print(out, report, () -> report.checks().forEach(c ->
                out.printf("%-8s %-12s %s%n", c.outcome(), c.name(), c.detail())));
        return report.healthy() ? 0 : 1;
    }
}
