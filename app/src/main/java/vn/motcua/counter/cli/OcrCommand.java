package vn.motcua.counter.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import vn.motcua.counter.application.CounterException;
import vn.motcua.counter.application.capture.FileCopies;
import vn.motcua.counter.i18n.Messages;

/**
 * {@code ocr [--lang vie] --out OUT.pdf IN...}: scans (images or PDF) → clean-up → OCR → one searchable PDF/A-2u
 * copy, through the same pipeline as the counter's background copies ({@link FileCopies}). The output file is
 * claimed before any page is read, so an unwritable path fails at once. Progress goes to standard error so standard
 * output stays the result (text or {@code --json}). Exit 0 when written, 1 on bad input or a page whose text could
 * not be read.
 */
@Command(name = "ocr", mixinStandardHelpOptions = true,
        description = "Làm sạch ảnh quét, nhận dạng chữ và ghi bản sao điện tử PDF/A tìm kiếm được.")
public final class OcrCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    JsonOption json;

    @Option(names = "--lang", defaultValue = "vie", paramLabel = "LANG",
            description = "Ngôn ngữ nhận dạng của Tesseract (mặc định: vie).")
    String language;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "OUT.pdf", description = "Tệp PDF/A sẽ ghi.")
    Path out;

    @Option(names = "--title", paramLabel = "TEXT",
            description = "Tên thành phần hồ sơ, làm tiêu đề bản sao (mặc định: tên tệp ra).")
    String title;

    @Parameters(arity = "1..*", paramLabel = "IN", description = "Ảnh (PNG, JPEG, TIFF) hoặc PDF, theo thứ tự trang.")
    List<Path> inputs;

    public record Result(String out, long bytes, String language, List<FileCopies.PageReport> pages) {
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        Messages text = Cli.messages(spec);
        try (OutputFile file = OutputFile.claim(out, text::text)) {
            FileCopies.FileCopy copy;
            try (FileCopies copies = Cli.access(spec).fileCopies(language)) {
                String name = title != null ? title : out.getFileName().toString().replaceFirst("\\.[Pp][Dd][Ff]$", "");
                copy = copies.make(inputs, name, ZonedDateTime.now(ZoneId.of("Asia/Ho_Chi_Minh")),
                        (read, total) -> progress(err, text.text("capture.ocr.progress.read", read, total)));
            }
            copy.pages().stream().filter(FileCopies.PageReport::ocrFailed)
                    .forEach(p -> err.println(text.text("capture.ocr.page_failed", p.page())));
            long bytes = file.write(copy.pdf());
            Result result = new Result(out.toString(), bytes, language, copy.pages());
            PrintWriter stdout = spec.commandLine().getOut();
            json.print(stdout, result, () -> stdout.println(text.text("capture.ocr.written", out,
                    copy.pages().size(), Math.max(1, Math.round(bytes / 1024.0)))));
            return copy.allRead() ? 0 : 1;
        } catch (OutputFile.Unwritable e) {
            return fail(err, text.text("capture.output.unwritable", out, e.reason()));
        } catch (CounterException e) {
            return fail(err, text.describe(e));
        } catch (IOException e) {
            return fail(err, text.text("capture.output.unwritable", out, text.text("capture.output.reason.failed")));
        }
    }

    private static void progress(PrintWriter err, String line) {
        synchronized (err) {
            err.println(line);
            err.flush();
        }
    }

    private static int fail(PrintWriter err, String message) {
        err.println(message);
        err.flush();
        return 1;
    }
}
