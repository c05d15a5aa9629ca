package vn.motcua.counter.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import vn.motcua.counter.application.CounterException;
import vn.motcua.counter.application.CounterReport;
import vn.motcua.counter.application.port.ReportRenderer;
import vn.motcua.counter.application.CounterServices;
import vn.motcua.counter.i18n.Messages;

/** {@code report --from DATE --to DATE --format csv|pdf --out FILE}: the counter report of a period as a file. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Báo cáo của quầy trong một kỳ (tiếp nhận, đúng hạn/quá hạn, số hóa, hài lòng) ra tệp CSV hoặc PDF.")
public final class ReportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;
    @Mixin
    JsonOption json;
    @Option(names = "--from", required = true, paramLabel = "YYYY-MM-DD", description = "Ngày đầu kỳ.")
    LocalDate from;
    @Option(names = "--to", required = true, paramLabel = "YYYY-MM-DD", description = "Ngày cuối kỳ (tính cả ngày này).")
    LocalDate to;
    @Option(names = "--format", required = true, paramLabel = "csv|pdf", description = "csv hoặc pdf.")
    String format;
    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Tệp ghi ra.")
    Path out;

    /** JSON result: the file written and the figures. */
    public record Result(Path file, CounterReport report) {
    }

    @Override
    public Integer call() {
        Messages messages = Cli.messages(spec);
        PrintWriter printer = spec.commandLine().getOut();
        ReportRenderer.Format chosen;
        try {
            chosen = ReportRenderer.Format.valueOf(format.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--format phải là csv hoặc pdf: " + format);
        }
        try (CounterServices counter = Cli.openForReading(spec)) {
            CounterReport report = counter.reports().report(from, to);
            counter.reports().export(report, chosen, out);
            json.print(printer, new Result(out.toAbsolutePath(), report), () -> {
                report.figures().forEach(f -> printer.printf("%-40s %s%n",
                        messages.label(f), messages.value(f)));
                printer.println(messages.text("report.written", out.toAbsolutePath()));
            });
            return 0;
        } catch (CounterException e) {
            spec.commandLine().getErr().println(messages.describe(e));
            spec.commandLine().getErr().flush();
            return 1;
        }
    }
}
