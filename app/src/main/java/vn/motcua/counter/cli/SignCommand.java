package vn.motcua.counter.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import vn.motcua.counter.application.CounterException;
import vn.motcua.counter.application.port.SigningKeys;
import vn.motcua.counter.application.signing.CopySigning;
import vn.motcua.counter.application.signing.Signatures;
import vn.motcua.counter.domain.signing.SignatureLevel;
import vn.motcua.counter.domain.signing.CopyKind;
import vn.motcua.counter.i18n.Messages;

/**
 * {@code sign --key FILE.p12|--pkcs11 CONFIG [--pin-env VAR] --out OUT IN.pdf...}: signs copies in a batch with
 * one PIN, through the same service as the window. With one input, OUT is the signed file (or a folder to put it
 * in); with several, OUT is a folder and each signed copy keeps its input's file name. A signed file appears only
 * when complete (written beside, then moved), so a batch stopped by a pulled-out token leaves no half-signed file.
 */
@Command(name = "sign", mixinStandardHelpOptions = true,
        description = "Ký số bản sao điện tử (PAdES) hàng loạt với một lần nhập PIN. Mã thoát: 0 đã ký hết;"
                + " 1 không mở được khóa ký, không ký được bản nào hoặc lỗi khác; 3 có bản chưa ký.")
