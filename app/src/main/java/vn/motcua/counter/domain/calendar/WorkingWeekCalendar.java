package vn.motcua.counter.domain.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;

/** Monday to Friday, no public holidays: the fallback when no holiday calendar is configured. */
public final class WorkingWeekCalendar implements AppointmentCalendar {

    @Override
    public boolean isWorkingDay(LocalDate day) {
        DayOfWeek dow = day.getDayOfWeek();
        return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY;
    }
}
