package vn.motcua.counter.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import vn.motcua.counter.application.CounterException;
import vn.motcua.counter.application.InvalidFileException;
import vn.motcua.counter.application.CatalogueImports;
import vn.motcua.counter.application.CounterServices;
import vn.motcua.counter.domain.Agency;
import vn.motcua.counter.i18n.Messages;

/**
 * {@code catalog import FILE}: loads the province's procedure catalogue (JSON or CSV) into this counter;
 * {@code catalog agencies FILE}: the agency codes with their effective dates.
 */
@Command(name = "catalog", description = "Danh mục thủ tục hành chính.", mixinStandardHelpOptions = true,
        subcommands = {CatalogCommand.Import.class, CatalogCommand.ImportAgencies.class})
public final class CatalogCommand extends CommandGroup {

    /** JSON result: what changed, or every problem of a refused file. */
    public record Result(String file, int procedures, List<String> added, List<String> changed, int unchanged,
                         List<String> problems) {
    }

    /** What both imports take: the file, and {@code --json}. */
    abstract static class FileImport implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        JsonOption json;
        @Parameters(paramLabel = "FILE")
        Path file;
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Nhập danh mục từ tệp .json (dạng mẫu quốc gia) hoặc .csv; tệp có lỗi thì không nhập gì.")
    static final class Import extends FileImport {
        @Override
        public Integer call() {
            return importFile(spec, json, file, (counter, name) -> {
                CatalogueImports.Imported done = counter.catalogueImports().importProcedures(file);
                return new Result(name, done.procedures(), done.changes().added(), done.changes().changed(),
                        done.changes().unchanged(), List.of());
            }, (messages, r) -> messages.text("catalogue.imported", r.procedures(), r.added().size(),
                    r.changed().size(), r.unchanged()));
        }
    }

    @Command(name = "agencies", mixinStandardHelpOptions = true,
            description = "Nhập mã định danh cơ quan và ngày hiệu lực (dạng agency-codes-sample.csv).")
    static final class ImportAgencies extends FileImport {
        @Override
        public Integer call() {
            return importFile(spec, json, file, (counter, name) -> {
                List<Agency> agencies = counter.catalogueImports().importAgencies(file);
                return new Result(name, agencies.size(), agencies.stream().map(Agency::code).toList(), List.of(), 0,
                        List.of());
            }, (messages, r) -> messages.text("agency.imported", r.procedures()));
        }
    }

    /**
     * Reads and imports the file (a refused file changes nothing) and prints the result or every problem. Exit 0
     * imported, 1 refused.
     */
    private static int importFile(CommandSpec spec, JsonOption json, Path file,
                                  BiFunction<CounterServices, String, Result> work,
                                  BiFunction<Messages, Result, String> human) {
        Messages messages = Cli.messages(spec);
        PrintWriter out = spec.commandLine().getOut();
        String name = file.getFileName().toString();
        try {
            Result result;
            try (CounterServices counter = Cli.open(spec)) {
                result = work.apply(counter, name);
            }
            json.print(out, result, () -> out.println(human.apply(messages, result)));
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