public final class SignCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;
    @Mixin
    JsonOption json;

    static final class KeyChoice {
        @Option(names = "--key", paramLabel = "FILE.p12", description = "Khóa ký trong tệp PKCS#12.")
        Path pkcs12;
        @Option(names = "--pkcs11", paramLabel = "CONFIG",
                description = "Thiết bị ký (USB token) qua tệp cấu hình SunPKCS11 (name, library, slotListIndex).")
        Path pkcs11;
    }

    @ArgGroup(exclusive = true)
    KeyChoice key;
    @Option(names = "--pin-env", paramLabel = "VAR", description = "Đọc PIN từ biến môi trường này (không hỏi).")
    String pinVariable;
    @Option(names = "--out", required = true, paramLabel = "OUT",
            description = "Tệp ra (một tệp vào) hoặc thư mục ra (nhiều tệp vào).")
    Path out;
    @Option(names = "--kind", paramLabel = "KIND", defaultValue = "certified",
            description = "Loại văn bản: certified (bản sao chứng thực từ bản chính), register (bản sao từ sổ gốc),"
                    + " result (kết quả, kèm ảnh chữ ký và con dấu). Mặc định: certified.")
    String kind;
    @Option(names = "--level", paramLabel = "LEVEL",
            description = "B-B, B-T hoặc B-LT; mặc định theo signing.level. Không có mạng thì ký B-B để nâng sau.")
    String level;
    @Parameters(paramLabel = "IN.pdf", arity = "1..*", description = "Các tệp PDF cần ký.")
    List<Path> inputs;

    /** JSON result: each copy's outcome. */
    public record Result(List<Signed> copies, long signed, int total, String stoppedBy) {
    }

    public record Signed(Path input, Path output, String level, boolean toExtend, String problem) {
    }

    @Override
    public Integer call() {
        Messages messages = Cli.messages(spec);
        PrintWriter printer = spec.commandLine().getOut();
        try {
            Signatures services = Cli.access(spec).signatures();
            SigningKeys.Source source = source(services);
            CopyKind copyKind = kind(kind);
            List<Path> outputs = outputs();
            List<CopySigning.Item> items = new ArrayList<>();
            for (int i = 0; i < inputs.size(); i++) {
                Path input = inputs.get(i);
                Path output = outputs.get(i);
                items.add(new CopySigning.Item(input.toString(), copyKind, () -> read(input),
                        signed -> writeAtomically(output, signed)));
            }
            CopySigning.Policy policy = level == null ? services.policy() : services.policy(SignatureLevel.parse(level)
                    .orElseThrow(() -> new CounterException("settings.bad_value", "--level", level)));
            char[] pin = pin(messages, source);
            CopySigning.BatchResult result = services.signing().sign(source, pin, items, policy,
                    (done, total, outcome) -> {
                        if (!json.enabled()) {
                            printer.println(line(messages, outcome, outputs.get(done - 1), policy));
                            printer.flush();
                        }
                    }, () -> false);
            List<Signed> copies = new ArrayList<>();
            for (int i = 0; i < result.outcomes().size(); i++) {
                CopySigning.Outcome o = result.outcomes().get(i);
                copies.add(new Signed(inputs.get(i), o.signed() ? outputs.get(i) : null,
                        o.level() == null ? null : o.level().label(), o.toExtend(),
                        o.failure() == null ? null : messages.describe(o.failure())));
            }
            json.print(printer, new Result(copies, result.signedCount(), inputs.size(),
                    result.stoppedBy() == null ? null : messages.describe(result.stoppedBy())),
                    () -> printer.println(messages.text("signing.summary", result.signedCount(), inputs.size())));
            if (result.stoppedBy() != null) {
                spec.commandLine().getErr().println(messages.describe(result.stoppedBy()));
                spec.commandLine().getErr().flush();
            }
            return result.signedCount() == inputs.size() ? 0 : result.signedCount() == 0 ? 1 : 3;
        } catch (CounterException e) {
            spec.commandLine().getErr().println(messages.describe(e));
            spec.commandLine().getErr().flush();
            return 1;
        }
    }

    private SigningKeys.Source source(Signatures services) {
        if (key != null && key.pkcs12 != null) {
            return services.pkcs12(key.pkcs12);
        }
        if (key != null && key.pkcs11 != null) {
            return services.pkcs11(key.pkcs11);
        }
        return services.configuredKey().orElseThrow(() -> new CounterException("signing.no_key_configured"));
    }

    private static CopyKind kind(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "certified" -> CopyKind.CERTIFIED_FROM_ORIGINAL;
            case "register" -> CopyKind.FROM_MASTER_REGISTER;
            case "result" -> CopyKind.RESULT;
            default -> throw new CounterException("settings.bad_value", "--kind", text);
        };
    }

    /** One output per input: OUT itself for a single file that is not a folder, else OUT/<input's name>. */
    private List<Path> outputs() {
        boolean folder = inputs.size() > 1 || Files.isDirectory(out);
        if (inputs.size() > 1 && Files.exists(out) && !Files.isDirectory(out)) {
            throw new CounterException("signing.out_not_folder", out.toString());
        }
        List<Path> outputs = new ArrayList<>();
        for (Path input : inputs) {
            Path output = folder ? out.resolve(input.getFileName().toString()) : out;
            if (output.toAbsolutePath().normalize().equals(input.toAbsolutePath().normalize())) {
                throw new CounterException("signing.same_file", input.toString());
            }
            outputs.add(output);
        }
        return outputs;
    }

    /** From the variable named by --pin-env, else typed at the console without echo; never logged or kept. */
    private char[] pin(Messages messages, SigningKeys.Source source) {
        if (pinVariable != null) {
            return Optional.ofNullable(System.getenv(pinVariable)).map(String::toCharArray)
                    .orElseThrow(() -> new CounterException("signing.no_pin"));
        }
        if (System.console() == null) {
            throw new CounterException("signing.no_pin");
        }
        char[] typed = System.console().readPassword("%s", messages.text("signing.pin_prompt", source.describe()));
        if (typed == null || typed.length == 0) {
            throw new CounterException("signing.no_pin");
        }
        return typed;
    }

    private static String line(Messages messages, CopySigning.Outcome outcome, Path output, CopySigning.Policy policy) {
        if (!outcome.signed()) {
            return messages.text("signing.not_signed", outcome.name(), messages.describe(outcome.failure()));
        }
        return outcome.toExtend()
                ? messages.text("signing.signed_to_extend", outcome.name(), output, outcome.level().label(),
                        policy.target().label())
                : messages.text("signing.signed", outcome.name(), output, outcome.level().label());
    }

    private static byte[] read(Path input) {
        try {
            return Files.readAllBytes(input);
        } catch (IOException e) {
            throw new CounterException("signing.unreadable_document", e);
        }
    }

    private static void writeAtomically(Path output, byte[] signed) {
        try {
            Path folder = output.toAbsolutePath().getParent();
            Files.createDirectories(folder);
            Path partial = Files.createTempFile(folder, ".signing-", ".part");
            try {
                Files.write(partial, signed);
                Files.move(partial, output, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(partial);
            }
        } catch (IOException e) {
            throw new CounterException("signing.write_failed", e, output.toString());
        }
    }
}
