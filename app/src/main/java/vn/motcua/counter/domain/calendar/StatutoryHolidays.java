package vn.motcua.counter.domain.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Works out one year's days off from Labour Code 2019 (Bộ luật Lao động, Law 45/2019/QH14) Art. 112(1) and 111(3),
 * completed by the year's schedule. Where the law leaves the choice to the Prime Minister and no schedule line exists,
 * a documented default applies (see docs/decisions/0201-calendar-and-identity.md):
 * <ul>
 *   <li>Tết: the last day of the old lunar year and mùng 1–4 (the "1 day before, 4 after" option that applied
 *       before 2021, when employers chose between 1+4 and 2+3);</li>
 *   <li>National Day: 2/9 and 1/9, or 2/9 and 3/9 when 2/9 is a Monday (as in 2024 and 2025, keeping the break
 *       next to a weekend).</li>
 * </ul>
 */
final class StatutoryHolidays {

    static final String ART_112 = "Bộ luật Lao động 2019, Điều 112 khoản 1";
    static final String ART_111 = "Bộ luật Lao động 2019, Điều 111 khoản 3";
    private static final DateTimeFormatter DAY_MONTH = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private StatutoryHolidays() {
    }

    /** The year's days off by date (compensatory days may spill into January of the next year). */
    static Map<LocalDate, Holiday> of(int year, HolidaySchedule schedule, LunarCalendar lunar) {
        Map<LocalDate, Holiday> days = new TreeMap<>();
        add(days, MonthDay.of(1, 1).atYear(year), "Tết Dương lịch", Holiday.Kind.STATUTORY, ART_112);
        addTet(days, year, schedule, lunar);
        lunar.toSolar(LunarDate.of(year, 3, 10)).ifPresent(day ->
                add(days, day, "Giỗ Tổ Hùng Vương (10/3 âm lịch)", Holiday.Kind.STATUTORY, ART_112));
        add(days, MonthDay.of(4, 30).atYear(year), "Ngày Chiến thắng (30/4)", Holiday.Kind.STATUTORY, ART_112);
        add(days, MonthDay.of(5, 1).atYear(year), "Ngày Quốc tế lao động (1/5)", Holiday.Kind.STATUTORY, ART_112);
        addNationalDay(days, year, schedule);
        for (ScheduleEntry entry : schedule.entries(year, ScheduleEntry.Kind.HOLIDAY)) {
            add(days, entry.date(), entry.name(), Holiday.Kind.DECIDED, entry.legalBasis());
        }
        addCompensatoryDays(days, schedule);
        for (ScheduleEntry entry : schedule.entries(year, ScheduleEntry.Kind.OFF)) {
            days.putIfAbsent(entry.date(), new Holiday(entry.date(), entry.name(), Holiday.Kind.SWAPPED, entry.legalBasis()));
        }
        return days;
    }

    private static void addTet(Map<LocalDate, Holiday> days, int year, HolidaySchedule schedule, LunarCalendar lunar) {
        List<ScheduleEntry> chosen = schedule.entries(year, ScheduleEntry.Kind.TET);
        if (!chosen.isEmpty()) {
            chosen.forEach(e -> add(days, e.date(), e.name(), Holiday.Kind.STATUTORY, basis(e)));
            return;
        }
        LocalDate tet = lunar.newYear(year);
        LunarDate lastDay = lunar.toLunar(tet.minusDays(1));
        add(days, tet.minusDays(1), "Tết Âm lịch (" + lastDay.day() + " tháng Chạp)", Holiday.Kind.STATUTORY, ART_112);
        for (int i = 0; i < 4; i++) {
            add(days, tet.plusDays(i), "Tết Âm lịch (mùng " + (i + 1) + " tháng Giêng)", Holiday.Kind.STATUTORY, ART_112);
        }
    }

    private static void addNationalDay(Map<LocalDate, Holiday> days, int year, HolidaySchedule schedule) {
        LocalDate nationalDay = LocalDate.of(year, 9, 2);
        add(days, nationalDay, "Quốc khánh (2/9)", Holiday.Kind.STATUTORY, ART_112);
        List<ScheduleEntry> chosen = schedule.entries(year, ScheduleEntry.Kind.NATIONAL_DAY);
        if (!chosen.isEmpty()) {
            chosen.forEach(e -> add(days, e.date(), e.name(), Holiday.Kind.STATUTORY, basis(e)));
            return;
        }
        LocalDate adjacent = nationalDay.getDayOfWeek() == DayOfWeek.MONDAY ? nationalDay.plusDays(1) : nationalDay.minusDays(1);
        add(days, adjacent, "Quốc khánh (ngày liền kề)", Holiday.Kind.STATUTORY, ART_112);
    }

    /** Art. 111(3): a holiday on the weekly rest day gives the next working day off. */
    private static void addCompensatoryDays(Map<LocalDate, Holiday> days, HolidaySchedule schedule) {
        List<Holiday> onWeekends = new ArrayList<>();
        for (Holiday holiday : days.values()) {
            if (isWeekend(holiday.date())) {
                onWeekends.add(holiday);
            }
        }
        for (Holiday holiday : onWeekends) {
            LocalDate day = holiday.date().plusDays(1);
            while (isWeekend(day) || days.containsKey(day) || isScheduledOff(schedule, day)) {
                day = day.plusDays(1);
            }
            String name = "Nghỉ bù " + holiday.name() + " (" + holiday.date().format(DAY_MONTH) + ")";
            days.put(day, new Holiday(day, name, Holiday.Kind.COMPENSATORY, ART_111));
        }
    }

    private static boolean isScheduledOff(HolidaySchedule schedule, LocalDate day) {
        return schedule.entries(day.getYear(), ScheduleEntry.Kind.OFF).stream().anyMatch(e -> e.date().equals(day));
    }

    static boolean isWeekend(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    private static String basis(ScheduleEntry entry) {
        return entry.legalBasis().isEmpty() ? ART_112 : entry.legalBasis();
    }

    /** Two holidays on one date (10/3 lunar can fall on 30/4 or 1/5) keep both names. */
    private static void add(Map<LocalDate, Holiday> days, LocalDate date, String name, Holiday.Kind kind, String basis) {
        days.merge(date, new Holiday(date, name, kind, basis),
                (old, added) -> new Holiday(date, old.name() + " / " + added.name(), old.kind(), old.legalBasis()));
    }
}
