package vn.motcua.counter.cli;

import vn.motcua.counter.i18n.Messages;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Year;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import vn.motcua.counter.domain.ProcessingTime;
import vn.motcua.counter.domain.calendar.Holiday;
import vn.motcua.counter.domain.calendar.LunarCalendar;
import vn.motcua.counter.domain.calendar.LunarDate;
import vn.motcua.counter.domain.calendar.VietnamHolidayCalendar;

/** {@code calendar holidays|due|lunar}: the Vietnamese working calendar as the counter uses it. */
@Command(name = "calendar", description = "Lịch làm việc, ngày nghỉ lễ và âm lịch.", mixinStandardHelpOptions = true,
        subcommands = {CalendarCommand.Holidays.class, CalendarCommand.Due.class, CalendarCommand.Lunar.class})
public final class CalendarCommand extends CommandGroup {

    @Mixin
    JsonOption json;

    /** The bundled schedule, laid over with {@code --overrides FILE} when given; skipped lines are reported on stderr. */
    static VietnamHolidayCalendar calendar(Path overrides, CommandSpec spec) {
        if (overrides == null) {
            return VietnamHolidayCalendar.bundled();
        }
        String text;
        try {
            text = Files.readString(overrides, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "không đọc được " + overrides + ": " + e.getMessage());
        }
        VietnamHolidayCalendar.Loaded loaded = VietnamHolidayCalendar.withOverrides(text);
        PrintWriter err = spec.commandLine().getErr();
        Messages messages = Cli.messages(spec);
        loaded.problems().forEach(p -> err.println(overrides + ":" + p.line() + ": " + messages.text(p.messageKey())
                + " [" + p.text() + "]"));
        err.flush();
        return loaded.calendar();
    }

    private static void checkYear(CommandSpec spec, int year, int first) {
        if (year < first || year > LunarCalendar.LAST_YEAR) {
            throw new CommandLine.ParameterException(spec.commandLine(), "năm phải từ " + first + " đến " + LunarCalendar.LAST_YEAR);
        }
    }

    @Command(name = "holidays", description = "Các ngày nghỉ của một năm (ngoài thứ Bảy, Chủ nhật), mỗi dòng: ngày<TAB>tên.",
            mixinStandardHelpOptions = true)
    static final class Holidays implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        JsonOption json;
        @Parameters(paramLabel = "YEAR")
        int year;
        @Option(names = "--overrides", paramLabel = "FILE", description = "Tệp lịch nghỉ bổ sung (cùng định dạng với lịch kèm theo).")
        Path overrides;

        @Override
        public Integer call() {
            checkYear(spec, year, LunarCalendar.FIRST_YEAR + 1); // holidays look at the year before for spill-overs
            PrintWriter out = spec.commandLine().getOut();
            List<Holiday> days = calendar(overrides, spec).holidays(Year.of(year));
            json.print(out, days, () -> days.forEach(h -> out.println(h.date() + "\t" + h.name())));
            return CommandLine.ExitCode.OK;
        }
    }

    /** The appointment computed for a reception. */
    public record DueResult(LocalDateTime received, int workingDays, int workingHours, LocalDateTime appointment) {
    }

    @Command(name = "due", description = "Ngày giờ hẹn trả kết quả.", mixinStandardHelpOptions = true)
    static final class Due implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        JsonOption json;
        @Option(names = "--received", required = true, paramLabel = "YYYY-MM-DDTHH:MM", description = "Thời điểm tiếp nhận.")
        LocalDateTime received;
        @ArgGroup(exclusive = true, multiplicity = "1")
        Limit limit;
        @Option(names = "--overrides", paramLabel = "FILE", description = "Tệp lịch nghỉ bổ sung.")
        Path overrides;

        static final class Limit {
            @Option(names = "--working-days", paramLabel = "N", description = "Thời hạn giải quyết (ngày làm việc, 0 = trong ngày).")
            Integer days;
            @Option(names = "--working-hours", paramLabel = "N", description = "Thời hạn giải quyết tính bằng giờ làm việc.")
            Integer hours;
        }

        @Override
        public Integer call() {
            ProcessingTime time;
            try {
                time = limit.days != null ? ProcessingTime.ofWorkingDays(limit.days) : ProcessingTime.ofWorkingHours(limit.hours);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "thời hạn không hợp lệ: " + e.getMessage());
            }
            PrintWriter out = spec.commandLine().getOut();
            LocalDateTime due = calendar(overrides, spec).appointment(received, time);
            json.print(out, new DueResult(received, time.workingDays(), time.workingHours(), due), () -> out.println(due));
            return CommandLine.ExitCode.OK;
        }
    }

    /** A lunar date as {@code --json} prints it. */
    public record LunarResult(int day, int month, int year, boolean leap) {
    }

    @Command(name = "lunar", description = "Ngày âm lịch (giờ Việt Nam, UTC+7) của một ngày dương lịch.", mixinStandardHelpOptions = true)
    static final class Lunar implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        JsonOption json;
        @Parameters(paramLabel = "YYYY-MM-DD")
        LocalDate date;

        @Override
        public Integer call() {
            checkYear(spec, date.getYear(), LunarCalendar.FIRST_YEAR);
            PrintWriter out = spec.commandLine().getOut();
            LunarDate lunar = LunarCalendar.vietnam().toLunar(date);
            json.print(out, new LunarResult(lunar.day(), lunar.month(), lunar.year(), lunar.leapMonth()),
                    () -> out.println(lunar.day() + "/" + lunar.month() + (lunar.leapMonth() ? " nhuận" : "")
                            + " năm " + lunar.yearName() + " (" + lunar + " âm lịch)"));
            return CommandLine.ExitCode.OK;
        }
    }
}
