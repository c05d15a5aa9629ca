package vn.motcua.counter.domain.calendar;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Year;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The working days of Vietnamese public bodies (Monday to Friday) less public holidays, compensatory days and swapped
 * days off, plus the Saturdays made working days ("làm bù"). Lunar holidays use {@link LunarCalendar#vietnam()}.
 * Build it from the bundled schedule, optionally laid over with an override file's text:
 * <pre>
 * var loaded = VietnamHolidayCalendar.withOverrides(Files.readString(path)); // the caller reads the file
 * loaded.problems().forEach(...);                                           // lines that were skipped
 * AppointmentCalendar calendar = loaded.calendar();
 * </pre>
 */
public final class VietnamHolidayCalendar implements AppointmentCalendar {

    private final HolidaySchedule schedule;
    private final LunarCalendar lunar;
    private final OfficeHours officeHours;
    private final LocalTime receptionCutoff;
    private final LocalTime sameDayCutoff;
    private final Set<LocalDate> workingDays;
    private final Map<Integer, Map<LocalDate, Holiday>> years = new ConcurrentHashMap<>();

    public VietnamHolidayCalendar(HolidaySchedule schedule) {
        this(schedule, OfficeHours.STANDARD, OfficeHours.STANDARD.closing(), SAME_DAY_CUTOFF);
    }

    /**
     * @param receptionCutoff later receptions count from the next working day's opening
     * @param sameDayCutoff   later receptions of same-day procedures are returned the next working day
     * @throws IllegalArgumentException when a cutoff is outside the office hours
     */
    public VietnamHolidayCalendar(HolidaySchedule schedule, OfficeHours officeHours, LocalTime receptionCutoff,
                                  LocalTime sameDayCutoff) {
        this.schedule = Objects.requireNonNull(schedule);
        this.lunar = LunarCalendar.vietnam();
        this.officeHours = Objects.requireNonNull(officeHours);
        this.receptionCutoff = officeHours.checkedWithin(receptionCutoff);
        this.sameDayCutoff = officeHours.checkedWithin(sameDayCutoff);
        this.workingDays = schedule.entries().stream()
                .filter(e -> e.kind() == ScheduleEntry.Kind.WORK)
                .map(ScheduleEntry::date)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The calendar with the schedules shipped with the application. */
    public static VietnamHolidayCalendar bundled() {
        return new VietnamHolidayCalendar(HolidaySchedule.bundled());
    }

    /** A calendar and the override lines that could not be used. */
    public record Loaded(VietnamHolidayCalendar calendar, List<ScheduleProblem> problems) {
    }

    /** The bundled schedule overridden by {@code overrideText} (the content of an override file; null or blank for none). */
    public static Loaded withOverrides(String overrideText) {
        HolidaySchedule.Parsed parsed = HolidaySchedule.parse(overrideText);
        HolidaySchedule merged = HolidaySchedule.bundled().overriddenBy(parsed.schedule());
        return new Loaded(new VietnamHolidayCalendar(merged), parsed.problems());
    }

    /** This calendar with a province's office hours and cutoffs (see the constructor). */
    public VietnamHolidayCalendar withOfficeHours(OfficeHours hours, LocalTime receptionCutoff, LocalTime sameDayCutoff) {
        return new VietnamHolidayCalendar(schedule, hours, receptionCutoff, sameDayCutoff);
    }

    @Override
    public boolean isWorkingDay(LocalDate day) {
        if (workingDays.contains(day)) {
            return true;
        }
        return !StatutoryHolidays.isWeekend(day) && holiday(day).isEmpty();
    }

    /** Why {@code day} is off, if it is a holiday, compensatory or swapped day (weekends are not listed). */
    public Optional<Holiday> holiday(LocalDate day) {
        if (workingDays.contains(day)) {
            return Optional.empty();
        }
        Holiday holiday = daysOf(day.getYear()).get(day);
        return Optional.ofNullable(holiday != null ? holiday : daysOf(day.getYear() - 1).get(day));
    }

    /** Every day off of {@code year} other than plain weekends, sorted by date. */
    public List<Holiday> holidays(Year year) {
        int y = year.getValue();
        return Stream.concat(daysOf(y - 1).values().stream(), daysOf(y).values().stream())
                .filter(h -> h.date().getYear() == y && !workingDays.contains(h.date()))
                .sorted(Comparator.comparing(Holiday::date))
                .toList();
    }

    /** The weekend days of {@code year} that are working days by decision (làm bù), with their legal basis. */
    public List<ScheduleEntry> workingWeekendDays(Year year) {
        return schedule.entries(year.getValue(), ScheduleEntry.Kind.WORK).stream()
                .filter(e -> StatutoryHolidays.isWeekend(e.date()))
                .toList();
    }

    public HolidaySchedule schedule() {
        return schedule;
    }

    @Override
    public OfficeHours officeHours() {
        return officeHours;
    }

    @Override
    public LocalTime receptionCutoff() {
        return receptionCutoff;
    }

    @Override
    public LocalTime sameDayCutoff() {
        return sameDayCutoff;
    }

    private Map<LocalDate, Holiday> daysOf(int year) {
        return years.computeIfAbsent(year, y -> StatutoryHolidays.of(y, schedule, lunar));
    }
}
