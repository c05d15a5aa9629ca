package vn.motcua.counter.domain.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import vn.motcua.counter.domain.ProcessingTime;

/** Whenever a dossier is received and whatever its limit, the appointment is inside office hours on a working day. */
class AppointmentProperties {

    private static final VietnamHolidayCalendar CALENDAR = VietnamHolidayCalendar.bundled();
    private static final VietnamHolidayCalendar AFTERNOONS_AT_13_30 = CALENDAR.withOfficeHours(
            OfficeHours.parse("07:00-11:30,13:30-17:00").orElseThrow(), LocalTime.of(15, 0), LocalTime.of(15, 0));

    @Provide
    Arbitrary<LocalDateTime> receptions() {
        Arbitrary<LocalDate> days = Arbitraries.longs()
                .between(LocalDate.of(2025, 1, 1).toEpochDay(), LocalDate.of(2027, 12, 31).toEpochDay())
                .map(LocalDate::ofEpochDay);
        Arbitrary<LocalTime> times = Arbitraries.integers().between(0, 24 * 60 - 1).map(m -> LocalTime.of(m / 60, m % 60));
        return Combinators.combine(days, times).as(LocalDate::atTime);
    }

    @Provide
    Arbitrary<ProcessingTime> limits() {
        return Arbitraries.oneOf(Arbitraries.integers().between(0, 30).map(ProcessingTime::ofWorkingDays),
                Arbitraries.integers().between(1, 40).map(ProcessingTime::ofWorkingHours));
    }

    @Property(tries = 3000)
    void theAppointmentIsInOfficeHoursOnAWorkingDay(@ForAll("receptions") LocalDateTime received,
                                                    @ForAll("limits") ProcessingTime limit) {
        for (VietnamHolidayCalendar calendar : new VietnamHolidayCalendar[] {CALENDAR, AFTERNOONS_AT_13_30}) {
            LocalDateTime due = calendar.appointment(received, limit);
            assertThat(calendar.isWorkingDay(due.toLocalDate())).as("%s + %s -> %s", received, limit, due).isTrue();
            assertThat(inSession(calendar.officeHours(), due.toLocalTime())).as("%s + %s -> %s", received, limit, due)
                    .isTrue();
            assertThat(due).as("%s + %s", received, limit).isAfter(received);
        }
    }

    @Property(tries = 2000)
    void theLimitStartsInOfficeHoursNoEarlierThanTheReception(@ForAll("receptions") LocalDateTime received) {
        LocalDateTime start = CALENDAR.countsFrom(received);
        assertThat(start).isAfterOrEqualTo(received);
        assertThat(CALENDAR.isWorkingDay(start.toLocalDate())).isTrue();
        assertThat(inSession(CALENDAR.officeHours(), start.toLocalTime())).isTrue();
    }

    /** Inside a session; its closing minute counts, as a result promised for 11:30 or 17:00 is. */
    private static boolean inSession(OfficeHours hours, LocalTime time) {
        return !time.isBefore(hours.morningStart()) && !time.isAfter(hours.morningEnd())
                || !time.isBefore(hours.afternoonStart()) && !time.isAfter(hours.afternoonEnd());
    }
}
