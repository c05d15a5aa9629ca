package vn.motcua.counter.domain.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;
import vn.motcua.counter.domain.ProcessingTime;

class AppointmentHoursTest {

    private final AppointmentCalendar weekdays = new WorkingWeekCalendar();

    @Test
    void hoursSkipLunchAndNights() {
        // Mon 2026-03-02 10:00 + 4 office hours: 1.5 h until 11:30, then 2.5 h from 13:00 -> 15:30.
        assertThat(weekdays.appointment(LocalDateTime.of(2026, 3, 2, 10, 0), ProcessingTime.ofWorkingHours(4)))
                .isEqualTo(LocalDateTime.of(2026, 3, 2, 15, 30));
        // 16:00 + 4 h: 1 h today, 3 h from 07:30 next day -> 10:30.
        assertThat(weekdays.appointment(LocalDateTime.of(2026, 3, 2, 16, 0), ProcessingTime.ofWorkingHours(4)))
                .isEqualTo(LocalDateTime.of(2026, 3, 3, 10, 30));
    }

    @Test
    void receivedOutsideOfficeHoursCountsFromTheNextOpening() {
        // Friday 18:00 + 8 h = Monday 17:00; lunch time reception starts at 13:00.
        assertThat(weekdays.appointment(LocalDateTime.of(2026, 3, 6, 18, 0), ProcessingTime.ofWorkingHours(8)))
                .isEqualTo(LocalDateTime.of(2026, 3, 9, 17, 0));
        assertThat(weekdays.appointment(LocalDateTime.of(2026, 3, 4, 12, 0), ProcessingTime.ofWorkingHours(1)))
                .isEqualTo(LocalDateTime.of(2026, 3, 4, 14, 0));
        assertThat(weekdays.appointment(LocalDateTime.of(2026, 3, 7, 9, 0), ProcessingTime.ofWorkingHours(2)))
                .as("Saturday").isEqualTo(LocalDateTime.of(2026, 3, 9, 9, 30));
    }

    @Test
    void configuredOfficeHoursAndCutoffAreUsed() {
        OfficeHours south = OfficeHours.parse("07:30-11:30, 13:30-17:00").orElseThrow();
        VietnamHolidayCalendar calendar = VietnamHolidayCalendar.bundled().withOfficeHours(south, south.closing(),
                LocalTime.of(16, 0));
        assertThat(calendar.appointment(LocalDateTime.of(2026, 3, 4, 11, 0), ProcessingTime.ofWorkingHours(1)))
                .isEqualTo(LocalDateTime.of(2026, 3, 4, 14, 0));
        assertThat(calendar.appointment(LocalDateTime.of(2026, 3, 4, 15, 30), ProcessingTime.SAME_DAY))
                .as("before the configured 16:00 cutoff").isEqualTo(LocalDateTime.of(2026, 3, 4, 17, 0));
        assertThat(calendar.appointment(LocalDateTime.of(2026, 3, 4, 16, 30), ProcessingTime.SAME_DAY))
                .isEqualTo(LocalDateTime.of(2026, 3, 5, 17, 0));
    }

    @Test
    void hoursAcrossTheTetBreak() {
        // Fri 13/02/2026 16:00 + 3 h: 1 h on Friday, then Tết until Sun 22/02 -> Mon 23/02 09:30.
        assertThat(VietnamHolidayCalendar.bundled().appointment(LocalDateTime.of(2026, 2, 13, 16, 0), ProcessingTime.ofWorkingHours(3)))
                .isEqualTo(LocalDateTime.of(2026, 2, 23, 9, 30));
    }

    @Test
    void officeHoursSettingsThatCannotBeUsedAreEmpty() {
        assertThat(OfficeHours.parse("13:00-17:00,07:30-11:30")).isEmpty();
        assertThat(OfficeHours.parse("7h30-11h30")).isEmpty();
        assertThat(OfficeHours.parse(null)).isEmpty();
        assertThat(OfficeHours.STANDARD.perDay()).hasHours(8);
    }

    @Test
    void theExistingDayCountingIsUnchanged() {
        assertThat(weekdays.appointment(LocalDateTime.of(2026, 3, 6, 9, 0), ProcessingTime.ofWorkingDays(2)))
                .isEqualTo(LocalDateTime.of(2026, 3, 10, 9, 0));
        assertThat(weekdays.appointment(LocalDateTime.of(2026, 3, 6, 15, 1), ProcessingTime.SAME_DAY))
                .isEqualTo(LocalDate.of(2026, 3, 9).atTime(17, 0));
        assertThat(new ProcessingTime(3)).isEqualTo(ProcessingTime.ofWorkingDays(3));
    }
}
