package vn.motcua.counter.cli;

import vn.motcua.counter.i18n.Messages;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import vn.motcua.counter.domain.calendar.LunarCalendar;
import vn.motcua.counter.domain.identity.BirthDate;
import vn.motcua.counter.domain.identity.IdentityProblem;
import vn.motcua.counter.domain.identity.ParseResult;
import vn.motcua.counter.domain.identity.PassportNumber;
import vn.motcua.counter.domain.identity.PersonalIdNumber;
import vn.motcua.counter.domain.identity.Sex;
import vn.motcua.counter.domain.identity.TaxCode;

/** {@code id check NUMBER}: is an identity number valid, and why not. Exit 0 when valid, 1 when not. */
@Command(name = "id", description = "Kiểm tra số giấy tờ tùy thân.", mixinStandardHelpOptions = true,
        subcommands = IdCommand.Check.class)
public final class IdCommand extends CommandGroup {

    @Mixin
    JsonOption json;

    /** One problem as printed: its key for scripts and its Vietnamese text for people. */
    public record Problem(String key, String message) {
        static List<Problem> of(List<IdentityProblem> problems, Messages messages) {
            return problems.stream().map(p -> new Problem(p.messageKey(), messages.text(p.messageKey()))).toList();
        }
    }

    /** The result of a check; personal ID numbers are shown masked. */
    public record Result(String kind, String number, boolean valid, List<Problem> problems, String detail) {
    }

    enum Kind { CCCD, MST, PASSPORT }

    @Command(name = "check", description = "Kiểm tra một số: số định danh cá nhân (mặc định), mã số thuế hoặc hộ chiếu.",
            mixinStandardHelpOptions = true)
    static final class Check implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        JsonOption json;

        @Parameters(paramLabel = "NUMBER", description = "Số cần kiểm tra.")
        String number;

        @Option(names = "--kind", defaultValue = "cccd", description = "cccd | mst | passport (mặc định: cccd).",
                converter = KindConverter.class)
        Kind kind;

        @Option(names = "--birth-date", paramLabel = "YYYY-MM-DD", description = "Ngày sinh khai báo (đối chiếu năm sinh).")
        String birthDate;

        @Option(names = "--sex", paramLabel = "nam|nu", description = "Giới tính khai báo.", converter = SexConverter.class)
        Sex sex;

        private Messages messages;

        @Option(names = "--country", paramLabel = "XXX", defaultValue = "VNM", description = "Nước cấp hộ chiếu (mặc định VNM).")
        String country;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            messages = Cli.messages(spec);
            Result result = switch (kind) {
                case CCCD -> personalId();
                case MST -> result("mst", number, TaxCode.parse(number), TaxCode::toString, t -> t.isBranch() ? "đơn vị phụ thuộc" : "");
                case PASSPORT -> result("passport", number, PassportNumber.parse(number, country),
                        p -> p.number() + " (" + p.issuingCountry() + ")", p -> "");
            };
            json.print(out, result, () -> {
                out.println((result.valid() ? messages.text("id.valid") : messages.text("id.invalid")) + ": " + result.number()
                        + (result.detail().isEmpty() ? "" : " — " + result.detail()));
                result.problems().forEach(p -> out.println("  - " + p.message()));
            });
            return result.valid() ? CommandLine.ExitCode.OK : 1;
        }

        private Result personalId() {
            LocalDate today = LocalDate.now(LunarCalendar.VIETNAM_ZONE);
            LocalDate stated = null;
            if (birthDate != null) {
                // the form's check and message: a date the calendar does not have is refused, never moved
                ParseResult<LocalDate> date = BirthDate.parse(birthDate, today);
                stated = date.result().orElseThrow(() -> new CommandLine.ParameterException(spec.commandLine(),
                        Cli.messages(spec).text(date.problems().getFirst().messageKey(), birthDate)));
            }
            ParseResult<PersonalIdNumber> checked = PersonalIdNumber.check(number, stated, sex, today);
            return result("cccd", mask(number), checked, PersonalIdNumber::masked, n -> "nơi đăng ký khai sinh " + n.provinceName()
                    + ", " + (n.sex() == Sex.MALE ? "nam" : "nữ") + ", sinh năm " + n.birthYear());
        }

        /** Personal data stays out of terminals' scroll-back and logs even when the number is mistyped. */
        private static String mask(String typed) {
            String compact = typed == null ? "" : typed.strip();
            return compact.length() <= 6 ? compact : compact.substring(0, 3) + "*".repeat(compact.length() - 6)
                    + compact.substring(compact.length() - 3);
        }

        private <T> Result result(String kind, String typed, ParseResult<T> parsed,
                                         java.util.function.Function<T, String> shown, java.util.function.Function<T, String> detail) {
            boolean valid = parsed.accepted() && parsed.problems().isEmpty();
            String number = parsed.result().map(shown).orElse(typed == null ? "" : typed.strip());
            return new Result(kind, number, valid, Problem.of(parsed.problems(), messages), parsed.result().map(detail).orElse(""));
        }
    }

    static final class SexConverter implements CommandLine.ITypeConverter<Sex> {
        @Override
        public Sex convert(String value) {
            return switch (value.strip().toLowerCase(Locale.ROOT)) {
                case "nam", "m" -> Sex.MALE;
                case "nu", "nữ", "f" -> Sex.FEMALE;
                default -> throw new CommandLine.TypeConversionException("--sex phải là nam hoặc nu: " + value);
            };
        }
    }

    static final class KindConverter implements CommandLine.ITypeConverter<Kind> {
        @Override
        public Kind convert(String value) {
            try {
                return Kind.valueOf(value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException("--kind phải là cccd, mst hoặc passport: " + value);
            }
        }
    }
}
