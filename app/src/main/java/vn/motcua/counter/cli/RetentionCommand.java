package vn.motcua.counter.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import vn.motcua.counter.application.CounterException;
import vn.motcua.counter.application.CounterServices;
import vn.motcua.counter.application.retention.Retention;
import vn.motcua.counter.application.port.RetentionStore;
import vn.motcua.counter.i18n.Messages;

/**
 * {@code retention run [--dry-run]}: removes (or only lists) the local copies of dossiers returned more than
 * {@code retention.days} ago that the hub holds, files and rows, each removal in the audit log
 * (docs/decisions/1303-retention.md). The dry run reads only: it opens no start-up work that could remove anything.
 */
@Command(name = "retention", mixinStandardHelpOptions = true, description = "Xoá bản lưu tại quầy của hồ sơ đã trả và đã đồng bộ.",
        subcommands = {RetentionCommand.Run.class})
public final class RetentionCommand extends CommandGroup {

    @Command(name = "run", mixinStandardHelpOptions = true,
            description = "Xoá (hoặc với --dry-run chỉ liệt kê) hồ sơ đã trả kết quả quá retention.days ngày và đã đồng bộ.")
    static final class Run implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        JsonOption json;
        @Option(names = "--dry-run", description = "Chỉ liệt kê, không xoá gì.")
        boolean dryRun;

        /** Its own run, reported with what the start-up run of this same opening removed just before. */
        private static Retention.Result run(Retention retention) {
            retention.run(() -> false);
            return retention.session();
        }

        @Override
        public Integer call() {
            Messages messages = Cli.messages(spec);
            PrintWriter out = spec.commandLine().getOut();
            try (CounterServices counter = dryRun ? Cli.access(spec).openForReading() : Cli.access(spec).open()) {
                Retention retention = counter.retention();
                Retention.Result result = dryRun ? retention.dryRun() : run(retention);
                json.print(out, result, () -> {
                    if (result.days() <= 0) {
                        out.println(messages.text("retention.never"));
                        return;
                    }
                    out.println(messages.text(dryRun ? "retention.would_remove" : "retention.removed",
                            Integer.toString(result.dossiers().size()), Integer.toString(result.days()),
                            Integer.toString(result.files().items())));
                    for (RetentionStore.Candidate c : result.dossiers()) {
                        out.println("  " + c.dossierCode() + "  " + c.returnedAt());
                    }
                });
                return 0;
            } catch (CounterException e) {
                spec.commandLine().getErr().println(messages.describe(e));
                spec.commandLine().getErr().flush();
                return 1;
            }
        }
    }
}
