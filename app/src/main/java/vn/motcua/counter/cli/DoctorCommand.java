package vn.motcua.counter.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import vn.motcua.counter.application.CounterDiagnostics;

/** {@code motcua doctor}: what IT staff run first when a counter misbehaves. Exit 1 when a check failed. */
@Command(mixinStandardHelpOptions = true, name = "doctor", description = "Check the data folder, database integrity, free disk, OCR and scanner; "
        + "--bundle FILE.zip also writes a support bundle without personal data.")
public final class DoctorCommand implements Callable<Integer> {

    @Mixin
    JsonOption json;

    @CommandLine.Option(names = "--bundle", paramLabel = "FILE.zip",
            description = "Also write logs, settings, versions, scanners, pipeline and sync state for support, with "
                    + "applicants' names, ID numbers and contact details removed.")
    java.nio.file.Path bundle;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws java.io.IOException {
        CounterDiagnostics diagnostics = Cli.access(spec).diagnostics();
        CounterDiagnostics.Report report = diagnostics.run();
        var out = spec.commandLine().getOut();
        json.print(out, report, () -> report.checks().forEach(c ->
                out.printf("%-8s %-12s %s%n", c.outcome(), c.name(), c.detail())));
        if (bundle != null) {
            var files = diagnostics.writeBundle(report, bundle);
            spec.commandLine().getErr().printf("support bundle %s: %s%n", bundle, String.join(", ", files));
        }
        return report.healthy() ? 0 : 1;
    }
}
