package vn.motcua.counter.domain.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;
import vn.motcua.counter.domain.ProcessingTime;

/** Receptions outside office hours count from the next opening, so appointments never fall at night or at lunch. */
class AppointmentInOfficeHoursTest {

    private final VietnamHolidayCalendar calendar = VietnamHolidayCalendar.bundled();

    @Test
    void aReceptionLateOnFridayCountsFromMondaysOpening() {
        // the case: Fri 04/12/2026 22:47 + 3 working days was "22:47 09/12/2026"
        assertThat(calendar.appointment(LocalDateTime.of(2026, 12, 4, 22, 47), ProcessingTime.ofWorkingDays(3)))
                .isEqualTo(LocalDateTime.of(2026, 12, 10, 7, 30));
        assertThat(calendar.countsFrom(LocalDateTime.of(2026, 12, 4, 22, 47)))
                .isEqualTo(LocalDateTime.of(2026, 12, 7, 7, 30));
    }

    @Test
    void beforeOpeningAndAtLunchTheLimitStartsAtTheSessionsOpening() {
        assertThat(calendar.appointment(LocalDateTime.of(2026, 12, 7, 6, 15), ProcessingTime.ofWorkingDays(2)))
                .isEqualTo(LocalDateTime.of(2026, 12, 9, 7, 30));
        assertThat(calendar.appointment(LocalDateTime.of(2026, 12, 7, 12, 10), ProcessingTime.ofWorkingDays(2)))
                .isEqualTo(LocalDateTime.of(2026, 12, 9, 13, 0));
        assertThat(calendar.appointment(LocalDateTime.of(2026, 12, 7, 16, 59), ProcessingTime.ofWorkingDays(2)))
                .as("within office hours: the same time of day").isEqualTo(LocalDateTime.of(2026, 12, 9, 16, 59));
        assertThat(calendar.appointment(LocalDateTime.of(2026, 12, 7, 17, 0), ProcessingTime.ofWorkingDays(2)))
                .as("at closing").isEqualTo(LocalDateTime.of(2026, 12, 10, 7, 30));
    }

    @Test
    void aDayOffCountsFromTheNextWorkingDaysOpening() {
        // Sunday 06/12/2026, and the Tết break of 2026 (Wed 18/02)
        assertThat(calendar.appointment(LocalDateTime.of(2026, 12, 6, 10, 0), ProcessingTime.ofWorkingDays(1)))
                .isEqualTo(LocalDateTime.of(2026, 12, 8, 7, 30));
        assertThat(calendar.appointment(LocalDateTime.of(2026, 2, 18, 9, 0), ProcessingTime.ofWorkingDays(1)))
                .isEqualTo(LocalDateTime.of(2026, 2, 24, 7, 30));
    }

    @Test
    void aConfiguredCutoffMovesLaterReceptionsToTheNextDay() {
        VietnamHolidayCalendar fifteen = calendar.withOfficeHours(OfficeHours.STANDARD, LocalTime.of(15, 0),
                LocalTime.of(15, 0));
        assertThat(fifteen.appointment(LocalDateTime.of(2026, 12, 7, 15, 0), ProcessingTime.ofWorkingDays(3)))
                .isEqualTo(LocalDateTime.of(2026, 12, 10, 15, 0));
        assertThat(fifteen.appointment(LocalDateTime.of(2026, 12, 7, 15, 1), ProcessingTime.ofWorkingDays(3)))
                .isEqualTo(LocalDateTime.of(2026, 12, 11, 7, 30));
        assertThat(fifteen.appointment(LocalDateTime.of(2026, 12, 7, 15, 1), ProcessingTime.ofWorkingHours(2)))
                .isEqualTo(LocalDateTime.of(2026, 12, 8, 9, 30));
    }

    @Test
    void sameDayProceduresStillReturnAtClosing() {
        assertThat(calendar.appointment(LocalDateTime.of(2026, 12, 7, 6, 0), ProcessingTime.SAME_DAY))
                .isEqualTo(LocalDateTime.of(2026, 12, 7, 17, 0));
        assertThat(calendar.appointment(LocalDateTime.of(2026, 12, 4, 22, 47), ProcessingTime.SAME_DAY))
                .isEqualTo(LocalDateTime.of(2026, 12, 7, 17, 0));
    }

    @Test
    void aCutoffOutsideTheOfficeHoursIsRefused() {
        assertThatThrownBy(() -> calendar.withOfficeHours(OfficeHours.STANDARD, LocalTime.of(18, 0), LocalTime.of(15, 0)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void datesBeyondTheLunarCalendarAreRefusedWithTheirYear() {
        assertThatThrownBy(() -> calendar.appointment(LocalDateTime.of(9999, 12, 31, 9, 30), ProcessingTime.ofWorkingDays(3)))
                .isInstanceOfSatisfying(OutsideCalendarRange.class, e -> assertThat(e.year()).isEqualTo(9999));
    }
}
