package vn.motcua.counter.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import vn.motcua.counter.capture.CapturedPage;
import vn.motcua.counter.capture.CleanedPage;
import vn.motcua.counter.capture.CopyMetadata;
import vn.motcua.counter.capture.OcrResult;
import vn.motcua.counter.capture.cleanup.DefaultPageCleanup;
import vn.motcua.counter.capture.input.CaptureInputException;
import vn.motcua.counter.capture.input.Imported;
import vn.motcua.counter.capture.input.ScanImporter;
import vn.motcua.counter.capture.ocr.OcrListener;
import vn.motcua.counter.capture.ocr.OcrRequest;
import vn.motcua.counter.capture.ocr.OcrSettings;
import vn.motcua.counter.capture.ocr.OcrWorkerPool;
import vn.motcua.counter.capture.pdfa.PdfaCopyWriter;
import vn.motcua.counter.i18n.Messages;

/**
 * {@code ocr [--lang vie] --out OUT.pdf IN...}: scans (images or PDF) → clean-up → OCR → one searchable PDF/A-2u
 * copy, the same chain the counter window uses. Progress goes to standard error so standard output stays the
 * result (text or {@code --json}). Exit 0 when written, 1 on bad input or a page whose text could not be read.
 */
@Command(name = "ocr", mixinStandardHelpOptions = true,
        description = "Làm sạch ảnh quét, nhận dạng chữ và ghi bản sao điện tử PDF/A tìm kiếm được.")
public final class OcrCommand implements Callable<Integer> {

    // the command line speaks Vietnamese like the counter; the root bundle is Vietnamese
    private static final Messages TEXT = Messages.of(Locale.forLanguageTag("vi"));

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

    /** One page of the copy as reported to scripts. */
    public record PageResult(int page, String source, String kind, double skewDegrees, int quarterTurns,
                             boolean blankSuspected, int words, float meanConfidence, boolean ocrFailed) {
    }

    public record Result(String out, long bytes, String language, List<PageResult> pages) {
    }

    /** A source page on its way into the copy. */
    private record Source(String file, Imported.Page page) {
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        OcrSettings settings = OcrSettings.defaults().withLanguage(language);
        Path model = settings.tessdata().resolve(language + ".traineddata");
        if (!Files.isRegularFile(model)) {
            return fail(err, TEXT.text("capture.ocr.language_missing", language, model));
        }
        List<Source> sources = new ArrayList<>();
        ScanImporter importer = new ScanImporter();
        for (Path input : inputs) {
            String name = input.getFileName().toString();
            try {
                switch (importer.importFile(input)) {
                    case Imported.Pages p -> p.pages().forEach(page -> sources.add(new Source(name, page)));
                    // a signed or encrypted PDF must stay as it is: it cannot become part of a new copy
                    case Imported.PassThrough t -> {
                        return fail(err, TEXT.text("capture.input.passThrough", name));
                    }
                }
            } catch (CaptureInputException e) {
                return fail(err, TEXT.text(e.messageKey(), name));
            }
        }

        int total = sources.size();
        List<CleanedPage> cleaned = new ArrayList<>();
        DefaultPageCleanup cleanup = new DefaultPageCleanup();
        for (Source s : sources) {
            err.println(TEXT.text("capture.ocr.progress.clean", cleaned.size() + 1, total));
            err.flush();
            cleaned.add(cleanup.clean(s.page().image(), s.page().dpi()));
        }
        Map<String, OcrResult> results = recognise(settings, cleaned, err);

        List<CapturedPage> pages = new ArrayList<>();
        List<PageResult> report = new ArrayList<>();
        boolean failed = false;
        for (int i = 0; i < total; i++) {
            CleanedPage c = cleaned.get(i);
            OcrResult ocr = results.get(String.valueOf(i));
            if (ocr == null) {
                failed = true;
                err.println(TEXT.text("capture.ocr.page_failed", i + 1));
            }
            pages.add(CapturedPage.of(c, ocr));
            report.add(new PageResult(i + 1, sources.get(i).file(), c.kind().name(), c.skewDegrees(), c.quarterTurns(),
                    c.blankSuspected(), ocr == null ? 0 : ocr.words().size(), ocr == null ? 0 : ocr.meanConfidence(),
                    ocr == null));
        }
        long bytes;
        try {
            bytes = write(pages);
        } catch (IOException e) {
            return fail(err, TEXT.text("capture.output.unwritable", out));
        }
        Result result = new Result(out.toString(), bytes, language, report);
        PrintWriter stdout = spec.commandLine().getOut();
        json.print(stdout, result, () -> stdout.println(
                TEXT.text("capture.ocr.written", out, total, Math.max(1, Math.round(bytes / 1024.0)))));
        return failed ? 1 : 0;
    }

    private Map<String, OcrResult> recognise(OcrSettings settings, List<CleanedPage> cleaned, PrintWriter err)
            throws InterruptedException, ExecutionException {
        List<OcrRequest> requests = new ArrayList<>();
        for (int i = 0; i < cleaned.size(); i++) {
            requests.add(new OcrRequest(String.valueOf(i), cleaned.get(i).ocrImage(), cleaned.get(i).ocrDpi()));
        }
        AtomicInteger done = new AtomicInteger();
        Map<String, OcrResult> results = new ConcurrentHashMap<>();
        try (OcrWorkerPool pool = new OcrWorkerPool(settings.withWorkers(
                Math.min(settings.workers(), cleaned.size())))) {
            pool.submit(requests, new OcrListener() {
                @Override
                public void pageDone(String pageId, OcrResult result) {
                    results.put(pageId, result);
                    progress(err, done.incrementAndGet(), cleaned.size());
                }

                @Override
                public void pageFailed(String pageId, Exception error) {
                    progress(err, done.incrementAndGet(), cleaned.size());
                }
            }).completion().get();
        }
        return results;
    }

    private static void progress(PrintWriter err, int done, int total) {
        synchronized (err) {
            err.println(TEXT.text("capture.ocr.progress.read", done, total));
            err.flush();
        }
    }

    /** Written beside the target and moved into place, so a failed run never leaves half a PDF under its name. */
    private long write(List<CapturedPage> pages) throws IOException {
        Path target = out.toAbsolutePath();
        Path temp = Files.createTempFile(target.getParent(), ".ocr-", ".pdf.part");
        try {
            String name = title != null ? title : target.getFileName().toString().replaceFirst("\\.[Pp][Dd][Ff]$", "");
            CopyMetadata meta = new CopyMetadata(name, "", "", ZonedDateTime.now(ZoneId.of("Asia/Ho_Chi_Minh")));
            try (OutputStream os = Files.newOutputStream(temp)) {
                new PdfaCopyWriter().write(pages, meta, os);
            }
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return Files.size(target);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static int fail(PrintWriter err, String message) {
        err.println(message);
        err.flush();
        return 1;
    }
}
