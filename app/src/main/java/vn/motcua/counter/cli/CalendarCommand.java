package vn.motcua.counter.cli;

import vn.motcua.counter.application.CounterException;
import vn.motcua.counter.i18n.Messages;

import java.io.PrintWriter;
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
import vn.motcua.counter.domain.calendar.OutsideCalendarRange;
import vn.motcua.counter.domain.calendar.VietnamHolidayCalendar;

/** {@code calendar holidays|due|lunar}: the Vietnamese working calendar as the counter uses it. */
@Command(name = "calendar", description = "Lịch làm việc, ngày nghỉ lễ và âm lịch.", mixinStandardHelpOptions = true,
        subcommands = {CalendarCommand.Holidays.class, CalendarCommand.Due.class, CalendarCommand.Lunar.class})
public final class CalendarCommand extends CommandGroup {

    @Mixin
    JsonOption json;

    /**
     * The counter's calendar (holiday overrides, office hours and cutoffs from the settings, as the window uses), with
     * {@code --overrides FILE} instead of the configured override file when given; skipped lines go to stderr.
     */
    static VietnamHolidayCalendar calendar(Path overrides, CommandSpec spec) {
        PrintWriter err = spec.commandLine().getErr();
        Messages messages = Cli.messages(spec);
        try {
            return Cli.access(spec).calendar(overrides, (file, p) -> err.println(file + ":" + p.line() + ": "
                    + messages.text(p.messageKey()) + " [" + p.text() + "]"));
        } catch (CounterException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), messages.describe(e));
        } finally {
            err.flush();
        }
    }

    private static void checkYear(CommandSpec spec, int year, int first) {
        if (year < first || year > LunarCalendar.LAST_YEAR) {
            throw new CommandLine.ParameterException(spec.commandLine(), Cli.messages(spec).text("calendar.out_of_range",
                    first, LunarCalendar.LAST_YEAR));
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
            if (limit.days != null && limit.days < 0) {
                throw new CommandLine.ParameterException(spec.commandLine(), Cli.messages(spec).text("calendar.bad_days", limit.days));
            }
            if (limit.hours != null && limit.hours <= 0) {
                throw new CommandLine.ParameterException(spec.commandLine(), Cli.messages(spec).text("calendar.bad_hours", limit.hours));
            }
            ProcessingTime time = limit.days != null ? ProcessingTime.ofWorkingDays(limit.days)
                    : ProcessingTime.ofWorkingHours(limit.hours);
            VietnamHolidayCalendar calendar = calendar(overrides, spec);
            LocalDateTime due;
            try {
                due = calendar.appointment(received, time);
            } catch (OutsideCalendarRange e) {
                throw new CommandLine.ParameterException(spec.commandLine(), Cli.messages(spec).text("calendar.out_of_range",
                        LunarCalendar.FIRST_YEAR, LunarCalendar.LAST_YEAR));
            }
            PrintWriter out = spec.commandLine().getOut();
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
