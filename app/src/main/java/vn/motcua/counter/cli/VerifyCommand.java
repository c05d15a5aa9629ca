package vn.motcua.counter.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import vn.motcua.counter.application.CounterException;
import vn.motcua.counter.application.signing.Verdict;
import vn.motcua.counter.i18n.Messages;
import vn.motcua.counter.i18n.VerdictWords;

/**
 * {@code verify FILE.pdf [--trust CERT.pem...] [--offline] [--json]}: whether a signed copy can be relied on. Exit 0
 * only when every signature is intact and trusted; each kind of failure has its own code (see {@link #exitCode}).
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Kiểm tra chữ ký số của tệp PDF: còn nguyên vẹn không, ai ký, lúc nào, mức chữ ký, chuỗi chứng thư,"
                + " tình trạng thu hồi. Mã thoát: 0 hợp lệ; 3 không có chữ ký; 4 bị sửa; 5 bị thay đổi sau khi ký;"
                + " 6 không tin cậy; 7 chứng thư hết hạn lúc ký; 8 đã thu hồi; 9 không rõ thu hồi; 10 tệp hỏng;"
                + " 1 lỗi khác.")
public final class VerifyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;
    @Mixin
    JsonOption json;
    @Parameters(index = "0", paramLabel = "FILE.pdf", description = "Tệp PDF đã ký.")
    Path file;
    @Option(names = "--trust", paramLabel = "CERT", arity = "1..*",
            description = "Chứng thư gốc tin cậy thêm cho lần kiểm tra này (PEM hoặc DER), ngoài kho signing.trust.dir.")
    List<Path> trust = new ArrayList<>();
    @Option(names = "--offline", description = "Không tra cứu thu hồi trên mạng; chỉ dùng dữ liệu kèm trong tệp.")
    boolean offline;

    /** JSON result: the verdict, its plain message and the exit code. */
    public record Result(Path file, Verdict.Outcome outcome, String message, int exitCode, Verdict verdict) {
    }

    @Override
    public Integer call() {
        Messages messages = Cli.messages(spec);
        PrintWriter out = spec.commandLine().getOut();
        try {
            byte[] pdf = Files.readAllBytes(file);
            Verdict verdict = Cli.access(spec).signatures().verification().verify(pdf, trust, !offline);
            VerdictWords words = new VerdictWords(messages);
            int code = exitCode(verdict.outcome());
            json.print(out, new Result(file.toAbsolutePath(), verdict.outcome(),
                    messages.text("verify.outcome." + verdict.outcome().name()), code, verdict),
                    () -> words.account(verdict).forEach(out::println));
            return code;
        } catch (IOException e) {
            return fail(messages.text("verify.unreadable") + " " + file, 10);
        } catch (CounterException e) {
            return fail(messages.describe(e), 1);
        }
    }

    private int fail(String message, int code) {
        spec.commandLine().getErr().println(message);
        spec.commandLine().getErr().flush();
        return code;
    }

    /** One code per kind of failure, stable for scripts. */
    public static int exitCode(Verdict.Outcome outcome) {
        return switch (outcome) {
            case VALID -> 0;
            case NOT_SIGNED -> 3;
            case ALTERED -> 4;
            case CHANGED_AFTER_SIGNING -> 5;
            case UNTRUSTED -> 6;
            case NOT_VALID_AT_SIGNING_TIME -> 7;
            case REVOKED -> 8;
            case REVOCATION_UNKNOWN -> 9;
            case UNREADABLE -> 10;
        };
    }
}
