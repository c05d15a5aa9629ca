package vn.motcua.counter.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import vn.motcua.counter.adapters.catalogue.CatalogueFiles;
import vn.motcua.counter.application.CounterException;
import vn.motcua.counter.application.InvalidFileException;
import vn.motcua.counter.application.port.CatalogueImport;
import vn.motcua.counter.bootstrap.CounterContext;
import vn.motcua.counter.bootstrap.Settings;
import vn.motcua.counter.domain.Procedure;
import vn.motcua.counter.i18n.Messages;

/** {@code catalog import FILE}: loads the province's procedure catalogue (JSON or CSV) into this counter. */
@Command(name = "catalog", description = "Danh mục thủ tục hành chính.", mixinStandardHelpOptions = true,
        subcommands = CatalogCommand.Import.class)
public final class CatalogCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return CommandLine.ExitCode.USAGE;
    }

    /** JSON result: what changed, or every problem of a refused file. */
    public record Result(String file, int procedures, List<String> added, List<String> changed, int unchanged,
                         List<String> problems) {
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Nhập danh mục từ tệp .json (dạng mẫu quốc gia) hoặc .csv; tệp có lỗi thì không nhập gì.")
    static final class Import implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        JsonOption json;
        @Parameters(paramLabel = "FILE")
        Path file;

        @Override
        public Integer call() {
            Settings settings = Settings.load();
            Messages messages = Messages.of(settings.locale());
            PrintWriter out = spec.commandLine().getOut();
            String name = file.getFileName().toString();
            try {
                List<Procedure> procedures = CatalogueFiles.read(file);
                CatalogueImport done;
                try (CounterContext counter = CounterContext.open(settings, CounterContext.VIETNAM_TIME)) {
                    done = counter.catalogue().importProcedures(procedures, name);
                }
                Result result = new Result(name, procedures.size(), done.added(), done.changed(), done.unchanged(),
                        List.of());
                json.print(out, result, () -> out.println(messages.text("catalogue.imported", procedures.size(),
                        done.added().size(), done.changed().size(), done.unchanged())));
                return 0;
            } catch (InvalidFileException e) {
                List<String> problems = e.problems().stream().map(messages::describe).toList();
                json.print(out, new Result(name, 0, List.of(), List.of(), 0, problems), () -> {
                    out.println(messages.text(e.messageKey(), e.arguments()));
                    problems.forEach(p -> out.println("  " + p));
                });
                return 1;
            } catch (CounterException e) {
                json.print(out, new Result(name, 0, List.of(), List.of(), 0, List.of(messages.describe(e))),
                        () -> out.println(messages.describe(e)));
                return 1;
            }
        }
    }
}
